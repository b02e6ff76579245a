"""A subject pronoun that stands for a person the article describes but never names.

Court and local news often give a witness only a description ("La cliente s'est présentée devant les
juges. Elle a expliqué que …"): the "elle" of the next sentences is that unnamed woman, not the judge or the
lawyer named a paragraph earlier, nor an organisation whose name is feminine. The speaker is then
nobody (null), as the real-page guidelines give unnamed witnesses.
"""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState
from veille.quotes.words import PRONOUN_GENDER, PRONOUNS_SING

_GENDERS = {"m": "Masc", "f": "Fem"}
# nouns naming a body or a group rather than one person ("la commission", "le syndicat", "le comité"): left
# to the organisation rules, whichever group of ``organisation_nouns.tsv`` lists them
_NOT_ONE_PERSON = frozenset(bare(w) for words in lexicon.groups("quotes/organisation_nouns.tsv").values()
                            for w in words)
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")


def _main_subject(sent: Any) -> Any | None:
    root = sent.root
    heads = [root] + [c for c in root.children if c.dep_ == "cop" or c.dep_.startswith("aux")]
    for h in heads:
        for c in h.children:
            if c.dep_ in _SUBJECT_DEPS and c.i < root.i:
                return c
    return None


def _sentence_before(state: ArticleState, sent: Any) -> Any | None:
    doc = state.doc
    k = sent.start - 1
    while k >= 0 and (state.in_quote(doc[k].idx) or doc[k].is_punct or doc[k].is_space):
        k -= 1
    return doc[k].sent if k >= 0 else None


def _named_in(state: ArticleState, start: int, end: int, persons_only: bool = False) -> bool:
    return any(start <= m.start < end and not m.in_quote and (not persons_only or m.entity.type == "PER")
               for m in state.mentions)


def _described_person(state: ArticleState, subj: Any, gender: str) -> bool:
    """True when ``subj`` heads a definite common-noun phrase of the pronoun's gender with no name in it
    ("la cliente du garage", "la sœur du prévenu") that no person named earlier is described by."""
    if subj.pos_ != "NOUN" or _GENDERS[gender] not in subj.morph.get("Gender") or "Plur" in subj.morph.get("Number"):
        return False  # "les musées … ont disparu. « … », dit-il": a plural is no "il"
    dets = [c for c in subj.children if c.dep_ == "det"]
    if not dets or not any("Def" in d.morph.get("Definite") or "Yes" in d.morph.get("Poss") for d in dets):
        return False
    noun = bare(subj.lemma_)
    if noun in _NOT_ONE_PERSON or bare(subj.text) in _NOT_ONE_PERSON:
        return False
    # the whole phrase: "le vélo de Mila" names someone, whatever type the name was given
    span = subj.doc[subj.left_edge.i:min(subj.right_edge.i, subj.head.i - 1) + 1] if subj.head.i > subj.i \
        else subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
    if any(t.pos_ == "PROPN" for t in span) or _named_in(state, span.start_char, span.end_char):
        return False
    # "le président", "la retraitée" (``speaker_nouns.tsv``) often stand for a person named earlier, and
    # so does a noun some named person is described by: left to the descriptor rules
    if noun in state.res.person_nouns or bare(subj.text) in state.res.person_nouns:
        return False
    return not any(noun in words or bare(subj.text) in words for words in state.descriptors.values())


def unnamed_antecedent(state: ArticleState, pos: int, pronoun: str, gender: str | None) -> bool:
    """True when the subject pronoun at ``pos`` ("il", "elle") continues the subject of the sentence before
    (through sentences whose subject is the same pronoun) and that subject is a person the text describes
    without naming, with no person named in this paragraph or the one before."""
    if gender not in _GENDERS:
        return False
    starts = [a for a, _ in state.segs]
    para = state.seg_of(pos)[0]
    k = starts.index(para) if para in starts else 0
    if _named_in(state, starts[max(0, k - 1)], pos, persons_only=True):
        # a person named in this paragraph or the one before may be the one described ("Marie Roy a été
        # agressée. La victime a porté plainte. Elle a raconté …"): left to the other rules
        return False
    sent = state.tok_at(pos).sent
    if _named_in(state, sent.start_char, pos, persons_only=True):
        return False
    for _ in range(3):
        prev = _sentence_before(state, sent)
        if prev is None:
            return False
        subj = _main_subject(prev)
        if subj is None or state.in_quote(subj.idx):
            return False
        if bare(subj.text) == pronoun:
            if _named_in(state, prev.start_char, prev.end_char, persons_only=True):
                return False
            sent = prev
            continue
        if not _described_person(state, subj, gender):
            return False
        return not _named_in(state, subj.idx + len(subj.text), pos, persons_only=True)
    return False


def pronoun_unnamed_antecedent(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le procès était présidé par la juge Anne Roy. [new paragraph] Le garage a fermé. [new
    paragraph] La cliente s'est présentée devant les juges. Elle a expliqué que la facture avait été
    doublée.": "elle" is the unnamed client, so nobody (not Anne Roy)."""
    if subj.low not in PRONOUNS_SING or subj.cue.inverted and subj.cue.subj_start is None:
        return None
    gender = PRONOUN_GENDER.get(subj.low)
    pronoun = subj.low.lstrip("-")
    if not unnamed_antecedent(state, subj.cue.start, pronoun, gender):
        return None
    return Decision(None)
