"""veille.events.relatives: who a relative pronoun stands for (the noun its clause hangs on, else
the name right before it)."""

from __future__ import annotations

from events_support import build
from veille.events.actors import resolve
from veille.events.relatives import antecedent, name_before_relative
from veille.events.view import ArticleView


def _qui(nlp, lex, text: str, entities: list):
    art, doc = build({"text": text, "entities": entities}, nlp)
    view = ArticleView(lex, art, doc)
    return view, next(t for t in doc if t.text == "qui")


def test_the_acronym_before_the_relative(nlp, lex) -> None:
    view, rel = _qui(nlp, lex, "Le comité de soutien aux pêcheurs (CSP), qui salue la décision, attend la suite.",
                     [["CSP", "ORG"]])
    assert antecedent(view, rel, resolve).name == "CSP"


def test_the_name_just_before_the_pronoun(nlp, lex) -> None:
    view, rel = _qui(nlp, lex, "« Il faut agir », a lancé Ana Ruiz, qui a appelé ses alliés à réagir.",
                     [["Ana Ruiz", "PER"]])
    assert name_before_relative(view, rel, resolve).name == "Ana Ruiz"
    plain, rel = _qui(nlp, lex, "Les élus qui ont voté contre sont partis.", [])
    assert name_before_relative(plain, rel, resolve) is None
