"""Printed interviews whose answers open on a dash or on the interviewee's name or initials, without
quotation marks (``quotes/labelled_answers.py``). Invented sentences and people only."""

from __future__ import annotations

from quotes_support import article_with_entities
from veille.model import Article
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _article(title: str | None, paragraphs: list[str], people: dict[str, str]) -> Article:
    return article_with_entities(paragraphs, people, title=title, article_id="iv")


def _answers(nlp, art: Article) -> list[tuple[str | None, str]]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.text) for q in art.quotes if q.rule == "labelled_answer"]


LEDE = "Paul Arnaud dirige la régie des eaux de Vienne depuis dix ans. Il revient sur un été difficile."


def test_answers_opened_by_name_then_initials_are_the_interviewees(nlp):
    art = _article("Paul Arnaud : « les nappes sont au plus bas »", [
        LEDE,
        "Le Courrier : Pourquoi ces coupures d'eau cet été ?",
        "Paul Arnaud : Les nappes sont au plus bas depuis trente ans, nous avons dû fermer deux puits.",
        "Nous avons prévenu les communes dès le mois de mai, mais la chaleur est arrivée bien plus tôt que "
        "prévu et les réserves ont baissé de moitié en trois semaines seulement.",
        "Que demandez-vous à l'État ?",
        "P. A. – Un plan de dix ans pour les réseaux, qui perdent un litre sur cinq.",
        "Et aux habitants ?",
        "P. A. – De la patience. Je sais que c'est long, nous réparons chaque nuit.",
    ], {"Paul Arnaud": "PER"})
    got = _answers(nlp, art)
    assert len(got) == 4
    assert {s for s, _ in got} == {"Paul Arnaud"}
    assert got[0][1].startswith("Les nappes")  # the label is not part of the quote
    assert got[2][1].startswith("Un plan")


def test_dash_answers_go_to_the_interviewee(nlp):
    art = _article("Claire Dubois, la voix des bergers", [
        "Claire Dubois élève trois cents brebis au-dessus de Vienne. Entretien.",
        "Comment est née votre vocation ?",
        "– Mon grand-père gardait déjà des moutons sur ce plateau.",
        "Le loup vous inquiète-t-il ?",
        "– Chaque nuit. J'ai perdu douze bêtes l'an dernier.",
        "Que faudrait-il changer ?",
        "– Des chiens mieux formés et des clôtures payées par la région.",
    ], {"Claire Dubois": "PER"})
    got = _answers(nlp, art)
    assert [s for s, _ in got] == ["Claire Dubois"] * 3
    assert got[1][1].startswith("Chaque nuit")


def test_dashed_items_under_question_headings_make_no_interview(nlp):
    art = _article("Canicule : les bons gestes", [
        "La préfecture de Vienne a publié ses conseils pour l'été, relayés par Paul Arnaud.",
        "Que faire en cas de malaise ?",
        "- Appeler le 15 et mettre la personne à l'ombre.",
        "- Desserrer ses vêtements.",
        "Comment garder un logement frais ?",
        "- Fermer les volets le jour et aérer la nuit.",
        "- Suspendre un linge humide devant la fenêtre.",
        "Quelles boissons éviter ?",
        "- L'alcool et les boissons très sucrées.",
    ], {"Paul Arnaud": "PER"})
    assert _answers(nlp, art) == []


def test_dash_answers_without_a_named_lede_go_to_the_person_the_introduction_presents(nlp):
    art = _article("Les bergers du plateau", [
        "Un documentaire suit une saison d'estive au-dessus de Vienne. Sortie en salle mercredi.",
        "Le tournage a duré un an. Retour sur ce film avec sa réalisatrice, Claire Dubois.",
        "D'où vient ce projet ?",
        "- Il est né d'une rencontre avec un berger lors d'une randonnée en 2019.",
        "Qu'est-ce qui a changé sur le plateau ?",
        "- Le loup est revenu, et avec lui les chiens de protection et les clôtures.",
        "Et les bergers ?",
        "- Ils sont plus jeunes, souvent venus des villes, et beaucoup sont des femmes.",
    ], {"Claire Dubois": "PER"})
    got = _answers(nlp, art)
    assert [s for s, _ in got] == ["Claire Dubois"] * 3


def test_two_answers_make_no_interview(nlp):
    art = _article(None, [
        LEDE,
        "Pourquoi ces coupures ?",
        "Paul Arnaud : Les nappes sont au plus bas depuis trente ans.",
        "Et ensuite ?",
        "Paul Arnaud : Nous réparons chaque nuit.",
    ], {"Paul Arnaud": "PER"})
    assert _answers(nlp, art) == []


def test_a_tag_left_in_the_lede_is_no_interviewee(nlp):
    # a dump keeps "<br />" after the lede's last word; read as a name, it is still no person
    art = _article("Les maquettes de Valmorin", [
        "Ils bâtissent la ville en carton depuis vingt ans, raconte le film. Entretien.<br />",
        "Le documentaire sort samedi. Retour sur ce chantier avec son réalisateur, Paul Arnaud.",
        "Comment est né le projet ?",
        "- Tout a commencé dans un garage, avec trois amis et une boîte de colle.",
        "Qui sont les bâtisseurs ?",
        "- Des retraités surtout, mais je vois arriver des lycéens chaque été.",
        "Et demain ?",
        "- Nous voulons exposer la maquette entière à la mairie de Valmorin.",
    ], {"Paul Arnaud": "PER", "Entretien.<br": "PER"})
    got = _answers(nlp, art)
    assert len(got) == 3
    assert {s for s, _ in got} == {"Paul Arnaud"}
