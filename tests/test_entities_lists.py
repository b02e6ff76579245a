"""entities/lists.py: the unknown names of an enumeration take the type most of the others have."""

from __future__ import annotations

from entities_kb import tiny_kb
from veille.entities.lists import enumerations, type_enumerations
from veille.entities.mention import Mention


def mentions(text: str, labels: dict[str, str]) -> list[Mention]:
    out = []
    for word, label in labels.items():
        at = text.index(word)
        out.append(Mention(at, at + len(word), word, word, label, "ner"))
    return out


def test_a_name_read_as_a_place_in_a_list_of_riders_is_a_person():
    text = "Derrière, Morel, Varin, Lebrun, Porte et Castagne ont suivi."
    names = mentions(text, {"Morel": "PER", "Varin": "PER", "Lebrun": "PER", "Porte": "LOC", "Castagne": "PER"})
    type_enumerations(names, text, tiny_kb())
    assert [m.label for m in names] == ["PER"] * 5


def test_a_known_name_keeps_its_type_and_a_short_list_changes_nothing():
    text = "Morel, Varin, Lebrun et Valdorie."
    names = mentions(text, {"Morel": "PER", "Varin": "PER", "Lebrun": "PER", "Valdorie": "LOC"})
    names[-1].kb_id = "country:VD"
    type_enumerations(names, text, tiny_kb())
    assert names[-1].label == "LOC"
    text = "Morel, Varin et Porte."
    names = mentions(text, {"Morel": "PER", "Varin": "PER", "Porte": "LOC"})
    type_enumerations(names, text, tiny_kb())
    assert names[-1].label == "LOC"


def test_names_not_joined_by_commas_are_no_list():
    text = "Morel a vu Varin. Lebrun, Porte."
    names = mentions(text, {"Morel": "PER", "Varin": "PER", "Lebrun": "PER", "Porte": "LOC"})
    assert enumerations(names, text) == []
