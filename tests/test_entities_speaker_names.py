"""Names that would become wrong speakers (issue 16): civilities as text browsers print them ("D^r", "M^me":
superscript letters after a caret) are titles, never a person of their own; the acronym of a common noun
("le JT") is no organisation. Invented sentences and people only."""

from __future__ import annotations

from conftest import entity_records


def test_a_superscript_doctor_title_is_stripped_and_joins_the_person(nlp, entity_stage):
    got = entity_records(nlp, entity_stage, "« On ne dort plus », résume D^r Paul Verlaque, neurologue à Lyon.\n\n"
                                            "« Le sommeil se soigne », rassure le D^r Verlaque.")
    assert [n for n, e in got.items() if e.type == "PER"] == ["Paul Verlaque"]
    assert len(got["Paul Verlaque"].mentions) == 2  # (each mention as written, its title kept)


def test_a_superscript_madame_gives_a_woman_and_no_entity(nlp, entity_stage):
    got = entity_records(nlp, entity_stage, "M^me Léa Vernet a ouvert la séance du conseil municipal de Vienne.")
    assert [n for n, e in got.items() if e.type == "PER"] == ["Léa Vernet"]


def test_the_acronym_of_a_news_programme_is_no_organisation(nlp, entity_stage):
    got = entity_records(nlp, entity_stage, "Il est marié avec Léa Vernet, qui présente le JT du week-end sur "
                                            "Radio Vienne.")
    assert "JT" not in got and "Léa Vernet" in got
