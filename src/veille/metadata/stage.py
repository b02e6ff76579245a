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
  an article with no date anywhere keeps ``published = None``. A relative stamp ("Publié il y a 3
  heures", "hier à 18h02") is read against the capture date the input carries (a WARC or HTTP
  ``Date:`` header, ``crawl_date``, a record's ``date_download``, the masthead's clock the clean
  stage found: ``hints["page_clock"]``), and only then; so is a year-less stamp ("Publié le 12
  mars", the latest such day not after the capture, on the weekday it prints if any). The capture
  date itself is never the publication date.
* ``source.site``: URL host, HTML site name, a domain or agency named in the dateline.

A dateline that gives a day and a month but no year gets its year in ``finish``: the
candidate years are those where that day falls on the weekday the lead paragraph names as the
event day ("a confirmé mardi"), scored by the years the text mentions and the years of the other
articles of the run, never after today (or the crawl date). When nothing
supports any year, the year stays unknown: ``dateline.date`` and ``published`` stay ``None``
(an ISO date without a year does not exist) and ``hints["dateline_month_day"]`` keeps "MM-DD".

The run's years (``corpus_facts``) are those of every article of the run's whole input dated by
its own page (metadata, dateline or a stamp with its year; never a year inferred here), counted
before any year-less article is resolved (``waits``, then ``finish`` once the whole input has been
read: see ``veille.pipeline``): the same answer with one process, N workers or a Dask cluster,
whatever batch or chunk an article falls in. A run is one ``extract`` or ``ingest`` call's inputs
(the articles already in the store do not count), one ``watch`` round, one web upload.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from typing import Any

from veille.common.datelines import agencies, find_dateline, kicker_words, organisation_names
from veille.common.dates import DateParts, calendar, dates_in, find_date_in_line, normalize_date, valid_date
from veille.common.lexicon import rows
from veille.common.relative_dates import capture_reference, find_relative, resolve_relative
from veille.metadata.site import page_site
from veille.metadata.site_brands import named_site
from veille.metadata.sources import SITE_IN_TEXT, header_date, host_of, own_url_date, url_date
from veille.metadata.years import (
    NEAR_DAYS,
    anniversary_years,
    copyright_years,
    footer_fits,
    infer_year,
    page_year,
    page_years,
    stamp_weekday,
    text_years,
    weekday_evidence,
    year_before,
)
from veille.model import Article

_log = logging.getLogger("veille.metadata")
RELATIVE_MAX_WORDS = 14  # a stamp line read for a relative date ("Par Awa Koné | Publié il y a 3 h")


@lru_cache(maxsize=1)
def _relative_cues() -> re.Pattern[str]:
    cues = sorted((cols[0] for cols in rows("metadata/relative_cues.tsv")), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.I)


def unresolved_relative(lines: list[str]) -> bool:
    """The head's first stamp is a cued relative one ("Publié il y a 2 jours",
    ``lexicons/metadata/relative_cues.tsv``) with no date printed in it."""
    if not lines or len(lines[0].split()) > RELATIVE_MAX_WORDS or find_date_in_line(lines[0]) is not None:
        return False
    rel = find_relative(lines[0])
    return rel is not None and bool(_relative_cues().search(lines[0], 0, rel.start))


def _iso_parts(iso: str) -> DateParts:
    """"2024-03-12" / "2024-03" / "2024" as DateParts."""
    bits = [int(b) for b in iso.split("-")]
    year, month, day = bits[0], bits[1] if len(bits) > 1 else None, bits[2] if len(bits) > 2 else None
    return DateParts(day, month, year)


class MetadataStage:
    name = "metadata"
    requires = ("title", "paragraphs", "boilerplate", "hints")
    assigns = ("published", "published_from", "dateline", "source")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        # The user's KB (``kb_dirs``, ``veille kb import``) says which capitalised words are
        # organisations, not a dateline's place ("OTAN — …").
        self.organisations = organisation_names(ctx.kb()) if ctx is not None else organisation_names()
        calendar()
        agencies()
        kicker_words()

    def _today(self, article: Article, ctx: Any) -> dt.date:
        today = ctx.settings.get("today") if ctx is not None else None
        if isinstance(today, str):
            today = dt.date.fromisoformat(today)
        today = today or dt.date.today()
        crawl = normalize_date(article.hints.get("crawl_date"))
        if crawl and len(crawl) == 10:
            today = min(today, dt.date.fromisoformat(crawl))
        reference = self._reference(article)
        if reference is not None:
            today = min(today, reference.date() if isinstance(reference, dt.datetime) else reference)
        return today

    @staticmethod
    def _reference(article: Article) -> dt.datetime | dt.date | None:
        """When the page was captured, if the input says it (see ``common.relative_dates``): the
        reference of relative stamps ("il y a 3 heures"), never the article's date."""
        hints = article.hints
        reference = capture_reference(article.raw_text, hints.get("crawl_date"), hints.get("capture_date"))
        clock = find_date_in_line(hints["page_clock"]) if isinstance(hints.get("page_clock"), str) else None
        if reference is None and clock is not None and clock.year:
            # The masthead's clock ("mer. 03/01/2024", "Mercredi 3 janvier 2024, Sainte Odile") is
            # the day the page was captured.
            reference = dt.date(clock.year, clock.month, clock.day)
        return reference

    def __call__(self, article: Article, ctx: Any) -> None:
        hints = article.hints
        # Dateline (its text was split off the body by the clean stage).
        dl = article.dateline
        parsed = find_dateline(dl.text, self.organisations) if dl and dl.text else None
        if dl and dl.text and parsed is None and article.paragraphs:
            # Some forms are datelines only before a sentence ("MONTRÉAL — Le …", "(Belga) - Le …"):
            # read the text the clean stage cut them off, the same cut or nothing.
            joined = find_dateline(f"{dl.text} {article.paragraphs[0]}", self.organisations)
            parsed = joined if joined is not None and joined.text == dl.text else None
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
        if hints.get("date") and not normalize_date(hints.get("date")):
            # Not dropped silently: the record said a date that is no date ("2022-02-30").
            _log.warning("%s: date %r is not a valid date; the article is dated from its text if it can be",
                         article.source.path or article.source.url or article.id, hints.get("date"))
        source = "metadata"
        relative_head = False  # the head's stamp is relative and the capture date unknown
        if not meta_date:
            lines, updates = hints.get("date_lines") or [], hints.get("update_lines") or []
            reference = self._reference(article)
            stamp = self._text_date(lines, updates, reference)
            relative_head = stamp is None and reference is None and unresolved_relative(lines)
            source = "text"
            if stamp is not None and hints.get("far_stamp") and dl is not None and dl.date:
                stamp = None  # a stamp found far from the article's head: its own dateline says better
            if stamp is not None and (hints.get("far_stamp") or not any(find_date_in_line(ln) for ln in lines)):
                # A stamp found far from the article's head and foot, or an update stamp only: the
                # page's own URL, minted at publication, says better ("/2024/03/12/<slug>").
                own = self._url_date(article)
                if own and not (stamp.year and len(own) < 10 and stamp.iso().startswith(own)):
                    # (A month-precise URL the stamp agrees with: the stamp's day is kept.)
                    stamp, meta_date, source = None, own, "metadata"
            if stamp is not None and stamp.year:
                meta_date = stamp.iso()
            elif stamp is not None:
                # "Publié le 3 février à 10h12": the year is inferred in finish_batch.
                hints["published_month_day"] = (stamp.month, stamp.day)
                if stamp.weekday is not None:
                    hints["published_weekday"] = stamp.weekday
        if not meta_date and not hints.get("published_month_day") and hints.get("issue_month") and not (
                article.dateline is not None and article.dateline.date):
            # A magazine's print issue ("Février 2008" by "n° 332"), the head's only date: at the
            # month's precision, as printed.
            meta_date, source = normalize_date(str(hints["issue_month"])), "text"
        if not meta_date and not hints.get("published_month_day"):
            meta_date = self._url_date(article)
            source = "metadata"
        if not meta_date and not hints.get("published_month_day") and not relative_head and not (
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
    def _url_date(article: Article) -> str | None:
        """The date of the page's URL, or of its own URL printed in its furniture."""
        return url_date([article.source.url or "", str(article.hints.get("url") or "")]) or own_url_date(
            [b for b in article.boilerplate if "://" in b or "www." in b], article.title)

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
        return year if valid_date(year, month, day) else None

    @staticmethod
    def _text_date(lines: list[str], updates: list[str] = (),
                   reference: dt.datetime | dt.date | None = None) -> DateParts | None:
        """The page's own date from its stamps: the first dated publication stamp (bylines and
        bare stamps follow the "Publié le" lines), else the first dated update stamp. A stamp
        without a year takes it from the later full dates on the page when they agree on it (an
        update is never before the publication: "3 décembre" then "Mis à jour le 5 janvier 2024"
        is 2023; later dates giving two years leave it year-less), or from the
        capture date (a page prints the year-less "12 mars" of the current year). A relative
        stamp ("Publié il y a 3 heures", "hier à 18h02") counts only when the input carries its
        capture date, and then nothing stands in for it when it is the head's first stamp (null, not
        an update's or another item's day); the weekday printed with a year-less date ("mardi 12
        mars") is kept."""
        found = []
        for n, line in enumerate([*lines, *updates]):
            parts = find_date_in_line(line)
            if parts is not None and parts.year is None:
                parts.weekday = stamp_weekday(line, parts.day, parts.month)
            elif parts is None and len(line.split()) <= RELATIVE_MAX_WORDS:
                rel = find_relative(line)
                iso = resolve_relative(rel, reference) if rel is not None and reference is not None else None
                parts = _iso_parts(iso) if iso else None
                if n == 0 and parts is None and unresolved_relative(lines):
                    # The head's publication stamp is relative and the capture date unknown: the
                    # article's day is not printed, so no later line stands in for it (an update
                    # stamp, another item's date): null rather than a wrong day.
                    return None
            if parts is not None:
                found.append(parts)
        if not found:
            return None
        first = found[0]
        if first.year:
            return first
        if reference is not None:
            year = year_before(first.month, first.day, reference, first.weekday)
            if year is not None:
                return DateParts(first.day, first.month, year, first.weekday)
        years = []
        for later in found[1:]:
            if later.year:
                year = later.year - (1 if (first.month, first.day) > (later.month, later.day) else 0)
                # (Not against the weekday the stamp prints: that later date is another item's; nor
                # a date printed after the stamp but a few days before its day: no update comes a
                # year less a few days later, that date is another item's of the same weeks.)
                if year < later.year and valid_date(later.year, first.month, first.day) and (
                        dt.date(later.year, first.month, first.day) - dt.date(later.year, later.month, later.day)).days <= NEAR_DAYS:
                    continue
                if valid_date(year, first.month, first.day) and (
                        first.weekday is None or dt.date(year, first.month, first.day).weekday() == first.weekday):
                    years.append(year)
        if len(set(years)) == 1:
            return DateParts(first.day, first.month, years[0])
        return first  # (none, or later dates of two years: the page does not say which)

    @staticmethod
    def _site(article: Article) -> str | None:
        hints = article.hints
        host = host_of(article.source.url or hints.get("url"))
        if host:
            return host
        if hints.get("site") and (named := named_site(str(hints["site"]))):  # a domain, or a known brand's (site_brands.py)
            return named
        if (own := page_site(article.raw_text)) is not None:  # a dump's own URL line or © line (metadata/site.py)
            return own
        if article.dateline is not None and article.dateline.agency:
            agency = article.dateline.agency
            return agency.lower() if "." in agency else agency
        for text in [article.title or "", *article.paragraphs[:3], *article.boilerplate]:
            m = SITE_IN_TEXT.search(text)
            if m:
                return m.group(1).lower()
        return None

    @staticmethod
    def corpus_facts(articles: list[Article], corpus: Any) -> None:
        """Adds the years of the articles dated by their own page (not an inferred year) to the
        run's ``corpus`` (``pipeline.CorpusContext``)."""
        for art in articles:
            if art.published and art.published_from in ("metadata", "dateline", "text"):
                corpus.add_date(art.published)

    @staticmethod
    def waits(article: Article) -> bool:
        """The article has a year-less dateline or stamp: its year needs the whole run's corpus."""
        hints = article.hints
        return bool(hints.get("dateline_month_day") and article.dateline is not None
                    or hints.get("published_month_day") and not article.published)

    def finish_batch(self, articles: list[Article], ctx: Any) -> None:
        """Adds the dated articles' years to ``ctx.corpus``, then gives the year-less datelines
        and publication stamps a year (a batch that is the whole run; the pipeline calls
        ``corpus_facts`` on every batch and ``finish`` once the run's corpus is complete)."""
        self.corpus_facts(articles, ctx.corpus)
        self.finish(articles, ctx.corpus, ctx)

    def finish(self, articles: list[Article], corpus: Any, ctx: Any = None) -> None:
        """Gives the year-less datelines and publication stamps of ``articles`` a year, against
        the years of ``corpus`` (the run's articles dated by their own page)."""
        ctx = self.ctx if ctx is None else ctx
        for art in [a for a in articles if self.waits(a)]:
            today = self._today(art, ctx)
            texts = [art.title or "", *art.paragraphs]
            page = [*art.boilerplate, *(u for u in (art.source.url, art.hints.get("url")) if u)]
            evidence = dict(weekdays=weekday_evidence(art.paragraphs),
                            years_in_text=text_years(texts, today.year),
                            corpus_years=dict(corpus.years), today=today,
                            page_years=page_years(page, today.year), page_dates=dates_in(page))
            stamp_md = art.hints.get("published_month_day")
            if stamp_md and not art.published:
                weekday = art.hints.get("published_weekday")
                # The page's own furniture first (its URL, its full dates near the day, an
                # anniversary the text spells out): one year, that year; two, null rather than a
                # guess (a related item's date), unless a date of the same story lies days away.
                anniversaries = anniversary_years(texts, *stamp_md)
                url_years = page_years(page, today.year, copyright=False)
                found, year = page_year(*stamp_md, url_years, evidence["page_dates"], anniversaries, weekday, today)
                if not found:
                    # A footer's copyright year is the site's (the capture's, or the year its template
                    # was last changed), not the article's: it dates a year-less stamp only when the
                    # day falls that year on the weekday the stamp prints, or the lead names first.
                    years = dict(url_years)
                    for y, n in copyright_years(page, today.year).items():
                        if footer_fits(y, *stamp_md, evidence["weekdays"], weekday):
                            years[y] = years.get(y, 0) + n
                    stamp_evidence = {**evidence, "page_years": years}
                    year = infer_year(*stamp_md, **stamp_evidence, anniversaries=anniversaries,
                                      weekday=weekday, page_only=True)
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
