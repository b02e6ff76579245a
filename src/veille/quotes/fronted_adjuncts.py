"""A person named in a fronted adjunct of the clause whose subject is the pronoun a cue reads
("Après le départ de son adjoint Karim Bensaïd, il a déclaré : « … »"): that person is what the
clause is about, not who "il" is. The pronoun goes on with the people named before its sentence.

Read by ``antecedents.antecedent`` (the persons a singular pronoun may stand for)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState
from veille.quotes.words import PRONOUN_GENDER

SUBJECT_PRONOUNS = frozenset({"il", "elle"})
# the parse's labels of a clause's own arguments: a person named there is no adjunct's complement
ARGUMENTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl:subj", "expl", "aux", "aux:pass", "cop"})


def pronoun_subject(state: ArticleState, pos: int, gender: str | None) -> Any | None:
    """The subject "il"/"elle" (of the cue's gender) of the clause the cue at ``pos`` sits in, outside
    quotes, nearest to the cue."""
    sent = state.tok_at(pos).sent
    prons = [t for t in sent if t.dep_ == "nsubj" and bare(t.text) in SUBJECT_PRONOUNS
             and not state.in_quote(t.idx) and (gender is None or PRONOUN_GENDER.get(bare(t.text)) in (None, gender))]
    return min(prons, key=lambda t: abs(t.idx - pos)) if prons else None


def in_fronted_adjunct(state: ArticleState, mention: Any, pron: Any) -> bool:
    """Example "En 2020, après le départ de son adjoint Karim Bensaïd, il a déclaré …": the mention lies
    inside a dependent of the pronoun's verb set before the pronoun, which is not the clause's subject,
    as the complement of a noun of that dependent; the person is no subject of a clause of its own
    ("Quand Paul est arrivé, il …" stays Paul's) and does not head the adjunct ("Quant à Anne, elle …")."""
    if mention.subject or not (pron.sent.start_char <= mention.start < pron.idx):
        return False
    tok = state.tok_at(mention.start)
    verb = pron.head
    through_noun = False  # "le départ de son adjoint X": the name completes a noun of the adjunct
    while tok.head.i != tok.i and tok.head.i != verb.i:
        tok = tok.head
        through_noun = through_noun or (tok.pos_ == "NOUN" and not mention.start <= tok.idx < mention.end)
    if tok.head.i != verb.i or tok.i == verb.i or tok.i > pron.i:
        return False
    # "Quant à X, elle …", "Selon X, il …": a name heading the adjunct is the topic the pronoun takes up
    return through_noun and tok.dep_ not in ARGUMENTS
