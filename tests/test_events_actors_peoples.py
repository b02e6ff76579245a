"""Who a demonym, a title set off by commas and a fronted time stand for (events/peoples.py,
events/apposed.py, agents.subject): some of a people counted or polled, or a private body's
adjective, is no state; a name the parser coordinated with its title by a comma is the title's
holder; a fronted day is no subject. Invented sentences, people and bodies."""

from __future__ import annotations

from events_support import code


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def _sources(events, etype):
    return {e.source for e in events if e.type == etype}


def _show(events):
    return [(e.type, e.source, e.target, e.rule) for e in events]


def test_a_polled_share_of_a_people_is_no_state(nlp, lex):
    text = "Selon un sondage publié mardi, 58 % des Italiens accusent Paul Durand de mensonge."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert "Italie" not in _sources(events, "ACCUSE"), _show(events)


def test_a_majority_of_a_people_is_no_state(nlp, lex):
    text = "Une majorité de Belges dénonce la réforme voulue par Paul Durand."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert "Belgique" not in _sources(events, "ACCUSE"), _show(events)


def test_some_people_counted_by_a_quantifier_are_no_state(nlp, lex):
    text = "Plusieurs Tunisiens ont dénoncé la décision de Paul Durand."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert "Tunisie" not in _sources(events, "ACCUSE"), _show(events)


def test_the_people_as_a_whole_still_stand_for_their_country(nlp, lex):
    text = "Les Ukrainiens dénoncent la décision de Paul Durand."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert "Ukraine" in _sources(events, "ACCUSE"), _show(events)


def test_a_private_body_with_a_demonym_is_the_body_named_after_it(nlp, lex):
    text = "Une association turque, Solidarité Anatolie, a porté plainte mardi contre le maire Paul Durand."
    events = _events(nlp, lex, text, [["Solidarité Anatolie", "ORG"], ["Paul Durand", "PER"]])
    assert _sources(events, "ACCUSE") == {"Solidarité Anatolie"}, _show(events)


def test_a_private_body_with_a_demonym_alone_is_no_state(nlp, lex):
    text = "Une association autrichienne a porté plainte mardi contre le maire Paul Durand."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"]])
    assert "Autriche" not in _sources(events, "ACCUSE"), _show(events)


def test_soldiers_with_a_demonym_still_act_for_their_state(nlp, lex):
    text = "Des soldats russes ont bombardé le village de Montvert mardi."
    events = _events(nlp, lex, text, [["Montvert", "LOC"]])
    assert "Russie" in _sources(events, "ASSAULT"), _show(events)


def test_a_title_set_off_by_commas_is_taken_up_by_the_title_alone(nlp, lex):
    text = ("La ministre des Finances, Lina Varga, a présenté mardi son budget. "
            "Mercredi, la ministre a accusé le parti Kalvar de mensonge.")
    events = _events(nlp, lex, text, [["Lina Varga", "PER"], ["Kalvar", "ORG"]])
    assert _sources(events, "ACCUSE") == {"Lina Varga"}, _show(events)


def test_some_people_after_par_stand_for_no_body_named_before(nlp, lex):
    text = ("La France propose des contrats d'intégration aux nouveaux arrivants. "
            "Parmi eux, 7 % ont été acceptés par des Algériens.")
    events = _events(nlp, lex, text, [["France", "LOC"]])
    assert not _sources(events, "AGREE") & {"France", "Algérie"}, _show(events)


def test_the_condemned_did_what_they_are_condemned_for(nlp, lex):
    text = "Paul Durand a été condamné mardi à deux mois de prison pour avoir agressé Marc Lefort."
    events = _events(nlp, lex, text, [["Paul Durand", "PER"], ["Marc Lefort", "PER"]])
    assert _sources(events, "ASSAULT") == {"Paul Durand"}, _show(events)


def test_a_person_apposed_to_a_title_by_a_comma_is_no_coordination_for_they(nlp, lex):
    text = ("Leur avocate, Maître Lina Varga, a dénoncé mardi la décision de Paul Durand. "
            "Le lendemain, elles ont réclamé une enquête sur le tribunal.")
    events = _events(nlp, lex, text, [["Lina Varga", "PER"], ["Paul Durand", "PER"]])
    assert "Lina Varga" not in _sources(events, "REQUEST"), _show(events)
