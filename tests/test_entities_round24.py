"""Entity rules of round 24 (issue 16): a private person named by a given name alone, shown by the
apposition set off by commas after it; invented sentences with invented names. The finder is also
asked on parses whose entities were cleared, as when NER leaves the name untagged."""

from __future__ import annotations

import pytest

from conftest import entity_types as names
from veille.common.lexicon import rows
from veille.entities.apposed_names import apposed_given_names


@pytest.fixture(scope="module")
def resources(entity_stage):
    return entity_stage.res


def untagged(nlp, text: str):
    """The parse of ``text`` with NER's entities cleared."""
    doc = nlp(text)
    doc.ents = []
    return doc


def found_by_apposition(nlp, resources, text: str) -> list[str]:
    return [span.text for span in apposed_given_names(untagged(nlp, text), resources)]


def test_a_given_name_before_a_membership_apposition_is_a_person_end_to_end(nlp, entity_stage):
    # (NER calls the given name a thing here: the apposition makes it the person)
    found = names(nlp, entity_stage, "La famille Morvan vit à Lyon. Nicolas, ancien du GIGN, raconte ses années "
                                     "de service.")
    assert found.get("Nicolas") == "PER"
    assert found.get("GIGN") == "ORG"


@pytest.mark.parametrize("text, name", [
    ("Les parents sont inquiets. N'empêche, Élie, leur fils de 5 ans, adore déjà le football.", "Élie"),
    ("Les grands-parents attendent. Lou et Noé, leurs cousins, sont venus.", "Noé"),
    ("Le soir tombe. Hugo, ancien de la brigade fluviale, forme les recrues.", "Hugo"),
    ("Dans la salle, Lina, étudiante en droit, prend des notes.", "Lina"),
    ("Sur la place, les familles attendent. Maelwenn, elle, est venue avec ses deux enfants.", "Maelwenn"),
])
def test_an_untagged_given_name_before_a_person_apposition_is_found(nlp, resources, text, name):
    assert found_by_apposition(nlp, resources, text) == [name]


@pytest.mark.parametrize("text", [
    "Il a tout quitté. Florence, sa ville natale, lui manque.",  # a noun of place after the possessive
    "Le matin, la ville dort. Demain, leur voisin passera.",  # common words
    "Selon Paul Morvan, elle, reste prudente.",  # a capitalised word before: part of a longer name
])
def test_no_person_from_a_place_a_common_word_or_a_longer_name(nlp, resources, text):
    assert found_by_apposition(nlp, resources, text) == []


def test_every_opener_row_has_a_kind_and_an_invented_example_that_uses_it():
    for word, kind, example in rows("entities/apposed_person_openers.tsv", min_columns=3):
        assert kind in ("pronoun", "possessive", "member")
        assert f", {word} " in example or f", {word}," in example
