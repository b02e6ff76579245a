"""Value templates of the data rules: ``{function:groups}`` parts filled from the match.

A template is literal text with parts such as ``{today:rel}T{clock:clock}``; when one part cannot
be filled (no article date, an unknown word) the whole value is ``None``. The functions:

==================  ===========================================================================
``{ref:N}``         the article's date plus N days (``YYYY-MM-DD``)
``{last:N}``        the last day the text mentioned (else the article's date) plus N days
``{thatday}``       the last day the text mentioned, however far back: "ce soir-là" points at it (a
                    bare ``{last}T…`` clock time skips a background date of an earlier sentence)
``{today:G}``       the article's date moved by the day word in group G ("hier" -> -1)
``{rel:G}``         the last mentioned day moved by the word in G (``relative_days.tsv``)
``{wd:G}``          the weekday in G, its direction from the verb's tense and the cue words
``{clock:G}``       ``HH:MM`` from "22 h", "22h30", "21 h 45", "14:30", "14 heures", "midi"
``{part:G}``        a part of the day, ``MO``/``AF``/``EV``/``NI``/``DT`` (``day_parts.tsv``)
``{dur:N,U[,half|quarter]}`` a duration: ``P3D``, ``PT30.4S``, ``PXY`` (``duration_units.tsv``; "une
                    dizaine" is 10, ``approx_amounts.tsv``)
``{hms:H,M,S}``     a clock-written duration: "2 h 15 min" -> ``PT2H15M``
``{durs:N,U,N2,U2…}`` amounts of several units as one duration: "trois ans et deux mois" -> ``P3Y2M``
``{set:U[,N]}``     the period of a set: ``P1D``, ``P2Y`` (``set_units.tsv``)
``{isowd:G}``       the ISO number of a weekday, 1 (Monday) to 7
``{y:G}``           a year, two digits completed against the article's year ("97" -> 1997)
``{year:N}``        the article's year plus N; ``{lastyear:N}`` the last mentioned year plus N
``{dm:D,M[,Y]}``    a day and month (maybe a year), the year chosen by tense as for "le 3 mai"
``{refmonth:N}``    the article's month plus N, ``YYYY-MM`` ("la réunion du mois dernier")
``{refmm}``         the article's month, two digits ("à la même époque" of another year)
``{lastval}``       the last day or time the text mentioned, at its precision ("à ce moment-là")
``{refcentury:N}``  the article's century plus N, TimeML style ("le siècle dernier" in 2003 -> ``19``)
``{cet}``           the offset of French time that day: ``+1``, ``+2`` in summer time (last Sundays of
                    March and October), as the French TimeBank writes it
``{holiday:G}``     a holiday of ``holidays.tsv`` ("Noël", "Pâques"), its year chosen by tense
``{newyeareve}``    31 December of the New Year a night is named by ("la nuit du Nouvel An"), year by tense
``{holidayweek:G}`` the ISO week of that holiday ("le week-end de Pâques" -> ``2025-W16``, the rule adding ``-WE``)
``{sea:G,M}``       a season seen from the article's date: M is ``this`` (by tense), ``last``, ``next``
``{clock12:C,P}``   a clock time read with "du soir" / "de l'après-midi" ("8 heures du soir" -> 20:00)
``{wdd:W,D}``       a weekday with a day number and no month ("samedi 15"): the nearest such day
``{nthwd:O,W,M,Y}`` "le premier dimanche de juin": that weekday of the month, its year by tense
``{monthweekend:O,M,Y}`` "le premier week-end de juillet": the week of the month's Nth (last) Saturday, as -WE
``{wdnext:W,±}``    "le samedi suivant" / "précédent": the first such day after / before the last one
``{wdweeks:W,N}``   "mardi en huit" / "en quinze": the coming such weekday, one (two) weeks on
``{month:G}``, ``{mm:G}``, ``{dd:G}``  month (name or number) and day, two digits
``{season:G}``      ``SP``/``SU``/``FA``/``WI``; ``{decade:G}`` "60" -> ``196X``; ``{century:G}``
                    "XIXe" -> ``18``
``{week:N}``        the article's ISO week plus N (``2022-W14``); ``{weekend:N}`` its week-end;
                    ``{toldweekend}`` "pendant le week-end": the last one for a past, else the coming one
``{lastweek:N}``, ``{lastmonth:N}``  the week / month of the last mentioned day plus N ("la semaine
                    suivante", "le mois précédent")
``{ago:N,U,±}``     the article's date moved by N units ("dans deux mois" -> ``2024-05``)
``{zone:G}``        ``Z`` for a time given in GMT/UTC, else nothing
``{quarter:O,P}``    ``Q1``…``Q4`` for a "trimestre", ``H1``/``H2`` for a "semestre"
``{refpart:Q|H,N}``  the article's quarter / half-year plus N ("le trimestre dernier" -> ``2023-Q4``)
``{yearafter:C,Y1,Y}`` the second year of a range written short: "1850-58" -> ``1858``
``{refdecade:N}``   the article's decade plus N ("la décennie passée" in 2024 -> ``201X``)
``{refval:G}``      ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` (``references.tsv``)
``{dmweekend:…}``, ``{dmweek:…}``, ``{dmshift:…}``, ``{daynum:…}``, ``{ordcentury:…}``,
``{daygen}``, ``{cityzone:…}`` spans anchored on a named day, bare day numbers, centuries in
                    words, habits of a part of the day, a city's clock: ``veille.times.periods``
``{erayear:G}``     a year before or after an era ("52 av. J.-C."): ``veille.times.eras``
==================  ===========================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from veille.common.timespans import Match, lexicon
from veille.times.days import DayParts, complete_year, parse_clock
from veille.times.durations import Durations
from veille.times.eras import Eras
from veille.times.number_words import parse_number
from veille.times.periods import Periods
from veille.times.resolve import Reference, resolve, resolve_month
from veille.times.rules import Engine, RuleMatch

_PART = re.compile(r"\{(\w+)(?::([^}]*))?\}")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass
class Anchors:
    """What a template is resolved against: the article's date and the last mentioned day."""

    ref: Reference
    last: dt.date | None = None
    tense: Callable[[Match], str | None] = field(default=lambda m: None)
    # The year of the last dated expression of any precision ("en 1987 … la même année").
    last_year: int | None = None
    last_value: str | None = None  # the last day or time value, as written ("…T15:00")
    last_text: str = ""  # the words of the expression that named the last day ("la veille")
    # The month of the last dated expression of month precision or finer ("en mai 2003 … un mois
    # plus tard"), and whether that expression named only a month or a year.
    last_month: tuple[int, int] | None = None
    last_coarse: bool = False
    text: str = ""  # the article's text, for what a template reads around its match (``{zone}``)

    @property
    def last_day(self) -> dt.date | None:
        return self.last or self.ref.date


def roman_to_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, prev = 0, 0
    for ch in reversed(text.upper()):
        n = ROMAN.get(ch)
        if n is None:
            return None
        total += -n if n < prev else n
        prev = max(prev, n)
    return total or None


def _shift(day: dt.date, amount: int, unit: str) -> str:
    """A day moved by an amount of days (D), weeks (W), months (M) or years (Y), at that precision."""
    if unit == "D":
        return (day + dt.timedelta(days=amount)).isoformat()
    if unit == "W":
        year, week, _ = (day + dt.timedelta(weeks=amount)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "M":
        n = day.year * 12 + day.month - 1 + amount
        return f"{n // 12:04d}-{n % 12 + 1:02d}"
    return f"{day.year + amount:04d}"


class Filler(DayParts, Periods, Durations, Eras):
    """Fills the value template of one rule match."""

    def __init__(self, engine: Engine, rm: RuleMatch, anchors: Anchors) -> None:
        self.engine, self.rm, self.a = engine, rm, anchors

    def group(self, name: str) -> str | None:
        if name in ("un", "une", "des"):  # a literal amount in the template ("des": unknown)
            return name
        # "s|s2": the first of several groups (one per branch of the pattern) that matched.
        return next((g for g in (self.rm.groups.get(n) for n in name.split("|")) if g), None)

    def fill(self, template: str) -> str | None:
        out, pos = [], 0
        for m in _PART.finditer(template):
            out.append(template[pos:m.start()])
            args = [a.strip() for a in (m.group(2) or "").split(",") if a.strip()]
            part = getattr(self, f"f_{m.group(1)}")(*args)
            if part is None:
                return None
            out.append(part)
            pos = m.end()
        out.append(template[pos:])
        return "".join(out)

    def _day(self, day: dt.date | None, offset: str | int = 0) -> str | None:
        return (day + dt.timedelta(days=int(offset))).isoformat() if day else None

    def f_ref(self, offset: str = "0") -> str | None:
        return self._day(self.a.ref.date, offset)

    def f_last(self, offset: str = "0") -> str | None:
        return self._day(self.a.last_day, offset)

    def f_thatday(self) -> str | None:
        return self._day(self.a.last_day, "0")

    def f_today(self, g: str) -> str | None:
        offset = lexicon()["relative_days"].get((self.group(g) or "").lower().replace("’", "'"))
        return None if offset is None else self._day(self.a.ref.date, offset)

    def f_rel(self, g: str) -> str | None:
        offset = self.engine.lookup("relative_days", self.group(g))
        if offset is None:
            return None
        day, ref = self.a.last_day, self.a.ref.date
        # "La veille, il avait parlé; la veille au soir, il dînait": the same relative day named
        # again with a part of the day is the day already named, not one more day away.
        word = (self.group(g) or "").lower().replace("’", "'")
        if day is not None and self.rm.text[self.rm.start:self.rm.end].lower() != word \
                and self.a.last_text.lower().replace("’", "'") == word:
            return self._day(day, 0)
        # "Le procès s'ouvre le 22 mai. La veille, l'avocat avait parlé": a past told the day
        # before a coming day is the day before the article's, not the coming day's eve.
        if day is not None and ref is not None and day + dt.timedelta(days=int(offset)) > ref:
            rm = self.rm
            if self.a.tense(Match("date", rm.start, rm.end, dict(rm.groups), rm.text)) == "past":
                day = ref
        return self._day(day, offset)

    def f_wd(self, g: str) -> str | None:
        rm = self.rm
        m = Match("weekday", rm.outer_start, rm.outer_end,
                  {"wd": self.group(g), "pre": rm.groups.get("pre"), "post": rm.groups.get("post")},
                  rm.text)
        return resolve(m, self.a.ref, self.a.tense(m))

    def f_clock(self, g: str) -> str | None:
        return parse_clock(self.group(g))

    def f_part(self, g: str) -> str | None:
        return self.engine.lookup("day_parts", self.group(g))

    def f_isowd(self, g: str) -> str | None:
        wd = lexicon()["weekdays"].get((self.group(g) or "").lower())
        return str(wd + 1) if wd is not None else None

    def f_y(self, g: str) -> str | None:
        year = complete_year(self.group(g), self.a.ref)
        return f"{year:04d}" if year else None

    def f_year(self, offset: str = "0") -> str | None:
        return f"{self.a.ref.year + int(offset):04d}" if self.a.ref.year else None

    def f_lastyear(self, offset: str = "0") -> str | None:
        if self.a.last_year is not None:
            return f"{self.a.last_year + int(offset):04d}"
        day = self.a.last_day
        if day is not None:
            return f"{day.year + int(offset):04d}"
        return self.f_year(offset)

    def f_month(self, g: str) -> str | None:
        month = lexicon()["months"].get((self.group(g) or "").lower())
        return f"{month:02d}" if month else None

    def f_mm(self, g: str) -> str | None:
        text = self.group(g) or ""
        return f"{int(text):02d}" if text.isdigit() and 1 <= int(text) <= 12 else None

    def f_dd(self, g: str) -> str | None:
        text = (self.group(g) or "").lower()
        day = 1 if text == "1er" else int(text) if text.isdigit() else 0
        return f"{day:02d}" if 1 <= day <= 31 else None

    def f_season(self, g: str) -> str | None:
        return self.engine.lookup("seasons", self.group(g))

    def f_decade(self, g: str) -> str | None:
        text = (self.group(g) or "").lower().lstrip("'’")  # "les années '80"
        if text.isdigit():
            if len(text) == 4:
                return text[:3] + "X"
            return f"19{text[0]}X"
        number = parse_number(text)
        return f"19{int(number) // 10}X" if number and number < 100 else None

    def f_century(self, g: str) -> str | None:
        n = roman_to_int(self.group(g) or "")
        return f"{n - 1:02d}" if n and 1 <= n <= 30 else None

    def f_week(self, offset: str = "0") -> str | None:
        day = self.a.ref.date
        return _shift(day, int(offset), "W") if day else None

    def f_lastweek(self, offset: str = "0") -> str | None:
        day = self.a.last_day
        return _shift(day, int(offset), "W") if day else None

    def f_lastmonth(self, offset: str = "0") -> str | None:
        # After "en mars 2023", "le mois suivant" is April 2023, not the month after the last day.
        if self.a.last_coarse and self.a.last_month is not None:
            return _shift(dt.date(*self.a.last_month, 1), int(offset), "M")
        day = self.a.last_day
        return _shift(day, int(offset), "M") if day else None

    def f_weekend(self, offset: str = "0") -> str | None:
        day = self.a.ref.date
        if day is None:
            return None
        shift = int(offset)
        # Said early in the week, "ce week-end" is the one just past, unless the verb looks ahead
        # (a future, or the present of an announcement: "ce week-end, la foire s'installe").
        if shift == 0 and day.weekday() < 3 and self.a.tense(self._as_match()) not in ("future", "present"):
            shift = -1
        return f"{_shift(day, shift, 'W')}-WE"

    def _as_match(self) -> Match:
        rm = self.rm
        return Match("weekday", rm.outer_start, rm.outer_end, dict(rm.groups), rm.text)

    def _count_unit(self, n: str, u: str) -> tuple[int, str] | None:
        number = parse_number(self.group(n))
        if number is None:  # "une quinzaine de jours": the round amount (approx_amounts.tsv)
            approx = self.engine.lookup("approx_amounts", self.group(n))
            number = int(approx) if approx and approx.isdigit() else None
        unit = (self.group(u) or "").lower()
        code = {"jour": "D", "jours": "D", "semaine": "W", "semaines": "W", "mois": "M"}.get(unit, "Y")
        if number is None or number != int(number):
            return None
        return int(number), code

    def f_ago(self, n: str, u: str, sign: str = "-") -> str | None:
        got, day = self._count_unit(n, u), self.a.ref.date
        if got is None or day is None:
            return None
        return _shift(day, got[0] if sign == "+" else -got[0], got[1])

    def f_zone(self, g: str) -> str | None:
        """The TIMEX3 offset of a named time zone: ``Z`` for GMT/UTC/TU; for 'heure locale', the
        offset the text gives it (``periods.local_zone``), else nothing."""
        zone = (self.group(g) or "").upper()
        if zone in ("GMT", "UTC", "TU"):
            return "Z"
        return (self.local_zone() or "") if zone.startswith(("LOCALE", "HEURE")) else ""

    def f_mon(self, g: str) -> str | None:
        month = lexicon()["months"].get((self.group(g) or "").lower())
        if month is None:
            return None
        rm = self.rm
        post = (rm.groups.get("post") or "").lower()
        if post:  # "décembre dernier", "juin prochain": never the article's own month
            return resolve_month(month, None, self.a.ref, "past" if post.startswith(("dern", "pass")) else "future",
                                 strict=True)
        tense = self.a.tense(Match("month", rm.start, rm.end, dict(rm.groups), rm.text))
        return resolve_month(month, None, self.a.ref, None if tense == "present" else tense)

    def f_refmonth(self, offset: str = "0") -> str | None:
        """The article's month plus N ("du mois dernier" -> -1)."""
        ref = self.a.ref
        if ref.year is None or ref.month is None:
            return None
        return _shift(dt.date(ref.year, ref.month, 1), int(offset), "M")

    def f_yr(self, g: str) -> str | None:
        """The year in group G, else the article's."""
        return self.f_y(g) if self.group(g) else self.f_year()

    def f_ordinal(self, g: str, count: str) -> str | None:
        word = (self.group(g) or "").lower()
        if word.startswith("dernier"):
            return count
        if word.isdigit():  # "T1 2024", "S2 2023"
            return word if 1 <= int(word) <= int(count) else None
        for n, prefixes in enumerate((("premier", "1er"), ("deuxième", "second", "2e"), ("troisième", "3e"),
                                      ("quatrième", "4e")), 1):
            if word.startswith(prefixes) and n <= int(count):
                return str(n)
        return None

    def f_quarter(self, o: str, p: str) -> str | None:
        """'premier trimestre' -> ``Q1``, 'second semestre' -> ``H2``."""
        half = (self.group(p) or "").lower().startswith("semestre")
        n = self.f_ordinal(o, "2" if half else "4")
        return None if n is None else f"{'H' if half else 'Q'}{n}"

    def f_refpart(self, period: str, offset: str = "0") -> str | None:
        """The article's quarter (``Q``) or half-year (``H``) plus N: "le trimestre dernier" in
        March 2024 -> ``2023-Q4``, "le semestre prochain" -> ``2024-H2``."""
        ref = self.a.ref
        if ref.year is None or ref.month is None:
            return None
        size = 3 if period == "Q" else 6
        index = ref.year * (12 // size) + (ref.month - 1) // size + int(offset)
        year, part = divmod(index, 12 // size)
        return f"{year:04d}-{period}{part + 1}"

    def f_refdecade(self, offset: str = "0") -> str | None:
        """The article's decade plus N, as ``{decade}`` writes it: "la décennie passée" in 2024 -> ``201X``."""
        ref = self.a.ref
        return f"{ref.year // 10 + int(offset):03d}X" if ref.year else None

    def f_yearafter(self, c: str, y1: str, y: str) -> str | None:
        """The second year of a range written short, '1850-58' -> ``1858``; none when it would
        not come after the first ('1998-02')."""
        century, first, second = self.group(c), self.group(y1), self.group(y)
        if not (century and first and second) or int(second) <= int(first):
            return None
        return f"{century}{second}"

    def f_refval(self, g: str) -> str | None:
        return self.engine.lookup("references", self.group(g))


def fill(engine: Engine, rm: RuleMatch, anchors: Anchors) -> str | None:
    """The TIMEX3 value of a rule match, or None."""
    return Filler(engine, rm, anchors).fill(rm.rule.value)


