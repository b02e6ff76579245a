"""Stamps under the forms a user may hand a page in (issue 11, round 25, ``bench/page_perturb.py``):
a numeric date with its year in two figures on a dump's stamp line ("14/05/23 à 08:40"), a pasted
article whose one stamp line prints the update before the publication, a pasted article's stamp
read as a dump's (glued, with commas, a two-figure year), a weekday that is no dateline's place.
Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, _stage_run
from veille.clean.lines import clean_lines, page_stamps
from veille.clean.pasted_lines import readable_stamps
from veille.clean.shapes import is_date_stamp
from veille.clean.short_years import full_years
from veille.clean.update_first import split_update_line
from veille.common.datelines import find_dateline

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"  # (LYNX_PAGE's)


def test_a_two_figure_year_is_written_in_full_on_a_stamp_line_only() -> None:
    assert full_years("J.R. - 12/03/24 à 10:45 - Temps de lecture : 3 min") \
        == "J.R. - 12/03/2024 à 10:45 - Temps de lecture : 3 min"
    assert full_years("12/03/24 - La rédaction") == "12/03/2024 - La rédaction"  # short: no hour needed
    assert full_years("Jeanne Castel 09h30, le 12/03/24, modifié à 11h02") \
        == "Jeanne Castel 09h30, le 12/03/2024, modifié à 11h02"
    assert full_years("le 16.10.98 à 18:00") == "le 16.10.1998 à 18:00"  # (%y's pivot: 69-99 are 19xx)
    # Figures that are no date, or a sentence: as written.
    assert full_years("12/13/24 à 10:45") == "12/13/24 à 10:45"
    assert full_years("version 1.10.12") == "version 1.10.12"
    assert full_years("3/3/24 à 10:45") == "3/3/24 à 10:45"  # (a template's %d/%m/%y writes two figures)
    sentence = "Le club a joué le 02/03/24 puis le 09/03/24 devant une tribune comble et sous la pluie battante."
    assert full_years(sentence) == sentence
    medium = "Le tirage au sort des équipes est fixé au 02/03/24 par la ligue"
    assert full_years(medium) == medium  # (more than a stamp's few words and no hour beside it)


def test_a_line_that_is_a_numeric_date_with_a_two_figure_year_is_a_stamp() -> None:
    assert is_date_stamp("19/01/15")
    assert is_date_stamp("12/03/24 à 10h45")
    assert is_date_stamp("le 12.03.24 à 10:45 par Jeanne Castel")
    assert not is_date_stamp("12/13/24")
    assert not is_date_stamp("Score 02/03/04")
    assert not is_date_stamp("version 1.10.12")


def test_a_dump_stamp_line_with_a_two_figure_year_dates_the_article() -> None:
    # (Before: the first gave the later line's 3 March, the last no date and a paragraph.)
    for stamp, day in (("   J.C. - 12/03/24 à 10:45 - Temps de lecture : 3 min\n\n   Sur le même sujet : 3 mars 2024",
                        "2024-03-12"),
                       ("   12/03/24", "2024-03-12"),
                       ("   le 12/03/24 à 10:45 par Jeanne Castel.", "2024-03-12")):
        art = _stage_run(LYNX_PAGE.replace(STAMP, stamp))
        assert art.title == HEADLINE
        assert art.published == day, stamp
        assert not any("12/03" in p for p in art.paragraphs)  # the stamp line is no paragraph


def test_an_update_printed_before_the_publication_on_one_line() -> None:
    line = "Mis à jour le 09/04/2024 à 07h10, publié le 12/03/2024 à 16h45"
    assert split_update_line(line) == (["publié le 12/03/2024 à 16h45"], ["Mis à jour le 09/04/2024 à 07h10"])
    assert split_update_line("Mis à jour le 09/04/2024 à 07h10") == ([], ["Mis à jour le 09/04/2024 à 07h10"])
    pasted = [HEADLINE, "Par Jeanne Castel", line, PARA_1, PARA_2, PARA_3]
    cleaned = clean_lines(pasted)
    assert cleaned.title == HEADLINE
    assert cleaned.date_lines[0] == "publié le 12/03/2024 à 16h45"
    assert cleaned.update_lines == ["Mis à jour le 09/04/2024 à 07h10"]
    dates, updates = page_stamps(["Par Jeanne Castel", "Modifié le : 09/04/2024 Publié le : 12/03/2024", PARA_1])
    assert dates == ["Publié le : 12/03/2024"]
    assert updates == ["Modifié le : 09/04/2024"]


def test_a_pasted_article_takes_its_publication_day_not_its_update() -> None:
    text = "\n\n".join([HEADLINE, "Par Jeanne Castel",
                        "Mis à jour le 09/04/2024 à 07h10, publié le 12/03/2024 à 16h45", PARA_1, PARA_2, PARA_3])
    art = _stage_run(text)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_pasted_article_reads_its_stamp_as_a_dump_would() -> None:
    for stamp in ("Lundi, 12 Mars, 2024", "Publié12 mars 2024, 10:45", "J.C. - 12/03/24 à 10:45 - Temps de lecture : 3 min"):
        art = _stage_run("\n\n".join([HEADLINE, stamp, PARA_1, PARA_2, PARA_3]))
        assert art.title == HEADLINE
        assert art.published == "2024-03-12", stamp
        assert art.dateline is None  # (a weekday is no dateline's place)
        assert art.paragraphs[0] == PARA_1
    # A paragraph keeps its words as written.
    assert readable_stamps([PARA_1, "Le marché du 12/03/24 est reporté."]) == [PARA_1, "Le marché du 12/03/24 est reporté."]


def test_a_weekday_is_no_dateline_place() -> None:
    assert find_dateline("Lundi, 12 mars 2024") is None
    assert find_dateline("Mercredi, 13 mars 2024 -") is None
    found = find_dateline("VALMORIN, 12 mars 2024 (AFP) -")
    assert found is not None and found.place == "Valmorin"
