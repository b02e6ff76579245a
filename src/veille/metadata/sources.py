"""Where else a page says its date and site: its URL, a bare timestamp or a dated header line."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from veille.common.dates import MONTH_WORD, YEAR, DateParts, month_number, parse_date, valid_date
from veille.common.hosts import host_of  # noqa: F401  (read from here by the stage)

SITE_IN_TEXT = re.compile(r"\(((?:[\w-]+\.)+(?:com|fr|be|ch|net|org|info|ma|dz|tn|sn|ci|ca|eu|io|news|media))\)", re.I)


# "https://ex.invalid/monde/2019/03/05/titre", ".../2019/03/titre": the date many sites put in
# their article paths.
_URL_DATE = re.compile(r"(?:https?://|www\.)\S*?/((?:19|20)\d\d)/([01]?\d)/(?:([0-3]?\d)/)?")
# The day written in one piece of the path: "/2019-03-05/titre", "/20190305-titre",
# "…_AN-201903051422.html" (an hour after it), or day first, "/titre-05-03-2019-ABC123.php".
_URL_DAY = re.compile(r"(?:https?://|www\.)\S*?[/_-](?:(?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?:[0-2]\d[0-5]\d)?"
                      r"|(?P<d2>[0-3]\d)-(?P<m2>[01]\d)-(?P<y2>(?:19|20)\d\d))(?=[/_.-]|$)")


def url_date(texts: list[str]) -> str | None:
    """The publication date an article URL gives (day or month precision), or None."""
    for text in texts:
        m = _URL_DATE.search(text)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            day = int(m.group(3)) if m.group(3) else None
            if 1 <= month <= 12 and (day is None or valid_date(year, month, day)):
                return DateParts(day, month, year).iso()
        for m in _URL_DAY.finditer(text):
            year, month, day = (int(m.group(k) or m.group(k + "2")) for k in ("y", "m", "d"))
            if valid_date(year, month, day):
                return DateParts(day, month, year).iso()
    return None


_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+")
SLUG_MIN_SHARED = 3


def _plain_words(text: str) -> set[str]:
    import unicodedata

    flat = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return {w for w in re.findall(r"[a-z0-9]+", flat) if len(w) > 2 and not w.isdigit()}


def own_url_date(lines: list[str], title: str | None) -> str | None:
    """The date of the page's own URL among URLs printed in its furniture (a dump's REFRESH line, a
    link header, a numbered link list): only a URL whose slug names the headline's words ("…/2019/
    03/05/un-pont-pieton-relie-les-deux-rives" for "Un pont piéton relie enfin les deux rives"),
    never the URL of a related article, an image or a menu."""
    if not title:
        return None
    want = _plain_words(title)
    for line in lines:
        for url in _URL_IN_TEXT.findall(line):
            if not _URL_DATE.search(url) and not _URL_DAY.search(url):
                continue
            slug = _plain_words(urlsplit(url if "://" in url else "http://" + url).path.replace("/", " "))
            shared = len(slug & want)
            if shared >= SLUG_MIN_SHARED or slug and shared * 2 >= len(slug) and shared >= 2:
                return url_date([url])
    return None


# A line that is only a timestamp ("16.06.2024 19:03", "16/06/2024 - 19h03"): page furniture.
_BARE_STAMP = re.compile(r"^\s*(?P<date>[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d)(?:\s*(?:[-–|,à]\s*)?[0-2]?\d[:h][0-5]\d(?::\d\d)?)?\s*$")
# A report or note header ending with its month ("Note n° 12 — mars 2025", "Bulletin | Mars 2025").
# A bimonthly issue names its first month ("octobre-novembre 2006"); a magazine's page reference
# may follow ("Septembre 2000, page 22").
_HEADER_MONTH_YEAR = re.compile(rf"(?:^|[—–|,:>•·-]\s*)(?P<month>{MONTH_WORD})(?:\s*[-–/]\s*{MONTH_WORD})?\s+{YEAR}"
                                r"(?:\s*,\s*(?:page|p\.)\s*\d{1,4})?\s*$", re.I)


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
