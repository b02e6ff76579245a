"""Quantities in the forms other outlets print (issue 16, bench/quantity_perturb.py): thousands
written "12 mille", the digit-scale lexicon's own examples; property tests of the number parser and
the stage on invented sentences."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from veille.common.lexicon import rows
from veille.model import Article
from veille.pipeline import Context
from veille.quantities import QuantityStage, find_numbers


@settings(deadline=None)  # the machine may be loaded; the property, not the speed, is tested
@given(st.integers(min_value=2, max_value=999))
def test_digits_then_mille_are_thousands(n):
    text = f"Selon la préfecture, {n} mille cyclistes ont rallié la place."
    [num] = find_numbers(text)
    assert num.value == n * 1000 and text[num.start:num.end] == f"{n} mille"


@settings(deadline=None)
@given(st.integers(min_value=2, max_value=999))
def test_mille_after_digits_is_no_number_of_its_own(n):
    # a lone "mille" stays a number ("mille euros"), one after digits scales them
    assert [num.value for num in find_numbers(f"Il a reçu {n} mille euros, puis mille euros.")] == [n * 1000, 1000]


@pytest.mark.parametrize("form,value,example", rows("quantities/digit_scales.tsv", min_columns=3))
def test_digit_scale_examples(form, value, example):
    [num] = [n for n in find_numbers(example) if n.digits]
    assert form in example[num.start:num.end] and num.value % int(value) == 0 and num.value >= int(value)


@pytest.fixture(scope="module")
def stage(nlp):
    return QuantityStage(Context(nlp=nlp))


def quantities(stage, nlp, text: str) -> list[tuple[str, float, str | None]]:
    art = Article(id="q", title=None, paragraphs=[text], published="2023-06-01")
    stage(art, nlp(art.nlp_text()), None)
    return [(q.text, q.value, q.unit) for q in art.quantities]


def test_mille_in_the_stage(stage, nlp):
    got = quantities(stage, nlp, "La coopérative a vendu 35 mille bocaux et encaissé 80 mille euros.")
    assert [(v, u) for _, v, u in got] == [(35000, "bocaux"), (80000, "EUR")]
    assert all(re.match(r"\d+ mille", t) for t, _, _ in got)


@pytest.mark.parametrize("form,example", rows("quantities/percent_marks.tsv", min_columns=2))
def test_percent_mark_examples(stage, nlp, form, example):
    [(text, _, unit)] = quantities(stage, nlp, example)
    assert unit == "%" and text.replace(" ", "").endswith(form.replace(" ", ""))


@settings(deadline=None, max_examples=30)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=9),
       st.sampled_from(["%", " %", " pour cent", " p. 100", " p.100", "\u202f%"]))
def test_percent_forms_parse(whole, tenth, mark):
    from veille.quantities.stage import patterns

    text = f"La hausse atteint {whole},{tenth}{mark} sur un an."
    [num] = [n for n in find_numbers(text) if n.digits and n.value == Decimal(f"{whole}.{tenth}")]
    assert patterns().percent.match(text, num.end)


def test_millions_in_digits_take_de(stage, nlp):
    got = quantities(stage, nlp, "La commune a reçu 30 000 000 de francs et compte 2 000 000 d'habitants.")
    assert [(v, u) for _, v, u in got] == [(30000000, "francs"), (2000000, "habitants")]
    # a number that is no whole number of millions does not reach over "de"
    assert quantities(stage, nlp, "Il reste 3 000 de ces bornes au bord des routes.") == []


def test_millions_in_digits_after_an_amount_noun(stage, nlp):
    # as "un budget de 1,2 milliard": the same amount in digits counts, bare
    assert quantities(stage, nlp, "Sur un budget de 1 250 000 000, la mairie économise peu.") == \
        [("1 250 000 000", 1250000000, None)]
    assert quantities(stage, nlp, "Soit une économie prévue de 8 000 000. Le maire se tait.") == \
        [("8 000 000", 8000000, None)]


@pytest.mark.parametrize("year", [1990, 2000, 2015, 2024])
def test_a_year_like_amount_before_a_currency_sign(stage, nlp, year):
    got = quantities(stage, nlp, f"Le tribunal lui inflige une amende de {year} € et un sursis.")
    assert got == [(f"{year} €", year, "EUR")]
    # the year itself stays a date
    assert quantities(stage, nlp, f"En {year}, la coopérative comptait 45 adhérents.") == [("45 adhérents", 45, "adhérents")]


def test_both_bounds_of_a_change_in_mille(stage, nlp):
    got = quantities(stage, nlp, "Les ventes ont chuté de 150 mille à 90 mille chaque mois.")
    assert [v for _, v, _ in got] == [150000, 90000]
