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
