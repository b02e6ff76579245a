"""Bylines set as items and genre labels over headlines (issue 11): a rubric, the author and the
date on one line set apart by dashes, read as the article's date in its head only; a lone dash
between the author and the date on lines of their own, which must not hide the byline from the
headline over a standfirst; "ENQUÊTE" glued before a headline. Every page and sentence here is
invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.byline_items import dash_dated
from veille.clean.dump import Unit
from veille.clean.headline import dek_under_headline
from veille.clean.shapes import is_date_stamp, strip_kicker
from veille.clean.stamps import stamps

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
DEK = ("Si la commune a tenu ses délais, c'est parce que la région a payé la moitié d'un chantier "
       "que personne ne voulait financer")


def test_a_line_of_dashed_items_closing_on_a_date() -> None:
    assert dash_dated("Transports - Jeanne Castel - 12 mars 2024") == "12 mars 2024"
    assert dash_dated("La rédaction — mardi 12 mars 2024") == "mardi 12 mars 2024"
    assert dash_dated("Régions - Léo Roy - jeudi 14 mars 2024 - 11:30") == "jeudi 14 mars 2024 11:30"
    # Not a byline: a period, a sentence, a figure in an item before the date, no date at all.
    assert dash_dated("Du 3 mars - 12 avril 2024") is None
    assert dash_dated("Le pont rouvre - la mairie l'a annoncé le 12 mars 2024.") is None
    assert dash_dated("Transports - Jeanne Castel") is None
    assert dash_dated("12 mars 2024") is None  # (a bare date: read as one already)


def test_the_dashed_byline_after_the_standfirst_dates_the_article() -> None:
    # Headline, standfirst, then "rubric - author - date" under it, no other stamp on the page.
    head = "\n".join([HEADLINE, "", lynx(PARA_1), "   Transports - Jeanne Castel - 12 mars 2024", ""])
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", head).replace(f"{lynx(PARA_1)}\n\n{lynx(PARA_2)}",
                                                                     lynx(PARA_2))
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"
    assert not any("Jeanne Castel" in p for p in art.paragraphs)


def test_a_dashed_teaser_under_the_article_is_not_its_date() -> None:
    # The article prints no date; a teaser under it does, as "author - date": no date is better.
    teaser = "\n".join(["   La rédaction - Jeudi 9 janvier 2025", "", lynx(PARA_3), ""])
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace("Sur le même sujet\n", f"{teaser}\n")
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published is None


def test_a_lone_dash_between_author_and_date_under_a_dek() -> None:
    # The headline, then its standfirst as a second heading, then the author, a dash and the date
    # each on a line: the byline is under both, and the headline is the line over the standfirst.
    head = "\n".join([HEADLINE, "", DEK, "", "   Jeanne Castel", "   -", "   12 mars 2024", "   Partager", ""])
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", head)
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_the_noun_mise_en_ligne_opens_a_stamp() -> None:
    assert stamps("Mise en ligne le 12 mars 2024") == [("published", "Mise en ligne le 12 mars 2024")]
    assert stamps("Jeanne Castel | Mise en ligne : 12/03/2024 à 10h45") \
        == [("published", "Mise en ligne : 12/03/2024 à 10h45")]
    # In a sentence the noun is no stamp.
    assert stamps("La mise en ligne le 12 mars 2024 du rapport a surpris les élus.") == []


def test_a_genre_label_in_capitals_before_the_headline() -> None:
    assert strip_kicker("ENQUÊTE Oui, les riverains de la Lisse traversent encore à gué") \
        == "Oui, les riverains de la Lisse traversent encore à gué"
    assert strip_kicker("RÉCIT Le dernier jour du marché couvert de Valmorin") \
        == "Le dernier jour du marché couvert de Valmorin"
    # The same word opening the headline's own phrase, or before its colon, stays.
    assert strip_kicker("Analyse économique des ponts de la vallée") == "Analyse économique des ponts de la vallée"
    assert strip_kicker("Enquête : les éclusiers oubliés de la Lisse") == "Enquête : les éclusiers oubliés de la Lisse"
    assert strip_kicker("Portrait Octave Brunel, maire de Valmorin depuis vingt ans") \
        == "Portrait Octave Brunel, maire de Valmorin depuis vingt ans"


def test_a_written_date_then_the_authors_name_and_comment_count() -> None:
    assert is_date_stamp("13 janv. 2023 Awa Koné 9")  # the date, the author, the comments' count
    assert is_date_stamp("13 janvier 2023 Jean de Valmont")
    assert not is_date_stamp("13 janvier 2023 Macron annonce la fin du plan")  # a teaser's headline


def test_a_standfirst_set_as_a_heading_under_its_headline() -> None:
    us = [Unit(HEADLINE, "heading", 0, 0), Unit(DEK, "heading", 2, 0), Unit("Jeanne Castel", "text", 4, 3)]
    assert dek_under_headline(us, 1)
    assert not dek_under_headline(us, 0)
    # A kicker over a long headline is no headline with its dek under it.
    kicked = [Unit("LIGUE 1", "heading", 0, 0), Unit(DEK, "heading", 2, 0)]
    assert not dek_under_headline(kicked, 1)
    # Nor is a first paragraph under a headline (it ends with a period).
    prose = [Unit(HEADLINE, "heading", 0, 0), Unit(DEK + ".", "text", 2, 3)]
    assert not dek_under_headline(prose, 1)
    # The whole page: headline, dek as a heading, a one-line byline.
    head = "\n".join([HEADLINE, "", DEK, "", "   Par Jeanne Castel, le 12 mars 2024", ""])
    art = _stage_run(LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", head))
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"
