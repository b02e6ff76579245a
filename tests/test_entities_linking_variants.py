"""entities/variants.py merge_person_spellings: one unlinked person named in two spellings (invented)."""

from __future__ import annotations

from veille.entities.variants import merge_person_spellings
from veille.model import Entity


def per(name: str, n: int = 1, kb_id: str | None = None) -> Entity:
    return Entity(name, "PER", [name] * n, [[i * 10, i * 10 + len(name)] for i in range(n)], kb_id)


def test_a_surname_spelt_two_ways_with_one_given_name_is_one_person():
    out = merge_person_spellings([per("Lucas Morvanec", 2), per("Lucas Morvannec")])
    assert [e.name for e in out] == ["Lucas Morvanec"] and len(out[0].mentions) == 3


def test_a_middle_name_left_out_is_the_same_person():
    out = merge_person_spellings([per("Iris Delsaux"), per("Iris Noémie Delsaux", 2)])
    assert [e.name for e in out] == ["Iris Noémie Delsaux"]


def test_other_given_names_other_surnames_and_kb_people_stay_apart():
    kept = [per("Lucas Morvanec"), per("Paul Morvanec"), per("Lucas Marchal"), per("Lucas Morvannec", kb_id="person:x")]
    assert len(merge_person_spellings(kept)) == 4
    assert len(merge_person_spellings([per("Léo Brun"), per("Léo Bruno")])) == 2  # short surnames: too close to tell


def test_a_letter_doubled_or_not_in_a_short_surname_is_one_person():
    assert [e.name for e in merge_person_spellings([per("Lucas Moro", 2), per("Lucas Morro")])] == ["Lucas Moro"]


def test_the_name_with_its_middle_name_keeps_its_form_even_when_written_less():
    out = merge_person_spellings([per("Iris Delsaux", 3), per("Iris Noémie Delsaux")])
    assert [e.name for e in out] == ["Iris Noémie Delsaux"] and len(out[0].mentions) == 4
