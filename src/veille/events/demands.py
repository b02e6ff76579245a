"""A wish told as a demand: "vouloir" (lexicon option ``ask=1``) is a REQUEST when what is wanted is
asked of someone, written either as a "que" clause whose subject is an actor, the one asked to act
("Les infirmières veulent que la direction rouvre le service"), or as an indefinite noun object, a
thing to be granted ("Les élus veulent une enquête indépendante"). A definite or abstract object ("veut
la paix", "veut le terrain pour lui seul"), a pronoun ("si le public le veut"), a pronoun subject in
the clause ("veut qu'on fasse mieux", "veut qu'il parte"), a reflexive ("se veut rassembleur"), an infinitive ("veut
partir") or a non-finite form ("dit vouloir que") stays a wish; a negated one is left to the verb's
other entry (``neg=REJECT``). Seen in the dev gold of three sites (helper vouloir, 2026-12-07).

The determiners are the ``demand_det`` group of ``lexicons/events/role_words.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import resolve
from veille.events.verb_forms import is_reflexive
from veille.events.view import ArticleView
from veille.events.words import DEMAND_DETS, NEGATION_PARTICLES, feat, lower_text

_SUBJECTS = ("nsubj", "nsubj:pass")


def demand_complement(view: ArticleView, tok: Any) -> bool:
    """Whether the finite, affirmative, non-reflexive verb ``tok`` has an actor-subject "que" clause
    or an indefinite noun object."""
    if feat(tok, "VerbForm") != ["Fin"]:
        return False
    kids = list(tok.children)
    if any(lower_text(c) in NEGATION_PARTICLES for c in kids):
        return False
    if is_reflexive(tok):
        return False  # "il se veut rassembleur"
    for c in kids:
        if c.dep_ == "obj" and c.pos_ == "NOUN" and any(
                d.dep_ == "det" and d.i < c.i and lower_text(d) in DEMAND_DETS for d in c.children):
            return True
        if c.dep_ == "ccomp" and c.i > tok.i and any(lower_text(m) in ("que", "qu'", "qu’") for m in c.children
                                                     if m.dep_ == "mark"):
            if any(s.dep_ in _SUBJECTS and s.pos_ != "PRON" and resolve(view, s) for s in c.children):
                return True
    return False
