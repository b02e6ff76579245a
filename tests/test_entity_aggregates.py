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


def _pair(gold: str, ours: str, text: str = "", others: list[str] | None = None, gtype: str = "ORG") -> str:
    from entity_span_words import pair_class

    start = text.find(ours)
    ent = {"name": ours, "type": gtype, "spans": [[start, start + len(ours)]] if start >= 0 else []}
    return pair_class({"name": gold, "type": gtype}, ent, text, others or [])


def test_pair_class_gold_longer() -> None:
    assert _pair("Institut Varlonne", "Varlonne") == "gold+org-head"
    assert _pair("Fonds de soutien de Brivac", "Fonds de soutien") == "gold+de-complement"
    assert _pair("Ligue Orvanne pour la mer", "Ligue Orvanne") == "gold+prep-complement"
    assert _pair("Marie Varcasse", "Varcasse", gtype="PER") == "gold+first-name"
    assert _pair("Octave de Lemarin", "Octave Lemarin", gtype="PER") == "gold+particle"
    assert _pair("La Baule-Escoublac", "Baule-Escoublac", gtype="LOC") == "gold+article"
    assert _pair("Banque brivacoise", "Banque") == "gold+lower-end"
    assert _pair("Saint-Orvanne", "Orvanne", gtype="LOC") == "hyphen-cut-gold"


def test_pair_class_ours_longer() -> None:
    text = "Hier soir. Selon Paul Dravec, la Régie Valmontaise a voté. Les électeurs ont voté."
    assert _pair("Régie Valmontaise", "Régie Valmontaise a", text) == "ours+lower-end"
    heading = "Électeurs Marc Tolvanne\n\nLes électeurs de Marc Tolvanne."
    assert _pair("Marc Tolvanne", "Électeurs Marc Tolvanne", heading, gtype="PER") == "ours+sentence-initial"
    inner = "Il a vu Électeurs Marc Tolvanne. Les électeurs sont là."
    assert _pair("Marc Tolvanne", "Électeurs Marc Tolvanne", inner, gtype="PER") == "ours+capitalised-common"
    fused = "Ainsi Marc Tolvanne Dravec a parlé, puis Paul Dravec."
    assert _pair("Marc Tolvanne", "Marc Tolvanne Dravec", fused, ["Paul Dravec"], gtype="PER") \
        == "ours+second-name"
    assert _pair("Dravec", "le ministre Dravec", "Il salue le ministre Dravec.", gtype="PER") == "ours+title-trade"
    assert _pair("Marc Tolvanne", "Marc-Tolvanne", gtype="PER") == "spelling"
    assert _pair("Marc Tolvanne", "Paul Tolvanne", gtype="PER") == "cross"


def test_page_errors_words_and_type_kb() -> None:
    scorer = load_shared_scorer()
    entry = {"entities": [
        {"name": "Institut Varlonne", "type": "ORG", "aliases": [], "mentions": [[1, 0, 17]]},
        {"name": "Brivac", "type": "LOC", "aliases": [], "mentions": [[2, 0, 6]]},
    ]}
    record = {"title": "", "paragraphs": ["Varlonne et Brivac."], "entities": [
        {"name": "Varlonne", "type": "ORG", "spans": [[2, 10]], "mentions": ["Varlonne"], "kb_id": None},
        {"name": "Brivac", "type": "PER", "spans": [[14, 20]], "mentions": ["Brivac"], "kb_id": None},
    ]}
    rows = page_errors(scorer, entry, record, _KB({"Brivac"}))
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["missed"]["words"] == "gold+org-head" and by_kind["extra"]["words"] == "gold+org-head"
    assert by_kind["type"]["kbx"] == "known" and by_kind["type"]["type"] == "LOC->PER"


def test_pair_class_other_type() -> None:
    from entity_span_words import pair_class

    ours = {"name": "Brivac", "type": "LOC", "spans": []}
    assert pair_class({"name": "Mairie de Brivac", "type": "ORG"}, ours, "", []) == "gold+ORG-holding-LOC"


def test_pair_class_accents_are_no_cross() -> None:
    assert _pair("Église orvannaise", "Eglise orvannaise locale") == "ours+lower-end"
    assert _pair("Œuvre de Brivac", "Oeuvre de Brivac") == "spelling"


def test_mention_cluster_classed_by_its_display_name() -> None:
    scorer = load_shared_scorer()
    entry = {"entities": [{"name": "Marie Varcasse", "type": "PER", "aliases": [], "mentions": [[1, 0, 14]]}]}
    record = {"title": "", "paragraphs": ["Marie Varcasse Dravelle parle. Marie Varcasse rit."], "entities": [
        {"name": "Marie Varcasse Dravelle", "type": "PER", "spans": [[2, 25], [32, 46]],
         "mentions": ["Marie Varcasse Dravelle", "Marie Varcasse"], "kb_id": None}]}
    rows = page_errors(scorer, entry, record, _KB(set()))
    missed = next(r for r in rows if r["kind"] == "missed")
    assert missed["detail"] == "mention" and missed["words"] == "mention:ours+cap-end"


def test_dev_listing_keeps_names_only_when_asked() -> None:
    scorer = load_shared_scorer()
    entry = {"entities": [{"name": "Institut Varlonne", "type": "ORG", "aliases": [], "mentions": [[1, 0, 17]]}]}
    record = {"title": "", "paragraphs": ["Varlonne."], "entities": [
        {"name": "Varlonne", "type": "LOC", "spans": [[2, 10]], "mentions": ["Varlonne"], "kb_id": None}]}
    listed = page_errors(scorer, entry, record, _KB(set()), keep_names=True)
    missed = next(r for r in listed if r["kind"] == "missed")
    assert missed["names"] == "gold Institut Varlonne ORG | ours Varlonne LOC"
    assert all("names" not in r for r in page_errors(scorer, entry, record, _KB(set())))
