"""tools/quotes/rule_suspects.py: a speaker rule flagged when its right quotes sit on few sites, when the
scorer out of site decides it otherwise, or when test counts show it wrong far more often than dev."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "quotes"))

import rule_suspects  # noqa: E402


def _row(rule: str, site: str, right: bool) -> dict:
    return {"rule": rule, "site": site, "right": right}


def test_an_overrule_counts_under_its_rule_and_the_top_sites_share_is_of_right_quotes():
    rows = ([_row("chain_rule", "a.fr", True)] * 6 + [_row("model>chain_rule", "b.fr", True)]
            + [_row("chain_rule", s, True) for s in ("c.fr", "d.fr", "e.fr")] + [_row("chain_rule", "f.fr", False)])
    got = rule_suspects.by_rule(rows)["chain_rule"]
    assert (got["n"], got["right"], got["right_sites"], got["wrong_sites"]) == (11, 10, 5, 1)
    assert round(got["top3"], 2) == 0.8


def test_suspect_reasons():
    few = {"n": 10, "right": 9, "top3": 0.7}
    spread = {"n": 10, "right": 9, "top3": 0.3}
    assert rule_suspects.suspect(few, None, None) == ["few-sites"]
    assert rule_suspects.suspect(spread, {"in": 9, "oos": 7}, None) == ["overruled-out-of-site"]
    assert rule_suspects.suspect(spread, {"in": 9, "oos": 8}, {"n": 10, "right": 6}) == ["test"]
    assert rule_suspects.suspect(spread, {"in": 9, "oos": 9}, {"n": 10, "right": 8}) == []
