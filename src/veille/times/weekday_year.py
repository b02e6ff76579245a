"""A weekday written with its day and month names the year in which they agree.

"Le jeudi 9 octobre", read in November 2022 under a past verb, is no Sunday of 2022: the
writer dated a day of another year, most often the year the text has just named ("le discours du
9 octobre 1958 … ce jeudi 9 octobre"). The year chosen by tense is kept when its weekday
agrees, or when the year named last does not agree either: then the weekday is most likely a slip
("mardi 15 novembre" in an article of 17 November 2023, a Wednesday; the year before, when it was a
Tuesday, is not meant), as the real-page gold reads such a day.
"""

from __future__ import annotations

import datetime as dt
import re

from veille.common.timespans import lexicon

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[^\W\d_]+")


def agreeing_year(value: str | None, written: str, last_year: int | None) -> str | None:
    """``value`` (an ISO day resolved without a written year) moved to ``last_year`` (the last year
    the text named) when the weekday of ``written`` falls on that day there and not in the year of
    ``value`` (a neighbouring year is no better a guess than a slip of the writer)."""
    if value is None or not _DAY.fullmatch(value):
        return value
    weekdays = lexicon()["weekdays"]
    word = next((w for w in _WORD.findall(written.lower()) if w in weekdays), None)
    if word is None:
        return value
    day = dt.date.fromisoformat(value)
    if day.weekday() == weekdays[word]:
        return value
    if not last_year or last_year == day.year:
        return value
    try:
        other = day.replace(year=last_year)
    except ValueError:  # 29 February
        return value
    return other.isoformat() if other.weekday() == weekdays[word] else value
