"""Dates as French (and English) news pages write them: parsing, normalising, finding them in a line.

Shared by the clean stage (date stamps among the page furniture) and the metadata stage (the
publication date), so that neither stage imports the other. Month and weekday names come from
``lexicons/calendar.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from veille.common.lexicon import json_data


@lru_cache(maxsize=1)
def calendar() -> dict[str, dict[str, int]]:
    """Month and weekday names (French, English, Spanish), lower-case, from calendar.json."""
    data = json_data("calendar.json")
    return {"months": dict(data["months"]), "weekdays": dict(data["weekdays"])}


def month_number(word: str) -> int | None:
    """The month a word names, in a date context: "avr." "avr" "Avril" "Mar." "sept" -> number."""
    w = word.strip().lower()
    months = calendar()["months"]
    if w in months:
        return months[w]
    # Undotted abbreviations are accepted here because the caller has already seen a day number.
    if not w.endswith(".") and w + "." in months:
        return months[w + "."]
    return None


# -- dates --------------------------------------------------------------------------------------

MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,10}\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|º|°)?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY_WORD = r"(?:[A-Za-zÀ-ÿ]{3,9}\.?,?\s+)?"  # "mardi 6 avril": checked against the lexicon below
# "6 avr.", "le 10 février 2022", "mardi 6 avril", "1er mars"
_DMY = re.compile(rf"(?:le\s+)?(?P<wd>{_WEEKDAY_WORD}){_DAY}\s+(?P<month>{MONTH_WORD})(?:\s+{YEAR})?", re.I)
# "March 15", "March 15, 2022"
_MDY = re.compile(rf"(?P<wd>{_WEEKDAY_WORD})(?P<month>{MONTH_WORD})\s+{_DAY}(?:,?\s+{YEAR})?", re.I)
# "06/04/2022", "6.4.2022", "2022-04-06"
_NUMERIC = re.compile(r"(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)\d\d)")
# "12/03" in a dateline: day then month (French order), no year.
_NUMERIC_DM = re.compile(r"(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)")
_ISO = re.compile(r"(?P<year>(?:19|20)\d\d)(?:-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?)?")


@dataclass
class DateParts:
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None = None  # the weekday written with the date, when there is one

    def iso(self) -> str | None:
        """ISO at the known precision; None without a year (no ISO form for "6 April")."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def valid_date(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: 29 February stays valid
    except ValueError:
        return False
    return True


def _weekday_of(prefix: str) -> int | None:
    w = prefix.strip().rstrip(",").strip().lower()
    return calendar()["weekdays"].get(w) if w else None


def parse_date(text: str) -> DateParts | None:
    """A whole date phrase: "6 avr.", "le 10 février", "3 mars 2023", "March 15, 2022", "06/04/2022",
    "2022-11". Returns None when the text is not (only) a date."""
    s = " ".join(text.split()).strip(" ,")
    for rx in (_DMY, _MDY):
        m = rx.fullmatch(s)
        if not m:
            continue
        month = month_number(m.group("month"))
        wd_text = m.group("wd") or ""
        weekday = _weekday_of(wd_text)
        if month is None or (wd_text.strip() and weekday is None):
            continue
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
        if valid_date(year, month, day):
            return DateParts(day, month, year, weekday)
    m = _NUMERIC.fullmatch(s)
    if m and valid_date(int(m.group("year")), int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), int(m.group("year")))
    m = _NUMERIC_DM.fullmatch(s)
    if m and 1 <= int(m.group("month")) <= 12 and valid_date(None, int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), None)
    m = _ISO.fullmatch(s)
    if m:
        month = int(m.group("month")) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") else None
        if month and not 1 <= month <= 12 or day and not valid_date(int(m.group("year")), month or 1, day):
            return None
        return DateParts(day, month, int(m.group("year")))
    return None


_ISO_PREFIX = re.compile(r"^\s*((?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?:[T ][\d:.]+)?(?:Z|[+-]\d\d:?\d\d)?\s*$")


def normalize_date(value: str | None) -> str | None:
    """A date given by metadata ("2023-05-12T10:00:00Z", "12/05/2023", "2022-11") as ISO, or None."""
    if not value:
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        parts = parse_date(m.group(1))
        return parts.iso() if parts else None
    parts = parse_date(value)
    return parts.iso() if parts else None


TEXT_DATE = re.compile(
    rf"\b(?:{_DAY}\s+(?P<month>{MONTH_WORD})\s+{YEAR}"
    r"|(?P<nday>[0-3]?\d)(?P<nsep>[/.-])(?P<nmonth>[01]?\d)(?P=nsep)(?P<nyear>(?:19|20)\d\d)"
    r"|(?P<iyear>(?:19|20)\d\d)(?P<isep>[-/.])(?P<imonth>[01]?\d)(?P=isep)(?P<iday>[0-3]?\d)(?![\d-]))", re.I)


# A year of ``TEXT_DATE`` and ``_TEXT_MDY``: a line without one holds neither.
_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _month_before_year(word: str) -> int | None:
    """The month a word names right before a year, also a whole name given the period of an
    abbreviation ("22 juin. 2022": site templates that abbreviate every month print the short ones
    whole). Only before a year: "le 22 juin." ends a sentence."""
    month = month_number(word)
    if month is None and word.endswith("."):
        return calendar()["months"].get(word[:-1].lower())
    return month


def find_full_date(text: str) -> DateParts | None:
    """The first complete date (day, month, year) inside a line such as "Publié le 3 mars 2023 à 10h",
    "Publié le 14-03-2024", "2024-03-14 10:05"."""
    if _A_YEAR.search(text) is None:
        return None  # (each form holds its year in four figures: a line without one is read at C speed)
    for m in TEXT_DATE.finditer(text):
        if m.group("day"):
            month, day, year = _month_before_year(m.group("month")), int(m.group("day")), int(m.group("year"))
        elif m.group("iyear"):
            month, day, year = int(m.group("imonth")), int(m.group("iday")), int(m.group("iyear"))
        else:
            month, day, year = int(m.group("nmonth")), int(m.group("nday")), int(m.group("nyear"))
        if month and valid_date(year, month, day):
            return DateParts(day, month, year)
    return None


# "March 3, 2023", "Published on March 3, 2023" (English order).
_TEXT_MDY = re.compile(rf"\b(?P<month>{MONTH_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{YEAR}\b", re.I)
# "3 février", "le 1er mars" with no year after it (a stamp that leaves the year to the reader).
_TEXT_DM = re.compile(rf"(?<![\w/.-])(?P<day>[0-3]?\d)(?:er|º|°)?\s+(?P<month>{MONTH_WORD})(?![\w.]*\s+(?:19|20)\d\d)", re.I)
# "03/02 à 10h12": day/month in figures, no year (only read in a stamp line).
_TEXT_NUM_DM = re.compile(r"(?<![\w/.-])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)(?![\d/.]*\d)(?!\s*(?:h|%|€|\$))")


_A_DIGIT = re.compile(r"\d")
# "19/11/23 21:06", "28/02/22": a stamp with a two-digit year (this century).
_TEXT_NUM_YY = re.compile(r"(?<![\w/.-])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<yy>\d\d)(?![\w/]|[.,]\d)")


def find_date_in_line(text: str) -> DateParts | None:
    """The first date of a stamp or byline line: a full date if the line has one ("Par X | 12 mars
    2024 | 14h05", "Published on March 3, 2023", "03.02.2023", an ISO timestamp), else a day and
    a month without a year ("Publié le 3 février à 10h12"), with ``year=None``. Relative stamps
    ("il y a 2 heures") give None."""
    if _A_DIGIT.search(text) is None:
        return None  # (every form below holds a day or a year in figures: most lines are read at C speed)
    found = _date_in_line(text)
    # (a copy: a caller may complete the parts, as the metadata stage adds a stamp's weekday)
    return None if found is None else DateParts(found.day, found.month, found.year, found.weekday)


@lru_cache(maxsize=16384)  # (the same stamp lines are asked by several of the clean stage's tests and by metadata)
def _date_in_line(text: str) -> DateParts | None:
    full = find_full_date(text)
    m = _TEXT_MDY.search(text) if full is not None or _A_YEAR.search(text) is not None else None
    if m and month_number(m.group("month")) and valid_date(int(m.group("year")), month_number(m.group("month")),
                                                        int(m.group("day"))):
        mdy = DateParts(int(m.group("day")), month_number(m.group("month")), int(m.group("year")))
        if full is None or m.start() < TEXT_DATE.search(text).start():
            return mdy
    if full:
        return full
    m = _TEXT_NUM_YY.search(text)
    if m and valid_date(2000 + int(m.group("yy")), int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), 2000 + int(m.group("yy")))
    for m in _TEXT_DM.finditer(text):
        month = month_number(m.group("month"))
        if month and valid_date(None, month, int(m.group("day"))):
            return DateParts(int(m.group("day")), month, None)
    m = _TEXT_NUM_DM.search(text)
    if m and 1 <= int(m.group("month")) <= 12 and valid_date(None, int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), None)
    return None


def dates_in(texts: list[str]) -> list[DateParts]:
    """Every complete date in some lines (day, month and year), in order."""
    out = []
    for t in texts:
        for m in TEXT_DATE.finditer(t):
            parts = find_full_date(m.group(0))
            if parts:
                out.append(parts)
    return out
