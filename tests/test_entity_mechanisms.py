"""bench/entity_mechanisms.py: entity misses and extras by mechanism (invented names and pages)."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import load_shared_scorer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from entity_mechanisms import page_rows  # noqa: E402


def _record(title: str, paragraphs: list[str], entities: list[dict], refusals: list[dict] | None = None) -> dict:
    return {"title": title, "paragraphs": paragraphs, "entities": entities, "entity_refusals": refusals or []}


def _classes(entry: dict, record: dict) -> list[tuple[str, str]]:
    return sorted((r["kind"], r["cls"]) for r in page_rows(load_shared_scorer(), entry, record))


def test_misses_by_mechanism() -> None:
    entry = {"entities": [
        {"name": "Ligue des nageurs de Brivac", "type": "ORG"},   # ours cut short
        {"name": "Trésal", "type": "LOC"},                         # ours run on
        {"name": "Hélène Vastrel", "type": "PER"},                 # held under another name
        {"name": "Orvanne Kerlac", "type": "PER"},                 # refused
        {"name": "Fondation Pellor", "type": "ORG"},               # nothing near
        {"name": "Marc Dorvel", "type": "PER"},                    # right
        {"name": "Valdrin", "type": "LOC", "optional": True},      # optional: never counted
    ]}
    text = ("La Ligue des nageurs de Brivac a reçu Hélène Vastrel, dite Lena V, au Trésal vert. "
            "Orvanne Kerlac et Marc Dorvel étaient là.")
    record = _record("Un titre", [text], [
        {"name": "Ligue des nageurs", "type": "ORG", "mentions": ["Ligue des nageurs"], "spans": [[12, 29]]},
        {"name": "Trésal vert", "type": "LOC", "mentions": ["Trésal vert"], "spans": [[80, 91]]},
        {"name": "Lena V", "type": "PER", "mentions": ["Hélène Vastrel", "Lena V"], "spans": [[40, 54]]},
        {"name": "Marc Dorvel", "type": "ORG", "mentions": ["Marc Dorvel"], "spans": [[110, 121]]},
    ], [{"name": "Orvanne Kerlac", "label": "PER", "start": 93, "end": 107, "rule": "span/common_word"}])
    rows = _classes(entry, record)
    assert ("missed", "cut") in rows
    assert ("missed", "overlong") in rows
    assert ("missed", "canonical") in rows
    assert ("missed", "refused:span") in rows
    assert ("missed", "not-proposed") in rows
    assert ("type", "PER->ORG") in rows
    assert not any(kind == "missed" and "Valdrin" in cls for kind, cls in rows)
    # the clusters of ours left unmatched have their side of the same classes
    assert ("extra", "cut") in rows and ("extra", "overlong") in rows and ("extra", "canonical") in rows


def test_extras_by_mechanism() -> None:
    entry = {"entities": [{"name": "Paul Mervan", "type": "PER", "aliases": ["Mervan"]}]}
    text = "Paul Mervan parle. Brivac. Mervan répond au Comité Vastel."
    record = _record("Titre Sorbel", [text], [
        {"name": "Paul Mervan", "type": "PER", "mentions": ["Paul Mervan"], "spans": [[14, 25]]},
        {"name": "Mervan", "type": "PER", "mentions": ["Mervan"], "spans": [[41, 47]]},
        {"name": "Sorbel", "type": "LOC", "mentions": ["Sorbel"], "spans": [[6, 12]]},
        {"name": "Brivac", "type": "LOC", "mentions": ["Brivac"], "spans": [[33, 39]]},
        {"name": "Comité Vastel", "type": "ORG", "mentions": ["Comité Vastel"], "spans": [[58, 71]]},
    ])
    rows = _classes(entry, record)
    assert rows == [("extra", "heading"), ("extra", "initial"), ("extra", "other"), ("extra", "split")]
