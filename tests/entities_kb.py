"""A tiny knowledge base for the entity modules' unit tests: an invented country with invented
people, and one real country whose adjective the French model tags reliably."""

from __future__ import annotations

from veille.kb import KB

ENTRIES = [
    {"id": "country:VD", "name": "Valdorie", "type": "LOC", "iso2": "VD", "demonyms": ["valdorien", "valdorienne"],
     "capital": "place:brescan"},
    {"id": "country:NO", "name": "Norvège", "type": "LOC", "iso2": "NO",
     "demonyms": ["norvégien", "norvégienne", "norvégiens", "norvégiennes"]},
    {"id": "place:brescan", "name": "Brescan", "type": "LOC", "country": "VD", "capital_of": "VD"},
    {"id": "org:mdv", "name": "Ministère de la Défense de la Valdorie", "type": "ORG", "country": "VD",
     "aliases": ["ministère valdorien de la Défense"]},
    {"id": "org:lfn", "name": "Ligue des forêts du Nord", "type": "ORG", "aliases": ["LFN"],
     "descriptors": ["la Ligue"]},
    {"id": "org:gazetta", "name": "Gazetta", "type": "ORG", "kind": "media"},
    {"id": "person:amelie-garnier", "name": "Amélie Garnier", "type": "PER", "nationality": ["VD"],
     "roles": [{"role": "head_of_government", "of": "country:VD", "start": "2019-03-01", "end": "2021-06-30"}]},
    {"id": "person:bastien-orcel", "name": "Bastien Orcel", "type": "PER", "nationality": ["VD"],
     "roles": [{"role": "head_of_government", "of": "country:VD", "start": "2021-07-01"}]},
]


def tiny_kb() -> KB:
    kb = KB()
    for entry in ENTRIES:
        kb.add(dict(entry))
    return kb.build()
