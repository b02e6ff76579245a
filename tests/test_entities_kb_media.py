"""Media the KB did not know were missed (read as a thing by NER), typed as persons, or named by an
agency noun glued to their acronym; the KB now lists them (``kb/media.jsonl``, issue 16, helper
entrecall). Invented sentences."""

from __future__ import annotations

from conftest import entity_records as names


def test_a_foreign_daily_named_short_is_the_daily(nlp, entity_stage):
    found = names(nlp, entity_stage, "Selon le Telegraph, la ministre Léa Tamar quittera son poste en mai.")
    ent = next(e for e in found.values() if "Telegraph" in e.mentions)
    assert ent.type == "ORG" and ent.kb_id == "org:the-daily-telegraph"


def test_a_medium_read_as_a_person_is_an_organisation(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le Miami Herald et NBC ont repris lundi les chiffres de Paul Vidal.")
    assert found["Miami Herald"].type == "ORG"
    assert found["NBC"].type == "ORG"


def test_a_journal_nobody_tagged_is_found(nlp, entity_stage):
    found = names(nlp, entity_stage, "Une étude parue dans Scientific American décrit les coraux de Brivac.")
    assert found["Scientific American"].type == "ORG"


def test_an_agency_by_its_noun_and_acronym_goes_by_its_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "Le texte sera discuté au Sénat, a rapporté l'agence CTK mardi.")
    assert "Česká tisková kancelář" in found and "agence CTK" not in found
