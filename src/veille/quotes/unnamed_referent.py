"""A person brought in by an indefinite noun phrase, with no name, after the last person the text names.

Reports often give a witness only a description ("Une employée du garage, qui y travaille depuis dix ans, …"):
a cue that follows with "elle" ("…, dit-elle"), or with the same noun taken up ("…, raconte l'employée"),
is that unnamed woman speaking, not the last named person of that gender nor an organisation. The speaker
is then nobody (null), as the real-page guidelines give unnamed witnesses. Only what the text wrote after
the last person named outside quotes counts, in the cue's sentence or the two before it (not before the
previous paragraph), and only while no definite person noun has become a subject since ("le médecin a
reconnu …" takes the text back to someone named); a phrase that
stands next to a name ("une employée, Anne Roy,", "Anne Roy, une employée") or is a predicate ("Anne Roy
est une employée") describes a named person and brings in nobody new.
"""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.gender import entity_gender
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState
from veille.quotes.words import PRONOUN_GENDER, PRONOUNS_SING

_GENDERS = {"m": "Masc", "f": "Fem"}
_INDEFINITE = frozenset({"un", "une"})
# a demonstrative brings someone new in when the phrase is not a clause subject ("tel cet homme, qui lance :",
# "on voit cette femme crier"); as a subject ("Cette mère de famille raconte") it mostly takes up someone named
_DEMONSTRATIVE = frozenset({"ce", "cet", "cette"})
_PREDICATE_VERBS = frozenset({"devenir", "rester", "demeurer", "sembler", "paraitre"})
_SENTENCES = 3  # the cue's sentence and the two before it
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
_NOUNS = frozenset(bare(w) for w in lexicon.groups("quotes/unnamed_people.tsv")["person"])


def _person_noun(state: ArticleState, tok: Any) -> bool:
    words = {bare(tok.text), bare(tok.lemma_)}
    return bool(words & (_NOUNS | state.res.person_nouns))


def _window_start(state: ArticleState, pos: int) -> int:
    """The start of the second sentence before the one holding ``pos``, sentences inside quotes skipped,
    and not before the paragraph before ``pos``'s."""
    starts = [a for a, _ in state.segs]
    para = state.seg_of(pos)[0]
    k = starts.index(para) if para in starts else 0
    doc = state.doc
    sent = state.tok_at(pos).sent
    for _ in range(_SENTENCES - 1):
        j = sent.start - 1
        while j >= 0 and (state.in_quote(doc[j].idx) or doc[j].is_punct or doc[j].is_space):
            j -= 1
        if j < 0:
            break
        sent = doc[j].sent
    return max(sent.start_char, starts[max(0, k - 1)])


def _named(state: ArticleState, m: Any) -> bool:
    """A person's name, or another name (not an organisation's) that opens a sentence or is a clause subject
    ("Lina, qui …, souligne" when the entity stage typed "Lina" as a place)."""
    if m.in_quote:
        return False
    if m.entity.type == "PER":
        return True
    tok = state.tok_at(m.start)
    return m.entity.type != "ORG" and (tok.dep_ in _SUBJECT_DEPS or tok.i == tok.sent.start)


def _taken_up(state: ArticleState, tok: Any, pos: int) -> bool:
    """A definite person noun other than ``tok``'s is a subject between it and ``pos`` ("le médecin a
    reconnu …"): the text has gone back to someone else."""
    words = {bare(tok.text), bare(tok.lemma_)}
    for t in state.toks_in(tok.idx + len(tok.text), pos):
        if t.pos_ != "NOUN" or t.dep_ not in _SUBJECT_DEPS or state.in_quote(t.idx) or not _person_noun(state, t):
            continue
        if {bare(t.text), bare(t.lemma_)} & words:
            continue
        if any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Yes" in c.morph.get("Poss"))
               for c in t.children):
            return True
    return False


def _next_to_name(state: ArticleState, tok: Any) -> bool:
    """The phrase stands in apposition to a name or as a predicate of one ("Anne Roy, une employée")."""
    if any(c.dep_ == "cop" for c in tok.children) or tok.dep_ in ("appos", "xcomp"):
        return True
    if tok.dep_ == "obj" and bare(tok.head.lemma_) in _PREDICATE_VERBS:
        return True  # "un homme qui devient une femme": what someone becomes, nobody new
    a = tok.left_edge.idx
    b = tok.right_edge.idx + len(tok.right_edge.text)
    return any(m.entity.type == "PER" and not m.in_quote and (a - 4 <= m.end <= a or b <= m.start <= b + 4
                                                               or a <= m.start < b) for m in state.mentions)


def unnamed_people(state: ArticleState, pos: int, gender: str | None, whole: bool = False) -> list[Any]:
    """Head tokens of the singular indefinite person phrases ("une employée", "un habitant"; a demonstrative
    one that is no clause subject, "tel cet homme") of ``gender`` (any when None) written outside quotes after
    the last person named before ``pos`` who may be of that gender (in its paragraph or the one before), with
    no name next to them; ``whole``: anywhere before ``pos``, whoever was named since."""
    # only a person who could be the one meant ends the search: a man named since "une employée" does not
    # stop a later "elle" from being her ("Une employée accuse Paul Arnaud. « … », dit-elle")
    last = -1 if whole else max((m.end for m in state.mentions if m.end <= pos and _named(state, m)
                                 and (gender is None or entity_gender(state, m.entity) in (gender, None))),
                                default=-1)
    start = state.body_start if whole else max(last, _window_start(state, pos))
    out = []
    for tok in state.toks_in(start, pos):
        if tok.pos_ != "NOUN" or state.in_quote(tok.idx) or "Plur" in tok.morph.get("Number") \
                or tok.sent.start_char < last:
            continue  # "Anne Roy a reçu une cliente": the sentence names someone before the phrase
        if gender is not None and _GENDERS[gender] not in tok.morph.get("Gender"):
            continue
        if not any(c.dep_ == "det" and (bare(c.text) in _INDEFINITE or bare(c.text) in _DEMONSTRATIVE
                                        and tok.dep_ not in _SUBJECT_DEPS and not _cue_subject(state, tok))
                   for c in tok.children):
            continue
        if _person_noun(state, tok) and not _next_to_name(state, tok) and (whole or not _taken_up(state, tok, pos)):
            out.append(tok)
    return out


def _cue_subject(state: ArticleState, tok: Any) -> bool:
    """The word heads a speech cue's subject, however the parser hung it ("« … », estime cet homme"): a
    demonstrative there takes up the speaker, as a clause subject does."""
    return any(c.subj_start is not None and c.subj_start <= tok.idx < (c.subj_end or c.subj_start)
               for c in state.cue_at.values())


def _cue_start(subj: Subject) -> int:
    """Where the cue's words begin: its subject when written before the verb ("Elle a dit"), else the verb."""
    return min(p for p in (subj.cue.subj_start, subj.cue.start) if p is not None)


def pronoun_unnamed_person(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Paul Arnaud dirige le garage. Une employée y travaille depuis dix ans. « Rien n'a changé »,
    dit-elle.": "elle" is the unnamed employee brought in after the last person named, so nobody."""
    if subj.low not in PRONOUNS_SING:
        return None
    gender = PRONOUN_GENDER.get(subj.low)
    if gender not in _GENDERS or not unnamed_people(state, _cue_start(subj), gender):
        return None
    subj.cue.unnamed = True
    return Decision(None)


def noun_unnamed_person(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Paul Arnaud dirige le garage. Une employée y travaille depuis dix ans. « Rien n'a changé »,
    raconte l'employée.": a definite noun taking up the unnamed person brought in by the same noun (anywhere
    before, when no named person is described by that noun), so nobody."""
    head = subj.head
    if not subj.article or head.pos_ not in ("NOUN", "ADJ") or subj.inside or not _person_noun(state, head):
        return None
    words = {bare(head.text), bare(head.lemma_)}
    if any(words & desc for desc in state.descriptors.values()):
        return None  # "Anne Roy, employée du garage, … l'employée": a named person holds that noun
    if not any({bare(t.text), bare(t.lemma_)} & words for t in unnamed_people(state, _cue_start(subj), None, whole=True)):
        return None
    subj.cue.unnamed = True
    return Decision(None)


def unnamed_person_before(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "« Nous partons », a dit Paul Arnaud. Une voisine hausse les épaules. « Ils reviendront. »": a
    quote with no cue after a person brought in without a name since the last one named is that unnamed
    person's, so nobody (not the speaker before)."""
    if not unnamed_people(state, ctx.mark.start, None):
        return None
    return Decision(None)
