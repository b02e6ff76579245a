"""A reaction a thing or a person draws (issue 13, recall of REJECT, ACCUSE, PROTEST, SUPPORT):
"Le projet du maire Marc Olivar suscite l'opposition du syndicat Forge." -> REJECT Forge -> Marc
Olivar. The reaction noun is the object of a causing verb (``cause`` of
``lexicons/events/reaction_verbs.tsv``: susciter, provoquer, soulever, déclencher); its own rules
find who reacts in its "de" phrase; what they react to is the verb's subject, whose actor (the
subject itself, or the one it belongs to: "le projet du maire") is the target. Without this the
noun was dropped as a bare background noun (no target), and without a named reactor ("suscite
l'opposition de plusieurs associations") the event was lost though the gold codes it with a null
source, as it codes unnamed groups.
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import Actor, resolve
from veille.events.reaction_words import CAUSE_VERBS, REACTION_TYPES
from veille.events.roles import Found, Roles
from veille.events.words import SUBJ, lemma


def cause_verb(cand: Any, head: Any) -> Any | None:
    """The causing verb whose object is this reaction noun, else None."""
    if cand.trigger.kind != "noun" or cand.trigger.type not in REACTION_TYPES or head.dep_ != "obj":
        return None
    verb = head.head
    return verb if verb.pos_ == "VERB" and lemma(verb) in CAUSE_VERBS else None


def _subject_actor(view: Any, verb: Any, source: Actor | None) -> list[Actor]:
    """The actor of the causing verb's subject, or of the one it belongs to ("le projet du maire")."""
    for c in verb.children:
        if c.dep_ not in SUBJ or c.pos_ == "PRON":
            continue
        found = resolve(view, c, with_conj=False)
        if not found:  # "le projet du maire": the one the thing belongs to
            for t in c.subtree:
                if t.dep_ == "nmod" and t.head.i == c.i:
                    found = resolve(view, t, with_conj=False)
                    break
        return [a for a in found if source is None or a.name != source.name][:1]
    return []


def reaction_roles(roles: Roles, verb: Any) -> None:
    """The reaction's target: the causing verb's subject (or its owner), when the rules found none.
    The subject is never the one who reacts ("La réforme de X a provoqué les protestations des
    enseignants": the teachers protest against X, unnamed): a source the rules took from it is dropped."""
    caused_by = _subject_actor(roles.view, verb, None)
    source = roles.source.actor
    if roles.source.rule.startswith(("object-of", "support-verb")) or (
            source is not None and any(a.name == source.name for a in caused_by)):
        roles.source = Found(None, "reaction-unnamed")  # "X a déclenché un tollé": X is blamed
    if not roles.targets:
        roles.targets = [a for a in caused_by if roles.source.actor is None or a.name != roles.source.actor.name]
        if roles.targets:
            roles.target_rule = "reaction-cause"
