"""entities/holders.py: who a descriptor designates at the article's date."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.entities.holders import HolderResolver, overlap_days, past_year
from veille.entities.linking import Linker
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources
from veille.kb import Role

HOG = ("head_of_government", "country:VD")


@pytest.fixture(scope="module")
def resolver() -> HolderResolver:
    res = EntityResources(kb=tiny_kb())
    return HolderResolver(res, Linker(res))


def descriptor(start: int = 0, role=HOG, dated: bool = True) -> Mention:
    return Mention(start, start + 20, "le chef du gouvernement", "chef du gouvernement", "PER", "descriptor",
                   role=role, dated=dated)


def test_overlap_days_of_a_year_and_a_month():
    first = Role(*HOG, "2019-03-01", "2021-06-30", "person:a")
    second = Role(*HOG, "2021-07-01", None, "person:b")
    assert overlap_days(first, "2021") == 181 and overlap_days(second, "2021") == 184
    assert overlap_days(first, "2021-02") == 28 and overlap_days(second, "2021-02") == 0


def test_the_holder_at_the_date_and_for_most_of_a_year(resolver):
    for date, holder in (("2020-05-01", "person:amelie-garnier"), ("2021", "person:bastien-orcel"),
                         ("2021-03", "person:amelie-garnier")):
        assert resolver.resolve(descriptor(), {}, {}, {}, [], date) == ("kb", holder)


def test_a_former_holder_is_not_resolved_by_the_date(resolver):
    assert resolver.resolve(descriptor(dated=False), {}, {}, {}, [], "2021") is None


def test_an_apposition_must_fit_the_holder_at_the_date(resolver):
    garnier = Mention(30, 44, "Amélie Garnier", "Amélie Garnier", "PER", "ner", kb_id="person:amelie-garnier")
    assert resolver.could_hold(garnier, descriptor(), "2020")
    assert not resolver.could_hold(garnier, descriptor(), "2023")
    assert resolver.could_hold(garnier, descriptor(role=("nationality", "country:VD")), "2023")


def test_an_apposed_name_takes_the_descriptor(resolver):
    text = "le chef du gouvernement, Bastien Orcel, a parlé."
    orcel = Mention(25, 38, "Bastien Orcel", "Bastien Orcel", "PER", "ner", kb_id="person:bastien-orcel")
    d = Mention(0, 23, text[:23], text[3:23], "PER", "descriptor", role=HOG)
    clusters = {("kb", "person:bastien-orcel"): [orcel]}
    assert resolver.attach([d], text, clusters, "2023") == [d]
    assert d in clusters[("kb", "person:bastien-orcel")]


def test_an_apposition_the_kb_contradicts_falls_back_to_the_date(resolver):
    text = "le chef du gouvernement, Bastien Orcel, a parlé."
    orcel = Mention(25, 38, "Bastien Orcel", "Bastien Orcel", "PER", "ner", kb_id="person:bastien-orcel")
    d = Mention(0, 23, text[:23], text[3:23], "PER", "descriptor", role=HOG)
    clusters = {("kb", "person:bastien-orcel"): [orcel]}
    assert resolver.attach([d], text, clusters, "2020") == [d]
    assert clusters[("kb", "person:amelie-garnier")] == [d]


def _hog(text: str) -> Mention:
    s = text.index("le chef du gouvernement")
    return Mention(s, s + 23, text[s:s + 23], text[s + 3:s + 23], "PER", "descriptor", role=HOG)


def test_a_descriptor_in_a_past_dated_sentence_is_not_todays_holder(resolver):
    text = "Il se souvient. En 2020, le chef du gouvernement avait signé le décret. Rien depuis."
    assert past_year(text, _hog(text), "2024-05-02") == "2020"
    assert resolver.attach([_hog(text)], text, {}, "2024-05-02") == []
    # a holder of that year the article names is taken
    garnier = Mention(0, 2, "Il", "Amélie Garnier", "PER", "ner", kb_id="person:amelie-garnier")
    clusters = {("kb", "person:amelie-garnier"): [garnier]}
    d = _hog(text)
    assert resolver.attach([d], text, clusters, "2024-05-02") == [d]
    assert d in clusters[("kb", "person:amelie-garnier")]


def test_a_recent_or_absent_year_keeps_the_article_date(resolver):
    text = "Depuis 2020 et jusqu'en 2023, le chef du gouvernement a signé dix décrets."
    assert past_year(text, _hog(text), "2024-05-02") is None
    text = "Lundi, le chef du gouvernement a signé le décret de 2019."
    assert past_year(text, _hog(text), "2024-05-02") is None  # a year naming a decree dates nothing
    text = "En ce mois d'avril 1998, le chef du gouvernement a signé le décret."
    assert past_year(text, _hog(text), "2024-05-02") == "1998"
    text = "En vigueur depuis 2019, le décret que le chef du gouvernement a signé tient."
    assert past_year(text, _hog(text), "2024-05-02") is None
    d = _hog(text)
    clusters: dict = {}
    assert resolver.attach([d], text, clusters, "2024-05-02") == [d]
    assert d in clusters[("kb", "person:bastien-orcel")]
