"""entities/kin.py: a relative named by the given name alone takes the family name just given."""

from __future__ import annotations

from veille.common.fold import fold
from veille.entities.kin import name_relatives
from veille.entities.mention import Mention


def _m(text: str, name: str, label: str = "PER") -> Mention:
    at = text.index(name)
    return Mention(at, at + len(name), name, name, label, "ner")


def test_a_brother_named_by_his_given_name_takes_the_family_name():
    text = "Le pianiste Paul Vernier et son frère Luc, violoncelliste, ont joué."
    clusters = {("name", "paul vernier", "PER"): [_m(text, "Paul Vernier")], ("name", "luc", "PER"): [_m(text, "Luc")]}
    name_relatives(text, fold(text), clusters)
    assert ("name", "luc vernier", "PER") in clusters and ("name", "luc", "PER") not in clusters
    assert clusters[("name", "luc vernier", "PER")][0].text == "Luc"


def test_a_given_name_without_a_kinship_noun_stays_as_it_is():
    text = "Le pianiste Paul Vernier et son ami Luc ont joué."
    clusters = {("name", "paul vernier", "PER"): [_m(text, "Paul Vernier")], ("name", "luc", "PER"): [_m(text, "Luc")]}
    name_relatives(text, fold(text), clusters)
    assert ("name", "luc", "PER") in clusters
