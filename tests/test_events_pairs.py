"""Events on real-sentence shapes (issue 13): who the parties are when the sentence names them
without a plain subject-verb-object (invented sentences and names)."""

from __future__ import annotations

import pytest

from events_support import code


def _found(events, expected):
    return [e for e in events if (e.type, e.source, e.target) == expected]


def test_a_participle_after_a_reported_clause_is_the_speakers_act(nlp, lex):
    case = {"text": "Paul Durand a déclaré que « la partie est finie », dénonçant le Parti bleu.",
            "entities": [["Paul Durand", "PER"], ["Parti bleu", "ORG"]]}
    events = code(case, nlp, lex, explain=True)
    hits = _found(events, ("ACCUSE", "Paul Durand", "Parti bleu"))
    assert hits and " source=speaker-participle>" in hits[0].rule, [(e.type, e.source, e.rule) for e in events]


def test_a_stressing_participle_lends_no_act_to_the_speaker(nlp, lex):
    case = {"text": "Paul Durand a déclaré que la région vit une crise, soulignant la nécessité "
                    "de sanctions contre l'Ostrie.",
            "entities": [["Paul Durand", "PER"], ["Ostrie", "LOC"]]}
    events = code(case, nlp, lex, explain=True)
    assert not any(" source=speaker-participle>" in (e.rule or "") for e in events)


def test_the_parties_between_which_an_agreement_is_made(nlp, lex):
    case = {"text": "Un accord entre le Parti vert et le Parti rouge a été conclu lundi.",
            "entities": [["Parti vert", "ORG"], ["Parti rouge", "ORG"]]}
    events = code(case, nlp, lex, explain=True)
    hits = _found(events, ("AGREE", "Parti vert", "Parti rouge"))
    assert hits and " source=noun:entre " in hits[0].rule


def test_coordinated_subjects_of_a_meeting_are_its_two_sides(nlp, lex):
    case = {"text": "Le président Marc Tanguy et la chancelière Anne Roux se sont rencontrés mardi à Port-Lune.",
            "entities": [["Marc Tanguy", "PER"], ["Anne Roux", "PER"], ["Port-Lune", "LOC"]]}
    events = code(case, nlp, lex)
    sides = {(e.source, e.target) for e in events if e.type == "CONSULT"}
    assert sides & {("Marc Tanguy", "Anne Roux"), ("Anne Roux", "Marc Tanguy")}, sides
    assert not _found(events, ("CONSULT", "Marc Tanguy", "Port-Lune"))


def test_coordinated_subjects_of_a_one_sided_act_stay_one_event(nlp, lex):
    case = {"text": "Le Parti vert et le Parti rouge ont condamné l'arrestation de Jeanne Morel.",
            "entities": [["Parti vert", "ORG"], ["Parti rouge", "ORG"], ["Jeanne Morel", "PER"]]}
    events = [e for e in code(case, nlp, lex) if e.type == "ACCUSE"]
    assert len(events) == 1 and events[0].source == "Parti vert"


def test_hostilities_told_without_any_party(nlp, lex):
    events = code({"text": "De violents combats ont éclaté mardi près de la frontière.", "entities": []}, nlp, lex)
    assert _found(events, ("ASSAULT", None, None))


@pytest.mark.parametrize("text", [
    "Malgré les combats, la maire a rouvert l'école de Port-Lune.",  # a circumstance
    "Une attaque de drones russes a eu lieu dans la nuit.",  # a doer told (a demonym), only not found
])
def test_violence_as_circumstance_or_with_its_doer_told_is_no_partyless_event(nlp, lex, text):
    events = code({"text": text, "entities": []}, nlp, lex)
    assert not _found(events, ("ASSAULT", None, None)), [(e.type, e.source, e.target) for e in events]


def test_a_stance_on_a_pact_bears_on_its_parties(nlp, lex):
    case = {"text": "Le ministre Paul Durand a dénoncé l'alliance entre le Parti vert et le Parti bleu.",
            "entities": [["Paul Durand", "PER"], ["Parti vert", "ORG"], ["Parti bleu", "ORG"]]}
    events = code(case, nlp, lex, explain=True)
    hits = [e for e in events if e.type == "ACCUSE" and e.source == "Paul Durand"]
    assert hits and hits[0].target in ("Parti vert", "Parti bleu") and hits[0].rule.endswith("target=pact-parties")


def test_a_weapon_is_no_doer_of_partyless_violence(nlp, lex):
    events = code({"text": "Une attaque de drone a eu lieu dans la nuit.", "entities": []}, nlp, lex)
    assert _found(events, ("ASSAULT", None, None))


def test_partyless_violence_gives_way_to_the_sentence_s_own_account(nlp, lex):
    case = {"text": "Une attaque de missiles et de drones russes a tué trois civils dans la nuit.", "entities": []}
    events = code(case, nlp, lex, explain=True)
    assert [e for e in events if e.type == "ASSAULT"]
    assert not [e for e in events if " source=partyless " in (e.rule or "")]
