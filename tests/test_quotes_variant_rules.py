"""tools/quotes/variant_rules.py: each speaker rule by site as given and in the perturbation variants."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.quotes.variant_rules import shifts, table  # noqa: E402


def _row(variant: str, rule: str, site: str, said: str | None, gold: str | None, text: str = "t") -> dict:
    return {"variant": variant, "page": site, "site": site, "kind": "direct", "rule": rule, "said": said,
            "gold": gold, "right": said == gold, "text": text}


def test_shifts_count_only_what_the_variant_turned():
    rows = [_row("given", "subject", "a.fr", "Paul Arnaud", "Paul Arnaud"),
            _row("caps", "guess", "a.fr", "Claire Dubois", "Paul Arnaud"),  # right as given, broken by the variant
            _row("given", "guess", "b.fr", None, "Paul Arnaud"),
            _row("caps", "guess", "b.fr", None, "Paul Arnaud")]  # wrong both ways: not counted again
    got = shifts(rows)
    assert len(got["guess"]["broke"]) == 1 and got["guess"]["broke_sites"] == {"a.fr"}
    assert len(got["guess"]["took"]) == 1  # "subject" decided it as given
    assert not got["guess"]["fixed"]


def test_a_rule_right_on_one_site_and_broken_on_two_is_flagged_narrow():
    rows = [_row("given", "guess", "a.fr", "Paul Arnaud", "Paul Arnaud", "x")]
    for site in ("b.fr", "c.fr"):
        rows += [_row("given", "subject", site, "Claire Dubois", "Claire Dubois", "y"),
                 _row("merged", "guess", site, "Paul Arnaud", "Claire Dubois", "y")]
    got = {t[0]: t for t in table(rows)}
    assert got["guess"][1:5] == (1, 1, 0, 0)  # as given: right once, on one site
    assert got["guess"][9:13] == (2, 2, 0, 0)  # broken twice, on two sites
    assert "NARROW" in got["guess"][-1]
    assert "NARROW" not in got["subject"][-1]


def test_a_text_the_gold_holds_twice_is_paired_by_its_order():
    rows = [_row("given", "r", "a.fr", "Paul Arnaud", "Paul Arnaud", "oui"),
            _row("given", "r", "a.fr", None, "Claire Dubois", "oui"),
            _row("caps", "r", "a.fr", "Paul Arnaud", "Paul Arnaud", "oui"),
            _row("caps", "r", "a.fr", None, "Claire Dubois", "oui")]
    got = shifts(rows)
    assert not got["r"]["broke"] and not got["r"]["fixed"]  # the same answers, quote for quote
