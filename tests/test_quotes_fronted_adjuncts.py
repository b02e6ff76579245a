"""veille.quotes.fronted_adjuncts: a person named in a fronted adjunct ("Après le départ de son adjoint
X, il a déclaré") is what the clause is about, not who its subject pronoun is."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.fronted_adjuncts import in_fronted_adjunct, pronoun_subject

PEOPLE = {"Anne Morvan": "PER", "Karim Bensaïd": "PER"}
FIRST = "Anne Morvan a retrouvé son bureau lundi. "
SAID = " a déclaré : « Je reste jusqu'au bout de mon mandat. »"


def _adjunct_people(nlp, sentence: str, gender: str | None = None) -> dict[str, bool]:
    state = quote_state(nlp, [FIRST + sentence + SAID], PEOPLE)
    pron = pronoun_subject(state, state.text.index("déclaré"), gender)
    return {m.entity.name: in_fronted_adjunct(state, m, pron) for m in state.mentions}


def test_the_adjuncts_person_is_not_the_pronoun(nlp) -> None:
    assert _adjunct_people(nlp, "Après le départ de son adjoint Karim Bensaïd, elle") == {
        "Anne Morvan": False, "Karim Bensaïd": True}


def test_the_subject_of_a_clause_of_its_own_stays_a_candidate(nlp) -> None:
    assert _adjunct_people(nlp, "Quand Karim Bensaïd est arrivé, il") == {"Anne Morvan": False, "Karim Bensaïd": False}


def test_the_pronoun_of_the_cues_gender(nlp) -> None:
    state = quote_state(nlp, [FIRST + "Après le départ de son adjoint Karim Bensaïd, elle" + SAID], PEOPLE)
    at = state.text.index("déclaré")
    assert pronoun_subject(state, at, "f").text == "elle"
    assert pronoun_subject(state, at, "m") is None
