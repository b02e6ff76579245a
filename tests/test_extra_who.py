"""The held-out who batches from sites outside the corpus (tests/data/extra_who) and the plumbing that
scores gold whose pages live in a folder of their own (bench/extra_who.py). The plumbing is tested on
a corpus dev page copied to a temporary folder, never on the held-out pages."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
import extra_who  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, load  # noqa: E402
from tools.real_pages.materialize import body_inputs, materialize  # noqa: E402
from tools.real_pages.view import PAGES, page_path  # noqa: E402

DATA = ROOT / "tests" / "data" / "extra_who"
ANNOTATORS = {"heldout3": "helper-whoheld3", "heldout5": "helper-whoheld5", "heldout6": "helper-whoheld6"}


def _sources() -> list[dict]:
    with (DATA / "sources.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_every_source_has_gold_in_one_part() -> None:
    assert set(ANNOTATORS) == set(extra_who.PARTS)
    ids = [s["id"] for s in _sources()]
    rows = [w["page"] for part in extra_who.PARTS for w in load(extra_who.who_gold_for(part))]
    assert rows == ids


@pytest.mark.parametrize("part", sorted(ANNOTATORS))
def test_gold_rows_are_well_formed(part: str) -> None:
    who_gold = extra_who.who_gold_for(part)
    pages = load(extra_who.pages_gold_for(who_gold))
    who = load(who_gold)
    assert [r["page"] for r in pages] == [w["page"] for w in who]
    for r, w in zip(pages, who, strict=True):
        assert r["part"] == w["part"] == part and w["annotator"] == ANNOTATORS[part]
        assert all(1 <= a <= b for a, b in r["body"]) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["published"])
        names = {n for e in w["entities"] for n in [e["name"], *e["aliases"]]}
        assert {e["type"] for e in w["entities"]} <= {"PER", "ORG", "LOC"}
        for q in w["quotes"]:
            assert q["kind"] in ("direct", "indirect")
            assert q["speaker"] is None or q["speaker"] in names, (w["page"], q["speaker"])
        for q in w["quantities"]:
            assert q["start"][0] == q["end"][0] and isinstance(q["value"], (int, float))
        assert w["quotes"] or w.get("note"), w["page"]


def test_one_page_per_site_outside_the_corpus_and_the_extra_pages_read_for_rules() -> None:
    sites = [s["site"] for s in _sources()]
    assert len(sites) == len(set(sites))
    extra = ROOT / "tests" / "data" / "extra_pages"
    # The extra pages' heldout3 and heldout5 batches were annotated at the same time as a who batch,
    # for title/date/body only, and may share sites with it; the other parts were read for rules.
    gathered_alongside = {"heldout3", "heldout5"}
    with (extra / "gold.jsonl").open(encoding="utf-8") as fh:
        gold_rows = list(map(json.loads, fh))
    read_for_rules = {g["page"] for g in gold_rows if g["part"] not in gathered_alongside}
    with (extra / "sources.tsv").open(encoding="utf-8") as fh:
        earlier = {row["site"] for row in csv.DictReader(fh, delimiter="\t") if row["id"] in read_for_rules}
    assert not earlier & set(sites)
    # who heldout5 was gathered after extra pages heldout3 and avoids its sites too
    later = {w["page"] for w in load(extra_who.who_gold_for("heldout5"))}
    not_alongside = {g["page"] for g in gold_rows if g["part"] != "heldout5"}
    with (extra / "sources.tsv").open(encoding="utf-8") as fh:
        older_extra = {row["site"] for row in csv.DictReader(fh, delimiter="\t") if row["id"] in not_alongside}
    assert not older_extra & {s["site"] for s in _sources() if s["id"] in later}
    corpus_sources = PAGES.parent / "sources.tsv"
    if not corpus_sources.exists():
        pytest.skip("../shared is needed")
    with corpus_sources.open(encoding="utf-8") as fh:
        corpus = {row["site"].removeprefix("www.") for row in csv.DictReader(fh, delimiter="\t")}
    assert not corpus & set(sites)


def test_a_corpus_page_copied_elsewhere_gives_the_same_gold_and_inputs(tmp_path: Path) -> None:
    if not PAGES.is_dir():
        pytest.skip("../shared is needed")
    who = {e["page"]: e for e in load(GOLD_DIR / "who_dev.jsonl")}
    entry = next(e for e in load(GOLD_DIR / "gold_dev.jsonl") if e["page"] in who and e.get("article") is not False)
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    shutil.copy(page_path(entry["page"]), pages_dir)
    outside = extra_who.Pages(pages_dir)
    materialize([entry], tmp_path / "gold_corpus", who=who)
    materialize([entry], tmp_path / "gold_outside", who=who, lines_of=outside.lines)
    body_inputs([entry], tmp_path / "in_corpus")
    body_inputs([entry], tmp_path / "in_outside", lines_of=outside.lines)
    name = f"{entry['page']}.json"
    gold = json.loads((tmp_path / "gold_outside" / name).read_text(encoding="utf-8"))
    assert gold == json.loads((tmp_path / "gold_corpus" / name).read_text(encoding="utf-8"))
    assert gold["paragraphs"] and "quotes" in gold and "entities" in gold
    assert (tmp_path / "in_outside" / name).read_bytes() == (tmp_path / "in_corpus" / name).read_bytes()
    # the bench's own check reads the copied page as the corpus gold describes it
    pages_gold = tmp_path / "gold_dev1.jsonl"
    who_gold = tmp_path / "who_dev1.jsonl"
    pages_gold.write_text(json.dumps(entry, ensure_ascii=False) + "\n", encoding="utf-8")
    who_gold.write_text(json.dumps(who[entry["page"]], ensure_ascii=False) + "\n", encoding="utf-8")
    entries, by_page = extra_who.entries_with_who(pages_gold, who_gold)
    assert extra_who.check(entries, by_page, outside) == []
    assert extra_who.counts(entries, by_page)["pages"] == 1


def test_no_folder_no_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert extra_who.main(["--pages-dir", str(tmp_path / "absent")]) == 0
    assert "nothing scored" in capsys.readouterr().out
    assert extra_who.main(["--pages-dir", str(tmp_path / "absent"), "--part", "heldout5"]) == 0


@pytest.mark.parametrize("part", sorted(ANNOTATORS))
def test_gold_matches_the_held_out_pages(part: str) -> None:
    if not extra_who.DEFAULT_PAGES.is_dir():
        pytest.skip("the held-out pages stay outside the repository")
    who_gold = extra_who.who_gold_for(part)
    entries, who = extra_who.entries_with_who(extra_who.pages_gold_for(who_gold), who_gold)
    assert len(entries) == len(who)
    assert extra_who.check(entries, who, extra_who.Pages(extra_who.DEFAULT_PAGES)) == []
