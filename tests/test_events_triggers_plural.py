"""veille.events.triggers: nouns that are acts only in the plural (``plural=1``), invented sentences."""

from __future__ import annotations

from events_support import build
from veille.events.triggers import find_triggers
from veille.events.view import ArticleView

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"]]


def _types(nlp, lex, text: str) -> list[str]:
    art, doc = build({"text": text, "entities": ENTITIES}, nlp)
    view = ArticleView(lex, art, doc)
    return [trig.type for sent in doc.sents for trig, _, _ in find_triggers(view, sent)]


def test_hostilities_are_fighting_hostility_is_an_attitude(nlp, lex):
    assert "ASSAULT" in _types(nlp, lex, "Les hostilités entre la Moldavie et la Géorgie ont repris lundi.")
    assert "ASSAULT" not in _types(nlp, lex, "L'hostilité de la Moldavie envers la Géorgie reste forte.")
