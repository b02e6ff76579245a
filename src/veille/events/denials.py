"""Denials told by a statement verb: "X a affirmé qu'il n'avait pas …", "X assure ne pas avoir …".

The annotation guidelines code a denial (of guilt, of a fact laid at one's door, an accused or his
lawyer asserting the offence is not made out) as REJECT with a null target. French news often tells
it with a plain statement verb whose complement is negated; the statement verb is an event only
then (trigger option ``denial=1``, lines in ``lexicons/events/recall_triggers.tsv``). A negated
future or conditional ("a assuré que la France n'enverrait pas de troupes") is a promise or a
forecast, not a denial.
"""

from __future__ import annotations

from typing import Any

from veille.events.words import DE_WORDS, NEGATION_PARTICLES, feat, lemma, lower_text

# The slots of a verb's complement clause: "affirme qu'il n'a pas …" (ccomp), "affirme ne pas
# avoir …" (xcomp); a "que" clause the parser hung as adverbial after a date ("a assuré lundi que …").
COMPLEMENT_DEPS = ("ccomp", "xcomp")
THAT = "que"


def _negated(tok: Any, negations: set[str]) -> bool:
    kids = list(tok.children)
    return any(lower_text(c) in NEGATION_PARTICLES for c in kids) and any(lemma(c) in negations for c in kids)


def _forward(tok: Any) -> bool:
    """A future or a conditional (on the verb or its auxiliary): what will or would be."""
    verbs = [tok, *(c for c in tok.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
    return any(feat(v, "Tense") == ["Fut"] or feat(v, "Mood") == ["Cnd"] for v in verbs)


def negated_complement(tok: Any, negations: set[str]) -> bool:
    """Whether a statement verb's complement clause denies a past or present fact: "a affirmé qu'il
    n'avait pas signé", "affirme ne pas avoir touché", "assure que la cargaison ne contenait pas".
    ``negations``: the negation words of ``lexicons/event_modes.tsv`` (pas, jamais, aucun…)."""
    if _negated(tok, negations):
        return False  # "n'a pas affirmé que …": no statement
    for c in tok.children:
        if c.dep_ == "xcomp" and any(m.dep_ == "mark" and lemma(m) in DE_WORDS for m in c.children):
            continue  # "jure de ne pas recommencer": a vow, not a denial
        complement = c.dep_ in COMPLEMENT_DEPS or (
            c.dep_ == "advcl" and lemma(c.left_edge) == THAT)
        if complement and _negated(c, negations) and not _forward(c):
            return True
    return False
