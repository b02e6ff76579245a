"""Dates of other articles among an HTML page's lines: what must not date the article.

An HTML page's block lines (``html.html_lines``) hold, besides the article's own stamp, the dates
of other articles: a block of teasers, each a headline and its date ("À la une", "Les plus lus",
read with ``teasers.dated_list`` as in a dump), and lists of related links each closing on its own
cued stamp ("La gare rénovée pour l'été Publié le 14/11/2022", the next item another day).
``other_dates`` gives the indices of those lines, so that neither the stamps read in the page nor
a date the extraction read in the page's text is taken from them.
"""

from __future__ import annotations

from veille.clean.dump import Unit
from veille.clean.stamps import has_stamp_cue, stamps
from veille.clean.teasers import dated_list
from veille.clean.text import words
from veille.common.dates import TEXT_DATE, find_date_in_line, find_full_date

LIST_REACH = 2  # lines to the next item of a list of related links
LIST_MIN_ITEMS = 3
ITEM_MIN_WORDS = 4  # words of a teaser's headline before the date that closes its line


def _published_day(line: str) -> str | None:
    if not has_stamp_cue(line):
        return None
    for kind, stamp in stamps(line):
        parts = find_date_in_line(stamp)
        if kind == "published" and parts is not None and parts.year:
            return parts.iso()
    return None


def _before_cue(line: str) -> str:
    found = stamps(line)
    return line[:line.find(found[0][1])] if found and found[0][1] in line else ""


def other_dates(lines: list[str]) -> set[int]:
    """Indices of the lines that date other articles: a list of dated teasers; headlines closing on
    a cued publication stamp with another day's cued stamp within ``LIST_REACH`` lines; three
    lines or more in a row, each a headline closing on a full date."""
    out = dated_list([Unit(ln, "text", i, 0) for i, ln in enumerate(lines)], 0, len(lines))
    days = {i: d for i, ln in enumerate(lines) if any(map(str.isdigit, ln)) and (d := _published_day(ln))}
    for i, day in days.items():
        # (The item's headline before its stamp: the article's own stamp line may sit near the list.)
        if len(words(_before_cue(lines[i]))) >= ITEM_MIN_WORDS and any(
                days.get(j) not in (None, day) for j in range(i - LIST_REACH, i + LIST_REACH + 1)):
            out.add(i)
    run: list[int] = []
    for i, ln in enumerate([*lines, ""]):
        if _closes_on_date(ln):
            run.append(i)
            continue
        if len(run) >= LIST_MIN_ITEMS:
            out.update(run)  # headlines each closing on its date, one a line ("… tramway 12 janvier 2021")
        run = []
    return out


def _closes_on_date(line: str) -> bool:
    """A teaser's line: a few words, then a full date that ends the line."""
    if not line or not line[-1].isdigit():
        return False
    m = next(reversed(list(TEXT_DATE.finditer(line))), None)
    return m is not None and m.end() == len(line) and len(words(line[:m.start()])) >= ITEM_MIN_WORDS \
        and find_full_date(m.group(0)) is not None
