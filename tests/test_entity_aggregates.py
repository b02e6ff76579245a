"""bench/entity_aggregates.py: entity errors put in classes without keeping a name (invented names)."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import load_shared_scorer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from entity_aggregates import page_errors, shape, span_detail  # noqa: E402


class _KB:
    """The one KB call the aggregates make: the gold names the KB knows."""

    def __init__(self, known: set[str]) -> None:
        self.known = known

    def lookup(self, text: str) -> list[str]:
        return ["x"] if text in self.known else []


def test_shape() -> None:
    assert shape("Valmont") == "one"
    assert shape("FRVL") == "acro"
    assert shape("Ligue des nageurs de Brivac") == "multi"
    assert shape(None) == "one"


def test_span_detail_kinds() -> None:
    scorer = load_shared_scorer()
    gold = {"name": "Fondation Orvanne pour la mer", "type": "ORG", "aliases": []}
    assert span_detail(scorer, gold, [{"name": "Fondation Orvanne", "mentions": ["Fondation Orvanne"]}]) \
        .startswith("shorter-low-3-end")
    person = {"name": "Marie Varcasse", "type": "PER", "aliases": []}
    assert span_detail(scorer, person, [{"name": "Varcasse", "mentions": ["Varcasse"]}]) == "shorter-cap-1-start-given"
    longer = span_detail(scorer, person, [{"name": "Marie Varcasse Mardelle", "mentions": ["Marie Varcasse Mardelle"]}])
    assert longer == "longer-cap-1-end-other"
    # the cluster holds the gold's form, only its display name differs
    assert span_detail(scorer, person, [{"name": "Marie Varcasse-Mardelle",
                                         "mentions": ["Marie Varcasse", "Marie Varcasse-Mardelle"]}]) == "mention"


def test_page_errors_classes_and_no_names() -> None:
    scorer = load_shared_scorer()
    entry = {"entities": [
        {"name": "Valmont", "type": "LOC", "aliases": [], "mentions": [[1, 0, 7], [2, 0, 7]]},
        {"name": "Compagnie des Brumes", "type": "ORG", "aliases": [], "mentions": [[3, 0, 20]]},
        {"name": "Aurèle Dufrasne", "type": "PER", "aliases": ["Dufrasne"], "mentions": [[4, 0, 15]]},
        {"name": "Brivac", "type": "LOC", "aliases": [], "optional": True, "mentions": [[5, 0, 6]]},
    ]}
    record = {"entities": [
        {"name": "Valmont", "type": "ORG", "spans": [[0, 7], [9, 16]], "kb_id": None},
        {"name": "Compagnie", "type": "ORG", "spans": [[20, 29]], "kb_id": None},
        {"name": "Dufrasne", "type": "PER", "spans": [[30, 38]], "kb_id": None},
        {"name": "Orbelle", "type": "LOC", "spans": [[40, 47]], "kb_id": "place:x"},
    ]}
    rows = page_errors(scorer, entry, record, _KB({"Compagnie des Brumes"}))
    kinds = sorted((r["kind"], r["type"], r["relation"]) for r in rows)
    assert kinds == [("extra", "LOC", "alone"), ("extra", "ORG", "span"), ("missed", "ORG", "span"),
                     ("type", "LOC->ORG", "matched")]
    missed = next(r for r in rows if r["kind"] == "missed")
    assert missed["kb"] == "kb" and missed["mentions"] == "1" and missed["shape"] == "multi"
    extra_loc = next(r for r in rows if r["kind"] == "extra" and r["type"] == "LOC")
    assert extra_loc["kb"] == "kb"
    # aggregates only: no row carries a name or a text
    for row in rows:
        assert not any(name in str(row) for name in ("Valmont", "Compagnie", "Dufrasne", "Orbelle", "Brumes"))
