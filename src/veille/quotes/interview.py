"""Printed interviews whose answers are set in quotation marks after each question: a page-level layout.

French regional and sports pages print a short interview as question–answer pairs, each question (often
after a bullet or a dash, addressed with "vous") followed by the answer between marks, in the same
paragraph or the next one, with no speech verb anywhere:

    Paul Arnaud, le gardien de Vienne, retrouve son ancien club. Il en parle.
    • Comment abordez-vous ce match ? « Ce sera étrange. J'y ai passé dix ans. »
    • Votre regard sur l'adversaire ? « Ils jouent bien en déplacement. »

Every answer is the interviewee's, whoever the question names ("Vous avez connu Claire Dubois …?"). The
rules near the quote see only the names of the questions; this module decides once per article whether
the layout holds (at least ``MIN_ANSWERS`` answers after questions) and who is interviewed: the person
named in the headline and the lede, most often, outside quotes.
"""

from __future__ import annotations

import re
from typing import Any

from veille.quotes.rule_types import Decision
from veille.quotes.state import ArticleState

MIN_ANSWERS = 3  # question–answer pairs that make a page an interview (two could be a quoted exchange)
QUESTION_WORDS = 40  # a longer lead-in is prose, not a question
LEAD_MARKS = " \t\u00a0\u202f\ufeff•·▪►*-–—"
SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos)\b", re.I)
OPENING = "«“\""
MARKUP = re.compile(r"[<>]")  # "Interview.<br": a tag left in a dump, read as a name, is no person


def _lead_in(state: ArticleState, start: int) -> str | None:
    """The question leading into a quote opening at ``start``: the text before it in its paragraph, else
    the whole previous paragraph when the quote opens its own; None when that text is not a question."""
    ps, _ = state.seg_of(start)
    lead = state.text[ps:start].rstrip(" \u00a0\u202f" + OPENING).strip(LEAD_MARKS)
    if not lead:
        k = next((i for i, (a, _) in enumerate(state.segs) if a == ps), 0)
        if k == 0:
            return None
        a, b = state.segs[k - 1]
        lead = state.text[a:b].strip(LEAD_MARKS)
    if not lead or any(ch in lead for ch in OPENING + "»”") or len(lead.split()) > QUESTION_WORDS:
        return None
    if lead.endswith("?") or SECOND_PERSON.search(lead):
        return lead
    return None


def answers(state: ArticleState) -> set[int]:
    """Start offsets of the quotes that answer a question, when the article is laid out as an interview
    (computed once per article)."""
    found = getattr(state, "_interview_answers", None)
    if found is not None:
        return found
    starts: set[int] = set()
    asked = 0
    for m in state.marks:
        lead = _lead_in(state, m.start)
        if lead is None:
            continue
        starts.add(m.start)
        asked += lead.endswith("?")
    if len(starts) < MIN_ANSWERS or asked < 2:
        starts = set()
    state._interview_answers = starts  # type: ignore[attr-defined]
    return starts


def interviewee(state: ArticleState) -> str | None:
    """The person named most often (outside quotes) in the headline and the first body paragraph: named in
    both first, then most often, then first named in the lede (its opening words present the interviewee)."""
    body = state.art.body_start()
    lede_end = next((e for s, e in state.segs if s >= body), body)
    counts: dict[str, int] = {}
    places: dict[str, set[bool]] = {}
    in_lede: dict[str, int] = {}
    for m in state.mentions:
        if m.start >= lede_end or m.in_quote or m.entity.type != "PER" or MARKUP.search(m.entity.name):
            continue
        name = m.entity.name
        counts[name] = counts.get(name, 0) + 1
        places.setdefault(name, set()).add(m.start < body)
        if m.start >= body:
            in_lede.setdefault(name, m.start)
    if not counts:
        return None
    return min(counts, key=lambda n: (-len(places[n]), -counts[n], in_lede.get(n, lede_end)))


def interview_answer(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "• Comment abordez-vous ce match ? « Ce sera étrange. »" in a page of such pairs whose lede
    names Paul Arnaud: the answer is his (``ctx``: the cue-less quote's context of ``speaker_rules``)."""
    if ctx.mark.start not in answers(state):
        return None
    who = interviewee(state)
    return Decision(who) if who else None
