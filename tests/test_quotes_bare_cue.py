"""A listed incise verb the tagger reads as a noun right after a name, or a name and its apposition,
with nothing of its own after it ("Paul Arnaud, historien, analyse sans détour."): a cue of that name
(``veille.quotes.resources._named_then_bare``), issue 16. Invented sentences and people only."""

from __future__ import annotations

import pytest

from test_quotes_direct_speakers import _direct
from veille.common.fold import bare
from veille.quotes.resources import _named_then_bare


@pytest.mark.parametrize("sentence, word", [
    ("Léon Marchal, historien à l'université de Lyon, argumente sans détour.", "argumente"),
    ("Paul Arnaud, directeur d'études chez un sondeur, analyse sans détour. La suite vient.", "analyse"),
])
def test_a_noun_tagged_incise_verb_after_a_name_and_apposition_is_a_cue(nlp, sentence, word):
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert _named_then_bare(tok, bare(tok.text))


@pytest.mark.parametrize("sentence, word", [
    ("Le rapport, analyse détaillée des chiffres, sort lundi.", "analyse"),
    ("Sa fille, analyse faite, part en vacances.", "analyse"),
    ("Anne Roy analyse les chiffres du chômage.", "analyse"),
])
def test_a_noun_or_a_verb_with_an_object_is_no_bare_cue(nlp, sentence, word):
    tok = next(t for t in nlp(sentence) if t.text == word)
    assert not _named_then_bare(tok, bare(tok.text))


def test_the_quote_closing_a_paragraph_goes_to_the_name_whose_bare_cue_opens_the_next(nlp):
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Paul Arnaud, le maire de Vienne. L'opposition "
                        "reste sceptique. « Personne n'a vu le moindre chiffre depuis l'hiver. »",
                        "Léon Marchal, historien à l'université de Lyon, argumente sans détour. Le conseil "
                        "se réunira lundi."])
    assert got[-1] == ("Personne n'a", "Léon Marchal", "named_in_next_paragraph")


def test_an_avowal_frame_opening_the_next_paragraph_credits_the_quote_closing_this_one(nlp):
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Paul Arnaud, le maire de Vienne. L'opposition "
                        "reste sceptique. « Personne n'a vu le moindre chiffre depuis l'hiver. »",
                        "Léon Marchal, syndicaliste à Lyon, ne s'en cache pas.",
                        "Le conseil se réunira lundi."])
    assert got[-1] == ("Personne n'a", "Léon Marchal", "named_in_next_paragraph")


def test_a_frame_followed_by_words_of_its_own_credits_nothing(nlp):
    got = _direct(nlp, ["« Le pont sera prêt à temps », a assuré Paul Arnaud, le maire de Vienne. L'opposition "
                        "reste sceptique. « Personne n'a vu le moindre chiffre depuis l'hiver. »",
                        "Léon Marchal ne s'en cache pas, mais il votera le budget.",
                        "Le conseil se réunira lundi."])
    assert [rule for _, _, rule in got if rule == "named_in_next_paragraph"] == []
