"""bench/times_recall.py: the time-word finder and the census of what the times stage leaves out
(issue 12, helper timesrecall). Invented sentences and invented stage outputs only; nothing here
reads ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import times_recall  # noqa: E402


@pytest.fixture(scope="module")
def rows() -> list:
    return times_recall.finder()


def _classes(text: str, rows: list) -> dict[str, str]:
    return {text[a:b]: cls for a, b, cls in times_recall.candidates(text, rows)}


@pytest.mark.parametrize("text, word, cls", [
    ("Lise Roy est arrivée à Lure en mars.", "mars", "month"),
    ("Paul Brun reviendra mardi.", "mardi", "weekday"),
    ("La mairie de Lure rouvrira l'été prochain.", "l'été", "season"),
    ("Le marché de Brume ferme à minuit.", "minuit", "day_part"),
    ("Trois semaines plus tard, le pont de Lure a cédé.", "semaines", "unit"),
    ("Le club de Brume joue à Lure depuis 1998.", "depuis", "signal_depuis"),
    ("Le bus passe à 14h30 devant la mairie.", "14h30", "clock"),
    ("Le moulin de Lure date du XVIIe siècle.", "XVIIe", "century"),
    ("Paul Brun est désormais maire de Lure.", "désormais", "deictic"),
    ("Le festival de Brume aura lieu du 3 au 5 mai.", "du 3", "day_number"),
    ("Lise Roy a parlé l'après-midi, à Lure.", "après-midi", "day_part"),
])
def test_finder_marks_each_class(rows: list, text: str, word: str, cls: str) -> None:
    assert _classes(text, rows).get(word) == cls


def test_finder_keeps_word_edges(rows: list) -> None:
    # "mai" inside "maire", "an" inside "Roland", "Le" read as a Roman numeral: no candidate
    found = _classes("Le maire Roland Brun a signé.", rows)
    assert found == {}


def test_census_leaves_out_what_a_time_covers_and_signals_before_one(rows: list) -> None:
    text = "Paul Brun vit à Lure depuis trois ans. Il partira en juin, dit-il depuis Lure."
    times = [{"start": text.index("trois ans"), "end": text.index("trois ans") + len("trois ans")}]
    where = {10: (0, 0), 11: (text.index("Il partira"), 0)}
    missed = times_recall.census({"w9999": (text, where, times)}, rows)
    words = [(m["word"], m["line"]) for m in missed]
    # "depuis" opening the stage's "trois ans" is a signal outside it, not a miss; "juin" is a miss
    # on the second line; the second "depuis" opens no time
    assert ("juin", 11) in words
    assert [w for w, _ in words].count("depuis") == 1
    assert all(w != "ans" for w, _ in words)


def test_verdicts_are_miss_or_optional() -> None:
    judged = times_recall.verdicts()
    assert judged and set(judged.values()) <= {"miss", "optional"}
    assert all(page.startswith("w") and line > 0 for page, line, _ in judged)
