"""The first end of a range of dates written without its year takes the year of the second end.

French writes the year once, at the end of a range: "du 5 avril au 18 décembre 1984", "de mars à
octobre 2019", "entre avril et juin 2019". The first date is in the second's year (the year before
when it would come after the second: "du 15 décembre au 3 janvier 2020" starts in 2019), not in the
year the article's date or the verb's tense would give it. When neither end writes a year, the
second end's reading (by the tense) gives the first its year too, so that the range runs forward
("entre le 12 mars et le 21 avril" under a past verb, in an article of late March). Run after the
values are filled, on the times of one article in text order.
"""

from __future__ import annotations

import re

from veille.model import TimeExpr

_DATED = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?(?=T|$)")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
# What links the two ends, by the word that opened the range.
_LINKS = {"du": r"au|à|jusqu['’]au", "de": r"à|au|jusqu['’]à|jusqu['’]en", "d'": r"à|au|jusqu['’]à|jusqu['’]en",
          "entre": r"et", "depuis": r"jusqu['’]au|jusqu['’]à|jusqu['’]en"}
_OPENER = re.compile(r"(?<![\w-])(du|de|d['’]|entre|depuis)\s*(?:le\s+)?$", re.I)


def range_years(text: str, times: list[TimeExpr], year_free: set[int]) -> None:
    """Give each year-free first end of a range (``year_free``: indexes into ``times``) the year of
    the range's second end when that end writes its year."""
    for i in sorted(year_free):
        if i + 1 >= len(times):
            continue
        first, second = times[i], times[i + 1]
        if first.start is None or first.end is None or second.start is None or second.type != first.type:
            continue
        a, b = _DATED.match(first.value or ""), _DATED.match(second.value or "")
        if not (a and b) or bool(a.group(3)) != bool(b.group(3)):
            continue
        # Neither end writes its year ("entre le 12 mars et le 21 avril"): each end was read on its
        # own, by the tense, and the two may fall in different years, out of order. The range still
        # runs forward within a year: the first end follows the second's year, as when it is written.
        if not _YEAR_WRITTEN.search(second.text) and (i + 1 not in year_free or _YEAR_WRITTEN.search(first.text)):
            continue
        lead = re.match(r"(?i)(du|de|d['’])\s+", first.text)  # "du 5 avril" kept whole
        before = text[max(0, first.start - 20):first.start] + (lead.group(0) if lead else "")
        opener = _OPENER.search(before)
        if opener is None:
            continue
        link = _LINKS[opener.group(1).lower().replace("’", "'")]
        if not re.fullmatch(rf"\s*(?:{link})\s*(?:le\s+)?", text[first.end:second.start], re.I):
            continue
        year = int(b.group(1))
        if (a.group(2), a.group(3) or "") > (b.group(2), b.group(3) or ""):
            year -= 1
        first.value = f"{year:04d}{(first.value or '')[4:]}"
