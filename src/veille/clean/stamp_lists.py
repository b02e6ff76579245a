"""Stamps that date a list, not the article (issue 11).

Under an article, most templates print lists whose items each carry their own date: related
articles ("* Title" / "Publié le 25 octobre 2022"), the readers' comments ("* Pseudo" / "le
13/02/2017 à 17:40"), an author's other posts ("Par X, blogueur 26.12.2018"). When the article's
own stamp is missing from a dump (set by a script, kept in the markup), the reader of the article's
foot meets those items first. A publication stamp at the foot is the article's (a "Posté le …"
closing the text) unless it is an item's: printed after a comments heading, or by the same template
as a neighbour that prints another day. Then none of them dates the article: no date is better than
another item's (nor is the rest of the page read for a stamp: ``clean/browser.py``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.teasers import shape_of
from veille.clean.text import is_prose, words
from veille.common.dates import find_date_in_line, find_full_date

ITEM_REACH = 4  # units on either side of a foot stamp where the next item of its list may print its date
HEADING_MAX_WORDS = 6  # a comments heading ("52 commentaires", "Vos réactions")
HEADING_MAX_CHARS = 60
ITEM_MAX_CHARS = 200  # an item's line; a paragraph may name other days


def days_of(lines: list[str]) -> list[str]:
    """The full days (ISO) the lines give, in order, one per line that gives one."""
    out = []
    for line in lines:
        parts = find_date_in_line(line)
        if parts is not None and parts.year:
            out.append(parts.iso())
    return out


def _day(text: str) -> str | None:
    parts = find_full_date(text) if len(text) <= ITEM_MAX_CHARS and any(map(str.isdigit, text)) else None
    return parts.iso() if parts is not None else None


def opens_thread(u: Unit) -> bool:
    """A comments heading ("52 commentaires", "Vos réactions"): the dates after it, under the
    article's text, are the readers' (``blocks.thread_start`` may miss a thread whose readers
    are set as bullets)."""
    return u.kind in ("text", "heading") and len(u.text) <= HEADING_MAX_CHARS \
        and len(words(u.text)) <= HEADING_MAX_WORDS and cue_kind(u.text) == "comments_section"


def thread_cut(us: Sequence[Unit], lo: int, hi: int, title_at: int | None) -> int:
    """Where the stamps of an article's head or foot (units ``lo`` to ``hi``) stop: at a comments
    heading printed after some of the article's prose (a count beside the byline opens nothing)."""
    prose = False
    for i in range(lo, hi):
        u = us[i]
        if prose and opens_thread(u):
            return i
        prose = prose or (title_at is None or i > title_at) and u.kind == "text" and is_prose(u.text)
    return hi


def foot_list(us: Sequence[Unit], at: Collection[int], lines: list[str], lo: int = 0) -> bool:
    """The first of the foot's publication stamps (``lines``, read from units ``at`` of the foot
    that starts at unit ``lo``) is a list item's: a comments heading ("52 commentaires") comes
    before it, or a unit within ``ITEM_REACH`` of it (any kind: a bullet, a heading) prints
    another day by the same template (the next related article, the next post of the author).
    The article's own "Publié le …" above a thread of comments is printed otherwise than the
    comments' stamps, and the readers' dates after it do not unseat it."""
    days = days_of(lines[:1])
    if not days or not at:
        return False
    i = min(at)
    if any(map(opens_thread, us[lo:i])):
        return True  # (a thread rendered as a list, each reader a bullet: its dates are the readers')
    shape = shape_of(us[i].text)
    for j in range(max(0, i - ITEM_REACH), min(len(us), i + ITEM_REACH + 1)):
        day = _day(us[j].text) if j != i else None
        if day is not None and day != days[0] and shape_of(us[j].text) == shape:
            return True
    return False
