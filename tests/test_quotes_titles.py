"""veille.quotes.titles: a word naming a person by where they come from ("le Lyonnais"), not a text
that speaks for nobody ("le Code rural")."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.titles import DEMONYM_ENDING, is_epithet


def test_demonyms_are_epithets_and_texts_are_not(nlp) -> None:
    state = quote_state(nlp, ["Le Lyonnais a cité le Code rural devant la Norvégienne."], {})
    assert [is_epithet(state, w) for w in ("Lyonnais", "Norvégienne", "Niçoise", "Code", "Règlement")] == [
        True, True, True, False, False]


def test_demonym_endings() -> None:
    assert DEMONYM_ENDING.search("brestoises") and DEMONYM_ENDING.search("quimpérois")
    assert not DEMONYM_ENDING.search("décret")
