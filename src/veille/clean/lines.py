"""The line cleaner: title, body paragraphs and furniture of a page's text lines (rules in ``veille.clean``'s doc)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from veille.clean.caption_dates import dated_caption
from veille.clean.chronology import chronology_years
from veille.clean.cues import cue_kind
from veille.clean.headline import glued_menu
from veille.clean.shapes import (
    AFTER_STANDFIRST_MAX_WORDS,
    ANCHOR_KINDS,
    AUTHOR_NOTE_LAST,
    AUTHOR_NOTE_MAX_WORDS,
    COMMENT_LINE,
    DATED_LINE_MAX_WORDS,
    FOREIGN_DATE_KINDS,
    MASTHEAD_MAX_WORDS,
    QUESTION_OR_QUOTE,
    RELATED_MAX_ITEMS,
    byline_name,
    can_be_title,
    is_author_line,
    is_comment_header,
    is_credit,
    is_date_stamp,
    is_dated_masthead,
    is_link_heading,
    is_masthead,
    is_menu_or_label,
    is_sign_off,
    truncated_prefix,
)
from veille.clean.stamps import is_page_clock
from veille.clean.text import (
    CRAWL_HEADER,
    FINAL_PUNCT,
    KICKER_MAX_WORDS,
    LONE_NUMBER,
    SENTENCE_END,
    TITLE_MAX_WORDS,
    TITLE_MIN_WORDS,
    TITLE_SITE_SUFFIX,
    is_prose,
    line_key,
    similar,
    words,
)
from veille.clean.update_first import split_update_line
from veille.common.datelines import find_dateline
from veille.common.dates import find_date_in_line, find_full_date, normalize_date


@dataclass
class Cleaned:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    dateline: str | None = None
    header_date: str | None = None
    date_lines: list[str] = field(default_factory=list)  # furniture lines that carry a date
    update_lines: list[str] = field(default_factory=list)  # "Mis à jour le …" stamps
    far_stamp: bool = False  # the stamp was found far from the article's head and foot (weak)
    issue_month: str | None = None  # "2008-02": a print issue's month, the only date of the head
    date_origin: str | None = None  # which reading of the page gave its stamps (benches only)


def clean_lines(raw_lines: list[str], known_title: str | None = None,
                organisations: Collection[str] | None = None, list_items: Collection[str] = ()) -> Cleaned:
    """Title, paragraphs and furniture of a page's text lines (see the module doc).
    ``organisations``: lower-case names that open no dateline ("OTAN — …"), from the run's KB;
    ``list_items``: lines that are items of a list the text announced (``article_lists``), never
    a footer however short."""
    out = Cleaned()
    lines = [ln.strip() for ln in raw_lines if ln.strip()]
    if not lines:
        out.title = known_title
        return out

    # A crawl header (" date 2022-11 Title…") is metadata, not title text.
    m = CRAWL_HEADER.match(lines[0])
    if m and normalize_date(m.group(1)):
        out.header_date = m.group(1)
        rest = lines[0][m.end():].strip()
        lines = ([rest] if rest else []) + lines[1:]
        if not lines:
            out.title = known_title
            return out

    n = len(lines)
    label: list[str | None] = [None] * n  # "bp" | "title" | "dateline" | "body"
    kinds = [cue_kind(ln) for ln in lines]
    year_headings = chronology_years(lines)
    for i, k in enumerate(kinds):
        lone = LONE_NUMBER.match(lines[i]) and i not in year_headings
        if k or lone or is_credit(lines[i]) or is_sign_off(lines[i]):
            label[i] = "bp"
        if k == "date":
            out.date_lines.append(lines[i])
        elif k == "date_update":
            published, updated = split_update_line(lines[i])  # ("Mis à jour le …, publié le …")
            out.date_lines.extend(published)
            out.update_lines.extend(updated)

    # The dateline: the first line that opens like one, among the first lines of the page.
    dateline_at = None
    prose_seen = 0
    for i in range(min(n, 40)):
        # "Lausanne (ats/afp) - …" reads like a photo credit ("/afp"): a credit-like line that opens
        # like a dateline is the dateline.
        if label[i] == "bp" and kinds[i] not in (None, "credit", "source"):
            continue
        dm = find_dateline(lines[i], organisations)
        if dm is None and label[i] == "bp":
            continue
        if dm:
            dateline_at = i
            out.dateline = dm.text
            if dm.rest:
                lines[i] = dm.rest  # glued to the first paragraph: the paragraph keeps the rest
                label[i] = "body"
            else:
                label[i] = "dateline"
            break
        if is_prose(lines[i]):
            prose_seen += 1
            if prose_seen >= 3:
                break  # the body has started without a dateline (a headline and a standfirst
                # may read like prose, a third paragraph is body)

    # The title.
    title_at = None
    limit = dateline_at if dateline_at is not None else min(n, 12)
    if known_title:
        out.title = known_title
        prose_above = False
        for i in range(n):
            if label[i] is None and (line_key(lines[i]) == line_key(known_title) or not is_prose(lines[i]) and (
                    similar(lines[i], known_title) or truncated_prefix(lines[i], known_title))):
                # The headline itself is not lost (it is the title); crumbs and repeats are kept.
                exact = title_at is None and line_key(lines[i]) == line_key(known_title)
                label[i] = "title" if exact else "bp"
                if title_at is None and (exact or not prose_above):
                    # (A short line echoing the title under prose, "> Journées du …" in a box of
                    # practical details, is no headline: the body above it is not the page's head.)
                    title_at = i
            elif label[i] is None and is_prose(lines[i]):
                prose_above = True
    else:
        title_at = _title_above_anchor(lines, label, kinds, limit)
        for i in range(limit if title_at is None else 0):
            if label[i] is not None:
                continue
            # A crumb that cuts the next line short: the next line is the title.
            nxt = next((j for j in range(i + 1, min(n, i + 4)) if label[j] is None), None)
            if nxt is not None and truncated_prefix(lines[i], lines[nxt]):
                label[i] = "bp"
                continue
            if len(words(lines[i])) > TITLE_MAX_WORDS:
                break
            if len(words(lines[i])) < TITLE_MIN_WORDS and not FINAL_PUNCT.search(lines[i]):
                continue  # a site name or a menu item ("Menu", "Le Quotidien"), not a headline
            if not can_be_title(lines[i]) or glued_menu(lines[i]):
                continue  # a date stamp, a breadcrumb, a site name, links copied without spaces
            if i == n - 1 or all(label[j] is not None and label[j] != "body" for j in range(i + 1, n)):
                break  # a lone line is a body, not a headline over nothing
            title_at = i
            # An outlet's or blog's name over the headline ("Le Petit Courrier du Sahel", maybe with
            # a short tagline under it): the headline is the first longer headline-like line after.
            if is_masthead(lines[i]):
                later = [j for j in range(i + 1, min(n, limit, i + 7)) if label[j] is None]
                taglines = 0
                for j in later:
                    if MASTHEAD_MAX_WORDS < len(words(lines[j])) <= TITLE_MAX_WORDS and can_be_title(lines[j]) \
                            and not lines[j].rstrip().endswith(".") and not is_masthead(lines[j]):
                        title_at = j
                        break
                    if is_menu_or_label(lines[j]):
                        continue  # a menu of sections or a section label between name and headline
                    if len(words(lines[j])) > MASTHEAD_MAX_WORDS or FINAL_PUNCT.search(lines[j]) or taglines >= 1:
                        break  # only one short tagline may sit between the name and the headline
                    taglines += 1
                if title_at != i:
                    break
            # A kicker ("Guerre en Ukraine", "Élection présidentielle") over the headline: a line of
            # at most three words, then a longer headline-like line.
            nxt = next((j for j in range(i + 1, min(n, limit)) if label[j] is None
                        and len(words(lines[j])) >= TITLE_MIN_WORDS), None)
            if nxt is not None and len(words(lines[i])) <= KICKER_MAX_WORDS and not FINAL_PUNCT.search(lines[i]) \
                    and KICKER_MAX_WORDS * 2 <= len(words(lines[nxt])) <= TITLE_MAX_WORDS \
                    and not lines[nxt].rstrip().endswith(".") and can_be_title(lines[nxt]) \
                    and not similar(lines[i], lines[nxt]):
                title_at = nxt
            break
        if title_at is not None:
            label[title_at] = "title"
            out.title = strip_site_suffix(lines[title_at], lines)
        if title_at is not None:
            for i in range(title_at):
                if label[i] is None:
                    label[i] = "bp"  # menus and crumbs above the headline

    # Where the body starts: after a standalone dateline, else at the first prose line.
    start = (title_at + 1) if title_at is not None else 0
    if dateline_at is not None and dateline_at >= start:
        body_from = dateline_at + (1 if label[dateline_at] == "dateline" else 0)
    else:
        body_from = next((i for i in range(start, n) if label[i] is None and is_prose(lines[i])), n)
    header = [i for i in range(start, body_from) if label[i] is None]

    def unique(i: int) -> bool:
        return not any(j != i and similar(lines[i], lines[j]) for j in header)

    # A short lead sentence right before the body ("Le ministre a démissionné.") is body too:
    # walk back from the body start over sentences that end, stopping at the first caption.
    # An interview's question ("Pourquoi ?") or a quote alone ("« Jamais. »") is no caption, whatever
    # its length.
    lead = body_from - 1
    while lead >= start and label[lead] is None and SENTENCE_END.search(lines[lead]) \
            and (len(words(lines[lead])) >= 6 or QUESTION_OR_QUOTE.match(lines[lead])) and unique(lead):
        label[lead] = "body"
        lead -= 1
    for i in header:
        if label[i] is None:
            # Between headline and body only a real paragraph (a standfirst) survives.
            label[i] = "body" if is_prose(lines[i]) and unique(i) else "bp"

    # Body zone: repeats of the title, crumbs, and pairs of near-identical short lines.
    title = out.title
    for i in range(body_from, n):
        if label[i] is not None and label[i] != "body":
            continue
        line = lines[i]
        if title and (similar(line, title) or truncated_prefix(line, title)) and not is_prose(line) \
                or title and line_key(line) == line_key(title):
            label[i] = "bp"
            continue
        if not is_prose(line):
            # An image caption comes twice (alt text, then caption with credit): a short line
            # next to a near-identical one is furniture, both of them.
            twin = next((j for j in (i - 1, i + 1) if 0 <= j < n and j >= body_from
                         and not is_prose(lines[j]) and similar(line, lines[j])), None)
            if twin is not None:
                label[i] = "bp"
                if label[twin] in (None, "body"):
                    label[twin] = "bp"
                continue
        label[i] = "body"

    # A standfirst, then the author's line, then the first paragraph: the body started at the
    # standfirst, but a short unpunctuated line opening with a name between the two is a byline
    # ("Koffi Mensah, à Lomé", "Awa Koné | Abidjan"), and so is a short line giving a full date (the
    # page's date line under the standfirst); an intertitle ("Des trains supprimés") stays.
    if dateline_at is None:
        prose_idx = [i for i in range(body_from, n) if label[i] == "body" and is_prose(lines[i])]
        if len(prose_idx) >= 2 and prose_idx[0] == body_from:
            for i in range(prose_idx[0] + 1, prose_idx[1]):
                if label[i] == "body" and len(words(lines[i])) <= AFTER_STANDFIRST_MAX_WORDS \
                        and (is_author_line(lines[i]) or not is_prose(lines[i]) and find_full_date(lines[i])):
                    label[i] = "bp"  # (or the page's date line: "14.10.2022", "3 mars 2024 Monde")

    # A related-articles heading ("Sur le même sujet", "Nos articles", "Les plus lus") lists other
    # pages' headlines: the lines under it are furniture until a real paragraph comes back.
    for i in range(start, n):
        if kinds[i] != "link" or not is_link_heading(lines[i]):
            continue
        for j in range(i + 1, min(n, i + 1 + RELATED_MAX_ITEMS)):
            # Headlines of the list may be long questions; a paragraph ends on a period or a quote.
            if is_prose(lines[j]) and not lines[j].rstrip().endswith("?") or len(words(lines[j])) >= 25 \
                    or label[j] in ("title", "dateline"):
                break
            if label[j] in (None, "body"):
                label[j] = "bp"

    # A reader's comment header ("Moussa, le 12 mars 2024 à 18h20", "Aïcha K. a écrit :") once the
    # body has started opens the comments: it and every line after it are furniture.
    prose_before = 0
    thread_at = n  # where the readers' comments open: their dates are no stamps
    for i in range(n):
        if label[i] == "body" and is_prose(lines[i]):
            prose_before += 1
        elif label[i] == "body" and prose_before >= 2 and is_comment_header(lines[i]):
            thread_at = i
            for j in range(i, n):
                if label[j] in (None, "body"):
                    label[j] = "bp"
            break

    # Readers' comments: once the body has started, a comments header ("Vos réactions (7)",
    # "Commentaires", "Laisser un commentaire") closes the article; what follows is the comments
    # section (readers' names and texts, forms), furniture whatever it looks like.
    prose_before = 0
    for i in range(n):
        if label[i] == "body" and is_prose(lines[i]):
            prose_before += 1
        elif kinds[i] == "comments_section" and prose_before >= 2:
            thread_at = min(thread_at, i)
            for j in range(i + 1, n):
                if label[j] in (None, "body"):
                    label[j] = "bp"
            break

    # Footer: short unpunctuated lines after the last paragraph (tags, sources, menus), and
    # "Prénom : texte" lines (readers' comments without a header).
    last_prose = max((i for i in range(n) if label[i] == "body" and is_prose(lines[i])), default=None)
    if last_prose is not None:
        for i in range(last_prose + 1, n):
            if label[i] == "body" and lines[i] not in list_items and (
                    len(words(lines[i])) <= 12 and not FINAL_PUNCT.search(lines[i])
                    or COMMENT_LINE.match(lines[i]) and cue_kind(lines[i]) is None):
                label[i] = "bp"

    # The author's note closing the article ("Awa Traoré est journaliste indépendante, basée à
    # Abidjan."): one of the last lines opening with a name the byline gave, then "est"/"is"/",".
    authors = [a for i in range(n) if kinds[i] == "byline" for a in [byline_name(lines[i])] if a]
    if authors:
        body_lines = [i for i in range(n) if label[i] == "body"]
        for i in body_lines[-AUTHOR_NOTE_LAST:]:
            if len(words(lines[i])) <= AUTHOR_NOTE_MAX_WORDS and any(
                    re.match(rf"{re.escape(a)}(?:\s+(?:est|is|était)\b|\s*,)", lines[i]) for a in authors):
                label[i] = "bp"

    # A date among the furniture above the body is the page's own stamp: a bare date ("12/03/2023
    # à 10:45", "mardi 6 juin 2023"), a byline with its date ("Par X | 12 mars 2024 | 14h05"), the
    # outlet's name with the date ("Le Courrier — 4 juin 2019"). Bare stamps come first.
    # The stamp may come after a standfirst: read up to the third paragraph of the body.
    prose_at = [i for i in range(n) if label[i] == "body" and is_prose(lines[i])]
    stamp_zone = min(thread_at, max(body_from, prose_at[2] if len(prose_at) > 2 else n))
    stamps, others = [], []
    for i in range(stamp_zone):
        if label[i] != "bp" or kinds[i] in ("date", "date_update") or kinds[i] in FOREIGN_DATE_KINDS \
                or is_page_clock(lines[i]):
            continue  # (the site's clock, "mer. 03/01/2024": the capture's day, never the article's)
        if is_date_stamp(lines[i]):
            stamps.append(lines[i])
        elif "://" in lines[i] or lines[i].startswith("www."):
            continue  # a URL's date is the metadata stage's (url_date)
        elif len(words(lines[i])) <= DATED_LINE_MAX_WORDS and (day := find_date_in_line(lines[i])) \
                and (kinds[i] == "byline" or not is_prose(lines[i]) and day.year and not dated_caption(lines[i])):
            # (A day without its year in a line of words names an event: a teaser's "la marche du
            # 23 novembre"; a byline's own "Par X, le 3 mars" still dates the page.)
            others.append(lines[i])
    out.date_lines.extend(stamps + others)

    seen: set[str] = set()
    for i, line in enumerate(lines):
        if label[i] == "body":
            key = line_key(line)
            if key in seen:  # the same paragraph twice (a pull quote, a repeated block)
                out.boilerplate.append(line)
                continue
            seen.add(key)
            out.paragraphs.append(line)
        elif label[i] == "bp" or label[i] is None:
            out.boilerplate.append(line)  # (a line no rule labelled is kept too: nothing is lost)
    return out


def _title_above_anchor(lines: list[str], label: list[str | None], kinds: list[str | None],
                        limit: int) -> int | None:
    """The headline as the line just above the byline or the publication stamp ("Par …",
    "Publié le …", "Mis à jour …", a bare date), over any standfirst and furniture between them:
    page furniture above the headline (site names, crumbs, banners) then cannot be taken for it.
    Only anchors before the body count (the body starts at the third paragraph)."""
    prose = 0
    for a in range(min(len(lines), max(limit, 0), 15)):
        if label[a] is None and is_prose(lines[a]):
            prose += 1
            if prose >= 3:
                return None
            continue
        if kinds[a] not in ANCHOR_KINDS and not is_date_stamp(lines[a]) and not is_dated_masthead(lines[a]):
            continue
        standfirsts = 0
        for j in range(a - 1, -1, -1):
            line = lines[j]
            if label[j] is not None:
                continue  # furniture between headline and byline (share bars, credits)
            if is_prose(line) and SENTENCE_END.search(line) and standfirsts < 2:
                standfirsts += 1
                continue
            n_words = len(words(line))
            if n_words < TITLE_MIN_WORDS and not FINAL_PUNCT.search(line):
                continue  # a label between headline and stamp ("Belga", "Contenu abonné")
            if "," in line and is_author_line(line):
                continue  # the author's line over the byline ("Koffi Mensah, à Lomé")
            if TITLE_MIN_WORDS <= n_words <= TITLE_MAX_WORDS and can_be_title(line) \
                    and not line.rstrip().endswith("."):
                if is_masthead(line):
                    # A blog's name, the post's stamp, then the post's headline under it.
                    below = next((k for k in range(a + 1, min(len(lines), a + 3)) if label[k] is None), None)
                    if below is not None and MASTHEAD_MAX_WORDS < len(words(lines[below])) <= TITLE_MAX_WORDS \
                            and can_be_title(lines[below]) and not is_prose(lines[below]) \
                            and not FINAL_PUNCT.search(lines[below]):
                        return below
                return j
            break
    return None


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.I)


def strip_site_suffix(title: str, page: Sequence[str] | None = None) -> str:
    """"Headline | Site" -> "Headline" (page titles carry the site name after a bar); after a
    dash only when the page names the site elsewhere (a line opening with it: a signature, a
    masthead; or its copyright line: "© 2019 Le Courrier"), since "Ukraine - la Russie …"
    headlines use dashes too."""
    m = TITLE_SITE_SUFFIX.search(title)
    if not m:
        return title
    if "|" in title:
        return title[:m.start()].strip()
    site = line_key(m.group(1))
    if not site or len(site.split()) > 4 or not page:
        return title
    probe, own = site.split()[-1], line_key(title)  # (a cheap test before each line's key)
    if any(ln is not title and probe in ln.lower() and line_key(ln) != own and (
                line_key(ln).startswith(site) or _COPYRIGHT.search(ln) and f" {site} " in f" {line_key(ln)} ")
            for ln in page):
        return title[:m.start()].strip()
    return title


COMMENTS_HEADING_MAX_WORDS = 6  # "52 commentaires", "Vos réactions"


def page_stamps(lines: list[str], first_paragraph_key: str | None = None,
                last_paragraph_key: str | None = None, skip: Collection[int] = ()) -> tuple[list[str], list[str]]:
    """Publication and update stamps among a page's lines: cue lines ("Publié le …", "Mis à jour
    …") anywhere; bare stamps, dated bylines and dated mastheads above the first paragraph; and
    the article's signature right under its last paragraph ("Par Awa Koné, le 3 mars 2023").
    ``skip``: the lines dating other articles (``page_dates.other_dates``)."""
    dates, updates = [], []
    above = True
    foot = False
    for i, line in enumerate(lines):
        if first_paragraph_key and line_key(line) == first_paragraph_key:
            above = False
        if i in skip:
            foot = False
            continue
        if foot and len(words(line)) <= DATED_LINE_MAX_WORDS and cue_kind(line) == "byline" \
                and find_date_in_line(line):
            dates.append(line)
        foot = bool(last_paragraph_key) and not above and line_key(line) == last_paragraph_key
        if len(words(line)) > DATED_LINE_MAX_WORDS:
            continue
        kind = cue_kind(line)
        if kind == "comments_section" and not above and len(words(line)) <= COMMENTS_HEADING_MAX_WORDS:
            break  # (the readers' thread under the article: its dates are theirs)
        if kind == "date":
            dates.append(line)
        elif kind == "date_update":
            published, updated = split_update_line(line)  # ("Mis à jour le …, publié le …")
            dates.extend(published)
            updates.extend(updated)
        elif above and kind not in FOREIGN_DATE_KINDS and (is_date_stamp(line) or is_dated_masthead(line) or (
                kind == "byline" and find_date_in_line(line))) and not is_page_clock(line):
            # (The site's clock in the masthead, "mer. 03/01/2024", is the capture's day: never a stamp.)
            dates.append(line)
    return dates, updates


def after_update(stamp: str, update: str) -> bool:
    """A publication stamp dated after the update stamp: another item's (a teaser's), not the
    article's (an update never comes before the publication)."""
    a, b = find_date_in_line(stamp), find_date_in_line(update)
    return bool(a and b and a.year and b.year and a.iso() > b.iso())
