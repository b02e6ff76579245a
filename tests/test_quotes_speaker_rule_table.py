"""tools/quotes/speaker_rule_table.py: each speaker rule's shipped decisions counted by quote and by site."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.quotes.speaker_rule_table import changes, rule_label, table  # noqa: E402


def _row(rule: str, site: str, said: str | None, gold: str | None, text: str = "t") -> dict:
    return {"page": site, "site": site, "kind": "direct", "rule": rule, "said": said, "gold": gold,
            "right": said == gold, "text": text}


def test_rule_label_keeps_the_overruled_rule_and_drops_notes_unless_asked():
    assert rule_label("model:recency 0.78 (over recent_last_speaker)") == "model>recent_last_speaker"
    assert rule_label("governing_cue+via:descriptor") == "governing_cue"
    assert rule_label("governing_cue+via:descriptor", detail=True) == "governing_cue+via:descriptor"
    assert rule_label("person_in_subject +speaker_not_entity:D") == "person_in_subject"
    assert rule_label("pronoun_antecedent || nobody=None") == "pronoun_antecedent"
    assert rule_label(None) == "?"


def test_table_counts_named_and_null_decisions_and_their_sites():
    rows = [_row("guess", "a.fr", "Paul Arnaud", "Paul Arnaud"), _row("guess", "b.fr", "Paul Arnaud", "Claire Dubois"),
            _row("guess", "c.fr", "Paul Arnaud", None), _row("guess", "d.fr", None, "Claire Dubois"),
            _row("subject", "a.fr", "Claire Dubois", "Claire Dubois"), _row("subject", "b.fr", None, None)]
    got = {t[0]: t for t in table(rows)}
    assert got["guess"] == ("guess", 4, 1, 1, 1, 0, 1, 1, 3, True)  # right on one site, wrong on three
    assert got["subject"] == ("subject", 2, 1, 0, 0, 1, 0, 2, 0, False)


def test_changes_pair_a_text_the_gold_holds_twice_by_its_order(capsys):
    old = [_row("r", "a.fr", "Paul Arnaud", "Paul Arnaud", "oui"), _row("r", "a.fr", "Claire Dubois", "Claire Dubois", "oui")]
    new = [_row("r", "a.fr", "Paul Arnaud", "Paul Arnaud", "oui"), _row("r", "a.fr", None, "Claire Dubois", "oui")]
    changes(new, old)
    out = capsys.readouterr().out
    assert out.count("right->wrong") == 2  # the one change, and the summary line
    assert "wrong->right 0 on 0 sites; right->wrong 1 on 1 sites" in out


def test_census_counts_a_later_rule_right_where_the_first_is_wrong(capsys):
    from tools.quotes.rule_census import census

    def same(a, b):
        return a == b

    rows = [{**_row("first", site, "Paul Arnaud", "Claire Dubois"), "raw_rule": "first || later=Claire Dubois; last=None",
             "same": same} for site in ("a.fr", "b.fr", "c.fr")]
    census(rows)
    out = capsys.readouterr().out.splitlines()
    later = next(line for line in out if line.split()[1] == "later")
    assert later.split()[2:7] == ["3", "0", "3", "0", "3"] and later.endswith("TRY-LATER-FIRST")
    last = next(line for line in out if line.split()[1] == "last")
    assert last.split()[2:7] == ["3", "0", "0", "0", "0"]
