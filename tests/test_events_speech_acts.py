"""Speech acts as the press writes them (``lexicons/events/speech_act_triggers.tsv``, issue 13):
fearing a party's act is an accusation, so is calling someone names (in one's words, or through a
verb of description), and a stance adjective keeps its complement when it is a clitic. Invented sentences and names."""

from __future__ import annotations

import pytest

from events_support import code, trigger_pairs
from lexicon_checks import assert_every_line_has_example, line_ids, named_case, trigger_lines

SPEECH_ACTS = "events/speech_act_triggers.tsv"
LINES = trigger_lines(SPEECH_ACTS)
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"]]


def _case(text: str) -> dict:
    return named_case(text, NAMES)


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in trigger_pairs(_case(text), nlp, lex)}


def _events(nlp, lex, text: str, quotes: list[tuple[str, str]] | None = None) -> list[tuple[str, str | None]]:
    case = _case(text)
    case["quotes"] = quotes or []
    return [(e.type, e.source) for e in code(case, nlp, lex)]


def test_every_line_carries_an_invented_example():
    assert_every_line_has_example(LINES)


@pytest.mark.parametrize("row", LINES, ids=line_ids(LINES))
def test_every_example_finds_its_type(nlp, lex, row):
    assert row[0] in _types(nlp, lex, row[4])


def test_fearing_what_a_party_will_do_blames_it(nlp, lex):
    events = _events(nlp, lex, "Le maire Marc Olivar craint que la réforme de Léa Tamar ne ruine la ville.")
    assert ("ACCUSE", "Marc Olivar") in events


def test_a_gerund_of_fear_only_gives_a_motive(nlp, lex):
    assert "ACCUSE" not in _types(nlp, lex, "Craignant une défaite, Paul Vidal a quitté Forge.")


def test_a_stance_adjective_takes_a_clitic_complement(nlp, lex):
    assert ("REJECT", "Marc Olivar") in _events(nlp, lex, "Le maire Marc Olivar y est fermement opposé.")
    assert ("SUPPORT", "Forge") in _events(nlp, lex, "Le syndicat Forge y est favorable.")


def test_calling_someone_names_in_a_quote_blames_them(nlp, lex):
    text = "« Léa Tamar est une menteuse », a lancé le maire Marc Olivar."
    assert ("ACCUSE", "Marc Olivar") in _events(nlp, lex, text, [("Léa Tamar est une menteuse", "Marc Olivar")])


def test_a_label_used_to_name_someone_is_no_judgement(nlp, lex):
    assert "ACCUSE" not in {t for t, _ in _events(nlp, lex, "Le menteur a été démasqué par Léa Tamar.")}


def test_a_description_blames_only_with_a_pejorative_attribute(nlp, lex):
    assert ("ACCUSE", "Léa Tamar") in _events(
        nlp, lex, "La députée Léa Tamar a décrit Paul Vidal comme un manipulateur.")
    assert "ACCUSE" not in _types(nlp, lex, "Paul Vidal a décrit Léa Tamar comme une femme courageuse.")
    assert "ACCUSE" not in _types(nlp, lex, "Marc Olivar considère que la réforme de Léa Tamar est une bonne idée.")
