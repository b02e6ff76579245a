"""A ship's name is no entity (the real-page guidelines: ships and other named vehicles are
products, not people, places or bodies). French news names a ship after its kind of vessel ("le
pétrolier Korvan", "la frégate russe Morvane", "le navire Hr.Ms.Tilburg"), glosses it after the
name ("le Vardel, un pétrolier battant pavillon …") or after it ("ce navire, le Vardel, …", "les
deux navires, le Vardel et le Morsin, …"); the NER model reads such names as people or places. The
vessel nouns are in ``lexicons/entities/vessel_nouns.tsv``; a name so marked once is no entity
anywhere in the article ("Le Korvan transportait du brut" further on). Examples are invented.
"""

from __future__ import annotations

import re

from veille.common.lexicon import rows
from veille.common.regexscan import WordGate

_ROWS = rows("entities/vessel_nouns.tsv", min_columns=2)
_SINGULAR = sorted({r[0].lower() for r in _ROWS}, key=len, reverse=True)
_PLURAL = sorted({r[1].lower() for r in _ROWS}, key=len, reverse=True)


def _alt(words: list[str]) -> str:
    """The words as one group, in any case ("Le pétrolier", "LE PÉTROLIER"); the name after stays case-sensitive."""
    return "(?i:" + "|".join(re.escape(w) for w in words) + ")"


# a name: capitalised words (a word may hold inner full stops, "Zr.Ms.Holland", not a final one)
_WORD = r"[A-ZÀ-ÖØ-Þ](?:[\w\-’']|\.(?=\w))*"
_NAME = _WORD + r"(?:[ \u00a0](?:[A-ZÀ-ÖØ-Þ0-9](?:[\w\-’']|\.(?=\w))*))*"
_S = r"[ \u00a0]+"
# an adjective between the vessel noun and the name ("le pétrolier russe X"): a nationality's or a
# kind's ending only, so that a verb ("le navire quitte Brest") never lets a place through
_ADJ = r"(?:" + _S + r"(?:[a-zéèêëïîôûç\-]+(?:ien|ienne|ais|aise|ois|oise|ain|aine|ique|and|ande|ol|ole|an|ane|in|ine|ec|que)" \
    r"|russe|suisse|grec|turc|amiral|militaire|fantôme)s?)?"
_DET = r"(?i:le|la|les|l['’]|un|une|du|au|aux|ce|cet|cette|ces|son|sa|leur|deux|trois)"
_ART = r"(?i:le|la|l['’])"
_BEFORE = re.compile(r"(?<![\w-])" + _DET + _S + _alt(_SINGULAR + _PLURAL) + _ADJ + _S + r"(?=[A-ZÀ-ÖØ-Þ])")
# (after the name: a masculine article only, as ships go by, so that "… de la Crimée, un navire …"
# is no gloss of a place)
_AFTER = re.compile(r"(?<![\w-])(?i:le|du|au)" + _S + r"(" + _NAME + r"),"
                    + _S + r"(?i:un|une|le|la|l['’])" + r"[ \u00a0]*" + r"(?:[a-zéèêëïîôûç\-]+" + _S + r")?"
                    + _alt(_SINGULAR) + r"(?![\w-])")
# (after the noun and a comma, "ce navire, le Solenn, …", "les deux frégates russes, le X et le Y, …": the
# apposition must close on a comma or a bracket, so that "… contre le navire, la Valdorie accuse"
# names no ship)
_LIST = re.compile(_alt(_SINGULAR + _PLURAL) + _ADJ + r"," + _S + _ART + r"[ \u00a0]*(" + _NAME + r")"
                   + r"(?:" + _S + r"et" + _S + _ART + r"[ \u00a0]*(" + _NAME + r"))?(?=[,)])")
_NAME_RE = re.compile(_NAME)
# every shape needs a vessel noun: a text without one is not scanned (the three case-insensitive
# alternations cost more than the rest of the entity rules' regexes on a long page)
_NOUNS = WordGate(_SINGULAR + _PLURAL)


def vessel_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a ship's name (start, end), by the three shapes of the docstring."""
    if not _NOUNS.may_hold(text):
        return []
    out = []
    for m in _BEFORE.finditer(text):
        name = _NAME_RE.match(text, m.end())
        if name:
            out.append((name.start(), name.end()))
    for m in _AFTER.finditer(text):
        out.append((m.start(1), m.end(1)))
    for m in _LIST.finditer(text):
        out += [(m.start(g), m.end(g)) for g in (1, 2) if m.group(g)]
    return sorted(set(out))


def vessel_names(spans: list[tuple[int, int]], mentions: list[tuple[int, str]]) -> frozenset[str]:
    """The keys of the mentions (start, key) that open inside a ship's name: the same name is no
    entity anywhere else in the article."""
    return frozenset(key for start, key in mentions if any(a <= start < b for a, b in spans))
