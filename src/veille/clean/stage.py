"""The clean stage: raw input to title, paragraphs, boilerplate and dateline text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from veille.clean.browser import clean_dump
from veille.clean.cues import boilerplate_cues
from veille.clean.dump import is_browser_dump, is_page_copy
from veille.clean.headline import dated_byline
from veille.clean.html import extract_html
from veille.clean.issue_dates import html_issue_month
from veille.clean.lines import clean_lines, page_stamps
from veille.clean.markdown import as_dump, exact_day, is_markdown, page_fields, prints_title, standfirst_line
from veille.clean.paragraph_model import drop_furniture
from veille.clean.pasted_lines import readable_stamps
from veille.clean.shapes import is_date_stamp, strip_kicker
from veille.clean.stamps import has_stamp_cue, is_page_clock, join_stamp_labels, sole_cued_stamp, stamps
from veille.clean.text import LOOKS_HTML, line_key
from veille.clean.title_tails import strip_title_tail
from veille.clean.ui_lines import drop_title_repeat, lede_kicker, lede_place
from veille.common.datelines import organisation_names
from veille.common.dates import find_date_in_line
from veille.common.html_tree import PARSED_KEY
from veille.common.line_model import apply_line_model
from veille.model import Article, Dateline

HEAD_REACH = 12  # lines above the first paragraph where a page shows its stamp
STANDFIRST_GAP = 100  # lines between a standfirst and the second paragraph where a cued stamp may sit


def head_stamp(paragraphs: list[str], lines: list[str]) -> tuple[str, str] | None:
    """(line, ISO day) of the publication stamp a page shows just above its first paragraph, or
    between a standfirst and the second paragraph ("Créé le …" printed under the chapô)."""
    if not paragraphs:
        return None
    first = line_key(paragraphs[0])
    at = next((i for i, ln in enumerate(lines) if line_key(ln) == first), None)
    if at is None:
        return None
    second = line_key(paragraphs[1]) if len(paragraphs) > 1 else None
    end = next((i for i in range(at + 1, min(len(lines), at + STANDFIRST_GAP)) if line_key(lines[i]) == second), at)
    # Under the standfirst (a box of links may sit between it and the text) only a cued stamp,
    # or a bare date or a dated byline close under it ("Par Awa Koné" / "3 mars 2024", then the text).
    below = [ln for i, ln in enumerate(lines[at + 1:end], at + 1) if has_stamp_cue(ln) or (
        i - at <= BARE_GAP and end - at <= STANDFIRST_BARE_GAP and _bare_stamp(ln))]
    for line in join_stamp_labels([*lines[max(0, at - HEAD_REACH):at], *below]):
        for kind, text in stamps(line) or ([("published", line)] if _bare_stamp(line) else []):
            parts = find_date_in_line(text)
            if kind == "published" and parts is not None and parts.year:
                return text, parts.iso()
    return None


# Lines between a standfirst and the second paragraph where its byline's bare date may sit, and the
# gap over which it is read at all (over it, the extraction's second paragraph is far down the page).
BARE_GAP = 12
STANDFIRST_BARE_GAP = 25


def _bare_stamp(line: str) -> bool:
    """A line that is a full date and little else ("19 février 2020", "mardi 13 avril 2021",
    "04/12/2022 à 19h38") or an author's dated byline, never the site's clock."""
    if len(line) > BARE_MAX_CHARS or not any(c.isdigit() for c in line):
        return False
    parts = find_date_in_line(line)
    return parts is not None and bool(parts.year) and (is_date_stamp(line) or dated_byline(line)) \
        and not is_page_clock(line)


BARE_MAX_CHARS = 120


CLOCK_REACH = 60  # furniture lines from the top where a masthead prints today's date
PRINT_DAYS = 2  # days a printed issue's date may follow its web upload


def _shown_wins(stamp: tuple[str, str], meta_day: str) -> bool:
    """The publication stamp a page shows over its first paragraph wins over its metadata's date
    when it is older (the metadata then often gives the last modification), or when it is a cued
    stamp ("Publié le …") of a day or two later: a newspaper's page dated with its printed issue
    ("Publié le lundi 25 mars" for a piece put online on Sunday night, the markup giving Sunday).
    A day shown in the month the metadata gives alone refines it ("2 août 2022" for "2022-08")."""
    if stamp[1] < meta_day or len(meta_day) == len("2022-08") and stamp[1][:7] == meta_day:
        return True
    if stamp[1] == meta_day or len(meta_day) != 10 or not has_stamp_cue(stamp[0]):
        return False
    try:
        later = (dt.date.fromisoformat(stamp[1]) - dt.date.fromisoformat(meta_day)).days
    except ValueError:
        return False
    return 0 < later <= PRINT_DAYS


def sole_stamp(lines: list[str]) -> tuple[str, str] | None:
    """(line, ISO day) of the one cued publication date a page prints (``stamps.sole_cued_stamp``)."""
    sole = sole_cued_stamp(join_stamp_labels(lines))
    parts = find_date_in_line(sole) if sole else None
    return (sole, parts.iso()) if parts is not None and parts.year else None


class CleanStage:
    name = "clean"
    requires = ("raw_text", "hints")
    assigns = ("title", "paragraphs", "boilerplate", "dateline")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        boilerplate_cues()
        # Organisation names of the run's KB (``kb_dirs``, the user's imports): "OTAN — …" opens
        # no dateline.
        self.organisations = organisation_names(ctx.kb()) if ctx is not None else organisation_names()

    def __call__(self, article: Article, ctx: Any) -> None:
        hints = article.hints
        # (The reader's tree of an HTML page, used here once and dropped: a held article goes to
        # another process, and a batch of articles need not keep their trees.)
        parsed = hints.pop(PARSED_KEY, None)
        kind = hints.get("kind", "text")
        raw = article.raw_text or ""
        given_title = hints.get("title") if isinstance(hints.get("title"), str) else None
        if kind == "record" and LOOKS_HTML.match(raw):
            kind = "html"  # a record whose "text" holds markup
        # One line model for every format (common/line_model.py): U+2028, a vertical tab, a C1
        # control mean the same in a text dump, a JSON record and an HTML page.
        raw = article.raw_text = apply_line_model(raw, markup=kind == "html")  # (metadata reads it after)
        if given_title:
            given_title = apply_line_model(given_title, markup=True)
        dump = False
        place: str | None = None  # a dateline's place read by the clean stage ("Valmorin - …")
        if kind == "html":
            today = (ctx.settings.get("today") if ctx is not None else None) or None
            cleaned, extra = extract_html(raw, url=article.source.url or hints.get("url"),
                                          today=str(today) if today else None, known_title=given_title,
                                          organisations=self.organisations, parsed=parsed)
            meta = extra["meta"]
            if given_title:  # a feed's or a record's title wins over the page's
                cleaned.title = given_title
            others = extra["other_dates"]
            # (The lines dating other articles blanked: a teaser's date is no stamp of the page.)
            visible = [ln if i not in others else "" for i, ln in enumerate(extra["all_lines"])]
            shown = head_stamp(cleaned.paragraphs, visible)
            stamp = shown or sole_stamp(visible)
            # (Which reading dated the page, for the benches: `Cleaned.date_origin`.)
            origin = "html-meta" if meta.get("date") else "html-lines" if cleaned.date_lines else "none"
            if stamp is not None and meta.get("date") and (_shown_wins(stamp, str(meta["date"])[:10]) or (
                    meta.get("date_from_text") and has_stamp_cue(stamp[0]))):
                # (A date the extraction read in the page's text, not its markup, may be a teaser's.)
                meta["date"] = None
                cleaned.date_lines.insert(0, stamp[0])
                origin = "html-shown-stamp" if shown else "html-sole-stamp"
            if meta.get("date") and not hints.get("date"):
                hints["date"] = meta["date"]
            if stamp is not None and meta.get("teaser_date"):
                cleaned.date_lines.insert(0, stamp[0])  # (the date dropped was a teaser's: the head's stamp)
                origin = "html-teaser-meta"
            if not meta.get("date") and not cleaned.date_lines:
                # The extraction may leave the byline and the stamp out: read them in the page.
                first = line_key(cleaned.paragraphs[0]) if cleaned.paragraphs else None
                last = line_key(cleaned.paragraphs[-1]) if cleaned.paragraphs else None
                cleaned.date_lines, updates = page_stamps(extra["all_lines"], first, last, others)
                cleaned.update_lines = cleaned.update_lines or updates
                origin = "html-page-stamps" if cleaned.date_lines or cleaned.update_lines else origin
                if stamp is not None:
                    # The stamp shown over the first paragraph (or under the standfirst), or the
                    # page's one cued stamp, before the page's other dated lines: an update line
                    # opening on its update ("Mis à jour le …, publié le …"), a later item's stamp.
                    cleaned.date_lines.insert(0, stamp[0])
                    origin = "html-shown-stamp" if shown else "html-sole-stamp"
                if not cleaned.date_lines and not cleaned.update_lines:
                    cleaned.issue_month = html_issue_month(extra["all_lines"], first)
                    origin = "html-issue" if cleaned.issue_month else origin
            cleaned.date_origin = origin
            if meta.get("sitename") and not hints.get("site"):
                hints["site"] = meta["sitename"]
            if meta.get("url") and not article.source.url:
                article.source.url = meta["url"]
            # Lines of the page the extraction left out are furniture too: keep them.
            kept = {line_key(p) for p in cleaned.paragraphs} | {line_key(cleaned.title or "")}
            if cleaned.dateline:
                kept.add(line_key(cleaned.dateline))
            already = {line_key(b) for b in cleaned.boilerplate}
            # (Keys are letters, digits and spaces: a key is inside a kept one when it is inside
            # them joined by newlines, one test at C speed.)
            kept_text = "\n".join(kept)
            for line in extra["all_lines"]:
                key = line_key(line)
                if key and key not in kept and key not in already and not (len(key) > 20 and key in kept_text):
                    cleaned.boilerplate.append(line)
                    already.add(key)
        elif dump := ((markdown := is_markdown(raw)) or is_browser_dump(raw) or is_page_copy(raw)):
            fields: dict[str, str] = {}
            headline = None
            if markdown:
                # A page converted to Markdown is read as lynx prints it (markdown.py); the export's
                # metadata above it is the page's: its address; its title, evidence for the headline
                # the page prints, or the headline when the export holds the article alone; its
                # date when the page shows none or holds the article alone, a day the field gives
                # exactly (not a 1st, maybe a print issue's month; a shown day may differ from UTC's).
                fields, raw = page_fields(raw)
                if fields.get("url", "").startswith(("http://", "https://")) and not article.source.url:
                    article.source.url = fields["url"]
                if fields.get("site") and not hints.get("site"):
                    hints["site"] = fields["site"]
                raw = as_dump(raw, fields.get("title"))
                if fields.get("title") and not prints_title(raw, fields["title"]):
                    headline = fields["title"]
            cleaned = clean_dump(raw, url=article.source.url or hints.get("url"), known_title=given_title or headline,
                                 organisations=self.organisations)
            if markdown and not (given_title or headline) and fields.get("title") and standfirst_line(cleaned.title):
                # The export's title over a standfirst the chooser took for the headline: read again under it.
                cleaned = clean_dump(raw, url=article.source.url or hints.get("url"), known_title=fields["title"],
                                     organisations=self.organisations)
            if exact_day(fields.get("published")) and not hints.get("date") and (headline or not (
                    cleaned.date_lines or cleaned.update_lines or cleaned.issue_month)):
                hints["date"] = fields["published"]
                cleaned.date_origin = "markdown-field"
        else:
            # (A pasted article's stamp lines read as a dump's are: pasted_lines.)
            cleaned = clean_lines(readable_stamps(raw.splitlines()), known_title=given_title,
                                  organisations=self.organisations)
        if not cleaned.paragraphs and not cleaned.title:
            raise ValueError("no article text found")
        if not cleaned.paragraphs and hints.get("teaser"):
            # A feed entry whose summary cleans to nothing (an image, a "Lire la suite" link):
            # skipped, the reason recorded, rather than stored as a headline over an empty body
            # that the full article, read later through its link, would never replace.
            what = "feed entry" if kind == "html" else "record"
            link = f" ({hints['url']})" if hints.get("url") else ""
            raise ValueError(f"{what}{link} has no article text, only a title: not stored "
                             "(--follow-links reads the page it links to)")
        if cleaned.title and not given_title and (kind == "html" or dump):
            # A web page prints its rubric or its town on the headline's line ("FRANCE - …").
            site = hints.get("site")
            cleaned.title = strip_kicker(strip_title_tail(
                cleaned.title, str(site) if site else None, article.source.url or hints.get("url")))
            # The headline printed again as a first paragraph, a rubric opening the lede ("ENQUÊTE - …").
            cleaned.paragraphs, repeat = drop_title_repeat(cleaned.title, cleaned.paragraphs)
            cleaned.paragraphs, kicker = lede_kicker(cleaned.paragraphs)
            cleaned.boilerplate.extend(repeat + ([kicker] if kicker else []))
            if not cleaned.dateline:  # "Valmorin - Le conseil …": the place of a dateline
                cleaned.paragraphs, cleaned.dateline, place = lede_place(cleaned.paragraphs)
        if kind == "html" or dump:
            # The learned last word on the paragraphs left inside the run (a caption, a teaser, a bio).
            cleaned.paragraphs, furniture = drop_furniture(cleaned.paragraphs, cleaned.title)
            cleaned.boilerplate.extend(furniture)
        article.title = cleaned.title
        article.paragraphs = cleaned.paragraphs
        article.boilerplate = cleaned.boilerplate
        if cleaned.dateline:
            article.dateline = Dateline(text=cleaned.dateline, place=place)
        if cleaned.header_date:
            hints["header_date"] = cleaned.header_date
        hints["date_origin"] = cleaned.date_origin or ("lines" if cleaned.date_lines or cleaned.update_lines else "none")
        if cleaned.date_lines:
            hints["date_lines"] = cleaned.date_lines
        if cleaned.update_lines:
            hints["update_lines"] = cleaned.update_lines
        if cleaned.far_stamp:
            hints["far_stamp"] = True  # weaker than the page's own URL date
        if cleaned.issue_month and not cleaned.date_lines and not cleaned.update_lines:
            hints["issue_month"] = cleaned.issue_month  # a print issue's month: the page's only date
        clock = next((b for b in cleaned.boilerplate[:CLOCK_REACH] if is_page_clock(b)), None)
        if clock:
            hints["page_clock"] = clock  # the capture's day as the masthead prints it: a reference only
