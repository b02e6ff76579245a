"""The stamps of a dump's article head and foot (split from ``browser.py``, which reads them):
the publication and update stamps a few units around the headline, the bare dates and dated
bylines under it, and where the article's foot ends."""

from __future__ import annotations

import re

from veille.clean.article_end import END_MAX_WORDS, end_cues
from veille.clean.byline_items import dash_dated
from veille.clean.crumb_dates import crumb_date
from veille.clean.cues import cue_kind
from veille.clean.dump import Unit, strip_images
from veille.clean.headline import dated_byline
from veille.clean.shapes import is_date_stamp, is_link_heading
from veille.clean.stamp_lists import thread_cut
from veille.clean.stamps import has_stamp_cue, is_page_clock, sole_cued_stamp, stamp_text, stamps
from veille.clean.teasers import dated_list
from veille.clean.text import TAGLINE_SPLIT, normalize_line, words
from veille.common.dates import find_date_in_line

_TEXT_UNITS = frozenset({"text", "heading"})
STAMP_ABOVE = 12  # units above the headline where its stamp may sit
STAMP_BELOW = 10  # units into the body
STAMP_FOOT = 4
_FIELDS = re.compile(r"_{4,}|\((?:BUTTON|Submit)\)")  # a form field glued to a stamp line


def head_stamps(us: list[Unit], lo: int, hi: int, bare_dates: bool = True, title_at: int | None = None,
                body_at: int | None = None) -> tuple[list[str], list[str], set[int]]:
    """Publication stamps, update stamps and the units holding them, between units ``lo`` and
    ``hi`` (the article's head: a few units above the headline to a few into the body). Bare date
    lines ("29.10.2018", "mardi 6 juin 2023") count as publication stamps after the cued ones; the
    stamps under the headline come before the ones above it (a menu's or a teaser's dates sit above).
    Menus and related links (bullets) are never read, except the bullets between the headline and
    the first paragraph: a byline set as a list ("* Par Awa Koné", "* Publié le 3 mars 2024"), and
    an item right above the headline that gives an hour ("* lundi 3/03/2024 à 17h53 - Mis à jour à
    18h02", "* | Société", then the headline): a menu's items give no hour.
    Without bare dates (the article's foot), a date right under the author's byline still counts."""
    published: list[str] = []
    published_above: list[str] = []
    bare_below: list[str] = []
    bare_above: list[str] = []
    updated: list[str] = []
    at: set[int] = set()
    teasers = dated_list(us, lo - STAMP_ABOVE, hi + STAMP_BELOW)  # other articles' dates
    related = False  # under the headline, a related-links heading was met ("À lire aussi")
    for i in range(lo, thread_cut(us, lo, hi, title_at)):  # (not into the readers' dates)
        u = us[i]
        if i in teasers:
            continue
        related = related or title_at is not None and i > title_at and related_heading(u.text)
        head_bullet = u.kind == "bullet" and title_at is not None and body_at is not None and (
            title_at < i < body_at or title_at - BULLET_ABOVE <= i < title_at and _TIME.search(u.text) is not None)
        text = stamp_text(strip_images(_FIELDS.sub(" ", u.text)))
        if bare_dates and not head_bullet and u.kind == "bullet" and title_at is not None and body_at is not None \
                and body_at <= i <= body_at + DASHED_BELOW and len(words(text)) <= BULLET_DATE_WORDS and is_date_stamp(text):
            # The article's facts set as a list under its standfirst ("* Rubric", "* 26/10/2023", "* Author",
            # "* 8 min"): a date alone in an item there is the head's bare date.
            head_bullet = True
        if u.kind not in _TEXT_UNITS and u.kind != "form" and not head_bullet and not (
                u.kind == "bullet" and title_at is not None and i > title_at and has_stamp_cue(text)):
            continue
        found = stamps(text)
        above = title_at is not None and i < title_at
        for kind, stamp in found:
            (updated if kind == "updated" else published_above if above else published).append(stamp)
        if found:
            at.add(i)
        elif (not bare_dates or title_at is not None and title_at < i <= title_at + BYLINE_REACH) and dated_byline(text):
            published.append(text)  # "Par Awa Koné, le 3 mars 2023" under the headline, or signing the article
            at.add(i)
        elif related and bare_dates:
            continue  # a bare date under a related-links heading is a teaser's (issue 11, round 28)
        elif len(words(text)) <= 10 and is_date_stamp(text) and not is_page_clock(text) and (
                bare_dates and u.kind != "form" or not bare_dates and _after_byline(us, i)):
            if not bare_dates:
                published.append(text)
                at.add(i)
            else:
                (bare_above if title_at is not None and i < title_at else bare_below).append(text)
        elif bare_dates and (crumb := crumb_date(text)) is not None and not is_page_clock(text):
            # "Accueil > International > 3 mars 2024": a trail closing on the day (clean/crumb_dates.py)
            (bare_above if title_at is not None and i < title_at else bare_below).append(crumb)
        elif bare_dates and title_at is not None and body_at is not None and title_at < i < body_at + DASHED_BELOW \
                and (seg := dash_dated(text)) is not None and not is_page_clock(text):
            bare_below.append(seg)  # "Rubric - Author - 3 mars 2024" under the headline or its standfirst
            at.add(i)
    return published + bare_below + published_above + bare_above, updated, at


BYLINE_REACH = 3
DASHED_BELOW = 3  # units past the body's start where a byline of dashed items may close the head
BULLET_ABOVE = 2  # bullets above the headline where its stamp may be set as a list item
BULLET_DATE_WORDS = 6  # a list item under the standfirst that is a date alone
_TIME = re.compile(r"\b[0-2]?\d\s?[h:]\s?[0-5]\d\b")
RELATED_HEADING_WORDS = 6
FOOT_REACH = 12  # units after the article where its foot (author box, tags, stamp) may run


def foot_end(us: list[Unit], last: int) -> int:
    """Where the article's foot ends: at the heading of a list of other articles, or a few units on."""
    for i in range(last + 1, min(len(us), last + FOOT_REACH + 1)):
        if us[i].kind in _TEXT_UNITS and len(words(us[i].text)) <= END_MAX_WORDS \
                and end_cues().match(normalize_line(us[i].text)):
            return i
    return min(len(us), last + FOOT_REACH + 1)


def lost_head_stamp(texts: list[str | None], foot: int) -> str | None:
    """The page's one cued publication stamp (``stamps.sole_cued_stamp``: "Publié le 3 mars 2024",
    once, or repeated with the same day) when none of its prints lies past the article's foot
    (unit ``foot``): asked when the head around the chosen headline gives no date, as when the
    headline chosen is a teaser's or a caption's under the article's real head. A cued stamp
    printed only past the foot is a related item's ("Publié le …" of the next block), not the
    article's. ``texts``: the page's text units, None for the others (menus, teasers)."""
    sole = sole_cued_stamp(texts)
    return sole if sole is not None and sole_cued_stamp(texts[foot:]) is None else None


def facts_stamp(texts: list[str | None], foot: int) -> str | None:
    """The publication stamp of the page's one line of the article's facts: a publication date with
    its update stamp or its reading time beside it ("Awa Koné - 3 mars 2024 à 10:05 | mis à jour le
    3 mars 2024 à 12:00 - Temps de lecture : 2 min", "03/03/2024 10:05 | Actualisé 03/03/2024
    12:00"), printed for the article alone (a teaser gives no reading time and no update), cued or
    not: read as ``lost_head_stamp`` is, when the head around the chosen headline gives no date.
    None when the page prints several such days or one past the article's foot (``foot``)."""
    found: list[tuple[str, str, int]] = []
    for i, text in enumerate(texts):
        if text is None or len(text) > FACTS_MAX_CHARS or not any(c.isdigit() for c in text) or is_page_clock(text):
            continue
        parts = stamps(text)
        published = next((stamp for kind, stamp in parts if kind == "published"), None)
        if published is None or not (any(kind == "updated" for kind, _ in parts) or any(
                cue_kind(seg) == "reading" for seg in TAGLINE_SPLIT.split(text)[1:])):
            continue
        day = find_date_in_line(published)
        if day is not None and day.year:
            found.append((day.iso(), published, i))
    if not found or len({iso for iso, _, _ in found}) > 1 or any(i >= foot for _, _, i in found):
        return None
    return found[0][1]


FACTS_MAX_CHARS = 300  # a line of the article's facts: a byline, stamps and a reading time, no paragraph


def related_heading(text: str) -> bool:
    """A related-links heading ("À lire aussi", "Sur le même sujet"): the teasers' list it opens."""
    return len(words(text)) <= RELATED_HEADING_WORDS and cue_kind(text) == "link" and is_link_heading(text)


def _after_byline(us: list[Unit], i: int) -> bool:
    """A unit a few units under the author's byline ("par Awa Koné", her role, then the date)."""
    return any(cue_kind(v.text) == "byline" for v in us[max(0, i - BYLINE_REACH):i] if v.kind in _TEXT_UNITS)
