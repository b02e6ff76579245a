"""The invented time-form table of ``tests/data/times`` (``forms.jsonl``, the grammar rows of times19
merged in by times20): reading it, checking that it is well made, and listing the rows the times
stage does not give as written."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from conftest import time_values

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.times_check import same_value  # noqa: E402


def table_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_well_made(items: list[dict], dct: str, known_misses: dict[str, str], least: int) -> None:
    assert len(items) >= least
    assert len({r["id"] for r in items}) == len(items)
    for r in items:
        assert r["dct"] == dct
        for t in r["timex"]:
            assert t["text"] in r["text"], r["id"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET"), r["id"]
    assert set(known_misses) <= {r["id"] for r in items}


def unexpected_rows(time_stage, nlp, items: list[dict], dct: str, known_misses: dict[str, str],
                    article_id: str) -> list[str]:
    """Rows that come out otherwise than written, and known misses that now come out as written.
    Durations of the same length are one value ("PT135M" is "PT2H15M"), as bench/times_check.py scores."""
    wrong = []
    for r in items:
        got = time_values(nlp, time_stage, r["text"], dct, article_id=article_id)
        want = {t["text"]: (t["type"], t["value"]) for t in r["timex"]}
        same = got.keys() == want.keys() and all(
            got[k][0] == want[k][0] and same_value(got[k][1], want[k][1]) for k in want)
        if same == (r["id"] in known_misses):
            wrong.append(f"{r['id']}: {got} != {want}")
    return wrong
