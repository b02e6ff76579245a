"""Event false alarms on real sentences (issue 13, helper evprec2): acts typed by the wrong class and
event words used in another sense. Every sentence and name is invented."""

from __future__ import annotations

from events_support import code
from lexicon_checks import named_case

NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Horizon Bleu", "ORG"], ["Montvert", "LOC"]]


def _events(nlp, lex, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(named_case(text, NAMES), nlp, lex)]


def test_an_abduction_is_an_assault_not_an_arrest(nlp, lex):
    for text in ("Des hommes armés ont enlevé le journaliste Paul Vidal à Montvert.",
                 "Léa Tamar a été séquestrée pendant deux semaines par ses ravisseurs."):
        types = {t for t, _, _ in _events(nlp, lex, text)}
        assert "ASSAULT" in types and "COERCE" not in types, (text, types)


def test_an_arrest_stays_coercion(nlp, lex):
    types = {t for t, _, _ in _events(nlp, lex, "La police de Montvert a arrêté Paul Vidal mardi.")}
    assert "COERCE" in types, types
