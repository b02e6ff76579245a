"""Dates of lists under an article are no stamp of its own (issue 11): a related list whose items
each print their "Publié le …", a thread of comments set as bullets under its heading, a teaser's
headline naming a day without its year. When the article's own stamp is missing, no date is better
than another item's. Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_3, _stage_run, lynx
from veille.clean.dump import Unit
from veille.clean.near_dates import near_headline
from veille.clean.stamp_lists import foot_list

STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
RELATED = "\n".join([
    "   Sur le même thème",
    "     * Le marché couvert de Valmorin rouvre ses portes après deux ans",
    "       Publié le 25 février 2024 à 16h42",
    "     * Trois pistes cyclables promises le long de la Lisse",
    "       Publié le 19 février 2024 à 12h35",
    "     * La gare rénovée accueille ses premiers voyageurs",
    "       Publié le 2 février 2024 à 09h10",
    "",
])
THREAD = "\n".join([
    "   4 commentaires",
    "     * Marcel78",
    "       le 14/03/2024 à 17:40",
    "       Enfin un pont, il était temps.",
    "     * Lisette",
    "       le 14/03/2024 à 07:42",
    "       Et les cyclistes, on y pense ?",
    "",
])


def _units(*texts: str) -> list[Unit]:
    return [Unit(t, "bullet" if t.startswith("*") else "text", i, 3) for i, t in enumerate(texts)]


def test_a_stamp_printed_like_its_neighbours_of_other_days_is_an_item() -> None:
    us = _units("Le pont est ouvert tous les jours.", "* Le marché couvert rouvre",
                "Publié le 25 février 2024 à 16h42", "* Trois pistes cyclables",
                "Publié le 19 février 2024 à 12h35")
    assert foot_list(us, {2}, ["Publié le 25 février 2024 à 16h42"])
    # One stamp closing the text, the next dated line printed otherwise (a reader's): the article's.
    us = _units("Le pont est ouvert tous les jours.", "Publié le 12 mars 2024 à 07h45",
                "Marcel78 — le 14 mars 2024 à 08h12")
    assert not foot_list(us, {1}, ["Publié le 12 mars 2024 à 07h45"])


def test_a_stamp_under_a_comments_heading_is_a_readers() -> None:
    us = _units("Le pont est ouvert tous les jours.", "4 commentaires", "* Marcel78", "le 14/03/2024 à 17:40")
    assert foot_list(us, {3}, ["le 14/03/2024 à 17:40"])


def test_a_related_list_under_an_undated_article_does_not_date_it() -> None:
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace(
        f"{lynx(PARA_3)}\n", f"{lynx(PARA_3)}\n\n{RELATED}")
    art = _stage_run(page)
    assert art.published is None


def test_a_thread_of_bulleted_comments_does_not_date_the_article() -> None:
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace("Sur le même sujet\n", f"{THREAD}\nSur le même sujet\n")
    assert _stage_run(page).published is None
    # The article's own stamp printed above the thread still dates it.
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace(
        "Sur le même sujet\n", f"   Publié le 12/03/2024 à 07:45\n\n{THREAD}\nSur le même sujet\n")
    assert _stage_run(page).published == "2024-03-12"


def test_a_teasers_day_without_its_year_is_no_stamp() -> None:
    teaser = "   Pourquoi il faut aller au marché aux fleurs du 23 novembre\n\n"
    page = LYNX_PAGE.replace(STAMP, f"{teaser}   Par Jeanne Castel")
    assert _stage_run(page).published is None


def test_a_date_closing_a_short_line_by_the_headline() -> None:
    us = _units("Par Léa Roy Jardinage 21 mars 2014", "Les semis de printemps au balcon",
                "Semer en godets dès la fin de l'hiver donne des plants plus robustes, disent les jardiniers.")
    assert near_headline(us, 1) == "Par Léa Roy Jardinage 21 mars 2014"
    # Not a caption with its credit, a sentence, a teaser's "date - headline", the teaser lists.
    for line in ("Le marché du 3 mars 2024. © Photo L. Roy", "Le marché a rouvert le 3 mars 2024.",
                 "3 mars 2024 - Le marché couvert rouvre ses portes après deux ans de travaux"):
        assert near_headline(_units(line, "Les semis de printemps au balcon"), 1) is None
    assert near_headline(us, 1, skip={0}) is None


def test_a_byline_glued_to_its_rubric_over_the_headline_dates_the_page() -> None:
    page = LYNX_PAGE.replace(f"Un pont piéton relie enfin les deux rives de la Lisse\n\n{STAMP}\n", "\n".join([
        "   Par Jeanne Castel Transports12 mars 2024", "",
        "Un pont piéton relie enfin les deux rives de la Lisse", ""]))
    art = _stage_run(page)
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert art.published == "2024-03-12"


def test_no_date_is_read_past_the_articles_head() -> None:
    para = "Semer en godets dès la fin de l'hiver donne des plants plus robustes, disent les jardiniers."
    us = _units("Les semis de printemps au balcon", para, para.replace("Semer", "Repiquer"),
                "Marcel78 le 14 mars 2024")
    assert near_headline(us, 0) is None  # (a reader's line under a short article's second paragraph)
    assert near_headline(us[:2] + us[3:], 0, end=2) is None  # (the readers' thread from unit 2)
