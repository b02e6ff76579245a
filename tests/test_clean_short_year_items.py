"""A two-figure-year stamp date set as an item of the byline (issue 11, round 28,
``bench/published_perturb.py`` variant ``dots-short``): before the update or the reading time
("A.B. - 14.05.23 - Temps de lecture : 3 min", "… 14h59 ^. 14.05.23 - Mis à jour le …") or closing
the author's byline ("Par Léa Dumont, 14.05.23."), with or without an hour. Every page and
sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, _stage_run
from veille.clean.short_years import full_years

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"  # (LYNX_PAGE's)


def test_a_two_figure_year_before_a_stamp_item_is_written_in_full() -> None:
    assert full_years("C.B. - 14.05.23 - Temps de lecture : 3 min") == "C.B. - 14.05.2023 - Temps de lecture : 3 min"
    assert full_years("14.05.23 Temps de lecture: 3 min Partage :") == "14.05.2023 Temps de lecture: 3 min Partage :"
    assert full_years("14/05/23 - 3 min de lecture") == "14/05/2023 - 3 min de lecture"
    glued = ("Léa Dumont et Paul Vigne, édité par Marc Rivière 14h59 ^. 14.05.23 - Mis à jour le 15/05/2023 "
             "à 09:12 ^. 2 min")
    assert full_years(glued) == glued.replace("14.05.23", "14.05.2023")
    assert full_years("par P. V. | Reportage : Léa Dumont et Marc Rivière 14.05.23, mis à jour le 15 mai 2023 à") \
        == "par P. V. | Reportage : Léa Dumont et Marc Rivière 14.05.2023, mis à jour le 15 mai 2023 à"
    assert full_years("14.05.23 - Modifié le 15/05/2023 à 09h12") == "14.05.2023 - Modifié le 15/05/2023 à 09h12"


def test_a_two_figure_year_closing_an_authors_byline_is_written_in_full() -> None:
    assert full_years("Par Léa Dumont, 14.05.23.") == "Par Léa Dumont, 14.05.2023."
    assert full_years("Par Léa Dumont - 14/05/23") == "Par Léa Dumont - 14/05/2023"


def test_figures_that_are_no_stamp_item_stay_as_written() -> None:
    for text in ("Cet article a été repris dans le journal du 14.05.23",  # (no item, no hour, a sentence's words)
                 "par la suite, 14.05.23.",  # (no author's name)
                 "Le tirage au sort des équipes est fixé au 02/03/24 par la ligue",
                 "14.05.23 - Mis à jour le 15/05/2023 " + "mot " * 30,  # (longer than a stamp line)
                 "14.13.23 - Temps de lecture : 3 min"):  # (no valid date)
        assert full_years(text) == text


def test_a_dump_stamp_line_with_a_two_figure_year_among_items_dates_the_article() -> None:
    # (Before: the update's day for the third; the first two were read from the dump already.)
    update = "\n\n   Modifié le 13/03/2024 à 08:02"
    for stamp in ("   C.B. - 12.03.24 - Temps de lecture : 3 min" + update, "   Par Jeanne Castel, 12.03.24." + update,
                  "   Jeanne Castel 10h45 ^. 12.03.24 - Mis à jour le 13/03/2024 à 08:02 ^. 2 min"):
        art = _stage_run(LYNX_PAGE.replace(STAMP, stamp))
        assert art.title == HEADLINE
        assert art.published == "2024-03-12", stamp
        assert not any("12.03" in p for p in art.paragraphs)  # the stamp line is no paragraph
