"""veille.events.pronouns: a subject pronoun takes up the person named before it."""

from __future__ import annotations

from events_support import build
from veille.events.actors import resolve
from veille.events.pronouns import pronoun
from veille.events.view import ArticleView


def test_elle_takes_up_the_woman_named_before(nlp, lex) -> None:
    art, doc = build({"text": "Léa Tamar est arrivée mardi à Porvic. Elle a accusé la préfecture de mentir.",
                      "entities": [["Léa Tamar", "PER"], ["Porvic", "LOC"]]}, nlp)
    view = ArticleView(lex, art, doc)
    she = next(t for t in doc if t.text == "Elle")
    actor = pronoun(view, she, resolve)
    assert (actor.name, actor.kind) == ("Léa Tamar", "PER")
    assert pronoun(view, next(t for t in doc if t.text == "préfecture"), resolve) is None  # no pronoun
