"""A person named by a given name alone, where the given name is also a word of the lemmatizer's
lexicon ("David"), stays a person (invented sentences; ``name_checks.common_word``)."""

from __future__ import annotations

from veille.entities.name_checks import common_word
from veille.entities.resources import dictionary_words


def _token(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_a_given_name_opening_a_sentence_is_no_dictionary_word(nlp):
    dictionary = dictionary_words(nlp)
    assert "david" in dictionary  # (the lexicon lists it: without the given-name check it is refused)
    tok = _token(nlp, "La brigade patrouille chaque soir. David, maître-chien depuis dix ans, connaît chaque rue.", "David")
    assert not common_word(tok, dictionary, "PER")


def test_a_dictionary_word_opening_a_sentence_is_still_refused(nlp):
    dictionary = dictionary_words(nlp)
    tok = _token(nlp, "La séance est levée. Résultat : la ville a voté contre le projet.", "Résultat")
    assert common_word(tok, dictionary, "PER")
