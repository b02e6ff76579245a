"""How a dump's headline candidates are formed, and where the foot's stamps stop (issue 11): a
breadcrumb glued into one line gives its last item, a byline under a short headline is not its
second half, a section name going on in lower case is the headline's own, a longer copy of the
headline after a comma is no caption, and the readers' dates after a comments heading never date
the article. Every page, name and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, _stage_run, lynx
from veille.clean.browser import _is_caption
from veille.clean.crumbs import crumb_tail, split_glued_crumbs
from veille.clean.dump import Unit
from veille.clean.headline import broken_headline
from veille.clean.shapes import strip_kicker
from veille.clean.title_evidence import glued_pair, listed_terms

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
STAMP = "   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"


def test_a_glued_breadcrumb_gives_its_last_item() -> None:
    assert crumb_tail("AccueilActualitésTransportsLe pont de la Lisse rouvre") == "Le pont de la Lisse rouvre"
    # Home and one item, a plain crumb, a menu of one-word items, a phrase opening on "Accueil": none.
    for line in ("AccueilSports", "Accueil > Actualités > Le pont rouvre", "AccueilSportsCultureMétéo",
                 "Accueil des réfugiés à Valmorin"):
        assert crumb_tail(line) is None
    us = split_glued_crumbs([Unit("AccueilActualitésTransportsLe pont de la Lisse rouvre", "text", 4, 3)])
    assert [(u.text, u.kind) for u in us] == [("AccueilActualitésTransports", "text"),
                                              ("Le pont de la Lisse rouvre", "text")]


def test_the_headline_at_the_end_of_a_glued_breadcrumb_is_the_title() -> None:
    page = LYNX_PAGE.replace(f"{HEADLINE}\n\n{STAMP}\n", "\n".join([
        f"   AccueilActualitésTransports{HEADLINE}", "", "   par", "   Jeanne Castel", "   12 mars 2024", ""]))
    art = _stage_run(page)
    assert art.title == HEADLINE
    assert art.published == "2024-03-12"


def test_a_byline_in_lower_case_is_not_the_headlines_second_line() -> None:
    us = [Unit("Le pont de la Lisse", "heading", 10, 0), Unit("par Jeanne Castel", "text", 11, 3)]
    assert broken_headline(us, 0) == "Le pont de la Lisse"
    us = [Unit("Le Vercorin adopte", "heading", 10, 0), Unit("un budget tourné vers les transports", "heading", 11, 0)]
    assert broken_headline(us, 0) == "Le Vercorin adopte un budget tourné vers les transports"


def test_a_section_name_going_on_in_lower_case_is_the_headlines_own() -> None:
    assert strip_kicker("Politique de la ville - Plus de gardiens dans les quartiers de Valmorin ?") \
        == "Politique de la ville - Plus de gardiens dans les quartiers de Valmorin ?"
    assert strip_kicker("Politique Le maire de Valmorin démissionne après trois ans") \
        == "Le maire de Valmorin démissionne après trois ans"


def test_a_longer_copy_of_the_headline_after_a_comma_is_no_caption() -> None:
    short = "Un pont piéton relie enfin les deux rives"
    us = [Unit(short, "text", 10, 3), Unit(f"{short}, une première depuis un siècle à Valmorin !", "heading", 12, 0)]
    assert not _is_caption(us, 1)
    # The picture's alt text, then its caption with the credit appended: a caption.
    us = [Unit(short, "text", 10, 3), Unit(f"{short} — Photo Jeanne Castel", "text", 12, 3)]
    assert _is_caption(us, 1)


def test_a_readers_reply_past_a_comments_heading_does_not_date_the_article() -> None:
    thread = "\n".join([
        "4 Commentaires", "",
        "    1.", "   Marcel Tardieu 4 février 2017 à 15 h 42 min",
        "       Un pont enfin, il était temps.", "       Répondre",
        "    2.", "   Lisette 4 février 2017 à 20 h 53 min",
        "       Et les cyclistes, on y pense ?", "       Répondre",
        "        Jeanne Castel 15 février 2017 à 20 h 53 min",  # (the author answers her readers)
        lynx("Merci Lisette, le chantier a été long et les riverains ont beaucoup patienté, mais la passerelle "
             "change déjà la vie des écoliers du quartier des Tanneurs qui traversent la rivière chaque matin "
             "pour rejoindre le collège de la rive gauche sans faire le grand détour par la route."),
        "            Répondre", ""])
    page = LYNX_PAGE.replace(STAMP, "   Par Jeanne Castel").replace(
        "   12 partages\n", f"{lynx(PARA_1 + ' ' + PARA_2)}\n\n{thread}\n   12 partages\n")
    assert _stage_run(page).published is None


def test_a_menu_printed_as_one_line_is_no_headline_nor_prose() -> None:
    assert listed_terms("Agriculture Assurance Culture Défense Éducation Emploi Énergie Entreprise Environnement "
                        "Finances Industrie Justice")
    assert listed_terms("Vie locale de Valmorin Grands travaux de la vallée Sports en salle Écoles et collèges "
                        "Marchés et foires Culture et patrimoine Transports")
    # A long headline with names, a sentence, a headline with its colon: none.
    for line in ("Le maire de Valmorin Jeanne Castel reçoit Marcel Tardieu et Lise Marchal pour parler du pont",
                 "La commune de Valmorin a inauguré samedi le pont piéton qui relie enfin les deux rives.",
                 "Valmorin : Jeanne Castel Marcel Tardieu Lise Marchal Paul Roux et Awa Koné au conseil"):
        assert not listed_terms(line)
    menu = ("Vie locale de Valmorin Grands travaux de la vallée Sports en salle Écoles et collèges "
            "Marchés et foires Culture et patrimoine Transports")
    page = LYNX_PAGE.replace("   Le Courrier de Valmorin\n", f"   Le Courrier de Valmorin\n\n{lynx(menu)}\n")
    assert _stage_run(page).title == HEADLINE


def test_a_standfirst_closing_the_headline_glued_to_it_is_no_crumbs_end() -> None:
    head, dek = "le pont de la lisse rouvre enfin", "les riverains attendaient ce jour depuis deux ans"
    assert glued_pair(f"{head} {dek}", dek, [head, f"{head} {dek}", dek])
    # A breadcrumb's items are printed nowhere on their own: its last item is the headline's mark.
    assert not glued_pair(f"accueil actualités transports {head}", head, [head, f"accueil actualités transports {head}"])


def test_a_caption_printed_twice_with_its_day_is_no_menu() -> None:
    assert not listed_terms("Marché de Noël à Valmorin Publié le 19 novembre 2022 à 10h05 Marché de Noël "
                            "à Valmorin Publié le 19 novembre 2022 à 10h05")
