"""A speech act told by its noun with its doer named inside the noun phrase: "le refus de X",
"l'appel de X à …", "la condamnation de l'attaque par X", "les critiques de X". Such a noun is news
told even with no target and no verb of its own to date it, unlike a bare event noun ("depuis
l'invasion", "les combats se poursuivent"), which the coder keeps as background.
"""

from __future__ import annotations

from typing import Any

from veille.events.roles import Roles
from veille.events.speech_events import SPOKEN_TYPES
from veille.events.view import case
from veille.events.words import LANDMARK_PREPS

# The source rules that read the doer inside the noun phrase itself ("de X", "par X").
NOUN_DOER_RULES = frozenset({"noun:de", "noun:par"})


def told_speech_act(head: Any, roles: Roles) -> bool:
    """True for a noun of a spoken type whose doer its own "de"/"par" phrase names, not used as a
    landmark of time ("depuis l'appel de X" dates another event)."""
    if roles.cand.trigger.type not in SPOKEN_TYPES or roles.source.actor is None:
        return False
    if roles.source.rule not in NOUN_DOER_RULES:
        return False
    return case(head) not in LANDMARK_PREPS
