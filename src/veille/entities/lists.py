"""Names in an enumeration share a kind: "Morel, Varin, Porte et Lebrun ont attaqué" (invented)
lists riders, so "Porte", which NER read as a place, is a person like the others. In a list of at
least four names joined by commas and "et", a name the KB does not know takes the type that at
least three fifths of the other names have (and at least three of them)."""

from __future__ import annotations

import re
from collections import Counter

from veille.entities.mention import Mention
from veille.kb import KB

_JOINER = re.compile(r"\s*(?:,|,?\s+(?:et|ou|and)\s+)\s*")
_MIN_ITEMS = 4
_SHARE = 0.6


def _type(m: Mention, kb: KB) -> str:
    return kb.entries[m.kb_id]["type"] if m.kb_id else m.label


def enumerations(names: list[Mention], text: str) -> list[list[Mention]]:
    """Runs of name mentions joined only by a comma or "et"/"ou" (in text order)."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in sorted(names, key=lambda m: m.start):
        if run and m.start >= run[-1].end and _JOINER.fullmatch(text[run[-1].end:m.start]) \
                and "\n" not in text[run[-1].end:m.start]:
            run.append(m)
            continue
        if len(run) >= _MIN_ITEMS:
            runs.append(run)
        run = [m]
    if len(run) >= _MIN_ITEMS:
        runs.append(run)
    return runs


def type_enumerations(names: list[Mention], text: str, kb: KB) -> None:
    """Gives the unknown names of an enumeration the type most of the others have (in place)."""
    for run in enumerations(names, text):
        for m in run:
            if m.kb_id:
                continue
            others = Counter(_type(o, kb) for o in run if o is not m and _type(o, kb) != "MISC")
            if not others:
                continue
            kind, count = others.most_common(1)[0]
            if kind != m.label and count >= 3 and count >= _SHARE * sum(others.values()):
                m.label = kind
