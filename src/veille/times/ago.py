"""The year a span counted back to the article's date starts in ("il y a trois ans": the DURATION
``P3Y``, "il y a" its signal, as the French TimeBank dev articles mark it; issue 12, times20).

The rules that read "aujourd'hui" as nowadays when the text sets it against a past (``_nowadays``,
``_nowadays_before_past``, ``_is_past`` in ``veille.times``) took "il y a trois ans" for a past
while it was the DATE it points at; the DURATION keeps that past through this year.
"""

from __future__ import annotations

import datetime as dt
import re

from veille.model import TimeExpr

# "il y a", "voilà", "voici", and up to two words of an adverb after it ("il y a de cela").
_AGO_BEFORE = re.compile(r"(?<![\w-])(?:il\s+y\s+a|voilà|voici)(?:\s+[^\W\d_]+){0,2},?\s*$", re.I)
_AMOUNT = re.compile(r"^P(\d+)([YMWD])$")


def ago_year(text: str, t: TimeExpr, day: dt.date | None) -> int | None:
    """The year ``t`` starts in when it is an amount after "il y a" counted back from ``day``
    (the article's date), else None."""
    if t.type != "DURATION" or t.start is None or day is None:
        return None
    amount = _AMOUNT.match(t.value or "")
    if amount is None or not _AGO_BEFORE.search(text[max(0, t.start - 40):t.start]):
        return None
    n, unit = int(amount.group(1)), amount.group(2)
    if unit == "Y":
        return day.year - n
    if unit == "M":
        return (day.year * 12 + day.month - 1 - n) // 12
    try:
        return (day - dt.timedelta(days=n * (7 if unit == "W" else 1))).year
    except OverflowError:
        return None


def ago_in_earlier_year(text: str, t: TimeExpr, day: dt.date | None) -> bool:
    """Whether ``t`` is an amount after "il y a" that starts in a year before ``day``'s."""
    year = ago_year(text, t, day)
    return year is not None and day is not None and year < day.year
