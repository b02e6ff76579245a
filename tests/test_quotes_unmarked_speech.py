"""veille.quotes.unmarked_speech: direct speech printed without marks, told by a colon or an incise."""

from __future__ import annotations

from quotes_support import quotes_found

PEOPLE = {"Paul Arnaud": "PER"}


def test_after_a_colon_and_before_an_incise(nlp) -> None:
    colon = quotes_found(nlp, ["Le maire Paul Arnaud a déclaré : nous rouvrirons le pont avant l'hiver."], PEOPLE)
    assert colon == [("direct", "nous rouvrirons le pont avant l'hiver.", "Paul Arnaud", "person_in_subject+unmarked:colon")]
    incise = quotes_found(nlp, ["Nous rouvrirons le pont avant l'hiver, a promis Paul Arnaud."], PEOPLE)
    assert incise == [("direct", "Nous rouvrirons le pont avant l'hiver", "Paul Arnaud", "person_in_subject+unmarked:incise")]
