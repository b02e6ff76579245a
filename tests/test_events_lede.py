"""veille.events.lede: the unnamed victim of a lede is the person the next sentences name first; a
person named right before a title the parser made the subject is that subject."""

from __future__ import annotations

from events_support import build
from veille.events.lede import apposed_person, lede_person
from veille.events.view import ArticleView
from veille.events.words import PERSON_TITLES

PEOPLE = [["Hugo Lannuzel", "PER"], ["Porvic", "LOC"]]


def _view(nlp, lex, text: str, entities: list) -> ArticleView:
    art, doc = build({"text": text, "entities": entities}, nlp)
    return ArticleView(lex, art, doc)


def _person(view: ArticleView, lemma: str):
    return lede_person(view, next(t for t in view.doc if t.lemma_ == lemma))


def test_the_lede_victim_is_named_next(nlp, lex) -> None:
    view = _view(nlp, lex, "Un gendarme a été blessé à Porvic. Le brigadier Hugo Lannuzel patrouillait seul.", PEOPLE)
    assert _person(view, "gendarme").name == "Hugo Lannuzel"


def test_only_in_the_first_sentence_and_only_one_person(nlp, lex) -> None:
    later = _view(nlp, lex, "Le préfet a réagi lundi. Un gendarme a été blessé à Porvic. "
                            "Le brigadier Hugo Lannuzel patrouillait seul.", PEOPLE)
    assert _person(later, "gendarme") is None
    several = _view(nlp, lex, "Des gendarmes ont été blessés à Porvic. Le brigadier Hugo Lannuzel patrouillait seul.",
                    PEOPLE)
    assert _person(several, "gendarme") is None


def test_a_name_before_its_title(nlp, lex) -> None:
    view = _view(nlp, lex, "Hugo Lannuzel, l'avocat de la défense, a demandé un report.", PEOPLE)
    lawyer = next(t for t in view.doc if t.text == "avocat")
    assert apposed_person(view, lawyer, PERSON_TITLES).name == "Hugo Lannuzel"
    assert apposed_person(view, lawyer, frozenset()) is None  # not a title of the list
