"""tools/quotes/rule_sites.py: each speaker rule's right and wrong quotes counted by distinct site."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "quotes"))

import rule_sites  # noqa: E402


def _row(rule: str, site: str, right: bool) -> dict:
    return {"rule": rule, "site": site, "rule_right": right}


def test_a_rule_right_on_one_site_and_wrong_on_three_fits_the_dev_sites():
    rows = [_row("chain_rule", "a.fr", True), _row("chain_rule", "a.fr", True),
            _row("chain_rule", "b.fr", False), _row("chain_rule", "c.fr", False), _row("chain_rule", "d.fr", False),
            _row("subject_rule+full_name", "a.fr", True), _row("subject_rule", "b.fr", True),
            _row("subject_rule", "c.fr", True), _row("subject_rule", "c.fr", False)]
    shipped = [r["rule_right"] for r in rows]
    free = [False, True, True, False, False, True, True, True, True]
    table = {t[0]: t for t in rule_sites.table(rows, shipped, free)}
    name, n, rr, rs, rw, ws, sok, sws, fok, rule_better, free_better = table["chain_rule"]
    assert (n, rr, rs, rw, ws) == (5, 2, 1, 3, 3)
    assert (fok, rule_better, free_better) == (2, 1, 1)
    assert rule_sites.fits_dev(rs, ws)
    name, n, rr, rs, rw, ws, *_ = table["subject_rule"]  # "+full_name" is the same rule
    assert (n, rr, rs, rw, ws) == (4, 3, 3, 1, 1)
    assert not rule_sites.fits_dev(rs, ws)
