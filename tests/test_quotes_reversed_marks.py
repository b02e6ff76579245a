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
