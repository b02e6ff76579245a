"""The actor a phrase names directly: the ``Actor`` record, an entity mention as an actor (a capital
or a demonym for its country, a person's surname for their full name), "ce dernier", and a first
person pronoun or possessive inside a quote as its speaker's side.

Leaves of ``veille.events.actors`` (which resolves any noun phrase): nothing here resolves a phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veille.common.fold import lower_nfc
from veille.events.peoples import no_state
from veille.events.view import ArticleView
from veille.events.words import (
    FIRST_PLURAL_POSSESSIVE,
    FIRST_POSSESSIVE,
    LATEST,
    lemma,
    lower_text,
)
from veille.model import Entity


@dataclass
class Actor:
    name: str
    kind: str  # PER / ORG / LOC
    token: int  # token index of the mention
    place: bool = False  # came from a place preposition (visite à Kiev)
    entity: str | None = None  # entity name when the actor is an entity mention
    via: str | None = None  # the descriptor take-up rule that named it (events/topic_person.py)


def entity_actor(view: ArticleView, ent: Entity, tok: int, for_place: bool = False) -> Actor | None:
    if ent.type == "LOC" and ent.name in view.titled_people:
        return Actor(ent.name, "PER", tok, entity=ent.name)
    if ent.type == "LOC" and not for_place:
        name = ent.actor or view.lex.capitals.get(lower_nfc(ent.name))
        if name is None:
            if ent.name in view.lex.countries or lower_nfc(ent.name) in _folded_countries(view):
                name = ent.name
            else:
                return None
        return Actor(canonical(view, name), "LOC", tok, entity=ent.name)
    if ent.type == "LOC":
        return Actor(ent.name, "LOC", tok, place=True, entity=ent.name)
    if ent.actor and not for_place:
        return Actor(canonical(view, ent.actor), ent.type, tok, entity=ent.name)
    if ent.type == "PER":
        return Actor(full_name(view, ent.name), ent.type, tok, entity=ent.name)
    return Actor(ent.name, ent.type, tok, entity=ent.name)


def _folded_countries(view: ArticleView) -> set[str]:
    """``{lower_nfc(c) for c in view.lex.countries}``, remembered per lexicon (and per size of its list)."""
    countries = view.lex.countries
    key = f"folded_countries_{len(countries)}"
    folded = view.lex.memo.get(key)
    if folded is None:
        folded = view.lex.memo[key] = {lower_nfc(c) for c in countries}
    return folded  # type: ignore[no-any-return]


def full_name(view: ArticleView, name: str) -> str:
    """A person named by the surname alone is the one the article named in full: "Varga" ->
    "Lina Varga" (when a single person of the article bears that surname)."""
    if " " in name:
        return name
    fuller = {n for n in view.person_names if n.endswith(" " + name) or n.endswith("-" + name)}
    return fuller.pop() if len(fuller) == 1 else name


def canonical(view: ArticleView, name: str) -> str:
    """A country name as the article's entities spell it, when they do."""
    if name in view.names:
        return name
    folded = lower_nfc(name)
    for n in view.names:
        if lower_nfc(n) == folded:
            return n
    return name


def demonym(view: ArticleView, tok: Any) -> Actor | None:
    country = view.lex.demonyms.get(lower_text(tok)) or view.lex.demonyms.get(lemma(tok))
    if country and tok.pos_ in ("ADJ", "NOUN", "PROPN") and not no_state(tok):  # events/peoples.py
        return Actor(canonical(view, country), "LOC", tok.i)
    return None


def latest_named(view: ArticleView, tok: Any) -> Actor | None:
    """"ce dernier", "celui-ci": the person named last before it."""
    text = lower_text(tok)
    if text not in LATEST:
        return None
    after = "".join(view.doc[j].text for j in range(tok.i + 1, min(tok.i + 3, view.n)))
    demonstrative = any(c.dep_ == "det" and lemma(c) in ("ce", "cet", "cette") for c in tok.children)
    near = lower_nfc(after).lstrip("-").startswith(("ci", "là"))
    if not (demonstrative or near):
        return None
    for j in range(tok.i - 1, max(tok.i - 300, -1), -1):
        ent = view.tok_entity[j]
        if ent is not None and ent.type == "PER":
            return Actor(ent.name, "PER", tok.i, entity=ent.name)
    return None


def possessor(view: ArticleView, det: Any) -> Actor | None:
    text = lower_text(det)
    quote = view.tok_quote[det.i]
    if quote is not None and quote.speaker and text in FIRST_POSSESSIVE:
        return speaker_side(view, quote.speaker, plural=text in FIRST_PLURAL_POSSESSIVE, tok=det.i)
    return None


def speaker_side(view: ArticleView, speaker: str, plural: bool, tok: int) -> Actor:
    if plural and speaker in view.affiliation:
        org = view.affiliation[speaker]
        return Actor(org, "ORG", tok, entity=org)
    kind = next((e.type for e in view.article.entities if e.name == speaker), "PER")
    return Actor(speaker, kind, tok, entity=speaker)
