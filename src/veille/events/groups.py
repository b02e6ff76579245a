"""Plural phrases and the named actors they take up: a counted plural noun takes up the
coordination written just before it; a plural pronoun no person named alone.

The press names two or three actors together, then calls them by a counted noun: "Le débat entre
Lina Varga et Paul Durand s'est tenu … avec des attaques personnelles des deux candidats", "Le parti
Alpha et le parti Bêta soutiennent le texte. … les deux partis ont décidé de …". The noun stands for
the actors of that coordination: the latest one, before it in its sentence or in the two sentences
before, of exactly that many distinct named actors of the noun's kind (people, bodies, countries:
``lexicons/events/group_nouns.tsv``). A bare count ("deux partis ont signé") introduces new actors
and takes up nobody; so does a coordination of actors of another kind or of another size.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.lexicon import groups
from veille.events.apposed import comma_conj
from veille.events.words import feat, lower_text

_WORDS = groups("events/group_nouns.tsv")
COUNTS = {**{w: 2 for w in _WORDS["count_2"]}, **{w: 3 for w in _WORDS["count_3"]}}
KINDS = {**{w: "PER" for w in _WORDS["person"]}, **{w: "ORG" for w in _WORDS["body"]},
         **{w: "LOC" for w in _WORDS["country"]}}
TAKE_UP_DETS = frozenset({"les", "ces"})
TAKE_UP_CASES = frozenset({"des", "aux"})  # "des deux candidats": de + les
SENTENCES_BACK = 2


def counted_group(view: Any, tok: Any, entity_actor: Callable[..., Any]) -> list[Any]:
    """The actors a counted plural noun takes up ("les deux partis" -> the two parties coordinated
    just before); [] when it takes up none. ``entity_actor`` is ``actors.entity_actor`` (passed in:
    actors calls this module)."""
    kind = KINDS.get(lower_text(tok))
    if kind is None or tok.pos_ != "NOUN" or feat(tok, "Number") == ["Sing"]:
        return []
    count, definite = 0, False
    for c in tok.children:
        text = lower_text(c)
        if c.dep_ == "nummod" and text in COUNTS and c.i < tok.i:
            count = COUNTS[text]
        elif (c.dep_ == "det" and text in TAKE_UP_DETS) or (c.dep_ == "case" and text in TAKE_UP_CASES):
            definite = True
    if not count or not definite:
        return []
    return _latest_coordination(view, tok, kind, count, entity_actor)


def _latest_coordination(view: Any, tok: Any, kind: str, count: int,
                         entity_actor: Callable[..., Any]) -> list[Any]:
    doc = tok.doc
    sent = tok.sent
    start = sent.start
    for _ in range(SENTENCES_BACK):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for i in range(tok.i - 1, start - 1, -1):
        t = doc[i]
        ent = view.tok_entity[i]
        if ent is None or t.dep_ == "conj" or not _kind_ok(view, ent, kind):
            continue
        members = [(ent, i)]
        for c in t.children:
            other = view.tok_entity[c.i] if c.dep_ == "conj" else None
            if other is not None and _kind_ok(view, other, kind):
                members.append((other, c.i))
        names = {e.name for e, _ in members}
        if len(names) < 2:
            continue  # a name alone, or a coordination the parser hung elsewhere
        if len(names) != count:
            return []  # the latest coordination names another number of actors
        actors = []
        for e, j in members:
            actor = entity_actor(view, e, j)
            if actor is not None and actor.name not in {a.name for a in actors}:
                actor.token = tok.i
                actors.append(actor)
        return actors if len(actors) == count else []
    return []


def _kind_ok(view: Any, ent: Any, kind: str) -> bool:
    return ent.type == kind  # (a place that is no country gives no actor: the group is then left)


def lone_person(view: Any, singular: bool, pos: int, actor: Any) -> bool:
    """A plural "ils"/"elles" does not take up a person named alone as a subject: "Lina Varga a
    porté plainte. […] Ils ont demandé …" is someone else (several people); a person coordinated
    with others ("Lina Varga et Paul Durand … Ils") and a body or a country may be taken up."""
    if singular or actor.kind != "PER":
        return False
    # (a name the parser coordinated with its title by a comma is the same person: events/apposed.py)
    return not any(c.dep_ == "conj" and not comma_conj(c) for c in view.doc[pos].children)
