"""entities/holders.py: who a descriptor designates at the article's date."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.entities.holders import HolderResolver, overlap_days
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
