"""Drop rule of the events stage for acts told as a habit or a general truth (issue 13, precision,
helper evprec2), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). An event word in
a clause of time opened by "quand" or "lorsque" whose verb is in the present tells what happens
whenever something holds, no act that took place: "lorsqu'un patron maltraite le personnel",
"quand des gardes tirent sur des passants", "lorsque des bagarres éclatent". The past ("quand la police
l'a arrêté", "lorsque deux hommes l'ont abattu") keeps its event, as does an event word in the main
clause ("Quand la police arrive, elle interpelle deux hommes."). Cues in
``lexicons/events/sense_cues.tsv``: ``habit_mark``, the conjunctions of such a clause.

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, LOWER

from veille.common.docarrays import child_indices, head_indices, token_strings
from veille.common.lexicon import groups
from veille.events.memo import sentence_holds
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.words import feat

HABIT_MARKS = groups("events/sense_cues.tsv")["habit_mark"]
# a clause that is not the one of time: the climb stops there ("ce qui m'indigne", "il dit que …")
_CLAUSE_EDGES = frozenset({"ROOT", "ccomp", "parataxis", "acl:relcl", "acl", "csubj"})


def _time_clause_verb(head: Any) -> Any | None:
    """The verb of the "quand"/"lorsque" clause the word belongs to, or None."""
    doc = head.doc  # (children, labels, forms and heads from the article's columns: a Token for the answer only)
    lowers = token_strings(doc, LOWER)
    if not sentence_holds(doc, head.i, "habit_mark", HABIT_MARKS, (lowers,)):
        return None  # (most sentences: no "quand"/"lorsque" at all)
    kids, deps, heads = child_indices(doc), token_strings(doc, DEP), head_indices(doc)
    i = head.i
    for _ in range(4):
        if any(deps[c] == "mark" and lowers[c] in HABIT_MARKS for c in kids[i]):
            return doc[i]
        up = heads[i]
        if deps[i] == "acl" and any(deps[c] == "case" and lowers[c] in HABIT_MARKS for c in kids[up]):
            return doc[i]  # "lorsqu'un patron maltraite …" parsed as a noun with "lorsqu'" and its clause
        if deps[i] in _CLAUSE_EDGES or up == i or (i != head.i and deps[i] == "advcl"):
            return None
        i = up
    return None


def habitual_when(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Le syndicat proteste lorsqu'un patron maltraite le personnel.", "Quand des gardes tirent
    sur des passants, personne ne réagit.", "Lorsque des bagarres éclatent, tout le village se
    tait." (invented): no act told."""
    verb = _time_clause_verb(head)
    if verb is None:
        return False
    if any(c.dep_.startswith("aux") for c in verb.children):
        return False  # "quand il a frappé", "lorsqu'il a été arrêté": a past act
    return feat(verb, "Tense") == ["Pres"] and feat(verb, "Mood") == ["Ind"]
