"""An event's target written as an object or dative clitic of its verb whose antecedent the rules
left unread (issue 13, helper evclitic).

"Lina Varga a parlé lundi. Le syndicat l'a accusée de mentir." -> ACCUSE syndicat -> Lina Varga;
"Le maire Paul Durand est arrivé. Les grévistes lui ont demandé de partir." -> REQUEST -> Paul Durand.
The resolver of ``actors.pronoun`` reads "l'" only as the subject of a governing clause, and a
target it found in the clitic that is the event's own source is dropped (``binding``): such events
were left without a target. Called by ``coder.Coder._code`` when the target rules found none.

The antecedent is the nearest person or body named before the clitic, in its sentence or the one
before, that agrees with it: gender and number as the clitic shows them ("la", "les") or as the past
participle agreeing with a direct object before "avoir" shows them ("l'a accusée": feminine); a
lone person is singular; an organisation takes the gender and number of the article before its name
when one is written. Never the event's source nor a name inside its verb's subject (a clitic is not
its own clause's subject; the reflexive would be "se"). The clitics and what they show are in
``lexicons/events/clitic_agreement.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.events.actor_core import Actor, entity_actor
from veille.events.clitic_words import CLITICS, ENDINGS, PATIENT_OBJECT_TYPES
from veille.events.roles import Roles
from veille.events.words import SUBJ, feat, lower_text, sent_start

RULE = "clitic-antecedent"
KINDS = ("PER", "ORG")  # a person or a body: a place is written as such ("y", "là")
# the roles a name takes up by a clitic holds in its own clause: a name inside another noun's phrase
# ("les liens de X avec la secte Y") is not what "l'" takes up
CORE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg"})
# a clause "comme l'exige X", "ainsi que le soutient Y": the clitic stands for what was said
NEUTER_MARKS = frozenset({"comme", "ainsi"})
# the article written before a body's name: what it shows of its gender and number
ARTICLES = {"le": ("Masc", "Sing"), "du": ("Masc", "Sing"), "au": ("Masc", "Sing"), "la": ("Fem", "Sing"),
            "les": (None, "Plur"), "des": (None, "Plur"), "aux": (None, "Plur")}


def _clitic(head: Any, case_ok: Any) -> Any | None:
    """The object or dative clitic of ``head``'s own clause, written before it."""
    for c in head.children:
        low = lower_text(c)
        if c.pos_ == "PRON" and c.i < head.i and low in CLITICS and c.dep_ in ("obj", "iobj", "obl:arg", "obl") \
                and case_ok(CLITICS[low][2]):
            return c
    return None


def _shown(head: Any, clitic: Any) -> tuple[str | None, str]:
    """Gender and number of the antecedent as the clitic, or the participle agreeing with it, shows them."""
    gender, number, kind = CLITICS[lower_text(clitic)]
    with_avoir = any(c.dep_.startswith("aux") and c.lemma_ == "avoir" for c in head.children)
    if kind == "obj" and with_avoir and feat(head, "VerbForm") == ["Part"]:
        low = lower_text(head)
        shown = next((gn for end, gn in ENDINGS if low.endswith(end)), None)
        if shown is not None:
            return gender or shown[0], shown[1]
    return gender, number


def _agrees(view: Any, actor: Actor, start: int, gender: str | None, number: str) -> bool:
    if actor.kind == "PER":
        g = view.genders.get(actor.name)
        return number == "Sing" and not (gender and g and g != gender)
    art = ARTICLES.get(lower_text(view.doc[start - 1])) if start > 0 else None
    if art is None:  # a body named bare ("l'OTAN", "Renault") is one; its gender is not shown
        return number == "Sing" and not gender
    return art[1] == number and not (gender and art[0] and art[0] != gender)


def _core(doc: Any, first: int, last: int) -> bool:
    """The name from ``first`` to ``last`` is a subject, an object or an agent of its verb (or set
    beside one, as an apposition or a title's name)."""
    root = next((doc[k] for k in range(first, last + 1) if not first <= doc[k].head.i <= last), doc[first])
    if root.dep_ in ("appos", "flat:name", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
            and not first <= root.head.i <= last and root.head.dep_ in CORE_DEPS:
        return root.dep_ != "nmod" or root.head.pos_ == "NOUN" and root.i == root.head.i + 1
    return root.dep_ in CORE_DEPS


def _subject_tokens(head: Any) -> set[int]:
    """Tokens of the subjects of ``head`` and of the verbs whose infinitive it is (its controller)."""
    out: set[int] = set()
    tok = head
    for _ in range(3):
        out.update(t.i for c in tok.children if c.dep_ in SUBJ for t in c.subtree)
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
    return out


def clitic_target(roles: Roles) -> None:
    """Sets the target of a verbal event left without one to its clitic's antecedent (see the module)."""
    if not roles.verbal or roles.targets:
        return
    view, head, trig = roles.view, roles.head, roles.cand.trigger
    objects = trig.type in PATIENT_OBJECT_TYPES or trig.obj_actor == "PER"
    if any(c.dep_ == "mark" and lower_text(c) in NEUTER_MARKS for c in head.children):
        return
    datives = "à" in view.lex.target_preps.get(trig.type, set())
    clitic = _clitic(head, lambda case: objects if case == "obj" else datives)
    if clitic is None:
        return
    gender, number = _shown(head, clitic)
    source = lower_nfc(roles.source.actor.name) if roles.source.actor is not None else None
    banned = _subject_tokens(head)
    start = sent_start(clitic)
    stop = sent_start(view.doc[start - 1]) if start > 0 else start
    j = clitic.i - 1
    while j >= stop:
        ent = view.tok_entity[j]
        if ent is None:
            j -= 1
            continue
        first = j
        while first > 0 and view.tok_entity[first - 1] is ent:
            first -= 1
        actor = entity_actor(view, ent, clitic.i)
        if actor is not None and actor.kind in KINDS and first not in banned and j not in banned \
                and _core(view.doc, first, j) and lower_nfc(actor.name) != source \
                and _agrees(view, actor, first, gender, number):
            roles.targets = [Actor(actor.name, actor.kind, clitic.i, entity=actor.entity)]
            roles.target_rule = RULE
            roles.target_labels[clitic.i] = RULE
            return
        j = first - 1
