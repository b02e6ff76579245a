"""Times: families found by the wide audit of issue 12 (times9), read on pages of many sites outside the
gold (``tools/times/rule_reach.py``), one invented sentence per phenomenon; the people are invented."""

from __future__ import annotations

import pytest

from conftest import time_values
from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


@pytest.mark.parametrize("text", [
    "Odile Marty déteste le lendemain d'un mariage.",  # an event's next day, not a time
    "Odile Marty déteste le lendemain d’une fête.",
    "La veille d'une élection, Basile Roux reste discret.",
    "Au lendemain d'une fête, Basile Roux a dormi.",
])
def test_a_relative_day_anchored_on_an_event_after_d_is_not_marked(time_stage, nlp, text):
    assert found(time_stage, nlp, text) == {}


def test_a_relative_day_followed_by_an_adverb_in_d_stays(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy est arrivée; le lendemain d'ailleurs, elle repartait.")
    assert got["le lendemain"] == ("DATE", "2025-05-04")
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy est arrivée; la veille, il pleuvait.")
    assert got["la veille"] == ("DATE", "2025-05-02")


def test_a_two_digit_year_after_the_edge_of_a_year_or_a_season(nlp, time_stage):
    got = time_values(nlp, time_stage, "Le club de Lure est monté fin 98, a changé de président mi-97 "
                      "et descendra début 99.", "1999-06-15", article_id="r")
    assert got["fin 98"] == ("DATE", "1998")
    assert got["mi-97"] == ("DATE", "1997")
    assert got["début 99"] == ("DATE", "1999")
    got = time_values(nlp, time_stage, "L'été 98 a été sec; au printemps 99, la source de Lure a tari.",
                      "1999-06-15", article_id="r")
    assert got["L'été 98"] == ("DATE", "1998-SU")
    assert got["printemps 99"] == ("DATE", "1999-SP")


def test_a_two_digit_year_opening_a_sentence_after_en(nlp, time_stage):
    got = time_values(nlp, time_stage, "En 98, Paul Brun a quitté Lure.", "1999-06-15", article_id="r")
    assert got["98"] == ("DATE", "1998")


@pytest.mark.parametrize("text", [
    "Le mercure a atteint l'été 40 degrés à Lure.",
    "En 48 heures, Paul Brun a quitté Lure.",
    "En 16 matches, le club de Lure a perdu deux fois.",
    "Le marché de Lure a fini début 12 mai.",
])
def test_two_digit_numbers_that_are_no_year_stay_out(nlp, time_stage, text):
    got = time_values(nlp, time_stage, text, "1999-06-15", article_id="r")
    assert not any(v[1] in ("1940", "1948", "1916", "2012") for v in got.values()), got


def test_rule_reach_never_reads_a_test_or_held_out_page(tmp_path):
    import json
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tools.times.rule_reach import load_records

    recs = [{"id": p, "source": {"path": f"/x/{p}.txt", "site": "s"}, "paragraphs": ["En 98."], "published": None}
            for p in ("w0001", "w0002", "x0401", "x0522", "y0203", "z0106", "x0001")]  # w0001: a test page of split.tsv
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    assert [rid for rid, _, _ in load_records(path)] == ["w0002", "x0001"]
