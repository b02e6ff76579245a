"""Metadata: the dateline, the publication date and the publishing site of an article.

The clean stage separates the dateline from the body (``article.dateline.text``) and leaves the
reader's and the page's metadata in ``article.hints``; this stage turns them into fields:

* ``dateline``: place as normally written ("BRUXELLES" -> "Bruxelles"), date as ISO, agency as
  written. Forms: ``PARIS, 6 avr. (AFP) -``, ``BRUXELLES, le 10 février (EUROPA PRESS) –``,
  ``BARI (Italie), 14 juin 2024 (Agence X) –`` (the bracketed region is not part of the place),
  ``KIEV, Ukraine (AP) —``, ``MOSCOU, 3 mars - Sputnik.`` (a listed agency after the dash),
  ``Kiev, 3 mars 2023 (Reuters) —``, ``MOSCOU (AFP) -``, ``WASHINGTON, March 15 (Reuters) -``.
* ``published`` / ``published_from``: metadata (HTML meta, feed, JSONL record, crawl header) >
  dateline > text (a "Publié le …" stamp) > inferred (a year deduced). Never the ingestion time:
  an article with no date anywhere keeps ``published = None``.
* ``source.site``: URL host, HTML site name, a domain or agency named in the dateline.

A dateline that gives a day and a month but no year gets its year in ``finish_batch``: the
candidate years are those where that day falls on the weekday the lead paragraph names as the
event day ("a confirmé mardi"), scored by the years the text mentions and the years of the other
articles of the run (``ctx.corpus.years``), never after today (or the crawl date). When nothing
supports any year, the year stays unknown: ``dateline.date`` and ``published`` stay ``None``
(an ISO date without a year does not exist) and ``hints["dateline_month_day"]`` keeps "MM-DD".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from veille.model import Article

# -- lexicons ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def calendar() -> dict[str, dict[str, int]]:
    """Month and weekday names (French, English, Spanish), lower-case, from calendar.json."""
    data = json.loads(resources.files("veille").joinpath("lexicons/calendar.json").read_text("utf-8"))
    return {"months": dict(data["months"]), "weekdays": dict(data["weekdays"])}


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    text = resources.files("veille").joinpath("lexicons/agencies.tsv").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


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

_MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,10}\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY_WORD = r"(?:[A-Za-zÀ-ÿ]{3,9}\.?,?\s+)?"  # "mardi 6 avril": checked against the lexicon below
# "6 avr.", "le 10 février 2022", "mardi 6 avril", "1er mars"
_DMY = re.compile(rf"(?:le\s+)?(?P<wd>{_WEEKDAY_WORD}){_DAY}\s+(?P<month>{_MONTH_WORD})(?:\s+{_YEAR})?", re.I)
# "March 15", "March 15, 2022"
_MDY = re.compile(rf"(?P<wd>{_WEEKDAY_WORD})(?P<month>{_MONTH_WORD})\s+{_DAY}(?:,?\s+{_YEAR})?", re.I)
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


def _valid(year: int | None, month: int, day: int) -> bool:
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
        if _valid(year, month, day):
            return DateParts(day, month, year, weekday)
    m = _NUMERIC.fullmatch(s)
    if m and _valid(int(m.group("year")), int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), int(m.group("year")))
    m = _NUMERIC_DM.fullmatch(s)
    if m and 1 <= int(m.group("month")) <= 12 and _valid(None, int(m.group("month")), int(m.group("day"))):
        return DateParts(int(m.group("day")), int(m.group("month")), None)
    m = _ISO.fullmatch(s)
    if m:
        month = int(m.group("month")) if m.group("month") else None
        day = int(m.group("day")) if m.group("day") else None
        if month and not 1 <= month <= 12 or day and not _valid(int(m.group("year")), month or 1, day):
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
    rf"\b(?:{_DAY}\s+(?P<month>{_MONTH_WORD})\s+{_YEAR}"
    r"|(?P<nday>[0-3]?\d)(?P<nsep>[/.-])(?P<nmonth>[01]?\d)(?P=nsep)(?P<nyear>(?:19|20)\d\d)"
    r"|(?P<iyear>(?:19|20)\d\d)(?P<isep>[-/.])(?P<imonth>[01]?\d)(?P=isep)(?P<iday>[0-3]?\d)(?![\d-]))", re.I)


def find_full_date(text: str) -> DateParts | None:
    """The first complete date (day, month, year) inside a line such as "Publié le 3 mars 2023 à 10h",
    "Publié le 14-03-2024", "2024-03-14 10:05"."""
    for m in TEXT_DATE.finditer(text):
        if m.group("day"):
            month, day, year = month_number(m.group("month")), int(m.group("day")), int(m.group("year"))
        elif m.group("iyear"):
            month, day, year = int(m.group("imonth")), int(m.group("iday")), int(m.group("iyear"))
        else:
            month, day, year = int(m.group("nmonth")), int(m.group("nday")), int(m.group("nyear"))
        if month and _valid(year, month, day):
            return DateParts(day, month, year)
    return None


# "March 3, 2023", "Published on March 3, 2023" (English order).
_TEXT_MDY = re.compile(rf"\b(?P<month>{_MONTH_WORD})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)
# "3 février", "le 1er mars" with no year after it (a stamp that leaves the year to the reader).
_TEXT_DM = re.compile(rf"(?<![\w/.-])(?P<day>[0-3]?\d)(?:er|º|°)?\s+(?P<month>{_MONTH_WORD})(?![\w.]*\s+(?:19|20)\d\d)", re.I)
# "03/02 à 10h12": day/month in figures, no year (only read in a stamp line).
_TEXT_NUM_DM = re.compile(r"(?<![\w/.-])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)(?![\d/.]*\d)(?!\s*(?:h|%|€|\$))")


def find_date_in_line(text: str) -> DateParts | None:
    """The first date of a stamp or byline line: a full date if the line has one ("Par X | 12 mars
    2024 | 14h05", "Published on March 3, 2023", "03.02.2023", an ISO timestamp), else a day and
    a month without a year ("Publié le 3 février à 10h12"), with ``year=None``. Relative stamps
    ("il y a 2 heures") give None."""
    full = find_full_date(text)
    m = _TEXT_MDY.search(text)
    if m and month_number(m.group("month")) and _valid(int(m.group("year")), month_number(m.group("month")),
                                                        int(m.group("day"))):
        mdy = DateParts(int(m.group("day")), month_number(m.group("month")), int(m.group("year")))
        if full is None or m.start() < TEXT_DATE.search(text).start():
            return mdy
    if full:
        return full
    for m in _TEXT_DM.finditer(text):
        month = month_number(m.group("month"))
        if month and _valid(None, month, int(m.group("day"))):
            return DateParts(int(m.group("day")), month, None)
    m = _TEXT_NUM_DM.search(text)
    if m and 1 <= int(m.group("month")) <= 12 and _valid(None, int(m.group("month")), int(m.group("day"))):
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


# -- datelines ----------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_PLACE_WORD = rf"[{_UPPER}][\w'’.\-]*"
# Small words inside place names ("Rio de Janeiro", "SAINT-DENIS DE LA RÉUNION", "Le Caire").
_CONNECTORS = {"de", "du", "des", "la", "le", "les", "sur", "en", "et", "aux", "au", "d'", "l'", "upon", "of"}
_CONNECTOR_RX = r"(?:de|du|des|la|le|les|sur|en|et|aux|au|of|DE|DU|DES|LA|LE|LES|SUR|EN|ET|AUX|AU|OF)"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ ](?:{_CONNECTOR_RX}[ ])?{_PLACE_WORD}){{0,3}})"
_DATE_PART = rf"(?P<date>(?:le\s+)?(?:[A-Za-zÀ-ÿ]{{3,9}}\.?\s+)?(?:[0-3]?\d(?:er)?\s+{_MONTH_WORD}|{_MONTH_WORD}\s+[0-3]?\d)(?:,?\s+(?:19|20)\d\d)?|[0-3]?\d[/.][01]?\d(?:[/.](?:19|20)\d\d)?)"
# Swiss and Belgian wire copy write the day and month in figures, without a comma before them
# ("GENÈVE 12/03 (ATS) -"): a numeric date may follow the place after a plain space.
_DATE_LEAD = r"(?:,\s*|\s+(?=[0-3]?\d[/.][01]?\d\b))"
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)(?P<adot>\.(?=\s))?"
# TASS style: the agency between slashes after a period ("MOSCOU, 3 mars. /TASS/. Le …").
_SLASH_AGENCY = r"\.?\s*/(?P<sagency>[^/\n]{2,30})/\.?"
# A region or country in brackets after the place ("BARI (Italie), 14 juin", "GOMA (RDC) (AFP) -"):
# only when a date or another bracket follows, so that "MOSCOU (AFP) -" keeps AFP as the agency.
_REGION = rf"(?:\s*\((?P<region>[{_UPPER}][^()\n]{{1,30}})\)(?=\s*,|\s*\())"
_SEP = r"(?P<sep>\s*\.?\s*[-–—:]+\s*|\s*$|\s+)"
# AP style: the country after a comma ("KIEV, Ukraine (AP) —", "GOMA, RDC, 3 mars (AFP) -").
_REGION_AFTER_COMMA = rf"(?:,\s*(?P<region2>[{_UPPER}][\w'’\-]+(?:\s[{_UPPER}][\w'’\-]+)?)(?=\s*[,(]))"
DATELINE_RX = re.compile(
    rf"^{_PLACE}{_REGION}?{_REGION_AFTER_COMMA}?\s*(?:{_DATE_LEAD}{_DATE_PART})?\s*(?:{_AGENCY}|{_SLASH_AGENCY})?{_SEP}")
# "(AFP) - Le ministre …": the agency alone opens the first paragraph (no place, no date).
_AGENCY_ONLY = re.compile(r"^\((?P<agency>[^()\n]{2,40})\)\s*[-–—]+\s*")
# Agency named after the dash, RIA/Sputnik style: "MOSCOU, 3 mars - Sputnik. Le ministre …".
_AGENCY_AFTER = re.compile(r"^(?P<agency>[^\W\d_][\w .\-]{1,30}?)(?:\s*[.:–—-]+(?:\s+|$)|\s*$)")
# A short acronym agency needs no second dash before a capitalised body ("Genève – ATS Le …").
_ACRONYM_AFTER = re.compile(r"^(?P<agency>[A-Z][A-Z\-]{1,11})\s+(?=[A-ZÀ-ÖØ-Þ])")


def _agency_after(rest: str) -> tuple[str, int] | None:
    """A listed agency opening what follows a dateline's dash, and how much of ``rest`` it takes:
    "AFP – Le ministre", "MAP –", "ATS" (alone), "ATS Le conseil" (an acronym before the body)."""
    for rx in (_AGENCY_AFTER, _ACRONYM_AFTER):
        m = rx.match(rest)
        if m and m.group("agency").strip().lower() in agencies():
            return m.group("agency").strip(), m.end()
    return None


@dataclass
class DatelineMatch:
    text: str  # the dateline as it stands, separator included
    rest: str  # what follows it on the same line (the start of the first paragraph), may be ""
    place: str | None
    date: DateParts | None
    agency: str | None


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _looks_like_agency(name: str) -> bool:
    """A listed agency, a domain name, or several agencies joined ("ats/afp", "AFP, Reuters")."""
    n = name.strip().lower()
    if n in agencies() or re.fullmatch(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", n):
        return True
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|\bet\b|&)\s*", n) if p.strip()]
    return len(parts) >= 2 and all(p in agencies() for p in parts)


def find_dateline(line: str) -> DatelineMatch | None:
    """The agency-style opening of a line, or None. Strict on purpose: a body sentence must not be
    mistaken for a dateline, so a place that is not in capitals needs a date or a known agency."""
    m = DATELINE_RX.match(line)
    if not m:
        return _agency_only(line)
    place, date_text = m.group("place"), m.group("date")
    agency = m.group("agency") or m.group("sagency")
    rest = line[m.end():]
    end = m.end()
    sep = m.group("sep")
    if not agency and sep.strip(" ") and re.search(r"[-–—]", sep) or not agency and date_text and sep.strip():
        # "RABAT, 3 mars – MAP –", "KIEV – AFP – …": a listed agency right after the dash; a
        # section label before it ("ANALYSE – AFP") is not a place.
        after = _agency_after(rest)
        if after and (date_text or place.strip(".").lower() not in _kicker_words()):
            agency, rest, end = after[0], rest[after[1]:], end + after[1]
    if not date_text and not agency:
        return _dash_dateline(line, m)
    parts = parse_date(date_text.rstrip(".")) if date_text else None
    if date_text and parts is None:
        return None
    if not parts and not _looks_like_agency(agency or ""):
        return None  # "EXCLUSIF (VIDÉO) -" is a kicker, not a dateline: no date, no known agency
    if not _is_upper(place):
        if not parts and not (agency and _looks_like_agency(agency)):
            return None
        if len(place.split()) > 3:
            return None
    # A glued dateline needs a separator before the body; a standalone one may end the line. Only
    # a TASS-style "/TASS/." or a known agency after a place in capitals ("BRUXELLES (Belga) Le
    # ministre …") is clear enough to do without one.
    if rest and not sep.strip():
        clear = m.group("sagency") or (
            agency and _looks_like_agency(agency) and rest[:1].isupper())
        if not clear:
            return None
    return DatelineMatch(line[:end].strip(), rest.strip(), normalize_place(place), parts,
                         agency.strip() if agency else None)


_DASH = re.compile(r"\s+[—–]\s+")


def _dash_dateline(line: str, m: re.Match[str]) -> DatelineMatch | None:
    """Canadian-style "MONTRÉAL — Le gouvernement …" (La Presse Canadienne, Radio-Canada): a
    place in capitals, a long dash, the first sentence; no date, no agency. A section label
    ("ANALYSE — …", the kickers of ``lexicons/boilerplate.tsv``) is not a place."""
    place = m.group("place")
    sep = _DASH.match(line, m.end("place"))
    if sep is None or m.group("region") or not _is_upper(place) or len(place.split()) > 3 \
            or len([c for c in place if c.isalpha()]) < 3:
        return None
    rest = line[sep.end():]
    if not rest[:1].isupper() or len(rest.split()) < 6:
        return None
    low = place.strip(".").lower()
    if low in _kicker_words() or low in agencies() or low in _organisation_names():
        return None  # "ANALYSE — …", "OTAN — Les alliés …": a label or an organisation
    return DatelineMatch(line[:sep.end()].strip(), rest.strip(), normalize_place(place), None, None)


@lru_cache(maxsize=1)
def _organisation_names() -> frozenset[str]:
    """Names and aliases of the KB's organisations, lower-case."""
    names: set[str] = set()
    text = resources.files("veille").joinpath("kb/organisations.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue  # a line being edited elsewhere must not stop the pipeline
        if isinstance(rec, dict):
            names.update(n.lower() for n in [rec.get("name", ""), *rec.get("aliases", [])] if n)
    return frozenset(names)


@lru_cache(maxsize=1)
def _kicker_words() -> frozenset[str]:
    from veille.clean import boilerplate_cues  # clean imports this module: import when first needed

    return frozenset(c.text for c in boilerplate_cues() if c.kind == "kicker")


def _agency_only(line: str) -> DatelineMatch | None:
    """"(AFP) - Le ministre …": a known agency in brackets, a dash, then the first paragraph."""
    m = _AGENCY_ONLY.match(line)
    if not m or not _looks_like_agency(m.group("agency")) or not line[m.end():].strip():
        return None
    return DatelineMatch(line[:m.end()].strip(), line[m.end():].strip(), None, None, m.group("agency").strip())


def normalize_place(place: str) -> str:
    """"BRUXELLES" -> "Bruxelles", "RIO DE JANEIRO" -> "Rio de Janeiro"; mixed case is kept."""
    place = " ".join(place.split())
    if not _is_upper(place):
        return place

    def word(w: str, first: bool) -> str:
        low = w.lower()
        if not first and low in _CONNECTORS:
            return low
        for ap in ("'", "’"):  # "L'AQUILA" -> "L'Aquila"
            if ap in low:
                head, _, tail = low.partition(ap)
                return head.capitalize() + ap + tail.capitalize()
        return low.capitalize()

    out = []
    for i, w in enumerate(place.split(" ")):
        out.append("-".join(word(p, i == 0 and j == 0) for j, p in enumerate(w.split("-"))))
    return " ".join(out)


# -- year inference -----------------------------------------------------------------------------

_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")


def weekday_evidence(paragraphs: list[str]) -> dict[int, float]:
    """Weekday -> weight, for the weekday the text names as the day of the news.

    The first weekday the text names is that day ("a confirmé mardi", "se réunissent mercredi et
    jeudi"); the ones named after it mostly refer to other days ("jeudi dernier", "lundi
    prochain"), so they weigh a third as much. A weekday in the lead counts more than one found
    further down."""
    weekdays = calendar()["weekdays"]
    out: dict[int, float] = {}
    position = (1.0, 0.7)
    for i, para in enumerate(paragraphs):
        p = position[i] if i < len(position) else 0.5
        for tok in re.findall(r"[A-Za-zÀ-ÿ]+", para):
            wd = weekdays.get(tok.lower())
            if wd is None:
                continue
            weight = p if not out else 0.35 * p
            out[wd] = max(out.get(wd, 0.0), weight)
    return out


def text_years(texts: list[str], max_year: int) -> dict[int, int]:
    out: dict[int, int] = {}
    for t in texts:
        for y in _YEAR_IN_TEXT.findall(t):
            if int(y) <= max_year:
                out[int(y)] = out.get(int(y), 0) + 1
    return out


_PAGE_YEAR = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:[^\d\s]+\s+){0,5}(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)(?!\d)"
    r"|[/_-]((?:19|20)\d\d)[/_-][01]\d[/_-]", re.I)


def page_years(lines: list[str], max_year: int) -> dict[int, int]:
    """Years the page furniture gives: a "© 2019" footer (the last year of a range), a URL path
    "/2019/03/". Stronger evidence of the publication year than years named in the body."""
    out: dict[int, int] = {}
    for line in lines:
        for m in _PAGE_YEAR.finditer(line):
            y = int(m.group(1) or m.group(2))
            if y <= max_year:
                out[y] = out.get(y, 0) + 1
    return out


def infer_year(month: int, day: int, *, weekdays: dict[int, float], years_in_text: dict[int, int],
               corpus_years: dict[int, int], today: dt.date, span: int = 30,
               page_years: dict[int, int] | None = None, page_dates: list[DateParts] | None = None) -> int | None:
    """The most likely year of a day+month, or None when nothing points to any year.

    Scores each candidate year (up to ``span`` years back, never after ``today``): the weekday
    named in the text must fit (the strongest evidence), then years the text mentions (the
    publication year is rarely before the latest year mentioned), then the run's other articles.
    """
    candidates = [y for y in range(today.year - span, today.year + 1)
                  if _valid(y, month, day) and dt.date(y, month, day) <= today]
    if not candidates:
        return None
    total_corpus = sum(corpus_years.values()) or 1
    latest_mentioned = max(years_in_text) if years_in_text else None
    best, best_score = None, 0.0
    for y in candidates:
        score = 0.0
        evidence = False
        weekday = dt.date(y, month, day).weekday()
        wd_weight = weekdays.get(weekday, 0.0)
        if wd_weight:
            score += 3.0 * wd_weight
            evidence = True
        # Wire copy dated today often tells yesterday's news ("a annoncé mardi" on Wednesday).
        score += 0.5 * weekdays.get((weekday - 1) % 7, 0.0)
        if y in years_in_text:
            score += 1.0 + 0.1 * min(years_in_text[y], 5)
            evidence = True
        if latest_mentioned is not None:
            # Mentioned years are mostly past ones: a candidate before one of them is unlikely
            # (unless the mention is a plan), one in the few years after it is likely.
            if y < latest_mentioned:
                score -= 1.5
            elif y <= latest_mentioned + 3:
                score += 0.5
                evidence = True
        if y in corpus_years:
            score += 1.0 * corpus_years[y] / total_corpus
            evidence = True
        # The page's furniture dates the page itself: a full date near the day (a stamp, an
        # archive link of the same story) settles the year even against a weekday, which may
        # name another day of the story; so does a footer or URL year, a little less.
        if page_dates and any(p.year and abs((dt.date(p.year, p.month, p.day) - dt.date(y, month, day)).days) <= 45
                              for p in page_dates):
            score += 5.0
            evidence = True
        if page_years and y in page_years:
            score += 3.5
            evidence = True
        # Recency breaks ties only: news is read near the time it is published.
        score += 0.01 * (y - candidates[0]) / max(1, len(candidates))
        if evidence and (best is None or score > best_score):
            best, best_score = y, score
    return best if best_score > 0 else None


# -- the stage ----------------------------------------------------------------------------------


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_SITE_IN_TEXT = re.compile(r"\(((?:[\w-]+\.)+(?:com|fr|be|ch|net|org|info|ma|dz|tn|sn|ci|ca|eu|io|news|media))\)", re.I)


# "https://ex.invalid/monde/2019/03/05/titre", ".../2019/03/titre": the date many sites put in
# their article paths.
_URL_DATE = re.compile(r"(?:https?://|www\.)\S*?/((?:19|20)\d\d)/([01]?\d)/(?:([0-3]?\d)/)?")


def url_date(texts: list[str]) -> str | None:
    """The publication date an article URL gives (day or month precision), or None."""
    for text in texts:
        m = _URL_DATE.search(text)
        if not m:
            continue
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if 1 <= month <= 12 and (day is None or _valid(year, month, day)):
            return DateParts(day, month, year).iso()
    return None


# A line that is only a timestamp ("16.06.2024 19:03", "16/06/2024 - 19h03"): page furniture.
_BARE_STAMP = re.compile(r"^\s*(?P<date>[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d)(?:\s*(?:[-–|,à]\s*)?[0-2]?\d[:h][0-5]\d(?::\d\d)?)?\s*$")
# A report or note header ending with its month ("Note n° 12 — mars 2025", "Bulletin | Mars 2025").
_HEADER_MONTH_YEAR = re.compile(rf"(?:^|[—–|,:-]\s*)(?P<month>{_MONTH_WORD})\s+{_YEAR}\s*$", re.I)


def header_date(lines: list[str]) -> str | None:
    """The date a page header gives when nothing better does: a line that is only a timestamp
    (day precision), else a short header line closing on a month and a year (YYYY-MM). Only
    short lines count: a body sentence naming "mars 2025" is not the page's date."""
    for line in lines:
        m = _BARE_STAMP.match(line)
        if m:
            parts = parse_date(m.group("date").replace("-", "/"))
            if parts and parts.year:
                return parts.iso()
    for line in lines:
        if len(line.split()) > 12:
            continue
        m = _HEADER_MONTH_YEAR.search(line.strip())
        if m and month_number(m.group("month")) and not m.group("month").endswith("."):
            return f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}"
    return None


class MetadataStage:
    name = "metadata"
    requires = ("title", "paragraphs", "boilerplate", "hints")
    assigns = ("published", "published_from", "dateline", "source")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        calendar()
        agencies()
        _organisation_names()
        _kicker_words()

    def _today(self, article: Article, ctx: Any) -> dt.date:
        today = ctx.settings.get("today") if ctx is not None else None
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        today = today or dt.date.today()
        crawl = normalize_date(article.hints.get("crawl_date"))
        if crawl and len(crawl) == 10:
            today = min(today, dt.date.fromisoformat(crawl))
        return today

    def __call__(self, article: Article, ctx: Any) -> None:
        hints = article.hints
        # Dateline (its text was split off the body by the clean stage).
        dl = article.dateline
        parsed = find_dateline(dl.text) if dl and dl.text else None
        if dl and dl.text and parsed:
            dl.place = parsed.place
            dl.agency = parsed.agency
            dl.date = parsed.date.iso() if parsed.date and parsed.date.year else None
            if parsed.date and parsed.date.year is None:
                hints["dateline_month_day"] = (parsed.date.month, parsed.date.day)
        elif dl and not (dl.place or dl.date or dl.agency):
            article.dateline = None

        # Publication date, by trust: metadata > dateline > a date stamp in the page's text.
        meta_date = normalize_date(hints.get("date")) or normalize_date(hints.get("header_date"))
        source = "metadata"
        if not meta_date:
            stamp = self._text_date(hints.get("date_lines") or [], hints.get("update_lines") or [])
            source = "text"
            if stamp is not None and stamp.year:
                meta_date = stamp.iso()
            elif stamp is not None:
                # "Publié le 3 février à 10h12": the year is inferred in finish_batch.
                hints["published_month_day"] = (stamp.month, stamp.day)
        if not meta_date and not hints.get("published_month_day"):
            meta_date = url_date([article.source.url or "", str(hints.get("url") or ""),
                                  *(b for b in article.boilerplate if "://" in b or "www." in b)])
            source = "metadata"
        if not meta_date and not hints.get("published_month_day") and not (
                article.dateline is not None and (article.dateline.date or hints.get("dateline_month_day"))):
            meta_date = header_date([article.title or "", *article.boilerplate[:12], *article.paragraphs[:2]])
            source = "text"
        md = hints.get("dateline_month_day")
        if md and meta_date and article.dateline is not None:
            # A year-less dateline takes its year from the page's own date.
            year = self._year_from_metadata(meta_date, *md)
            if year:
                article.dateline.date = f"{year:04d}-{md[0]:02d}-{md[1]:02d}"
                hints.pop("dateline_month_day", None)
        if meta_date:
            article.published, article.published_from = meta_date, source
            # A dateline more precise than, and consistent with, the metadata refines it.
            dl_date = article.dateline.date if article.dateline is not None else None
            if dl_date and len(meta_date) < len(dl_date) and dl_date.startswith(meta_date):
                article.published, article.published_from = dl_date, "dateline"
        elif article.dateline is not None and article.dateline.date:
            article.published, article.published_from = article.dateline.date, "dateline"

        # Publishing site.
        if not article.source.site:
            article.source.site = self._site(article)

    @staticmethod
    def _year_from_metadata(meta_date: str, month: int, day: int) -> int | None:
        year = int(meta_date[:4])
        if len(meta_date) >= 7:
            meta_month = int(meta_date[5:7])
            # A dateline of 31 December on a page stamped January is last year's.
            if meta_month == 1 and month == 12:
                year -= 1
            elif meta_month == 12 and month == 1:
                year += 1
        return year if _valid(year, month, day) else None

    @staticmethod
    def _text_date(lines: list[str], updates: list[str] = ()) -> DateParts | None:
        """The page's own date from its stamps: the first dated publication stamp (bylines and
        bare stamps follow the "Publié le" lines), else the first dated update stamp. A stamp
        without a year takes it from a later full date on the page (an update is never before
        the publication: "3 décembre" then "Mis à jour le 5 janvier 2024" is 2023)."""
        found = [p for p in (find_date_in_line(line) for line in [*lines, *updates]) if p]
        if not found:
            return None
        first = found[0]
        if first.year:
            return first
        for later in found[1:]:
            if later.year:
                year = later.year - (1 if (first.month, first.day) > (later.month, later.day) else 0)
                if _valid(year, first.month, first.day):
                    return DateParts(first.day, first.month, year)
        return first

    @staticmethod
    def _site(article: Article) -> str | None:
        hints = article.hints
        host = host_of(article.source.url or hints.get("url"))
        if host:
            return host
        if hints.get("site"):
            return str(hints["site"])
        if article.dateline is not None and article.dateline.agency:
            agency = article.dateline.agency
            return agency.lower() if "." in agency else agency
        for text in [article.title or "", *article.paragraphs[:3], *article.boilerplate]:
            m = _SITE_IN_TEXT.search(text)
            if m:
                return m.group(1).lower()
        return None

    def finish_batch(self, articles: list[Article], ctx: Any) -> None:
        """Adds the dated articles' years to the corpus, then gives the year-less datelines and
        publication stamps a year."""
        pending = []
        for art in articles:
            if art.published and art.published_from in ("metadata", "dateline", "text"):
                ctx.corpus.add_date(art.published)
            if art.hints.get("dateline_month_day") and art.dateline is not None \
                    or art.hints.get("published_month_day") and not art.published:
                pending.append(art)
        for art in pending:
            today = self._today(art, ctx)
            texts = [art.title or "", *art.paragraphs]
            page = [*art.boilerplate, *(u for u in (art.source.url, art.hints.get("url")) if u)]
            evidence = dict(weekdays=weekday_evidence(art.paragraphs),
                            years_in_text=text_years(texts, today.year),
                            corpus_years=dict(ctx.corpus.years), today=today,
                            page_years=page_years(page, today.year), page_dates=dates_in(page))
            stamp_md = art.hints.get("published_month_day")
            if stamp_md and not art.published:
                year = infer_year(*stamp_md, **evidence)
                if year is not None:
                    art.published = f"{year:04d}-{stamp_md[0]:02d}-{stamp_md[1]:02d}"
                    art.published_from = "inferred"
                    art.hints.pop("published_month_day", None)
            md = art.hints.get("dateline_month_day")
            if not md or art.dateline is None:
                continue
            month, day = md
            year = None
            if art.published and len(art.published) >= 7:
                year = self._year_from_metadata(art.published, month, day)  # the inferred stamp
            if year is None:
                year = infer_year(month, day, **evidence)
            if year is None:
                continue
            art.dateline.date = f"{year:04d}-{month:02d}-{day:02d}"
            art.hints.pop("dateline_month_day", None)
            if not art.published or art.published_from == "inferred":
                art.published, art.published_from = art.dateline.date, "inferred"
