"""Proportions ("un Français sur trois", "un tiers des électeurs") and the number forms of real
press pages ("16.000", "40'000", "750 000", "pour cent"), read by the quantity stage."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.model import Article
from veille.pipeline import Context
from veille.quantities import QuantityStage, parse_words

WORDS = {2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix"}


@pytest.fixture(scope="module")
def stage(nlp):
    return QuantityStage(Context(nlp=nlp))


def quantities(stage, nlp, text: str) -> list[tuple[str, float, str | None]]:
    art = Article(id="q", paragraphs=[text], published="2023-06-01")
    stage(art, nlp(art.nlp_text()), None)
    for q in art.quantities:
        assert art.nlp_text()[q.start:q.end] == q.text
    return [(q.text, q.value, q.unit) for q in art.quantities]


def test_one_in_n_is_a_percentage(stage, nlp):
    assert quantities(stage, nlp, "Plus d'un Valdorien sur trois renonce aux vacances.") \
        == [("Plus d'un Valdorien sur trois", 33.33, "%")]
    assert quantities(stage, nlp, "Un salarié sur cinq travaille le dimanche.") == [("Un salarié sur cinq", 20, "%")]


def test_digits_in_a_proportion_are_not_counted_again(stage, nlp):
    assert quantities(stage, nlp, "Selon le sondage, 9 Valdoriens sur 10 approuvent.") \
        == [("9 Valdoriens sur 10", 90, "%")]


def test_fraction_nouns(stage, nlp):
    got = quantities(stage, nlp, "Un tiers des électeurs s'est abstenu et la moitié des habitants a voté. "
                                 "Les trois quarts des élèves sont absents.")
    assert [(t.lower(), v) for t, v, _ in got] == [("un tiers", 33.33), ("la moitié", 50), ("trois quarts", 75)]


def test_what_is_not_a_proportion(stage, nlp):
    # a denominator with its own noun, a verb in between, a duration, third parties
    got = quantities(stage, nlp, "Il a fait pression sur trois pays. Un élève a parlé sur deux chaînes. "
                                 "Il attend un quart d'heure. Les tiers payants sont remboursés.")
    assert not any(unit == "%" for _, _, unit in got), got


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=2, max_value=10), st.data())
def test_one_in_n_value_property(stage, nlp, n, data):
    a = data.draw(st.integers(min_value=1, max_value=n - 1))
    numerator = "Un" if a == 1 else WORDS[a].capitalize()
    noun = "habitant" if a == 1 else "habitants"
    got = quantities(stage, nlp, f"{numerator} {noun} sur {WORDS[n]} a répondu au questionnaire.")
    assert [v for _, v, u in got if u == "%"] == [round(a * 100 / n, 2) if a * 100 % n else a * 100 // n]
    assert parse_words(WORDS[n]) == n


@pytest.mark.parametrize("text,value", [
    ("Au moins 16.000 manifestants ont défilé.", 16000),
    ("Quelque 40'000 spectateurs étaient présents.", 40000),
    ("Environ 750\u202f000 personnes sont touchées.", 750000),
    ("Le chômage a reculé de 3 pour cent.", 3),
    ("Chaque année, 30 pourcents des internes de l'hôpital Sainte-Aline partent.", 30),
])
def test_press_number_forms(stage, nlp, text, value):
    assert value in [v for _, v, _ in quantities(stage, nlp, text)]


@pytest.mark.parametrize("sep", [" ", ".", "\u00a0", "\u202f"])
def test_a_grouped_denominator_is_read_whole(stage, nlp, sep):
    got = quantities(stage, nlp, f"Selon l'étude, un nourrisson sur 10{sep}000 est concerné.")
    assert [(t, v) for t, v, u in got if u == "%"] == [(f"un nourrisson sur 10{sep}000", 0.01)]


def test_a_count_out_of_a_whole_that_is_not_round(stage, nlp):
    # "34 agences sur 136", "122 sièges sur 230": a count out of a known total, not a share
    got = quantities(stage, nlp, "Le bureau a validé la liste par 41 voix sur 57, et la coalition compte "
                                 "118 sièges sur 203 ; sept électeurs sur dix approuvent.")
    assert ("41 voix", 41, "voix") in got and ("118 sièges", 118, "sièges") in got
    assert ("57", 57, "voix") in got and ("203", 203, "sièges") in got  # the total counts the same thing
    assert [(t, v) for t, v, u in got if u == "%"] == [("sept électeurs sur dix", 70)]


def test_a_frequency_is_not_a_share(stage, nlp):
    got = quantities(stage, nlp, "Le bus de Maëlle Kerouan passe une fois sur deux et un jour sur trois.")
    assert not any(unit == "%" for _, _, unit in got), got


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=11, max_value=999), st.integers(min_value=1, max_value=10))
def test_share_only_over_a_small_or_round_total(total, count):
    from veille.quantities.proportions import round_total
    assert round_total(count)
    assert round_total(total) == (len(str(total).rstrip("0")) == 1)


def test_a_bare_count_out_of_a_total(stage, nlp):
    got = quantities(stage, nlp, "Le conseil de Myriam Tessier a adopté la motion par 69 sur 74 ; "
                                 "il tourne 24 heures sur 24.")
    assert got == [("69", 69, None), ("74", 74, None)]


def test_pourcents_is_a_percentage(stage, nlp):
    got = quantities(stage, nlp, "Chaque année, 30 pourcents des internes de l'hôpital Sainte-Aline partent.")
    assert got == [("30 pourcents", 30, "%")]


def test_no_count_out_of_a_round_total(stage, nlp):
    # a share the proportion reader left out ("sur 2" before a word tagged as a noun) is no tally
    got = quantities(stage, nlp, "Plus d'1 adhérent sur 2 affirment soutenir Inès Morvan.")
    assert ("2", 2, None) not in got, got
