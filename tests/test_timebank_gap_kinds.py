"""The kinds of TimeBank errors bench/timebank_gap_kinds.py counts, on an invented article scored with the
shared scorer's search and pairing (no TimeBank text)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from timebank_gap_kinds import classify, extent_kind, value_kind, value_shape  # noqa: E402

TEXT = ("Hier, la mairie de Lure a voté le budget. Vers 20 h, Rémi Gros a quitté la salle; hier encore, "
        "il promettait de rester trois ans. Mardi, le conseil se réunira de nouveau.")


def _gold(words: str, kind: str, value: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.lower().index(words.lower(), start + 1)
    return {"start": start, "end": start + len(words), "type": kind, "value": value, "text": TEXT[start:start + len(words)]}


class _Scorer:
    """The shared scorer's search and value test, as ``../shared/eval/timebank.py`` has them (re-typed
    here so the test runs without ../shared)."""

    @staticmethod
    def locate(text: str, pred_texts: list[str]) -> list[tuple[int, int, int]]:
        out, pos = [], {}
        low = text.lower()
        for i, t in enumerate(pred_texts):
            needle = t.lower().strip()
            k = low.find(needle, pos.get(needle, 0))
            if k < 0:
                k = low.find(needle)
            if k >= 0:
                pos[needle] = k + len(needle)
                out.append((k, k + len(needle), i))
        return out

    @staticmethod
    def value_right(gold: dict, pred: str | None, whole: bool = False) -> bool:
        return bool(pred) and pred == gold["value"]


@pytest.mark.parametrize(("gold", "pred", "kind"), [
    ({"type": "DATE", "value": "2025-06-10"}, {"type": "DATE", "value": "2025-06-17"}, "val_week"),
    ({"type": "DATE", "value": "2025-06-10"}, {"type": "DATE", "value": "2025-06-11"}, "val_day1"),
    ({"type": "DATE", "value": "2024-06-10"}, {"type": "DATE", "value": "2025-06-10"}, "val_year"),
    ({"type": "DATE", "value": "2025-06"}, {"type": "DATE", "value": "2025"}, "val_coarser"),
    ({"type": "TIME", "value": "2025-06-10TEV"}, {"type": "TIME", "value": "2025-06-10T20:00"}, "val_clock"),
    ({"type": "TIME", "value": "PRESENT_REF"}, {"type": "TIME", "value": "2025-06-10"}, "val_ref"),
    ({"type": "DURATION", "value": "P3D"}, {"type": "DATE", "value": "2025-06-13"}, "val_type"),
    ({"type": "DATE", "value": "2025-06-10"}, {"type": "DATE", "value": None}, "val_null"),
])
def test_value_kinds(gold, pred, kind):
    assert value_kind(gold, pred) == kind


def test_extent_kinds_tell_function_words_apart():
    g = _gold("20 h", "TIME", "x")
    at = TEXT.index("Vers 20 h")
    assert extent_kind(TEXT, g, at, g["end"]) == "ext_longer_fn"  # "Vers" is a preposition
    g = _gold("le conseil", "DATE", "x")
    assert extent_kind(TEXT, g, g["start"] + 3, g["end"]) == "ext_shorter_fn"
    g = _gold("Rémi Gros", "DATE", "x")
    assert extent_kind(TEXT, g, g["start"], g["end"] + 9) == "ext_longer"  # "a quitté"


def test_a_repeated_wording_the_record_lists_once_is_the_record_format():
    golds = [_gold("Hier", "DATE", "2025-06-15"), _gold("20 h", "TIME", "2025-06-15T20:00"),
             _gold("hier", "DATE", "2025-06-15", nth=1), _gold("trois ans", "DURATION", "P3Y"),
             _gold("Mardi", "DATE", "2025-06-17")]
    preds = [{"text": "Hier", "type": "DATE", "value": "2025-06-15"},
             {"text": "Vers 20 h", "type": "TIME", "value": "2025-06-15T20:00"},
             {"text": "Mardi", "type": "DATE", "value": "2025-06-24"},
             {"text": "la salle", "type": "DATE", "value": "2025"}]
    rows, spurious = classify(_Scorer(), {"text": TEXT, "timex": golds}, preds)
    assert [kind for _cls, kind, _g, _p, _strict in rows] == ["right", "ext_longer_fn", "miss_repeat", "miss_none",
                                                               "val_week"]
    assert [strict for *_, strict in rows] == [True, False, False, False, True]
    assert [(cls, kind) for cls, kind, _p in spurious] == [("other", "sp_none")]
    assert value_shape(golds[1]) == "TIME:9999-99-99T99:99"
