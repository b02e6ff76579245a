"""A name's particle after a title ("M. de Morimoto") is the name's, not a descriptor's complement
(``quotes/mentions.py``, ``quotes/words.TITLE_THEN_PARTICLE``). Invented sentences and people only."""

from __future__ import annotations

import pytest

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.words import TITLE_THEN_PARTICLE
from veille.settings import Settings

FULL = "Kenji de Morimoto"


def _speakers(nlp, last: str) -> list[tuple[str, str | None, str | None]]:
    paragraphs = [f"{FULL}, commissaire de l'exposition, explique sa déception devant les visiteurs.",
                  f"La mairie n'a pas encore répondu. {last}"]
    art = Article(id="particle", paragraphs=paragraphs)
    text = art.nlp_text()
    spans = [[i, i + len(FULL)] for i in (text.index(FULL),)]
    surname = text.rindex("Morimoto")
    spans.append([surname, surname + len("Morimoto")])
    art.entities = [Entity(name=FULL, type="PER", mentions=[FULL, "Morimoto"], spans=spans)]
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.speaker, q.rule) for q in art.quotes]


@pytest.mark.parametrize("last, kind", [
    ("« Personne ne nous a prévenus », a ajouté M. de Morimoto, visiblement agacé.", "direct"),
    ("M. de Morimoto ajoute que personne ne les a prévenus.", "indirect"),
], ids=["incise", "subject-before"])
def test_title_then_particle_names_the_person(nlp, last, kind):
    assert _speakers(nlp, last) == [(kind, FULL, "person_in_subject")]


def test_title_then_particle_is_read_as_written():
    assert TITLE_THEN_PARTICLE.search("a ajouté M. de ")
    assert TITLE_THEN_PARTICLE.search("selon Mme d'")
    assert not TITLE_THEN_PARTICLE.search("a ajouté le professeur de ")  # a noun's complement
    assert not TITLE_THEN_PARTICLE.search("le porte-parole de ")
