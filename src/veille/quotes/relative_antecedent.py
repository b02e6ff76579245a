"""The antecedent of a relative "qui" that is a speech verb's subject, when the word right before "qui" only
completes a noun ("l'homme d'affaires, qui a dit", "l'étudiante de 19 ans qui raconte", "le maire de Lyon,
qui a annoncé"): the noun it completes speaks."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.state import ArticleState

OF = frozenset({"de", "d'"})


def completed_noun(state: ArticleState, ante: Any) -> Any:
    """Example "la déclaration de l'homme d'affaires, qui a affirmé que …": "affaires", after "d'" with no
    determiner of its own, completes "homme", the antecedent; so do a place after "de" ("le maire de
    Lyon, qui") and an age ("la lycéenne de 16 ans qui"). A complement with its determiner ("le porte-parole
    de la mairie, qui") or a person's name ("l'avocat de Paul Arnaud, qui") may be the antecedent itself:
    it is kept."""
    head = ante.head
    if ante.dep_ != "nmod" or head.i >= ante.i or head.pos_ != "NOUN" or state.in_quote(head.idx):
        return ante
    cases = [c for c in ante.children if c.dep_ == "case"]
    if len(cases) != 1 or bare(cases[0].text) not in OF or any(c.dep_ == "det" for c in ante.children):
        return ante
    lo, hi = ante.left_edge.idx, ante.right_edge.idx + len(ante.right_edge.text)
    named = [m for m in state.mentions if lo <= m.start < hi or m.start <= ante.idx < m.end]
    if named:
        return head if all(m.entity.type == "LOC" for m in named) else ante
    return head if ante.text.islower() else ante  # "de Mme Roy": a title before a name is a person
