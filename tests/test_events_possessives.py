"""veille.events.possessives: "son opposition", "son appel" are the act of the clause's subject, or of
the previous sentence's subject when the noun is the subject; "son arrestation" is undergone."""

from __future__ import annotations

from events_support import code
from veille.events.possessives import owned_person_act, person_act


def _event(nlp, lex, text: str, entities: list, etype: str):
    return next(e for e in code({"text": text, "entities": entities}, nlp, lex, explain=True) if e.type == etype)


def test_the_clause_subjects_own_act(nlp, lex) -> None:
    ev = _event(nlp, lex, "La Slovénie a rejoint la Croatie dans son opposition à la Commission européenne.",
                [["Slovénie", "LOC"], ["Croatie", "LOC"], ["Commission européenne", "ORG"]], "REJECT")
    assert (ev.source, ev.target) == ("Slovénie", "Commission européenne")
    assert " source=noun:third-possessive " in ev.rule


def test_a_noun_in_subject_takes_up_the_previous_subject(nlp, lex) -> None:
    ev = _event(nlp, lex, "Le collectif Mer Vive a réuni ses membres lundi. Son appel à la Slovénie a été entendu.",
                [["Mer Vive", "ORG"], ["Slovénie", "LOC"]], "REQUEST")
    assert (ev.source, ev.target) == ("Mer Vive", "Slovénie") and " source=noun:third-possessive " in ev.rule


def test_acts_done_to_a_person(nlp) -> None:
    doc = nlp("Son arrestation et sa libération ont surpris, comme notre opposition.")
    arrest, release, opposition = (next(t for t in doc if t.text == w) for w in ("arrestation", "libération", "opposition"))
    assert person_act(arrest) and owned_person_act(arrest)
    assert not person_act(opposition) and not owned_person_act(opposition)
    assert owned_person_act(release) == person_act(release)
