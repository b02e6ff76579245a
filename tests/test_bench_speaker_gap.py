"""bench/speaker_gap.py: the direct-speaker gap by rule, page and page shape, counts only (invented rows)."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.speaker_gap import _voice, family, inside_form, print_run, rule_table, shape  # noqa: E402
from tools.real_pages.materialize import SCORER, shared_scorer  # noqa: E402


def _row(rule: str, page: str, right: bool, named: bool = True, gold_named: bool = True,
         kind: str = "different") -> dict:
    return {"page": page, "site": page + ".fr", "rule": rule, "right": right, "named": named,
            "gold_named": gold_named, "kind": "right" if right else kind, "unlisted": False}


def test_rule_table_splits_wrong_names_gold_nobody_and_nulls():
    rows = [_row("person_in_subject", "p1", True), _row("person_in_subject", "p2", False),
            _row("person_in_subject", "p2", False, gold_named=False, kind="gold_null"),
            _row("person_in_subject", "p3", False, named=False, kind="null_predicted")]
    t = rule_table(rows)["person_in_subject"]
    assert (t["n"], t["ok"], t["wrong_name"], t["gold_null"], t["null"]) == (4, 1, 1, 1, 1)
    assert (t["pages"], t["sites"], t["bad_pages"]) == (3, 3, 2)


def test_family_names_overrules_pronouns_cues_and_cueless_quotes():
    assert family("model>recent_last_speaker") == "overrule"
    assert family("pronoun_antecedent") == "pronoun"
    assert family("person_in_subject") == "subject"
    assert family("last_speaker") == "governed"
    assert family("no_voice_near") == "cueless"
    assert family("a_rule_no_list_holds") == "other"


def test_shape_tells_one_voice_pages_from_several_and_few():
    assert shape({"matched": 3, "top": 1.0}) == "few"
    assert shape({"matched": 8, "top": 0.75}) == "one-voice"
    assert shape({"matched": 8, "top": 0.25}) == "several"


def test_voice_is_hashable_for_one_name_a_list_or_nobody():
    assert _voice({"speaker": "Claire Dubois"}) == ("Claire Dubois",)
    assert _voice({"speaker": ["Claire Dubois", "Dubois"]}) == ("Claire Dubois", "Dubois")
    assert _voice({"speaker": None}) == ()


def test_print_run_prints_counts_and_page_ids_only(capsys):
    rows = [_row("person_in_subject", "p1", True), _row("pronoun_antecedent", "p1", False)]
    pages = {"p1": {"page": "p1", "site": "p1.fr", "batch": "test", "gold": 2, "matched": 2, "wrong": 1,
                    "voices": 2, "named_voices": 2, "top": 0.5, "unlisted": 0, "wrong_unlisted": 0,
                    "kinds": Counter({"different": 1})}}
    print_run(rows, pages, top=5)
    out = capsys.readouterr().out
    assert "speaker right 1 (0.500)" in out
    assert "by rule family: pronoun 1 quotes, wrong 1 (1.000); subject 1 quotes, wrong 0 (0.000)" in out
    assert "worst 3 pages hold 1.00" in out


def test_inside_form_tells_a_cut_name_from_a_longer_one_and_a_kinsman():
    if not SCORER.exists():
        pytest.skip("../shared/eval/score.py is needed")
    scorer = shared_scorer()
    assert inside_form(scorer, "Hélène Montval", ["Hélène de Montval"]) == "inside:shorter"
    assert inside_form(scorer, "Hélène de Montval", ["Hélène Montval"]) == "inside:longer"
    assert inside_form(scorer, "Paul Montval", ["Hélène Montval"]) == "inside:surname"
