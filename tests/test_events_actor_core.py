"""veille.events.actor_core: the actor a phrase names directly (an entity, a demonym, "ce dernier",
a first-person possessive inside a quote)."""

from __future__ import annotations

from events_support import build
from veille.events.actor_core import (
    canonical,
    demonym,
    entity_actor,
    full_name,
    latest_named,
    possessor,
    speaker_side,
)
from veille.events.view import ArticleView


def _view(nlp, lex, text: str, entities: list, quotes: list | None = None) -> ArticleView:
    art, doc = build({"text": text, "entities": entities, "quotes": quotes or []}, nlp)
    return ArticleView(lex, art, doc)


def _tok(view: ArticleView, word: str):
    return next(t for t in view.doc if t.text == word)


def test_entities_as_actors(nlp, lex) -> None:
    view = _view(nlp, lex, "La Belgique a protesté à Porvic. Tamar a répondu. Léa Tamar est ministre.",
                 [["Belgique", "LOC"], ["Porvic", "LOC"], ["Léa Tamar", "PER", ["Tamar"]]])
    belgium, porvic, tamar = view.article.entities
    assert (entity_actor(view, belgium, 1).name, entity_actor(view, belgium, 1).kind) == ("Belgique", "LOC")
    assert entity_actor(view, porvic, 5) is None  # a town is no actor of its own
    as_place = entity_actor(view, porvic, 5, for_place=True)
    assert (as_place.name, as_place.place) == ("Porvic", True)
    assert entity_actor(view, tamar, 7).name == "Léa Tamar"
    assert full_name(view, "Tamar") == "Léa Tamar" and full_name(view, "Durand") == "Durand"
    assert canonical(view, "belgique") == "Belgique"


def test_demonym_and_ce_dernier(nlp, lex) -> None:
    view = _view(nlp, lex, "Les autorités belges ont écrit à Léa Tamar. Ce dernier a répondu.", [["Léa Tamar", "PER"]])
    assert demonym(view, _tok(view, "belges")).name == "Belgique"
    assert demonym(view, _tok(view, "autorités")) is None
    assert latest_named(view, _tok(view, "dernier")).name == "Léa Tamar"
    assert latest_named(view, _tok(view, "autorités")) is None


def test_first_person_possessive_in_a_quote(nlp, lex) -> None:
    view = _view(nlp, lex, "« Notre pays ne cédera pas », a dit Léa Tamar.", [["Léa Tamar", "PER"]],
                 quotes=[("Notre pays ne cédera pas", "Léa Tamar")])
    assert possessor(view, _tok(view, "Notre")).name == "Léa Tamar"
    assert possessor(view, _tok(view, "pays")) is None
    assert speaker_side(view, "Léa Tamar", plural=False, tok=0).kind == "PER"
