"""A short verbless phrase in marks inside a sentence: a term the writer sets apart ("la « sobriété
heureuse »", "ce qu'il nomme la « fatigue des gares »"), not somebody's words, even with a speech verb
nearby, before or after it ("… la « sobriété heureuse », a-t-elle dit"). Kept as speech: the very object
of the cue ("a dénoncé une « trahison »"), a quote opening its sentence before an inverted cue ("« Le
problème », observe-t-il"), the predicate of a reported clause ("qu'elle était « trop
bavarde »"), an exclamation or a question, a quote after a colon.
"""

from __future__ import annotations

import re

from veille.quotes.marks import MarkSpan
from veille.quotes.state import ArticleState, Cue

TERM_MAX_WORDS = 3  # the guidelines leave out scare quotes and coined terms of 1-3 words
_NOT_OBJECT = frozenset({"ccomp", "parataxis", "conj", "advcl", "acl", "acl:relcl", "nsubj", "nsubj:pass"})
_CLAUSE_LINKS = frozenset({"cop", "nsubj", "nsubj:pass"})
_OPENERS = " \u00a0\u202f«“\"‘'"


def quoted_term(state: ArticleState, m: MarkSpan, cue: Cue | None) -> bool:
    """Example "Elle juge la « sobriété heureuse » hors de portée, a-t-elle dit": up to three words in
    marks, with no verb, inside a sentence and not the object the speech verb governs, are a term."""
    if cue is None or state.words(m.start, m.end) > TERM_MAX_WORDS:
        return False
    if cue.start >= m.end and "prep" in cue.entry.flags:
        return False  # "victime de « trois explosions », selon l'armateur": the source's very words
    quoted = m.text(state.text)
    if re.search(r"[!?…]", quoted):
        return False
    toks = [t for t in state.toks_in(m.start, m.end) if not t.is_punct and not t.is_space]
    if not toks or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return False
    ps, _ = state.seg_of(m.start)
    before = state.text[ps:m.start].rstrip(_OPENERS)
    if not before or before.endswith((":", ".", "!", "?")):
        return False  # a paragraph or a sentence of its own, or words handed over by a colon
    # "a dénoncé une « trahison »": the noun the verb takes as its object stays the speaker's word (a
    # clause the parser made of a verbless phrase, "que la « X » restait", is no object)
    if any(t.head.i == cue.tok.i and t.dep_ not in _NOT_OBJECT for t in toks):
        return False
    # "il a dit qu'elle était « trop bavarde »": the predicate of a reported clause, the speaker's words
    inside = {t.i for t in toks}
    return not any(c.dep_ in _CLAUSE_LINKS and c.i not in inside for t in toks for c in t.children)
