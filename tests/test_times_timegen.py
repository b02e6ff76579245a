"""Times: the classes the fresh times batches (``times_dev_fresh*.jsonl``, marked after the rules) miss or
add on three dev sites or more, one invented case each (people and places invented; issue 12, helper timegen).

- "à ce jour", "jusqu'à ce jour": "ce jour" alone, the preposition left out (PRESENT_REF);
- "au lendemain de <event>": "lendemain", the day after the last day named, not past the article's day
  for a report;
- the first of two amounts sharing one unit with "dernières" / "prochaines" between: a DURATION;
- a term of office ("quinquennat", "septennat") is a length only when counted;
- the scorer places a predicted wording over a no-break or doubled space of the page.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from times_helpers import WEDNESDAY, found

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.times import locate  # noqa: E402


@pytest.mark.parametrize("text", [
    "À ce jour, Lise Perrin n'a reçu aucune réponse de la mairie de Gray.",
    "A ce jour, le club de Lure n'a pas trouvé d'entraîneur.",
    "La ferme de Paul Brun est restée dans la famille jusqu'à ce jour.",
])
def test_to_this_day_marks_this_day_alone(time_stage, nlp, text):
    assert found(time_stage, nlp, text)["ce jour"] == ("TIME", "PRESENT_REF")


def test_that_day_and_this_day_keep_their_readings(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, Léa Roy est partie de Dole. Ce jour-là, il neigeait.")
    assert got["Ce jour-là"] == ("DATE", "2025-05-03")
    assert found(time_stage, nlp, "Le maire de Lure a signé ce jour la convention.")["ce jour"] == ("DATE", WEDNESDAY)


def test_the_day_after_an_event_counts_from_the_last_day_named(time_stage, nlp):
    got = found(time_stage, nlp, "Le 3 mai, le club de Lure a perdu la finale; au lendemain de la défaite, "
                                 "Léa Roy a démissionné.")
    assert got["lendemain"] == ("DATE", "2025-05-04")
    got = found(time_stage, nlp, "Le vote aura lieu le 22 juin. Au lendemain du scrutin, le maire de Gray partira.")
    assert got["lendemain"] == ("DATE", "2025-06-23")


def test_the_day_after_an_event_stays_on_the_reported_day(time_stage, nlp):
    # the last day named is the article's own: the event was its eve, a report does not run past it
    got = found(time_stage, nlp, "Des centaines de gens se sont rassemblés ce mercredi à Lure. Au lendemain de "
                                 "la chute du maire, les habitants respirent.")
    assert got["lendemain"] == ("DATE", WEDNESDAY)


def test_the_day_after_a_named_date_is_left_to_the_date(time_stage, nlp):
    got = found(time_stage, nlp, "Au lendemain du 3 mai, rien n'avait changé à Gray.")
    assert "lendemain" not in got


def test_the_first_of_two_amounts_sharing_a_unit_after_an_adjective(time_stage, nlp):
    got = found(time_stage, nlp, "La ferme de Léa Roy a perdu trois vaches sur les 8 ou 12 dernières années.")
    assert got["8"] == ("DURATION", "P8Y")
    assert got["12 dernières années"] == ("DURATION", "P12Y")
    got = found(time_stage, nlp, "Le réseau de Lise Roy sera rénové dans les cinq ou les six prochaines années.")
    assert got["cinq"] == ("DURATION", "P5Y")


@pytest.mark.parametrize(("text", "expected"), [
    ("Le maire de Gray plaide pour un septennat unique.", {"septennat": ("DURATION", "P7Y")}),
    ("Léa Roy défend un « quinquennat de cohérence ».", {"quinquennat": ("DURATION", "P5Y")}),
    ("Le quinquennat de Paul Brun à la tête de la région a été terne.", {}),
    ("La santé sera la grande cause du quinquennat, selon Léa Roy.", {}),
])
def test_a_term_of_office_is_a_length_only_when_counted(time_stage, nlp, text, expected):
    assert found(time_stage, nlp, text) == expected


def test_the_scorer_places_a_wording_over_a_no_break_space():
    text = "Titre\n\nLe bal aura lieu ce mardi 2\u00a0décembre à  Gray, le  jeudi 4 mars aussi."
    placed = locate(text, [{"text": "ce mardi 2 décembre"}, {"text": "le jeudi 4 mars"}])
    assert [text[a:b] for a, b, _ in placed] == ["ce mardi 2\u00a0décembre", "le  jeudi 4 mars"]
