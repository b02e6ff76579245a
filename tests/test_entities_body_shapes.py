"""entities/body_shapes.py: the shapes of a name that make it an organisation's (invented names)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from veille.entities.body_shapes import camel_case_body, english_titled


def toks(text: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=w) for w in text.split()]


@pytest.mark.parametrize("name", ["VoltiPax", "InfoVoyants", "PlayerNET", "UiMarch", "SeaBrume"])
def test_a_capital_inside_one_word_names_a_body(name):
    assert camel_case_body(toks(name))


@pytest.mark.parametrize("name", ["McArdle", "MacKinlay", "DiCarlo", "LeBlanchet", "DeSalvo", "FitzHarris",
                                  "BoJo", "Valdrin", "ONU", "Jean-Marc", "Paul Verdan"])
def test_a_surname_prefix_a_short_nickname_or_a_plain_name_is_not_one(name):
    assert not camel_case_body(toks(name))


def test_an_english_article_opening_a_name_names_a_body():
    assert english_titled(toks("The Morning Valdrin"))
    assert not english_titled(toks("The")) and not english_titled(toks("Theo Varin"))
    assert not english_titled(toks("The end"))


def test_a_post_noun_before_de_is_completed_by_a_body():
    from veille.entities.body_shapes import employer_before

    text = "Alertée par une salariée de Brisco, puis par le cofondateur de la Valtrix, elle a écrit à la porte-parole de Léa Roy."
    assert employer_before(text, text.index("Brisco"))
    assert employer_before(text, text.index("Valtrix"))
    assert not employer_before(text, text.index("Léa Roy"))


def test_every_mention_of_a_name_after_a_post_noun_becomes_the_body(nlp):
    from veille.entities import EntityStage
    from veille.model import Article
    from veille.pipeline import Context

    stage = EntityStage(Context(nlp=nlp))
    art = Article(id="t", title=None, published="2023-05-02",
                  paragraphs=["Alertée par une salariée de Brisco, l'association a saisi la justice.",
                              "Tomas Velder, cofondateur de Valtrix, a répondu. Le PDG de Tesla Elon Musk a parlé."])
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    found = {e.name: e.type for e in art.entities}
    assert found.get("Brisco") == "ORG" and found.get("Valtrix") == "ORG"
    assert found.get("Tomas Velder") == "PER" and found.get("Elon Musk") == "PER"


def test_an_area_after_its_lower_case_noun_is_a_place_not_a_body(nlp):
    from veille.entities import EntityStage
    from veille.model import Article
    from veille.pipeline import Context

    stage = EntityStage(Context(nlp=nlp))
    art = Article(id="t", title=None, published="2023-05-02",
                  paragraphs=["Les pays membres de l'espace Schengen ont fait un pas, selon les ministres réunis à Valdrin.",
                              "La Cour de cassation a jugé que la cour des Tisserands appartient à la commune."])
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    found = {e.name: e.type for e in art.entities}
    assert found.get("Espace Schengen") == "LOC" and "Schengen" not in found
    assert found.get("Cour de cassation") == "ORG"
