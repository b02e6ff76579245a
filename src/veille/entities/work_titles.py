"""A work's title is no entity (the real-page guidelines: programmes and book titles are not
entities). French news names a work after the noun of its kind: "le film X", "l'exposition X au
musée", "spectacle musical : « X »", "le slogan « X, Y, Z »"; the NER model reads the title's
capitalised words as a body, a place or a person. The nouns are in
``lexicons/entities/work_nouns.tsv``. The title is what the quotation marks opening right after the
noun hold, or else the capitalised words right after it (so that "le film X de Léa Roy" leaves the
director a person); a title's whole name is no entity anywhere in the article either (the same
title in the headline), a place merely inside a title stays a place elsewhere. Examples are
invented.
"""

from __future__ import annotations

import re

from veille.common.lexicon import rows
from veille.common.regexscan import WordGate

_ROWS = rows("entities/work_nouns.tsv", min_columns=2)
_NOUNS = sorted({w.lower() for r in _ROWS for w in r[:2]}, key=len, reverse=True)
_S = r"[ \u00a0]+"
# one adjective between the noun and the title ("spectacle musical", "le film culte", "la série
# américaine"), by its ending only, so that a verb ("le livre raconte Brivac") lets no name through
_ADJ = r"(?:" + _S + r"(?:[a-zéèêëïîôûç\-]+(?:al|ale|aux|ique|ien|ienne|ais|aise|ain|aine|el|elle|if|ive|aire)s?"\
    r"|culte|inédite?s?))?"
_OPEN = "«“\"‘"
_NOUN = r"(?:" + "|".join(re.escape(w) for w in _NOUNS) + r")"
# the noun in lower case (a given name "Roman", a heading "Série S" is no work's noun) after a
# determiner, perhaps with one adjective before it ("la célèbre chanson"); or, with no determiner, a
# colon after it ("spectacle musical : « X »"), so that "en série CART" names no title
_DET = r"(?:(?i:le|la|les|l['’]|un|une|des|du|au|aux|son|sa|ses|leur|leurs|ce|cet|cette|notre|votre)[ \u00a0]*"\
    r"(?:[a-zéèêëïîôûç\-]+" + _S + r")?)"
_BEFORE = re.compile(r"(?<![\w-])(?:" + _DET + _NOUN + _ADJ + r"(?:[ \u00a0]*:)?|" + _NOUN + _ADJ + r"[ \u00a0]*:)"
                     + r"[ \u00a0]*(?=[A-ZÀ-ÖØ-Þ" + _OPEN + "])")
# a quoted title: to the closing mark on the same line, at most 150 characters
_QUOTED = re.compile(r"[«“\"‘][^«»“”\"‘’\n]{1,150}?[»”\"’]")
_WORD = r"[A-ZÀ-ÖØ-Þ][\w\-’']*"
_CAPITALS = re.compile(_WORD + r"(?:[ \u00a0]" + _WORD + r")*")
_GATE = WordGate(_NOUNS)


def work_title_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a work's title right after its kind's noun (start, end)."""
    if not _GATE.may_hold(text):
        return []
    out = []
    for m in _BEFORE.finditer(text):
        title = _QUOTED.match(text, m.end()) or _CAPITALS.match(text, m.end())
        if title:
            out.append((title.start(), title.end()))
    return out


def work_title_names(text: str, spans: list[tuple[int, int]], mentions: list[tuple[int, str, str]]) -> frozenset[str]:
    """The keys of the mentions (start, key, label) of a place or body that are a title's whole
    name (its text without the marks, or before a colon or a dash: "« Brigade Ouest : une nuit »"):
    the same name is the work anywhere in the article ("Brigade Ouest" in the headline). A place
    merely inside a title ("« Brivac sous la neige »") stays a place elsewhere, and a person's name
    is refused inside the title only."""
    whole = set()
    for a, b in spans:
        title = text[a:b].strip(_OPEN + "»”’ \u00a0")
        whole |= {title, re.split(r"[ \u00a0]+[:–—-][ \u00a0]", title)[0].strip()}
    return frozenset(key for start, key, label in mentions
                     if label != "PER" and key in whole and any(a <= start < b for a, b in spans))
