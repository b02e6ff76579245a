"""Names joined with hyphens after a noun that pairs them: "l'administration Vernier-Lacaze", "le
tandem Dorval-Morin", "l'affaire Dorval-Kessler" (invented names). French
news names a ticket, a duo or a matter by its members' names so joined; NER reads the compound
as one name (a person, a body or a place no one is called). Where a pairing noun of
``lexicons/entities/pairing_nouns.tsv`` stands right before the compound (at most two words
between: "le trio de tête X-Y-Z") and the article also writes a part alone, the compound is no
name of its own: each part is a mention (of a person after a noun that pairs people, "tandem",
"administration"; else of what NER read the compound as). A double surname the article never
splits ("l'affaire Dorval-Kessler" with no "Dorval" elsewhere) stays one name.
"""

from __future__ import annotations

import re

from veille.common.lexicon import mapping
from veille.entities.mention import Mention

_NOUNS = mapping("entities/pairing_nouns.tsv")  # noun -> "people" when it pairs people
_COMPOUND = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’']*(?:-[A-ZÀ-ÖØ-Þ][\w’']*)+")
_WORD = re.compile(r"\w+")  # ("l’administration": the noun after the elision)


def _pairing_noun(text: str, m: Mention) -> str | None:
    """The pairing noun right before a hyphenated compound of capitalised names, if any."""
    if not _COMPOUND.fullmatch(m.key):
        return None
    before = [w.lower() for w in _WORD.findall(text[max(0, m.start - 40):m.start])][-3:]
    return next((w for w in reversed(before) if w in _NOUNS), None)


def _parts(text: str, m: Mention, noun: str) -> list[Mention] | None:
    """The parts of a pairing as mentions, or None when the article writes none of them alone."""
    rest = text[:m.start] + " " + text[m.end:]
    parts = m.key.split("-")
    if not any(re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", rest) for p in parts):
        return None
    label = "PER" if _NOUNS[noun] == "people" else m.label
    out, at = [], m.start
    for p in parts:
        at = text.index(p, at)
        out.append(Mention(at, at + len(p), p, p, label, m.source))
        at += len(p)
    return out


def split_pairings(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with each hyphenated pairing of names replaced by its parts (see the module)."""
    if not any("-" in m.key for m in names):
        return names
    out: list[Mention] = []
    for m in names:
        noun = _pairing_noun(text, m)
        parts = _parts(text, m, noun) if noun else None
        out.extend(parts if parts is not None else [m])
    return out
