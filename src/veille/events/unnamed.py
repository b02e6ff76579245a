"""Events whose agent the text does not name: "Le journaliste Paul Marne a été arrêté mardi."

News writing often reports a harm, an arrest or a charge in the passive with no "par X" agent, or as
a noun whose patient alone is named ("l'arrestation de Paul Marne"). The act still happened to a
named target; the record keeps it with a null source (what "not named" means in the schema) instead
of dropping it. Only for acts that are done *to* someone, where the target alone is informative.
"""

from __future__ import annotations

from veille.events.actor_rules import Roles
from veille.events.actors import Actor
from veille.events.roles import Found
from veille.events.view import agent, passive

UNNAMED_AGENT_TYPES = frozenset({"ASSAULT", "COERCE", "ACCUSE", "SANCTION"})
RULE = "unnamed-agent"


def unnamed_agent(roles: Roles) -> bool:
    """Gives ``roles`` a null source when the act is told without its agent; True when it did."""
    head = roles.head
    if roles.source.actor is not None or not roles.targets:
        return False
    if roles.cand.trigger.type not in UNNAMED_AGENT_TYPES:
        return False
    agentless_passive = head.pos_ == "VERB" and passive(head) and agent(head) is None
    patient_noun = (head.pos_ == "NOUN" and roles.cand.trigger.de_role == "patient"
                    and bool(roles.noun_targets))
    if not (agentless_passive or patient_noun):
        return False
    roles.anonymous = True
    roles.source = Found(Actor("", "ORG", head.i), RULE)
    return True
