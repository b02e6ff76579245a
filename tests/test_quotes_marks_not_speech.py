"""veille.quotes.named_marks and veille.quotes.shown_marks: marks holding a title or the words a banner
shows are nobody's words."""

from __future__ import annotations

from quotes_support import quotes_found

PEOPLE = {"Léa Morvan": "PER", "Valmorin": "LOC"}


def test_a_title_in_marks_is_no_quote(nlp) -> None:
    assert quotes_found(nlp, ["Léa Morvan a publié son livre « Les jardins du fleuve » en mars."], PEOPLE) == []


def test_a_banners_words_are_no_quote(nlp) -> None:
    text = "Les manifestants ont déployé une banderole « on ne lâche rien » devant la mairie de Valmorin."
    assert quotes_found(nlp, [text], PEOPLE) == []
