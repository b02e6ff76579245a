"""The year of a date that gives only a day and a month ("mardi 3 mars", a dateline "PARIS, 3 mars").

The candidate years are those where that day falls on the weekday the lead names as the event day,
scored by the years the text, the page and the other articles of the run mention, never after today.
"""

from __future__ import annotations

import datetime as dt
import re

from veille.common.dates import DateParts, calendar, valid_date

_YEAR_IN_TEXT = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])")
# The run's other articles settle a year on their own (as page evidence) only when enough of them
# are dated in it and they make a good share of the run: one stray article of another year is no
# evidence. Below that, they only break ties between years other evidence supports.
CORPUS_MIN_ARTICLES = 2
CORPUS_MIN_SHARE = 0.5


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


# A picture's upload folder ("…/wp-content/uploads/2020/07/logo.png"): the day the file was
# uploaded, maybe the site's logo years before, not the article's.
_MEDIA_PATH = re.compile(r"/(?:wp-content|uploads|images?|media|medias|img)/", re.I)


def _in_media_path(line: str, at: int) -> bool:
    """The path ending at ``at`` (the slash before a year) is a picture's upload folder."""
    before = line[:at + 1].split()
    return bool(before) and bool(_MEDIA_PATH.search(before[-1]))


def page_years(lines: list[str], max_year: int, copyright: bool = True) -> dict[int, int]:
    """Years the page furniture gives: a "© 2019" footer (the last year of a range), a URL path
    "/2019/03/" (not a picture's upload folder). Stronger evidence of the publication year than
    years named in the body. ``copyright=False``: the URL years only (``copyright_years`` apart)."""
    out: dict[int, int] = {}
    for line in lines:
        for m in _PAGE_YEAR.finditer(line):
            if m.group(1) and not copyright or m.group(2) and _in_media_path(line, m.start()):
                continue
            y = int(m.group(1) or m.group(2))
            if y <= max_year:
                out[y] = out.get(y, 0) + 1
    return out


def copyright_years(lines: list[str], max_year: int) -> dict[int, int]:
    """The footer's copyright years ("© 2019", the last of "© 2003-2019")."""
    both, urls = page_years(lines, max_year), page_years(lines, max_year, copyright=False)
    return {y: n - urls.get(y, 0) for y, n in both.items() if n > urls.get(y, 0)}


def footer_fits(year: int, month: int, day: int, weekdays: dict[int, float], weekday: int | None) -> bool:
    """A footer's year fits a year-less day: the day falls that year on the weekday its stamp
    prints, or, when it prints none, on the weekday the text names first (not the day after it: a
    year in three or four fits one of two weekdays by chance)."""
    if not valid_date(year, month, day):
        return False
    on = dt.date(year, month, day).weekday()
    if weekday is not None:
        return on == weekday
    first = max(weekdays, key=weekdays.get) if weekdays else None
    return first is not None and on == first


_NUMBER_WORDS = {"un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
                 "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}
# "il y a cinq ans", "cinq ans après", "10 ans plus tard", "cinq ans jour pour jour": how long ago
# the dated event of the text happened.
_YEARS_AGO = re.compile(r"\b(?:il y a|voici|cela fait)\s+(?P<a>\d{1,2}|[a-z]+)\s+ans\b"
                        r"|\b(?P<b>\d{1,2}|[a-zA-Z]+)\s+ans\s+(?:après|plus tard|jour pour jour)", re.I)
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>[0-3]?\d)(?:er)?\s+(?P<month>[A-Za-zÀ-ÿ]{3,10}\.?)\s+(?P<year>(?:19|20)\d\d)\b")


def anniversary_years(texts: list[str], month: int, day: int) -> set[int]:
    """Years the text gives for a day+month by an anniversary: the text dates an event on that day
    of a year Y ("le 17 mars 2020") and says, in the same paragraph or one beside it (the headline
    over the lede), how long ago it
    was ("il y a cinq ans", "cinq ans plus tard"): the publication is in Y + N. (A span said
    paragraphs away from the date is another story's: "il y a deux ans" of a former post.)"""
    from veille.common.dates import month_number

    def spans_in(text: str) -> set[int]:
        out = set()
        for m in _YEARS_AGO.finditer(text):
            word = (m.group("a") or m.group("b")).lower()
            n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
            if n:
                out.add(n)
        return out

    spans = [spans_in(t) for t in texts]
    found = set()
    for i, text in enumerate(texts):
        near = set().union(*spans[max(0, i - 1):i + 2])
        if not near:
            continue
        years = {int(m.group("year")) for m in _DAY_MONTH_YEAR.finditer(text)
                 if int(m.group("day")) == day and month_number(m.group("month")) == month}
        found |= {y + n for y in years for n in near}
    return found


def infer_year(month: int, day: int, *, weekdays: dict[int, float], years_in_text: dict[int, int],
               corpus_years: dict[int, int], today: dt.date, span: int = 30,
               page_years: dict[int, int] | None = None, page_dates: list[DateParts] | None = None,
               anniversaries: set[int] | None = None, weekday: int | None = None,
               page_only: bool = False) -> int | None:
    """The most likely year of a day+month, or None when nothing points to any year.

    Scores each candidate year (up to ``span`` years back, never after ``today``): the weekday
    named in the text must fit (the strongest evidence), then years the text mentions (the
    publication year is rarely before the latest year mentioned), then the run's other articles.
    ``weekday``: the weekday printed with the date itself ("Publié le mardi 12 mars"): only the
    years where the day falls on it are candidates, and that fit is evidence.
    ``page_only``: only the page's own furniture (a full date near the day, a footer or URL year, an
    anniversary the text spells out) and the run's other articles count as evidence: a publication stamp's year is not guessed
    from the years the story names (its background: "en 1996") nor from recency, since the same day
    falls on the same weekday every five to eleven years (null rather than a wrong date).
    """
    candidates = [y for y in range(today.year - span, today.year + 1)
                  if valid_date(y, month, day) and dt.date(y, month, day) <= today
                  and (weekday is None or dt.date(y, month, day).weekday() == weekday)]
    if not candidates:
        return None
    total_corpus = sum(corpus_years.values()) or 1
    latest_mentioned = max(years_in_text) if years_in_text else None
    best, best_score = None, 0.0
    for y in candidates:
        score = 0.0
        evidence = weekday is not None and not page_only
        page_evidence = False
        on = dt.date(y, month, day).weekday()
        wd_weight = weekdays.get(on, 0.0)
        if wd_weight:
            score += 3.0 * wd_weight
            evidence = True
        # Wire copy dated today often tells yesterday's news ("a annoncé mardi" on Wednesday).
        score += 0.5 * weekdays.get((on - 1) % 7, 0.0)
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
            # The run's other articles: same crawl, same weeks, when enough of them say so.
            if corpus_years[y] >= CORPUS_MIN_ARTICLES and corpus_years[y] / total_corpus >= CORPUS_MIN_SHARE:
                page_evidence = True
        # The page's furniture dates the page itself: a full date near the day (a stamp, an
        # archive link of the same story) settles the year even against a weekday, which may
        # name another day of the story; so does a footer or URL year, a little less.
        if page_dates and any(_near(p, y, month, day) for p in page_dates):
            score += 5.0
            page_evidence = True
        if page_years and y in page_years:
            score += 3.5
            page_evidence = True
        if anniversaries and y in anniversaries:
            score += 5.0  # "il y a cinq ans" of an event the text dates: the year is said outright
            page_evidence = True
        evidence = page_evidence or evidence and not page_only
        # Recency breaks ties only: news is read near the time it is published.
        score += 0.01 * (y - candidates[0]) / max(1, len(candidates))
        if evidence and (best is None or score > best_score):
            best, best_score = y, score
    return best if best is not None and (best_score > 0 or weekday is not None) else None


NEAR_DAYS = 45  # a full date of the page this close to the day dates it (a stamp, the same story's archive)


def _near(p: DateParts, year: int, month: int, day: int) -> bool:
    return bool(p.year) and abs((dt.date(p.year, p.month, p.day) - dt.date(year, month, day)).days) <= NEAR_DAYS


CLOSE_DAYS = 3  # a full date of the page this close to the day is the same story's (its update, its archive)


def page_year(month: int, day: int, url_years: dict[int, int], page_dates: list[DateParts],
              anniversaries: set[int], weekday: int | None, today: dt.date) -> tuple[bool, int | None]:
    """The year the page's own furniture gives a year-less day, before any footer: its URL years,
    the years of its full dates near that day, an anniversary the text spells out (only years where
    the day falls on the weekday its stamp prints, if it prints one, and not after ``today``).
    Returns (whether any such evidence was found, the year). Two years or more: the page does not
    say which (a related item's date, another story's URL), unless one date lies within
    ``CLOSE_DAYS`` of the day in a single year: then None when no such date settles it."""
    def fits(y: int) -> bool:
        return valid_date(y, month, day) and dt.date(y, month, day) <= today and (
            weekday is None or dt.date(y, month, day).weekday() == weekday)

    near: dict[int, int] = {}
    for p in page_dates:
        for y in (p.year - 1, p.year, p.year + 1) if p.year else ():
            if fits(y) and _near(p, y, month, day):
                gap = abs((dt.date(p.year, p.month, p.day) - dt.date(y, month, day)).days)
                near[y] = min(near.get(y, gap), gap)
    years = {y for y in url_years if fits(y)} | {y for y in anniversaries if fits(y)} | set(near)
    if len(years) == 1:
        return True, next(iter(years))
    close = {y for y, gap in near.items() if gap <= CLOSE_DAYS}
    return bool(years), next(iter(close)) if len(close) == 1 else None


_WEEKDAY_BEFORE = r"(?P<wd>[A-Za-zÀ-ÿ]{{3,9}}\.?)\s*,?\s+(?:le\s+)?0?{day}(?:er|º|°)?[\s/.]"


def stamp_weekday(line: str, day: int | None, month: int | None) -> int | None:
    """The weekday a stamp prints with its year-less date ("Publié le mardi 12 mars", "Mardi, 12/03
    à 10h"), or None."""
    if day is None:
        return None
    weekdays = calendar()["weekdays"]
    for m in re.finditer(_WEEKDAY_BEFORE.format(day=day), line, re.I):
        wd = weekdays.get(m.group("wd").lower())
        if wd is not None:
            return wd
    return None


def year_before(month: int, day: int, reference: dt.date | dt.datetime, weekday: int | None = None,
                span: int = 10) -> int | None:
    """The year of a year-less stamp read on a page captured on ``reference``: the latest year
    where that day is not after the capture (a page prints "12 mars" for the current year), and
    falls on the weekday the stamp prints with it, if it prints one ("mardi 12 mars")."""
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    for year in range(ref.year, ref.year - span - 1, -1):
        if not valid_date(year, month, day) or dt.date(year, month, day) > ref:
            continue
        if weekday is None or dt.date(year, month, day).weekday() == weekday:
            return year
    return None
