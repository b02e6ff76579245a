"""Capitalised words that name nothing alone: a common noun for a body or a heavenly body
(``lexicons/entities/common_nouns_alone.tsv``), a character of fiction
(``lexicons/entities/mythical_names.tsv``), an adjective of place said of people
(``entities/gentiles.py``). Invented sentences and names."""

from __future__ import annotations

from test_entities import by_name, run_with_ents
from veille.entities.decisions import COMMON_NOUNS_ALONE, ROWS


def test_the_row_comes_after_the_kb_and_refuses():
    span = [r.test for r in ROWS["span"]]
    assert span.index("kb_known") < span.index("common_noun_alone")
    assert {"ville", "lune", "noirs"} <= COMMON_NOUNS_ALONE


def test_a_capitalised_common_noun_alone_is_no_place(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage,
                        "À Valmont, le budget est voté et la Ville promet des économies, selon Léa Marchal.",
                        [("Valmont", "LOC"), ("Ville", "LOC"), ("Léa Marchal", "PER")])
    names = by_name(art)
    assert "Ville" not in names
    assert "Valmont" in names and "Léa Marchal" in names


def test_a_heavenly_body_is_no_place(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Les astronautes de Valmont retourneront sur la Lune en 2030.",
                        [("Valmont", "LOC"), ("Lune", "LOC")])
    assert "Lune" not in by_name(art) and "Valmont" in by_name(art)


def test_a_longer_name_opening_on_the_noun_is_kept(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Les bénévoles de Terre d'Accueil Valmont ont ouvert un local.",
                        [("Terre d'Accueil Valmont", "ORG")])
    assert "Terre d'Accueil Valmont" in by_name(art)


def test_a_character_of_fiction_is_no_person(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage,
                        "Selon Léa Marchal, l'effet Harry Potter a dopé les ventes de romans à Valmont.",
                        [("Léa Marchal", "PER"), ("Harry Potter", "PER"), ("Valmont", "LOC")])
    names = by_name(art)
    assert "Harry Potter" not in names and "Léa Marchal" in names


def test_an_adjective_of_place_before_an_age_is_a_person(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage,
                        "Amandine, Lyonnaise de 29 ans, collectionne les puzzles depuis son arrivée à Valmont.",
                        [("Lyonnaise", "LOC"), ("Valmont", "LOC")])
    names = by_name(art)
    assert "Lyonnaise" not in names and "Valmont" in names


def test_a_gentile_in_oui_after_a_plural_determiner_is_people(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Des habitants de Valmont ont défilé avec des Gazaouis dimanche.",
                        [("Valmont", "LOC"), ("Gazaouis", "LOC")])
    names = by_name(art)
    assert "Gazaouis" not in names and "Valmont" in names


def test_a_feminine_acronym_names_the_body(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Paul Verdan, ancien de la BAC, patrouille à Valmont.",
                        [("Paul Verdan", "PER"), ("BAC", "ORG"), ("Valmont", "LOC")])
    assert "BAC" in by_name(art)


def test_the_same_acronym_for_a_diploma_is_no_body(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage, "Paul Verdan a obtenu le BAC à Valmont en juin.",
                        [("Paul Verdan", "PER"), ("BAC", "ORG"), ("Valmont", "LOC")])
    assert "BAC" not in by_name(art)


def test_the_acronym_joins_the_body_spelled_out_with_a_hyphen(nlp, entity_stage):
    art = run_with_ents(nlp, entity_stage,
                        "La Brigade anti-criminalité de Valmont recrute. Selon Paul Verdan, la BAC manque de bras.",
                        [("Brigade anti-criminalité", "ORG"), ("Valmont", "LOC"), ("Paul Verdan", "PER"),
                         ("BAC", "ORG")])
    names = by_name(art)
    assert "BAC" not in names
    assert "BAC" in names["Brigade anti-criminalité"].mentions
