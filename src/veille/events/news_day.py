"""The day an article reports: what an undated news event of it is dated by.

A dispatch opens on the day it reports ("Le ministre a annoncé mardi ...", "hier soir", a dateline
"BRUXELLES, 6 avr. (AFP)"), and what it tells next without a time of its own in the present or
the perfect ("Il a ajouté ...", "Berlin promet ...") happened that day, which is often the eve of
its publication, not the publication day. A lede naming no time at all is news of the publication
day (the team's gold dates such events by it). A feature, an essay or a look back opens on other
times (a past year, an old month, "depuis des années"): its undated present is generic ("la police
réprime ...") or historical, its undated perfect is background, and publication dates neither (the
real-page guidelines: "date: only when the sentence dates the event").

Past the lede of a page without a dateline, only an act told in the perfect takes that day ("Le
maire a appelé au calme"): an undated present there tells a stance or a state that lasts ("Le comité
demande à X de ...", "la police refuse de ...", "Il craint que ..."), not the day's act, and the
real-page guidelines leave it undated. A dispatch, which a dateline marks ("BRUXELLES, 6 avr.
(AFP) –"), follows the day's story to its end in either tense (``news_day_at``).

A clause that names a vague past ("ces derniers jours", "récemment", "depuis des années"), a week
or a season ("la semaine dernière", "cet été") or a habit ("chaque soir") is no news of the day
either (the guidelines leave such events undated): ``vague_time`` finds such a time in a clause.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from veille.common.timespans import calendar_date

# How far before its publication a dispatch's day may lie (a weekly's lede still says "lundi").
NEWS_WINDOW_DAYS = 7
# A lede shorter than this (a kicker, a one-line standfirst) is read with the paragraph after it.
SHORT_LEDE_CHARS = 200
# TIMEX3 values of a past or future that is no day: "récemment", "ces derniers jours", "ces
# dernières années", "à l'avenir".
VAGUE_VALUES = ("PAST_REF", "FUTURE_REF", "PX")


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _in_window(day: date | None, published: date) -> bool:
    return day is not None and published - timedelta(days=NEWS_WINDOW_DAYS) <= day <= published


def lede_end(article: Any) -> int:
    """Offset (in the Doc's text) where the lede ends: the first paragraph, or two when it is short."""
    start = article.body_start()
    paras = list(article.paragraphs)
    end = start
    for k, para in enumerate(paras[:2]):
        end = start + len(para)
        if len(para) >= SHORT_LEDE_CHARS or k == 1:
            break
        start = end + 2  # the paragraph separator
    return end


def news_day(view: Any) -> str | None:
    """The article's reported day (``YYYY-MM-DD``), or None when its lede and dateline give none.

    Computed once per article and kept on the view.
    """
    cached = view.__dict__.get("_news_day", False)
    if cached is not False:
        return cached
    view.__dict__["_news_day"] = found = _find(view.article)
    return found


def news_day_at(view: Any, offset: int, perfect: bool) -> str | None:
    """The reported day for an undated news clause at ``offset`` (in the Doc's text), told in the
    perfect or the present: the article's day in its headline and lede, in a dispatch with a
    dateline, or for the perfect; else None."""
    reported = news_day(view)
    if reported is None or perfect or getattr(view.article, "dateline", None) is not None:
        return reported
    end = view.__dict__.get("_lede_end")
    if end is None:
        view.__dict__["_lede_end"] = end = lede_end(view.article)
    return reported if offset < end else None


def _find(article: Any) -> str | None:
    published = _day(article.published)
    if published is None:
        return None
    dateline = getattr(article, "dateline", None)
    if dateline is not None and _in_window(_day(getattr(dateline, "date", None)), published):
        return dateline.date
    start, end = article.body_start(), lede_end(article)
    other = False
    for t in sorted((t for t in article.times if t.start is not None), key=lambda t: t.start):
        if not start <= t.start < end:
            continue
        day = calendar_date(t.value, getattr(t, "type", "DATE"))
        if _in_window(_day(day), published):
            return day
        other = other or day is not None or getattr(t, "type", "DATE") == "DATE"
    # A lede naming no time at all is a dispatch dated by its publication; one naming only other
    # times (a past year, an old month) opens a feature or a look back: no day of its own.
    return None if other else article.published


def vague_time(view: Any, region: set[int]) -> bool:
    """A clause naming a vague past or future, or a habit ("chaque soir"): no day of its own."""
    for t in view.article.times:
        kind = getattr(t, "type", "DATE")
        value = None if t.value is None else str(t.value)
        # A week, a season or a decade ("la semaine dernière", "cet été") is no day either.
        vague = kind == "SET" or (kind == "DATE" and value is not None and value != "PRESENT_REF" and (
            value.startswith(VAGUE_VALUES) or calendar_date(value, kind) is None)) or (
            kind == "DURATION" and value is not None and value.startswith("PX"))  # "ces derniers jours"
        if not vague:
            continue
        spans = [tuple(sp) for sp in (getattr(t, "spans", None) or []) if len(sp) == 2]
        for s, e in spans or view.occurrences(t.text, t.start, t.end):
            if any(i in region for i in view.tokens_in(s, e)):
                return True
    return False
