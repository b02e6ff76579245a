"""common/function_words.py: one reader of function_words.json for the language and entity stages."""

from __future__ import annotations

from veille.common.function_words import (
    foreign_words,
    function_words,
    languages_of_word,
    transliteration_data,
)


def test_every_language_and_the_title_words_are_read():
    fw = function_words()
    assert {"fr", "en", "de", "it", "es", "en_titles"} <= set(fw)
    assert "le" in fw["fr"] and "the" in fw["en"]


def test_title_words_are_no_language():
    index = languages_of_word()
    assert all("en_titles" not in langs for langs in index.values())
    assert "fr" in index["le"]


def test_foreign_words_are_the_function_words_of_the_other_languages():
    fw = function_words()
    others = set().union(*(ws for lang, ws in fw.items() if lang not in ("fr", "en_titles")))
    assert foreign_words("fr") == others
    assert "the" in foreign_words("fr") and "der" in foreign_words("fr")
    assert fw["fr"] <= foreign_words("en") | fw["en"]


def test_transliterations_are_there():
    data = transliteration_data()
    assert "shared_words" in data and "shared_marks" in data
