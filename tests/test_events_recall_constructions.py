"""Trigger recall on constructions the events dev gold marks and the parse hid from the other tables
(``lexicons/events/construction_triggers.tsv``, issue 13, helper events13): each line on its invented
example, the readings it must not take, and the auxiliary the parser labels a determiner."""

from __future__ import annotations

import pytest

from events_support import add_entity, trigger_pairs
from lexicon_checks import assert_every_line_has_example, line_ids, named_case, trigger_lines

CONSTRUCTIONS = "events/construction_triggers.tsv"
LINES = trigger_lines(CONSTRUCTIONS)
# invented people, bodies and places the examples name
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Horizon Bleu", "ORG"],
         ["Valdoria", "LOC"], ["Morlande", "LOC"], ["Montvert", "LOC"]]


def _case(text: str) -> dict:
    return named_case(text, NAMES)


def _triggers(nlp, lex, text: str) -> list[tuple[str, str]]:
    return trigger_pairs(_case(text), nlp, lex)


def _types(nlp, lex, text: str) -> set[str]:
    return {t for t, _ in _triggers(nlp, lex, text)}


def test_every_line_carries_an_invented_example():
    assert_every_line_has_example(LINES)


@pytest.mark.parametrize("row", LINES, ids=line_ids(LINES))
def test_every_example_finds_its_type(nlp, lex, row):
    assert row[0] in _types(nlp, lex, row[4])


def test_a_rape_told_at_a_trial_without_the_victim_as_object(nlp, lex):
    assert "ASSAULT" in _types(nlp, lex, "Paul Vidal est jugé pour avoir violé et frappé deux adolescentes à Montvert.")
    assert "ASSAULT" in _types(nlp, lex, "Léa Tamar, qui a porté plainte après avoir été violée, est entendue lundi.")


def test_violating_a_law_or_a_truce_is_no_assault(nlp, lex):
    assert "ASSAULT" not in _types(nlp, lex, "Morlande est accusée d'avoir violé le cessez-le-feu à Montvert.")
    assert "ASSAULT" not in _types(nlp, lex, "Le maire Paul Vidal a violé la loi sur les marchés publics.")
    assert "ASSAULT" not in _types(nlp, lex, "Le juge estime que la société Horizon Bleu a violé les règles de la concurrence.")



def test_a_present_form_or_the_adjective_is_no_rape(nlp, lex):
    assert "ASSAULT" not in _types(nlp, lex, "Selon Léa Tamar, ces jeux ne rendent pas les enfants violents.")
    assert "ASSAULT" not in _types(nlp, lex, "Le jeu vidéo rend-il violent ?")


def _article_events(nlp, lex, paragraphs: list[str], title: str | None = None, entities: list | None = None):
    from veille.events import Coder
    from veille.model import Article

    art = Article(id="case-paragraphs", title=title, paragraphs=paragraphs)
    text = art.nlp_text()
    for name, etype in entities or []:
        add_entity(art, text, name, etype)
    return Coder(lex, art, nlp(text), explain=True).run()


def test_a_protest_named_again_in_a_later_paragraph_is_coded_again(nlp, lex):
    events = _article_events(nlp, lex, [
        "Trois ans après les émeutes de Port-Lune, la mairie a rouvert la médiathèque.",
        "Deux ans après les émeutes de Port-Lune, la mairie a rouvert le stade."])
    background = [e for e in events if " source=background-noun " in (e.rule or "")]
    assert len(background) == 2, [(e.type, e.text, e.rule) for e in events]


def test_a_headline_with_a_named_doer_is_not_taken_by_a_protest_without_one(nlp, lex):
    events = _article_events(nlp, lex, [
        "Les ouvriers de Valcor ont rejeté mercredi l'offre de la direction, a déclaré le syndicat Forge.",
        "La grève dure depuis six semaines dans les ateliers de Montvert."],
        title="Le syndicat rejette l'accord, la grève se poursuit chez Valcor",
        entities=[["syndicat Forge", "ORG"], ["Valcor", "ORG"]])
    assert ("PROTEST", "syndicat Forge") in [(e.type, e.source) for e in events]


def test_name_calling_in_quotation_marks_is_an_accusation(nlp, lex):
    assert ("ACCUSE", "verb:traiter") in _triggers(nlp, lex, "Le maire Marc Olivar a traité la députée Léa Tamar de « girouette ».")
    # the object clitic the parser reads as a determiner of the participle
    assert ("ACCUSE", "verb:traiter") in _triggers(
        nlp, lex, "Il a visé la directrice Léa Tamar, la traitant de \"cuisinière en chef\".")


def test_handling_files_or_patients_is_no_name_calling(nlp, lex):
    assert "ACCUSE" not in _types(nlp, lex, "Le ministère traite les dossiers « sensibles » en priorité.")
    assert "ACCUSE" not in _types(nlp, lex, "Le médecin Paul Vidal traite les patients de Montvert depuis 1990.")
