"""Who a demonym, a title set off by commas and a fronted time stand for (events/peoples.py,
events/apposed.py, agents.subject): some of a people counted or polled, or a private body's
adjective, is no state; a name the parser coordinated with its title by a comma is the title's
holder; a fronted day is no subject. Invented sentences, people and bodies."""

from __future__ import annotations

import pytest

from events_support import code

DURAND = [["Paul Durand", "PER"]]

# (sentence, entities, event type, names none of its sources may be), one case a phenomenon
NOT_SOURCES = [
    pytest.param("Selon un sondage publié mardi, 58 % des Italiens accusent Paul Durand de mensonge.", DURAND,
                 "ACCUSE", {"Italie"}, id="a_polled_share_of_a_people_is_no_state"),
    pytest.param("Une majorité de Belges dénonce la réforme voulue par Paul Durand.", DURAND,
                 "ACCUSE", {"Belgique"}, id="a_majority_of_a_people_is_no_state"),
    pytest.param("Plusieurs Tunisiens ont dénoncé la décision de Paul Durand.", DURAND,
                 "ACCUSE", {"Tunisie"}, id="some_people_counted_by_a_quantifier_are_no_state"),
    pytest.param("Une association autrichienne a porté plainte mardi contre le maire Paul Durand.", DURAND,
                 "ACCUSE", {"Autriche"}, id="a_private_body_with_a_demonym_alone_is_no_state"),
    pytest.param("La France propose des contrats d'intégration aux nouveaux arrivants. "
                 "Parmi eux, 7 % ont été acceptés par des Algériens.", [["France", "LOC"]],
                 "AGREE", {"France", "Algérie"}, id="some_people_after_par_stand_for_no_body_named_before"),
    pytest.param("Leur avocate, Maître Lina Varga, a dénoncé mardi la décision de Paul Durand. "
                 "Le lendemain, elles ont réclamé une enquête sur le tribunal.",
                 [["Lina Varga", "PER"], ["Paul Durand", "PER"]],
                 "REQUEST", {"Lina Varga"}, id="a_person_apposed_to_a_title_by_a_comma_is_no_coordination_for_they"),
]

# (sentence, entities, event type, a source it must have, whether that is its only source)
SOURCES = [
    pytest.param("Les Ukrainiens dénoncent la décision de Paul Durand.", DURAND,
                 "ACCUSE", "Ukraine", False, id="the_people_as_a_whole_still_stand_for_their_country"),
    pytest.param("Une association turque, Solidarité Anatolie, a porté plainte mardi contre le maire Paul Durand.",
                 [["Solidarité Anatolie", "ORG"], ["Paul Durand", "PER"]],
                 "ACCUSE", "Solidarité Anatolie", True, id="a_private_body_with_a_demonym_is_the_body_named_after_it"),
    pytest.param("Des soldats russes ont bombardé le village de Montvert mardi.", [["Montvert", "LOC"]],
                 "ASSAULT", "Russie", False, id="soldiers_with_a_demonym_still_act_for_their_state"),
    pytest.param("La ministre des Finances, Lina Varga, a présenté mardi son budget. "
                 "Mercredi, la ministre a accusé le parti Kalvar de mensonge.",
                 [["Lina Varga", "PER"], ["Kalvar", "ORG"]],
                 "ACCUSE", "Lina Varga", True, id="a_title_set_off_by_commas_is_taken_up_by_the_title_alone"),
    pytest.param("Paul Durand a été condamné mardi à deux mois de prison pour avoir agressé Marc Lefort.",
                 [["Paul Durand", "PER"], ["Marc Lefort", "PER"]],
                 "ASSAULT", "Paul Durand", True, id="the_condemned_did_what_they_are_condemned_for"),
]


def _sources(nlp, lex, text, entities, etype):
    """The sources of the events of ``etype`` coded from an invented text, and every event with its rule."""
    events = code({"text": text, "entities": entities}, nlp, lex, explain=True)
    return {e.source for e in events if e.type == etype}, [(e.type, e.source, e.target, e.rule) for e in events]


@pytest.mark.parametrize("text, entities, etype, names", NOT_SOURCES)
def test_who_is_not_the_source(nlp, lex, text, entities, etype, names):
    sources, shown = _sources(nlp, lex, text, entities, etype)
    assert not sources & names, shown


@pytest.mark.parametrize("text, entities, etype, name, only", SOURCES)
def test_who_the_source_is(nlp, lex, text, entities, etype, name, only):
    sources, shown = _sources(nlp, lex, text, entities, etype)
    assert (sources == {name}) if only else (name in sources), shown
