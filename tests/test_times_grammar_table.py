"""Times: the issue 12 grammar table of French time-expression forms (helper times19).

The grammar rows (ids ``g*``) of ``tests/data/times/forms.jsonl`` (merged there by times20, one
table run by ``test_times_forms.py`` with its known misses) hold one invented sentence per form
class: clock notations ("14:30", "6 h 05", "20h00", hours in words, "du soir", "moins dix", zones, "il
était environ 3 heures"), parts of days and nights ("la nuit du samedi au dimanche", "en début
d'après-midi", "dimanche minuit"), durations (ranges, compounds, quarters and halves, vague and
fuzzy amounts, "sept jours sur sept"), sets ("tous les 1er mai", "trois jours par semaine",
periodic adverbs and adjectives), references and news dates ("la semaine du 23 juin", "l'an
prochain", "mi-2026"). The classes were listed from public descriptions of French time
expressions (the rule families of HeidelTime's French resources used as a checklist of forms,
no pattern, rule or list copied; the TimeML and French TimeBank guidelines); every sentence is
invented, article date 2025-06-18 (a Wednesday). The gold follows the team's conventions (README
of ``tests/data/times``; where the real-page gold and the TimeBank differ, the one Veille keeps:
a weekday or date and its clock time apart, the first number of a range of lengths alone).

Below: the cases of the forms this table added, one invented sentence each.
"""

from __future__ import annotations

import pytest

from conftest import time_values
from times_helpers import WEDNESDAY


@pytest.mark.parametrize(("text", "extent", "value"), [
    ("Il était environ 3 heures quand Paul Roy a entendu l'alarme.", "environ 3 heures", "2025-06-18T03:00"),
    ("Il était un peu plus de 22 heures quand le car de Lise Brun est arrivé.", "un peu plus de 22 heures",
     "2025-06-18T22:00"),
    ("Le vote de Lise Brun s'achèvera à 20 heures, heure de Paris.", "20 heures, heure de Paris",
     "2025-06-18T20:00+2"),
    ("Le couvre-feu de Gray a été levé dimanche minuit.", "dimanche minuit", "2025-06-15T24:00"),
])
def test_clock_forms_of_the_table(time_stage, nlp, text, extent, value):
    assert time_values(nlp, time_stage, text, WEDNESDAY)[extent] == ("TIME", value)


def test_a_length_is_still_a_length_after_il_est(time_stage, nlp):
    got = time_values(nlp, time_stage, "Il est environ trois heures de route jusqu'à Gray.", WEDNESDAY)
    assert got == {"environ trois heures": ("DURATION", "PT3H")}


def test_the_week_of_a_day(time_stage, nlp):
    got = time_values(nlp, time_stage, "Le procès de Paul Roy s'ouvrira la semaine du lundi 23 juin.", WEDNESDAY)
    assert got == {"la semaine du lundi 23 juin": ("DATE", "2025-W26")}
    # A span of days keeps its two days.
    got = time_values(nlp, time_stage, "La foire de Lise Brun a eu lieu du 3 au 9 mars.", WEDNESDAY)
    assert "la semaine" not in " ".join(got)


@pytest.mark.parametrize(("text", "extent", "value"), [
    ("Tous les 1er mai, les cheminots de Gray défilent.", "Tous les 1er mai", "XXXX-05-01"),
    ("Tous les 14 juillet, Lise Brun tire un feu d'artifice.", "Tous les 14 juillet", "XXXX-07-14"),
])
def test_every_year_on_a_day(time_stage, nlp, text, extent, value):
    assert time_values(nlp, time_stage, text, WEDNESDAY)[extent] == ("SET", value)


@pytest.mark.parametrize("text", [
    "Les faits remontent à la nuit du samedi au dimanche, selon Paul Roy.",
    "La grange de Lise Brun a brûlé dans la nuit du samedi au dimanche.",
])
def test_the_night_of_two_days_is_one_time(time_stage, nlp, text):
    # One TIME named by the night's first day; the second day is no date of its own (issue 12 conventions).
    got = time_values(nlp, time_stage, text, WEDNESDAY)
    assert got["la nuit du samedi au dimanche"] == ("TIME", "2025-06-14TNI")
    assert "dimanche" not in got
