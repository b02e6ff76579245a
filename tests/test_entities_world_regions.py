"""World regions written with a lower-case adjective or a cardinal point ("l'Afrique centrale", "l'Asie
du Sud-Est") are places of their own (KB entries, `src/veille/kb/places.jsonl`), not the continent
NER stops at (issue 16, round 37). Invented sentences."""

from __future__ import annotations

from conftest import entity_records as names


def test_region_with_a_lower_case_adjective_is_found_whole(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les producteurs de cacao d'Afrique centrale ont rencontré Odile Ferrand mardi.")
    assert "Afrique centrale" in found and found["Afrique centrale"].type == "LOC"
    assert "Afrique" not in found and "Odile Ferrand" in found


def test_region_synonyms_are_linked_to_the_region(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les exportations vers l'Afrique occidentale et l'Asie orientale reculent.")
    assert {e.kb_id for e in found.values()} >= {"place:afrique-de-l-ouest", "place:asie-de-l-est"}


def test_region_is_not_the_country_nor_the_continent(nlp, entity_stage):
    found = names(nlp, entity_stage,
                  "L'Afrique australe compte plusieurs pays, dont l'Afrique du Sud. L'Afrique entière suit le sommet.")
    assert {"Afrique australe", "Afrique du Sud", "Afrique"} <= set(found)


def test_kb_lookup_of_the_regions():
    from veille.kb import load_kb

    kb = load_kb()
    assert kb.lookup("Sud-Est asiatique") == ["place:asie-du-sud-est"]
    assert kb.lookup("Amérique centrale") == ["place:amerique-centrale"]
    assert "place:afrique-australe" not in kb.lookup("Afrique du Sud")
