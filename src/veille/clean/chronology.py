"""Years alone on their lines that head a chronology's entries, kept in the body.

French news sets a timeline ("Repères", "Chronologie") as years in headings, each over the
entries of that year: "2019" over "Mars : Léa Roy est élue à Lure.", "2021" over "Le conseil de
Lure vote la fusion." A lone number is otherwise a counter (comments, shares, a slideshow's
picture number) and goes to the boilerplate; a year heading dropped that way leaves every month
under it without its year, so the times and events stages date the entries in the publication's
year. A page's lone years are read as headings when there are at least ``MIN_HEADINGS`` of them,
in order (rising or falling), each over a line of words: an archive menu's years stand over one
another, a counter over nothing dated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_YEAR_ONLY = re.compile(r"^\s*(?P<year>(?:1[89]|20)\d\d)\s*$")
MIN_HEADINGS = 3
ENTRY_MIN_WORDS = 3  # the first entry under a heading: a line of words, not another number


def chronology_years(lines: Sequence[str]) -> set[int]:
    """Indices of the lines that are a chronology's year headings."""
    found: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        m = _YEAR_ONLY.match(line)
        if m is None:
            continue
        nxt = next((ln for ln in lines[i + 1:] if ln.strip()), "")
        if len(nxt.split()) >= ENTRY_MIN_WORDS and not _YEAR_ONLY.match(nxt):
            found.append((i, int(m.group("year"))))
    years = [y for _, y in found]
    ordered = years == sorted(years) or years == sorted(years, reverse=True)
    if len(found) < MIN_HEADINGS or not ordered or len(set(years)) < len(years):
        return set()
    return {i for i, _ in found}
