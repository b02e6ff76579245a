"""Forms of French press writing that hide an event's doer or bearer (issue 13, second events gold
pass): trailing participles with "par", accusations told from the accused's side, verbs whose
object feels the concern, an organisation taken up by the head noun of its full name. Invented
sentences and people."""

from __future__ import annotations

from events_support import code


def _pairs(events, etype):
    return [(e.source, e.target) for e in events if e.type == etype]


def test_a_trailing_participle_with_par_is_done_by_its_agent(nlp, lex):
    events = code({"text": "Les ouvriers de Montvert se sont mis en grève, soutenus par le syndicat Forge.",
                   "entities": [["Montvert", "LOC"], ["Forge", "ORG"]]}, nlp, lex)
    assert [s for s, _ in _pairs(events, "SUPPORT")] == ["Forge"]


def test_a_trailing_participle_of_blame_names_its_critic(nlp, lex):
    events = code({"text": "Le ministre Paul Grimaud a démissionné, critiqué par la députée Léa Tamar.",
                   "entities": [["Paul Grimaud", "PER"], ["Léa Tamar", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [("Léa Tamar", "Paul Grimaud")]


def test_a_participle_on_a_title_in_apposition_is_undergone_by_the_person(nlp, lex):
    events = code({"text": "Lina Varga, ancienne ministre déjà accusée de fraude, a quitté le pays.",
                   "entities": [["Lina Varga", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Lina Varga")]


def test_accusers_left_unnamed_keep_a_null_source(nlp, lex):
    events = code({"text": "Accusé par d'anciens employés de harcèlement, le chef Paul Grimaud a fermé son restaurant.",
                   "entities": [["Paul Grimaud", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Paul Grimaud")]


def test_accusations_against_someone_without_accuser(nlp, lex):
    events = code({"text": "Les premières accusations contre Paul Grimaud remontent à décembre.",
                   "entities": [["Paul Grimaud", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [(None, "Paul Grimaud")]


def test_a_named_critic_after_par_stays_the_source(nlp, lex):
    events = code({"text": "Accusé par la députée Léa Tamar de mentir, le ministre Paul Grimaud a démissionné.",
                   "entities": [["Paul Grimaud", "PER"], ["Léa Tamar", "PER"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [("Léa Tamar", "Paul Grimaud")]


def test_a_verb_whose_object_feels_the_concern(nlp, lex):
    events = code({"text": "La hausse des arrestations en Moldavie inquiète l'Union européenne.",
                   "entities": [["Moldavie", "LOC"], ["Union européenne", "ORG"]]}, nlp, lex)
    assert _pairs(events, "ACCUSE") == [("Union européenne", "Moldavie")]


def test_a_passive_of_a_feeling_verb_is_no_concern(nlp, lex):
    events = code({"text": "Le ministre Paul Grimaud n'a jamais été inquiété par les juges.",
                   "entities": [["Paul Grimaud", "PER"]]}, nlp, lex, modes=None)
    assert _pairs(events, "ACCUSE") == []


def test_a_committee_is_taken_up_by_the_head_of_the_name_its_acronym_spells(nlp, lex):
    text = ("Le comité de l'Union européenne pour la protection des forêts (CPF) a publié ses observations. "
            "Le comité demande à la Moldavie de protéger ses forêts.")
    events = code({"text": text, "entities": [["Union européenne", "ORG"], ["CPF", "ORG"], ["Moldavie", "LOC"]]},
                  nlp, lex)
    assert _pairs(events, "REQUEST") == [("CPF", "Moldavie")]


def test_calling_on_the_authorities_is_a_request(nlp, lex):
    events = code({"text": "Le syndicat Forge a interpellé les autorités de Moldavie sur les salaires.",
                   "entities": [["Forge", "ORG"], ["Moldavie", "LOC"]]}, nlp, lex)
    assert [e.type for e in events] == ["REQUEST"]
