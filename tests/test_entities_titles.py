"""Civilities before a name as text browsers print them (issue 16): "D^r", "M^me" (superscript letters
after a caret) are titles, never a person of their own. Invented sentences and people only."""

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
