"""People counted in words before nouns of kin, the arts and offices, and hyphenated compounds read
through their last part (invented sentences)."""

from __future__ import annotations

import pytest

from veille.model import Article
from veille.pipeline import Context
from veille.quantities import QuantityStage
from veille.quantities.nouns import noun_kind
from veille.quantities.numbers import lexicon


def test_compound_takes_its_last_part():
    kinds = lexicon().kinds
    assert noun_kind(kinds, "sous-préfets") == "count"
    assert noun_kind(kinds, "Beaux-pères") == "count"
    assert noun_kind(kinds, "demi-heures") == "skip"
    assert noun_kind(kinds, "porte-paroles") is None


@pytest.fixture(scope="module")
def stage(nlp):
    return QuantityStage(Context(nlp=nlp))


def test_people_in_words_whatever_their_role(stage, nlp):
    art = Article(id="q", title=None, published="2023-06-01", paragraphs=[
        "Mère de trois filles, Odile Ferrandon a nommé treize sous-préfets. Ce sera au tour de six "
        "musiciens de Valbrume. Ses deux frères sont venus."])
    stage(art, nlp(art.nlp_text()), None)
    got = [(q.text, q.value) for q in art.quantities]
    assert ("trois filles", 3) in got and ("treize sous-préfets", 13) in got and ("six musiciens", 6) in got
    assert all("frères" not in text for text, _ in got)  # "ses deux frères": people already known


def test_the_sides_of_a_relation_are_no_count(stage, nlp):
    art = Article(id="q", title=None, published="2023-06-01", paragraphs=[
        "Le texte définit l'union entre deux personnes. Entre deux et trois soldats ont été blessés."])
    stage(art, nlp(art.nlp_text()), None)
    assert [(q.text, q.value) for q in art.quantities] == [("deux", 2), ("trois soldats", 3)]


def test_enumerating_nouns_are_no_count(stage, nlp):
    art = Article(id="q", title=None, published="2023-06-01", paragraphs=[
        "Selon Bastien Orival, la crise peut prendre deux visages. Le récit rapporte deux gestes du prophète."])
    stage(art, nlp(art.nlp_text()), None)
    assert art.quantities == []
