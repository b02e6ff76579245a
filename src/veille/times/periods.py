"""Template parts about spans anchored on a named day, a bare day number or a
city's clock; a mixin of ``values.Filler`` (the functions are listed in its table).

==================  ===========================================================================
``{wdpair:G}``      a weekday of a pair with a plural "derniers" / "prochains" ("mardi et mercredi
                    derniers"), each read as "mardi dernier"
``{dmweekend:D,M,Y}`` the week-end of a day and month ("le week-end des 22 et 23 juin" ->
                    ``2024-W25-WE``), the year chosen as for "le 22 juin"
``{dmshift:D,M,Y,N}`` a day and month moved by N days ("la veille du 14 juillet" -> ``…-07-13``)
``{daynum:D,±}``    a bare day number of a month the text does not name ("jusqu'au 25"): the
                    article's month, or the next (``+``) / previous (``-``) one when the day has
                    passed (is still to come); ``t``: ``-`` after a past tense, else ``+``
``{daylast:D}``     a bare day number after a month the text named ("En mars, … Le 5, …"): that
                    day of the last named month (of the last named day's month), else as ``daynum:D,t``
``{nightclock:C,W}`` a clock time in "la nuit de samedi à dimanche": before noon the day after W
``{ordcentury:G}``  a century in words ("dix-neuvième" -> ``18``)
``{daygen[:untensed]}`` the last named day, or nothing when a present tense tells a habit and the
                    text named no day ("Le soir, les rues sont désertes" -> ``TEV``)
``{weekno:W,Y}``    a week given by its number ("la semaine 27") in year Y, else the article's: ``2025-W27``
``{monthweek:O,M,Y}`` the Nth week of a month ("la deuxième semaine de juillet"): the ISO week holding
                    its 4th (11th, 18th, 25th) day, as ISO counts a year's first week; the last week
                    holds the month's 4th day from the end; the month's year as for "en juillet"
``{cityzone:G}``    the UTC offset of a city's clock that day (``zones.tsv``: "Pékin" -> ``+08``);
                    ``values.f_zone`` asks ``local_zone`` the offset of "heure locale"
==================  ===========================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from veille.common.timespans import Match, lexicon
from veille.times.days import parse_clock
from veille.times.number_words import parse_number
from veille.times.resolve import resolve

# "12 h 30 locales (20 h 30 en France)": the French clock time given beside a local one.
_FRENCH_BESIDE = re.compile(r"^\s*\(\s*(?P<h>[01]?\d|2[0-3])\s?h(?:eures?)?\s?(?P<m>[0-5]\d)?\s+(?:en\s+france|à\s+paris"
                            r"|heures?\s+de\s+paris|heures?\s+françaises?)", re.I)
_ZONE_WINDOW = 500


def _eu_summer(day: dt.date) -> bool:
    def last_sunday(month: int) -> dt.date:
        end = dt.date(day.year, month, 31)
        return end - dt.timedelta(days=(end.weekday() + 1) % 7)

    return last_sunday(3) <= day < last_sunday(10)


def _us_summer(day: dt.date) -> bool:
    """Second Sunday of March to first Sunday of November (the US rule since 2007; before, first
    Sunday of April to last Sunday of October)."""
    def nth_sunday(month: int, n: int) -> dt.date:
        first = dt.date(day.year, month, 1)
        return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))

    if day.year >= 2007:
        return nth_sunday(3, 2) <= day < nth_sunday(11, 1)
    end = dt.date(day.year, 10, 31)
    return nth_sunday(4, 1) <= day < end - dt.timedelta(days=(end.weekday() + 1) % 7)


class Periods:
    """The template parts of this module; ``values.Filler`` supplies ``group``, ``rm``, ``a``,
    ``engine``, ``f_dm``, ``f_wd``."""

    rm: Any
    a: Any
    engine: Any

    def group(self, name: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_dm(self, d: str, m: str, y: str = "") -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_wd(self, g: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_mon(self, g: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_y(self, g: str) -> str | None:  # pragma: no cover - Filler's
        raise NotImplementedError

    def f_weekno(self, w: str, y: str = "") -> str | None:
        number = int(self.group(w) or 0)
        year = self.f_y(y) if y and self.group(y) else (f"{self.a.ref.year:04d}" if self.a.ref.year else None)
        if year is None or not 1 <= number <= dt.date(int(year), 12, 28).isocalendar()[1]:
            return None
        return f"{year}-W{number:02d}"

    def f_monthweek(self, o: str, m: str, y: str = "") -> str | None:
        word = (self.group(o) or "").lower()
        rank = next((n for n, prefixes in enumerate((("premi", "1"), ("deuxi", "second", "2"), ("troisi", "3"),
                                                     ("quatri", "4")), 1) if word.startswith(prefixes)), None)
        month = self.f_y(y) + "-" + f"{self._month_number(m):02d}" if y and self.group(y) else self.f_mon(m)
        if not month or not re.fullmatch(r"\d{4}-\d{2}", month):
            return None
        first = dt.date(int(month[:4]), int(month[5:]), 1)
        if word.startswith("derni"):
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            day = following - dt.timedelta(days=4)
        elif rank is None:
            return None
        else:
            day = first + dt.timedelta(days=3 + 7 * (rank - 1))
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"

    def _month_number(self, m: str) -> int:
        return int(lexicon()["months"].get((self.group(m) or "").lower(), 0))

    def f_wdpair(self, g: str) -> str | None:
        """A weekday of a pair named with a plural "derniers" / "prochains" ("mardi et mercredi
        derniers"): both days read as "mardi dernier", "mercredi dernier"."""
        rm = self.rm
        post = (rm.groups.get("post") or "").lower().rstrip("s")
        m = Match("weekday", rm.outer_start, rm.outer_end, {"wd": self.group(g), "pre": None, "post": post}, rm.text)
        return resolve(m, self.a.ref, None)

    def _iso_week_of(self, d: str, m: str, y: str) -> str | None:
        """The ISO week ("2025-W25") of a day written as day and month (and year)."""
        day = self.f_dm(d, m, y)
        if day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return None
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{year:04d}-W{week:02d}"

    def f_dmweekend(self, d: str, m: str, y: str = "") -> str | None:
        week = self._iso_week_of(d, m, y)
        return None if week is None else f"{week}-WE"

    def f_dmweek(self, d: str, m: str, y: str = "") -> str | None:
        return self._iso_week_of(d, m, y)

    def f_dmshift(self, d: str, m: str, y: str, n: str) -> str | None:
        day = self.f_dm(d, m, y)
        if day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return None
        return (dt.date.fromisoformat(day) + dt.timedelta(days=int(n))).isoformat()

    def f_daynum(self, d: str, sign: str) -> str | None:
        ref = self.a.ref
        text = (self.group(d) or "").lower()
        number = 1 if text == "1er" else int(text) if text.isdigit() else 0
        if ref.year is None or ref.month is None or ref.day is None or not 1 <= number <= 31:
            return None
        year, month = ref.year, ref.month
        if sign == "t":  # by the verb's tense: a past looks back, anything else ahead
            rm = self.rm
            sign = "-" if self.a.tense(Match("date", rm.start, rm.end, dict(rm.groups), rm.text)) == "past" else "+"
        if sign == "+" and number < ref.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        elif sign == "-" and number > ref.day:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        try:
            return dt.date(year, month, number).isoformat()
        except ValueError:
            return None

    def f_daylast(self, d: str) -> str | None:
        text = (self.group(d) or "").lower()
        number = 1 if text == "1er" else int(text) if text.isdigit() else 0
        month = self.a.last_month
        if month is None and self.a.last is not None:
            month = (self.a.last.year, self.a.last.month)
        if month is None or not 1 <= number <= 31:
            return self.f_daynum(d, "t")
        try:
            return dt.date(month[0], month[1], number).isoformat()
        except ValueError:
            return None

    def f_nightclock(self, c: str, w: str) -> str | None:
        clock = parse_clock(self.group(c))
        day = self.f_wd(w)
        if clock is None or day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
            return None
        if int(clock[:2]) < 12:  # after midnight: the second day of the night
            day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
        return f"{day}T{clock}"

    def f_dayafter(self) -> str | None:
        # ``{dayafter}`` "au lendemain de <event>": the day after the last day named, but a report
        # whose last day named is the article's own does not run past it unless its verb is future
        # ("ce lundi … Au lendemain de la chute, …": the event of the eve, the article's day).
        day, ref, rm = self.a.last_day, self.a.ref.date, self.rm
        if day is None:
            return None
        after = day + dt.timedelta(days=1)
        if ref is not None and day <= ref < after and \
                self.a.tense(Match("date", rm.start, rm.end, dict(rm.groups), rm.text)) != "future":
            after = ref
        return after.isoformat()

    def f_ordcentury(self, g: str) -> str | None:
        word = (self.group(g) or "").lower()
        n: float | None = 1 if word in ("premier", "1er") else None
        if n is None and word.endswith("ième"):
            # "dix-neuvième" -> "dix-neuf", "quinzième" -> "quinze", "vingt et unième" -> "vingt et un"
            stem = re.sub(r"cinqu$", "cinq", re.sub(r"neuv$", "neuf", word[:-4]))
            stem = stem + "e" if stem.endswith(("z", "quatr", "trent")) else stem
            n = parse_number(stem)
        return f"{int(n) - 1:02d}" if n and 1 <= n <= 30 and n == int(n) else None

    def f_toldweekend(self) -> str | None:
        # "pendant le week-end" of one event: a completed past is the last week-end begun by the
        # article's day (that of its own week from Saturday on), a coming event the next one.
        day, rm = self.a.ref.date, self.rm
        if day is None:
            return None
        past = self.a.tense(Match("weekday", rm.outer_start, rm.outer_end, dict(rm.groups), rm.text)) == "past"
        shift = -1 if past and day.weekday() < 5 else 1 if not past and day.weekday() == 6 else 0
        year, week, _ = (day + dt.timedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}-WE"

    def f_daygen(self, untensed: str = "") -> str | None:
        rm = self.rm
        # ``{daygen:untensed}`` (a part of the day opening its clause, "Le matin, je prends le car"): a
        # present is a habit even after a day was named, as the real-page gold reads it on three sites.
        if self.a.last is None or untensed:
            tense = self.a.tense(Match("date", rm.start, rm.end, dict(rm.groups), rm.text))
            # ``{daygen:untensed}``: no tense found (a copula on a participle, "sont désertes") is a
            # habit too, for a rule whose guard already left the completed past out.
            if tense == "present" or (untensed and tense is None and self.a.last is None):
                return ""
        day = self.a.last_day
        return day.isoformat() if day else None

    def _offset(self, offset: float, rule: str) -> str:
        day = self.a.last_day
        if day is not None and ((rule == "eu" and _eu_summer(day)) or (rule == "us" and _us_summer(day))):
            offset += 1
        sign, hours = "+" if offset >= 0 else "-", abs(offset)
        minutes = round((hours - int(hours)) * 60)
        return f"{sign}{int(hours):02d}" + (f":{minutes:02d}" if minutes else "")

    def f_cityzone(self, g: str) -> str | None:
        row = self.engine.zones.get(re.sub(r"\s+", " ", (self.group(g) or "").lower().replace("’", "'")).strip())
        return None if row is None else self._offset(*row)

    def local_zone(self) -> str | None:
        """The offset of a local clock time ("vers 12 h 30 locales"): from the French time given
        beside it ("(20 h 30 en France)": the French offset plus the gap), else from the last place
        of ``zones.tsv`` the text named before it (or in its sentence), else None."""
        text, rm = self.a.text, self.rm
        if not text:
            return None
        clock = re.search(r"(\d{1,2})\s?h(?:eures?)?\s?(\d{2})?", rm.text)
        beside = _FRENCH_BESIDE.match(text[rm.outer_end:rm.outer_end + 40])
        if clock and beside:
            local = int(clock.group(1)) * 60 + int(clock.group(2) or 0)
            french = int(beside.group("h")) * 60 + int(beside.group("m") or 0)
            day = self.a.last_day
            base = 2 if day is not None and _eu_summer(day) else 1
            gap = (local - french + 12 * 60) % (24 * 60) - 12 * 60  # within ±12 h
            if gap % 30 == 0:
                return self._offset(base + gap / 60, "none")
        lo = max(0, rm.outer_start - _ZONE_WINDOW)
        stop = re.search(r"[.!?\n]", text[rm.outer_end:])
        hi = rm.outer_end + stop.start() if stop else len(text)
        found = list(self.engine.zone_names.finditer(text[lo:hi].lower().replace("’", "'")))
        if not found:
            return None
        before = [m for m in found if lo + m.start() < rm.outer_start]
        name = re.sub(r"\s+", " ", (before[-1] if before else found[0]).group(0))
        return self._offset(*self.engine.zones[name])
