"""Times: two extents that left a preposition in where the real-page dev gold, the check set and the
French TimeBank leave it out (issue 12, helper timeext). "jusqu'à présent" marks "présent" alone (rule
``until_present`` of ``lexicons/times/rules/reference.tsv``; the word list's "à présent" is not read
right after "jusqu'"), as "jusqu'à ce jour" marks "ce jour"; a weekday after "du" hung on a noun, a SET,
marks the weekday without "du" (rules ``noun_of_weekday``, ``noun_of_weekday_part`` of
``rules/set.tsv``). Invented sentences."""

from __future__ import annotations

import pytest

from times_helpers import found


@pytest.mark.parametrize("text", [
    "Jusqu'à présent, la mairie de Vauclair n'a rien répondu à Léa Roy.",
    "Le club de Brévans n'a jusqu’à présent perdu aucun match.",
    "Paul Brun a tenu jusqu'à présent toutes ses promesses.",
])
def test_until_present_marks_present_alone(time_stage, nlp, text):
    got = found(time_stage, nlp, text)
    assert got.get("présent") == ("TIME", "PRESENT_REF"), got
    assert "à présent" not in got


@pytest.mark.parametrize(("text", "extent"), [
    ("À présent, le club de Vauclair joue en national.", "À présent"),
    ("Léa Roy vit à présent à Brévans.", "à présent"),
    ("Dès à présent, la forge de Paul Brun recrute.", "à présent"),
    ("Jusqu'à maintenant, Léa Roy n'a rien vendu.", "maintenant"),
    ("Jusqu'à ce jour, le maire de Vauclair n'a rien dit.", "ce jour"),
])
def test_other_present_references_keep_their_extent(time_stage, nlp, text, extent):
    assert found(time_stage, nlp, text).get(extent) == ("TIME", "PRESENT_REF")


@pytest.mark.parametrize(("text", "extent", "value"), [
    ("Le marché du jeudi de Brévans attire les maraîchers.", "jeudi", "XXXX-WXX-4"),
    ("La messe du dimanche de Vauclair est avancée d'une heure.", "dimanche", "XXXX-WXX-7"),
    ("La chronique du samedi soir de Léa Roy change d'horaire.", "samedi soir", "XXXX-WXX-6TEV"),
])
def test_a_weekday_after_du_on_a_noun_leaves_du_out(time_stage, nlp, text, extent, value):
    got = found(time_stage, nlp, text)
    assert got.get(extent) == ("SET", value), got
    assert not any(key.startswith("du ") for key in got)
