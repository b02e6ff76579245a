"""Trigger recall on the wording the events dev gold marks (``lexicons/events/recall_triggers.tsv``,
issue 13), each line on its invented example, the readings it must not take, and the parses that hid
a trigger the lexicon holds: a participle hung on "avoir" or listed after a passive, a present form
with a grave accent read as an adjective ("inquiète"), a locution with an adverb inside it."""

from __future__ import annotations

import pytest

from events_support import code, trigger_pairs
from lexicon_checks import assert_every_line_has_example, line_ids, named_case, trigger_lines

RECALL = "events/recall_triggers.tsv"
LINES = trigger_lines(RECALL)
# invented people, bodies and places the examples name
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Aube", "ORG"], ["Le Veilleur", "ORG"], ["Valdoria", "LOC"],
         ["Valdonie", "LOC"], ["Montvert", "LOC"]]


def _case(text: str) -> dict:
    return named_case(text, NAMES)


def _triggers(nlp, lex, text: str) -> list[tuple[str, str]]:
    return trigger_pairs(_case(text), nlp, lex)


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in _triggers(nlp, lex, text)}


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(_case(text), nlp, lex)]


def test_every_line_carries_an_invented_example():
    assert_every_line_has_example(LINES)


@pytest.mark.parametrize("row", LINES, ids=line_ids(LINES))
def test_every_example_finds_its_type(nlp, lex, row):
    assert row[0] in _types(nlp, lex, row[4])


def test_revealing_wrongdoing_is_an_accusation_by_the_revealer(nlp, lex):
    assert ("ACCUSE", "Aube", None) in _events(
        nlp, lex, "L'association Aube révèle que la moitié des agences de Montvert refusent les locataires étrangers.")
    assert "ACCUSE" not in _types(nlp, lex, "La crise de Montvert révèle la force du collectif Aube.")


def test_admitting_is_a_concession_but_a_verdict_is_not(nlp, lex):
    assert ("CONCEDE", "Paul Vidal", None) in _events(
        nlp, lex, "Le ministre Paul Vidal a reconnu que sa réforme avait été mal expliquée.")
    assert "CONCEDE" not in _types(nlp, lex, "Paul Vidal a été reconnu coupable de fraude par le tribunal de Montvert.")
    assert "CONCEDE" not in _types(nlp, lex, "Valdoria ne reconnaît pas le mariage des couples étrangers.")


def test_any_admission_in_the_compound_past_but_no_recognition(nlp, lex):
    # `done=1`: "reconnaître" with any object is an admission only in the active compound past
    assert ("CONCEDE", "Marc Olivar", None) in _events(
        nlp, lex, "Le préfet Marc Olivar avait reconnu un chiffre bien plus élevé de blessés.")
    assert ("CONCEDE", "Paul Vidal", None) in _events(nlp, lex, "Le ministre Paul Vidal a reconnu une décision mal comprise.")
    assert "CONCEDE" not in _types(nlp, lex, "Le ministre Paul Vidal reconnaît une décision mal comprise.")
    assert "CONCEDE" not in _types(nlp, lex, "Valdoria a reconnu l'union civile des couples étrangers en 2015.")
    assert "CONCEDE" not in _types(nlp, lex, "Le tribunal de Montvert a reconnu Paul Vidal coupable de fraude.")
    assert "CONCEDE" not in _types(nlp, lex, "Ce diplôme a été reconnu par Valdoria.")


def test_a_legal_pursuit_is_an_accusation_a_speech_verb_is_not(nlp, lex):
    assert "ACCUSE" in _types(nlp, lex, "Le gérant Paul Vidal est poursuivi pour escroquerie devant le tribunal de Montvert.")
    assert "ACCUSE" not in _types(nlp, lex, "« Les travaux reprendront lundi », a poursuivi Paul Vidal.")


def test_fighting_a_measure_is_a_refusal(nlp, lex):
    assert "REJECT" in _types(nlp, lex, "Nous allons continuer à nous battre contre la réforme de Léa Tamar.")
    assert "REJECT" not in _types(nlp, lex, "Le collectif Aube se bat pour la dignité des locataires.")


def test_a_participle_the_parser_hung_on_avoir_is_the_verb(nlp, lex):
    assert "ASSAULT" in _types(nlp, lex, "Trois hommes sont soupçonnés d'avoir violé une fillette de onze ans à Montvert.")


def test_a_participle_listed_after_a_passive_shares_it(nlp, lex):
    assert ("ASSAULT", "verb:violer") in _triggers(
        nlp, lex, "Elle explique avoir été séquestrée, violée et torturée par Paul Vidal.")


def test_a_present_form_with_a_grave_accent_is_the_verb(nlp, lex):
    found = _events(nlp, lex, "L'ampleur des violences policières en Valdonie inquiète le comité Horizon Bleu.")
    assert any(t == "ACCUSE" and s == "Horizon Bleu" for t, s, _ in found)


def test_an_adverb_inside_a_locution_keeps_it(nlp, lex):
    assert ("SUPPORT", "Horizon Bleu", "Léa Tamar") in _events(
        nlp, lex, "Le parti Horizon Bleu fait entièrement confiance à la ministre Léa Tamar.")
    assert "SUPPORT" not in _types(nlp, lex, "Le parti Horizon Bleu fait entièrement la confiance du marché.")


def test_not_wanting_something_is_a_refusal_wanting_it_is_no_event(nlp, lex):
    assert ("REJECT", "Marc Olivar", "Léa Tamar") in _events(
        nlp, lex, "Le maire Marc Olivar ne veut pas de la réforme de la ministre Léa Tamar.")
    assert not _events(nlp, lex, "Le maire Marc Olivar veut une nouvelle réforme.")
    assert "REJECT" not in {t for t, _, _ in _events(nlp, lex, "Cela ne veut pas dire que le maire Marc Olivar a tort.")}


def test_a_verb_after_a_quote_read_as_a_noun_is_the_verb(nlp, lex):
    assert ("ACCUSE", "verb:épingler") in _triggers(
        nlp, lex, "« La ministre n'a rien compris aux soignants », épingle le collectif Aube.")
    assert not _triggers(nlp, lex, "Le match a été rude, critique la plus dure de la saison.")


def test_an_attack_in_court_is_an_accusation_not_an_assault(nlp, lex):
    assert ("ACCUSE", "Paul Vidal", "Léa Tamar") in _events(
        nlp, lex, "Le député Paul Vidal attaque la ministre Léa Tamar en justice pour diffamation.")
    assert "ASSAULT" in _types(nlp, lex, "Des hommes armés ont attaqué un poste de police à Montvert.")


def test_a_stance_adjective_parsed_with_a_passive_auxiliary_is_still_the_stance(nlp, lex):
    assert ("REJECT", "Horizon Bleu", None) in _events(nlp, lex, "Le parti Horizon Bleu est fermement opposé à l'accord.")
