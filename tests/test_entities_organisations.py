"""entities/organisations.py: national bodies named without their country, KB descriptors, acronyms."""

from __future__ import annotations

import pytest

from entities_kb import tiny_kb
from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.organisations import (
    Organisations,
    drop_common_acronyms,
    generic_org_index,
    merge_acronyms,
)
from veille.entities.resources import EntityResources, folded_words
from veille.model import Article


@pytest.fixture(scope="module")
def orgs() -> Organisations:
    return Organisations(EntityResources(kb=tiny_kb(), org_heads=folded_words("org_heads.tsv")))


def mention(text: str, part: str, label: str = "ORG", source: str = "ner", kb_id: str | None = None) -> Mention:
    i = text.index(part)
    return Mention(i, i + len(part), part, part, label, source, kb_id=kb_id, kb_ids=[kb_id] if kb_id else [])


def test_a_national_body_is_indexed_without_its_country():
    index = generic_org_index(tiny_kb())
    assert index["ministere de la defense"] == [("country:VD", "org:mdv")]


def test_an_unnamed_ministry_is_the_one_of_the_country_the_article_is_about(orgs):
    text = "La Valdorie et Brescan : le ministère de la Défense a répondu."
    clusters = {("kb", "country:VD"): [mention(text, "Valdorie", "LOC", "gaz", "country:VD")],
                ("kb", "place:brescan"): [mention(text, "Brescan", "LOC", "gaz", "place:brescan")],
                ("name", "ministere de la defense", "ORG"): [mention(text, "ministère de la Défense")]}
    orgs.national_orgs(clusters)
    assert ("name", "ministere de la defense", "ORG") not in clusters
    assert [m.key for m in clusters[("kb", "org:mdv")]] == ["ministère de la Défense"]


def test_a_country_named_once_is_not_enough(orgs):
    text = "En Valdorie, le ministère de la Défense a répondu."
    clusters = {("kb", "country:VD"): [mention(text, "Valdorie", "LOC", "gaz", "country:VD")],
                ("name", "ministere de la defense", "ORG"): [mention(text, "ministère de la Défense")]}
    orgs.national_orgs(clusters)
    assert ("kb", "org:mdv") not in clusters


def test_a_kb_descriptor_needs_the_organisation_named(orgs):
    text = "La Ligue des forêts du Nord se réunit ; la Ligue a voté."
    art = Article(id="o", paragraphs=[text])
    named = {("kb", "org:lfn"): [mention(text, "Ligue des forêts du Nord", kb_id="org:lfn")]}
    found = orgs.descriptor_mentions(art, norm(text), text, named)
    assert [(m.text, m.kb_id) for m in found] == [("la Ligue", "org:lfn")]
    assert orgs.descriptor_mentions(art, norm(text), text, {}) == []


def test_an_acronym_in_brackets_joins_the_long_name():
    text = "L'Agence des routes valdoriennes (ARV) a fermé le col."
    long_key, acro_key = ("name", "agence des routes valdoriennes", "ORG"), ("name", "arv", "ORG")
    clusters = {long_key: [mention(text, "Agence des routes valdoriennes")], acro_key: [mention(text, "ARV")]}
    merge_acronyms(text, clusters)
    assert list(clusters) == [long_key] and len(clusters[long_key]) == 2


def test_an_acronym_of_other_initials_glossing_several_names_stays_apart():
    text = "L'Agence des routes valdoriennes (OPV) a fermé le col, la Régie des ponts (OPV) aussi."
    clusters = {("name", "agence des routes valdoriennes", "ORG"): [mention(text, "Agence des routes valdoriennes")],
                ("name", "opv", "ORG"): [mention(text, "OPV")]}
    merge_acronyms(text, clusters)
    assert len(clusters) == 2


def test_an_acronym_of_the_name_in_another_language_is_still_its_acronym():
    from veille.entities.organisations import acronym_of

    assert acronym_of("aie", "agence internationale de l'energie")
    # the English acronym of a French name: its letters in order, from the first one
    assert acronym_of("cerd", "comite pour l'elimination de la discrimination raciale")
    assert not acronym_of("afp", "comite pour l'elimination de la discrimination raciale")


def test_an_acronym_spelt_out_in_lower_case_is_a_common_noun():
    heads = folded_words("org_heads.tsv") | folded_words("entities/institution_nouns.tsv")
    text = ("Les patients passent une tomographie par émission de positons (TEP). La TEP dure une heure. "
            "Le Bureau des études rurales (BER) a financé l'étude avec l'agence régionale de santé (ARS).")
    names = [mention(text, "TEP"), mention(text, "Bureau des études rurales"), mention(text, "BER"),
             mention(text, "ARS")]
    second = text.index("La TEP") + 3
    names.insert(1, Mention(second, second + 3, "TEP", "TEP", "ORG", "ner"))
    kept = [m.key for m in drop_common_acronyms(text, names, heads)]
    assert kept == ["Bureau des études rurales", "BER", "ARS"]
