"""An organisation's acronym written with no brackets, joined to the one full name of the article it
fits (issue 16, entacronym, ``entities/loose_acronyms.py``). Unit tests on built entities over the
shipped KB's demonyms; one pipeline test on an invented text with invented people and bodies."""

from __future__ import annotations

import pytest

from conftest import entity_records
from veille.common.lexicon import rows
from veille.entities.loose_acronyms import fits, letters_of, merge_loose_acronyms
from veille.kb import load_kb
from veille.model import Entity


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _e(name: str, etype: str, *mentions: str, kb_id: str | None = None) -> Entity:
    return Entity(name=name, type=etype, mentions=list(mentions) or [name],
                  spans=[[i * 100, i * 100 + len(m)] for i, m in enumerate(mentions or (name,))], kb_id=kb_id)


def test_every_habit_row_has_a_kind_and_an_invented_example():
    for row in rows("entities/acronym_habits.tsv", min_columns=4):
        assert row[0] in ("skip", "skip-loose", "letters") and row[3].startswith("«"), row
        assert row[0] != "letters" or row[2], row


def test_the_shapes_of_an_acronym():
    assert letters_of("PLV") == "plv" and letters_of("AG2R") == "ag2r" and letters_of("AfD") == "afd"
    assert letters_of("McLaren") is None and letters_of("Valmont") is None and letters_of("LE GRAND") is None
    assert letters_of("ABCDEFGHIJ") is None  # a shouted word, not an acronym


def test_the_ways_an_acronym_spells_a_full_name(kb):
    dem = frozenset(kb.demonyms)
    assert fits("PS", "Parti socialiste suisse", dem) == "demonym"  # a country's adjective left out
    assert fits("PSS", "Parti socialiste suisse", dem) == "plain"  # or kept
    assert fits("AML", "Alliance pour la mer libre", dem) == "plain"  # small words left out
    assert fits("APML", "Alliance pour la mer libre", dem) == "plain"  # or some kept
    assert fits("AMLV", "Alliance pour la mer libre", dem) is None
    assert fits("BSM", "Banque Saint-Marin", dem) == "plain"  # a hyphenated word
    assert fits("OER", "l'Office d'études rurales", dem) == "plain"  # elided words
    assert fits("COVA", "Comité de vigilance alpine", dem) == "plain"  # two letters of a word, once
    assert fits("COVAL", "Comité de vigilance alpine", dem) is None
    assert fits("PLV", "Parti libéral", dem, frozenset({"v"})) == "plain"  # the region's initial after
    assert fits("PLV", "Parti libéral", dem) is None
    assert fits("INA", "Inter actualités", dem) is None  # no two letters in a short acronym
    assert fits("CGT", "CGT Énergie", dem) is None  # a branch is not its union


def test_an_acronym_joins_the_one_full_name_it_fits(kb):
    party, acro, region = _e("Parti libéral", "ORG"), _e("PLV", "ORG"), _e("Valdorie", "LOC")
    out = merge_loose_acronyms([party, region, acro], kb)
    assert [e.name for e in out] == ["Parti libéral", "Valdorie"]
    assert sorted(out[0].mentions) == ["PLV", "Parti libéral"]
    # a town named once beside the setting named twice gives no letter ("FAM" is no "Fonds d'action")
    town, setting = _e("Montrel", "LOC"), _e("Valdorie", "LOC", "Valdorie", "Valdorie")
    assert len(merge_loose_acronyms([_e("Fonds d'action", "ORG"), town, setting, _e("FAM", "ORG")], kb)) == 4


def test_two_full_names_that_fit_or_none_leave_the_acronym_alone(kb):
    two = [_e("Conseil des métiers", "ORG"), _e("Centre de musique", "ORG"), _e("CM", "ORG")]
    assert len(merge_loose_acronyms(two, kb)) == 3
    none = [_e("Ligue des ports", "ORG"), _e("UVS", "ORG")]
    assert len(merge_loose_acronyms(none, kb)) == 2
    linked = [_e("Parti des pêcheurs", "ORG"), _e("PP", "ORG", kb_id="org:afp")]
    assert len(merge_loose_acronyms(linked, kb)) == 2  # a KB-linked acronym by a name no other body shares


def test_a_shared_acronym_linked_to_one_country_joins_another_countrys_party(kb):
    swiss, ps = _e("Parti socialiste suisse", "ORG"), _e("PS", "ORG", "PS", "PS", kb_id="org:parti-socialiste")
    out = merge_loose_acronyms([swiss, ps], kb)
    assert [(e.name, e.kb_id, len(e.mentions)) for e in out] == [("Parti socialiste suisse", None, 3)]
    french = merge_loose_acronyms([_e("Parti socialiste", "ORG"), _e("PS", "ORG", kb_id="org:parti-socialiste")], kb)
    assert len(french) == 2  # (the same body: the linker's business, nothing left out)


def test_in_the_pipeline_a_bare_acronym_joins_the_full_name(nlp, entity_stage):
    text = ("Le Parti paysan suisse a réuni ses membres à Lausanne mardi, a dit Lucien Marvel.\n\n"
            "Selon Lucien Marvel, le PP demandera une aide au canton dès l'automne.")
    found = entity_records(nlp, entity_stage, text)
    assert "PP" not in found
    assert found["Parti paysan suisse"].mentions == ["Parti paysan suisse", "PP"]
