"""A name that is part of a place's or a body's name, written alone and read as a person, is that
place or body (issue 16, entities25, ``entities/named_after.py``). Unit tests on built entities;
one pipeline test on an invented text with invented people, over the shipped KB."""

from __future__ import annotations

from conftest import entity_types as names
from veille.entities.named_after import merge_named_after
from veille.model import Entity


def _e(name: str, etype: str, *mentions: str, kb_id: str | None = None) -> Entity:
    return Entity(name=name, type=etype, mentions=list(mentions) or [name],
                  spans=[[i * 100, i * 100 + len(m)] for i, m in enumerate(mentions or (name,))], kb_id=kb_id)


def test_a_gallery_written_by_its_eponym_alone_absorbs_the_person():
    gallery, person = _e("Galerie Lucien Marlet", "ORG"), _e("Lucien Marlet", "PER")
    out = merge_named_after([gallery, person])
    assert [e.name for e in out] == ["Galerie Lucien Marlet"]
    assert sorted(out[0].mentions) == ["Galerie Lucien Marlet", "Lucien Marlet"]
    assert out[0].type == "ORG"


def test_a_building_or_a_team_named_in_short_is_that_building_or_team():
    church, short = _e("Notre-Dame de Valmont", "LOC"), _e("Notre-Dame", "PER")
    team, brand = _e("Varlon-Honda", "ORG"), _e("Varlon", "PER")
    out = merge_named_after([church, short, team, brand])
    assert [e.name for e in out] == ["Notre-Dame de Valmont", "Varlon-Honda"]


def test_a_known_person_an_owner_after_de_and_two_hosts_stay_persons():
    known = merge_named_after([_e("Stade Paul Arnel", "LOC"), _e("Paul Arnel", "PER", kb_id="person:paul-arnel")])
    assert len(known) == 2
    owner = merge_named_after([_e("Studio Vernay de Lucien Marlet", "ORG"), _e("Lucien Marlet", "PER")])
    assert len(owner) == 2
    two = merge_named_after([_e("Collège Lina Morvel", "ORG"), _e("Rue Lina Morvel", "LOC"), _e("Lina Morvel", "PER")])
    assert len(two) == 3


def test_a_longer_name_with_nothing_of_its_own_absorbs_nothing():
    out = merge_named_after([_e("Korvan Pro Team m.t", "ORG"), _e("Korvan Pro Team", "PER")])
    assert len(out) == 2


def test_a_hospital_coordinated_after_another_is_no_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Les soignants de l'hôpital Paul Arnel se sont mobilisés mardi. "
                                     "Les équipes de l'hôpital Tenon et Paul Arnel réclament des moyens.")
    assert "Paul Arnel" not in found
