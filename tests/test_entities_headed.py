"""entities/headed.py: one organisation named two ways (with or without its head noun, with or
without a nationality adjective after it)."""

from __future__ import annotations

from veille.entities.headed import merge_demonym_tails
from veille.model import Entity


def _org(name: str, n: int, kb_id: str | None = None) -> Entity:
    e = Entity(name=name, type="ORG", kb_id=kb_id)
    e.mentions = [name] * n
    return e


def test_an_organisation_with_and_without_its_nationality_adjective_is_one():
    ents = [_org("Conseil du rail valdorien", 1), _org("Conseil du rail", 3), _org("Office du rail", 1)]
    out = merge_demonym_tails(ents, {"valdorien": "country:VD"})
    assert [(e.name, len(e.mentions)) for e in out] == [("Conseil du rail", 4), ("Office du rail", 1)]


def test_a_word_that_is_no_demonym_keeps_two_organisations():
    ents = [_org("Conseil du rail national", 1), _org("Conseil du rail", 3)]
    assert len(merge_demonym_tails(ents, {"valdorien": "country:VD"})) == 2
