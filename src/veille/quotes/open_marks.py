"""Quotes whose closing mark is missing: where they end, once the cues are known (issue 16).

The scanner (``marks.py``) ends a quote left open at its paragraph end, or carries it over when the
next paragraph reopens it (French convention: « at the head of each continued paragraph, one » at
the very end). A scrape or a copy-paste also loses the closing mark of a paragraph, and two forms of
the press then tell where the quote really ends:

* an incise with no mark before its comma is an incise inside the quote ("« Nous partirons demain,
  raconte Paul Arnaud. Rien ne nous retiendra."): the quote goes on after it, to where its mark was
  lost (the paragraph end), as it does between « » (both parts the incise's speaker); with nothing
  after the incise, the quote ends before it ("« Nous partirons, a-t-il ajouté.");
* a paragraph that reopens with « but names its speaker in an incise of its own ("« Rien ne nous
  retiendra, explique Léa Morin. …") is a new quote, not the continuation of the one before, which
  ended with its own paragraph.

A quote carried over paragraphs otherwise stays one record (the gold marks a continued quote whole).
Each quote this module shapes records it in its rule (``+open_mark:FORM``, FORM ``incise`` or
``new_paragraph``).
"""

from __future__ import annotations

from veille.quotes.direct import cut_at_incise
from veille.quotes.incises import find_incise, split_at_incises
from veille.quotes.marks import MarkSpan
from veille.quotes.state import ArticleState

INCISE = "incise"  # a quote left open that goes on after its incise
NEW_PARAGRAPH = "new_paragraph"  # a reopened paragraph naming its own speaker: a new quote
OPENING_MARKS = frozenset("«“„‹")  # marks that tell an opening from a closing one


def shape_open_quote(state: ArticleState, m: MarkSpan) -> list[MarkSpan]:
    """The quote ``m`` as it reads once its lost closing marks are placed: one span, or several when a
    continued paragraph is a new quote or an incise splits it."""
    if len(m.pieces) == 1:
        return _kept(_one_paragraph(state, m))
    parts = []
    for part in _new_paragraph_quotes(state, m):
        if len(part.pieces) > 1:
            # still over paragraphs: one record (the gold marks a continued quote whole), split_at_incises
            # cutting it only at an incise ending its first paragraph
            parts.append(part if part.closed else cut_at_incise(state, part))
            continue
        shaped = _one_paragraph(state, part) if not part.closed else split_at_incises(state, part)
        if part is not m:
            for p in shaped:
                state.open_marks.setdefault(id(p), (p, NEW_PARAGRAPH))
        parts += shaped
    return _kept(parts)


def _kept(parts: list[MarkSpan]) -> list[MarkSpan]:
    """The parts that still hold words ("«, a-t-il dit" holds none before its cue)."""
    return [p for p in parts if p.pieces and p.start < p.end]


def _one_paragraph(state: ArticleState, m: MarkSpan) -> list[MarkSpan]:
    """A quote of one paragraph left open by an opening mark: split at its incise, the words after it
    kept; else (or opened by a straight mark) cut before an inverted cue (``cut_at_incise``)."""
    if m.closed:
        return [m]
    if m.open_char not in OPENING_MARKS:
        return [cut_at_incise(state, m)]  # a straight " left open is as likely a mark paired wrong
    parts = split_at_incises(state, m)
    if len(parts) > 1:
        for p in parts:
            state.open_marks[id(p)] = (p, INCISE)
        return parts
    if parts[0] is not m:  # the incise ended the paragraph: the quote ends before it
        state.open_marks[id(parts[0])] = (parts[0], INCISE)
        return parts
    return [cut_at_incise(state, m)]


def _new_paragraph_quotes(state: ArticleState, m: MarkSpan) -> list[MarkSpan]:
    """``m`` cut before each continued paragraph that names a speaker in an incise of its own."""
    for k in range(1, len(m.pieces)):
        s, e = m.pieces[k]
        if find_incise(state, MarkSpan(s, e, [(s, e)], m.open_char, False)) is None:
            continue
        head = MarkSpan(m.start, m.pieces[k - 1][1], list(m.pieces[:k]), m.open_char, False, m.missing_open)
        rest = MarkSpan(s, m.end, list(m.pieces[k:]), m.open_char, m.closed, False)
        state.open_marks[id(head)] = (head, NEW_PARAGRAPH)
        return [head, *_new_paragraph_quotes(state, rest)]
    return [m]
