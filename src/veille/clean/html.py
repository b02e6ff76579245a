"""HTML pages: trafilatura's main text, then the line rules; the page's own metadata beside it."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from veille.clean.body_furniture import drop_body_furniture
from veille.clean.browser import best_run, run_value
from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.headline import credited_name
from veille.clean.html_wraps import join_wrapped
from veille.clean.lines import Cleaned, clean_lines
from veille.clean.page_dates import other_dates
from veille.clean.page_meta import TITLE_PARTS, extraction_tree, page_date, page_metadata
from veille.clean.shapes import is_credit
from veille.clean.stamps import has_stamp_cue, stamps
from veille.clean.standfirst import split_headline
from veille.clean.text import FINAL_PUNCT, is_prose, line_key, similar, words
from veille.common.dates import DateParts, calendar, find_date_in_line, find_full_date
from veille.common.fold import fold
from veille.common.html_tree import ParsedPage

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
               "footer", "nav", "aside", "blockquote", "figcaption", "figure", "td", "th", "tr", "br",
               "ul", "ol", "dt", "dd", "time", "address", "main", "pre", "table", "form", "label"}


_UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


def html_lines(html: str, tree: Any | None = None) -> list[str]:
    """The visible text of a page, one line per block element (what trafilatura leaves out is
    kept as boilerplate from these lines). ``tree``: the page's tree, when the reader parsed it
    (``common/html_tree.py``; read, never changed)."""
    import lxml.html

    root = tree
    if root is None:
        try:
            root = lxml.html.fromstring(html)
        except (ValueError, TypeError, lxml.etree.ParserError):
            return []
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            # (A code or head element is passed over, its tail kept in place: the text the tree
            # would give with the element dropped, without a search of the tree nor a change to it.)
            if child.tag not in _UNSEEN_TAGS:
                walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


# A page saved with the HTTP response heads before its markup ("curl -i", "-iL": a redirect's head,
# then the page's): a status line, header lines, a blank line, each time.
_HTTP_HEADS = re.compile(r"(?:[ \t]*HTTP/\d(?:\.\d)?[ \t]+\d{3}[^\r\n]*\r?\n(?:[!-9;-~]+:[^\r\n]*\r?\n){0,200}\r?\n)+")


def without_http_head(html: str) -> str:
    """The page past the HTTP response heads it opens with: their "date:" and "last-modified:"
    lines are the capture's clock, never a stamp of the article. The raw text keeps them (the
    metadata stage reads the capture day there, as a reference for relative stamps)."""
    if not html.lstrip()[:5] == "HTTP/":
        return html
    m = _HTTP_HEADS.match(html.lstrip())
    return html.lstrip()[m.end():] if m else html


def extract_html(html: str, url: str | None = None, today: str | None = None,
                 known_title: str | None = None,
                 organisations: Collection[str] | None = None,
                 parsed: ParsedPage | None = None) -> tuple[Cleaned, dict[str, Any]]:
    """trafilatura's main text cleaned by the line rules, plus the page's own metadata (page_meta.py).

    ``known_title``: the title a feed entry or a record gives. It wins over the page's, so that a
    fragment without a heading (a feed's summary) does not lose its first paragraph to the title.
    ``parsed``: the tree the reader built (``common/html_tree.py``), read instead of parsing the
    page again when it is this page's.
    """
    from trafilatura import bare_extraction

    html = without_http_head(html)  # (the capture's "date:" header is no stamp of the page)
    params: dict[str, Any] = {"extensive_search": False, "original_date": True}
    if today:
        params["max_date"] = today
    # One parse, the reader's when it is this page's: the page's own metadata read from the tree by
    # Veille's readers (page_meta.py), the text by trafilatura, asked for none of its metadata,
    # the block lines.
    given = parsed.take(html) if parsed is not None else None
    tree = extraction_tree(html, given)
    meta: dict[str, Any] = page_metadata(tree, url) if tree is not None else {}
    doc = None
    for precision in (True, False):
        # A page whose main text the precise extraction cannot find is read again favouring recall.
        doc = bare_extraction(tree if tree is not None else html, url=url, favor_precision=precision,
                              include_comments=False, include_tables=False, with_metadata=False)
        if doc is not None:
            break
    if tree is not None and (date := page_date(tree, url, params)):
        meta["date"] = date  # (neither htmldate nor the extraction modifies the tree: checked on the corpus)
    text_lines = (doc.text or "").split("\n") if doc is not None else []
    all_lines = html_lines(html, given)
    if not any(ln.strip() for ln in text_lines):
        text_lines = all_lines  # trafilatura found no main text: fall back on every block
    title = known_title or shown_headline(html, meta.get("title"), all_lines) or meta.get("title")
    text_lines = join_wrapped(text_lines, title)  # (a source wrapped inside its paragraphs)
    cleaned = clean_lines(text_lines, known_title=title, organisations=organisations)
    run = _page_run(all_lines)
    extracted = _word_count(cleaned.paragraphs)
    if run is not None and extracted < FRAGMENT_WORDS and extracted < SHORT_EXTRACTION * run[2]:
        # The extraction kept a fragment (a lead, a caption) of a page whose own densest run of
        # prose is several times longer: take that run, from a little above it for the headline.
        cleaned = clean_lines(all_lines[max(0, run[0] - RUN_HEAD_LINES):run[1] + 1], known_title=title,
                              organisations=organisations)
    drop_body_furniture(cleaned, dump=False)  # embedded tweets, dated captions
    if not _add_standfirst(cleaned, meta.get("description"), all_lines):
        _add_lede(cleaned, title, all_lines)
    if title and not known_title and meta.get("sitename"):
        cleaned.title = strip_site_name(cleaned.title or title, str(meta["sitename"]))
    if cleaned.title and not known_title:
        cleaned.title = logo_headline(cleaned.title, html, all_lines, cleaned.paragraphs) or cleaned.title
        cleaned.title = strip_credited_prefix(cleaned.title, all_lines, html)
        cleaned.title = cut_glued_standfirst(cleaned.title, meta.get("description"))
        # The standfirst set inside the headline's element, with no description to find it by:
        # split on the words that open a sentence (``standfirst.split_headline``).
        glued = split_headline(cleaned.title)
        cleaned.title = glued[0] if glued else cleaned.title
    if meta.get("date"):
        meta["date"] = checked_date(str(meta["date"]), html, all_lines, cleaned.paragraphs)
    others = other_dates(all_lines)
    if meta.get("date") and read_in_text(str(meta["date"]), html, url):
        meta["date_from_text"] = True
        if _only_in(str(meta["date"])[:10], all_lines, others):
            meta["date"], meta["teaser_date"] = None, True  # a teaser's or a related link's date
    return cleaned, {"meta": meta, "all_lines": all_lines, "other_dates": others}


def _only_in(day: str, lines: list[str], others: set[int]) -> bool:
    """True when the page prints ``day`` only in the lines ``others`` (and at least once)."""
    if len(day) != 10 or not others:
        return False
    target = DateParts(int(day[8:10]), int(day[5:7]), int(day[:4]))
    at = [i for i, ln in enumerate(lines) if len(words(ln)) <= 40 and _is_day(find_date_in_line(ln), target)]
    return bool(at) and all(i in others for i in at)


# The publication date as the page's markup writes it, in the page's own time zone
# ("2017-08-26T03:16:00+02:00"): the day the page shows, whatever the day in UTC.
_MARKUP_DATE = re.compile(r"""(?:article:published_time|datePublished|dc\.date|pubdate)["']?\s*"""
                          r"""(?:content\s*=\s*|:\s*)["'](?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)""", re.I)
DAY_SHIFT = 1
# The words ``_MARKUP_DATE`` opens on, lower case; and the letters a case-insensitive pattern
# matches to an ASCII letter that ``str.lower`` leaves apart from it (İ, ı, ſ, the Kelvin sign).
_MARKUP_KEYS = ("article:published_time", "datepublished", "dc.date", "pubdate")
_FOLDING_SPECIALS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=2)  # (asked twice of a page: ``checked_date``, ``read_in_text``)
def markup_dates(html: str) -> frozenset[str]:
    """The days ``_MARKUP_DATE`` finds in a page. The pattern is tried only where the lower-cased
    page holds one of its opening words (found at C speed): a case-insensitive pattern opening on
    an alternation is otherwise tried at every character of the page. The same days as a scan of
    the whole page (a page holding one of ``_FOLDING_SPECIALS`` is scanned whole)."""
    low = html.lower()
    if len(low) != len(html) or any(c in html for c in _FOLDING_SPECIALS):
        return frozenset(m.group("date") for m in _MARKUP_DATE.finditer(html))
    out: set[str] = set()
    for key in _MARKUP_KEYS:
        at = low.find(key)
        while at != -1:
            m = _MARKUP_DATE.match(html, at)
            if m is not None:
                out.add(m.group("date"))
            at = low.find(key, at + 1)
    return frozenset(out)


def checked_date(date: str, html: str, lines: list[str], paragraphs: list[str]) -> str | None:
    """The metadata's publication date (htmldate's) checked against the page:

    * a date one day off the day the markup writes in the page's time zone is that day (a
      conversion to UTC moved it across midnight);
    * a date the markup does not carry, read in the page's text only in lines under the article's
      first paragraph (the dates of related links and comments), is not the article's: None;
    * a first of the month the page never prints as a day, while it prints that month and year
      ("septembre 2000", "octobre-novembre 2006"), is a month: "YYYY-MM"."""
    marked = markup_dates(html)
    day = date[:10]
    if len(day) == 10 and day not in marked:
        near = [d for d in marked if _days_apart(d, day) == DAY_SHIFT]
        if len(near) == 1:
            return near[0]
        if day not in html and _only_under_article(day, lines, paragraphs):
            return None
    if len(day) == 10 and day.endswith("-01"):
        year, month = int(day[:4]), int(day[5:7])
        if not any(_same_day(ln, year, month, 1) for ln in lines) and any(_names_month(ln, year, month) for ln in lines):
            return day[:7]
    return date


def read_in_text(date: str, html: str, url: str | None) -> bool:
    """True when the metadata's date is one the extraction read in the page's text or in a
    ``<time>`` element (the markup never gives it as the article's publication, ``article:
    published_time``, ``datePublished``…, nor the URL as "2023/03/03"): a teaser's or a sidebar's
    date may have been taken, and a cued stamp the page shows over the article says better."""
    day = date[:10]
    if len(day) != 10:
        return False
    if any(f in (url or "") for f in (day, day.replace("-", "/"), day.replace("-", ""))):
        return False
    # Written in the markup as the article's publication (not in a ``<time>`` of any item).
    return day not in markup_dates(html)


def _days_apart(a: str, b: str) -> int | None:
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def _same_day(line: str, year: int, month: int, day: int) -> bool:
    parts = find_full_date(line) if any(c.isdigit() for c in line) else None
    return parts is not None and (parts.year, parts.month, parts.day) == (year, month, day)


def _names_month(line: str, year: int, month: int) -> bool:
    if str(year) not in line:
        return False
    names = [w for w, n in calendar()["months"].items() if n == month and len(w) >= 4 and not w.endswith(".")]
    alt = "|".join(re.escape(w) for w in names)
    return bool(names) and re.search(rf"(?<!\w)(?:{alt})(?:\s*[-–/]\s*\w+)?\s+{year}\b", line, re.I) is not None


def _only_under_article(day: str, lines: list[str], paragraphs: list[str]) -> bool:
    """True when every page line giving that day comes after the article's first paragraph and is
    not a cued stamp (a related link's or a comment's date), and there is at least one."""
    if not paragraphs:
        return False
    first = _line_of(paragraphs[0], lines)
    if first is None:
        return False
    year, month, d = int(day[:4]), int(day[5:7]), int(day[8:10])
    target = DateParts(d, month, year)
    at = [i for i, ln in enumerate(lines) if len(words(ln)) <= 40 and _is_day(find_date_in_line(ln), target)]
    return bool(at) and all(i > first and not has_stamp_cue(lines[i]) for i in at)


def _is_day(parts: DateParts | None, target: DateParts) -> bool:
    return parts is not None and (parts.year, parts.month, parts.day) == (target.year, target.month, target.day)


SHORT_EXTRACTION = 0.4
FRAGMENT_WORDS = 120  # an extraction this short may be a fragment (a lead, a caption)
RUN_HEAD_LINES = 15
RUN_MIN_WORDS = 100
STANDFIRST_REACH = 15
HEADLINE_REACH = 40  # lines from the headline to the first paragraph within which the standfirst is sought
LEDE_MIN_WORDS = 15  # lines above the first paragraph where the page shows its standfirst


def _word_count(lines: list[str]) -> int:
    return sum(len(words(ln)) for ln in lines)


def _page_run(lines: list[str]) -> tuple[int, int, int] | None:
    """(first, last, words) of the densest run of prose among a page's block lines."""
    us = [Unit(ln, "text", i, 0) for i, ln in enumerate(lines)]
    run = best_run([run_value(u) for u in us])
    if run is None:
        return None
    n = _word_count(lines[run[0]:run[1] + 1])
    return (run[0], run[1], n) if n >= RUN_MIN_WORDS else None


def _add_standfirst(cleaned: Cleaned, description: str | None, lines: list[str]) -> bool:
    """The standfirst the extraction dropped: the page's meta description when the page also
    shows it, just above the first paragraph (a description the page does not show is no body).
    True when the body holds the standfirst (already or now)."""
    if not description or len(words(description)) < 8 or not cleaned.paragraphs:
        return False
    head = line_key(description)[:80]
    # (Held when a paragraph is the description or opens with it; a paragraph that only retells it
    # further on, "Il est furieux. Invité mardi, le maire …", leaves the standfirst to be found.)
    if any(similar(p, description) or line_key(p).startswith(head) for p in cleaned.paragraphs):
        return True
    at = _line_of(cleaned.paragraphs[0], lines)
    if at is None:
        return False
    # Looked for above the first paragraph, from the headline when the page shows it higher up
    # (a photo, its caption and the byline may stand between the standfirst and the text).
    top = _headline_line(cleaned.title, lines, at) if cleaned.title else None
    low = max(0, at - STANDFIRST_REACH)
    if top is not None and at - top <= HEADLINE_REACH:
        low = min(low, top + 1)
    for i in range(low, at):
        if similar(lines[i], description) or line_key(lines[i]).startswith(line_key(description)[:80]):
            cleaned.paragraphs.insert(0, lines[i])
            return True
    return False


def _add_lede(cleaned: Cleaned, title: str | None, lines: list[str]) -> None:
    """A paragraph the page shows between its headline and the extracted first paragraph (a lede
    the extraction took for furniture): prose, no cue, no credit, no stamp."""
    if not title or not cleaned.paragraphs:
        return
    first = _line_of(cleaned.paragraphs[0], lines)
    top = _line_of(title, lines, before=first)
    if first is None or top is None or not 0 < first - top <= STANDFIRST_REACH:
        return
    ledes = [ln for ln in lines[top + 1:first] if len(words(ln)) >= LEDE_MIN_WORDS and is_prose(ln)
             and FINAL_PUNCT.search(ln) and cue_kind(ln) is None and not is_credit(ln) and not stamps(ln)]
    cleaned.paragraphs[:0] = [ln for ln in ledes if ln not in cleaned.paragraphs]


def _headline_line(title: str, lines: list[str], before: int) -> int | None:
    """The last page line above ``before`` that shows the headline (the title may still carry the
    site's name at this point: "Le titre - Le Site")."""
    key = line_key(title)
    return next((i for i in range(min(before, len(lines)) - 1, -1, -1)
                 if (k := line_key(lines[i])) and len(k.split()) >= 3 and (key == k or key.startswith(k + " ")
                                                                         or similar(lines[i], title))), None)


def _line_of(text: str, lines: list[str], before: int | None = None) -> int | None:
    """The index of the page line that is ``text`` (same comparison key), the last one before
    ``before`` when given."""
    key = line_key(text)
    found = [i for i, ln in enumerate(lines[:before]) if line_key(ln) == key]
    if not found:
        return None
    return found[-1] if before is not None else found[0]


_TITLE_TAG = re.compile(r"<title[^>]*>(?P<text>[^<]{1,500})</title>", re.I)
_CONTENT = re.compile(r"\w{4,}")
LOGO_LEDE_WORDS = 2  # content words the <title>'s headline must share with the lede
LEDE_PARAGRAPHS = 2


def _content_words(text: str) -> set[str]:
    return set(_CONTENT.findall(fold(text).lower()))


def logo_headline(title: str, html: str, lines: list[str], paragraphs: list[str]) -> str | None:
    """The headline of a page whose ``<h1>`` is the site's logo ("Le Courrier de Valmorin" set in
    the h1 of every page, the article's headline in an h2): the ``<title>``'s headline part, when
    the page prints it as a line of its own and it shares words with the lede, while the title
    found shares none with the ``<title>`` nor the lede."""
    m = _TITLE_TAG.search(html)
    if m is None or not paragraphs:
        return None
    import html as html_lib

    tag = " ".join(html_lib.unescape(m.group("text")).split())
    lede = set().union(*(_content_words(p) for p in paragraphs[:LEDE_PARAGRAPHS]))
    if _content_words(title) & (_content_words(tag) | lede):
        return None
    shown = {line_key(ln) for ln in lines}
    for part in sorted(_SITE_SPLIT.split(tag), key=len, reverse=True):
        if line_key(part) in shown and len(_content_words(part) & lede) >= LOGO_LEDE_WORDS:
            return part
    return None


GLUED_MIN_WORDS = 5  # words of the headline before a standfirst glued to it
GLUED_MATCH_WORDS = 4  # words the glued standfirst shares with the page's description


def cut_glued_standfirst(title: str, description: str | None) -> str:
    """"… a coûté la vie à deux adolescents Deux ans après les émeutes, …" -> the headline alone:
    a page heading that runs the headline and the standfirst together, without a stop, at the
    capitalised word where the page's description starts."""
    if not description:
        return title
    head = [line_key(w) for w in words(description)[:GLUED_MATCH_WORDS]]
    ws = words(title)
    if len(head) < GLUED_MATCH_WORDS or not all(head):
        return title
    for k in range(GLUED_MIN_WORDS, len(ws) - GLUED_MATCH_WORDS + 1):
        if ws[k][:1].isupper() and not FINAL_PUNCT.search(ws[k - 1]) \
                and [line_key(w) for w in ws[k:k + GLUED_MATCH_WORDS]] == head:
            return " ".join(ws[:k])
    return title


_SITE_SPLIT = TITLE_PARTS


_H1 = re.compile(r"<h1\b[^>]*>(?P<inner>.{1,1000}?)</h1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
H1_MIN_WORDS = 4


def shown_headline(html: str, meta_title: str | None, lines: list[str]) -> str | None:
    """The page's one ``<h1>`` when the metadata's title (``og:title``, written for sharing) words
    the headline otherwise: the headline is the one the page shows. Only a heading of
    ``H1_MIN_WORDS`` words or more that the page prints as a line and that shares words with the
    metadata's title (the same story, not the site's logo nor a section)."""
    if not meta_title or html.count("<h1") + html.count("<H1") != 1:
        return None
    m = _H1.search(html)
    if m is None:
        return None
    import html as html_lib

    h1 = " ".join(html_lib.unescape(_TAG.sub(" ", m.group("inner"))).split())
    if len(words(h1)) < H1_MIN_WORDS or line_key(h1) == line_key(meta_title) or not _content_words(h1) & _content_words(meta_title):
        return None
    return h1 if line_key(h1) in {line_key(ln) for ln in lines} else None


_PREFIX_SPLIT = re.compile(r"\s+[|–—:-]\s+")
PREFIX_REST_MIN_WORDS = 3


def strip_credited_prefix(title: str, lines: list[str], html: str = "") -> str:
    """"Le Courrier de Valmorin - Headline" -> "Headline": a ``<title>`` opening with the site's
    name, which the page's copyright line gives ("© 2024 Le Courrier de Valmorin"). A title that
    is that name alone (the site's part of the ``<title>`` taken) gives way to the rest of the
    ``<title>``."""
    credited = [f" {line_key(ln)} " for ln in lines if "©" in ln or "opyright" in ln]
    if not credited:
        return title
    tag = _TITLE_TAG.search(html) if credited_name(title, credited) else None
    if tag is not None:
        import html as html_lib

        title = " ".join(html_lib.unescape(tag.group("text")).split())
    m = _PREFIX_SPLIT.search(title)
    if m is None or len(words(title[m.end():])) < PREFIX_REST_MIN_WORDS:
        return title
    return title[m.end():].strip() if credited_name(title[:m.start()], credited) else title


def strip_site_name(title: str, site: str) -> str:
    """"Headline - Le Site - its tagline" -> "Headline" when a segment after a dash or a bar is the
    site's name (``og:site_name``)."""
    parts = _SITE_SPLIT.split(title)
    site_key = line_key(site)
    for k in range(1, len(parts)):
        seg = line_key(parts[k])
        if seg and site_key and (seg == site_key or seg.startswith(site_key) or site_key.startswith(seg)):
            return " - ".join(parts[:k]) if k > 1 else parts[0]
    return title
