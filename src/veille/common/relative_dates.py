"""Relative publication stamps and the capture date they are read against.

News templates often print how long ago a piece went online instead of its date: "Publié il y a
3 heures", "Mis à jour hier à 18h02", "il y a 2 jours", "3 hours ago". Such a stamp says nothing
by itself: it is resolved only against a reference the input really carries, the moment the page
was captured (a WARC-Date, the HTTP ``Date:`` response header a ``curl -i`` dump kept, a record's
capture field such as news-please's ``date_download``), never against the clock of the run. The
capture date itself is never the publication date. The words are data:
``lexicons/common/relative_stamps.tsv`` (units and day words), ``number_words.json`` (numbers
written as words: "il y a deux jours").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from functools import lru_cache

from veille.common.lexicon import json_data, rows


@dataclass(frozen=True)
class Relative:
    """A relative stamp: ``amount`` ``unit`` (minutes, hours, days, weeks, months, years) before
    the reference, and where it starts in the text it was found in."""

    amount: int
    unit: str
    start: int


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str], dict[str, int], dict[str, int]]:
    units: dict[str, str] = {}
    days: dict[str, int] = {}
    for kind, word, value, *_ in rows("common/relative_stamps.tsv", min_columns=3):
        if kind == "unit":
            units[word.lower()] = value
        elif kind == "day":
            days[word.lower()] = int(value)
    numbers = {w: n for w, n in json_data("number_words.json")["units"].items() if 1 <= n <= 60}

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    amount = rf"(?:\d{{1,3}}|{alt(list(numbers))})"
    unit = rf"(?:{alt(list(units))})(?![^\W\d_])"
    rx = re.compile(
        # "il y a 3 heures", "il y a 3h"
        rf"(?<![^\W\d_])il\s+y\s+a\s+(?P<n>{amount})\s*(?P<unit>{unit})"
        # "3 hours ago", "3h ago"
        rf"|(?<![^\W\d_])(?P<n2>{amount})\s*(?P<unit2>{unit})\s+ago\b"
        # "hier à 18h02", "aujourd'hui, 9:30", "avant-hier"
        rf"|(?<![^\W\d_-])(?P<day>{alt(list(days))})(?![^\W\d_-])", re.I)
    return rx, units, days, numbers


def find_relative(text: str) -> Relative | None:
    """The first relative stamp of a text: "il y a 3 heures" -> Relative(3, "hours"), "hier à
    18h02" -> Relative(1, "days"), "2 days ago" -> Relative(2, "days")."""
    rx, units, days, numbers = _lexicon()
    m = rx.search(text)
    if m is None:
        return None
    if m.group("day"):
        return Relative(days[" ".join(m.group("day").lower().split())], "days", m.start())
    n = (m.group("n") or m.group("n2")).lower()
    unit = units[(m.group("unit") or m.group("unit2")).lower()]
    amount = int(n) if n.isdigit() else numbers.get(n)
    return Relative(amount, unit, m.start()) if amount is not None else None


def resolve_relative(rel: Relative, reference: dt.datetime | dt.date) -> str | None:
    """The ISO date a relative stamp names, at the precision it gives: a day for minutes to weeks,
    "YYYY-MM" for months, "YYYY" for years. Hours against a reference without a time of day are
    read as that day (the stamp was printed the day of the capture or the night before)."""
    ref_day = reference.date() if isinstance(reference, dt.datetime) else reference
    if rel.unit in ("minutes", "hours"):
        if not isinstance(reference, dt.datetime):
            hours = rel.amount if rel.unit == "hours" else 0
            return (ref_day - dt.timedelta(days=hours // 24)).isoformat()
        delta = dt.timedelta(minutes=rel.amount) if rel.unit == "minutes" else dt.timedelta(hours=rel.amount)
        return (reference - delta).date().isoformat()
    if rel.unit == "days":
        return (ref_day - dt.timedelta(days=rel.amount)).isoformat()
    if rel.unit == "weeks":
        return (ref_day - dt.timedelta(weeks=rel.amount)).isoformat()
    if rel.unit == "months":
        months = ref_day.year * 12 + ref_day.month - 1 - rel.amount
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if rel.unit == "years":
        return f"{ref_day.year - rel.amount:04d}"
    return None


# The capture's own headers at the top of a saved page: "HTTP/2 200" then "date: Sun, 04 Jan 2026
# 17:25:47 GMT" (curl -i; a text browser may run them together on one line), "WARC-Date: …".
_HTTP_STATUS = re.compile(r"^\s*HTTP/\d(?:\.\d)?\s+\d{3}\b", re.M)
_HTTP_DATE = re.compile(r"(?:^|\s)date:\s*(?P<date>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+[A-Za-z]{3}\s+"
                        r"(?:19|20)\d\d\s+\d\d:\d\d:\d\d\s+(?:GMT|UTC|[+-]\d{4}))", re.I | re.M)
_WARC_DATE = re.compile(r"^\s*WARC-Date:\s*(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d(?:T[\d:.]+Z?)?)", re.I | re.M)
HEADER_CHARS = 4000  # the response headers come first


def capture_reference(raw: str | None, *stamps: object) -> dt.datetime | dt.date | None:
    """When the page was captured: a capture stamp the reader gave (``crawl_date`` of a WARC
    record, a record's capture field), else the HTTP ``Date:`` or ``WARC-Date:`` header kept at
    the top of the page. None when the input does not say."""
    for stamp in stamps:
        value = _parse_stamp(stamp)
        if value is not None:
            return value
    head = (raw or "")[:HEADER_CHARS]
    status = _HTTP_STATUS.search(head)
    if status is not None:
        m = _HTTP_DATE.search(head, status.end())
        if m:
            try:
                return parsedate_to_datetime(m.group("date")).replace(tzinfo=None)
            except (TypeError, ValueError):
                pass
    m = _WARC_DATE.search(head)
    return _parse_stamp(m.group("date")) if m else None


def _parse_stamp(value: object) -> dt.datetime | dt.date | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) > 10:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).replace(tzinfo=None)
    except (TypeError, ValueError, IndexError):
        return None
