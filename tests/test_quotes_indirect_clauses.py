"""veille.quotes.indirect: the clause a speech verb reports, after "que" or before an incise, without
the "que"; a verb of thinking reports nothing."""

from __future__ import annotations

from quotes_support import quotes_found
from veille.quotes.indirect import QUOTED_SHARE, indirect_quote

PEOPLE = {"Léa Morvan": "PER", "Paul Varlin": "PER"}


def test_the_clause_after_que_and_the_clause_before_an_incise(nlp) -> None:
    assert callable(indirect_quote) and 0 < QUOTED_SHARE < 1
    after = quotes_found(nlp, ["Léa Morvan a affirmé que la piscine resterait fermée tout le mois."], PEOPLE)
    assert [(k, t, s, r) for k, t, s, r in after] == [
        ("indirect", "la piscine resterait fermée tout le mois", "Léa Morvan", "person_in_subject")]
    before = quotes_found(nlp, ["La piscine restera fermée tout le mois, a précisé Paul Varlin."], PEOPLE)
    assert [(k, t, s) for k, t, s, _ in before] == [("indirect", "La piscine restera fermée tout le mois", "Paul Varlin")]


def test_a_thought_is_no_report(nlp) -> None:
    assert quotes_found(nlp, ["Paul Varlin pense que la piscine restera fermée."], PEOPLE) == []
