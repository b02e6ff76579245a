"""An organisation's name of a head noun and adjectives the NER stopped before its last lower-case
adjective (issue 16: names with their full extent). Sentences and names are invented."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.adjective_tails import extend_adjective_tails
from veille.entities.mention import Mention


def _extended(nlp, text: str, name: str, label: str = "ORG") -> list[tuple[str, str]]:
    doc = nlp(text)
    s = text.index(name)
    names = [Mention(s, s + len(name), name, name, label, "ner")]
    return [(m.key, m.label) for m in extend_adjective_tails(doc, text, names)]


def test_the_last_adjective_before_a_comma_ends_the_name(nlp):
    text = "Lucie Varenne, élue du Parti socialiste portugais, a voté contre le texte."
    assert _extended(nlp, text, "Parti socialiste") == [("Parti socialiste portugais", "ORG")]


def test_the_last_adjective_before_a_closing_bracket_ends_the_name(nlp):
    text = "Le groupe (Parti populaire européen) a voté contre le texte lundi."
    assert _extended(nlp, text, "Parti populaire") == [("Parti populaire européen", "ORG")]


def test_an_adjective_followed_by_more_words_is_left_out(nlp):
    # (no clear bound after the adjective: "… libéral | européen depuis 2010" is left as NER read it)
    text = "Paul Dorvel milite au Parti libéral européen depuis 2010 à Valmont."
    assert _extended(nlp, text, "Parti libéral") == [("Parti libéral", "ORG")]


def test_a_head_not_listed_is_left_as_it_is(nlp):
    text = "Le Conseil constitutionnel français, saisi lundi, a rendu sa décision."
    assert _extended(nlp, text, "Conseil constitutionnel") == [("Conseil constitutionnel", "ORG")]


def test_a_person_or_a_place_is_left_as_it_is(nlp):
    text = "Lucie Varenne, élue du Parti socialiste portugais, a voté contre le texte."
    assert _extended(nlp, text, "Parti socialiste", "LOC") == [("Parti socialiste", "LOC")]


def test_a_name_with_a_noun_after_the_head_is_left_out(nlp):
    text = "Selon le Parti des travailleurs unis, la réforme est absurde."
    assert _extended(nlp, text, "Parti des travailleurs") == [("Parti des travailleurs", "ORG")]


def test_the_entity_stage_keeps_the_whole_name(nlp, entity_stage):
    # (the NER reads this short sentence whole; the stage must keep it so, and not add the cut name)
    types = entity_types(nlp, entity_stage, "Lucie Varenne, élue du Parti socialiste portugais, a voté contre le texte.")
    assert types.get("Parti socialiste portugais") == "ORG"
    assert "Parti socialiste" not in types


def test_an_adjective_that_situates_the_body_is_left_out(nlp):
    text = "Les élus du Parti socialiste local, réunis lundi, ont voté contre le texte."
    assert _extended(nlp, text, "Parti socialiste") == [("Parti socialiste", "ORG")]
