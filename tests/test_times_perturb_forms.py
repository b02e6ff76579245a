"""Times: the forms issue 12 round 28 found missing by rewriting the dev gold (``bench/times_perturb.py``).

One invented sentence per case:

- a day in digits or with an abbreviated month keeps its "le" / "ce", as "le 3 mars" does
  (``veille.times.determiner``);
- "N heures MM" without "à" before it, after a coordination, a comma, a bracket or at a line's
  start, and "A 20 heures" (the unaccented capital): clock times (rules ``clock_heures_listed``,
  ``clock_heures_capital_a``), while a length stays a length;
- "la veille en soirée", "la veille dans la matinée", "la veille soir": the eve with its part
  of the day (rule ``eve_part``).

The rewrites themselves (``bench/time_forms.py``) are checked at the end: each keeps the value and
moves the gold with the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from times_helpers import found

# The invented articles are published on Wednesday 2025-06-18 (times_helpers.WEDNESDAY).


@pytest.mark.parametrize("text, expression, value", [
    ("Le bail de Lise Roy a été signé le 03/03/2024 à Dole.", "le 03/03/2024", "2024-03-03"),
    ("Ce 12.05.2025, Paul Brun a rouvert la forge de Lure.", "Ce 12.05.2025", "2025-05-12"),
    ("Le marché de Gray ouvrira ce 20 sept. sur la place.", "ce 20 sept.", "2025-09-20"),
    ("Le bal de Lure a eu lieu le 3 févr. dans la salle des fêtes.", "le 3 févr.", "2025-02-03"),
])
def test_a_day_in_digits_or_abbreviated_keeps_its_determiner(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("DATE", value)


def test_a_day_after_a_preposition_keeps_it_out(time_stage, nlp):
    got = found(time_stage, nlp, "La foire de Lure dure du 03/03/2024 au 05/03/2024.")
    assert "le 03/03/2024" not in got and "05/03/2024" in got


@pytest.mark.parametrize("text, expression, value", [
    ("Le bal de Lise Roy aura lieu le 4 juillet, à 14 heures 30 et 20 heures 30.", "20 heures 30", "2025-07-04T20:30"),
    ("Paul Brun est arrivé vers 12 h locales (20 heures 30 en France) à Québec.", "20 heures 30", "2025-06-18T20:30"),
    ("Dimanche, à 9 heures 15, messe à Lure, 10 heures 30, messe à Gray.", "10 heures 30", "2025-06-15T10:30"),
    ("A 20 heures, le car de Paul Brun est parti de Lure.", "20 heures", "2025-06-18T20:00"),
])
def test_an_hour_with_its_minutes_is_a_clock_time_without_its_preposition(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("TIME", value)


@pytest.mark.parametrize("text, expression, value", [
    ("Le film de Lise Roy dure 2 heures 30 minutes.", "2 heures 30 minutes", "PT2H30M"),
    ("Paul Brun a une garde à vue de 24 heures, à Lure.", "24 heures", "PT24H"),
])
def test_a_length_stays_a_length(time_stage, nlp, text, expression, value):
    got = found(time_stage, nlp, text)
    assert got.get(expression, ("DURATION", None))[0] == "DURATION"


@pytest.mark.parametrize("text, expression, value", [
    ("Le 3 mai, Paul Brun a été arrêté; la veille en soirée, il avait dîné à Gray.", "la veille en soirée",
     "2025-05-02TEV"),
    ("Le 3 mai, Lise Roy a signé; la veille dans la matinée, elle était à Dole.", "la veille dans la matinée",
     "2025-05-02TMO"),
    ("Le 3 mai, Paul Brun est parti; la veille soir, il avait fermé la forge.", "la veille soir", "2025-05-02TEV"),
])
def test_the_eve_with_its_part_of_the_day(time_stage, nlp, text, expression, value):
    assert found(time_stage, nlp, text)[expression] == ("TIME", value)


def test_the_rewrites_keep_the_value_and_move_the_gold():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from time_forms import rewrite_doc

    text = "Paul Brun est arrivé à Lure le 3 mars 2024 à 14h, après trois jours de route."
    golds = [{"begin": text.index("le 3"), "finish": text.index(" à 14h"), "type": "DATE", "value": "2024-03-03",
              "text": "le 3 mars 2024"},
             {"begin": text.index("14h"), "finish": text.index("14h") + 3, "type": "TIME", "value": "2024-03-03T14:00",
              "text": "14h"},
             {"begin": text.index("trois"), "finish": text.index(" de route"), "type": "DURATION", "value": "P3D",
              "text": "trois jours"}]
    doc = {"id": "x", "title": "", "text": text, "date": "2024-03-05", "golds": golds}
    expected = {"date-slash": "le 03/03/2024", "date-weekday": "le dimanche 3 mars", "clock-words":
                "2 heures de l'après-midi", "clock-colon": "14:00", "count-digits": "3 jours"}
    for variant, written in expected.items():
        new = rewrite_doc(doc, variant)
        moved = [g for g in new["golds"] if g["rewritten"]]
        assert [g["text"] for g in moved] == [written]
        assert all(new["text"][g["begin"]:g["finish"]] == g["text"] for g in new["golds"])
        assert moved[0]["value"] == golds[moved[0]["index"]]["value"]
    shifted = rewrite_doc({**doc, "text": "Paul Brun est arrivé hier à Lure.", "golds": [
        {"begin": 21, "finish": 25, "type": "DATE", "value": "2024-03-04", "text": "hier"}]}, "shift+3")
    assert shifted["date"] == "2024-03-08" and shifted["golds"][0]["value"] == "2024-03-07"
