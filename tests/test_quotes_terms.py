"""veille.quotes.terms: a short phrase the writer sets apart in marks is no quote; the object of a cue is."""

from __future__ import annotations

from quotes_support import quotes_found

PEOPLE = {"Paul Arnaud": "PER", "Léa Morvan": "PER", "Valmorin": "LOC"}


def test_the_object_of_a_cue_is_speech(nlp) -> None:
    found = quotes_found(nlp, ["Paul Arnaud a dénoncé une « trahison » du conseil de Valmorin."], PEOPLE)
    assert [(k, t, s) for k, t, s, _ in found] == [("direct", "trahison", "Paul Arnaud")]


def test_a_term_set_apart_is_no_direct_quote(nlp) -> None:
    found = quotes_found(nlp, ["Léa Morvan défend la « sobriété heureuse », a-t-elle dit à Valmorin."], PEOPLE)
    assert not [t for k, t, _, _ in found if k == "direct"]
