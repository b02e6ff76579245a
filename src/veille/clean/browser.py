"""A text-browser dump's article: the run of prose, its headline, its stamps (``dump.units`` first).

1. **The article is the densest run of prose**, as jusText and the body-text-extraction family find
   it in HTML: each unit scores its words when it reads like a paragraph (long, or a sentence that
   ends), and a penalty when it is furniture (menu bullets, buttons, frames, link headers, cue lines
   of ``lexicons/boilerplate.tsv``, short labels); the article is the run of units with the largest
   total. Menus and footers lose, a caption or an intertitle inside the article is carried over.
   The run ends at the heading of a list of other articles (``lexicons/clean/article_end.tsv``);
   when it goes on past such a list, the heavier block is the article (a teaser block may open
   the page), never a block of dated teasers or comments. A consent dialog's paragraphs count as
   furniture; a run that is the readers' thread or a list of signed teasers gives way to the block
   above the thread or to a rival block that is no list (``blocks.py``).
2. **The headline** is chosen among the lines above that run and the first few of it (a run may
   open on a caption or a notice above the headline) by position and shape, and by what else the
   page says: the ``#`` link header, the URL slug (``REFRESH`` line or the reader's URL), a repeat
   (a breadcrumb, a share line), the lede under it repeating its words (``headline.py``), a line at
   the left margin (lynx's headings), above all a byline or a date stamp right under it. Not headlines: the headlines listed under a related-links heading,
   a caption (after a picture, with a credit, or printed twice). Section names of the page's menus
   printed before the headline on its line are cut; a headline run onto its standfirst is split
   first (``standfirst.py``); a short headline in capitals is told from a site name by its lede
   or its byline (``headline.caps_headline``).
3. The lines from the headline to the end of the run then go through the line cleaner
   (``lines.clean_lines``) with that headline, which splits off datelines, bylines, captions and
   teasers. Every unit left out goes to the boilerplate. **The stamps** of the article's head (a
   few units above the headline to a few into the body; a byline set as bullets; a date set as
   day, month and year items) are kept for the metadata stage, those under the headline first;
   without any, the article's foot is read (a cued stamp, a date pair, a date under the byline),
   then a short line by the headline closing on a date (``near_dates``), never the rest of the page
   (a teaser's, a reader's or the clock's date there is no stamp of the article's). A page that
   prints one cued publication date only is dated by it (``stamps.sole_cued_stamp``; with nothing
   in the head, only when none of its prints lies past the article's foot:
   ``head_stamps.lost_head_stamp``); the site's masthead clock is never a stamp (``stamps.is_page_clock``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from veille.clean.article_end import END_MAX_WORDS, cut_at_article_end
from veille.clean.article_lists import announced_items, free_items, through_list
from veille.clean.blocks import (
    above_thread,
    consent_values,
    consent_zone,
    is_ticker,
    rival_run,
    speaks_to_reader,
    split_at_menus,
    thread_start,
)
from veille.clean.body_furniture import drop_body_furniture
from veille.clean.byline_items import is_lone_separator
from veille.clean.closing_line import closing_sentence
from veille.clean.crumbs import HOME_CRUMB, split_glued_crumbs
from veille.clean.cues import cue_kind
from veille.clean.dump import Unit, is_image, refresh_url, slug_words, strip_images, units
from veille.clean.head_stamps import (
    BYLINE_REACH,
    STAMP_ABOVE,
    STAMP_BELOW,
    STAMP_FOOT,
    facts_stamp,
    foot_end,
    head_stamps,
    lost_head_stamp,
)
from veille.clean.headline import (
    broken_headline,
    caps_headline,
    credited_name,
    crumb_repeats,
    dek_under_headline,
    dek_under_short_headline,
    far_headline,
    glued_menu,
    lede_agreement,
    lede_stems,
    live_entry,
    next_text,
    not_a_headline,
    quoted_in_body,
    repeated,
    shape_penalty,
    slideshow_double,
    strip_menu_labels,
    strip_trailing_stamp,
    undouble,
)
from veille.clean.headline_copies import stamped_copy
from veille.clean.issue_dates import issue_month
from veille.clean.lines import Cleaned, after_update, clean_lines, strip_site_suffix
from veille.clean.near_dates import near_headline
from veille.clean.shapes import (
    RELATED_MAX_ITEMS,
    can_be_title,
    is_breadcrumb,
    is_date_stamp,
    is_dated_masthead,
    is_link_heading,
    is_menu_or_label,
    is_site_name,
)
from veille.clean.stamp_lists import foot_list, thread_cut
from veille.clean.stamps import has_stamp_cue, sole_cued_stamp, stamps
from veille.clean.standfirst import split_standfirsts
from veille.clean.teasers import dated_list
from veille.clean.text import FINAL_PUNCT, TAGLINE_SPLIT, is_prose, line_key, word_count, words
from veille.clean.title_evidence import (
    BodyWords,
    WindowKeys,
    cut_copy,
    has_form_field,
    is_cut,
    listed_terms,
    lower_start,
)
from veille.clean.title_ranker import rerank
from veille.clean.title_weights import wanted, weigh
from veille.clean.unit_merges import merge_labels
from veille.common.dates import find_date_in_line
from veille.common.fold import fold

_FURNITURE_UNITS = frozenset({"header", "refresh", "http", "form", "linkref"})
_TEXT_UNITS = frozenset({"text", "heading"})
# Cue kinds that mark a line as page furniture for the run finder (a date or byline line is
# furniture too, but it sits inside the article's head and must not cut the run).
_STAMP_KINDS = frozenset({"date", "date_update", "byline", "source", "reading", "credit"})
_NAV_KINDS = frozenset({"nav", "link", "newsletter", "share", "consent"})
_ANCHOR_KINDS = frozenset({"date", "date_update", "byline"})  # lines right under a headline
_COMMENT_KINDS = frozenset({"comments", "comments_section"})
TITLE_LOOKBACK = 30
REPEAT_REACH = 50  # units around the headline zone where a breadcrumb may repeat it
TITLE_MAX_WORDS = 35
HEAD_UNITS = 8  # units of the run where its headline may still come
HEAD_PROSE_WORDS = 40  # prose of the run past which its headline no longer comes
GLUED_RUN_WORDS = 20  # a long menu glued in one unit: a glued pair every 20 words at least
FAR_HEADLINE_BELOW = 1.5  # a best candidate this weak: look for a headline far above (headline.far_headline)
TITLE_MIN_SCORE = -0.5  # below this no line above the run reads as a headline: the line cleaner decides
DOUBLED_WORDS = 5
CAPTION_MAX_WORDS = 50
CAPTION_MIN_CHARS = 20
PROSE_COST = 8  # words a paragraph must pass to count for more than a short line costs
SHORT_COST = 3
_COOKIES = re.compile(r"\bcookies?\b|\btraceurs\b|consentement|\bRGPD\b", re.I)
# A cheap test first: pieces of every ``_COOKIES`` match (free of i, k, s) in the lower-cased text.


def _names_cookies(text: str) -> bool:
    low = text.lower()
    return ("coo" in low or "traceur" in low or "entement" in low or "rgpd" in low) and _COOKIES.search(text) is not None
_A_DIGIT = re.compile(r"\d")
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?>")
# A breadcrumb written without separators ("Accueil Analyses Portraits"); "Accueil des réfugiés : …"
# is a headline.
_TWEET = re.compile(r"pic\.twitter\.com/|https?://t\.co/|^[—–-]\s[^()]{1,60}\(@\w{1,30}\)")
_CONTENT_WORD = re.compile(r"\w{4,}")


def run_value(u: Unit) -> float:
    """What a unit adds to the article run: its words beyond a fixed cost when it is prose (a
    teaser of a related article adds little, an article paragraph much), a penalty when it is
    furniture, more for a bare date (the stamps of a related list) and for cookie notices."""
    return _run_value(u.kind, u.text)


@lru_cache(maxsize=32768)  # (a site's menus and footers come again on each of its pages)
def _run_value(kind: str, text: str) -> float:
    if kind in ("header", "refresh", "http", "linkref"):
        return -10.0
    if kind == "form":
        return -3.0
    n = word_count(text)
    prose = is_prose(text)
    if kind == "bullet":
        return 0.5 * n if prose and n >= 15 else -3.0
    if n >= 2 * DOUBLED_WORDS and _doubled(words(text)) or not FINAL_PUNCT.search(text) and (glued_menu(text, GLUED_RUN_WORDS) or listed_terms(text)):
        return -3.0  # an image's alt text and its caption run together; a menu's links glued or set as one line
    if _names_cookies(text):
        return -max(3.0, float(n))
    if is_ticker(text):
        return -SHORT_COST  # other articles' stamped headlines, run together
    if prose:
        cue = cue_kind(text) if n <= 40 else None
        return -3.0 if cue and cue not in _STAMP_KINDS else max(1.0, n - PROSE_COST)
    # A short line costs the same whether a cue names it furniture or not (a label, a caption, an
    # intertitle); a bare date costs more (the stamps of a list of other articles).
    if n <= 6 and is_date_stamp(text):
        return -5.0
    return -SHORT_COST


LIST_DATES = 2  # dated units that make a block a list of other articles (teasers, comments)


def article_run(us: list[Unit], values: Sequence[float], run: tuple[int, int]) -> tuple[int, int]:
    """The article within the densest run: the run is cut at the heading of a list of other
    articles; when the run goes on after that list, the part after it is weighed against the part
    before, and the heavier one is the article. A page may open on a teaser block (an editorial,
    the latest story), list other headlines, then give the article itself: Kadane's run joins the
    blocks over the list, the cut alone would keep the teaser. A later block that is itself a list
    (teasers or comments, each with its date) is never the article, nor is anything after the
    readers' comments heading."""
    lo, hi = run
    best, best_value = None, 0.0
    while True:
        first, last = cut_at_article_end(us, lo, hi, _TEXT_UNITS)
        value = sum(values[first:last + 1])
        if best is None or value > best_value and _dated_units(us, first, last) < LIST_DATES:
            best, best_value = (first, last), value
        rest_from = last + 2  # past the list's heading
        if last >= hi or rest_from > run[1] or any(
                cue_kind(u.text) in _COMMENT_KINDS for u in us[last + 1:run[1] + 1]
                if u.kind in _TEXT_UNITS and word_count(u.text) <= END_MAX_WORDS):
            break
        sub = best_run(values[rest_from:run[1] + 1])
        if sub is None:
            break
        lo, hi = rest_from + sub[0], rest_from + sub[1]
    return best


def _dated_units(us: list[Unit], first: int, last: int) -> int:
    return sum(1 for u in us[first:last + 1] if u.kind in _TEXT_UNITS and word_count(u.text) <= 12
               and (is_date_stamp(u.text) or stamps(u.text)))


def _doubled(ws: list[str]) -> bool:
    """The same words twice (words ``ws`` of "Le port ferme. © X Le port ferme."): a caption over its alt text."""
    if len(ws) < 2 * DOUBLED_WORDS:
        return False
    head, first = ws[:DOUBLED_WORDS], ws[0]
    j, stop = DOUBLED_WORDS, len(ws) - DOUBLED_WORDS + 1
    while True:  # (each later place of the first word, found by ``list.index``)
        try:
            j = ws.index(first, j, stop)
        except ValueError:
            return False
        if ws[j:j + DOUBLED_WORDS] == head:
            return True
        j += 1


def _is_furniture_in_run(u: Unit) -> bool:
    """Inside the article's run, furniture all the same: a caption (doubled, or short and
    credited), an embedded tweet (its text with its short links, its "— Name (@handle) date" line)."""
    return _doubled(words(u.text)) or "©" in u.text and word_count(u.text) < CAPTION_MAX_WORDS \
        or bool(_TWEET.search(u.text))


def best_run(values: Sequence[float]) -> tuple[int, int] | None:
    """The (first, last) indices of the run with the largest total (Kadane), None if all < 0."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            total, start = v, i
        else:
            total += v
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def _content_words(text: str) -> set[str]:
    return set(_CONTENT_WORD.findall(fold(text).lower()))


def _is_caption(us: list[Unit], i: int) -> bool:
    """An image caption: it carries a credit ("©"), follows an image, or comes twice in a row, the
    second time with its credit appended ("Le cortège …" then "Le cortège … • © Agence")."""
    text = us[i].text
    if "©" in text or i > 0 and us[i - 1].kind == "form" and is_image(us[i - 1].text) and us[i].kind != "heading" \
            and not crumb_repeats(us, i):
        return True  # (a heading at the left margin under the page's picture is its headline, and so
        # is a line the breadcrumb above ends on: a crumb names the page, never a picture)
    nxt = next((v for v in us[i + 1:i + 3] if v.kind in _TEXT_UNITS), None)
    if nxt is not None and len(nxt.text) > len(text) and line_key(nxt.text).startswith(line_key(text)) \
            and ("©" in nxt.text or "/" in nxt.text[len(text):]):
        return True
    # The second copy: the alt text above, the same words and the credit ("… Image: AFP") here (a
    # credit is never appended after a comma, nor after an ellipsis: the longer copy is then the
    # headline a crumb or a teaser cut short).
    prev = next((v for v in reversed(us[max(0, i - 2):i]) if v.kind in _TEXT_UNITS), None)
    return prev is not None and len(text) > len(prev.text) >= CAPTION_MIN_CHARS and not is_cut(prev.text) \
        and line_key(text).startswith(line_key(prev.text)) and text[len(prev.text):].lstrip()[:1] not in ",;"


def _title_score(us: list[Unit], i: int, run_start: int, evidence: set[str], others: WindowKeys,
                 body_keys: Sequence[str] = (), page: Sequence[str] = (), under_byline: bool = False,
                 body: BodyWords | None = None, anchor: int | None = -1) -> float | None:
    """How much unit ``i`` looks like the headline; None when it cannot be one. Besides its place
    and shape, what else the page says agrees with it: the link header and the URL slug
    (``evidence``), a breadcrumb or a repeat, and the lede under it (``headline.lede_agreement``).
    (``anchor``: ``_anchor_at(us, i)`` when the caller has it, -1 when not.)"""
    u = us[i]
    if u.kind not in _TEXT_UNITS:
        return None  # (before the text is trimmed: most units above a run are menus and forms)
    anchor = _anchor_at(us, i) if anchor == -1 else anchor
    text = strip_site_suffix(undouble(strip_trailing_stamp(strip_images(u.text))), page)
    n = word_count(text)
    if not 2 <= n <= TITLE_MAX_WORDS or slideshow_double(us, i) or n == 2 and \
            not anchor == next_text(us, i) != -1:  # (two words: with a stamp right under only)
        return None
    if i >= run_start and text.rstrip().endswith(".") or _MARKUP.search(text) or _is_caption(us, i) \
            or HOME_CRUMB.match(text) or has_form_field(text) or listed_terms(text) or cut_copy(page, i, text):
        return None  # the run's first paragraph; raw markup; a caption; a search box; a cut copy
    caps = is_site_name(text) or is_menu_or_label(text)
    titleable = can_be_title(text)
    if caps and caps_headline(text, lede_stems(us, i, run_start)[0], anchor is not None):
        # A short headline in capitals, which its lede repeats or its byline follows.
        caps, titleable = False, not (is_date_stamp(text) or is_dated_masthead(text))
    if not titleable or not_a_headline(text) or is_breadcrumb(text) or caps or cue_kind(text) \
            or stamps(text) or has_stamp_cue(text, at_end=True) or speaks_to_reader(text) or any(cue_kind(seg) in _NAV_KINDS for seg in TAGLINE_SPLIT.split(text)[1:]):
        return None  # furniture; or "Site - Retour à l'accueil": a segment is a navigation cue
    f = {"shape": shape_penalty(text), "sentence": float(
        text.rstrip().endswith(".") and not text.rstrip().endswith("..") and n >= 8)}  # (a standfirst, a caption)
    content = _content_words(text)
    if content and evidence:
        # Agreement with the link header and the URL slug, weighed by how many words agree: a
        # section name of a feed link ("Droits et démarches") agrees on two words, a headline on six.
        matched = len(content & evidence)
        f["evidence"] = min(5.0, matched) * matched / len(content)
    key = line_key(text)
    f["closes_line"] = float(n >= 4 and len(key) >= 15 and others.closes_longer_line(key, i))  # a breadcrumb's end
    f["opens_run"] = float(i == run_start and not text.rstrip().endswith("."))
    f["heading"] = float(u.kind == "heading")
    f["anchored"] = float(anchor is not None)
    lede, lede_words = lede_stems(us, i, run_start)
    f["lede"] = lede_agreement(text, lede, lede_words, body_keys)
    f["repeated"] = float(repeated(us, i) and not quoted_in_body(text, body_keys))
    if body is not None:
        f["body_share"], f["body_none"] = body.share(text)
    f["mid_length"], f["short"] = float(5 <= n <= 25), float(n <= 3)
    dek = dek_under_headline(us, i)  # (the standfirst set as a heading under it; under a short headline)
    f["dek"], f["dek_short"] = float(dek), float(dek and dek_under_short_headline(us, i))
    f["dek_lede"] = f["lede"] * f["dek_short"]  # (a standfirst restates its lede: no headline's evidence)
    f["closed"] = float(bool(FINAL_PUNCT.search(text)) and not text.rstrip().endswith(("?", "!", "»", '"', "…")))
    f["lower_start"] = float(lower_start(text))
    f["between"] = float(sum(1 for v in us[min(i, run_start) + 1:max(i, run_start)] if v.kind in _TEXT_UNITS))
    f["live_entry"], f["under_byline"] = float(live_entry(us, i)), float(under_byline)
    return weigh(f)


def _related_items(us: list[Unit], lo: int, hi: int) -> set[int]:
    """Units listed under a related-links heading ("À lire aussi :", "Sur le même sujet") between
    ``lo`` and ``hi``: the headlines of other articles that follow it, up to the first paragraph,
    stamp, menu or button."""
    out: set[int] = set()
    i = lo
    while i < hi:
        u = us[i]
        if u.kind in _TEXT_UNITS and cue_kind(u.text) == "link" and is_link_heading(u.text):
            items = 0
            for k in range(i + 1, min(len(us), hi + 1)):
                v = us[k]
                if v.kind not in _TEXT_UNITS:
                    break  # a menu, a button: the list is over
                if is_prose(v.text) and v.text.rstrip().endswith(".") or stamps(v.text) \
                        or cue_kind(v.text) in _ANCHOR_KINDS or items >= RELATED_MAX_ITEMS:
                    break
                out.add(k)
                items += 1
            i = k if items else i + 1
        else:
            i += 1
    return out


def _anchored(us: list[Unit], i: int) -> bool:
    """A byline or a date stamp among the few text units under unit ``i``."""
    return _anchor_at(us, i) is not None


def _anchor_at(us: list[Unit], i: int) -> int | None:
    """The index of the byline or date stamp among the few text units under unit ``i``, or None."""
    below = [k for k in range(i + 1, min(len(us), i + 5)) if us[k].kind in _TEXT_UNITS][:3]
    if any(is_lone_separator(us[k].text) for k in below):
        # A lone "-" between the author's name and the date, on its line: no line of text.
        below = [k for k in range(i + 1, min(len(us), i + 6)) if us[k].kind in _TEXT_UNITS
                 and not is_lone_separator(us[k].text)][:3]
    return next((k for k in below if _is_anchor(us[k].text)), None)


@lru_cache(maxsize=8192)  # (asked of the same lines for every candidate above them)
def _is_anchor(text: str) -> bool:
    """A byline or a date stamp (the line under a headline)."""
    return cue_kind(text) in _ANCHOR_KINDS or bool(stamps(text)) or is_date_stamp(text)


def _head_end(us: list[Unit], run_start: int, run_end: int | None) -> int:
    """Where the headline may still be, past the run's first unit: a run of prose may open on a
    few lines above the headline (a consent notice, a caption, a site's tagline), not on a lede
    of some length. The units up to the one that brings ``HEAD_PROSE_WORDS`` of prose, captions
    (a picture's alt text, then its caption repeating it) left out."""
    if run_end is None:
        return min(len(us), run_start + 1)
    prose, i = 0, run_start
    while i < min(run_end, run_start + HEAD_UNITS):
        u = us[i]
        if u.kind in _TEXT_UNITS and is_prose(u.text) and not _is_furniture_in_run(u) and not _is_caption(us, i) \
                and not (i + 1 < len(us) and _is_caption(us, i + 1) and us[i + 1].text.startswith(u.text[:40])):
            prose += word_count(u.text)
            if prose >= HEAD_PROSE_WORDS:
                break
        i += 1
    return max(i, run_start) + 1


def choose_title(us: list[Unit], run_start: int, evidence_texts: list[str], slug: list[str],
                 run_end: int | None = None, skip: Collection[int] = ()) -> int | None:
    """The index of the headline among the units above the run and the first few of the run
    (``_head_end``), or None.
    The headlines listed under a related-links heading are not candidates, unless a byline or a
    stamp sits right under one of them (then the list has ended and that line is the headline)."""
    evidence = set().union(*(_content_words(t) for t in evidence_texts)) if evidence_texts else set()
    evidence |= {fold(w) for w in slug if len(w) >= 4}
    # Breadcrumbs repeating the headline sit near it: only those lines are compared.
    lo = max(0, run_start - TITLE_LOOKBACK - REPEAT_REACH)
    page = [u.text for u in us]
    others = WindowKeys(page, lo, run_start + REPEAT_REACH)
    best, best_i = TITLE_MIN_SCORE, None
    scores: dict[int, float] = {}
    end = _head_end(us, run_start, run_end)
    body_keys = [line_key(u.text) for u in us[run_start:(run_end if run_end is not None else run_start) + 1]
                 if u.kind in _TEXT_UNITS and is_prose(u.text)]
    body = BodyWords([u.text for u in us[run_start:(run_end if run_end is not None else run_start) + 1]
                      if u.kind in _TEXT_UNITS and is_prose(u.text)]) if wanted("body_share", "body_none") else None
    teasers = dated_list(us, max(0, run_start - TITLE_LOOKBACK), end + HEAD_UNITS)
    end += sum(1 for i in teasers if run_start <= i < end)  # (a list of dated teasers opening the run)
    listed = _related_items(us, max(0, run_start - TITLE_LOOKBACK), end)
    credited, byline_at = [f" {line_key(t)} " for t in page if "©" in t or "opyright" in t], None
    for i in range(max(0, run_start - TITLE_LOOKBACK), end):
        if i in listed and not _anchored(us, i) or i in skip or i in teasers or credited_name(us[i].text, credited):
            continue  # (``skip``: the units of a consent dialog; the site's name its copyright line gives)
        if us[i].kind not in _TEXT_UNITS:
            continue  # (``_title_score``'s first test: a menu or a form is no headline, its anchor unread)
        anchor = _anchor_at(us, i)
        # Under a headline's byline, a line with none of its own is an intertitle, a series' label
        # or a standfirst ("Tribune libre : …"); not under a stamp printed under a dossier's tag.
        under = anchor is None and byline_at is not None and i > byline_at \
            and not (i == byline_at + 1 and shape_penalty(us[byline_at - 1].text) < 0)
        score = _title_score(us, i, run_start, evidence, others, body_keys, page, under, body, anchor)
        if score is None:
            continue
        scores[i] = score
        byline_at = anchor if anchor is not None else byline_at
        if score > best:
            best, best_i = score, i
    if best < FAR_HEADLINE_BELOW:
        best_i = far_headline(us, run_start, run_start - TITLE_LOOKBACK, body_keys) or best_i
    # The learned ranker's second opinion, the rule's choice and scores among its evidence
    # (clean/title_ranker.py; the rule's choice when no model is shipped).
    return rerank(us, run_start, evidence_texts, slug, best_i, scores)


def clean_dump(text: str, url: str | None = None, known_title: str | None = None,
               organisations: Collection[str] | None = None) -> Cleaned:
    """Title, paragraphs, furniture and stamps of a text-browser dump (see the module doc)."""
    us = split_glued_crumbs(split_standfirsts(merge_labels(units(text)), _names_cookies))
    values = [run_value(u) for u in us]
    consent = consent_zone(us)
    consent_values(us, values, consent)
    free_items(values, listed := announced_items(us))  # (a list the text announces is no menu)
    run = best_run(values)
    if run is None:
        return clean_lines([strip_images(u.text) for i, u in enumerate(us)
                            if u.kind in _TEXT_UNITS and i not in consent],
                           known_title=known_title, organisations=organisations)
    first, last = article_run(us, values, run)
    above = above_thread(us, values, (first, last), best_run)
    if above is not None:  # the run is the readers' thread under a short article
        first, last = article_run(us, values, above)
    rival = rival_run(us, values, (first, last), best_run, article_run)
    if rival is not None:  # the run is a list of teasers, another block is the article
        first, last = rival
    first, last = split_at_menus(us, values, (first, last))
    last = through_list(last, listed)  # (the article may close on the list its last sentence announces)
    last = closing_sentence(us, last, _TEXT_UNITS)  # (or on a short sentence the run's cost left out)
    title_at = None
    if not known_title:
        title_at = choose_title(us, first, [u.text for u in us if u.kind == "header"], slug_words(url or refresh_url(us)), last, skip=consent)
        if title_at is not None and title_at >= first:
            first = title_at + 1  # the lines of the run above its headline are not the article
    start = title_at if title_at is not None else first
    thread = thread_start(us, min(start, first))
    end = len(us) if thread is None else thread  # (the readers' dates are no stamps)
    published, updated, stamp_at = head_stamps(us, max(0, start - STAMP_ABOVE),  # (not into a related list)
                                               min(end, first + STAMP_BELOW, foot_end(us, last)),
                                               title_at=title_at, body_at=first)
    origin = "head"  # which reading dated the page (kept for the benches: `Cleaned.date_origin`)
    if not published and not updated and title_at is not None and (copy := stamped_copy(us, title_at, _anchor_at)):
        published, updated, stamp_at = head_stamps(us, copy[1], copy[1] + 2, title_at=copy[0])  # (headline_copies)
        origin = "headline-copy"
    cut = thread_cut(us, start, end, title_at)
    if not published:
        # Some pages stamp the article at its foot ("Posté le : 15/01/2021"): a cued stamp only,
        # a bare date there belongs to the next block (unless it closes the author's byline); never
        # past a comments heading the run went on over (the readers' dates).
        foot_last = min(last, end - 1, cut - 1)
        foot, foot_updated, foot_at = head_stamps(us, max(first, foot_last - STAMP_FOOT),
                                                  min(end, cut, foot_end(us, foot_last)), bare_dates=False)
        if foot_list(us, foot_at, foot, max(first, foot_last - STAMP_FOOT)):
            foot = []  # (a related item's or a reader's date: no stamp of the article's)
        if not updated or foot and not after_update(foot[0], updated[0]):
            published, updated, stamp_at = foot, updated + foot_updated, stamp_at | foot_at
            origin = "foot" if foot or foot_updated else origin
    teasers = dated_list(us, 0, end)
    texts = [u.text if (u.kind in _TEXT_UNITS or u.kind == "bullet" and _A_DIGIT.search(u.text)
                        and has_stamp_cue(u.text)) and i < cut and i not in teasers else None for i, u in enumerate(us)]
    # A magazine's print issue month in the head is its date, before a stamp far off (issue_dates).
    issue = None if published or updated else issue_month(
        [u.text if u.kind in _TEXT_UNITS else None for u in us[max(0, start - STAMP_ABOVE):min(end, first + STAMP_BELOW)]])
    far = not published and not updated and issue is None
    if far:
        # Nor the foot: a date closing a short line by the headline (near_dates); no stamp elsewhere on the
        # page (it dated no dev dump rightly, 20 sites wrongly once their own date was gone: date_ablation).
        near = near_headline(us, title_at, teasers, cut)
        # Then the one cued publication stamp printed inside the article's run, above its foot ("Article
        # mis en ligne le 12/03/2024 à 10:15" set before the article's notes and credits), else the
        # page's one cued stamp printed above that foot (head_stamps.lost_head_stamp), else its one line of
        # the article's facts, a date with its update or reading time (head_stamps.facts_stamp).
        in_run = None if near else sole_cued_stamp(texts[first:min(last + 1, cut)])
        lost = None if near or in_run else lost_head_stamp(texts, foot_end(us, last))
        facts = None if near or in_run or lost else facts_stamp(texts, foot_end(us, last))
        sole = in_run or lost or facts
        published = [near] if near else [sole] if sole else []
        origin = "near-headline" if near else "sole-in-run" if in_run else "lost-head" if lost else \
            "facts-line" if facts else "none"
    elif published:
        # A page printing one cued publication date only: that is the article's, whatever date the
        # head gave (a teaser's or a caption's when the head is not the article's).
        sole = sole_cued_stamp(texts)
        first_date = find_date_in_line(published[0])
        # (Not over the author's dated byline: "Par Awa Koné, le 3 mars 2024" is the article's own;
        # nor over a stamp right under the headline.)
        under = title_at is not None and any(title_at < i <= title_at + BYLINE_REACH for i in stamp_at)
        if sole and (first_date is None or first_date.iso() != find_date_in_line(sole).iso()) \
                and cue_kind(published[0]) != "byline" and not under:
            published = [sole, *published]
            origin = "sole-over-head"
    # A headline found far above the text (headline.far_headline): what lies between is furniture.
    kept = [i for i in range(start if start >= first - TITLE_LOOKBACK else first, min(last + 1, end)) if i not in stamp_at and i not in consent
            and (i not in teasers or i == title_at)
            and not _is_furniture_in_run(us[i]) and (
        us[i].kind in _TEXT_UNITS or us[i].kind == "bullet" and (is_prose(us[i].text) or i in listed))]
    title = known_title or (undouble(strip_trailing_stamp(strip_images(broken_headline(us, title_at)))) if title_at is not None else None)
    cleaned = clean_lines([strip_images(us[i].text) for i in kept], known_title=title, organisations=organisations,
                          list_items={strip_images(us[i].text) for i in kept if i in listed})
    if title and not known_title:
        cleaned.title = strip_menu_labels(strip_site_suffix(title, [u.text for u in us]), us, title_at)
    drop_body_furniture(cleaned, dump=True)  # pull quotes, promotions, notes, tweets, dated captions
    kept_set = set(kept)
    outside = [strip_images(u.text) or u.text for i, u in enumerate(us) if i not in kept_set]
    cleaned.boilerplate = outside + cleaned.boilerplate
    # The stamps of the article's head come first: the metadata stage reads the first dated one.
    cleaned.date_lines = published + cleaned.date_lines
    cleaned.update_lines = updated + cleaned.update_lines
    cleaned.far_stamp = far and bool(published) and origin != "facts-line"  # (a template's facts line is the head's)
    cleaned.issue_month = issue
    cleaned.date_origin = "issue" if issue and not published else origin if published else (
        f"{origin}-update" if updated else "body-lines" if cleaned.date_lines else "none")
    return cleaned
