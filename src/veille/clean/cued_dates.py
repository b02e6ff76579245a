"""A publication stamp's date written in a form the date reader does not know, read only right
after a stamp cue ("Publié le", "Mis à jour le"): the cue says a date follows, so a looser form
is safe there and nowhere else.

* a month name cut after a few letters that only one month's names begin with ("29 déce. 2022",
  "3 octo 2021": a template that cuts every month name at four letters);
* day, month and year in figures set apart by the same odd separator twice ("19 o 01 o 2016",
  "19 - 01 - 2016": a template's bullet or icon between the numbers, rendered as a letter or mark).

The date is rewritten as "DD/MM/YYYY" in the stamp's text, so that the stamp reads as any other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.common.dates import calendar, valid_date

_CUT_MONTH = re.compile(r"(?<!\d)(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>[A-Za-zÀ-ÿ]{3,9})\.?\s+(?P<year>(?:19|20)\d\d)(?!\d)")
_ODD_SEPARATORS = re.compile(
    r"(?<!\d)(?P<day>[0-3]?\d)\s?(?P<sep>[^\d\s])\s?(?P<month>[01]?\d)\s?(?P=sep)\s?(?P<year>(?:19|20)\d\d)(?!\d)")
LOOSE_REACH = 40  # characters after the cue where the loose date must start (as a strict one's)


@lru_cache(maxsize=1)
def _month_names() -> tuple[tuple[str, int], ...]:
    """Full month names of the calendar (abbreviations, with their dot, left out)."""
    return tuple((name, n) for name, n in calendar()["months"].items() if "." not in name)


def cut_month(word: str) -> int | None:
    """The month a name cut short names ("déce" -> 12), when only one month's names begin so."""
    w = word.lower()
    months = {n for name, n in _month_names() if name.startswith(w) and name != w}
    return months.pop() if len(months) == 1 else None


def loose_cued_date(after: str) -> str | None:
    """``after`` (the text after a stamp cue) with a loose date near its start rewritten as
    "DD/MM/YYYY", or None when it holds none."""
    for rx in (_CUT_MONTH, _ODD_SEPARATORS):
        m = rx.search(after)
        if m is None or m.start() > LOOSE_REACH:
            continue
        day, year = int(m.group("day")), int(m.group("year"))
        month = cut_month(m.group("month")) if rx is _CUT_MONTH else int(m.group("month"))
        if month and valid_date(year, month, day):
            return f"{after[:m.start()]}{day:02d}/{month:02d}/{year}{after[m.end():]}"
    return None
