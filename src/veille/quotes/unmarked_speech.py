"""Direct speech printed without quotation marks (issue 16): a page that lost its marks, or never set
them, still tells a quote by the way it brings the words in.

    Le maire a déclaré : nous rouvrirons le pont avant l'hiver.
    Nous rouvrirons le pont avant l'hiver, a promis le maire.

With no mark, the clause after a speech verb's colon, or before an inverted incise, reads as the
writer's report of what was said (an indirect quote, as the gold guideline has it) unless its words are
the speaker's own: French reported speech shifts the persons to the third ("il rouvrira le pont"), so a
"je", "nous", "mon", "notre" or a "vous" addressed to someone in such a clause says the words are given
as spoken. Those clauses are handed to the quote walk as quotes whose marks were lost, so their cue
and speaker are found as for « … », and their indirect reading is dropped (the words are in a quote).

Forms:

* ``colon``: a speech cue, a few words, a colon and the speaker's words to the paragraph end (or the
  whole next paragraph when the colon ends the cue's paragraph), up to the last sentence in person;
* ``incise``: the clause an inverted incise closes ("…, a promis le maire."), found as the indirect
  reader finds it (``inverted_clauses.clause_before``); a clause cut by the incise ("Nous rouvrirons,
  a promis le maire, le pont.") gives two quotes.

A clause that holds a quotation mark is left to the mark scanner.
"""

from __future__ import annotations

import re

from veille.quotes.incise_position import before_is_incise
from veille.quotes.incises import split_at_incises
from veille.quotes.inverted_clauses import clause_before
from veille.quotes.lost_open import in_person
from veille.quotes.marks import MARK_FAMILY, SENTENCE_END, MarkSpan
from veille.quotes.report_forms import incise_verb
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import is_present_participle

COLON = "colon"
INCISE = "incise"
MIN_WORDS = 4  # fewer: a term or a title after the colon, not speech
CUE_TO_COLON = 8  # words between a speech cue and its colon ("a déclaré mardi à la presse :")
NOT_MARKS = "‘"  # a single opening quotation mark: words quoted inside the writer's text
QUE = re.compile(r"(?<![\w'’-])qu(?:e|['’])", re.I)


def unmarked_speech(state: ArticleState, cues: list[Cue]) -> list[tuple[MarkSpan, str]]:
    """The quotes printed without marks that ``cues`` bring in, each with its form."""
    out: list[tuple[MarkSpan, str]] = []
    taken: list[tuple[int, int]] = []
    for c in cues:
        if "prep" in c.entry.flags or state.in_quote(c.start):
            continue
        found = _after_colon(state, c)
        form = COLON
        if found is None:
            found, form = _before_incise(state, c), INCISE
        for m in found or []:
            if any(s < m.end and m.start < e for s, e in taken):
                continue
            taken.append((m.start, m.end))
            out.append((m, form))
    return out


def _speech(state: ArticleState, s: int, e: int) -> bool:
    words = state.text[s:e]
    return state.words(s, e) >= MIN_WORDS and not any(ch in MARK_FAMILY or ch in NOT_MARKS for ch in words) \
        and not state.in_quote(s) and in_person(words)


def _after_colon(state: ArticleState, c: Cue) -> list[MarkSpan] | None:
    """"X a déclaré : nous partirons." -> the words after the colon, to the paragraph end."""
    text = state.text
    if c.subj_start is None:
        return None  # "Laissez-moi vous révéler :", no one named as the speaker
    ps, pe = state.seg_of(c.start)
    colon = text.find(":", c.end, pe)
    if colon < 0 or SENTENCE_END.search(text, c.end, colon) or state.words(c.end, colon) > CUE_TO_COLON \
            or any(ch in MARK_FAMILY for ch in text[c.end:colon]) or QUE.search(text, c.end, colon):
        return None  # (a colon after "révèlent que …" ends the reported clause, not the cue)
    s, e = state.skip_space(colon + 1), pe
    if not text[s:pe].strip():  # the colon ends the paragraph: the next one is the speech
        nxt = next(((a, b) for a, b in state.segs if a >= pe and text[a:b].strip()), None)
        if nxt is None:
            return None
        s, e = state.skip_space(nxt[0]), nxt[1]
    e = _last_in_person(text, s, len(text[:e].rstrip()))
    if e <= s or not _speech(state, s, e):
        return None
    return split_at_incises(state, MarkSpan(s, e, [(s, e)], ":", False))


def _last_in_person(text: str, s: int, e: int) -> int:
    """The end of the last sentence of ``s``-``e`` that speaks in person ("Venez. Aussitôt, ils le
    suivirent.": the narrator takes over after the words given as spoken)."""
    ends = [m.start() + 1 for m in SENTENCE_END.finditer(text, s, e)] + [e]
    starts = [s] + [m.end() for m in SENTENCE_END.finditer(text, s, e)]
    kept = [b for a, b in zip(starts, ends, strict=True) if in_person(text[a:b])]
    return kept[-1] if kept else s


def _before_incise(state: ArticleState, c: Cue) -> list[MarkSpan] | None:
    """"Nous partirons, a promis X." -> the clause before the incise (both parts of a clause it cuts)."""
    if not ("incise" in c.entry.flags and c.subj_start is not None and c.inverted) \
            or is_present_participle(c.tok) or not before_is_incise(state, incise_verb(state, c)):
        return None
    gap = c.gap
    span = clause_before(state, c)
    cut, c.gap = c.gap, gap  # (the indirect reader asks again)
    if span is None:
        return None
    s, e = span
    cut = cut if cut is not None and s <= cut[0] < cut[1] <= e else None
    parts = [(s, e)] if cut is None else [(s, cut[0]), (state.skip_space(cut[1]), e)]
    parts = [(a, len(state.text[:b].rstrip(" ,;"))) for a, b in parts]
    if not _speech(state, s, e) or any(b <= a for a, b in parts):
        return None
    out = [MarkSpan(a, b, [(a, b)], ",", True) for a, b in parts]
    for m in out:
        state.incise_cue[id(m)] = c
    return out
