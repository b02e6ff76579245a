"""A headline and its standfirst run onto one line (clean/standfirst.py); invented lines."""

from __future__ import annotations

import pytest

from veille.clean.browser import clean_dump
from veille.clean.standfirst import split_headline


@pytest.mark.parametrize("line,head", [
    ("Le marché couvert rouvre ses portes Les commerçants de Valmorin ont retrouvé leurs étals après deux ans "
     "de travaux.", "Le marché couvert rouvre ses portes"),
    ("Faut-il fermer la piscine de Pontarlieu ? Depuis des mois, élus et riverains s'opposent sur le coût "
     "de sa rénovation.", "Faut-il fermer la piscine de Pontarlieu ?"),
    ("Awa Kerbrat : « Nous ne lâcherons rien » La présidente du syndicat des taxis promet de nouvelles "
     "actions dès la semaine prochaine.", "Awa Kerbrat : « Nous ne lâcherons rien »"),
    ("Visite de l'usine ZIL Une centaine de curieux ont découvert samedi les ateliers abandonnés de la "
     "vieille usine.", "Visite de l'usine ZIL"),
    # Openers compared without accents, elided, first part of a compound, a place or a time.
    ("Le lavoir de Valmorin sera restauré Malgré le coût des travaux, la mairie a choisi de garder le "
     "vieux bâtiment.", "Le lavoir de Valmorin sera restauré"),
    ("Le lavoir de Valmorin sera restauré L'association des riverains a obtenu gain de cause après "
     "trois ans de bataille.", "Le lavoir de Valmorin sera restauré"),
    ("Le lavoir de Valmorin sera restauré Vingt-deux bénévoles se relaieront tout l'été pour aider "
     "les artisans du chantier.", "Le lavoir de Valmorin sera restauré"),
    ("Le lavoir de Valmorin sera restauré À Pontarlieu, le projet voisin attend encore le feu vert de "
     "la région.", "Le lavoir de Valmorin sera restauré"),
    ("La crèche ferme ses portes à l'ONU Au lendemain de l'annonce, les parents du personnel cherchent "
     "une solution de garde.", "La crèche ferme ses portes à l'ONU"),
    # A standfirst opening on its subject's given name and surname.
    ("Le marché couvert rouvre ses portes Jeanne Vautrin, maire de Valmorin, a coupé le ruban devant "
     "une foule de commerçants.", "Le marché couvert rouvre ses portes"),
    ("La piscine de Pontarlieu fermera cet hiver Léon Barthelet a confirmé lundi le report des travaux "
     "de rénovation du bassin.", "La piscine de Pontarlieu fermera cet hiver"),
])
def test_headline_run_onto_its_standfirst_is_split(line: str, head: str) -> None:
    assert split_headline(line) == (head, line[len(head) + 1:])


def test_a_picture_between_headline_and_standfirst_is_left_out() -> None:
    assert split_headline("Awa Kerbrat : « Le lavoir restera » [photo-lavoir.jpg] Retour sur une bataille "
                          "de trois ans entre la mairie et les riverains.") == (
        "Awa Kerbrat : « Le lavoir restera »", "Retour sur une bataille de trois ans entre la mairie et les riverains.")


@pytest.mark.parametrize("line", [
    "Le maire de Valmorin démissionne.",  # a headline closed by a period
    "Le chef de l'État a reçu mardi Jean Dupont à l'Élysée pour parler de la réforme des retraites.",
    # A name after a headline word in capitals or a linking word is the line's own.
    "La mairie de Valmorin et Jeanne Vautrin, sa première adjointe, présentent le budget de la ville aux habitants.",
    "Visite à Pontarlieu Léon Barthelet a inauguré samedi la nouvelle médiathèque devant cent invités.",
    "La candidate Marine Le Pen a tenu un meeting à Lille devant deux mille militants enthousiastes.",
    "Selon le maire de Valmorin Le Bars avait promis de rouvrir la piscine avant la fin de l'année.",
    "Les pompiers sont intervenus mardi. Le feu a parcouru dix hectares de garrigue près de Valmorin.",
    "Le port de La Rochelle accueille un nouveau ferry pour les îles avec deux cents passagers à bord.",
    "À Valmorin, l'association Les Amis du lavoir restaure le vieux bâtiment avec l'aide de la mairie.",
    "Des milliers de visiteurs sont attendus samedi à la cathédrale Notre-Dame de Valmorin pour sa réouverture.",
    # A preposition in capitals between two capitalised words is a name's ("… Union En Avant").
    "Le député Paul Durand soutient l'Union En Avant pour les élections municipales de Valmorin cette année.",
])
def test_prose_and_names_are_not_split(line: str) -> None:
    assert split_headline(line) is None


def test_dump_headline_with_its_standfirst_on_its_line() -> None:
    dump = ("   Accueil   Politique   Société\n\n"
            "Le marché couvert de Valmorin rouvre ses portes Les commerçants ont retrouvé leurs étals après "
            "deux ans de travaux sous la nouvelle charpente.\n\n"
            "   Par Jeanne Vautrin\n\n"
            "   Le marché couvert de Valmorin a rouvert ses portes samedi matin, après deux ans de travaux\n"
            "   menés par la commune. Une centaine de commerçants y ont retrouvé leurs étals.\n\n"
            "   La rénovation a coûté trois millions d'euros, financés pour moitié par la région, selon\n"
            "   la mairie, qui prévoit une fête d'inauguration le mois prochain.\n")
    cleaned = clean_dump(dump)
    assert cleaned.title == "Le marché couvert de Valmorin rouvre ses portes"


CAPS_PAGE = ("   Accueil   Politique   Société\n\n"
             "FRAUDE AU PÉAGE DE VALMORIN\n\n"
             "   Par Jeanne Vautrin\n\n"
             "   Une fraude au péage de Valmorin a coûté près de deux millions d'euros à la société\n"
             "   d'autoroute, qui a porté plainte mardi. Une trentaine de camions passaient sans payer.\n\n"
             "   Les enquêteurs de la gendarmerie ont saisi les badges utilisés par les transporteurs,\n"
             "   selon le parquet, qui a ouvert une information judiciaire.\n")


def test_short_headline_in_capitals() -> None:
    from veille.clean.headline import caps_headline

    assert clean_dump(CAPS_PAGE).title == "FRAUDE AU PÉAGE DE VALMORIN"
    assert caps_headline("FRAUDE AU PÉAGE DE VALMORIN", {"fraude", "peage", "valmor"})
    assert not caps_headline("RADIO DU MONDE", {"fraude", "peage", "valmor"})  # a site name its lede ignores
    assert not caps_headline("PHOTO JEANNE VAUTRIN, LE COURRIER", set(), anchored=True)  # a credit


def test_a_question_and_its_answer_in_the_article_stay_one_paragraph() -> None:
    from veille.clean.dump import Unit
    from veille.clean.standfirst import split_standfirsts

    lede = Unit("Le marché couvert de Valmorin a rouvert ses portes samedi matin, après deux ans de travaux "
                "menés par la commune et la région, en présence d'une centaine de commerçants et de leurs "
                "premiers clients venus des villages voisins.", "text", 4, 3)
    later = Unit("Mais est-ce vraiment rentable ? Les commerçants attendent de voir venir les clients "
                 "pendant plusieurs mois avant de se prononcer.", "text", 8, 3)
    assert split_standfirsts([lede, later]) == [lede, later]
    assert len(split_standfirsts([later])) == 2  # above the first paragraph: a headline and its standfirst


def test_a_site_notice_above_the_page_does_not_stop_the_split() -> None:
    """A paragraph of the site's own (a notice at the top of the page) is no body yet: the headline
    at the margin under it, run onto its standfirst, is still split; not under two paragraphs."""
    from veille.clean.dump import Unit
    from veille.clean.standfirst import split_standfirsts

    notice = Unit("Le contenu de ce site est le fruit du travail des journalistes de la rédaction qui vous "
                  "apportent chaque jour une information locale de qualité, vérifiée et complète, sur "
                  "votre commune et votre département.", "text", 2, 3)
    glued = Unit("Le marché couvert de Valmorin rouvre ses portes Les commerçants ont retrouvé leurs étals "
                 "après deux ans de travaux sous la nouvelle charpente.", "heading", 20, 0)
    parts = split_standfirsts([notice, glued])
    assert [u.text for u in parts[1:]] == [
        "Le marché couvert de Valmorin rouvre ses portes",
        "Les commerçants ont retrouvé leurs étals après deux ans de travaux sous la nouvelle charpente."]
    lede = Unit(notice.text.replace("Le contenu", "Le texte"), "text", 22, 3)
    assert split_standfirsts([notice, lede, glued]) == [notice, lede, glued]  # (two paragraphs: the body)


def test_a_line_no_margin_tells_from_the_text_is_split_under_one_paragraph() -> None:
    """Under one paragraph (a notice, a caption, a teaser above the headline), a line no margin sets
    apart (w3m, a copy) is split too, but before an opening word only: a question and its answer,
    a name run on, stay one paragraph there (the paragraph above may be the lede)."""
    from veille.clean.dump import Unit
    from veille.clean.standfirst import split_standfirsts

    caption = Unit("Des bénévoles de l'association des riverains installent les stands du marché de Noël sur la "
                   "place de la mairie de Valmorin, samedi matin, sous une pluie fine qui n'a découragé "
                   "personne parmi les exposants.", "text", 2, 0)
    glued = Unit("Le marché couvert de Valmorin rouvre ses portes Les commerçants ont retrouvé leurs étals "
                 "après deux ans de travaux sous la nouvelle charpente.", "text", 20, 0)
    assert [u.text for u in split_standfirsts([caption, glued])[1:]] == [
        "Le marché couvert de Valmorin rouvre ses portes",
        "Les commerçants ont retrouvé leurs étals après deux ans de travaux sous la nouvelle charpente."]
    question = Unit("Mais est-ce vraiment rentable ? Les commerçants attendent de voir venir les clients "
                    "pendant plusieurs mois avant de se prononcer.", "text", 8, 0)
    named = Unit("Le maire a ouvert la séance en saluant Jeanne Vautrin, la doyenne du conseil, qui siège depuis "
                 "quarante ans sans interruption.", "text", 9, 0)
    assert split_standfirsts([caption, question, named]) == [caption, question, named]
    assert len(split_standfirsts([question])) == 2  # (above any paragraph: a headline and its standfirst)


def test_a_date_run_onto_a_line_opens_no_standfirst() -> None:
    assert split_headline("Le journal de la mi-journée présenté depuis Valmorin Mardi 4 mars 2025, 13:05 avec "
                          "les reportages de la rédaction sur la crue du Vercorin.") is None
    assert split_headline("Le conseil de Valmorin vote son budget Lundi 3 mars, les élus du Vercorin ont longuement "
                          "débattu d'une décision qui divise.") == (
        "Le conseil de Valmorin vote son budget",
        "Lundi 3 mars, les élus du Vercorin ont longuement débattu d'une décision qui divise.")


@pytest.mark.parametrize("line,head", [
    ("Un cycliste renversé sur la route de Pontarlieu Awa Kerbrat, avocate de la famille, dénonce une enquête "
     "menée dans la précipitation.", "Un cycliste renversé sur la route de Pontarlieu"),
    ("La crèche ferme ses portes à l'ONU Jeanne Vautrin, la présidente du comité, a confirmé lundi la "
     "fermeture devant une salle comble.", "La crèche ferme ses portes à l'ONU"),
])
def test_a_standfirst_opening_on_a_named_role_after_a_capitalised_word(line: str, head: str) -> None:
    """A headline closing on a capitalised word, its standfirst opening on a name set in apposition
    with a role: split there."""
    parts = split_headline(line)
    assert parts is not None and parts[0] == head


@pytest.mark.parametrize("line", [
    "Le patron de Valtrans Léon Barthelet a été entendu lundi à Pontarlieu pour des soupçons de fraude.",
    "Le patron de Valtrans Léon Barthelet, entendu lundi à Pontarlieu, est soupçonné de fraude depuis des années.",
])
def test_a_name_run_on_after_a_capitalised_word_is_not_split(line: str) -> None:
    assert split_headline(line) is None
