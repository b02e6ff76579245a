"""Printed interviews whose answers carry neither quotation marks nor a label, each after a question
paragraph (``quotes/unlabelled_answers.py``). Invented sentences and people only."""

from __future__ import annotations

from quotes_support import article_with_entities
from veille.model import Article
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _article(title: str | None, paragraphs: list[str], people: dict[str, str]) -> Article:
    return article_with_entities(paragraphs, people, title=title, article_id="ua")


def _answers(nlp, art: Article) -> list[tuple[str | None, str]]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.text) for q in art.quotes if q.rule == "unlabelled_answer"]


def test_plain_answers_after_questions_are_the_interviewees(nlp):
    art = _article("Claire Dubois : « le plateau se vide »", [
        "Claire Dubois élève trois cents brebis au-dessus de Vienne depuis vingt ans. Entretien.",
        "Comment est née votre vocation ?",
        "Mon grand-père gardait déjà des moutons sur ce plateau, et je passais tous mes étés avec lui.",
        "Le loup vous inquiète-t-il ?",
        "Chaque nuit. J'ai perdu douze bêtes l'an dernier, et les indemnités arrivent avec un an de retard.",
        "Les éleveurs voisins ont tous installé des clôtures électriques, mais elles ne suffisent pas quand "
        "la neige les couche et que les chiens sont trop jeunes pour garder seuls un troupeau entier.",
        "Que faudrait-il changer selon vous ?",
        "Des chiens mieux formés, des clôtures payées par la région et un berger de plus pour l'été.",
    ], {"Claire Dubois": "PER"})
    got = _answers(nlp, art)
    assert [s for s, _ in got] == ["Claire Dubois"] * 4
    assert got[0][1].startswith("Mon grand-père")
    assert got[2][1].startswith("Les éleveurs")  # a long paragraph after an answer continues it


def test_question_subheadings_of_an_explainer_make_no_interview(nlp):
    art = _article("Canicule : les bons gestes", [
        "La préfecture de Vienne a publié ses conseils pour l'été, relayés par Paul Arnaud, le maire.",
        "Que faire en cas de malaise ?",
        "Il faut appeler le 15, mettre la personne à l'ombre et lui donner de l'eau par petites gorgées.",
        "Comment garder un logement frais ?",
        "Les volets restent fermés le jour et les fenêtres s'ouvrent la nuit, quand l'air est plus frais.",
        "Quelles boissons éviter ?",
        "L'alcool et les boissons très sucrées aggravent la déshydratation, rappelle l'agence régionale.",
    ], {"Paul Arnaud": "PER"})
    assert _answers(nlp, art) == []


def test_answers_in_marks_or_after_dashes_are_left_to_their_rules(nlp):
    art = _article("Claire Dubois, la voix des bergers", [
        "Claire Dubois élève trois cents brebis au-dessus de Vienne depuis vingt ans. Entretien.",
        "Comment est née votre vocation ?",
        "– Mon grand-père gardait déjà des moutons sur ce plateau, et je passais tous mes étés avec lui.",
        "Le loup vous inquiète-t-il ?",
        "– Chaque nuit. J'ai perdu douze bêtes l'an dernier, et les indemnités arrivent avec retard.",
        "Que faudrait-il changer selon vous ?",
        "– Des chiens mieux formés, des clôtures payées par la région et un berger de plus pour l'été.",
    ], {"Claire Dubois": "PER"})
    assert _answers(nlp, art) == []


def test_a_question_and_its_answer_joined_in_one_paragraph_are_split_at_the_question(nlp):
    art = _article("Paul Arnaud, la régie et l'été", [
        "Le directeur de la régie des eaux de Vienne, Paul Arnaud, revient sur un été de coupures.",
        "Dans votre rapport, vous parlez d'un été noir. Pourquoi ces coupures ? Les nappes sont au plus bas "
        "depuis trente ans, et nous avons dû fermer deux puits en juillet.",
        "Que demandez-vous à l'État ? Un plan de dix ans pour les réseaux, je le réclame depuis mon arrivée.",
        "Et aux habitants ? De la patience, car nos équipes réparent les fuites chaque nuit depuis juin.",
    ], {"Paul Arnaud": "PER"})
    got = _answers(nlp, art)
    assert [s for s, _ in got] == ["Paul Arnaud"] * 3
    assert got[0][1].startswith("Les nappes") and got[1][1].startswith("Un plan")


def test_a_paragraph_addressing_the_interviewee_leads_into_the_next_question(nlp):
    art = _article("Claire Dubois : « le plateau se vide »", [
        "Claire Dubois élève trois cents brebis au-dessus de Vienne depuis vingt ans. Entretien.",
        "Comment est née votre vocation ?",
        "Mon grand-père gardait déjà des moutons sur ce plateau, et je passais tous mes étés avec lui.",
        "Vous avez pourtant commencé votre carrière comme comptable dans une banque de Lyon, loin des "
        "troupeaux et des estives, pendant près de dix ans.",
        "Pourquoi ce retour à la terre ?",
        "J'étouffais dans un bureau. Je voulais un métier où mes journées ressemblent à quelque chose.",
        "Que faudrait-il changer selon vous ?",
        "Des chiens mieux formés, des clôtures payées par la région et un berger de plus pour l'été.",
    ], {"Claire Dubois": "PER"})
    got = _answers(nlp, art)
    assert [s for s, _ in got] == ["Claire Dubois"] * 3
    assert not any(text.startswith("Vous avez") for _, text in got)
