"""Verbal events told in words (issue 13): blame told as a deed someone says or holds ("selon X, Y a
menti", "X estime que Y a trahi"), never the teller's own deed. Invented sentences."""

from __future__ import annotations

from events_support import code

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str, quotes: list[tuple[str, str]] | None = None) -> list[tuple[str, str | None, str | None]]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text], "quotes": quotes or []}
    return [(e.type, e.source, e.target) for e in code(case, nlp, lex, modes=frozenset({"fact", "intent"}))]


def test_a_deed_someone_holds_blameworthy_is_their_accusation(nlp, lex):
    assert ("ACCUSE", "Léa Tamar", "Paul Vidal") in _events(
        nlp, lex, "Selon Léa Tamar, Paul Vidal a menti aux électeurs de Montvert.")
    assert ("ACCUSE", "Léa Tamar", "Paul Vidal") in _events(
        nlp, lex, "Léa Tamar estime que Paul Vidal a trahi ses électeurs.")


def test_an_incise_after_the_deed_names_the_accuser(nlp, lex):
    assert ("ACCUSE", "Léa Tamar", "Paul Vidal") in _events(nlp, lex, "Paul Vidal a menti, a affirmé Léa Tamar.")


def test_a_deed_told_without_a_judge_is_narration(nlp, lex):
    assert not [e for e in _events(nlp, lex, "Paul Vidal a trahi sa promesse.") if e[0] == "ACCUSE"]


def test_a_deed_owned_by_its_teller_is_a_confession(nlp, lex):
    assert not _events(nlp, lex, "« J'ai menti aux électeurs », a déclaré Paul Vidal.",
                       [("J'ai menti aux électeurs", "Paul Vidal")])
    assert not [e for e in _events(nlp, lex, "Paul Vidal reconnaît avoir menti aux électeurs.") if e[0] == "ACCUSE"]
