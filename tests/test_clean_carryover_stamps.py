"""Title and date layouts that carry over from site to site (issue 11): a byline glued to its date
and reading time, a two-figure-year date under a split byline, a cued label with its date on the
next line, a dossier's tag over the stamp and the headline. Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.dump import Unit, units
from veille.clean.headline import shape_penalty
from veille.clean.stamps import expand_short_year, opens_on_stamp_cue, stamps, unglue_dates
from veille.clean.unit_merges import merge_labels

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
MENU_TEASERS = "\n".join(["     * Actualités", "       La passerelle du Moulin rouvre", "       3 janvier 2025",
                          "       Le marché de Noël s'agrandit", "       3 janvier 2025", ""])


def test_a_byline_glued_to_its_date_and_reading_time() -> None:
    assert unglue_dates("Par Jeanne Castel12 mars 20244 minutes de lecture") \
        == "Par Jeanne Castel 12 mars 2024 4 minutes de lecture"
    assert unglue_dates("3 mars 20245 min") == "3 mars 2024 5 min"
    assert unglue_dates("| FAITS DIVERS12/03/2024") == "| FAITS DIVERS 12/03/2024"  # a rubric glued to it
    # A day needs a month and a year after it; a model number stays as written.
    assert unglue_dates("Le modèle A320 mars prochain") == "Le modèle A320 mars prochain"
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel12 mars 20244 minutes de lectureAucun commentaire")
    page = page.replace("   (BUTTON) Menu\n", "   (BUTTON) Menu\n" + MENU_TEASERS)
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"  # the byline's, not the menu teasers' date


def test_a_date_with_a_two_figure_year_alone_on_its_line() -> None:
    assert expand_short_year("mar 20 Juin 17") == "mar 20 Juin 2017"
    assert expand_short_year("jeu. 15 déc. 22") == "jeu. 15 déc. 2022"
    assert expand_short_year("20 juin 17") == "20 juin 17"  # (no weekday: 17 may count something)
    assert expand_short_year("mar 30 Fév 17") == "mar 30 Fév 17"  # not a date
    assert expand_short_year("Le 20 juin, 17 personnes") == "Le 20 juin, 17 personnes"


def test_a_date_in_figures_with_a_two_figure_year_after_its_weekday() -> None:
    # 12 March 2024 was a Tuesday.
    assert expand_short_year("mardi 12.03.24") == "mardi 12.03.2024"
    assert expand_short_year("mar. 12/03/24") == "mar. 12/03/2024"
    # Another weekday, or none: figures that may be a score or a reference.
    assert expand_short_year("jeudi 12.03.24") == "jeudi 12.03.24"
    assert expand_short_year("12.03.24") == "12.03.24"
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", f"   mardi 12.03.24\n\n{HEADLINE}\n\n   Par Jeanne Castel\n")
    assert _stage_run(page).published == "2024-03-12"


def test_a_byline_set_over_separate_lines_under_the_headline() -> None:
    # "Par" / the author / a dash / the date, each on its line; then an interview's first question
    # as a heading over the lede: the headline is the line over the byline, dated by it.
    question = "Que change le pont pour les habitants ?"
    head = "\n".join([HEADLINE, "", "   Par", "   Jeanne Castel", "   -", "   mar 12 Mars 24", "   279",
                      "   Facebook", "   Twitter", "", question, ""])
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", head)
    us = merge_labels(units(page))
    assert any(u.text == "Par Jeanne Castel - mar 12 Mars 2024" for u in us)
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_lone_byline_label_takes_only_a_name_after_it() -> None:
    us = [Unit("Par", "text", 0, 3), Unit("Jeanne Castel", "text", 1, 3), Unit(PARA_1, "text", 2, 3)]
    assert [u.text for u in merge_labels(us)] == ["Par Jeanne Castel", PARA_1]
    sentence = [Unit("Par", "text", 0, 3), Unit(PARA_2, "text", 1, 3)]
    assert [u.text for u in merge_labels(sentence)] == ["Par", PARA_2]


def test_a_cued_label_with_its_date_on_the_next_line() -> None:
    assert opens_on_stamp_cue("Publié dans l'édition n° 6")
    assert not opens_on_stamp_cue("Le rapport publié dans la revue")
    assert not opens_on_stamp_cue("Imprimé le")  # a print date is not the article's
    foot = "\n".join(["   Publié dans l'édition n° 6", "   8 février 2016", "   Texte", "     * Jeanne Castel", ""])
    page = LYNX_PAGE.replace(STAMP, "").replace(f"{lynx(PARA_3)}\n", f"{lynx(PARA_3)}\n\n{foot}")
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2016-02-08"


def test_a_dossier_tag_over_the_stamp_is_not_the_headline() -> None:
    assert shape_penalty("Municipales 2020") < 0
    assert shape_penalty("Euro 2024") < 0
    assert shape_penalty("Un pont pour 2024") == 0  # a headline of some length
    question = "Le pont de la Lisse sera-t-il prêt à temps ?"
    # (The page's dossier box: its name, its blurb, then the dossier's tag over the article's stamp.)
    head = "\n".join(["Dossier", "", "Élections municipales", "", "   Qui gouvernera la vallée ?", "",
                      "Municipales 2024", "", "   12 mars 2024 10:45; Act: 12.03.2024 17:24", "", question, "",
                      "VALMORIN - La commune promet le pont pour les élections.", ""])
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", head)
    art = _stage_run(page)
    assert art.title == question
    assert art.published == "2024-03-12"
    assert PARA_1 in art.paragraphs and PARA_2 in art.paragraphs


def test_a_three_letter_weekday_and_a_date_label() -> None:
    from veille.clean.shapes import is_date_stamp
    from veille.clean.stamps import stamps

    assert is_date_stamp("Ven 12 mars 2022")
    assert is_date_stamp("sam. 13 mars 2022 à 10h05")
    assert not is_date_stamp("Pas 12 mars 2022")
    assert stamps("Date : 12/03/2022") == [("published", "Date : 12/03/2022")]
    assert stamps("Date de naissance : 12 mars 1980") == []  # the label, a colon, then the date
    art = _stage_run(LYNX_PAGE.replace(STAMP, "   Ven 12 mars 2024"))
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_menu_of_teasers_whose_items_take_two_or_three_lines() -> None:
    # A site's menu listing other articles: a headline (sometimes printed twice, or wrapped into two
    # units), then its date; the rhythm varies from item to item. None of its dates is the page's.
    from veille.clean.teasers import dated_list

    lines = ["La passerelle du Moulin rouvre", "3 janvier 2025",
             "Le marché de Noël s'agrandit", "Le marché de Noël s'agrandit", "3 janvier 2025",
             "Trois pistes cyclables promises", "le long de la Lisse", "La région s'engage", "2 janvier 2025",
             "Le club de Valmorin monte en national", "2 janvier 2025"]
    us = [Unit(t, "text", n, 7) for n, t in enumerate(lines)]
    assert {1, 4, 8, 10} <= dated_list(us, 0, len(us))
    menu = "\n".join(["     * Actualités", *(f"       {t}" for t in lines), "     * Tendances", ""])
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace("   (BUTTON) Menu\n", "   (BUTTON) Menu\n" + menu)
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published is None  # no date rather than a teaser's


def test_a_dated_byline_signing_the_article_at_its_foot() -> None:
    from veille.clean.headline import dated_byline

    assert dated_byline("Jeanne Castel, le 12 mars 2024")
    assert not dated_byline("La mairie, le 12 mars 2024, a voté le budget.")  # a sentence
    for foot in ("   Écrit par Jeanne Castel le 12/03/2024", "   Jeanne Castel, le 12 mars 2024"):
        page = LYNX_PAGE.replace(STAMP, "").replace(f"{lynx(PARA_3)}\n", f"{lynx(PARA_3)}\n\n{foot}\n")
        art = _stage_run(page)
        assert art.title == HEADLINE
        assert art.published == "2024-03-12"


def test_an_update_then_the_original_publication_on_one_line() -> None:
    # "Mis à jour … Initialement publié le …": the publication is the later-named, earlier day.
    assert stamps("Mis à jour le 22 mars 2024 à 11h17. Initialement publié le 4 mars 2024.") == [
        ("updated", "Mis à jour le 22 mars 2024 à 11h17."), ("published", "Initialement publié le 4 mars 2024.")]
    assert stamps("Le texte initialement publié le 3 mars 2021 a été retiré.") == []  # a sentence
    line = "   Mis à jour le 22/03/2024 à 11h17. Publié initialement le 04/03/2024 à 08h05"
    assert _stage_run(LYNX_PAGE.replace(STAMP, line)).published == "2024-03-04"
