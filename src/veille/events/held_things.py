"""Drop rule of the events stage for verbs of arrest and custody used of a thing (issue 13, precision,
helper evprec2), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). "arrêter",
"détenir", "retenir", "appréhender", "interpeller" tell an arrest only of people: "la fabrication a été
arrêtée", "le monopole est détenu par X", "les faits retenus contre lui", "appréhender une question",
"ça l'a interpellé" tell no act of force. Cues in ``lexicons/events/sense_cues.tsv``:

* ``held_verb``: the verbs of arrest and custody that have a thing sense;
* ``held_thing``: a noun that, as what such a verb stops or holds, is a thing (its object, its
  passive subject, the noun a relative "qui"/"que" stands for, or the subject of the clause a bare
  passive infinitive hangs on: "avant d'être stoppée");
* ``thing_pronoun``: a pronoun subject that stands for a thing ("ça", "cela").

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.walks import has_child
from veille.events.words import lemma

_CUES = groups("events/sense_cues.tsv")
HELD_VERBS = _CUES["held_verb"]
HELD_THINGS = _CUES["held_thing"]
THING_PRONOUNS = _CUES["thing_pronoun"]
_RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles"})
_CLIMB = frozenset({"xcomp", "advcl", "conj"})


def _stands_for(tok: Any) -> Any:
    """The noun a relative pronoun stands for ("les faits qui sont retenus": "faits"), else the token."""
    if tok.lower_ in _RELATIVES and tok.head.dep_ == "acl:relcl":
        return tok.head.head
    return tok


def _undergoer(head: Any) -> Any | None:
    """What the verb stops or holds: its object or passive subject, else, for a passive or participle
    with neither, the subject of the clause it hangs on or the noun it qualifies."""
    for c in head.children:
        if c.dep_ in ("obj", "nsubj:pass"):
            return _stands_for(c)
    if head.dep_ == "acl" and head.head.pos_ == "NOUN":
        return head.head  # "la fabrication arrêtée l'an dernier"
    if not has_child(head, ("aux:pass",)):
        return None
    verb = head
    for _ in range(3):  # "avant d'être arrêtée": the subject of the verb the clause hangs on
        if verb.dep_ not in _CLIMB or verb.head.i == verb.i:
            return None
        verb = verb.head
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubj:pass"):
                return _stands_for(c)
    return None


def held_thing(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"La fabrication des moteurs a été arrêtée l'an dernier.", "Le record est détenu par Léa Tamar.",
    "Les faits retenus contre Paul Vidal", "appréhender la question de l'eau", "Ça l'a interpellé."
    (invented): no arrest. "Paul Vidal a été arrêté mardi." keeps its event."""
    trig = cand.trigger
    if trig.type != "COERCE" or trig.kind != "verb" or lemma(head) not in HELD_VERBS:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in THING_PRONOUNS for c in head.children):
        return True
    thing = _undergoer(head)
    return thing is not None and thing.pos_ == "NOUN" and view.tok_entity[thing.i] is None \
        and lemma(thing) in HELD_THINGS
