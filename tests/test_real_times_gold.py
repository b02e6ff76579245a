"""The real-page TIMES gold loader (tools/real_pages/times.py) on an invented page, and the stored
rows of tests/data/real_pages/times_*.jsonl (placed inside the title and body, valid types and
values; these need ../shared and skip without it)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, load  # noqa: E402
from tools.real_pages.materialize import paragraphs  # noqa: E402
from tools.real_pages.times import (  # noqa: E402
    TYPES,
    AllTypes,
    doc_index,
    gold_spans,
    shared_times,
    times_rows,
    type_counts,
)
from tools.real_pages.view import PAGES, view_lines  # noqa: E402

# An invented page view: menu, title, a wrapped paragraph, a caption, a second paragraph.
LINES = [
    "Accueil | Monde",
    "  Grève à Valmont : les cheminots reconduisent le mouvement lundi",
    "Les agents de la compagnie régionale ont voté mardi soir la reconduite",
    "   de la grève pour trois jours, a annoncé hier leur syndicat.",
    "Photo : un quai vide.",
    "Chaque lundi, une assemblée se tient depuis 2019. Lundi, la direction reçoit.",
]
ENTRY = {"page": "w9999", "title": {"line": 2, "start": 0, "end": None}, "body": [[3, 6]], "exclude": [5]}
ROW = {"page": "w9999", "part": "dev", "annotator": "helper-timesann", "times": [
    {"start": [2, 60], "end": [2, 65], "type": "DATE", "value": "2024-03-11"},
    {"start": [3, 46], "end": [3, 56], "type": "TIME", "value": "2024-03-05TEV"},
    {"start": [4, 20], "end": [4, 31], "type": "DURATION", "value": "P3D"},
    {"start": [4, 43], "end": [4, 47], "type": "DATE", "value": "2024-03-06"},
    {"start": [6, 0], "end": [6, 12], "type": "SET", "value": "XXXX-WXX-1"},
    {"start": [6, 44], "end": [6, 48], "type": "DATE", "value": "2019", "optional": True},
    {"start": [6, 50], "end": [6, 55], "type": "DATE", "value": "2024-03-18", "accept": ["2024-03-04"]},
]}


def test_doc_index_gives_the_body_given_text():
    text, _ = doc_index(ENTRY, LINES)
    title = LINES[1].strip()
    assert text == "\n\n".join([title, *paragraphs(ENTRY, LINES)])


def test_spans_point_at_the_annotated_words():
    text, _ = doc_index(ENTRY, LINES)
    got = [text[g["begin"]:g["finish"]] for g in gold_spans(ENTRY, ROW["times"], LINES)]
    assert got == ["lundi", "mardi soir", "trois jours", "hier", "Chaque lundi", "2019", "Lundi"]


def test_shared_gold_keeps_dates_and_times_once_per_wording_and_value():
    items = shared_times(ROW["times"], LINES)
    assert [(t["text"], t["type"]) for t in items] == [
        ("lundi", "DATE"), ("mardi soir", "TIME"), ("hier", "DATE"), ("2019", "DATE"), ("Lundi", "DATE")]
    assert items[-1]["accept"] == ["2024-03-04"] and items[3]["optional"] is True
    twice = shared_times([ROW["times"][0], {**ROW["times"][6], "value": "2024-03-11", "accept": []}], LINES)
    assert len(twice) == 1  # "lundi" and "Lundi" meaning the same day: one entry, as Veille lists it


def test_a_time_outside_the_body_is_refused():
    with pytest.raises(ValueError):
        gold_spans(ENTRY, [{"start": [5, 0], "end": [5, 5], "type": "DATE", "value": "2024"}], LINES)


def test_all_types_strict_relaxed_and_value():
    golds = gold_spans(ENTRY, ROW["times"], LINES)
    text, _ = doc_index(ENTRY, LINES)
    preds = [{"text": "lundi", "value": "2024-03-11"},            # strict, right
             {"text": "mardi", "value": "2024-03-05"},            # relaxed only, wrong value
             {"text": "trois jours", "value": "P3D"},             # relaxed, right
             {"text": "Chaque lundi", "value": "XXXX-WXX-1"},     # strict, right
             {"text": "2019", "value": "2019"},                   # on an optional gold: not counted
             {"text": "Lundi", "value": "2024-03-04"},            # strict, an accepted value
             {"text": "demain", "value": "2024-03-07"}]           # not in the text: a false positive
    tally = AllTypes()
    tally.add("w9999", text, golds, preds)  # placed by wording: "Chaque lundi" first, then "Lundi" after it
    res = tally.result()
    assert (res["all_relaxed"]["tp"], res["all_relaxed"]["fp"], res["all_relaxed"]["fn"]) == (5, 1, 1)
    assert (res["all_strict"]["tp"], res["all_value"]["tp"]) == (4, 4)
    # the same predictions placed by their offsets in the same text: "Lundi" is the last one
    placed = [{**p, "begin": text.find(p["text"]), "finish": text.find(p["text"]) + len(p["text"])} for p in preds]
    placed[5] = {**placed[5], "begin": text.rfind("Lundi"), "finish": text.rfind("Lundi") + 5}
    placed[6] = {**placed[6], "begin": 10**6, "finish": 10**6 + 6}
    by_offsets = AllTypes()
    by_offsets.add("w9999", text, golds, placed, text)
    res = by_offsets.result()
    assert (res["all_relaxed"]["tp"], res["all_relaxed"]["fp"], res["all_relaxed"]["fn"]) == (5, 1, 1)  # "hier" is not predicted
    assert (res["all_strict"]["tp"], res["all_value"]["tp"]) == (4, 4)
    assert type_counts([ROW]) == {"DATE": 3, "TIME": 1, "DURATION": 1, "SET": 1, "optional": 1}


VALUE = re.compile(r"^\d{2}$|^(\d{4}|\d{3}X|\d{2}XX|XXXX)(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}|WXX|XX)(-(\d{2}|WE|[1-7]|XX))?)?"
                   r"(T(\d{2}(:\d{2})?|MO|MI|AF|EV|NI|DT))?$|^P(\d+|X)(Y|M|W|D|DE|CE)$|^PT(\d+|X)(H|M|S)$|"
                   r"^(PRESENT|PAST|FUTURE)_REF$|^P(\d+|X)Y(\d+|X)M$|^PT(\d+|X)H(\d+|X)M$")


@pytest.mark.parametrize("part", ["dev", "test"])
def test_stored_rows_are_placed_and_well_formed(part):
    rows = list(times_rows(part).values())  # dev: times_dev.jsonl and times_dev_fresh.jsonl
    if not PAGES.is_dir() or not rows:
        pytest.skip("../shared pages or the times gold are not there")
    pages = {e["page"]: e for e in load(GOLD_DIR / f"gold_{part}.jsonl")}
    for row in rows:
        assert row["part"] == part and row["page"] in pages
        lines = view_lines(row["page"])
        spans = gold_spans(pages[row["page"]], row["times"], lines)
        for t in spans:
            assert t["type"] in TYPES and t["text"].strip(), (row["page"], t)
            for v in [t["value"], *t.get("accept", [])]:
                assert v is None or VALUE.match(v), (row["page"], t["start"], v)
