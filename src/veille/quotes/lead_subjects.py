"""The subject of a sentence leading into a cue-less quote ("Pour X, « … »", the sentence written right
before the quote)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.resources import CueEntry
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import np_span
from veille.quotes.words import SUBJECT_CLITICS


def pour_subject(state: ArticleState, m: MarkSpan, ps: int) -> tuple[Any, int, int, list[Any]] | None:
    """"Pour <phrase>, « … »": the token "pour" opening the quote's sentence and the phrase
    between it and the comma (start, end, tokens); None when the sentence opens otherwise."""
    doc = state.doc
    ss, _ = state.sent_bounds(m.start)
    t0 = state.tok_at(state.skip_space(max(ss, ps)))
    for _ in range(4):  # "Mais pour X, …", "D'autant que pour X, …": a connective may open the sentence
        if bare(t0.text) == "pour" or t0.pos_ not in ("CCONJ", "SCONJ", "ADV", "ADP") or t0.i + 1 >= len(doc):
            break
        t0 = doc[t0.i + 1]
    if bare(t0.text) != "pour" or t0.idx >= m.start:
        return None
    j = t0.i + 1
    while j < len(doc) and doc[j].idx < m.start and doc[j].text not in (",", ";", ":", ".") and j - t0.i <= 12:
        j += 1
    if j == t0.i + 1 or j >= len(doc) or doc[j].text != "," or doc[j].idx >= m.start:
        return None
    a, b = doc[t0.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return t0, a, b, list(doc[t0.i + 1:j])


def lead_subject(state: ArticleState, m: MarkSpan, ps: int, glued: bool = False) -> Cue | None:
    """The subject of the sentence written right before a cue-less quote, as a cue on that
    sentence's main verb (not resolved): in the same paragraph, or ending the previous one when
    the quote opens its own."""
    if m.start - ps < 3:
        # a paragraph that opens with the quote: the previous paragraph's last sentence leads
        # into it, when that paragraph quotes nobody (else the quoted speaker goes on)
        starts = [a for a, _ in state.segs]
        k = starts.index(ps) if ps in starts else 0
        if k == 0:
            return None
        pps, ppe = state.segs[k - 1]
        if any(pps <= qs < ppe for qs, _ in state.quote_ranges):
            return None
        ps, end = pps, ppe
    else:
        end = m.start
    prev_tok = state.tok_at(max(ps, end - 1))
    while prev_tok.i > 0 and (prev_tok.is_space or prev_tok.text in MARK_FAMILY or prev_tok.idx >= end):
        prev_tok = state.doc[prev_tok.i - 1]
    if prev_tok.idx < ps or state.in_quote(prev_tok.idx) or (
            prev_tok.text not in (".", "!", "?", ":") and not (glued and prev_tok.is_alpha)):
        return None  # (``glued``: the quote may also follow its lead-in with no punctuation at all)
    sent = prev_tok.sent
    s0 = max(sent.start_char, ps)
    if any(s0 <= qs < prev_tok.idx and state.speech_like(qs, qe) for qs, qe in state.quote_ranges):
        return None  # that sentence holds a quote of its own
    root = sent.root
    if root.idx > prev_tok.idx and prev_tok.text == ":":
        # the parse ran the lead-in on into the quote ("Elle travaille avec X : « à l'origine, je … »"):
        # the lead-in's own verb, not one of the quote's
        root = _lead_verb(sent, s0, prev_tok.idx) or root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.idx >= s0), None)
    tmp = Cue(root, CueEntry(root.lemma_.lower(), "fr", frozenset()), root.idx, root.idx + len(root.text))
    if subj is not None and root.pos_ in ("VERB", "AUX"):
        a, b = np_span(state, subj, root)
    else:
        # the parse lost the subject (long appositions confuse it): the words from the
        # sentence start to its first verb, when they open with an article or a name
        toks = [t for t in sent if t.idx >= s0]
        verb = next((t for t in toks if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not toks or toks[0].pos_ not in ("DET", "PROPN") or verb.i - toks[0].i > 16:
            return None
        last = state.doc[verb.i - 1]
        while last.i > toks[0].i and last.pos_ in ("PUNCT", "ADV", "PRON"):
            if last.pos_ == "PRON" and bare(last.text) in SUBJECT_CLITICS and state.doc[last.i - 1].text == ",":
                break  # "Tactile, elle palpe …": a detached word opens the sentence, the pronoun is the subject
            last = state.doc[last.i - 1]
        a, b = toks[0].idx, last.idx + len(last.text)
        if bare(last.text) in SUBJECT_CLITICS and last.i > toks[0].i:
            a = last.idx
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, state.text[a:b].strip(" ,")
    return tmp


def _lead_verb(sent: Any, s0: int, end: int) -> Any | None:
    """The topmost verb with a subject of its own between ``s0`` and ``end`` (a lead-in's colon) in
    ``sent``: the main verb of the lead-in, not of a relative clause inside it."""
    verbs = [t for t in sent if s0 <= t.idx < end and t.pos_ in ("VERB", "AUX")
             and any(c.dep_ in ("nsubj", "nsubj:pass") and s0 <= c.idx < end for c in t.children)]
    return min(verbs, key=lambda t: (sum(1 for _ in t.ancestors), t.i)) if verbs else None
