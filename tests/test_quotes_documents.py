"""A document taken up by its noun alone speaks for its author (``veille.quotes.documents``), issue 16.
Invented sentences, one phenomenon each."""

from __future__ import annotations

import pytest

from conftest import article_with_entities
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings

NAMES = {"Paul Arnaud": "PER", "Claire Dubois": "PER", "Institut Sondeo": "ORG", "Observatoire de Vienne": "ORG"}
DOUBT = "Paul Arnaud en doute : « Ces chiffres sont anciens », dit-il."


@pytest.fixture(scope="module")
def stage():
    return QuoteStage(Context(settings=Settings(explain=True)))


def _speakers(nlp, stage, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    art = article_with_entities(paragraphs, NAMES.items())
    stage(art, nlp(art.nlp_text()))
    return [(q.kind, q.speaker, (q.rule or "").split("+")[0]) for q in art.quotes]


@pytest.mark.parametrize("paragraphs, expected", [
    # the publisher named as the subject of a verb of publishing, two paragraphs before
    (["L'Institut Sondeo vient de publier un rapport sur les loyers de la région.", DOUBT,
      "Pour les petites villes, le rapport en question précise que les loyers ont baissé l'an dernier."],
     ("indirect", "Institut Sondeo", "document_voice")),
    # the survey's pollster, the agent of "conduite par", not the client it was run for
    (["Le plan est accompagné d'une enquête d'opinion conduite par l'Institut Sondeo pour l'Observatoire de "
      "Vienne auprès de mille personnes.", DOUBT,
      "Cette enquête indique que la plupart des habitants jugent les loyers trop élevés."],
     ("indirect", "Institut Sondeo", "document_voice")),
    # "le même rapport": the author named after the noun, not the voice of the cue just before
    (["Selon un rapport de l'Institut Sondeo paru en mai, les loyers ont baissé.", DOUBT,
      "Le même rapport précise que « les petites villes sont les plus touchées »."],
     ("direct", "Institut Sondeo", "same_voice")),
    # a reader of the document is not its author: nobody
    (["Paul Arnaud a lu le rapport de la commission régionale pendant le week-end.",
      "Claire Dubois en doute : « Ces chiffres sont anciens », dit-elle.",
      "Le rapport souligne que les petites villes sont les plus touchées."],
     ("indirect", None, "nobody")),
    # the document brought in last with that noun is a law whose author the text does not give
    (["Paul Arnaud et Claire Dubois ont signé le texte publié lundi dans la presse régionale.",
      "En mars, un texte de loi a été adopté par le parlement après de longs débats.",
      "Ce texte précise que « les loyers seront encadrés dans les grandes villes »."],
     ("direct", None, "nobody")),
    # many signers are no one voice
    (["Paul Arnaud, Claire Dubois et l'Institut Sondeo ont signé une lettre ouverte au maire.", DOUBT,
      "La lettre souligne que les petites villes sont les plus touchées."],
     ("indirect", None, "nobody")),
    # the document taken up once already ("ce nouveau rapport") is still the one the publisher brought in
    (["L'Institut Sondeo vient de publier un rapport sur les loyers de la région.",
      "Ce nouveau rapport fait une projection des loyers sur dix ans.", DOUBT,
      "Le rapport souligne que les petites villes sont les plus touchées."],
     ("indirect", "Institut Sondeo", "document_voice")),
], ids=["publisher-subject", "pollster-agent", "same-report", "reader-is-not-author", "last-document-only",
        "many-signers", "taken-up-twice"])
def test_document_author(nlp, stage, paragraphs, expected):
    assert _speakers(nlp, stage, paragraphs)[-1] == expected
