"""A public figure's surname alone in capitals ("MACRON a promis") is a person mention keyed in mixed
case (``lone_capitals.py``); a given name the list lacks opens a capital surname NER read over exactly
those words (``capital_surnames.py``). Invented sentences."""

from __future__ import annotations

import pytest

from conftest import entity_records
from veille.entities.capital_surnames import capital_surnames
from veille.entities.lone_capitals import lone_capital_surnames
from veille.entities.mention import Mention
from veille.kb import load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _lone(text: str, kb, names: list[Mention] | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.key, m.label) for m in lone_capital_surnames(text, names or [], kb, frozenset({"otan"}))]


def test_a_lone_capital_surname_of_a_known_person_is_that_person(kb) -> None:
    text = "En visite à Lille, MACRON a promis des crédits, et POUTINE a répondu."
    assert _lone(text, kb) == [("MACRON", "Macron", "PER"), ("POUTINE", "Poutine", "PER")]


def test_an_organisation_reading_of_the_word_is_replaced(kb) -> None:
    text = "Hier soir, MACRON a parlé."
    org = Mention(11, 17, "MACRON", "MACRON", "ORG", "ner")
    assert _lone(text, kb, [org]) == [("MACRON", "Macron", "PER")]


def test_acronyms_places_headings_and_unknown_words_stay_as_they_are(kb) -> None:
    assert _lone("Selon l'OTAN, la FRANCE et le VARDOLIN discutent.", kb) == []
    assert _lone("EN DIRECT MACRON EN VISITE", kb) == []
    longer = Mention(6, 25, "MACRON et ses amis", "MACRON et ses amis", "ORG", "ner")
    assert _lone("Selon MACRON et ses amis, rien.", kb, [longer]) == [
        ("MACRON et ses amis", "MACRON et ses amis", "ORG")]


def test_a_ner_span_opens_on_a_given_name_the_list_lacks() -> None:
    text = "La chercheuse Ilvena DORSACQ a publié. Selon Ilvena DORSACQ, tout va bien. Pour Vague ORNAC, non."
    ner = [Mention(14, 28, "Ilvena DORSACQ", "Ilvena DORSACQ", "LOC", "ner")]
    found = capital_surnames(text, ner, frozenset({"octave"}), frozenset(), not_given=frozenset({"vague"}))
    assert [(m.start, m.key, m.label) for m in found] == [(14, "Ilvena Dorsacq", "PER")]


def test_the_stage_links_a_lone_capital_surname(nlp, full_stage) -> None:
    found = entity_records(nlp, full_stage, "Le sommet s'est ouvert à Bruxelles. MACRON a demandé une aide "
                                            "pour l'Ukraine, a-t-on appris mardi.")
    assert found["Emmanuel Macron"].type == "PER" and "MACRON" in found["Emmanuel Macron"].mentions


def test_capitals_that_read_as_an_acronym_after_an_unknown_word_are_no_surname() -> None:
    text = "Le coureur de Valtexa FDJ a gagné."
    ner = [Mention(14, 24, "Valtexa FDJ", "Valtexa FDJ", "ORG", "ner")]
    found = capital_surnames(text, ner, frozenset({"octave"}), frozenset(), not_given=frozenset())
    assert [(m.key, m.label) for m in found] == [("Valtexa FDJ", "ORG")]


def test_a_short_capital_surname_spelt_as_a_word_follows_a_ner_name() -> None:
    text = "Selon Tao VEN, le projet avance."
    ner = [Mention(6, 13, "Tao VEN", "Tao VEN", "LOC", "ner")]
    found = capital_surnames(text, ner, frozenset({"octave"}), frozenset(), not_given=frozenset())
    assert [(m.key, m.label) for m in found] == [("Tao Ven", "PER")]
