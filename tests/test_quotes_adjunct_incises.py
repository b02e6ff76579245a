"""An inverted cue whose auxiliary and participle hold an adjunct written without commas ("», a de son côté
constaté X", "», a pour sa part estimé X", "», a quant à elle déclaré X"): the cue is found and its subject
after the participle speaks, not the speaker carried over from the quote before (issue 16, speakers10).
Invented sentences and people only."""

from __future__ import annotations

import pytest

from conftest import quote_direct
from veille.quotes.cues import ADJUNCT_WORDS

PEOPLE = (("Paul Arnaud", "PER"), ("Claire Dubois", "PER"))
LEAD = "Le maire de Vienne, Paul Arnaud, a présenté le budget mardi. « Nous tiendrons nos promesses », a-t-il assuré. "


@pytest.mark.parametrize("incise", [
    "a de son côté constaté la conseillère Claire Dubois",
    "a pour sa part estimé la conseillère Claire Dubois",
    "a quant à elle déclaré la conseillère Claire Dubois",
    "a de son côté réagi Claire Dubois, élue d'opposition",
])
def test_an_adjunct_between_auxiliary_and_participle_keeps_the_incise(nlp, incise):
    got = quote_direct(nlp, [LEAD + f"« Rien n'est encore joué », {incise}."], PEOPLE)
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Claire Dubois"]


def test_the_comma_aside_is_still_read(nlp):
    got = quote_direct(nlp, [LEAD + "« Rien n'est encore joué », a, de son côté, estimé la conseillère Claire Dubois."],
                       PEOPLE)
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Claire Dubois"]


def test_a_negated_cue_with_an_adverb_stays_negated(nlp):
    # "n'a pas encore dit": negation, no report; the quote after it keeps its own incise
    got = quote_direct(nlp, ["Claire Dubois n'a pas encore dit si elle viendrait. « Nous verrons », a répondu "
                             "Paul Arnaud."], PEOPLE)
    assert got == [("Nous verrons", "Paul Arnaud", "person_in_subject")]


def test_adjunct_length_is_bounded():
    assert ADJUNCT_WORDS == 3  # "quant à elle", "de son côté": no longer stretch is read as an adjunct


@pytest.mark.parametrize("incise", [
    "a d'ailleurs rappelé la conseillère Claire Dubois",  # a multiword adverb
    "a ainsi résumé la conseillère Claire Dubois",
])
def test_an_adverb_between_auxiliary_and_participle_keeps_the_incise(nlp, incise):
    got = quote_direct(nlp, [LEAD + f"« Rien n'est encore joué », {incise}."], PEOPLE)
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Claire Dubois"]


@pytest.mark.parametrize("incise", [
    "a toutefois tempéré la conseillère Claire Dubois",  # the tagger reads "tempéré" as an adjective
    "a de son côté tempéré la conseillère Claire Dubois",
])
def test_a_participle_read_as_an_adjective_after_the_auxiliary_is_an_incise(nlp, incise):
    got = quote_direct(nlp, [LEAD + f"« Rien n'est encore joué », {incise}."], PEOPLE)
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Claire Dubois"]

