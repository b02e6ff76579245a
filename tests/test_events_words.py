"""veille.events.words and lexicons/events/: the function words the event rules read."""

from __future__ import annotations

import pytest

from veille.common.lexicon import header
from veille.events import words

FILES = ("events/elisions.tsv", "events/pronouns.tsv", "events/endings.tsv", "events/role_words.tsv")


@pytest.mark.parametrize("name", FILES)
def test_function_word_lexicons_name_source_columns_and_example(name):
    head = "\n".join(header(name)).lower()
    assert "source:" in head and "columns:" in head and "example" in head, name


def test_norm_word_spells_out_elisions_and_unifies_apostrophes():
    assert words.norm_word("L’") == "le"
    assert words.norm_word("Du") == "de"
    assert words.norm_word("S`") == "se"
    assert words.norm_word("jusqu´") == "jusque"
    assert words.norm_word(" Élysée ") == "élysée"  # accents kept, spaces stripped
    assert words.norm_word("aux") == "à"


def test_word_groups_come_from_the_lexicons():
    assert "nous" in words.REFLEXIVE and "leur" in words.PERSONAL and "leur" not in words.THIRD_PERSON
    assert words.THIRD_SINGULAR < words.THIRD_PERSON
    assert words.FIRST_PLURAL_POSSESSIVE < words.FIRST_POSSESSIVE
    assert words.OF_PREPS == {"de", "de le"}
    assert "aient" in words.CONDITIONAL_ENDINGS and "ont" in words.FUTURE_ENDINGS
    assert set(words.INFINITIVE_ENDINGS) == {"er", "ir", "re"}
    assert "faire savoir" in words.ANNOUNCE_PHRASES


def test_sentence_of_is_the_tokens_sentence(nlp):
    doc = nlp("Le maire de Valbrune a signé l'accord. Il partira lundi. Les élus ont voté contre le projet.")
    for tok in doc:
        got = words.sentence_of(tok)
        assert (got.start, got.end) == (tok.sent.start, tok.sent.end)
