"""A one-word capitalised noun in marks inside a sentence is a name or a term, not someone's words, even
inside a clause a speech verb reports (issue 16). Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Paul Arnaud", "PER"), ("Anne Roy", "PER"))


def _quotes(nlp, paragraphs: list[str]) -> list[str]:
    return [words for words, _, _ in quote_direct(nlp, paragraphs, PEOPLE, "names")]


def test_a_name_in_marks_inside_a_reported_clause_is_no_quote(nlp):
    assert _quotes(nlp, ["Le pasteur Paul Arnaud prêchait que six « Marie » seraient choisies parmi les fidèles."]) == []


def test_a_lower_case_word_in_marks_after_a_speech_verb_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud a dénoncé une « trahison » des élus de la majorité."]) == ["trahison"]


def test_a_one_word_answer_opening_the_sentence_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud lui a demandé s'il restait. « Non », a répondu Anne Roy."]) == ["Non"]
