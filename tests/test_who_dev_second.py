"""The second, blind who annotation of 20 dev pages (``who_dev_second.jsonl``, helper-whoiaa, issue 16): not
gold for the benches (no ``BATCH_FILES`` part reads it), only the B side of ``tools/real_pages/who_iaa.py
compare``. Its rows are dev rows of one annotator, one page a site, every page one of the seeded sample and
marked in the dev who gold too, and every position sits on the gold title or a body line of the page view
(``tools/real_pages/who_check.py``, checked for every who file by ``test_real_who_gold.py``) when ``../shared`` is there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import BATCH_FILES, GOLD_DIR, annotated_twice, load, split  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402
from tools.real_pages.who_iaa import SOURCES, site_table  # noqa: E402

from who_gold_support import assert_rows_well_formed  # noqa: E402

SECOND = GOLD_DIR / "who_dev_second.jsonl"


def test_rows_are_dev_pages_of_one_annotator_one_a_site() -> None:
    rows = load(SECOND)
    assert len(rows) == 20 and {r["annotator"] for r in rows} == {"helper-whoiaa"}
    parts, sites = split(), site_table()
    assert {parts[r["page"]] for r in rows} == {"dev"} and {r["part"] for r in rows} == {"dev"}
    assert len({sites[r["page"]][0] for r in rows}) == 20
    assert annotated_twice(rows) == []
    assert_rows_well_formed(rows)


def test_pages_are_in_the_dev_gold_and_the_file_in_no_bench_part() -> None:
    gold_pages = {r["page"] for name in SOURCES for r in load(GOLD_DIR / name)}
    assert {r["page"] for r in load(SECOND)} <= gold_pages
    assert all(SECOND.name not in names for kind in BATCH_FILES.values() for names in kind.values())



def test_the_sample_is_the_annotated_pages() -> None:
    if not PAGES.is_dir():
        pytest.skip("../shared/corpus/web/pages is not there")
    from tools.real_pages.who_iaa import sample

    assert [c["page"] for c in sample(20, 16)] == sorted(r["page"] for r in load(SECOND))
