"""The outside times gold (tests/data/extra_times, bench/extra_times.py): stored rows are positions
and labels only, with valid types and values, placed inside the title and body of the page's
extra_pages gold (the page check needs /work/extra and skips without it); no held-out page is used."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
from extra_times import DEFAULT_GOLD, DEFAULT_PAGES, load_rows, page_entries  # noqa: E402
from tools.real_pages.times import TYPES, gold_spans  # noqa: E402

VALUE = re.compile(r"^(?:[0-9X]{2,4}(?:-[0-9X]{2}|-W[0-9X]{2}|-(?:SP|SU|FA|WI|H[12]|Q[1-4]))?"
                   r"(?:-[0-9X]{2}|-WE|-[1-7])?(?:T(?:\d\d:\d\d|MO|AF|EV|NI|MI|DT))?|P[0-9X.]+[YMWD]?\w*|PT[0-9X.]+\w+"
                   r"|(?:PRESENT|PAST|FUTURE)_REF|XXXX-\S+|\d{4}-W\d\d)$")


def test_rows_hold_positions_and_labels_only():
    rows = load_rows(DEFAULT_GOLD)
    assert len(rows) == 20 and len({r["page"] for r in rows}) == 20
    for row in rows:
        assert set(row) == {"page", "part", "annotator", "times"} and row["part"] == "dev"
        assert 1 <= int(row["page"][1:]) <= 324  # outside dev pages only, never the held-out batches
        for t in row["times"]:
            assert set(t) <= {"start", "end", "type", "value", "accept", "optional"}
            assert t["type"] in TYPES and VALUE.match(t["value"]), t
            assert all(VALUE.match(a) for a in t.get("accept", [])), t


def test_rows_point_inside_the_gold_title_and_body():
    if not DEFAULT_PAGES.is_dir():
        pytest.skip("/work/extra/pages is absent")
    from extra_pages import page_file, view

    rows = load_rows(DEFAULT_GOLD)
    entries = page_entries({r["page"] for r in rows})
    for row in rows:
        lines = view(page_file(DEFAULT_PAGES, row["page"]))
        spans = gold_spans(entries[row["page"]], row["times"], lines)  # raises when outside the body
        assert all(s["finish"] > s["begin"] and s["text"].strip() == s["text"] for s in spans)


def test_gold_file_is_json_lines():
    for line in DEFAULT_GOLD.read_text(encoding="utf-8").splitlines():
        json.loads(line)
