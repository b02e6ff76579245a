"""An organisation noun that is the subject of the quote's own sentence, taken up by the incise's pronoun.

"Le conseil y dresse le même constat : « … », écrit-il.": the "il" of the incise is the subject of its own
sentence, a definite or demonstrative organisation noun ("le conseil", "ce groupe de réflexion", "la
commission"), which stands for the organisation last named with that noun; not a person named in the
sentence before ("Paul Arnaud cite les travaux du Conseil X. Le conseil …"). Nouns in
``lexicons/quotes/organisation_nouns.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState
from veille.quotes.words import PRONOUN_GENDER, PRONOUNS_SING

_GROUPS = lexicon.groups("quotes/organisation_nouns.tsv")
_INSTITUTION = frozenset(bare(w) for w in _GROUPS.get("institution", ()))
_NOUNS = frozenset(bare(w) for words in _GROUPS.values() for w in words)
_DEFINITE = frozenset({"le", "la", "l'", "l’", "ce", "cet", "cette"})
_GENDER = {"Masc": "m", "Fem": "f"}
_SUBORDINATE = frozenset({"acl", "acl:relcl", "csubj"})


def _noun_subject(state: ArticleState, pos: int, pronoun_first: bool) -> Any | None:
    """The organisation noun heading a definite subject of the sentence of ``pos``, before it, outside quotes;
    when the pronoun opens its sentence ("Le comité dénonce … Il demande …"), of the sentence before in the
    same paragraph."""
    cue = state.tok_at(pos)
    found = _organisation_subject(state, cue.sent, pos, cue.i)
    if found is not None or not pronoun_first or cue.sent.start == 0:
        return found
    prev = state.doc[cue.sent.start - 1].sent
    if state.seg_of(prev.start_char) != state.seg_of(pos):
        return None
    return _organisation_subject(state, prev, prev.end_char, cue.i, root_only=True)


def _organisation_subject(state: ArticleState, sent: Any, pos: int, cue_i: int, root_only: bool = False) -> Any | None:
    for t in sent:
        if t.idx >= pos or t.dep_ not in ("nsubj", "nsubj:pass") or t.head.i == cue_i or state.in_quote(t.idx):
            continue
        if root_only and t.head.i != sent.root.i:
            continue
        if t.pos_ != "NOUN" or not t.is_lower or bare(t.text) not in _NOUNS:
            continue
        dets = [c for c in t.children if c.dep_ == "det"]
        if len(dets) != 1 or bare(dets[0].text) not in _DEFINITE or dets[0].i != t.left_edge.i:
            continue
        verb = t.head
        if verb.dep_ in _SUBORDINATE or any(c.dep_ == "mark" for c in verb.children):
            continue  # "Alors que le gouvernement hésite, il …": a subordinate clause's subject is no topic
        if any(w.pos_ == "PROPN" for w in t.subtree):
            continue  # "le conseil de Vienne": a name of its own, read by the other rules
        return t
    return None


def _written_with(state: ArticleState, m: Any, word: str) -> bool:
    """The organisation's name holds the noun, or the noun is written just before it ("le comité X"), or the
    name is an acronym in brackets after a long name opened by the noun ("le comité de … (Cerd)")."""
    if word in bare(m.entity.name).split() or word in bare(state.text[max(0, m.start - 20):m.start]).split():
        return True
    before = state.text[max(0, m.start - 100):m.start].rstrip()
    return before.endswith("(") and word in bare(before.split(".")[-1]).replace("'", " ").split()


def noun_subject_organisation(state: ArticleState, pos: int, gender: str | None, pronoun_first: bool = False) -> str | None:
    """Example "Paul Arnaud cite les travaux du Conseil de la jeunesse. Le conseil y dresse le même constat :
    « … », écrit-il.": the organisation the incise pronoun at ``pos`` stands for through the definite organisation
    noun that is its sentence's subject, when that noun agrees with the pronoun."""
    noun = _noun_subject(state, pos, pronoun_first)
    if noun is None:
        return None
    written = [_GENDER[g] for g in noun.morph.get("Gender") if g in _GENDER]
    if gender is not None and written and gender not in written:
        return None
    word = bare(noun.text)
    lo = state.paragraph_start_before(pos, back=2)
    orgs = [m for m in state.mentions if lo <= m.start < noun.idx and not m.in_quote and not m.asked
            and m.entity.type == "ORG"]
    named = [m for m in orgs if _written_with(state, m, word)]
    if named:
        return named[-1].entity.name
    if orgs and word not in _INSTITUTION:
        return orgs[-1].entity.name
    return None



def organisation_noun_subject(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le conseil y dresse le même constat : « … », écrit-il.": a singular subject pronoun of a cue
    whose own sentence has a definite organisation noun as subject (``noun_subject_organisation``)."""
    if subj.low not in PRONOUNS_SING:
        return None
    cue = subj.cue
    first = cue.subj_start is not None and cue.subj_start < cue.start and not state.text[
        state.tok_at(cue.subj_start).sent.start_char:cue.subj_start].strip()
    name = noun_subject_organisation(state, cue.start, PRONOUN_GENDER.get(subj.low), first)
    return Decision(name) if name else None
