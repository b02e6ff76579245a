"""entities/linking.py: exact, transliterated and fuzzy links to the KB, surnames alone, dates."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.entities.linking import Linker, given_similarity, near
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources
from veille.kb import Role


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(EntityResources(kb=tiny_kb()))


def name(key: str, label: str = "PER") -> Mention:
    return Mention(0, len(key), key, key, label, "ner")


def test_given_names_compare_by_spelling_and_initials():
    assert given_similarity("A.", "Amélie") == 1.0
    assert given_similarity("Amelie", "Amélie") == 1.0
    assert 0.6 < given_similarity("Émilie", "Amélie") < 0.85
    assert given_similarity("Paul", "Amélie") < 0.5
    assert given_similarity("", "Amélie") == 0.0


def test_a_role_is_near_a_date_up_to_five_years_after_it_ended():
    role = Role("head_of_government", "country:VD", "2015", "2017", "person:x")
    assert near(role, "2020") and not near(role, "2024") and not near(role, "2013")


def test_an_acronym_links_only_in_capitals(linker):
    upper, mixed = name("LFN", "ORG"), name("Lfn", "ORG")
    linker.link_exact(upper)
    linker.link_exact(mixed)
    assert upper.kb_id == "org:lfn" and mixed.kb_id is None


def test_a_transliterated_person_name_links(linker):
    person, place = name("Ameli Garnier"), name("Ameli Garnier", "LOC")
    linker.link_exact(person)
    linker.link_exact(place)
    assert person.kb_id == "person:amelie-garnier" and place.kb_id is None


def test_a_name_the_ner_mistyped_keeps_the_kb_type(linker):
    m = name("Amélie Garnier", "LOC")
    linker.link_exact(m)
    assert m.kb_id == "person:amelie-garnier"


def test_a_loose_given_name_needs_the_context(linker):
    m = name("Émilie Garnier")
    assert linker.fuzzy_person(m.text, m, set(), "2020", []) is None
    assert linker.fuzzy_person(m.text, m, {"person:amelie-garnier"}, "2020", []) == "person:amelie-garnier"


def test_a_surname_alone_names_the_public_figure_only_around_their_time(linker):
    assert linker.surname_person(name("Orcel"), set(), "2023") == "person:bastien-orcel"
    assert linker.surname_person(name("Orcel"), set(), "2010") is None
    assert linker.surname_person(name("Dufresnoy"), set(), "2023") is None


def test_candidates_are_told_apart_by_the_date(linker):
    m = name("Garnier")
    m.kb_ids = ["person:amelie-garnier", "person:bastien-orcel"]
    assert linker.disambiguate(m, set(), "2020-01") == "person:amelie-garnier"
    assert linker.disambiguate(m, set(), "2022") == "person:bastien-orcel"
    assert linker.disambiguate(m, set(), None) is None
