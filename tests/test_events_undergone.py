"""Threats told from the side of the one who gets them (``undergone_type`` THREATEN in
``lexicons/events/role_words.tsv``, issue 13): a threat noun with its target and no doer anywhere
is kept with a null source, as accusations are ("les accusations contre X"). Invented sentences."""

from __future__ import annotations

from events_support import code

NAMES = [["Léa Tamar", "PER"], ["Valdoria", "LOC"]]


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    case = {"text": text, "entities": [n for n in NAMES if n[0] in text]}
    return [(e.type, e.source, e.target) for e in code(case, nlp, lex)]


def test_threats_against_a_named_person_are_kept_without_their_doer(nlp, lex):
    assert ("THREATEN", None, "Léa Tamar") in _events(
        nlp, lex, "De nouvelles menaces à l'encontre de la juge Léa Tamar ont été signalées.")
    assert ("THREATEN", None, "Léa Tamar") in _events(
        nlp, lex, "La journaliste Léa Tamar a fait l'objet de menaces de mort.")


def test_a_threat_with_no_one_threatened_is_no_event(nlp, lex):
    assert not [e for e in _events(nlp, lex, "La menace terroriste reste élevée à Valdoria.") if e[0] == "THREATEN"]
    assert not [e for e in _events(nlp, lex, "La menace d'une grève plane sur Valdoria.") if e[0] == "THREATEN"]
