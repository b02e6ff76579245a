"""A speech verb used reflexively in a sense that reports nothing ("s'ajoute à", "se poursuit", "s'est
assuré que"): no cue, no indirect quote, and a direct quote after it is not given to its subject.
Invented sentences and people (lexicons/quotes/reflexive_verbs.tsv)."""

from __future__ import annotations

import pytest

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.words import REFLEXIVE_NOT_SPEECH
from veille.settings import Settings

PEOPLE = ("Léa Vautrin", "Marc Delorme")


def _quotes(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    art = Article(id="case", paragraphs=paragraphs)
    text = art.nlp_text()
    for name in PEOPLE:
        spans = []
        at = text.find(name)
        while at >= 0:
            spans.append([at, at + len(name)])
            at = text.find(name, at + 1)
        if spans:
            art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=spans))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.speaker, q.cue) for q in art.quotes]


def test_the_lexicon_lists_non_speech_senses_only():
    assert {"ajouter", "poursuivre", "assurer", "confirmer"} <= REFLEXIVE_NOT_SPEECH
    assert not {"dire", "feliciter", "interroger", "declarer"} & REFLEXIVE_NOT_SPEECH


@pytest.mark.parametrize("paragraphs", [
    ["Léa Vautrin vit seule depuis deux ans dans un petit studio.",
     "Chez Léa Vautrin, la lassitude s'ajoute au manque de sommeil : « Je n'en peux plus, je dors mal et je ne "
     "vois plus personne. »"],
    ["Léa Vautrin a quitté la chorale en mars.",
     "Chez Marc Delorme, le doute s'est ajouté à la colère : « Rien ne va plus depuis des mois. »"],
])
def test_a_reflexive_non_speech_verb_is_no_cue_for_the_quote_after_it(nlp, paragraphs):
    quotes = _quotes(nlp, paragraphs)
    assert quotes and all(cue is None or "ajout" not in cue for _, _, cue in quotes)


def test_a_pronominal_speech_verb_still_reports(nlp):
    quotes = _quotes(nlp, ["« Nous avons enfin gagné », s'est félicité Marc Delorme devant la mairie."])
    assert quotes == [("direct", "Marc Delorme", quotes[0][2])] and "félicité" in (quotes[0][2] or "")
    quotes = _quotes(nlp, ["« Nous avons enfin gagné », a ajouté Marc Delorme devant la mairie."])
    assert quotes and quotes[0][1] == "Marc Delorme"
