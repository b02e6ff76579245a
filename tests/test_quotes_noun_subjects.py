"""veille.quotes.noun_subjects: the features the speaker scorer reads when a cue's subject is a definite
common noun ("indique la Cour", "rappelle l'élue") that names nobody by itself."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.cues import find_cues
from veille.quotes.noun_subjects import noun_features, noun_subject, written_with

PEOPLE = {"Cour des comptes de Porvic": "ORG", "Anne Morvan": "PER", "syndicat Marée": "ORG"}


def _cue(state, verb: str):
    return next(c for c in find_cues(state) if c.tok.text == verb)


def test_a_noun_of_the_name_and_a_noun_written_with_a_mention(nlp) -> None:
    state = quote_state(nlp, ["La Cour des comptes de Porvic a rendu son rapport. Anne Morvan, élue de Porvic, "
                              "l'a lu. « Les comptes sont justes », indique la Cour. « Tant mieux », ajoute l'élue."],
                        PEOPLE)
    court = _cue(state, "indique")
    noun = noun_subject(state, court)
    assert (noun.word, noun.person, noun.gender) == ("cour", False, "f")
    ents = {e.name: e for e in state.art.entities}
    features = noun_features(state, court, ents, main=None, gender_of=lambda e: None)
    assert features["Cour des comptes de Porvic"].get("np_in_name") == 1
    elected = _cue(state, "ajoute")
    noun = noun_subject(state, elected)
    assert noun.person and noun.gender == "f"
    assert written_with(state, noun, elected.subj_start) == {"Anne Morvan"}  # "Anne Morvan, élue de Porvic"
    features = noun_features(state, elected, ents, main="Anne Morvan", gender_of=lambda e: "f")
    assert {"np_written_with", "np_person_noun", "np_gender_agree", "np_main_person"} <= set(features["Anne Morvan"])


def test_a_named_subject_is_no_noun_subject(nlp) -> None:
    state = quote_state(nlp, ["« Les comptes sont justes », indique Anne Morvan."], PEOPLE)
    cue = _cue(state, "indique")
    assert noun_subject(state, cue) is None
    assert noun_features(state, cue, {}, None, lambda e: None) is None
    assert noun_subject(state, None) is None
