"""Publication dates on sites never seen (issue 11): a dated byline opening on the piece's genre
("Un article par X, le …"), a magazine's print issue month as the head's only date. Every page
and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, _stage_run
from veille.clean.headline import dated_byline
from veille.clean.issue_dates import issue_month, issue_month_of

STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"


def test_a_dated_byline_opening_on_the_piece_s_genre() -> None:
    assert dated_byline("Un article par Jeanne Castel, le 12 mars 2024")
    assert dated_byline("Chronique publiée par Léo Marchal le 3 mars 2023")
    # A sentence, not a byline: it ends on its period, or runs on after the date.
    assert not dated_byline("Le texte voté par Jean Durnal, le 3 mars 2024.")
    assert not dated_byline("La réforme portée par Paul Durnal le 3 mars 2024 a été rejetée hier soir")


def test_a_magazine_s_issue_month_as_the_line_prints_it() -> None:
    assert issue_month_of("Février 2008") == "2008-02"
    assert issue_month_of("> Septembre 2000, page 22") == "2000-09"
    assert issue_month_of("daté octobre 2020 - 1431 mots") == "2020-10"
    # A sentence, a period of two months, a dated hour: no issue month.
    assert issue_month_of("mars 2020.") is None
    assert issue_month_of("Décembre 2022 - janvier 2023") is None
    assert issue_month_of("novembre 2023 à 18h39") is None


def test_an_issue_month_needs_the_issue_named_beside_it() -> None:
    assert issue_month(["DR", "Février 2008", "Le Jardinier pratique n° 332, article complet."]) == "2008-02"
    assert issue_month(["Léa Morvan dans mensuel 476", "daté octobre 2020 - 1431 mots"]) == "2020-10"
    assert issue_month(["Archives", "Février 2008", "Janvier 2008"]) is None  # an archive's menu
    assert issue_month(["Mars 2024", "Retour en page d'accueil"]) is None  # a cue counts with its number


def test_a_dump_dated_by_its_print_issue_and_by_a_byline_at_its_foot() -> None:
    page = LYNX_PAGE.replace(STAMP, "   Mars 2024\n   Le Courrier pratique n° 118\n   Auteur : Jeanne Castel")
    assert _stage_run(page).published == "2024-03"
    page = LYNX_PAGE.replace(STAMP, "   Mars 2024\n   Auteur : Jeanne Castel")
    assert _stage_run(page).published is None  # no issue named: a month alone dates nothing


def test_an_event_s_period_is_no_publication_stamp() -> None:
    from veille.clean.stamps import stamps

    assert stamps("3 mars 2024 - 10 h 00 min / 9 juin 2024 - 18 h 00 min") == []  # an agenda's item
    assert stamps("Du 9 décembre 2025 à 10h au 17 janvier 2026 à 18h") == []
    assert stamps("3 mars 2024 à 10h05") == [("published", "3 mars 2024 à 10h05")]
