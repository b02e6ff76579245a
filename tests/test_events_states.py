"""veille.events.states: a bare "l'État" (or "le gouvernement") stands for the country the article
names most, when one clearly leads; not "l'État de droit", not a plural, not a body the article names."""

from __future__ import annotations

from events_support import build
from veille.events.states import bare_state, home_country
from veille.events.view import ArticleView

BELGIAN = "La Belgique a fermé ses frontières. La police belge a arrêté trois hommes. "


def _view(nlp, lex, text: str, entities: list[list[str]]) -> ArticleView:
    art, doc = build({"text": text, "entities": entities}, nlp)
    return ArticleView(lex, art, doc)


def _read(view: ArticleView, word: str) -> str | None:
    return bare_state(view, next(t for t in view.doc if t.text == word))


def test_the_state_is_the_country_named_most(nlp, lex) -> None:
    view = _view(nlp, lex, BELGIAN + "Les familles assignent l'État en justice.", [["Belgique", "LOC"]])
    assert home_country(view) == "Belgique"  # the name and the demonym "belge"
    assert _read(view, "État") == "Belgique"
    assert _read(view, "familles") is None


def test_no_country_leads(nlp, lex) -> None:
    view = _view(nlp, lex, "La Belgique et la Suisse ont signé. Les familles assignent l'État en justice.",
                 [["Belgique", "LOC"], ["Suisse", "LOC"]])
    assert home_country(view) is None and _read(view, "État") is None


def test_complements_plurals_and_named_bodies(nlp, lex) -> None:
    view = _view(nlp, lex, BELGIAN + "Les juges défendent l'État de droit et les États voisins se taisent.",
                 [["Belgique", "LOC"]])
    assert _read(view, "État") is None and _read(view, "États") is None
    government = _view(nlp, lex, BELGIAN + "Le gouvernement a démenti.", [["Belgique", "LOC"]])
    assert _read(government, "gouvernement") == "Belgique"
    named = _view(nlp, lex, BELGIAN + "Le Gouvernement Varga II a démenti.",
                  [["Belgique", "LOC"], ["Gouvernement Varga II", "ORG"]])
    assert _read(named, "Gouvernement") is None  # the article names the body
