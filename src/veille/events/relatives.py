"""Who a relative pronoun ("qui", "lequel") stands for: the noun its clause hangs on, or, when the
parser hung the clause far away or on a verb, the name written right before the pronoun.

``resolve`` (``veille.events.actors``) is handed in, so that this module stays below ``actors``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.events.view import ArticleView

# A relative clause the parser hung on a noun this many tokens or more before its pronoun, with a
# name right before the pronoun, is a misparse of "X (Y), qui ...": the name is the antecedent.
FAR_ANTECEDENT = 8

# Dependencies the parser gives a relative clause it did not recognise as one.
LOOSE_CLAUSES = ("advcl", "parataxis", "conj")

Resolve = Callable[..., list]


def antecedent(view: ArticleView, rel: Any, resolve: Resolve) -> Any | None:
    """The actor a relative pronoun stands for: "Le comité (CPF), qui salue ..." -> CPF."""
    clause = rel.head
    if clause.dep_ == "dep" and clause.head.pos_ in ("VERB", "AUX"):
        return name_before_relative(view, rel, resolve)  # the relative clause read as a loose dependent
    while clause.dep_ not in ("acl:relcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "acl:relcl":
        if rel.head.dep_ in LOOSE_CLAUSES:
            # "…, inquiètent le comité (CSD), qui salue …": the clause read as an adverbial one.
            return name_before_relative(view, rel, resolve)
        return None
    if clause.head.pos_ in ("VERB", "AUX"):
        return name_before_relative(view, rel, resolve)
    actors = resolve(view, clause.head, with_conj=False)
    if actors:
        return actors[0]
    if rel.i - clause.head.i >= FAR_ANTECEDENT:
        # "Les propos tenus en Valdonie inquiètent le comité de l'ONU (CPF), qui salue ...": the
        # parser hung the clause on the first noun of the sentence, which names nobody.
        return name_before_relative(view, rel, resolve)
    return None


def name_before_relative(view: ArticleView, rel: Any, resolve: Resolve) -> Any | None:
    """The name just before a relative pronoun, over commas and brackets: "« Il faut agir », a lancé
    Ana Ruiz, qui a appelé ses alliés à réagir." -> Ana Ruiz (a clause the parser hung on a verb)."""
    for j in range(rel.i - 1, max(rel.i - 4, -1), -1):
        t = view.doc[j]
        if view.tok_entity[j] is not None:
            actors = resolve(view, t, with_conj=False)
            return actors[0] if actors else None
        if not t.is_punct:
            return None
    return None
