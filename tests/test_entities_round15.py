"""Entity repairs of issue 16 read on outside pages (round 15): ships, adjectives of place as
attributes of people, an acronym that skips words. Invented sentences, invented people and ships."""

from __future__ import annotations

import pytest

from entities_support import entities_by_name
from veille.entities.organisations import _spells
from veille.entities.vessels import vessel_spans
from veille.pipeline import Context


@pytest.mark.parametrize("text, names", [
    ("Le pétrolier Korvan a été arraisonné.", ["Korvan"]),
    ("Le pétrolier russe Ardent vogue vers le sud.", ["Ardent"]),
    ("Les deux navires, le Vardel et le Morsin, ont été sanctionnés.", ["Vardel", "Morsin"]),
    ("Il a abordé le Belmar, un cargo battant pavillon libérien.", ["Belmar"]),
    ("Le navire Hr.Ms.Tilburg a intercepté la vedette.", ["Hr.Ms.Tilburg"]),
    ("L'équipage de ce navire, le Solenn, a été évacué.", ["Solenn"]),
    ("Ses deux frégates valdoriennes, la Morvane et la Belle Ilsane, sont à quai.", ["Morvane", "Belle Ilsane"]),
])
def test_where_a_ship_is_named(text, names):
    assert [text[a:b] for a, b in vessel_spans(text)] == names


@pytest.mark.parametrize("text", [
    "Le navire quitte Brest ce matin.",           # a verb between the noun and the place
    "Le navire de Paul Marin a coulé.",          # an owner after "de"
    "Moscou a saisi, au large de la Crimée, un navire grec.",  # a place before a comma, no gloss
    "Après l'attaque contre le navire, la Valdorie accuse son voisin.",  # no apposition closed
])
def test_no_ship_where_none_is_named(text):
    assert vessel_spans(text) == []


def test_a_ship_is_no_entity_anywhere_in_the_article(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le pétrolier Korvan a été arraisonné au large de Brest. "
                                       "Le Korvan transportait du brut, selon Paul Verdan.")
    assert "Korvan" not in found
    assert found["Brest"][0] == "LOC"
    assert found["Paul Verdan"][0] == "PER"


@pytest.mark.parametrize("text, word", [
    ("Elle est Lyonnaise depuis vingt ans et court à Brest, confie Léa Marin.", "Lyonnaise"),
    ("Paul Verdan est un peu Breton sur les bords, dit Léa Marin à Nantes.", "Breton"),
    ("Le maire a offert un café aux Angevins dimanche, raconte Paul Verdan.", "Angevins"),
])
def test_an_adjective_of_place_said_of_people_is_no_place(nlp, full_stage, text, word):
    found = entities_by_name(nlp, full_stage, text)
    assert word not in found
    assert any(t == "PER" for t, _ in found.values())


def test_a_place_after_a_copula_stays_a_place(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "La capitale de la région est Lyon, rappelle Paul Verdan.")
    assert found.get("Lyon", ("",))[0] == "LOC"


def test_a_plural_place_name_after_des_stays_a_place(nlp, full_stage):
    from veille.entities.name_checks import people_noun
    from veille.entities.resources import load_resources

    res = load_resources(Context(nlp=nlp))
    doc = nlp("Des émeutes ont éclaté dans le quartier des Moulins, à Brivac.")
    tok = next(t for t in doc if t.text == "Moulins")
    assert not people_noun(res, [tok])


def test_an_acronym_skipping_words_completes_the_name(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Le rapport du Réseau d'observateurs indépendants sur la qualité de "
                                       "l'air (Roia) a été publié lundi, a indiqué Paul Verdan.")
    name = next(n for n, (_, mentions) in found.items() if "Roia" in mentions)
    assert name.endswith("de l'air")


def test_what_an_acronym_spells():
    assert _spells("roia", "reseau d observateurs independants sur la qualite de l air")
    assert not _spells("roia", "reseau d observateurs independants")
    assert not _spells("pc", "parti communiste de la region")  # (two letters: too short to skip words)


def test_a_name_inside_an_idiom_is_no_entity(nlp, full_stage):
    found = entities_by_name(nlp, full_stage, "Paul Verdan a franchi le Rubicon en quittant le parti, selon Léa Marin à Lyon. "
                                       "Elle l'accuse de tous les péchés d'Israël.")
    assert "Rubicon" not in found and "Israël" not in found
    assert found["Lyon"][0] == "LOC"
