"""Head layouts met on the extra held-out pages (tests/data/extra_pages, issue 11): a byline whose
two-digit-year stamp is not a headline, the "Rédigé le" stamp, a numeric date followed by the
author's name. Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.browser import _title_score
from veille.clean.dump import units
from veille.clean.shapes import is_date_stamp
from veille.clean.stamps import has_stamp_cue, stamps

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
# A byline and two lynx-wrapped paragraphs, each followed by its blank line.
BYLINE_AND_TWO_PARAGRAPHS = ["   Par Jeanne Castel", "", lynx(PARA_1), "", lynx(PARA_2), ""]


def test_a_line_closing_on_a_stamp_cue() -> None:
    assert has_stamp_cue("Jeanne Castel - publié le", at_end=True)
    assert has_stamp_cue("Léo Roy | Mis à jour le :", at_end=True)
    assert not has_stamp_cue("Le rapport publié le jour du scrutin fait débat", at_end=True)
    assert has_stamp_cue("Le rapport publié le jour du scrutin fait débat")  # (a cue, not at the end)
    assert not has_stamp_cue("Édition du", at_end=True)  # a print or edition date is not the article's


def test_an_unindented_byline_with_a_two_digit_year_is_not_the_headline() -> None:
    # A dump without margins: the headline, the picture's credit and caption, then the byline with
    # its stamp ("… publié le 12/03/24") and the share buttons on the next line; the date at the end
    # of the byline must not be read as a headline's trailing stamp.
    head = "\n".join([
        HEADLINE,
        "",
        "AGENCE AZUR / PHOTO",
        "",
        "Le nouveau pont au-dessus de la Lisse, un matin de crue.",
        "Jeanne Castel - publié le 12/03/24",
        "facebook twitter email",
        "",
    ])
    page = "Accueil\nPolitique\nCulture\n\n" + head + "\n" + "\n\n".join([PARA_1, PARA_2, PARA_3]) + "\n"
    us = units(page)
    byline = next(i for i, u in enumerate(us) if u.text.startswith("Jeanne Castel - publié le"))
    assert _title_score(us, byline, byline + 1, set(), [""] * len(us)) is None
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_the_redige_le_stamp() -> None:
    assert stamps("Rédigé le 04/05/2023") == [("published", "Rédigé le 04/05/2023")]
    art = _stage_run(LYNX_PAGE.replace(STAMP, "   Jeanne Castel\n   Rédigé le 12/03/2024"))
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_numeric_date_then_the_authors_name() -> None:
    assert is_date_stamp("17/02/2022 Awa Koné 9")  # the date, the author, the comments' count
    assert is_date_stamp("17/02/2022 Jean de Valmont")
    assert not is_date_stamp("17/02/2022 Macron annonce la fin du plan")  # a teaser's headline
    assert not is_date_stamp("Politique 17/02/2022")  # a rubric before the date
    art = _stage_run(LYNX_PAGE.replace(STAMP, "   12/03/2024 Jeanne Castel 4"))
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_rubric_and_its_date_after_a_leading_bar() -> None:
    # "Par Awa Koné" then "| Économie 04/05/2022": the line opens on its separator.
    assert stamps("| ÉCONOMIE 04/05/2022") == [("published", "ÉCONOMIE 04/05/2022")]
    assert stamps("| Politique") == []
    art = _stage_run(LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel\n   | SOCIÉTÉ 12/03/2024"))
    assert art.published == "2024-03-12"


def test_a_rule_under_a_line_is_not_glued_to_it() -> None:
    # A headline at the left margin, wrapped, then a rule of underscores as long as a line: the rule
    # is its own unit, the headline stays text (glued, the unit read as a form and was lost).
    page = "\n".join([
        "La commune de Valmorin inaugure enfin le pont piéton qui relie les deux",
        "rives de la Lisse",
        "     " + "_" * 66,
        "",
        *BYLINE_AND_TWO_PARAGRAPHS,
        lynx(PARA_3),
    ])
    us = units(page)
    assert us[0].kind != "form" and us[0].text.endswith("rives de la Lisse")
    assert us[1].kind == "form" and set(us[1].text) == {"_"}


def test_a_standfirst_opening_on_a_question_under_its_headline_is_not_split() -> None:
    from veille.clean.standfirst import split_standfirsts

    page = "\n".join([
        "   Menu",
        "",
        "Valmorin : le pont piéton de la Lisse ouvre enfin aux promeneurs",
        "",
        "Faut-il encore prendre la voiture pour aller à la gare ? Les habitants des Tanneurs",
        "répondent non depuis samedi, et la mairie compte sur eux pour le faire savoir.",
        "",
        *BYLINE_AND_TWO_PARAGRAPHS,
    ])
    us = split_standfirsts(units(page))
    assert [u.kind for u in us[1:3]] == ["heading", "heading"]  # at the left margin of a lynx page
    standfirst = [u for u in us if u.text.startswith("Faut-il")]
    assert len(standfirst) == 1 and standfirst[0].text.endswith("le faire savoir.")
