"""Times: the day or nowadays of "aujourd'hui" judged from its clause and its page
(``veille.times.present_judge``, weights ``times/model/nowadays.json``; issue 12, helper nowlearn).
Every text is invented (people and places too)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from unittest import mock

from times_helpers import WEDNESDAY, found
from veille.times import present_judge

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from present_refs import occurrences, reading  # noqa: E402
from tools.times.nowadays_learn import fit, label  # noqa: E402

LOOKING_BACK = ("En 1962, le bourg de Sarnac comptait trois écoles. En 1975, la filature de Jules Pradel a fermé, "
                "puis la gare en 1981 et la poste en 1994. ")


def test_today_on_a_page_that_looks_back_is_nowadays(time_stage, nlp):
    got = found(time_stage, nlp, LOOKING_BACK + "On constate aujourd'hui que la moitié des maisons sont vides.")
    assert got["aujourd'hui"] == ("TIME", "PRESENT_REF")


def test_the_rules_alone_keep_the_day_there(time_stage, nlp):
    with mock.patch.object(present_judge, "load_weights", lambda *a: None):
        got = found(time_stage, nlp, LOOKING_BACK + "On constate aujourd'hui que la moitié des maisons sont vides.")
    assert got["aujourd'hui"] == ("DATE", WEDNESDAY)


def test_a_report_of_the_day_keeps_the_day(time_stage, nlp):
    # the same past, but the page tells its own days: "hier", "ce matin"
    text = LOOKING_BACK + ("Hier, la maire Odile Ferrand a réuni le conseil. Ce matin, elle a visité l'école. "
                           "On constate aujourd'hui que la moitié des maisons sont vides.")
    assert found(time_stage, nlp, text)["aujourd'hui"] == ("DATE", WEDNESDAY)


def test_an_event_of_the_day_without_a_past_keeps_the_day(time_stage, nlp):
    got = found(time_stage, nlp, "Le ministre Paul Verdier se rend aujourd'hui à Calais pour visiter le port.")
    assert got["aujourd'hui"] == ("DATE", WEDNESDAY)
    got = found(time_stage, nlp, "Le club de Gaston Ferry, fondé en 1923, fête aujourd'hui son centenaire.")
    assert got["aujourd'hui"] == ("DATE", WEDNESDAY)


def test_the_stored_model_names_every_feature():
    model = json.loads(present_judge.MODEL.read_text(encoding="utf-8"))
    assert set(model["weights"]) == set(present_judge.FEATURES)
    assert 0.0 < model["threshold"] < 1.0


def test_odds_follow_the_weights():
    model = {"weights": {"bias": 0.0, "page_days": -3.0}, "threshold": 0.5}
    feats = dict.fromkeys(present_judge.FEATURES, 0.0)
    assert present_judge.odds(feats, model) == 0.5
    assert present_judge.odds({**feats, "page_days": 1.0}, model) < 0.1


def test_the_census_reads_each_present_reference():
    text = "Aujourd'hui, la ferme de Jeanne Brot est un musée. Le maire signe désormais les permis."
    golds = [{"begin": 0, "finish": 11, "value": "PRESENT_REF"},
             {"begin": 66, "finish": 75, "value": "2025-06-18", "accept": ["PRESENT_REF"]}]
    preds = [{"begin": 0, "finish": 11, "value": "2025-06-18"}, {"begin": 66, "finish": 75, "value": "PRESENT_REF"}]
    rows = occurrences(text, golds, preds)
    assert [(r["form"], r["gold"], r["pred"], r["right"]) for r in rows] == [
        ("aujourd'hui", "ref", "day", False), ("désormais", "either", "ref", True)]
    assert reading(None) == "none" and reading({"optional": True, "value": "PRESENT_REF"}) == "opt"


def test_the_learner_fits_a_separable_fact():
    assert label({"PRESENT_REF"}) == "ref" and label({"2025-06-18", "PRESENT_REF"}) == "either"
    base = dict.fromkeys(present_judge.FEATURES, 0.0) | {"bias": 1.0}
    items = [{"label": "ref", "features": base | {"page_past_years": 1.0}} for _ in range(5)] + \
            [{"label": "day", "features": base | {"page_days": 1.0}} for _ in range(5)]
    w = fit(items, c=10.0)
    assert w["page_past_years"] > 0 > w["page_days"]
