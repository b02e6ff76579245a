"""The headline and the stamps of text dumps, by signals no site's layout decides (invented pages).

Each page is written for these tests (invented outlet, people, places): a headline that agrees
with its lede beats a menu or a notice line; a headline under a caption that opens the prose run;
a pull quote repeating the text; glued menus; related-link arrows; a page w3m wrapped at 80
columns without margin; ISO machine stamps; a byline's date with its hour before the update cue.
"""

from __future__ import annotations

import textwrap

from veille.clean.browser import clean_dump
from veille.clean.dump import is_browser_dump, is_page_copy
from veille.clean.headline import (
    content_stems,
    glued_menu,
    lede_agreement,
    not_a_headline,
    quoted_in_body,
    shape_penalty,
)
from veille.clean.stamps import stamps
from veille.common.dates import find_date_in_line

LEDE = ("Deux lycéens de Bourg-Valmont et leur professeure attaquent l'État en justice pour "
        "discrimination, après un contrôle d'identité en gare au retour d'un voyage scolaire, "
        "a annoncé leur avocate, Maître Lise Fabre, lundi devant le tribunal.")
PARA_2 = ("Les deux élèves, âgés de dix-sept ans, disent avoir été fouillés devant leurs camarades "
          "sans qu'aucun motif ne leur soit donné, selon la plainte déposée la semaine dernière.")
PARA_3 = ("Le ministère n'a pas souhaité réagir. L'audience est fixée au mois de mars, et l'avocate "
          "demande un euro symbolique ainsi que la publication du jugement dans la presse locale.")
HEADLINE = "Deux lycéens et leur professeure attaquent l'État pour discrimination"


def lynx(text: str) -> str:
    return textwrap.fill(text, width=76, initial_indent="   ", subsequent_indent="   ")


def w3m(text: str) -> str:
    return textwrap.fill(text, width=80)


def test_lede_agreement_prefers_the_headline_over_a_notice() -> None:
    lede = content_stems(LEDE + " " + PARA_2)
    words = len((LEDE + " " + PARA_2).split())
    assert lede_agreement(HEADLINE, lede, words) > 1.0
    # A form's message shares no word with the article: it loses.
    assert lede_agreement("Veuillez saisir une adresse électronique valide", lede, words) < 0
    # Inflection: "inondations" meets "inondation" on their first six letters.
    assert content_stems("inondations") == content_stems("inondation")


def test_a_pull_quote_gets_no_agreement() -> None:
    quote = "« Nous voulons seulement être traités comme les autres »"
    body = [f"Le plus jeune le dit simplement : « Nous voulons seulement être traités comme les autres », "
            f"sans colère. {PARA_3}"]
    from veille.clean.text import line_key
    keys = [line_key(b) for b in body]
    assert quoted_in_body(quote, keys)
    assert lede_agreement(quote, content_stems(body[0]), 60, keys) == 0.0


def test_glued_menus_and_link_arrows_are_no_headlines() -> None:
    assert glued_menu("MétéoAnnoncesEmploiJeuxBoutique Nos services")
    assert not glued_menu("YouTube, LinkedIn et TikTok condamnés à une amende par la Cnil")
    assert not_a_headline(">> Crues : la décrue s'amorce enfin dans la vallée")
    assert not not_a_headline(HEADLINE)
    assert shape_penalty("3. Léo Martin (Équipe Azur) à 12 secondes") < 0
    assert shape_penalty("La sociologue Léa Roy.") < 0
    assert shape_penalty(HEADLINE) == 0.0


PAGE_NOTICE = f"""   #alternate Le Courrier de Bourg-Valmont » Flux

     * Accueil
     * Société
     * Justice

   Envoyer par e-mail
   Votre adresse e-mail* ____________________
   (BUTTON) Envoyer

   Veuillez saisir une adresse électronique valide

Deux lycéens et leur professeure attaquent l'État pour discrimination

   Signaler une erreur

   Orthographe [ ]
   Ponctuation [ ]

   Veuillez vérifier votre adresse électronique

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_the_headline_agreeing_with_the_lede_wins_over_a_form_line() -> None:
    cleaned = clean_dump(PAGE_NOTICE)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs[0].startswith("Deux lycéens de Bourg-Valmont")


CAPTION = ("Des élèves attendent sur le quai de la gare de Bourg-Valmont, un matin de rentrée, devant "
           "un train régional en retard de vingt minutes selon les affichages.")
PAGE_CAPTION_FIRST = f"""     * Accueil
     * Société

{lynx(CAPTION)}
   © Photo Agence Azur

{HEADLINE}

   Par Nora Belkacem
   Publié le 14/03/2023 à 18h05

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_headline_under_a_caption_that_opens_the_run() -> None:
    cleaned = clean_dump(PAGE_CAPTION_FIRST)
    assert cleaned.title == HEADLINE
    assert not any(p.startswith("Des élèves attendent") for p in cleaned.paragraphs)
    assert any(find_date_in_line(d) for d in cleaned.date_lines)


PAGE_W3M = "\n".join([
    "MétéoAnnoncesEmploiJeuxBoutiqueNos servicesJe m'abonne",
    "Le Courrier de Bourg-Valmont",
    "À la uneSociétéSportsCultureÉconomie",
    "",
    *(["Bourg-ValmontSaint-LouvierLa Roche-SurgeMontlisPort-Arnaud", ""] * 3),
    HEADLINE,
    "",
    "Par Nora Belkacem",
    "Publié le 14/03/2023 à 18h05",
    "",
    *(w3m(p) + "\n" for p in (LEDE, PARA_2, PARA_3, LEDE.replace("lundi", "mardi"), PARA_2, PARA_3,
                             PARA_3.replace("mars", "avril"), PARA_2.replace("semaine", "veille"),
                             PARA_3.replace("mars", "mai"), PARA_2.replace("semaine", "nuit"))),
    "AbonnementsPublicitéRédactionNous rejoindre",
    "Mentions légalesConfidentialitéCookies",
])


def test_a_w3m_page_without_marks_is_read_as_a_dump() -> None:
    assert not is_browser_dump(PAGE_W3M)
    assert is_page_copy(PAGE_W3M)  # hard-wrapped at one column
    cleaned = clean_dump(PAGE_W3M)
    assert cleaned.title == HEADLINE
    # A plain article pasted on a few long lines is not a dump.
    assert not is_page_copy("\n\n".join([HEADLINE, LEDE, PARA_2, PARA_3]))


def test_machine_and_byline_stamps() -> None:
    assert stamps("2023-03-14T17:05:12.200Z - Nora Belkacem") == [
        ("published", "2023-03-14T17:05:12.200Z - Nora Belkacem")]
    found = stamps("Nora BELKACEM - 14 mars 2023 à 18:05 | mis à jour le 15 mars 2023 à 09:12")
    assert found[0] == ("published", "14 mars 2023")
    assert found[1][0] == "updated"


PAGE_BULLET_STAMP = f"""     * Accueil
     * Société
     * Le plus lu

     * lundi 13/03/2023 à 17h53 - Mis à jour à 18h02
     * | Société

{HEADLINE}

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_stamp_set_as_a_list_item_right_above_the_headline() -> None:
    cleaned = clean_dump(PAGE_BULLET_STAMP)
    assert cleaned.title == HEADLINE
    assert find_date_in_line(cleaned.date_lines[0]).iso() == "2023-03-13"


def test_place_tags_and_dated_section_lines_are_unlikely_headlines() -> None:
    assert shape_penalty("Place du Marché, Valmorin, France") < 0
    assert shape_penalty("Société Monde 13/03/2023") < 0
    assert shape_penalty("Valmorin : la place du Marché rouvre après deux ans de travaux") == 0.0


PAGE_PICTURE_THEN_HEADLINE = f"""     * Accueil
     * {HEADLINE}

   [une-valmont.jpg]

{HEADLINE}

   Société Justice 13/03/2023

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_heading_under_the_picture_is_the_headline_not_its_caption() -> None:
    cleaned = clean_dump(PAGE_PICTURE_THEN_HEADLINE)
    assert cleaned.title == HEADLINE


SLIDE = "Le cortège devant la mairie de Valmorin le 13 mars 2023"
PAGE_SLIDESHOW = f"""{HEADLINE}

   Par Nora Belkacem

   Lancer le diaporama

   {SLIDE}

   {SLIDE}

   {SLIDE}

   {SLIDE}

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_slideshow_caption_printed_again_and_again_is_no_headline() -> None:
    assert clean_dump(PAGE_SLIDESHOW).title == HEADLINE


def test_glued_cue_credit_tail_and_trailing_stamp() -> None:
    from veille.clean.headline import strip_trailing_stamp
    found = stamps("Publié2 mars 2023, 21:35")  # a text browser glues inline elements
    assert found and find_date_in_line(found[0][1]).iso() == "2023-03-02"
    assert not_a_headline("Léa et Paul ouvrent un bar rue des Tanneurs, à Valmorin.Photo Nora Belkacem")
    assert strip_trailing_stamp(f"{HEADLINE} 13/03/2023 14:36") == HEADLINE
    assert strip_trailing_stamp("Publié le 13/03/2023") == "Publié le 13/03/2023"


PAGE_STAMPED_HEADLINE = f"""     * International
     * Société

   {HEADLINE} 13/03/2023 14:36

{lynx(LEDE)}

   >> Valmorin : le tribunal renvoie l'audience au mois de mai

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_headline_printed_with_its_stamp_on_one_line() -> None:
    cleaned = clean_dump(PAGE_STAMPED_HEADLINE)
    assert cleaned.title == HEADLINE
    assert find_date_in_line(cleaned.date_lines[0]).iso() == "2023-03-13"


PAGE_DOUBLED_CAPTION = f"""Société

19 janvier 2023

{CAPTION}

{CAPTION} Agence Azur

En marge

{HEADLINE}

{LEDE}

{PARA_2}

{PARA_3}
"""


def test_a_headline_under_a_doubled_caption_that_opens_the_run() -> None:
    cleaned = clean_dump(PAGE_DOUBLED_CAPTION)
    assert cleaned.title == HEADLINE


PAGE_LIVE_BOX = f"""     * Accueil
     * Société

{HEADLINE}

   EN DIRECT
   18:40
   Les lycéens de Bourg-Valmont reçus par la rectrice
   17:55
   Valmont : la gare rouverte aux voyageurs après une alerte

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_an_entry_of_a_live_feed_is_no_headline() -> None:
    from veille.clean.dump import units
    from veille.clean.headline import live_entry

    us = units(PAGE_LIVE_BOX)
    at = next(i for i, u in enumerate(us) if u.text.startswith("Les lycéens"))
    assert live_entry(us, at)
    assert not live_entry(us, next(i for i, u in enumerate(us) if u.text == HEADLINE))
    cleaned = clean_dump(PAGE_LIVE_BOX)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs[0].startswith("Deux lycéens de Bourg-Valmont")


_RELATED = "\n".join(f"     * Valmont : le conseil municipal de la séance numéro {k} en questions" for k in range(40))
PAGE_FAR_HEADLINE = f"""     * Accueil
     * Société
     * {HEADLINE}

{HEADLINE}

   agrandir {HEADLINE}
     * Imprimer
     * Envoyer

{_RELATED}

Sur le net

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""


def test_a_headline_far_above_the_text_named_by_the_breadcrumb() -> None:
    cleaned = clean_dump(PAGE_FAR_HEADLINE)
    assert cleaned.title == HEADLINE
    # What lies between the headline and the text is not the article.
    assert cleaned.paragraphs[0].startswith("Deux lycéens de Bourg-Valmont")
    assert not any("séance numéro" in p for p in cleaned.paragraphs)


def test_a_short_copy_from_a_text_browser_s_screen_keeps_its_wrapped_headline() -> None:
    long_headline = ("Deux lycéens de Bourg-Valmont et leur professeure attaquent l'État pour discrimination "
                     "après un contrôle en gare")
    copy = "\n\n".join([w3m(long_headline), w3m(LEDE), w3m(PARA_2), w3m(PARA_3), w3m(PARA_2.replace("semaine", "veille")),
                        w3m(PARA_3.replace("mars", "avril"))])
    assert is_page_copy(copy)
    cleaned = clean_dump(copy)
    assert cleaned.title == long_headline
    assert cleaned.paragraphs[0] == LEDE
    # An article pasted with one line per paragraph is no screen copy.
    assert not is_page_copy("\n\n".join([long_headline, LEDE, PARA_2, PARA_3, PARA_2, PARA_3] * 2))


PAGE_BYLINE_AND_ISSUE = f"""     * Accueil
     * Société

{HEADLINE}

   Par Nora Belkacem, le 14 mars 2023 à 18h05

{lynx(LEDE)}

{lynx(PARA_2)}

{lynx(PARA_3)}

   Le magazine
   Paru le 10 janvier 2024
     * S'abonner
"""


def test_the_author_s_dated_byline_wins_over_a_magazine_issue_s_stamp() -> None:
    cleaned = clean_dump(PAGE_BYLINE_AND_ISSUE)
    assert cleaned.title == HEADLINE
    assert find_date_in_line(cleaned.date_lines[0]).iso() == "2023-03-14"


def test_section_name_in_capitals_glued_before_the_headline() -> None:
    from veille.clean.shapes import strip_kicker

    assert strip_kicker("ÉCONOMIE Valmorin : la fromagerie embauche vingt salariés") == \
        "Valmorin : la fromagerie embauche vingt salariés"
    # A name in capitals opening the headline stays ("PSG", a title-case section before a name).
    assert strip_kicker("SPORTS PSG : le club recrute un attaquant") == "SPORTS PSG : le club recrute un attaquant"
    assert strip_kicker("Société Générale ferme son agence de Valmorin") == "Société Générale ferme son agence de Valmorin"


def test_a_line_printing_its_words_twice_is_read_once() -> None:
    from veille.clean.headline import undouble

    assert undouble("Le lavoir de Valmorin rouvre Le lavoir de Valmorin rouvre") == "Le lavoir de Valmorin rouvre"
    assert undouble("Vous vous vous") == "Vous vous vous"  # odd: no double
    assert undouble("Bravo bravo") == "Bravo bravo"  # too short a half
