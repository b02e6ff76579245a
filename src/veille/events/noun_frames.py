"""Which role an event noun's "de X" complement plays: its doer or what undergoes the act.

French nouns made from a transitive verb take the verb's object as their "de" complement ("la
condamnation de X" is X condemned; "la libération des otages", the hostages freed), their doer
then being "par X" or "de la part de X"; the other event nouns take their doer there ("la visite
de X", "l'appel de X à Y"). The nouns of the first kind, by PLOVER type, are data in
``lexicons/events/noun_frames.tsv``, each with an invented example; a noun not listed keeps its
trigger line's ``de=`` option.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import rows
from veille.events.lexicon import Trigger
from veille.events.view import case
from veille.events.words import OF_PREPS, lemma

FRAMES: dict[tuple[str, str], str] = {(noun, kind): role for noun, kind, role, *_ in rows("events/noun_frames.tsv", 4)}


def de_role(noun: Any, trig: Trigger) -> str:
    """``patient`` or ``agent``: the role of the event noun's "de X" complement.
    "La condamnation de Paul Vidal par Jean Morel" -> patient (Jean Morel condemns Paul Vidal)."""
    word = lemma(noun)
    return FRAMES.get((word, trig.type)) or FRAMES.get((word, "*")) or trig.de_role


def on_behalf(c: Any) -> Any | None:
    """The "X" of "de la part de X" hung on an event noun: its doer whatever the noun's frame.
    "une répression sévère de la part de Morlande" -> Morlande."""
    if lemma(c) != "part" or case(c) not in OF_PREPS:
        return None
    for g in c.children:
        if g.dep_ == "nmod" and case(g) in OF_PREPS:
            return g
    return None
