"""Who acts and who undergoes: the rules that decide an event's source and its target.

Each rule has a name (it goes into the DEBUG log and, with ``settings.explain``, into
``Event.rule``) and a docstring with an invented example. Rules are tried in the order of their list:

* ``VERB_SOURCE_RULES``: the agent of a verb (first rule that applies decides, even "nobody");
* ``SOURCE_RULES``: an event's source, from its trigger (verb, receiving verb, event noun);
* ``VERB_TARGET_RULES`` / ``NOUN_TARGET_RULES``: its target (first rule that finds one wins);
* ``SOURCE_REVISIONS``: applied after the target, in order: a missing source taken from the
  speaker or the announcer, an order to one's own forces, an unnamed crowd.

The lists live by rule family: ``agents`` (the agent of a verb), ``source_rules`` (an event's source
and its revisions), ``target_rules`` (its target); this module runs them in order. To change who an
event's source or target is, change (or insert) a rule in its family's list.
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import Actor
from veille.events.agents import VERB_SOURCE_RULES, announcer, verb_source
from veille.events.roles import Roles
from veille.events.source_rules import SOURCE_REVISIONS, SOURCE_RULES
from veille.events.target_rules import NOUN_TARGET_RULES, VERB_TARGET_RULES
from veille.events.triggers import Candidate
from veille.events.view import ArticleView

__all__ = ["NOUN_TARGET_RULES", "SOURCE_REVISIONS", "SOURCE_RULES", "VERB_SOURCE_RULES", "VERB_TARGET_RULES",
           "Roles", "announcer", "decide_roles", "target_rule_of", "verb_source"]


# ------------------------------------------------------------------------------------------------
# All together


def decide_roles(view: ArticleView, cand: Candidate, head: Any, gov: Any) -> Roles:
    """Source, then target, then the revisions of the source, each from its ordered list."""
    r = Roles(view, cand, head, gov=gov, verbal=cand.trigger.kind == "verb" or head.pos_ == "VERB")
    for rule in SOURCE_RULES:
        found = rule(r)
        if found is not None:
            r.source = found
            break
    for target_rule in VERB_TARGET_RULES if r.verbal else NOUN_TARGET_RULES:
        hit = target_rule(r)
        if hit is not None:
            r.targets, r.target_rule = hit
            for actor in r.targets:
                r.target_labels.setdefault(actor.token, r.target_rule)
            break
    for rule in SOURCE_REVISIONS:
        found = rule(r)
        if found is not None:
            r.source = found
    return r


def target_rule_of(r: Roles, target: Actor | None) -> str:
    """The rule that found this target (``none`` without one)."""
    return "none" if target is None else r.target_labels.get(target.token, r.target_rule)
