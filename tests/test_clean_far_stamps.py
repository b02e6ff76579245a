"""Invented pages: a stamp found far from the article's head (no date), and a heading's wrap in a dump.

Each case is written for these tests (invented outlet, people and events) and shows one phenomenon
met in real dumps of several sites.
"""

from __future__ import annotations

from veille.clean.dump import units


def test_a_stamp_far_from_the_articles_head_and_foot_gives_no_date() -> None:
    # A page whose head prints the author without a date; further down, under the related list, a
    # teaser's "Publié le …": no stamp of the article's (no date over a wrong one).
    from test_clean_dumps import LYNX_PAGE, RELATED_1, _stage_run, lynx

    stamp = "Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
    page = LYNX_PAGE.replace(stamp, "Par Jeanne Castel").replace(
        lynx(RELATED_1), lynx(RELATED_1) + "\n\n   Publié le 5 mars 2024 à 09:10")
    art = _stage_run(page)
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert art.published is None
    # The stamp under the headline still dates it.
    assert _stage_run(LYNX_PAGE).published == "2024-03-12"


def test_an_indented_line_under_a_full_heading_opens_a_new_unit() -> None:
    # lynx prints a heading at the left edge and wraps it there; the teaser's date under it sits at
    # the page's margin, however long the heading's line.
    heading = "La commune de Valmorin inaugure un pont piéton au-dessus de la rivière Lisse"
    page = "\n".join([
        "   Le Courrier de Valmorin", "",
        heading,
        "   12/03/2024", "",
        "   " + "La commune de Valmorin a inauguré samedi un pont piéton, après deux ans de",
        "   " + "travaux et un chantier interrompu par les crues de l'hiver dernier.",
    ])
    texts = [u.text for u in units(page)]
    assert heading in texts and "12/03/2024" in texts


def test_a_photo_caption_closing_on_its_day_is_no_stamp() -> None:
    from veille.clean.caption_dates import dated_caption

    # Captions in the agencies' style: the scene, its place, its day.
    assert dated_caption("Des manifestants devant la préfecture de Valmorin, le 3 mars 2024.")
    assert dated_caption("Le marché couvert de Lisse, samedi 19 novembre")
    assert dated_caption("Des pompiers sur la digue de Valmorin, le 1er janvier 2023 • © Agence Azur")
    # Bylines, datelines and stamps close the same way, after a name, a place or a cue.
    assert not dated_caption("Awa Koné, le 3 mars 2024")
    assert not dated_caption("Par Léo Roy, le 3 mars 2024")
    assert not dated_caption("Une chronique par Léo Roy, le 3 mars 2024")
    assert not dated_caption("Valmorin, le 3 mars 2024")
    assert not dated_caption("Publié le 3 mars 2024")
    assert not dated_caption("Léo Roy 10h00, le 3 mars 2024, modifié à 15h54, le 3 mars 2024")


def test_the_line_cleaner_dates_the_page_by_its_stamp_not_a_caption() -> None:
    from veille.clean import clean_lines

    para = ("La digue de Valmorin a cédé dans la nuit de mardi à mercredi sous la pression de la crue, "
            "a indiqué la préfecture, qui a fait évacuer une centaine de riverains.")
    lines = ["Le Courrier de Valmorin", "La digue de Valmorin cède sous la crue",
             "Des pompiers sur la digue de Valmorin, le 1er mars 2024", para, para.replace("mardi", "jeudi")]
    assert clean_lines(lines).date_lines == []
    lines[2] = "Par Léo Roy, le 3 mars 2024"
    assert clean_lines(lines).date_lines == ["Par Léo Roy, le 3 mars 2024"]
