"""Demands told by a verb of wanting or asking with a "que" clause: which clause, and when "vouloir"
asks it of someone.

``request_clauses`` gives the "que" clauses of a verb: a ``ccomp`` marked by "que" ("exige que la
clinique rouvre"), and the clause of "à ce que", which the parser hangs on "ce" ("demandent à ce que
la clinique rouvre"). Their subjects are the party asked (``target_rules.clause_subject``), and a
pronoun subject of the verb never stands for them (``events/obviation.py``).

``demand_complement``: "vouloir" (lexicon option ``ask=1``) is a REQUEST when what is wanted is an
act asked of someone, a "que" clause whose subject is an actor, the one asked to act ("Les
infirmières veulent que la direction rouvre le service"). A pronoun subject in the clause ("veut
qu'on fasse mieux", "veut qu'il parte", "veut que cela cesse"), a noun object ("veut la paix", "veut
une enquête": who is asked is not written, and the dev gold names one the coder cannot find), a
reflexive ("se veut rassembleur"), an infinitive ("veut partir") or a non-finite form ("dit vouloir
que") stays a wish; a negated one is left to the verb's other entry (``neg=REJECT``). Seen in the
dev gold of two sites, every changed event read over the readable dev batches (helpers vouloir and
evrequest, 2026-12-07).
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import resolve
from veille.events.verb_forms import is_reflexive
from veille.events.view import ArticleView
from veille.events.words import NEGATION_PARTICLES, SUBJ, feat, lemma, lower_text


def _marked_que(clause: Any) -> bool:
    return any(m.dep_ == "mark" and lemma(m) == "que" for m in clause.children)


def request_clauses(verb: Any) -> list[Any]:
    """The "que" clauses of a verb, "à ce que" included: "Le syndicat exige que la clinique rouvre."
    and "Le syndicat demande à ce que la clinique rouvre." -> the clause of "rouvre"."""
    out = [c for c in verb.children if c.dep_ == "ccomp" and _marked_que(c)]
    for c in verb.children:
        if c.dep_.startswith("obl") and lower_text(c) == "ce" and c.i > verb.i and any(
                k.dep_ == "case" and lower_text(k) == "à" for k in c.children):
            out.extend(k for k in c.children if k.dep_ in ("acl", "acl:relcl", "ccomp") and _marked_que(k))
    return out


def clause_subjects(verb: Any) -> list[Any]:
    """The subjects of a verb's "que" clauses (``request_clauses``)."""
    return [s for c in request_clauses(verb) for s in c.children if s.dep_ in SUBJ]


def demand_complement(view: ArticleView, tok: Any) -> bool:
    """Whether the finite, affirmative, non-reflexive verb ``tok`` has a "que" clause whose subject
    is a name or a noun that stands for an actor."""
    if feat(tok, "VerbForm") != ["Fin"]:
        return False
    if any(lower_text(c) in NEGATION_PARTICLES for c in tok.children):
        return False
    if is_reflexive(tok):
        return False  # "il se veut rassembleur"
    return any(s.pos_ != "PRON" and s.i > tok.i and resolve(view, s) for s in clause_subjects(tok))
