"""Organisations and institutions that speak without a person's name (``veille.quotes.voices``), issue 16.
Invented sentences, one phenomenon each."""

from __future__ import annotations

import pytest

from conftest import article_with_entities
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings

NAMES = {"Paul Arnaud": "PER", "Claire Dubois": "PER", "mairie de Vienne": "ORG", "Voix libres": "ORG",
         "Fonds agricole": "ORG", "Verts de Vienne": "ORG",
         "ministère de l'Intérieur de Freedonie": "ORG", "France": "LOC", "français": "LOC"}


@pytest.fixture(scope="module")
def stage():
    return QuoteStage(Context(settings=Settings(explain=True)))


def _quotes(nlp, stage, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    art = article_with_entities(paragraphs, NAMES.items())
    stage(art, nlp(art.nlp_text()))
    return [(q.kind, q.speaker, q.rule) for q in art.quotes]


@pytest.mark.parametrize("paragraphs, expected", [
    (["Du côté de la mairie de Vienne, on admet que les délais seront difficiles à tenir."],
     [("indirect", "mairie de Vienne", "side_of_on")]),
    (["« Ce sera un moment très fort pour toute la ville », promet-on à la mairie de Vienne."],
     [("direct", "mairie de Vienne", "side_of_on")]),
    (["On estime que la route rouvrira bientôt pour tous les habitants."], []),
    (["« Nous porterons plainte dès demain matin », a confié un porte-parole de l'association Voix libres."],
     [("direct", "Voix libres", "organisation_voice")]),
    (["« Les aides ont été efficaces pour les exploitations », confirment des économistes du Fonds agricole."],
     [("direct", "Fonds agricole", "organisation_voice")]),
    (["Le chantier a pris du retard, « faute de bras et de matériel », selon les mots de Paul Arnaud."],
     [("direct", "Paul Arnaud", "words_of")]),
    (["Le gouvernement français a indiqué que les frontières resteraient ouvertes cet été."],
     [("indirect", "France", "government_of_country")]),
    (["Le cargo a quitté la France lundi. Le gouvernement français a indiqué que « toutes les pistes sont "
      "étudiées » pour comprendre."],
     [("direct", "France", "government_of_country")]),
    (["Les Verts de Vienne soutiennent le projet de budget. « Nous voterons ce budget sans hésiter », "
      "écrivent-ils dans un communiqué."],
     [("direct", "Verts de Vienne", "plural_pronoun")]),
    (["« Nous irons jusqu'au bout de la procédure », a prévenu l'association « Terre solidaire » dans un "
      "communiqué."],
     [("direct", "Terre solidaire", "quoted_name")]),
    (["Le ministère de l'Intérieur de Freedonie a indiqué que le navire avait été contrôlé. Selon la même "
      "source, le navire « a chargé une cargaison locale » à Vienne."],
     [("indirect", "ministère de l'Intérieur de Freedonie", "entity_on_head"),
      ("direct", "ministère de l'Intérieur de Freedonie", "same_voice")]),
    (["Le collectif « Voix nouvelles » a réagi dans la soirée. « Ces gens n'auront jamais leur place dans nos "
      "luttes », a écrit le collectif."],
     [("direct", "Voix nouvelles", "organisation_anaphor")]),
    (["Du côté de la mairie de Vienne, on reconnaît que le calendrier est serré. « Nous ferons au mieux pour "
      "tenir les délais », nous explique-t-on."],
     [("indirect", "mairie de Vienne", "side_of_on"), ("direct", "mairie de Vienne", "side_of_on")]),
], ids=["side-of-on", "on-at", "on-alone", "spokesperson", "economists-of", "words-of", "government-adjective",
        "government-adjective-of-a-country-named",
        "plural-organisation", "name-in-quotation-marks", "same-source",
        "anaphor-of-a-quoted-name", "side-of-an-earlier-on"])
def test_organisation_speakers(nlp, stage, paragraphs, expected):
    assert _quotes(nlp, stage, paragraphs) == expected
