"""entities/metonymy.py: country adjectives are countries; a capital that acts is its government."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.common.fold import fold
from veille.entities import metonymy
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources, load_resources
from veille.model import Article
from veille.pipeline import Context


@pytest.fixture(scope="module")
def res() -> EntityResources:
    loaded = load_resources(Context())
    return EntityResources(**{**loaded.__dict__, "kb": tiny_kb(), "metonyms": {}})


def place(text: str, part: str) -> Mention:
    i = text.index(part)
    return Mention(i, i + len(part), part, part, "LOC", "gaz", kb_id="place:brescan")


def test_a_capital_that_acts_stands_for_its_country(nlp, res):
    text = "Brescan a averti ses voisins."
    m = place(text, "Brescan")
    assert metonymy.is_agent(res, m, nlp(text))
    assert metonymy.actor(res, "place:brescan", [m], nlp(text), {}) == "Valdorie"


def test_a_capital_where_something_is_stays_a_place(nlp, res):
    text = "Le sommet se tiendra à Brescan la semaine prochaine."
    m = place(text, "Brescan")
    assert not metonymy.is_agent(res, m, nlp(text))
    assert metonymy.actor(res, "place:brescan", [m], nlp(text), {}) is None


def test_a_country_adjective_is_the_country_but_not_the_language_or_people(nlp, res):
    text = "La pression militaire norvégienne monte, disent les Norvégiens en norvégien."
    art = Article(id="m", paragraphs=[text])
    found = metonymy.demonyms(res, art, nlp(text), text, fold(text), [])
    assert [(m.text, m.kb_id) for m in found] == [("norvégienne", "country:NO")]
