"""The words of ``veille.events.reactions`` (``lexicons/events/reaction_verbs.tsv``) and the test the
trigger finder asks of a reaction noun, kept apart so that ``events/triggers.py`` reads them without
the actor rules."""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import rows
from veille.events.words import lemma

_ROWS = rows("events/reaction_verbs.tsv", min_columns=2)
CAUSE_VERBS = frozenset(r[1] for r in _ROWS if r[0] == "cause")
REACTION_TYPES = frozenset(r[1].upper() for r in _ROWS if r[0] == "type")


def drawn_reaction(trig: Any, tok: Any, readings: list[Any]) -> bool:
    """A reaction noun drawn by a causing verb is that reaction whatever its own complements: "Ce
    projet suscite l'opposition de trois associations" (the opposition's object is the subject,
    where the noun's own lines look for it after the noun, "l'opposition à X"). A constrained line
    only when the word has no unconstrained reaction line among its ``readings`` ("les
    protestations" drawn by a reform are a protest, not the diplomatic protest "auprès de X")."""
    if trig.kind != "noun" or trig.type not in REACTION_TYPES or tok.dep_ != "obj" or tok.head.i == tok.i:
        return False
    if trig.constrained and any(not t.constrained and t.type in REACTION_TYPES for t in readings):
        return False
    verb = tok.head
    return verb.pos_ == "VERB" and lemma(verb) in CAUSE_VERBS and not trig.plural
