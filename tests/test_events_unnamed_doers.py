"""Doers named only by what they are ("les policiers", "les voisins", a bare "la police") give their event a null source, as the real-sentence guidelines code them,
instead of losing it; a group whose body or company is named does not. Invented sentences (issue 13)."""

from __future__ import annotations

import pytest

from events_support import code


def _events(nlp, lex, text, entities):
    return code({"text": text, "entities": entities}, nlp, lex, explain=True)


def _crowd(events, etype):
    return [e for e in events if e.type == etype and e.source is None and "unnamed-crowd-doer" in (e.rule or "")]


def test_a_plural_group_of_people_acts_unnamed(nlp, lex):
    events = _events(nlp, lex, "Les partisans du référendum ont concédé leur défaite dimanche.", [])
    assert _crowd(events, "CONCEDE"), [(e.type, e.source, e.rule) for e in events]


def test_a_dependent_verb_shares_the_unnamed_group(nlp, lex):
    events = _events(nlp, lex, "Les riverains venaient chaque semaine demander plus de sécurité.", [])
    assert _crowd(events, "REQUEST"), [(e.type, e.source, e.rule) for e in events]


def test_a_bare_police_is_nobody_named(nlp, lex):
    events = _events(nlp, lex, "La police a refusé d'enregistrer la plainte de Lina Varga.", [["Lina Varga", "PER"]])
    assert _crowd(events, "REJECT"), [(e.type, e.source, e.rule) for e in events]


def test_a_named_company_s_workers_are_not_an_unnamed_crowd(nlp, lex):
    events = _events(nlp, lex, "Les salariés de Valcor ont concédé leur défaite dimanche.", [["Valcor", "ORG"]])
    assert not _crowd(events, "CONCEDE")


def test_a_police_with_its_place_is_not_bare(nlp, lex):
    events = _events(nlp, lex, "La police de Montvert a refusé d'enregistrer la plainte de Lina Varga.",
                     [["Lina Varga", "PER"], ["Montvert", "LOC"]])
    assert not _crowd(events, "REJECT")


def _doerless(events, etype):
    return [e for e in events if e.type == etype and e.source is None and "unnamed-subject-noun" in (e.rule or "")]


def test_an_event_noun_as_subject_tells_the_act_without_its_doer(nlp, lex):
    events = _events(nlp, lex, "Des renforts ont été dépêchés à Montvert dans la nuit.", [["Montvert", "LOC"]])
    assert _doerless(events, "MOBILIZE"), [(e.type, e.source, e.rule) for e in events]


def test_a_meeting_as_subject_is_a_meeting_of_unnamed_parties(nlp, lex):
    events = _events(nlp, lex, "Une réunion se tiendra lundi à Port-Lune.", [["Port-Lune", "LOC"]])
    assert _doerless(events, "CONSULT"), [(e.type, e.source, e.rule) for e in events]


def test_an_event_noun_naming_its_doers_is_not_doerless(nlp, lex):
    events = _events(nlp, lex, "La réunion des ministres de Ruritanie se tiendra lundi.", [["Ruritanie", "LOC"]])
    assert not _doerless(events, "CONSULT"), [(e.type, e.source, e.rule) for e in events]


def test_an_event_noun_in_a_quote_is_the_speaker_s(nlp, lex):
    text = "« Une réunion se tiendra lundi », a dit Lina Varga."
    events = code({"text": text, "entities": [["Lina Varga", "PER"]],
                   "quotes": [["Une réunion se tiendra lundi", "Lina Varga"]]}, nlp, lex, explain=True)
    assert not _doerless(events, "CONSULT"), [(e.type, e.source, e.rule) for e in events]


def test_a_meeting_put_off_took_no_place(nlp, lex):
    events = _events(nlp, lex, "La réunion a été reportée à une date ultérieure.", [])
    assert not [e for e in events if e.type == "CONSULT"], [(e.type, e.source, e.rule) for e in events]


@pytest.mark.parametrize("text", [
    "Ces discussions ont duré toute la nuit.",  # an act told before, taken up again
    "Les manifestations deviennent violentes.",  # what the act is like, not that it happens
    "Cette réunion sera décisive.",
])
def test_an_event_noun_taken_up_or_described_is_no_new_doerless_act(nlp, lex, text):
    assert not _doerless(_events(nlp, lex, text, []), "CONSULT") and not _doerless(_events(nlp, lex, text, []), "PROTEST")


def test_the_meeting_takes_up_one_told_before(nlp, lex):
    events = _events(nlp, lex, "La réunion a été convoquée le jour même du sommet.", [])
    assert not _doerless(events, "CONSULT"), [(e.type, e.source, e.rule) for e in events]
