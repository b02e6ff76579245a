"""The aggregates-only split of the real-page times score (bench/times_gap_shape.py) and the pairing
it shares with the all-types columns (tools/real_pages/times.match_items), on invented items."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from times_gap_shape import CLASSES, Shape, form_class  # noqa: E402
from tools.real_pages.times import AllTypes, match_items  # noqa: E402

TEXT = "Lundi soir, Léa Vasseur a quitté Gravelines pour trois semaines; elle revient le 4 mai à 9 h."


def _at(words: str, **item) -> dict:
    begin = TEXT.index(words)
    return {"text": words, "begin": begin, "finish": begin + len(words), **item}


GOLDS = [_at("Lundi soir", type="TIME", value="2025-04-07TEV"),
         _at("trois semaines", type="DURATION", value="P3W"),
         _at("le 4 mai", type="DATE", value="2025-05-04"),
         _at("9 h", type="TIME", value="2025-05-04T09:00", optional=True)]
PREDS = [_at("Lundi soir", type="TIME", value="2025-04-07TEV"),   # strict, right
         _at("semaines", type="DURATION", value="P3W"),          # relaxed only, right value
         _at("4 mai", type="DATE", value="2024-05-04"),          # relaxed only, wrong value
         _at("9 h", type="TIME", value="2025-05-04T09:00"),      # on an optional gold: neither right nor extra
         _at("Gravelines", type="DATE", value="XXXX")]           # an extra


def test_match_items_pairs_as_the_all_types_columns_count():
    rows = match_items(TEXT, GOLDS, PREDS, TEXT)
    assert [(g and g["text"], p and p["text"], s, ok) for g, p, s, ok in rows] == [
        ("Lundi soir", "Lundi soir", True, True), ("trois semaines", "semaines", False, True),
        ("le 4 mai", "4 mai", False, False), (None, "Gravelines", False, False)]
    tally = AllTypes()
    tally.add("w9998", TEXT, GOLDS, PREDS, TEXT)
    res = tally.result()
    assert (res["all_relaxed"]["tp"], res["all_relaxed"]["fp"], res["all_relaxed"]["fn"]) == (3, 1, 0)
    assert (res["all_strict"]["tp"], res["all_value"]["tp"]) == (1, 2)


@pytest.mark.parametrize(("item", "kind"), [
    ({"text": "mardi", "type": "DATE"}, "weekday"),
    ({"text": "la veille", "type": "DATE"}, "deictic"),
    ({"text": "aujourd'hui", "type": "TIME", "value": "PRESENT_REF"}, "deictic"),
    ({"text": "le 12 juin", "type": "DATE"}, "month_day"),
    ({"text": "12/06/2025", "type": "DATE"}, "month_day"),
    ({"text": "juin dernier", "type": "DATE"}, "month"),
    ({"text": "1998", "type": "DATE"}, "year"),
    ({"text": "vers 14 h 30", "type": "TIME"}, "clock"),
    ({"text": "mardi matin", "type": "TIME"}, "day_part"),
    ({"text": "la semaine prochaine", "type": "DATE"}, "period"),
    ({"text": "deux ans", "type": "DURATION", "value": "P2Y"}, "duration"),
    ({"text": "chaque été", "type": "SET"}, "set"),
    ({"text": "désormais", "type": "TIME", "value": "PRESENT_REF"}, "ref"),
    ({"text": "Pâques", "type": "DATE"}, "other"),
])
def test_form_classes_are_read_off_the_wording(item, kind):
    assert kind in CLASSES and form_class(item) == kind


def test_shape_counts_recall_by_gold_and_precision_by_prediction():
    shape = Shape()
    for g, p, strict, ok in match_items(TEXT, GOLDS, PREDS, TEXT):
        shape.add([form_class(g)] if g else [], [form_class(p)] if p else [], (g, p, strict, ok))
    rows = {r["key"]: r for r in shape.table(list(CLASSES))}
    assert (rows["day_part"]["gold"], rows["day_part"]["R_strict"]) == (1, 1.0)
    assert (rows["month_day"]["R_relaxed"], rows["month_day"]["R_value"]) == (1.0, 0.0)
    assert (rows["other"]["gold"], rows["other"]["pred"], rows["other"]["P_relaxed"]) == (0, 1, 0.0)
    assert "clock" not in rows  # the optional "9 h" and the prediction on it count nowhere
