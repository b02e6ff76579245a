"""veille.quotes.unopened: a first-person paragraph whose opening mark was lost is still speech."""

from __future__ import annotations

from quotes_support import quotes_found

LEDE = "Le pont de Valmorin est fermé depuis lundi."


def test_testimony_without_its_opening_mark_is_a_quote(nlp) -> None:
    found = quotes_found(nlp, [LEDE, "Nous avons tout perdu en une nuit. Nous repartirons de zéro. »"], {})
    assert [(k, t) for k, t, _, _ in found] == [("direct", "Nous avons tout perdu en une nuit. Nous repartirons de zéro.")]


def test_third_person_prose_ending_on_a_stray_mark_is_not(nlp) -> None:
    assert quotes_found(nlp, [LEDE, "Le conseil a voté une aide de dix mille euros pour les commerçants. »"], {}) == []
