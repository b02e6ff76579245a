"""A relative "qui" subject of a speech verb stands for the noun its nearest word only completes ("l'homme
d'affaires, qui", "le maire de Lyon, qui", "l'étudiante de 19 ans qui"), not for that word; a complement with
its own determiner or a person's name is kept (``quotes/relative_antecedent.py``; issue 16). Invented
sentences and people only."""

from __future__ import annotations

from quotes_support import article_with_entities
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _quotes(nlp, paragraphs: list[str], entities: dict[str, str]):
    art = article_with_entities(paragraphs, entities)
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [q for q in art.quotes if q.kind == "indirect"]


def _reported(quotes, word: str):
    return next(q for q in quotes if word in q.text)


def test_bare_complement_completes_the_antecedent(nlp):
    quotes = _quotes(nlp, [
        "Paul Arnaud dirige une entreprise de transport à Grenoble. La presse revient sur la déclaration "
        "de l'homme d'affaires, qui a affirmé que les tarifs des autocars baisseraient dès le printemps.",
    ], {"Paul Arnaud": "PER", "Grenoble": "LOC"})
    q = _reported(quotes, "tarifs")
    assert "homme" in (q.speaker_text or "")


def test_place_after_de_completes_the_antecedent(nlp):
    quotes = _quotes(nlp, [
        "Les bassins de Valmont resteront vides cet été. Le journal cite le maire de Valmont, qui a déclaré "
        "que la piscine municipale rouvrirait seulement en septembre.",
    ], {"Valmont": "LOC"})
    q = _reported(quotes, "piscine")
    assert "maire" in (q.speaker_text or "")
    assert q.speaker != "Valmont"


def test_named_complement_is_kept(nlp):
    quotes = _quotes(nlp, [
        "Le dossier revient devant le tribunal. C'est l'avis de Mme Claire Dubois qui estime que "
        "l'enquête a été menée trop vite par les gendarmes.",
    ], {"Claire Dubois": "PER"})
    q = _reported(quotes, "enquête")
    assert q.speaker == "Claire Dubois"
