"""entities/aliases.py: a pen name or nickname given after an alias cue is the same person."""

from __future__ import annotations

from veille.common.fold import fold
from veille.entities.aliases import merge_aliases
from veille.entities.mention import Mention


def _m(text: str, name: str, label: str = "PER") -> Mention:
    at = text.index(name)
    return Mention(at, at + len(name), name, name, label, "ner")


def test_a_stage_name_after_connu_sous_le_nom_de_joins_the_person():
    text = "Marcel Tirbois, connu sous le nom de Max Lerouge, a chanté hier."
    real, stage = _m(text, "Marcel Tirbois"), _m(text, "Max Lerouge")
    clusters = {("name", "marcel tirbois", "PER"): [real], ("name", "max lerouge", "PER"): [stage]}
    merge_aliases(fold(text), clusters)
    assert list(clusters) == [("name", "marcel tirbois", "PER")]
    assert len(clusters[("name", "marcel tirbois", "PER")]) == 2


def test_two_people_without_a_cue_stay_apart():
    text = "Marcel Tirbois, Max Lerouge et d'autres ont chanté."
    real, other = _m(text, "Marcel Tirbois"), _m(text, "Max Lerouge")
    clusters = {("name", "marcel tirbois", "PER"): [real], ("name", "max lerouge", "PER"): [other]}
    merge_aliases(fold(text), clusters)
    assert len(clusters) == 2


def test_a_place_before_the_cue_takes_no_alias():
    text = "À Vermont-sur-Lise, alias la Petite Venise, la fête commence."
    place, nick = _m(text, "Vermont-sur-Lise", "LOC"), _m(text, "Petite Venise", "LOC")
    clusters = {("name", "vermont-sur-lise", "LOC"): [place], ("name", "petite venise", "LOC"): [nick]}
    merge_aliases(fold(text), clusters)
    assert len(clusters) == 2
