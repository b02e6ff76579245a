"""Trigger senses and stances found in the events precision/recall budget of the dev gold (issue 13),
each on an invented sentence with invented people, the other reading of the same word beside it:
a defence that backs nobody (self-defence, an idea or a vote defended), "se rendre" + an attribute
(becoming, no trip), and a stance participle the tagger reads as the verb ("un fervent opposant à")."""

from __future__ import annotations

import pytest

from events_support import code, coded_types

PEOPLE = [["Paul Vidal", "PER"], ["Marc Olivar", "PER"], ["Léa Tamar", "PER"], ["Aube", "ORG"],
          ["Montvert", "LOC"], ["France", "LOC"]]

NO_EVENT = [
    # self-defence backs nobody
    ({"text": "« Je me suis défendu après qu'il m'a attrapé le bras », a déclaré le député Paul Vidal.",
      "quotes": [["Je me suis défendu après qu'il m'a attrapé le bras", "Paul Vidal"]]}, "SUPPORT"),
    ({"text": "Le député Paul Vidal s'est défendu face à Marc Olivar."}, "SUPPORT"),
    # a vote option or an idea defended is no support of an actor
    ({"text": "Membre du parti Aube, Paul Vidal a pourtant défendu le non lors du référendum sur le traité "
              "de Montvert."}, "SUPPORT"),
    # "se rendre complice": becoming, no trip
    ({"text": "La France a accepté de se rendre complice de ce massacre, selon Paul Vidal."}, "CONSULT"),
    # a conflict between two parties is no stance of either
    ({"text": "Le conflit opposant le parti Aube au maire Paul Vidal dure depuis un an."}, "REJECT"),
    ({"text": "La France restait neutre dans le litige l'opposant au parti Aube."}, "REJECT"),
    ({"text": "Il avait déclaré que la France restait impartiale dans le litige l'opposant aux manifestants du "
              "parti Aube."}, "REJECT"),
]

EVENT = [
    ({"text": "Le député Paul Vidal a défendu la ministre Léa Tamar face aux critiques."}, "SUPPORT"),
    ({"text": "La ministre Léa Tamar s'est défendue d'avoir menti au parti Aube."}, "REJECT"),
    ({"text": "La ministre Léa Tamar s'est rendue à Montvert pour rencontrer le maire Paul Vidal."}, "CONSULT"),
    # a stance participle read as the verb: the adjective's stance
    ({"text": "Le député Paul Vidal a été un fervent opposant aux emprunts communs."}, "REJECT"),
    ({"text": "Paul Vidal, farouche opposant à la réforme, a pris la parole lundi."}, "REJECT"),
    ({"text": "Le député Paul Vidal est un farouche opposant à la ministre Léa Tamar."}, "REJECT"),
]


def _case(case: dict) -> dict:
    return {"entities": PEOPLE, **case}


@pytest.mark.parametrize(("case", "etype"), NO_EVENT)
def test_a_sense_that_is_no_event(nlp, lex, case, etype):
    types, seen = coded_types(_case(case), nlp, lex)
    assert etype not in types, seen


@pytest.mark.parametrize(("case", "etype"), EVENT)
def test_the_event_reading_is_kept(nlp, lex, case, etype):
    types, seen = coded_types(_case(case), nlp, lex)
    assert etype in types, seen


def test_a_stance_participle_keeps_its_holder_and_target(nlp, lex):
    events = code(_case({"text": "Le député Paul Vidal est un farouche opposant à la ministre Léa Tamar."}), nlp, lex)
    assert ("REJECT", "Paul Vidal", "Léa Tamar") in [(e.type, e.source, e.target) for e in events]
