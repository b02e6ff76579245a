"""The subject of a reported clause's speech verb that the parse hung elsewhere, for a clause that would
otherwise be dropped for want of a speaker (issue 16, indirect quotes on unseen pages).

Three shapes, each seen on several outside sites where the parse lost the subject and the clause with it:

* the auxiliary holds the subject when an aside set off by commas splits it from its participle
  ("Paul Arnaud a, par ailleurs, précisé que …");
* a present participle before the verb holds the subject ("Les élus du quartier, priorisant leur
  budget, ont annoncé que …");
* a participle after "en" / "tout en" whose parse hangs it on the reported clause: the subject of the
  verb before it that governs it ("Le maire a cité douze règles, tout en précisant qu'il en existe trente").

Only read when the rules for a cue with no subject found nobody (``indirect.indirect_quote``): a cue the
parse reads well never comes here. Direct quotes never read it.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import is_present_participle, np_span

SUBJECT_DEPS = ("nsubj", "nsubj:pass")
EN_LEADS = frozenset({"en"})
MAX_CLIMB = 6  # heads walked up from an "en" participle


def _subject_child(state: ArticleState, tok: Any) -> Any | None:
    """The nsubj child of ``tok`` before it and outside quotation marks, or None."""
    return next((ch for ch in tok.children if ch.dep_ in SUBJECT_DEPS and ch.i < tok.i
                 and not state.in_quote(ch.idx)), None)


def aux_subject(state: ArticleState, tok: Any) -> Any | None:
    """Example "Paul Arnaud a, par ailleurs, précisé que …": the subject the parse gave the auxiliary."""
    for ch in tok.children:
        if ch.dep_.startswith("aux") and ch.i < tok.i:
            subj = _subject_child(state, ch)
            if subj is not None:
                return subj
    return None


def participle_subject(state: ArticleState, tok: Any) -> Any | None:
    """Example "Les élus du quartier, priorisant leur budget, ont annoncé que …": the subject the parse
    gave a present participle that opens the sentence before the speech verb."""
    for ch in tok.children:
        if ch.dep_ == "advcl" and ch.i < tok.i and is_present_participle(ch):
            subj = _subject_child(state, ch)
            if subj is not None:
                return subj
    return None


def gerund_subject(state: ArticleState, tok: Any) -> tuple[Any, Any] | None:
    """Example "Le maire a cité douze règles, tout en précisant qu'il en existe trente": (subject, verb) of
    the first verb before the participle, up its heads, that has a subject of its own."""
    doc = state.doc
    if not is_present_participle(tok) or not any(bare(doc[k].text) in EN_LEADS for k in range(max(0, tok.i - 2), tok.i)):
        return None
    node = tok
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i < tok.i and node.pos_ in ("VERB", "AUX"):
            subj = _subject_child(state, node)
            if subj is not None:
                return subj, node
    return None


def hidden_subject(state: ArticleState, cue: Cue) -> bool:
    """Sets the subject words of ``cue`` from one of the shapes above and marks the cue unresolved (so
    the subject rules read it); False when none applies."""
    tok = cue.tok
    subj = aux_subject(state, tok) or participle_subject(state, tok)
    verb = tok
    if subj is None:
        found = gerund_subject(state, tok)
        if found is None:
            return False
        subj, verb = found
    cue.subj_start, cue.subj_end = np_span(state, subj, verb)
    cue.subj_text = state.text[cue.subj_start:cue.subj_end]
    cue.speaker, cue.rule, cue.resolved = None, None, False
    return True
