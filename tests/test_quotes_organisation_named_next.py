"""An organisation noun subject with no organisation named before it ("…, a indiqué le collectif.") takes
up the organisation the next sentence names, written with that noun or as its subject when their articles
agree in gender (quotes/salience.py ``named_next``). Invented sentences and organisations."""

from __future__ import annotations

import pytest

from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.settings import Settings


def _indirect(nlp, paragraphs: list[str], orgs: list[tuple[str, list[str]]]) -> list[tuple[str | None, str]]:
    art = Article(id="case", paragraphs=paragraphs)
    text = art.nlp_text()
    for name, forms in orgs:
        spans = []
        for form in forms:
            at = text.find(form)
            while at >= 0:
                spans.append([at, at + len(form)])
                at = text.find(form, at + 1)
        art.entities.append(Entity(name=name, type="ORG", mentions=list(forms), spans=spans))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.speaker, (q.rule or "").split(" ")[0]) for q in art.quotes if q.kind == "indirect"]


@pytest.mark.parametrize("paragraphs, orgs, speaker", [
    # the noun written with the name in the next sentence
    (["Les ventes de la coopérative ont chuté de moitié depuis mars, a indiqué le collectif. Le collectif "
      "Terres vives (CTV) réclame une aide d'urgence."], [("Terres vives", ["Terres vives", "CTV"])], "Terres vives"),
    # a possessive: "leur syndicat" is the union named next, not the company named before
    (["Les ouvriers de Verlac ont rejeté l'offre salariale, a déclaré mardi leur syndicat. Selon le syndicat des "
      "mécaniciens (SMA), 70 % des membres ont voté contre."], [("SMA", ["SMA"]), ("Verlac", ["Verlac"])], "SMA"),
    # the next paragraph's subject, its article agreeing with the noun
    (["Des heurts ont éclaté jeudi dans la banlieue de Valmont, a indiqué le collectif interdit.",
      "L'Union pour la défense des libertés (UDL) a dénoncé des arrestations."],
     [("UDL", ["Union pour la défense des libertés", "UDL"])], "UDL"),
])
def test_an_organisation_noun_takes_up_the_organisation_named_next(nlp, paragraphs, orgs, speaker):
    assert _indirect(nlp, paragraphs, orgs) == [(speaker, "organisation_anaphor")]


def test_a_subject_of_another_gender_is_another_body(nlp):
    got = _indirect(nlp, ["Les ventes ont chuté de moitié, a indiqué le collectif. La mairie de Valmont a refusé "
                          "de commenter."], [("Mairie de Valmont", ["mairie de Valmont"])])
    assert [speaker for speaker, _ in got] == [None]
