"""Invented pages: a stamp found far from the article's head, and a heading's wrap in a dump.

Each case is written for these tests (invented outlet, people and events) and shows one phenomenon
met in real dumps of several sites.
"""

from __future__ import annotations

from veille.clean.dump import units
from veille.clean.stamps import page_stamp

FILLER = "Les riverains de la rue des Tanneurs ont obtenu gain de cause devant le tribunal administratif."


def _spread(*lines: str) -> list[str | None]:
    """The lines apart from each other (a few units of menu between them), as a page would print them."""
    out: list[str | None] = []
    for line in lines:
        out += [line, FILLER, None, None, FILLER]
    return out


def test_a_far_stamp_is_the_articles_when_the_page_cues_no_other_day() -> None:
    texts = _spread("Le Courrier de Valmorin", "Publié le 12 mars 2024 à 10h05 par Léa Roy")
    assert page_stamp(texts) == "Publié le 12 mars 2024 à 10h05 par Léa Roy"


def test_no_far_stamp_in_a_list_of_the_days_news() -> None:
    # The most read items of the day, each with its hour: one day at several hours is a list.
    texts: list[str | None] = [FILLER, None, "Le marché couvert ferme ses portes",
                               "Publié le 12 mars 2024 à 10h05", "La passerelle des Tanneurs rouvre",
                               "Publié le 12 mars 2024 à 17h30", None, FILLER]
    assert page_stamp(texts) is None
    # The same stamp twice (the head and the foot of one article) is no list.
    texts[5] = "Publié le 12 mars 2024 à 10h05"
    assert page_stamp(texts) == "Publié le 12 mars 2024 à 10h05"


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
