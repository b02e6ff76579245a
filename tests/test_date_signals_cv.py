"""The date-signal table and its site-grouped choice (tools/real_pages/date_signals.py) on invented
rows: a site weighs as one in a signal's accuracy, the order is fitted without the held site, and
a signal overrules Veille only when it beat it on enough sites."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages import date_signals  # noqa: E402


def _row(site: str, gold: str | None, **signals: str | None) -> dict:
    return {"page": f"p{site}{gold}", "site": site, "kind": "dump", "gold": gold, "accept": [gold],
            "origin": "invented", "signals": signals}


def test_a_site_with_many_pages_weighs_as_one() -> None:
    rows = [_row("a", "2024-03-04", url="2024-03-04") for _ in range(4)] + [_row("b", "2024-03-05", url="2024-03-01")]
    name, pages, sites, by_page, by_site = date_signals.table(rows)[0]
    assert (name, pages, sites) == ("url", 5, 2)
    assert by_page == 0.8 and by_site == 0.5


def test_the_first_signal_that_fires_answers_and_a_weak_one_gives_none() -> None:
    rows = [_row(s, "2024-03-04", cued="2024-03-04", bare="2024-03-02") for s in "abc"] \
        + [_row("d", None, bare="2024-01-01"), _row("e", None, bare="2024-01-02")]
    order, floor = date_signals.fit_order(rows, ["bare", "cued"])
    assert order == ["cued"] and floor > 0.0  # (the bare dates were right nowhere: no answer beats them)
    assert date_signals.answer(_row("f", None, bare="2024-05-05"), order) is None


def test_a_signal_overrules_veille_only_on_enough_sites() -> None:
    rows = [_row(s, "2024-03-04", veille="2024-03-09", meta="2024-03-04") for s in "ab"]
    assert date_signals.fit_overrides(rows, ["meta", "veille"]) == []  # two sites are not enough
    rows.append(_row("c", "2024-03-04", veille="2024-03-09", meta="2024-03-04"))
    assert date_signals.fit_overrides(rows, ["meta", "veille"]) == ["meta"]
    result = date_signals.cv(rows + [_row("d", "2024-03-04", veille="2024-03-09", meta="2024-03-04")], ["meta", "veille"])
    assert result["veille"] == 0.0 and result["veille_overruled"] == 1.0
