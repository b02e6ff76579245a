"""'Trois mois plus tard' after a date that named only a year or a month ("en 2019 …", "en mai
2019 …"): the count starts from that date, not from the article's date nor from an older day.

The value keeps the expression's granularity (the check set's convention for a day anchor: "deux
semaines plus tard" is a week), but the part the anchor never named is unknown, so it is written
with TimeML's X placeholders: "en 2019 … trois mois plus tard" -> ``2019-XX``, "en mai 2019 … dix
jours plus tard" -> ``2019-05-XX``. The whole years (months) the amount spans move the known part.
"""

from __future__ import annotations

# How many of each finer unit make one unit of the anchor, to move the known part by whole ones.
_PER_YEAR = {"M": 12, "W": 52, "D": 365}
_DAYS_PER_MONTH = 30


def _whole(amount: int, per: int) -> int:
    """Whole anchor units in the amount, toward zero ("six mois plus tôt" stays in the year)."""
    return int(amount / per)


def shift_from_coarse(year: int | None, month: tuple[int, int] | None, amount: int, unit: str) -> str | None:
    """The value of a counted shift finer than its anchor; None when the anchor is not coarser."""
    if year is None:
        return None
    if month is None and unit in _PER_YEAR:  # the anchor named a year only
        shifted = year + _whole(amount, _PER_YEAR[unit])
        return f"{shifted:04d}" + {"M": "-XX", "W": "-WXX", "D": "-XX-XX"}[unit]
    if month is not None and unit == "W":  # a month: the week is unknown, its year near enough
        n = month[0] * 12 + month[1] - 1 + _whole(amount * 7, _DAYS_PER_MONTH)
        return f"{n // 12:04d}-WXX"
    if month is not None and unit == "D":
        n = month[0] * 12 + month[1] - 1 + _whole(amount, _DAYS_PER_MONTH)
        return f"{n // 12:04d}-{n % 12 + 1:02d}-XX"
    return None
