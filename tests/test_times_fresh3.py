"""Times: the classes the third fresh times batch (``times_dev_fresh3.jsonl``, helper-timefresh3)
showed missing on several sites, one invented case each (people and places invented).

- "aujourd'hui" in a present clause negated by "ne … plus" is nowadays (PRESENT_REF);
- a clause-opening "aujourd'hui," after "Et" / "Mais" / "Or", set against a past, is nowadays too;
- "tout" / "toute" before a dated period is part of its extent ("toute la semaine dernière").
The stored batch itself is checked as the fresh2 one is (placed, well formed; skipped without ../shared).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from times_helpers import WEDNESDAY, found

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, gold_files  # noqa: E402
from tools.real_pages.times_check import file_problems  # noqa: E402
from tools.real_pages.view import PAGES  # noqa: E402

FRESH3 = GOLD_DIR / "times_dev_fresh3.jsonl"


def test_today_in_a_no_longer_clause_is_nowadays(time_stage, nlp):
    got = found(time_stage, nlp, "Aujourd'hui, la fromagerie de Lise Roy ne vend plus de lait cru.")
    assert got["Aujourd'hui"] == ("TIME", "PRESENT_REF")
    got = found(time_stage, nlp, "La chorale de Paul Brun ne compte plus que dix voix aujourd'hui.")
    assert got["aujourd'hui"] == ("TIME", "PRESENT_REF")
    got = found(time_stage, nlp, "Aujourd’hui, à Lure, les éleveurs n’espèrent plus rien de ce marché.")
    assert got["Aujourd’hui"] == ("TIME", "PRESENT_REF")


def test_today_keeps_its_day_without_a_no_longer_present(time_stage, nlp):
    # a compound past of one day, another negation, an event of the day
    assert found(time_stage, nlp, "Léa Roy n'est plus venue aujourd'hui à la mairie de Lure.")["aujourd'hui"] == \
        ("DATE", WEDNESDAY)
    assert found(time_stage, nlp, "Le maire de Lure ne parle pas plus aujourd'hui qu'hier.")["aujourd'hui"] == \
        ("DATE", WEDNESDAY)
    assert found(time_stage, nlp, "Aujourd'hui, le maire de Lure a signé le budget.")["Aujourd'hui"] == \
        ("DATE", WEDNESDAY)


def test_a_conjunction_before_a_contrasting_today(time_stage, nlp):
    got = found(time_stage, nlp, "En 1990, le village de Lure comptait dix fermes. Et aujourd'hui, les habitants "
                "sont plus nombreux à partir.")
    assert got["aujourd'hui"] == ("TIME", "PRESENT_REF")
    got = found(time_stage, nlp, "En 1990, Lure comptait dix fermes. Mais aujourd’hui, les habitants partent.")
    assert got["aujourd’hui"] == ("TIME", "PRESENT_REF")
    # no past named before: the day
    got = found(time_stage, nlp, "Le conseil de Lure a voté. Mais aujourd'hui, le maire a démissionné.")
    assert got["aujourd'hui"] == ("DATE", WEDNESDAY)


def test_whole_of_a_dated_period_is_in_its_extent(time_stage, nlp):
    got = found(time_stage, nlp, "Les agents de Lure ont manifesté toute la semaine dernière.")
    assert got["toute la semaine dernière"] == ("DATE", "2025-W24")
    got = found(time_stage, nlp, "Paul Brun a travaillé tout l'été et tout le mois de mai à la ferme.")
    assert got["tout l'été"] == ("DATE", "2025-SU")
    assert got["tout le mois de mai"] == ("DATE", "2025-05")
    # "du tout" is no quantifier of the period
    assert "le 3 mai" in found(time_stage, nlp, "Il n'a pas du tout le 3 mai en tête.")


def test_the_batch_is_wired_alone_and_inside_dev():
    assert gold_files("times", "fresh3") == [FRESH3]
    assert FRESH3 in gold_files("times", "dev")


@pytest.mark.skipif(not PAGES.is_dir() or not FRESH3.exists(), reason="../shared pages or the fresh3 gold are not there")
def test_the_stored_batch_is_placed_and_well_formed():
    assert file_problems(FRESH3) == []
