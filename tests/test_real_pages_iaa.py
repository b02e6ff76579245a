"""tools/real_pages/iaa.py: agreement between two events annotations, on invented records (invented
pages, people and labels; no page is read)."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages import iaa  # noqa: E402


def _norm(x: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", x.lower()) if not unicodedata.combining(c))


def _same(pred, gold) -> bool:
    """The shared scorer's rule without its entity groups: a gold name or list, accents ignored."""
    for g in gold if isinstance(gold, list) else [gold]:
        if g is None and pred is None:
            return True
        if g is not None and pred is not None and _norm(g) == _norm(pred):
            return True
    return False


M = iaa.Matcher(_same)


def ev(etype, source, target, mode="fact", date=None) -> dict:
    return {"type": etype, "source": source, "target": target, "mode": mode, "date": date, "place": None,
            "trigger": [1, 0, 4]}


def row(page: str, line: int, events: list[dict], annotator: str = "ann-x") -> dict:
    return {"page": page, "part": "dev", "annotator": annotator, "start": [line, 0], "end": [line, 40],
            "events": events}


def test_identical_files_agree_fully() -> None:
    a = [row("p1", 3, [ev("ACCUSE", "Lina Marchal", "Parti Bleu", date="2031-02-03")]), row("p1", 4, [])]
    agr, diffs = iaa.compare(a, json.loads(json.dumps(a)), M)
    d = agr.as_dict()
    assert d["events"]["f1"] == 1.0 and d["mode"][0] == 1.0 and d["date"][0] == 1.0 and diffs == []
    assert d["sentence_events"] == {"both": 1, "only_a": 0, "only_b": 0, "neither": 1, "kappa": 1.0}


def test_only_shared_sentences_count() -> None:
    a = [row("p1", 3, [ev("REQUEST", "Omar Vidal", None)]), row("p2", 9, [ev("PROTEST", None, None)])]
    b = [row("p1", 3, [ev("REQUEST", "Omar Vidal", "Ville de Brenne")])]
    agr, _ = iaa.compare(a, b, M)
    d = agr.as_dict()
    assert d["sentences"] == 1
    assert d["events"]["tp"] == 1 and d["events"]["fp"] == 0  # an A null target accepts any target
    assert d["events_ba"]["tp"] == 0  # but a B null target is not accepted the other way round


def test_disagreement_kinds_each_event_once_by_annotator() -> None:
    a = [row("p1", 1, [ev("ACCUSE", "Lina Marchal", "Parti Bleu"), ev("SUPPORT", "Omar Vidal", "Lina Marchal")],
             annotator="ann-a"),
         row("p2", 1, [ev("ASSAULT", "Gang Nord", None), ev("REJECT", "Parti Bleu", "Omar Vidal")], annotator="ann-b"),
         row("p3", 1, [ev("CONSULT", "Lina Marchal", "Omar Vidal", mode="intent")], annotator="ann-b"),
         row("p4", 1, [], annotator="ann-a")]
    b = [row("p1", 1, [ev("REJECT", "Lina Marchal", "Parti Bleu"), ev("SUPPORT", "Omar Vidal", "Lina Marchal")]),
         row("p2", 1, [ev("ASSAULT", None, "Omar Vidal"), ev("REJECT", "Parti Bleu", "Lina Marchal")]),
         row("p3", 1, [ev("CONSULT", "Lina Marchal", "Omar Vidal", mode="fact")]),
         row("p4", 1, [ev("AID", "Ville de Brenne", None)])]
    agr, diffs = iaa.compare(a, b, M)
    k = agr.as_dict()["kinds"]
    assert k["type"] == {"ann-a": 1, "all": 1}
    assert k["source"] == {"ann-b": 1, "all": 1}
    assert k["target"] == {"ann-b": 1, "all": 1}
    assert k["mode"] == {"ann-b": 1, "all": 1}
    assert k["only_b"] == {"ann-a": 1, "all": 1}
    assert "only_a" not in k
    d = agr.as_dict()
    assert (d["events"]["tp"], d["events"]["fp"], d["events"]["fn"]) == (2, 4, 3)
    assert d["type"][1:] == (2, 3) and d["mode"][1:] == (1, 2)
    assert d["events_by_annotator"]["ann-a"]["tp"] == 1
    assert [x["id"] for x in diffs] == ["p1:1.0-1.40", "p2:1.0-1.40", "p3:1.0-1.40", "p4:1.0-1.40"]


def test_optional_modes_neither_missed_nor_spurious_but_scored_for_mode() -> None:
    a = [row("p1", 1, [ev("ASSAULT", "Gang Nord", None, mode="hypothetical"), ev("COERCE", None, "Omar Vidal")])]
    b = [row("p1", 1, [ev("COERCE", None, "Omar Vidal"), ev("THREATEN", "Gang Nord", "Omar Vidal", mode="negated")])]
    agr, diffs = iaa.compare(a, b, M)
    d = agr.as_dict()
    assert (d["events"]["tp"], d["events"]["fp"], d["events"]["fn"]) == (1, 0, 0)
    assert diffs == []
    b2 = [row("p1", 1, [ev("COERCE", None, "Omar Vidal"), ev("ASSAULT", "Gang Nord", None)])]
    d2 = iaa.compare(a, b2, M)[0].as_dict()
    assert d2["mode"][1:] == (1, 2) and d2["kinds"]["mode"]["all"] == 1
    assert d2["events"]["fp"] == 0  # matched to an optional A event: not spurious


def test_type_list_and_source_alternatives_on_either_side() -> None:
    a = [row("p1", 1, [ev(["MOBILIZE", "COERCE"], ["Préfecture de Brenne", "France"], None)])]
    b = [row("p1", 1, [ev("COERCE", ["Ministère de l'Intérieur", "France"], None)])]
    assert iaa.compare(a, b, M)[0].as_dict()["events"]["f1"] == 1.0


def test_specific_first_removes_the_null_target_pairing_artifact(monkeypatch: pytest.MonkeyPatch) -> None:
    a = [row("p1", 1, [ev("SUPPORT", "Lina Marchal", None), ev("SUPPORT", "Lina Marchal", "Parti Bleu")])]
    b = [row("p1", 1, [ev("SUPPORT", "Lina Marchal", "Parti Bleu"), ev("SUPPORT", "Lina Marchal", None)])]
    assert iaa.compare(a, b, M)[0].as_dict()["events"]["tp"] == 1  # as bench/events_real.py pairs them
    monkeypatch.setattr(iaa, "SPECIFIC_FIRST", True)
    assert iaa.compare(a, b, M)[0].as_dict()["events"]["tp"] == 2


def test_sample_is_seeded_stratified_and_ids_only() -> None:
    rows = [row(f"p{p}", n, [], annotator=f"ann-{p % 3}") for p in range(9) for n in range(1, 8)]
    ids = iaa.sample(rows, n=12, seed=5)
    assert ids == iaa.sample(rows, n=12, seed=5) and len(set(ids)) == 12
    by_ann = {}
    for i in ids:
        page = i.split(":")[0]
        by_ann.setdefault(int(page[1:]) % 3, set()).add(page)
    assert sorted(len(v) for v in by_ann.values()) == [3, 3, 3]  # 4 each, spread over the 3 pages of each
    assert all(i.count(":") == 1 and "-" in i for i in ids)


def test_bootstrap_interval_brackets_the_figure() -> None:
    a = [row(f"p{i}", 1, [ev("ACCUSE", "Lina Marchal", "Parti Bleu")]) for i in range(6)]
    b = [row(f"p{i}", 1, [ev("ACCUSE", "Lina Marchal", "Parti Bleu" if i % 2 else "Omar Vidal")]) for i in range(6)]
    lo, hi = iaa.bootstrap_f1(a, b, n=200, matcher=M)
    f1 = iaa.compare(a, b, M)[0].as_dict()["events"]["f1"]
    assert 0.0 <= lo <= f1 <= hi <= 1.0


def test_committed_second_annotation_is_well_formed_and_in_the_gold() -> None:
    gold_dir = ROOT / "tests" / "data" / "real_pages"
    second = iaa.load(gold_dir / "events_dev_second.jsonl")
    gold_ids = {iaa.sentence_id(r) for r in iaa.load(gold_dir / "events_dev.jsonl")}
    assert len(second) >= 100 and {r["annotator"] for r in second} == {"helper-iaa"}
    assert all(iaa.sentence_id(r) in gold_ids for r in second)
    for r in second:
        for e in r["events"]:
            assert e["mode"] in {"fact", "intent", "negated", "hypothetical", "demanded"}
            assert e["trigger"][0] in range(r["start"][0], r["end"][0] + 1)
