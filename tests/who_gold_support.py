"""Row checks shared by the tests of the who gold batches (``tests/data/real_pages/who_*.jsonl``)."""

from __future__ import annotations


def assert_rows_well_formed(rows: list[dict], speakers_are_entities: bool = False) -> None:
    """Each row holds only the gold fields; entities are typed and mentioned, quotes run forward,
    quantities sit on one line with a currency code, "%" or no unit; with ``speakers_are_entities``
    every named speaker is an entity of its page."""
    for r in rows:
        assert set(r) <= {"page", "part", "annotator", "entities", "quotes", "quantities", "note"}
        for ent in r["entities"]:
            assert ent["type"] in ("PER", "ORG", "LOC") and ent["mentions"]
        names = {ent["name"] for ent in r["entities"]}
        for q in r["quotes"]:
            assert q["kind"] in ("direct", "indirect") and tuple(q["start"]) < tuple(q["end"])
            if speakers_are_entities:
                assert q["speaker"] is None or q["speaker"] in names  # a speaker is an entity of the page
        for n in r["quantities"]:
            assert n["start"][0] == n["end"][0] and n["start"][1] < n["end"][1]
            assert n.get("unit") in (None, "%") or len(n["unit"]) == 3
