"""A paragraph the page cut mid-sentence read with the next one (``quotes/cut_paragraphs.py``).
Invented sentences and people only."""

from __future__ import annotations

import pytest

from quotes_support import article_with_entities
from veille.model import Article
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.cut_paragraphs import join_cut
from veille.settings import Settings


def _joined(blocks: list[str]) -> list[str]:
    text, segs = "", []
    for b in blocks:
        if text:
            text += "\n\n"
        segs.append((len(text), len(text) + len(b)))
        text += b
    return [text[s:e] for s, e in join_cut(text, segs)]


@pytest.mark.parametrize("first,second", [
    ("Le maire a rouvert la piscine, ", "ce que les nageurs attendaient depuis juin."),  # a comma
    ("Le club a perdu son local et, selon sa présidente, ses «", "économies de dix ans »."),  # lowercase
    ("La saison, c'est long, mais la fin est belle", "! » Le coureur sourit."),  # a closing sign
    ("« Nous partirons tous", "», a dit la doyenne du village."),  # a closing mark
])
def test_a_block_cut_mid_sentence_reads_with_the_next(first: str, second: str) -> None:
    assert len(_joined([first, second])) == 1


@pytest.mark.parametrize("first,second", [
    ("Des travaux jusqu'en mai", "Le pont restera fermé tout le printemps."),  # a heading
    ("La piscine rouvre lundi.", "les horaires changent."),  # a sentence end
    ("Paul Arnaud, maire de Vienne", "à franceinfo"),  # a credit and its outlet line
    ("« Personne ne nous a prévenus », raconte", "Léa Vautrin, boulangère à Brives."),  # an incise's verb (left)
    ("Le port est calme", "Raconte-moi la suite, dit-il."),  # a heading, then a capital
])
def test_a_heading_or_a_finished_block_stays_apart(first: str, second: str) -> None:
    assert len(_joined([first, second])) == 2


def _speakers(nlp, paragraphs: list[str], people: dict[str, str]) -> list[tuple[str | None, str]]:
    art: Article = article_with_entities(paragraphs, people, title="Un quartier sans boulangerie", article_id="cut")
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.text) for q in art.quotes if q.kind == "direct"]


def test_a_closing_mark_opening_the_next_block_closes_the_quote(nlp) -> None:
    got = _speakers(nlp, [
        "Le conseil a voté lundi la fermeture du pont. « Nous ne pouvons plus attendre",
        "», a déclaré Paul Arnaud, le maire de Vienne.",
    ], {"Paul Arnaud": "PER"})
    assert got == [("Paul Arnaud", "Nous ne pouvons plus attendre")]


def test_a_quote_split_over_blocks_at_its_marks_is_read_whole(nlp) -> None:
    got = _speakers(nlp, [
        "Le conseil municipal a voté lundi la fermeture du pont, jugé trop fragile. Le pont « ",
        "ne supporte plus les camions depuis l'hiver »,",
        "a précisé Paul Arnaud, le maire de Vienne, devant une salle comble.",
    ], {"Paul Arnaud": "PER"})
    assert ("Paul Arnaud", "ne supporte plus les camions depuis l'hiver") in got
