"""Critical verbs of saying set as an incise or before a colon, and the senses of "accuser" that
blame nobody (issue 13, ACCUSE recall and precision, helper accuse1). Invented sentences."""

from __future__ import annotations

from events_support import code

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"], ["Montvert", "LOC"]]


def _accusations(nlp, lex, text: str, quotes: list[tuple[str, str]] | None = None) -> list[tuple[str | None, str | None]]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text], "quotes": quotes or []}
    return [(e.source, e.target) for e in code(case, nlp, lex, modes=frozenset({"fact", "intent"}))
            if e.type == "ACCUSE"]


def test_a_critical_verb_of_saying_after_a_quote_is_its_speakers_blame(nlp, lex):
    found = _accusations(nlp, lex, "« Ce budget oublie les campagnes », cingle le député Paul Vidal.")
    assert [s for s, _ in found] == ["Paul Vidal"]
    found = _accusations(nlp, lex, "« Le maire ne tient pas parole », assène la conseillère Léa Tamar.",
                         [("Le maire ne tient pas parole", "Léa Tamar")])
    assert [s for s, _ in found] == ["Léa Tamar"]


def test_a_critical_verb_of_saying_before_a_colon_is_its_subjects_blame(nlp, lex):
    found = _accusations(nlp, lex, "Le député Paul Vidal cingle : « Ce budget oublie les campagnes. »")
    assert [s for s, _ in found] == ["Paul Vidal"]


def test_an_adverb_between_the_incise_verb_and_its_subject(nlp, lex):
    found = _accusations(nlp, lex, "La ministre a défendu un budget contesté (« un cadeau aux riches », "
                                   "épingle notamment le syndicat Forge).", [("un cadeau aux riches", "Forge")])
    assert [s for s, _ in found] == ["Forge"]


def test_the_same_verbs_with_an_object_tell_no_blame(nlp, lex):
    assert not _accusations(nlp, lex, "La pluie cingle les visages des coureurs à Montvert.")
    assert not _accusations(nlp, lex, "Le boxeur Paul Vidal a asséné un coup de poing à son adversaire.")
    assert not _accusations(nlp, lex, "Le maire Marc Olivar assène ses chiffres : « Trois mille emplois en cinq ans. »")


def test_accuser_a_blow_a_delay_or_a_fall_blames_nobody(nlp, lex):
    assert not _accusations(nlp, lex, "Après sa défaite, le maire Marc Olivar a accusé le coup.")
    assert not _accusations(nlp, lex, "L'usine Forge de Montvert accuse un retard de trois mois.")
    assert not _accusations(nlp, lex, "L'entreprise Forge accuse une baisse de ses ventes.")


def test_accuser_someone_of_a_fall_is_still_an_accusation(nlp, lex):
    assert ("Paul Vidal", "Léa Tamar") in _accusations(
        nlp, lex, "Le député Paul Vidal accuse la ministre Léa Tamar de la baisse des salaires.")
