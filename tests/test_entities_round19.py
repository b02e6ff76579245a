"""Entity rules of round 19 (issue 16): a body's name in quotation marks after its classifier
noun, and names written with and without the œ ligature; invented sentences with invented names,
over the shipped KB."""

from __future__ import annotations

from conftest import entity_types as names
from veille.common.lexicon import rows
from veille.entities.stage import spelling_key


def test_a_quoted_name_after_a_classifier_noun_is_an_organisation_whatever_its_case(nlp, entity_stage):
    found = names(nlp, entity_stage, "Selon la militante Léa Morvan de l'ONG «Nous sommes là», rien ne change. "
                                     "Le collectif \"Vivre ici\" a manifesté samedi.")
    assert found.get("Nous sommes là") == "ORG"
    assert found.get("Vivre ici") == "ORG"
    assert found.get("Léa Morvan") == "PER"


def test_a_quoted_title_after_a_noun_of_product_or_site_stays_out(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le site \"Vendez vite\" propose des annonces.")
    assert "Vendez vite" not in found


def test_an_ngo_in_capitals_before_an_unquoted_name_is_read_as_before(nlp, entity_stage):
    found = names(nlp, entity_stage, "L'ONG Amnesty International a publié un rapport.")
    assert found.get("Amnesty International") == "ORG"


def test_the_same_name_with_and_without_the_ligature_is_one_entity(nlp, entity_stage):
    assert spelling_key("Les Amis du cœur") == spelling_key("Les amis du coeur")
    found = names(nlp, entity_stage, "À Valmont, l'association Les Amis du coeur aide les familles. "
                                     "Elles sont membres de l'association « Les amis du cœur » depuis 2019.")
    bodies = [name for name, kind in found.items() if "mis du c" in name]
    assert len(bodies) == 1
    assert found[bodies[0]] == "ORG"


def test_every_quoted_noun_row_has_an_invented_example_with_quotation_marks():
    for noun, example in rows("entities/quoted_org_nouns.tsv", min_columns=2):
        assert noun.lower() in example.lower() and "«" in example


def test_the_inverted_subject_of_a_speech_verb_in_a_compound_tense_or_a_listed_form_is_a_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "« Rien ne change ici », a dit Salvio. « Ça va se passer en ligne », raisonne Matiau.")
    assert found.get("Salvio") == "PER"
    assert found.get("Matiau") == "PER"


def test_a_known_place_after_a_speech_verb_stays_a_place(nlp, entity_stage):
    found = names(nlp, entity_stage, "« Rien ne change ici », a déclaré Paris.")
    assert found.get("Paris") == "LOC"
