"""Days, clock times, holidays and seasons for the value templates (``veille.times.values``).

The ``{dm}``, ``{holiday}``, ``{newyeareve}``, ``{sea}``, ``{clock12}``, ``{wdd}``, ``{nthwd}``, ``{monthweekend}``, ``{wdnext}``, ``{lastval}``,
``{refcentury}``, ``{cet}`` and ``{refmm}`` parts of a rule's value are filled here; ``DayParts`` is mixed into
``values.Filler``, which gives it ``rm`` (the rule match), ``a`` (the anchors), ``engine`` and
``group``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from veille.common.timespans import Match, lexicon
from veille.times.number_words import parse_number
from veille.times.resolve import Reference, resolve, resolve_day_month, resolve_month
from veille.times.weekday_year import agreeing_year

_FRACTION = re.compile(r"\s*(?:et\s+(?P<plus>quart|demie?)|moins\s+(?P<minus>le\s+quart|quart|[\w-]+)"
                       r"|(?P<words>[^\W\d_][\w\s-]*?))(?:\s+minutes?)?\s*$")
_WORD_HOUR = re.compile(r"([^\W\d_][\w\s-]*?)\s+heures?(?![\w-])(.*)$")


def _minutes_of(rest: str) -> int | None:
    """The minutes a fraction adds to the hour: 'et quart' 15, 'moins le quart' -15, 'trente' 30."""
    if not rest.strip():
        return 0
    m = _FRACTION.match(rest)
    if not m:
        return None
    if m.group("plus"):
        return 15 if m.group("plus") == "quart" else 30
    word = m.group("minus") or m.group("words") or ""
    amount = 15 if "quart" in word else parse_number(word)
    if amount is None or not 0 < amount < 60:
        return None
    return -int(amount) if m.group("minus") else int(amount)


def parse_clock(text: str | None) -> str | None:
    """'22 h' -> '22:00', '21 h 45' -> '21:45', '14:30', '14 heures', 'midi et demi' -> '12:30',
    'minuit' -> '24:00' (the midnight that ends the day the text places it on);
    in words or with a fraction: 'neuf heures' -> '09:00', '8 heures et quart' -> '08:15',
    '19 h moins le quart' -> '18:45', 'dix-huit heures trente' -> '18:30'."""
    if not text:
        return None
    low = text.lower().strip()
    if low.startswith(("midi", "minuit")):
        if low == "minuit":  # the end of the day it is read on (TimeML, ISO 8601: T24:00)
            return "24:00"
        hour = 12 if low.startswith("midi") else 0
        # "midi et quart", "midi moins le quart", "minuit et demie": the fraction moves the hour.
        extra = _minutes_of(low[4 if hour else 6:])
        if extra is None:  # a word after it that is no fraction ("midi pile"): the hour itself
            extra = 30 if "demi" in low else 0
        total = (hour * 60 + extra) % (24 * 60)
        return f"{total // 60:02d}:{total % 60:02d}"
    m = re.match(r"(\d{1,2})\s?(?:heures?|h|:)\s?(\d{2})?", low)
    words = None if m else _WORD_HOUR.match(low)
    if words:
        number = parse_number(words.group(1))
        if number is None or number != int(number):
            return None
        hour, minute, rest = int(number), 0, words.group(2)
    elif m:
        hour, minute, rest = int(m.group(1)), int(m.group(2) or 0), low[m.end():]
    else:
        return None
    if not minute and rest.strip():
        extra = _minutes_of(rest)
        if extra:
            hour, minute = divmod(hour * 60 + extra, 60)
            hour %= 24
    if hour > 24 or minute > 59:
        return None
    return f"{hour % 24 if hour == 24 and minute == 0 else hour:02d}:{minute:02d}"


def complete_year(text: str | None, ref: Reference) -> int | None:
    """'1997' -> 1997; '97' or '’97' -> 1997 in a 1999 or 2022 article, '03' -> 2003 in 2002."""
    if not text:
        return None
    digits = text.strip("'’ ")
    if not digits.isdigit():
        return None
    if len(digits) == 4:
        return int(digits)
    if len(digits) != 2:
        return None
    two = int(digits)
    base = ref.year or 2000
    # The nearest year ending so, a little ahead of the article at most (news looks back).
    candidates = [c * 100 + two for c in range(base // 100 - 1, base // 100 + 2)]
    return min((c for c in candidates if c <= base + 5), key=lambda c: abs(base - c), default=None)


def easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday_feast(rule: str, year: int) -> dt.date | None:
    """A feast on the Nth weekday of a month, ``MM/N/D`` of ``holidays.tsv`` (N = 1-5 or L for the
    last, D = 1 Monday … 7 Sunday), with an optional fourth field ``E+N``: a week later when it falls
    on that movable feast ("fête des mères" 05/L/7/E+49: the last Sunday of May, unless Pentecost)."""
    parts = rule.split("/")
    month, nth, weekday = int(parts[0]), parts[1], int(parts[2])
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7)
    if nth.upper() == "L":
        while (day + dt.timedelta(days=7)).month == month:
            day += dt.timedelta(days=7)
    else:
        day += dt.timedelta(days=7 * (int(nth) - 1))
        if day.month != month:
            return None
    if len(parts) > 3 and parts[3].startswith("E") and day == easter(year) + dt.timedelta(days=int(parts[3][1:])):
        day += dt.timedelta(days=7)
    return day


def near_year(make: Callable[[int], dt.date | None], ref: Reference, tense: str | None) -> dt.date | None:
    """The yearly day ``make(year)`` nearest the article as news means it: the article's year,
    one back when a past tense points behind (or a bare mention lies far ahead), one on for a
    future tense (the same rule as "le 3 mai")."""
    if ref.year is None:
        return None
    got = make(ref.year)
    if got is None or ref.date is None:
        return got
    gap = (got - ref.date).days
    if (tense == "past" and gap > 7) or (tense is None and gap > 120):
        return make(ref.year - 1)
    if (tense == "future" and gap < -7) or (tense is None and gap < -300):
        return make(ref.year + 1)
    return got


# "cet été", "ce printemps" (not "cet été-là", read by the narrative anchors).
_DEMONSTRATIVE = re.compile(r"ce(?:t)?\s+\w+$", re.I)
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
                   9: "FA", 10: "FA", 11: "FA"}


def season_around(code: str, day: dt.date, mode: str, tense: str | None = None) -> str:
    """``YYYY-SS`` of a season seen from a day. A past or coming winter is labelled by the year of
    its December (HeidelTime's "l'hiver dernier" = last year's), the current one by the day's year.

    ``last``: the latest one before the current season; ``next``: the first one after it;
    ``this``: the current one if it is that season, else the latest (past tense), the next
    (future tense) or the one of the day's year."""
    def label(year: int, month: int) -> str:
        return f"{year - (code == 'WI' and month != 12):04d}-{code}"

    n = day.year * 12 + day.month - 1
    current = SEASON_OF_MONTH[day.month]
    if mode == "this" and current == code:
        return f"{day.year:04d}-{code}"
    step = -1 if mode == "last" or (mode == "this" and tense == "past") else 1
    if mode == "this" and tense not in ("past", "future"):
        year = day.year
        return f"{year:04d}-{code}"
    k = n
    while SEASON_OF_MONTH[k % 12 + 1] == current and current == code:  # leave the current season
        k += step
    while SEASON_OF_MONTH[k % 12 + 1] != code:
        k += step
    return label(k // 12, k % 12 + 1)


class DayParts:
    """The template parts about days; a mixin of ``values.Filler``."""

    rm: Any
    a: Any
    engine: Any

    def group(self, name: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_dd(self, g: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_mm(self, g: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_ref(self, offset: str = "0") -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_dm(self, d: str, m: str, y: str = "") -> str | None:
        rm = self.rm
        if (self.group(m) or "").isdigit():  # "le 16/06": a month number
            day, month = self.f_dd(d), self.f_mm(m)
            if day is None or month is None:
                return None
            year = complete_year(self.group(y), self.a.ref) if y and self.group(y) else None
            return resolve_day_month(int(day), int(month), year, self.a.ref, self._tense_here("date"))
        match = Match("date", rm.start, rm.end, {"d": self.group(d), "m": self.group(m),
                                                 "y": self.group(y) if y else None}, rm.text)
        if match.groups["d"] is None or match.groups["m"] is None:
            return None
        tense = self.a.tense(match)
        value = resolve(match, self.a.ref, None if tense == "present" else tense)
        return value if match.groups["y"] else agreeing_year(value, rm.text, self.a.last_year)

    def _tense_here(self, kind: str) -> str | None:
        rm = self.rm
        tense = self.a.tense(Match(kind, rm.start, rm.end, dict(rm.groups), rm.text))
        return None if tense == "present" else tense

    def f_holiday(self, g: str) -> str | None:
        rule = self.engine.lookup("holidays", self.group(g))
        if rule is None:
            return None
        post = (self.rm.groups.get("post") or "").lower()
        tense = ("past" if post.startswith("dern") else "future") if post else self._tense_here("date")
        if rule.startswith("E"):
            offset = int(rule[1:])
            got = near_year(lambda y: easter(y) + dt.timedelta(days=offset), self.a.ref, tense)
        elif "/" in rule:
            got = near_year(lambda y: nth_weekday_feast(rule, y), self.a.ref, tense)
        else:
            month, day = int(rule[:2]), int(rule[3:])
            got = near_year(lambda y: dt.date(y, month, day), self.a.ref, tense)
        return got.isoformat() if got else None

    def f_newyeareve(self) -> str | None:
        """The eve of the New Year's Day a night is named by ("la nuit du Nouvel An"): that 1 January
        chosen by tense as the feast itself is ({holiday}), the night valued on the day it begins,
        as "la nuit de samedi à dimanche"."""
        got = near_year(lambda y: dt.date(y, 1, 1), self.a.ref, self._tense_here("date"))
        return (got - dt.timedelta(days=1)).isoformat() if got else None

    def f_holidayweek(self, g: str) -> str | None:
        """The ISO week of a feast ("le week-end de Pâques" -> ``2025-W16`` + "-WE")."""
        day = self.f_holiday(g)
        if day is None:
            return None
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{year:04d}-W{week:02d}"

    def f_sea(self, g: str, mode: str) -> str | None:
        code = self.engine.lookup("seasons", self.group(g))
        day = self.a.ref.date or (dt.date(self.a.ref.year, self.a.ref.month or 6, 15) if self.a.ref.year else None)
        if code is None or day is None:
            return None
        # "cet été", "ce printemps": the demonstrative points at the season of the article's year,
        # whatever the tense ("une prolongation cet été" in September, under a verb in the future,
        # is still the summer just past). Winter straddles two years: it keeps the tense's reading.
        if mode == "this" and code != "WI" and _DEMONSTRATIVE.match(self.rm.text):
            return f"{day.year:04d}-{code}"
        return season_around(code, day, mode, self._tense_here("month") if mode == "this" else None)

    def f_clock12(self, c: str, p: str) -> str | None:
        clock = parse_clock(self.group(c))
        part = (self.group(p) or "").lower()
        if clock is None:
            return None
        hour = int(clock[:2])
        if part in ("soir", "après-midi") and hour < 12:
            hour += 12
        elif part == "matin" and hour == 12:
            hour = 0
        return f"{hour:02d}{clock[2:]}"

    def f_wdd(self, w: str, d: str) -> str | None:
        wd = lexicon()["weekdays"].get((self.group(w) or "").lower())
        text = (self.group(d) or "").lower()
        number = 1 if text == "1er" else int(text) if text.isdigit() else 0
        anchor = self.a.last_day
        if wd is None or anchor is None or not 1 <= number <= 31:
            return None
        # The days with that number within five weeks of the anchor; the weekday decides.
        days = [anchor + dt.timedelta(days=k) for k in range(-35, 36)]
        fits = [x for x in days if x.day == number and x.weekday() == wd]
        return min(fits, key=lambda x: abs((x - anchor).days)).isoformat() if fits else None

    def f_nthwd(self, o: str, w: str, m: str, y: str = "") -> str | None:
        """'le premier dimanche de juin', 'le dernier samedi d'août 2023': that day of the month,
        the month's year chosen by tense as for "en juin"."""
        wd = lexicon()["weekdays"].get((self.group(w) or "").lower())
        day = self._nth_in_month(o, wd, m, y)
        return day.isoformat() if day else None

    def f_monthweekend(self, o: str, m: str, y: str = "") -> str | None:
        """'le premier week-end de juillet', 'le dernier week-end d'août': the ISO week of that
        month's Nth (last) Saturday, as a weekend (``2025-W27-WE``)."""
        day = self._nth_in_month(o, 5, m, y)
        if day is None:
            return None
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"

    def _nth_in_month(self, o: str, wd: int | None, m: str, y: str) -> dt.date | None:
        month = lexicon()["months"].get((self.group(m) or "").lower())
        word = (self.group(o) or "").lower()
        order = {"premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3,
                 "3e": 3, "quatrième": 4, "4e": 4}.get(word)
        if wd is None or month is None or (order is None and not word.startswith("dernier")):
            return None
        year = complete_year(self.group(y), self.a.ref) if y and self.group(y) else None
        if year is None:
            got = resolve_month(month, None, self.a.ref, self._tense_here("month"))
            if not got[:4].isdigit():
                return None
            year = int(got[:4])
        days = [dt.date(year, month, 1) + dt.timedelta(days=k) for k in range(31)]
        fits = [d for d in days if d.month == month and d.weekday() == wd]
        if order is None:
            return fits[-1]
        return fits[order - 1] if order <= len(fits) else None

    def f_wdnext(self, w: str, sign: str = "+") -> str | None:
        """'le samedi suivant' / 'le samedi précédent': the first such weekday after (before) the
        day the text last named."""
        wd = lexicon()["weekdays"].get((self.group(w) or "").lower())
        anchor = self.a.last_day
        if wd is None or anchor is None:
            return None
        step = 1 if sign == "+" else -1
        gap = ((wd - anchor.weekday()) * step) % 7 or 7
        return (anchor + dt.timedelta(days=gap * step)).isoformat()

    def f_wdweeks(self, w: str, n: str) -> str | None:
        """'mardi en huit' / 'mardi en quinze': the coming such weekday, then one (two) weeks on."""
        wd = lexicon()["weekdays"].get((self.group(w) or "").lower())
        day = self.a.ref.date
        if wd is None or day is None:
            return None
        weeks = 2 if (self.group(n) or "").lower() == "quinze" else 1
        gap = (wd - day.weekday()) % 7  # said on a Tuesday, "mardi en huit" is a week on
        return (day + dt.timedelta(days=gap + 7 * weeks)).isoformat()

    def f_lastval(self) -> str | None:
        return self.a.last_value or self.f_ref()

    def f_refcentury(self, offset: str = "0") -> str | None:
        return f"{self.a.ref.year // 100 + int(offset):02d}" if self.a.ref.year else None

    def f_cet(self) -> str | None:
        day = self.a.last_day
        if day is None:
            return None

        def last_sunday(month: int) -> dt.date:
            end = dt.date(day.year, month, 31)
            return end - dt.timedelta(days=(end.weekday() + 1) % 7)

        return "+2" if last_sunday(3) <= day < last_sunday(10) else "+1"

    def f_refmm(self) -> str | None:
        return f"{self.a.ref.month:02d}" if self.a.ref.month else None
