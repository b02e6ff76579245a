"""A place span NER opened on a lower-case noun that names no kind of place ("la descente du | Col
du X", "le spectacle de | X"): the place is the name after it (``spans.after_common_head``,
``lexicons/entities/place_nouns.tsv``). Sentences and names are invented."""

from __future__ import annotations

from conftest import entity_records, entity_types


def test_a_noun_that_names_no_place_is_left_out_of_the_place(nlp, entity_stage):
    found = entity_records(nlp, entity_stage, "Dans la descente du Col du Merle, le coureur a chuté.")
    assert "Col du Merle" in found and found["Col du Merle"].type == "LOC"
    assert found["Col du Merle"].mentions == ["Col du Merle"]
    assert not any(name.startswith("descente") for name in found)


def test_a_kind_of_place_keeps_its_noun(nlp, entity_stage):
    found = entity_types(nlp, entity_stage, "Le peloton a franchi le col du Merle sous la pluie.")
    assert {n.lower(): t for n, t in found.items()}.get("col du merle") == "LOC"

