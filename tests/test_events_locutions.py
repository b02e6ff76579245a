"""The verbal locutions and nominalisations of speech acts and meetings
(``lexicons/events/locution_triggers.tsv``, issue 13), each on its invented example, and the readings
they must not take."""

from __future__ import annotations

import pytest

from events_support import build, code, trigger_pairs
from lexicon_checks import assert_every_line_has_example, line_ids, named_case, trigger_lines
from veille.events.triggers import find_triggers
from veille.events.view import ArticleView

LOCUTIONS = "events/locution_triggers.tsv"
LINES = trigger_lines(LOCUTIONS)
# invented people, bodies and places the examples name
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Valdoria", "LOC"], ["Ostrie", "LOC"], ["Montvert", "LOC"],
         ["Port-Lune", "LOC"]]


def _case(text: str) -> dict:
    return named_case(text, NAMES)


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in trigger_pairs(_case(text), nlp, lex)}


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(_case(text), nlp, lex)]


def test_every_line_carries_an_invented_example():
    assert_every_line_has_example(LINES)


@pytest.mark.parametrize("row", LINES, ids=line_ids(LINES))
def test_every_example_finds_its_type(nlp, lex, row):
    assert row[0] in _types(nlp, lex, row[4])


def test_calling_someone_or_naming_something_is_no_appeal(nlp, lex):
    assert "REQUEST" not in _types(nlp, lex, "Le maire Marc Olivar a appelé les pompiers.")
    assert "REQUEST" not in _types(nlp, lex, "Sur le chantier, on les appelait Paul Vidal.")
    assert "REQUEST" not in _types(nlp, lex, "Le projet, appelé Horizon Bleu, a pris du retard.")
    assert ("REQUEST", "Marc Olivar", None) in _events(nlp, lex, "Le maire Marc Olivar a appelé à la grève.")
    assert "REQUEST" in _types(nlp, lex, "Le maire Marc Olivar appelle le syndicat Forge à reprendre le travail.")


def test_a_noun_keeps_the_complement_the_parser_hangs_on_its_verb(nlp, lex):
    # "à une réforme" is parsed as the verb's complement, not the noun's: "appel" still has its "à"
    events = _events(nlp, lex, "Le maire Marc Olivar a renouvelé son appel à une réforme du parti.")
    assert ("REQUEST", "Marc Olivar", None) in events


def test_sure_of_being_elected_is_no_backing(nlp, lex):
    art, doc = build(_case("Le président Paul Vidal est assuré d'être réélu en mai."), nlp)
    view = ArticleView(lex, art, doc)
    assert [t.entry for s in doc.sents for t, _, _ in find_triggers(view, s)] == []


def test_not_in_favour_is_a_refusal(nlp, lex):
    types = {e[0] for e in _events(nlp, lex, "Le syndicat Forge n'est pas favorable à la réforme de Léa Tamar.")}
    assert "REJECT" in types and "SUPPORT" not in types
    assert "SUPPORT" in {e[0] for e in _events(nlp, lex, "Le syndicat Forge est favorable à la réforme de Léa Tamar.")}


def test_a_court_sentencing_is_no_condemnation(nlp, lex):
    assert "ACCUSE" not in _types(nlp, lex, "La cour d'appel de Montvert a condamné la société Forge pour fraude.")
    assert "ACCUSE" not in _types(nlp, lex, "Sa condamnation en appel a surpris le maire Marc Olivar.")
    assert ("ACCUSE", "Marc Olivar", "Paul Vidal") in _events(
        nlp, lex, "Le maire Marc Olivar a condamné les propos du député Paul Vidal.")


def test_encouraging_someone_to_act_is_a_request_encouraging_a_step_is_backing(nlp, lex):
    assert "REQUEST" in _types(nlp, lex, "Le maire Marc Olivar encourage le syndicat Forge à reprendre le dialogue.")
    types = _types(nlp, lex, "Le maire Marc Olivar encourage la démarche du syndicat Forge.")
    assert "SUPPORT" in types and "REQUEST" not in types
