"""veille.quotes.report_forms: a wish reports nothing; "Comme l'a dit X, <clause>" reports its main
clause. The words come from ``lexicons/quotes/indirect.tsv``."""

from __future__ import annotations

from quotes_support import quotes_found
from veille.quotes import report_forms

PEOPLE = {"Léa Morvan": "PER", "Paul Varlin": "PER"}


def test_a_wish_reports_nothing_where_a_claim_does(nlp) -> None:
    assert "esperer" in report_forms.WISH
    assert quotes_found(nlp, ["Léa Morvan espère que le pont rouvrira avant l'été."], PEOPLE) == []
    claim = quotes_found(nlp, ["Léa Morvan affirme que le pont rouvrira avant l'été."], PEOPLE)
    assert [(k, t, s) for k, t, s, _ in claim] == [("indirect", "le pont rouvrira avant l'été", "Léa Morvan")]


def test_as_said_by_reports_the_main_clause(nlp) -> None:
    assert ("comme",) in report_forms.AS_REPORT
    found = quotes_found(nlp, ["Comme l'a dit Paul Varlin, la piscine restera fermée tout le mois."], PEOPLE)
    assert [(k, t, s) for k, t, s, _ in found] == [("indirect", "la piscine restera fermée tout le mois", "Paul Varlin")]
