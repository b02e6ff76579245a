"""The real-page times errors by kind (bench/times_gap_kinds.py): the word class of an extent error and
the kind of one matched row, on invented items."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from times_gap_kinds import extent_kind, kinds_of  # noqa: E402


@pytest.mark.parametrize(("gold", "pred", "kind"), [
    ("l'instant", "Pour l'instant", "longer:prep"),
    ("4 juin", "du 4 juin", "longer:fused"),
    ("du 4 juin", "4 juin", "shorter:fused"),
    ("la fin de semaine", "fin de semaine", "shorter:det"),
    ("plus ou moins trois mois", "trois mois", "shorter:mixed"),
    ("les années 50-60", "les années 50", "shorter:num"),
    ("fin mai", "mai", "shorter:adv"),
    ("mardi soir", "soir", "shorter:other"),
    ("lundi 4", "4 mai", "shift"),
])
def test_extent_kind_names_the_words_between(gold, pred, kind):
    assert extent_kind(gold, pred) == kind


def test_a_row_is_right_missed_extra_or_its_errors():
    gold = {"text": "l'instant", "type": "DATE", "value": "PRESENT_REF"}
    pred = {"text": "Pour l'instant", "type": "TIME", "value": "PRESENT_REF"}
    assert kinds_of((gold, None, False, False))[1] == ["missed"]
    assert kinds_of((None, pred, False, False))[1] == ["extra"]
    assert kinds_of((gold, pred, False, True))[1] == ["longer:prep"]
    assert kinds_of((gold, {**pred, "text": "l'instant"}, True, True))[1] == ["right"]
    wrong = {"text": "l'instant", "type": "DATE", "value": "2025-06-18"}
    assert kinds_of((gold, wrong, True, False))[1] == ["val_ref"]
    assert kinds_of((gold, {**wrong, "text": "Pour l'instant"}, False, False))[1] == ["longer:prep", "ext+val_ref"]
