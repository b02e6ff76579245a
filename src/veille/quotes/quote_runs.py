"""A cue-less quote that ends its paragraph, credited by the quote that opens the next one (issue 16).

French copy often closes a paragraph on a quote and opens the next on the same voice, naming the
speaker only there, in an incise inside the marks or right after them ("… « Nous avons attendu. » ¶
« Le chantier a pris du retard, explique Léa Morin. … »"), and a testimony whose paragraphs each
close their marks ("« … » ¶ « … » ¶ « … », raconte-t-elle.") names its speaker only after the last.
Such a quote is the voice the next one's cue gives, over a run of at most ``RUN`` paragraphs that are
whole quotes, unless the writer's words bring it in (it does not open its sentence, or the sentence
before it holds a speech cue: "Lui aussi a témoigné. « … »" is his).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.rule_types import Decision
from veille.quotes.state import ArticleState, Cue

RUN = 3  # paragraphs of quotes the credit may come back over
_CLOSERS = " \t\n.…!?" + "".join(MARK_FAMILY)


def credit_of_next_paragraph(state: ArticleState, m: MarkSpan, para: tuple[int, int],
                             resolve: Callable[[ArticleState, Cue], Any]) -> Decision | None:
    """The speaker the next paragraph's opening quote is credited to, when ``m`` ends ``para`` with no
    other quote before it there; through up to ``RUN`` paragraphs that are whole quotes with no cue."""
    text = state.text
    if _rest(text, m.end, para[1]).strip() or any(
            para[0] <= qs < m.start and state.speech_like(qs, qe) for qs, qe in state.quote_ranges):
        return None
    if _led_in(state, m, para):
        return None
    cur = para
    for _ in range(RUN):
        nxt = next(((a, b) for a, b in state.segs if a >= cur[1] and text[a:b].strip()), None)
        if nxt is None:
            return None
        quote = next((q for q in state.marks if nxt[0] <= q.start < nxt[1]), None)
        if quote is None or text[nxt[0]:quote.start].strip(_CLOSERS):
            return None  # the next paragraph opens on the writer's words, not on a quote
        cue = _cue_of(state, quote, nxt[1])
        if cue is not None:
            resolve(state, cue)
            return Decision(cue.speaker, cue.subj_text) if cue.rule else None
        if _rest(text, quote.end, nxt[1]).strip():
            return None  # a whole-paragraph quote with no cue carries the run on; anything else ends it
        cur = nxt
    return None


def _led_in(state: ArticleState, m: MarkSpan, para: tuple[int, int]) -> bool:
    """Whether the writer's words bring the quote in: it does not open its sentence ("définies comme
    « … »"), or the sentence before it holds a speech cue ("Lui aussi a témoigné devant les juges. « … »")."""
    before = state.text[para[0]:m.start].rstrip(" \t\u00a0\u202f" + "".join(MARK_FAMILY))
    if not before:
        return False
    if before[-1] not in ".!?…":
        return True
    s0 = max(para[0], state.sent_bounds(para[0] + len(before) - 1)[0])
    return any(s0 <= cue.start < m.start for cue in state.cue_at.values())


def _rest(text: str, k: int, end: int) -> str:
    """What follows a closing mark in its paragraph, the closers left out."""
    while k < end and text[k] in _CLOSERS:
        k += 1
    return text[k:end]


def _cue_of(state: ArticleState, q: MarkSpan, end: int) -> Cue | None:
    """The cue of the incise cut out of ``q`` (« …, explique X. … »), else the inverted cue right after
    its closing mark (« … », explique X.)."""
    cue = state.incise_cue.get(id(q))
    if cue is not None:
        return cue if cue.subj_start is not None else None
    text = state.text
    k = q.end
    while k < end and (text[k].isspace() or text[k] in MARK_FAMILY):
        k += 1
    if k >= end or text[k] != ",":
        return None
    cue = cue_after_comma(state, k)
    return cue if cue is not None and cue.inverted and cue.subj_start is not None else None


def cue_after_comma(state: ArticleState, k: int) -> Cue | None:
    """The first cue among the four words after the comma at ``k`` (", a-t-il dit", ", estiment X")."""
    tok = state.tok_at(state.skip_space(k + 1))
    return next((state.cue_at[j] for j in range(tok.i, min(len(state.doc), tok.i + 4)) if j in state.cue_at), None)
