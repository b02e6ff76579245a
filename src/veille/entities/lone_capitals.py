"""A public figure's surname written alone in capitals: "MACRON avait promis", "la loi VALDOR"
(invented). Some outlets and most press releases set every surname in capitals, also where the
given name is left out; NER, trained on mixed case, misses such a word or reads it as an acronym
(an organisation). ``capital_surnames.py`` reads "Octave LEMARIN" and that surname again; this
module reads the surname with no given name anywhere: a capitals word whose mixed-case form is the
surname of a person of the knowledge base, and nothing else of it (no place, no organisation, no
common word, no acronym the stage refuses), is a person mention keyed in mixed case ("Macron"), so
that it is linked and clustered as NER's "Macron" would be. A word in a run of capitals (a heading,
"EN DIRECT") is left alone: there capitals say nothing about the word.
"""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.regexscan import FastSearch
from veille.entities.mention import Mention
from veille.kb import KB

_UP = "A-ZÀ-ÖØ-Þ"
# a capitals word of four letters or more, hyphens inside ("DUPOND-MORETTI"); an apostrophe or a
# hyphen glued on either side belongs to another word ("L'OTAN", "PRO-KREMLIN" stays whole)
_WORD = re.compile(rf"(?<![\w’'-])[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})*(?![\w’'-])")
_WORD_SCAN = FastSearch(_WORD)  # (the same matches: re skips to the capitals in C)
_CAPS_NEIGHBOUR = re.compile(rf"[{_UP}]{{2,}}[’'-]?$")
_CAPS_NEXT = re.compile(rf"^[{_UP}]{{2,}}")


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` stands beside another capitals word (a heading, a
    caption in capitals, "JEAN VALDOR" in a credit line)."""
    before = text[max(0, start - 30):start].rstrip(" \u00a0")
    after = text[end:end + 30].lstrip(" \u00a0")
    return bool(_CAPS_NEIGHBOUR.search(before.split()[-1] if before.split() else "")) \
        or bool(_CAPS_NEXT.match(after))


def kb_surname(word: str, kb: KB, not_names: frozenset[str], common: frozenset[str] = frozenset()) -> bool:
    """Whether a mixed-case word is a surname of the knowledge base's persons and no other name
    of it, no word the stage refuses as a name (``not_names``), no common word (``common``: the
    dictionary's) and no given name ("Martin" alone is as often Martin the given name)."""
    key = norm(word)
    if len(key.replace(" ", "")) < 4 or key in not_names or key in kb.given_names \
            or key in common or word.lower() in common:
        return False
    if not kb.surnames.get(key):
        return False
    return not any(kb.entries[i]["type"] != "PER" for i in kb.lookup(word))


def lone_capital_surnames(text: str, names: list[Mention], kb: KB | None, not_names: frozenset[str],
                          common: frozenset[str] = frozenset()) -> list[Mention]:
    """``names`` with every lone capitals surname of a known person a person mention (see the
    module); a one-word NER mention over the same word (an organisation, a place) is replaced,
    a longer one or a person mention is left as it is."""
    if kb is None:
        return names
    found: list[Mention] = []
    drop: set[int] = set()
    for m in _WORD_SCAN.finditer(text):
        word = m.group(0)
        if len(word) < 4 or _in_capitals_run(text, m.start(), m.end()):
            continue
        over = [n for n in names if n.start < m.end() and m.start() < n.end]
        if any(n.label == "PER" or (n.start, n.end) != m.span() or n.kb_ids for n in over):
            continue
        mixed = "-".join(part.capitalize() for part in word.split("-"))
        if not kb_surname(mixed, kb, not_names, common):
            continue
        drop.update(id(n) for n in over)
        found.append(Mention(m.start(), m.end(), word, mixed, "PER", "ner"))
    if not found:
        return names
    return sorted([n for n in names if id(n) not in drop] + found, key=lambda x: x.start)
