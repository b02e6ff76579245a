"""entities/variants.py: one place or organisation named with a geographic noun or in the plural."""

from __future__ import annotations

from veille.entities.variants import merge_spelled_acronyms, merge_variants
from veille.model import Entity


def _e(name: str, etype: str, n: int = 1, kb_id: str | None = None) -> Entity:
    e = Entity(name=name, type=etype, kb_id=kb_id)
    e.mentions = [name] * n
    return e


def test_a_sea_named_with_and_without_its_noun_is_one_place():
    ents = [_e("Ondines", "LOC", 2), _e("Ondine", "LOC"), _e("mer des Ondines", "LOC"), _e("lac Morvel", "LOC")]
    out = merge_variants(ents)
    assert [(e.name, len(e.mentions)) for e in out] == [("Ondines", 4), ("lac Morvel", 1)]


def test_a_hyphenated_name_opening_with_a_geographic_noun_is_one_name():
    ents = [_e("Valdorie", "LOC"), _e("Île-de-Valdorie", "LOC")]
    assert len(merge_variants(ents)) == 2


def test_a_body_named_in_the_plural_is_the_one_named_in_the_singular():
    ents = [_e("Direction nationale des douanes", "ORG"), _e("Directions nationales des douanes", "ORG")]
    assert [e.name for e in merge_variants(ents)] == ["Direction nationale des douanes"]


def test_persons_and_other_types_are_never_merged():
    ents = [_e("Jules Morel", "PER"), _e("Jule Morel", "PER"), _e("Ondines", "LOC"), _e("Ondine", "ORG")]
    assert len(merge_variants(ents)) == 4


def test_an_acronym_spelling_the_initials_of_a_named_organisation_is_that_organisation():
    ents = [_e("Mouvement des jeunes valdoriens", "ORG"), _e("MJV", "ORG", 3), _e("ABC", "ORG")]
    out = merge_spelled_acronyms(ents)
    assert [(e.name, len(e.mentions)) for e in out] == [("MJV", 4), ("ABC", 1)]
    ents = [_e("Mouvement des jeunes valdoriens", "ORG"), _e("MJ", "ORG")]
    assert len(merge_spelled_acronyms(ents)) == 2
    # a "skip-loose" word of acronym_habits.tsv counts its initial here (only loose_acronyms leaves it out)
    ents = [_e("Ligue nationale contre la faim", "ORG"), _e("LNCF", "ORG")]
    assert len(merge_spelled_acronyms(ents)) == 1


def test_an_acronym_with_its_small_words_in_lower_case_or_written_as_a_word():
    ents = [_e("Ensemble à Valdor", "ORG"), _e("EàV", "ORG", 2)]
    assert [(e.name, len(e.mentions)) for e in merge_spelled_acronyms(ents)] == [("EàV", 3)]
    ents = [_e("Lycée Sergent Marc Dubois", "ORG"), _e("Lsmd", "LOC")]
    assert [(e.name, e.type) for e in merge_spelled_acronyms(ents)] == [("Lycée Sergent Marc Dubois", "ORG")]
    # a capitalised word that spells no named organisation's initials stays
    ents = [_e("Lycée Sergent Marc Dubois", "ORG"), _e("Lyon", "LOC")]
    assert len(merge_spelled_acronyms(ents)) == 2


def test_a_place_named_by_the_first_word_of_its_hyphenated_name_is_that_place():
    from veille.entities.variants import merge_short_places

    ents = [_e("Valmont-sur-Orne", "LOC", 2), _e("Valmont", "LOC"), _e("Lyon", "LOC", kb_id="place:lyon")]
    assert [(e.name, len(e.mentions)) for e in merge_short_places(ents)] == [("Valmont-sur-Orne", 3), ("Lyon", 1)]
    # two compounds open on the word: which one is meant is not known
    ents = [_e("Valmont-sur-Orne", "LOC"), _e("Valmont-la-Forêt", "LOC"), _e("Valmont", "LOC")]
    assert len(merge_short_places(ents)) == 3
    # a KB-linked place is never merged away
    ents = [_e("Lyon-Sud", "LOC"), _e("Lyon", "LOC", kb_id="place:lyon")]
    assert len(merge_short_places(ents)) == 2
