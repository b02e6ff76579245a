"""Titles and publication dates of web pages: phenomena met on real pages, on invented snippets.

Every line and page here is written for these tests (invented outlet, people, towns and events);
each test reproduces one phenomenon: dates a template glues together, a publication and a
modification date side by side, a byline list set as bullets, a date under a foot byline, a
teaser block before the article, related headlines between the headline and the text, a rubric
or a town glued before the headline, dates of an HTML page's markup and of its related links.
"""

from __future__ import annotations

import textwrap

from test_clean_dumps import PARA_1, PARA_2, PARA_3
from veille.clean import CleanStage
from veille.clean.browser import clean_dump
from veille.clean.dump import is_image, units
from veille.clean.html import checked_date, cut_glued_standfirst
from veille.clean.shapes import is_menu_or_label, strip_kicker
from veille.clean.stage import head_stamp
from veille.clean.stamps import stamp_text, stamps, unglue_dates
from veille.common.dates import find_date_in_line
from veille.metadata import MetadataStage
from veille.model import Article
from veille.pipeline import Context

TEASER = ("Le conseil municipal de Valmorin a voté mardi soir le budget de l'année, marqué par une "
          "hausse des dépenses d'entretien des routes et des écoles de la commune, a indiqué le maire. "
          "L'opposition a voté contre, jugeant les économies promises trop modestes pour la commune.")
MENU = "\n".join(f"     * {w}" for w in ("Accueil", "Politique", "Sports", "Culture", "Région"))


def lynx(text: str) -> str:
    return textwrap.fill(text, width=76, initial_indent="   ", subsequent_indent="   ")


def _run(raw: str) -> Article:
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="t", raw_text=raw, hints={"kind": "text"})
    CleanStage(ctx)(art, ctx)
    MetadataStage(ctx)(art, ctx)
    return art


def _page(head: str, body: str = "", foot: str = "") -> str:
    body = body or "\n\n".join(lynx(p) for p in (PARA_1, PARA_2, PARA_3))
    return f"   (BUTTON) Menu\n{MENU}\n\n{head}\n\n{body}\n\n{foot}\n{MENU}\n"


# -- stamps --------------------------------------------------------------------------------------


def test_dates_glued_by_a_template_are_split() -> None:
    assert unglue_dates("12 mars 202413 mars 2024Société, Région") == "12 mars 2024 13 mars 2024 Société, Région"
    assert unglue_dates("Il compte 202415 adhérents") == "Il compte 202415 adhérents"  # no date before


def test_a_publication_and_a_modification_date_side_by_side_are_a_stamp() -> None:
    assert stamps("LE COURRIER DU LAC 3 mai 2021 4 mai 2021") == [
        ("published", "LE COURRIER DU LAC 3 mai 2021 4 mai 2021")]
    assert stamps("Du 3 mai 2021 au 4 juin 2021") == []  # a period, not two stamps


def test_a_byline_date_closing_before_the_update_cue_is_the_publication() -> None:
    line = "Léa Roy, édité par Marc Dubois 14h59 le 28 décembre 2020 - Mis à jour le 27/11/2024 à 16:00"
    assert stamps(line)[0] == ("published", "28 décembre 2020")
    assert stamps(line)[1][0] == "updated"


def test_a_lower_case_cue_after_a_byline_is_a_stamp_not_a_sentence() -> None:
    assert stamps("par Jeanne Castel publié le 3 mars 2023") == [("published", "publié le 3 mars 2023")]
    assert stamps("le texte publié le 3 mars par la mairie de Valmorin") == []


def test_a_comma_before_the_year_of_a_short_stamp() -> None:
    parts = find_date_in_line(stamp_text("Mardi, 14 Mars, 2017"))
    assert parts is not None and parts.year == 2017
    sentence = "Le comité s'est réuni le 14 mars, 2000 personnes attendaient dehors depuis le matin."
    assert stamp_text(sentence) == sentence


def test_a_byline_set_as_bullets_under_the_headline_gives_the_date() -> None:
    head = ("Un pont piéton relie enfin les deux rives de la Lisse\n\n"
            "     * Par Jeanne Castel\n     * Mis à jour le 05/10/2021 à 17:11\n     * Publié le 03/10/2021 à 16:41")
    art = _run(_page(head))
    assert art.published == "2021-10-03"


def test_a_date_under_the_byline_at_the_foot() -> None:
    foot = "   par Jeanne Castel\n   Journaliste\n\n   le 17 juillet 2022 ______________________\n\n   Nos articles"
    art = _run(_page("Un pont piéton relie enfin les deux rives de la Lisse", foot=foot))
    assert art.published == "2022-07-17"


def test_the_date_of_a_teaser_above_the_headline_comes_after_the_one_under_it() -> None:
    head = ("   Région\n\nLe budget voté sans surprise\n   04/12/2022\n\n"
            "Un pont piéton relie enfin les deux rives de la Lisse\n\n   Par Jeanne Castel\n   21/10/2022")
    art = _run(_page(head))
    assert art.published == "2022-10-21"


def test_a_timestamp_line_never_continues_a_paragraph() -> None:
    long = "   " + "x" * 60 + " fin de la ligne pleine"
    us = units(f"{MENU}\n\n{long}\n   2021-06-13T09:09:45.012Z - La rédaction\n")
    assert [u.text for u in us][-1] == "2021-06-13T09:09:45.012Z - La rédaction"


# -- the article and its headline ----------------------------------------------------------------


def test_a_teaser_block_before_a_list_of_headlines_is_not_the_article() -> None:
    head = (f"Le budget voté sans surprise\n   07-01-2023 15:44\n{lynx(TEASER)}\n{lynx(TEASER)}\n\n"
            "   Les plus lus\n\n   Une fête de village annulée faute de bénévoles\n\n"
            "   Un cycliste blessé sur la départementale\n\n"
            "Un pont piéton relie enfin les deux rives de la Lisse\n\n   Jeudi 4 avril 2019 - 21:30")
    art = _run(_page(head))
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]
    assert art.published == "2019-04-04"


def test_headlines_listed_under_a_related_heading_are_not_the_headline() -> None:
    head = ("   Région\n\nUn pont piéton relie enfin les deux rives de la Lisse\n\n   (BUTTON) Partager\n\n"
            "À lire aussi :\n\nUne fête de village annulée faute de bénévoles\n\n"
            "Un cycliste blessé sur la départementale près de la gare")
    cleaned = clean_dump(_page(head))
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"


def test_a_headline_in_capitals_is_a_sentence_not_a_menu() -> None:
    assert not is_menu_or_label("QUAND LES ÉLÈVES SE DÉTOURNENT DE LA LECTURE")
    assert is_menu_or_label("MONDE EUROPE AFRIQUE SPORTS CULTURE ÉCONOMIE")
    assert is_menu_or_label("Monde Europe Afrique Sports")


def test_a_logo_or_a_form_button_makes_no_caption_of_the_headline() -> None:
    assert is_image("[photo-pont.jpg]")
    assert not is_image("[logo-courrier.png]")
    assert not is_image("Rechercher : ______________ [ Rechercher ]")
    head = "   [logo-courrier.png]\n\n   Un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024"
    assert clean_dump(_page(head)).title == "Un pont piéton relie enfin les deux rives de la Lisse"


def test_a_rubric_or_a_town_glued_before_the_headline_is_cut() -> None:
    assert strip_kicker("FRANCE - La police écarte la piste criminelle à Valmorin") == \
        "La police écarte la piste criminelle à Valmorin"
    assert strip_kicker("Valmorin-sur-Lisse. Un pont piéton relie enfin les deux rives") == \
        "Un pont piéton relie enfin les deux rives"
    # Not a kicker: a colon clause, a lower-case word before the stop, a short remainder.
    for title in ("ÉLECTIONS 2026 : la liste de Valmorin déposée", "Fête à Valmorin. « Une belle soirée »",
                  "OTAN - UE", "M. Brunel quitte la mairie après dix ans"):
        assert strip_kicker(title) == title


def test_a_web_page_title_loses_its_town_but_a_text_keeps_it() -> None:
    head = "Valmorin. Un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024 à 10:45"
    assert _run(_page(head)).title == "Un pont piéton relie enfin les deux rives de la Lisse"
    plain = "Valmorin. Un pont piéton relie enfin les deux rives de la Lisse\n\n" + "\n\n".join((PARA_1, PARA_2))
    assert _run(plain).title.startswith("Valmorin.")


# -- HTML ----------------------------------------------------------------------------------------


def test_an_html_heading_run_into_its_standfirst_is_cut() -> None:
    description = "Deux ans après les travaux, la passerelle de Valmorin est enfin ouverte aux piétons."
    title = ("La passerelle de la Lisse ouvre enfin au public après deux ans de chantier "
             "Deux ans après les travaux, la passerelle de Valmorin est ouverte")
    assert cut_glued_standfirst(title, description) == \
        "La passerelle de la Lisse ouvre enfin au public après deux ans de chantier"
    assert cut_glued_standfirst("Un titre sans chapô collé à sa suite", description) == \
        "Un titre sans chapô collé à sa suite"


def test_the_markup_date_in_the_page_time_zone_wins_over_a_shifted_day() -> None:
    html = '<meta property="article:published_time" content="2019-08-26T01:16:00+02:00" />'
    assert checked_date("2019-08-25", html, [], []) == "2019-08-26"


def test_a_date_read_only_in_related_links_is_not_the_article_date() -> None:
    lines = ["Un pont piéton relie enfin les deux rives", PARA_1, "Dans la même rubrique",
             "Jeudi 5 janvier 2023 - 11:04 Une fête de village annulée faute de bénévoles"]
    assert checked_date("2023-01-05", "<html></html>", lines, [PARA_1]) is None
    # Printed above the text, the same date is the article's.
    assert checked_date("2023-01-05", "<html></html>", ["Jeudi 5 janvier 2023", *lines], [PARA_1]) == "2023-01-05"


def test_a_first_of_the_month_the_page_prints_as_a_month_is_a_month() -> None:
    lines = ["Valmorin, ses ponts et ses crues", "Mensuel de la vallée, octobre-novembre 2006", PARA_1]
    assert checked_date("2006-10-01", "", lines, [PARA_1]) == "2006-10"
    assert checked_date("2006-10-01", "", ["Publié le 1er octobre 2006", *lines], [PARA_1]) == "2006-10-01"


def test_a_cued_stamp_under_the_standfirst_dates_an_html_page() -> None:
    standfirst = "Le pont piéton de Valmorin ouvre samedi, après deux ans de travaux sur la Lisse."
    lines = ["Un pont piéton relie enfin les deux rives", standfirst, "Dossier", "Les ponts de la vallée",
             "Créé le 28/05/2013", "Modifié le 28/05/2013 à 14:00", PARA_1]
    assert head_stamp([standfirst, PARA_1], lines) == ("Créé le 28/05/2013", "2013-05-28")


def test_section_names_of_the_menu_printed_before_the_headline_are_cut() -> None:
    head = "Région - Culture Un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024 à 10:45"
    page = _page(head).replace("     * Sports", "     * Sports\n     * Culture")
    assert clean_dump(page).title == "Un pont piéton relie enfin les deux rives de la Lisse"
    # A colon after the section name: the headline's own rubric stays.
    head = "Région : un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024 à 10:45"
    assert clean_dump(_page(head)).title.startswith("Région :")


def test_a_related_list_heading_after_a_section_name_ends_the_article() -> None:
    teaser = lynx("La quatrième édition du festival de la Lisse a réuni plus de trois mille visiteurs "
                  "sur les quais de Valmorin, selon les organisateurs qui espèrent doubler la mise.")
    foot = f"Culture En continu\n\n     * Le festival de la Lisse\n{teaser}\n   Publié le 5 janvier"
    art = _run(_page("Un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024", foot=foot))
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]
    assert art.published == "2024-03-12"


def test_a_year_less_stamp_takes_its_year_from_an_anniversary_in_the_text() -> None:
    from veille.metadata.years import anniversary_years

    texts = ["La crue de la Lisse, il y a cinq ans", "La crue qui a commencé le 17 mars 2020 a noyé la vallée."]
    assert anniversary_years(texts, 3, 17) == {2025}
    assert anniversary_years(texts, 4, 2) == set()  # the text dates no event on that day
    assert anniversary_years(["La crue du 17 mars 2020."], 3, 17) == set()  # and says no "n ans"
    page = _page("La crue de la Lisse, il y a cinq ans : les riverains se souviennent\n\n   Publié le 17 mars à 18h56",
                 body=lynx("La crue qui a commencé le 17 mars 2020 a noyé les quartiers bas de Valmorin, "
                           "a rappelé le maire, Octave Brunel, devant les riverains réunis sur les quais.")
                 + "\n\n" + lynx(PARA_2))
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="t", raw_text=page, hints={"kind": "text"})
    CleanStage(ctx)(art, ctx)
    stage = MetadataStage(ctx)
    stage(art, ctx)
    stage.finish_batch([art], ctx)
    assert art.published == "2025-03-17"


def test_a_date_set_as_day_month_and_year_items_is_one_stamp() -> None:
    head = "Un pont piéton relie enfin les deux rives de la Lisse\n\n   Par Jeanne Castel\n     * 12\n     * mars\n     * 2024"
    art = _run(_page(head))
    assert art.published == "2024-03-12"


def test_a_section_name_after_a_town_before_the_headline_is_cut() -> None:
    assert strip_kicker("Valmorin - Faits divers Un cycliste blessé sur la départementale") == \
        "Un cycliste blessé sur la départementale"
    assert strip_kicker("Culture. Le festival de la Lisse affiche complet") == "Le festival de la Lisse affiche complet"
    assert strip_kicker("[Tribune] Le pont de la Lisse ou le péché originel de Valmorin") == \
        "Le pont de la Lisse ou le péché originel de Valmorin"
    # A name that opens with a section word goes on; a colon makes the rubric the headline's own.
    for title in ("Société Générale annonce des suppressions de postes à Valmorin",
                  "France Télévisions tourne un documentaire sur la vallée",
                  "Justice : le procès du chauffard de Valmorin renvoyé à l'automne"):
        assert strip_kicker(title) == title


def test_a_print_or_edition_date_is_not_a_publication_stamp() -> None:
    assert stamps("Imprimé le 03/03/2025 à 10:15") == []
    assert stamps("Édition du 6 janvier 2023") == []
    assert stamps("Publié le 12/03/2024 à 10:45 - Imprimé le 03/03/2025 à 10:15") == [
        ("published", "Publié le 12/03/2024 à 10:45")]


def test_a_link_that_says_it_opens_a_new_window_is_a_related_link() -> None:
    from veille.clean.cues import cue_kind

    assert cue_kind("Le pont de Valmorin rouvre après deux ans de travaux (nouvelle fenêtre)") == "link"
    assert cue_kind("Pour le voir, il faut ouvrir une nouvelle fenêtre du navigateur, a expliqué le maire.") is None


def test_a_related_heading_with_a_rule_glued_to_it_ends_the_article() -> None:
    teaser = lynx("La quatrième édition du festival de la Lisse a réuni plus de trois mille visiteurs "
                  "sur les quais de Valmorin, selon les organisateurs qui espèrent doubler la mise.")
    foot = f"   Sur le même thème: Culture ____________________________________\n\n{teaser}"
    art = _run(_page("Un pont piéton relie enfin les deux rives de la Lisse\n\n   Publié le 12/03/2024", foot=foot))
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]


def test_a_genre_label_before_the_headline_is_cut() -> None:
    # A blog's, a column's or an interview's label printed on the headline's line.
    assert strip_kicker("BLOGUE La pêche à la mouche, une école de patience") == "La pêche à la mouche, une école de patience"
    assert strip_kicker("Entretien. Octave Brunel veut rouvrir la gare de Valmorin") == \
        "Octave Brunel veut rouvrir la gare de Valmorin"
    # The genre word opening the headline's own sentence stays.
    assert strip_kicker("Reportage interdit : la mairie de Valmorin refuse les caméras") == \
        "Reportage interdit : la mairie de Valmorin refuse les caméras"
    assert strip_kicker("Opinion : le pont de la Lisse méritait mieux") == "Opinion : le pont de la Lisse méritait mieux"
