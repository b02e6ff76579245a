"""Guillemets set the wrong way round over a whole article (» … «) are read « … » (issue 16,
``bench/quote_perturb.py`` variant ``reversed``). Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.marks import _paragraph_segments
from veille.quotes.reversed_marks import reversed_guillemets, upright_guillemets

PEOPLE = (("Octave Lemarin", "PER"), ("Léa Morin", "PER"), ("Valbrune", "LOC"))
REVERSED = ["Le maire de Valbrune, Octave Lemarin, a parlé mardi. » Nous rouvrirons le pont avant l'hiver «, "
            "a-t-il déclaré.",
            "» La route attendra encore un mois «, a ajouté son adjointe Léa Morin."]


def _segments(text: str) -> list[tuple[int, int]]:
    return _paragraph_segments(text)


def test_a_reversed_article_is_read_upright_same_length() -> None:
    text = "\n\n".join(REVERSED)
    upright = upright_guillemets(text, _segments(text))
    assert len(upright) == len(text)
    assert "« Nous rouvrirons le pont avant l'hiver »" in upright


def test_an_upright_article_with_a_quote_ending_and_one_opening_stays() -> None:
    text = ("Octave Lemarin a parlé : « Nous rouvrirons le pont. »\n\n"
            "« Et la route ? Elle attendra. » Il a ajouté : « Pas avant l'hiver »")
    assert not reversed_guillemets(text, _segments(text))
    one = "Fin du discours. » Il a ajouté : « Pas avant l'hiver"  # one quote ending, another opening
    assert upright_guillemets(one, _segments(one)) == one


def test_reversed_quotes_get_their_speakers(nlp) -> None:
    got = quote_direct(nlp, REVERSED, PEOPLE)
    assert [(words, speaker) for words, speaker, _ in got] == [("Nous rouvrirons", "Octave Lemarin"),
                                                               ("La route", "Léa Morin")]


def test_a_reversed_quote_keeps_the_page_s_own_marks_and_words(nlp) -> None:
    # the rules read the swapped copy; the record must be the page's text at the quote's offsets
    from quotes_support import article_with_entities
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    inner = "» Le chantier du pont » Saint-Jean « reprendra en mai «, a promis Octave Lemarin."
    art = article_with_entities(REVERSED + [inner], dict(PEOPLE))
    text = art.nlp_text()
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    assert art.quotes
    for q in art.quotes:
        assert q.text in text
        if q.start is not None:
            assert q.text.strip() in text[q.start:q.end] or text[q.start:q.end].strip() in q.text
