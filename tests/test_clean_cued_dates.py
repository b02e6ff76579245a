"""A stamp's date in a loose form, read right after a publication cue only (clean/cued_dates.py).
Every line here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, _stage_run
from veille.clean.cued_dates import cut_month, loose_cued_date
from veille.clean.stamps import stamps

STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"


def test_a_month_name_cut_short_that_one_month_begins_with() -> None:
    assert cut_month("déce") == 12 and cut_month("octo") == 10 and cut_month("nove") == 11
    assert cut_month("jui") is None  # juin or juillet
    assert cut_month("mars") is None  # a whole name: the date reader's, not a cut one
    assert stamps("Publié le: 29 déce. 2022 à 08:54 Lecture 5 min") == [
        ("published", "Publié le: 29/12/2022 à 08:54 Lecture 5 min")]


def test_figures_set_apart_by_the_same_odd_mark_twice() -> None:
    assert loose_cued_date(" par Léa Morin le 19 o 01 o 2016") == " par Léa Morin le 19/01/2016"
    assert loose_cued_date(" le 19 o 01 x 2016") is None  # two different marks
    assert loose_cued_date(" le 31 o 02 o 2016") is None  # no such day
    assert stamps("publié par Léa Morin le 19 o 01 o 2016") == [("published", "publié par Léa Morin le 19/01/2016")]


def test_only_after_a_cue() -> None:
    assert stamps("Le score final, 3 o 1 o 2016, reste dans les mémoires du club.") == []
    assert stamps("Rendez-vous le 29 déce. 2022 à la salle des fêtes") == []
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel | Publié le 12 mars 2024 | Lecture 4 min")
    assert _stage_run(page).published == "2024-03-12"
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel | Publié le: 12 mars. 2024 à 10:45")
    assert _stage_run(page).published == "2024-03-12"
    page = LYNX_PAGE.replace(STAMP, "   Publié le: 12 octo. 2023 à 10:45 Lecture 5 min")
    assert _stage_run(page).published == "2023-10-12"
