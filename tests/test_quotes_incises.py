"""veille.quotes.incises: a quote cut by an incise naming its speaker is two quotes of that speaker,
without the incise."""

from __future__ import annotations

from quotes_support import quotes_found
from veille.quotes.incises import split_at_incises

PEOPLE = {"Léa Morvan": "PER"}


def test_an_incise_splits_the_quote_and_names_both_parts(nlp) -> None:
    assert callable(split_at_incises)
    found = quotes_found(nlp, ["« Nous fermons le marché, explique Léa Morvan, maire de Valmorin. Rien ne va plus. »"],
                         PEOPLE)
    assert [(k, t, s) for k, t, s, _ in found] == [("direct", "Nous fermons le marché", "Léa Morvan"),
                                                   ("direct", "Rien ne va plus.", "Léa Morvan")]
    assert all("explique" not in t for _, t, _, _ in found)


def test_a_quote_without_incise_stays_whole(nlp) -> None:
    found = quotes_found(nlp, ["« Nous fermons le marché. Rien ne va plus », explique Léa Morvan."], PEOPLE)
    assert [(k, t, s) for k, t, s, _ in found] == [("direct", "Nous fermons le marché. Rien ne va plus", "Léa Morvan")]
