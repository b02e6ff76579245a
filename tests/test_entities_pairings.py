"""Names joined with hyphens after a pairing noun ("le tandem Dorval-Kessler") are mentions of
each name when the article writes a part alone; a double surname it never splits stays one name
(invented sentences; ``entities/pairings.py``)."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.mention import Mention
from veille.entities.pairings import split_pairings


def _mention(text: str, name: str, label: str = "ORG") -> Mention:
    at = text.index(name)
    return Mention(at, at + len(name), name, name, label, "ner")


def test_a_pair_of_people_becomes_two_person_mentions():
    text = "Marc Dorval se présente. Le tandem Dorval-Kessler vise la mairie."
    out = split_pairings(text, [_mention(text, "Dorval-Kessler")])
    assert [(m.key, m.label, text[m.start:m.end]) for m in out] == [("Dorval", "PER", "Dorval"), ("Kessler", "PER", "Kessler")]


def test_a_double_surname_never_split_and_a_compound_without_pairing_noun_stay_names():
    text = "L'affaire Dorval-Kessler remonte à 2019. Le juge a entendu Marc Lenoir."
    assert [m.key for m in split_pairings(text, [_mention(text, "Dorval-Kessler")])] == ["Dorval-Kessler"]
    text = "Vernier court pour Lacaze. Il a signé chez Vernier-Lacaze, l'équipe de Brivac."
    assert [m.key for m in split_pairings(text, [_mention(text, "Vernier-Lacaze")])] == ["Vernier-Lacaze"]


def test_a_matter_keeps_the_reading_of_its_parts():
    text = "Adelco recrute. L'affaire Adelco-Varnier remonte à 2000."
    out = split_pairings(text, [_mention(text, "Adelco-Varnier", "LOC")])
    assert [(m.key, m.label) for m in out] == [("Adelco", "LOC"), ("Varnier", "LOC")]


def test_the_stage_names_the_people_not_the_pair(nlp, full_stage):
    types = entity_types(nlp, full_stage, "Marc Dorval et Léa Kessler se présentent ensemble. "
                                          "Le tandem Dorval-Kessler vise la mairie de Brivac.")
    assert "Dorval-Kessler" not in types
    assert types.get("Marc Dorval") == "PER"
