"""A work's title after the noun of its kind is no entity; the feasts' greetings are no names
(issue 16, helper entextra; invented sentences only)."""

from __future__ import annotations

import pytest

from entities_support import entities_by_name
from veille.entities.work_titles import work_title_names, work_title_spans


@pytest.mark.parametrize("text, titles", [
    ("L'exposition Hivernales ouvre au musée de Brivac.", ["Hivernales"]),
    ("Vendredi à 18 h, spectacle musical : « Les Lanternes de Brivac ».", ["« Les Lanternes de Brivac »"]),
    ("Ce soir, le document \"Brigade Ouest : une nuit à Valmont\" est au sommaire.",
     ["\"Brigade Ouest : une nuit à Valmont\""]),
    ("Ils défilent sous le slogan « Brivac, Valmont, Korvan » depuis mai.", ["« Brivac, Valmont, Korvan »"]),
    ("Le film Nuits de Korvan de Léa Roy sort mercredi.", ["Nuits"]),
    ("Elle chante la célèbre chanson Marie des Ormes.", ["Marie"]),
    ("La série américaine Valmont Street revient en mai.", ["Valmont Street"]),
])
def test_where_a_title_is_written(text, titles):
    assert [text[a:b] for a, b in work_title_spans(text)] == titles


@pytest.mark.parametrize("text", [
    "Le ministre Roman Prymel a démissionné.",         # a given name, not the noun "roman"
    "Il a gagné en série KRT l'an passé.",             # a racing series, no determiner nor colon
    "Le livre raconte Brivac au siècle dernier.",       # a verb between the noun and the place
    "Série B : Léa Roy inscrit deux buts.",             # a heading's capitalised noun
    "Le film de Léa Roy sort mercredi.",                # the director after "de"
])
def test_no_title_where_none_is_written(text):
    assert work_title_spans(text) == []


def test_a_title_s_whole_name_is_refused_everywhere_a_place_inside_it_or_a_person_only_inside():
    text = "l'exposition Hivernales, le document « Brigade Ouest : une nuit », le film « Brivac sous la neige »"
    spans = work_title_spans(text)
    mentions = [(text.index(k), k, label) for k, label in
                [("Hivernales", "ORG"), ("Brigade Ouest", "ORG"), ("Brivac", "LOC")]]
    assert work_title_names(text, spans, mentions) == frozenset({"Hivernales", "Brigade Ouest"})
    person = "le film Paul Verdan"
    assert work_title_names(person, work_title_spans(person), [(8, "Paul Verdan", "PER")]) == frozenset()


def test_a_title_is_no_entity_anywhere_in_the_article(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Hivernales, son installation, occupe trois salles. "
                                              "L'exposition Hivernales ouvre au musée de Brivac, "
                                              "explique Paul Verdan.")
    assert "Hivernales" not in found
    assert found["Paul Verdan"][0] == "PER"


@pytest.mark.parametrize("text, word", [
    ("Des voitures ont brûlé à Valmont pendant la Saint-Sylvestre, selon Paul Verdan.", "Saint-Sylvestre"),
    ("Le marché de Brivac ferme tôt. Joyeux Noël à tous, conclut Paul Verdan.", "Joyeux Noël"),
])
def test_a_feast_or_its_greeting_is_no_name(nlp, full_stage, text, word):
    found = entities_by_name(nlp, full_stage, text)
    assert word not in found and "Noël" not in found
    assert found["Paul Verdan"][0] == "PER"
