"""The extra held-out pages' gold (tests/data/extra_pages): well formed, one page per site, no site
of the corpus; digests checked against the pages when their folder is present."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import body_text, load, title_text  # noqa: E402
from tools.real_pages.view import _html_lines, checksum  # noqa: E402

EXTRA = ROOT / "tests" / "data" / "extra_pages"
PAGES = Path("/work/extra/pages")
CORPUS_SOURCES = ROOT.parent / "shared" / "corpus" / "web" / "sources.tsv"


def _sources() -> list[dict]:
    with (EXTRA / "sources.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_gold_rows_are_well_formed() -> None:
    rows = load(EXTRA / "gold.jsonl")
    ids = {s["id"] for s in _sources()}
    assert len(rows) == len({r["page"] for r in rows}) == len(ids)
    for r in rows:
        assert r["page"] in ids and r["part"] in ("heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "dev")
        assert all(1 <= a <= b for a, b in r["body"]) and r["title"]["line"] >= 1
        assert r["published"] is None or len(r["published"]) in (4, 7, 10)
    assert sum(r["part"] == "heldout" for r in rows) == 25


def test_one_page_per_site_and_none_from_the_corpus() -> None:
    sites = [s["site"] for s in _sources()]
    assert len(sites) == len(set(sites))
    if not CORPUS_SOURCES.exists():
        pytest.skip("../shared is needed")
    with CORPUS_SOURCES.open(encoding="utf-8") as fh:
        corpus = {row["site"] for row in csv.DictReader(fh, delimiter="\t")}
    assert not corpus & set(sites)


def test_digests_match_the_pages() -> None:
    if not PAGES.is_dir():
        pytest.skip("the extra pages stay outside the repository")
    for r in load(EXTRA / "gold.jsonl"):
        html = PAGES / f"{r['page']}.html"
        # HTML pages are numbered in the corpus view (tools/real_pages/view.py), dumps by their own lines
        lines = (_html_lines(html.read_bytes().decode("utf-8", errors="replace")) if html.exists()
                 else (PAGES / f"{r['page']}.txt").read_text(encoding="utf-8").splitlines())
        assert r["check"] == {"title": checksum(title_text(r, lines) or ""), "body": checksum(body_text(r, lines))}
