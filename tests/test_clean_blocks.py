"""Blocks of a dump that read like prose and are not the article (``veille.clean.blocks``).

Every page below is invented (text, names, sites), written in lynx's dump style.
"""

from __future__ import annotations

import textwrap

from test_clean_dumps import PARA_1, PARA_2, PARA_3, lynx
from veille.clean.blocks import consent_zone, is_ticker, list_run, speaks_to_reader
from veille.clean.browser import clean_dump
from veille.clean.dump import units

HEAD = """   * Accueil
   * Région
   * Sports
   * Culture

   ____________________ (BUTTON) Rechercher

Un pont piéton relie enfin les deux rives de la Lisse

   Par Jeanne Castel
   12 mars 2024 à 10:45
"""

# A privacy settings panel: the notice names cookies, each purpose below is explained in long
# sentences that name none, between switches and buttons.
PANEL_1 = ("Certains outils sont indispensables au fonctionnement du site et de l'application : ils "
           "permettent la connexion des abonnés, la sécurité des paiements et la mémorisation de vos "
           "préférences d'affichage d'une visite à l'autre.")
PANEL_2 = ("Ces outils nous permettent de compter les visites et les sources de trafic, afin de mesurer "
           "et d'améliorer la performance du site ; toutes les informations recueillies sont agrégées "
           "et donc anonymes, et elles sont conservées treize mois au plus.")
PANEL_3 = ("Ces services affichent dans nos articles des contenus hébergés ailleurs, vidéos, cartes et "
           "publications de réseaux sociaux, et peuvent suivre votre navigation sur d'autres sites que "
           "le nôtre, selon les règles propres à chacun de ces services.")
CONSENT_PAGE = f"""{HEAD}
{lynx(PARA_1)}

{lynx(PARA_2)}

     * Mentions légales
     * Contact

   Vos choix pour vos données

{lynx("Nous utilisons des cookies et des technologies similaires pour faire fonctionner le site.")}

   (BUTTON) Refuser (BUTTON) Accepter
   (BUTTON) Paramétrer

   Nécessaires au fonctionnement
   [X]

{lynx(PANEL_1)}

   Mesure d'audience
   [ ]

{lynx(PANEL_2)}

   Contenus externes
   [ ]

{lynx(PANEL_3)}

   (BUTTON) Enregistrer et fermer
"""


def test_a_consent_panel_is_no_article_however_long_its_paragraphs() -> None:
    us = units(CONSENT_PAGE)
    zone = consent_zone(us)
    texts = [us[i].text for i in sorted(zone)]
    assert PANEL_1 in texts and PANEL_3 in texts and PARA_1 not in texts
    cleaned = clean_dump(CONSENT_PAGE)
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert cleaned.paragraphs == [PARA_1, PARA_2]


def test_an_article_about_cookies_is_no_consent_dialog() -> None:
    # Cookie words without the dialog's switches or buttons: an article on the subject.
    page = HEAD + "\n" + lynx("La commission a infligé une amende à un site qui déposait des cookies "
                              "sans le consentement de ses lecteurs, a-t-elle annoncé mardi.") + "\n"
    assert consent_zone(units(page)) == set()


# A paywalled article shows a few lines; the readers' thread under it is longer.
TEASE = ("Les services de la communauté de communes ont remplacé les grilles du jardin des Tanneurs, "
         "fermé depuis l'été, et replanté une allée de tilleuls le long de la Lisse.")
COMMENT_1 = ("Enfin une bonne nouvelle pour le quartier, il était temps que la commune s'occupe de ce "
             "jardin, mes enfants y jouaient déjà il y a trente ans et rien n'avait changé depuis, ni "
             "les bancs ni les allées, qui étaient devenues dangereuses par temps de pluie.")
COMMENT_2 = ("Tout cela coûte cher pour un jardin que personne ne visite l'hiver, on ferait mieux de "
             "réparer la route des Tanneurs qui est pleine de trous depuis deux ans, mais ce n'est pas "
             "assez visible sans doute pour les élus avant les élections.")
COMMENT_3 = ("Je ne suis pas d'accord avec le commentaire précédent, un jardin entretenu attire les "
             "familles et les commerçants du centre en profitent aussi, il suffit de voir ce qui s'est "
             "passé à Lisbourg après la rénovation de son parc municipal il y a cinq ans.")
THREAD_PAGE = f"""{HEAD.replace("Un pont piéton relie enfin les deux rives de la Lisse",
                                "Le jardin des Tanneurs retrouve ses grilles")}
{lynx(TEASE)}

   Le contenu de cet article est réservé aux abonnés
   (BUTTON) Je m'abonne

   3 commentaires

   [avatar.png] Marc Vidal 12 mars 2024 19:24
{lynx(COMMENT_1)}

   [avatar.png] Solène B. 12 mars 2024 18:02
{lynx(COMMENT_2)}

   [avatar.png] Paul Ferrand 12 mars 2024 17:40
{lynx(COMMENT_3)}
"""


def test_the_readers_thread_under_a_short_article_is_not_the_article() -> None:
    cleaned = clean_dump(THREAD_PAGE)
    assert cleaned.title == "Le jardin des Tanneurs retrouve ses grilles"
    assert cleaned.paragraphs == [TEASE]
    assert all("commune" not in p for p in cleaned.paragraphs[1:])


# An aggregator's block of teasers, each closed by its author: denser than the article above it.
TEASERS = [("Valmorin : la ligne de bus prolongée jusqu'à la gare",
            "Les habitants du quartier des Tanneurs réclamaient depuis des années une desserte directe de la "
            "gare ; la communauté de communes a voté mardi le prolongement de la ligne 4.", "Léa Roussel"),
           ("Les éleveurs de la vallée inquiets pour leurs estives",
            "La sécheresse du printemps a réduit de moitié l'herbe des pâturages d'altitude, et plusieurs "
            "éleveurs envisagent de redescendre leurs troupeaux dès la fin du mois de juillet.", "Hugo Marin"),
           ("Le festival de la Lisse affiche déjà complet",
            "Les trois soirées de concerts prévues au bord de la rivière se sont vendues en moins d'une "
            "semaine, un record pour ce festival créé il y a douze ans par des bénévoles.", "Inès Calmet")]
MENU = "".join(f"   * {name}\n" for name in (
    "Mentions légales", "Contact", "Publicité", "Nos offres", "Plan du site", "Archives", "Podcasts", "Vidéos",
    "Newsletters", "Boutique", "Jeux", "Météo"))
LIST_PAGE = HEAD + "\n" + lynx(PARA_1) + "\n\n" + MENU + "\n   Nos dernières parutions\n\n" + "\n".join(
    f"   * Région\n   {title}\n{lynx(text)}\n   par {author}\n" for title, text, author in TEASERS)


def test_a_block_of_signed_teasers_is_a_list_and_the_article_wins() -> None:
    us = units(LIST_PAGE)
    teaser_at = next(i for i, u in enumerate(us) if u.text == TEASERS[0][1])
    assert list_run(us, teaser_at, len(us) - 1)
    article_at = next(i for i, u in enumerate(us) if u.text == PARA_1)
    assert not list_run(us, article_at - 3, article_at)
    cleaned = clean_dump(LIST_PAGE)
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert cleaned.paragraphs == [PARA_1]


# A cookie wall that asks the reader to subscribe, over a short article.
WALL = ("Le contenu de ce site est le fruit du travail d'une rédaction qui vous apporte chaque jour une "
        "information locale vérifiée et complète ; ce travail repose sur la publicité et sur les "
        "abonnements de nos lecteurs, sans lesquels il ne pourrait pas continuer.")
WALL_PAGE = f"""   Pour soutenir la presse de la vallée, abonnez-vous !

   Pourquoi voyez-vous ce message ?

{lynx("Vous avez choisi de refuser le dépôt de cookies, vous pouvez modifier votre choix à tout moment.")}

{lynx(WALL)}
   Je m'abonne

   Déjà abonné ?
   Connectez-vous

{MENU}
{HEAD}
{lynx(TEASE)}
"""


def test_a_cookie_wall_asking_to_subscribe_is_no_article() -> None:
    us = units(WALL_PAGE)
    assert WALL in [us[i].text for i in consent_zone(us)]
    cleaned = clean_dump(WALL_PAGE)
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert cleaned.paragraphs == [TEASE]


def test_lines_that_speak_to_the_reader_are_no_headlines() -> None:
    assert speaks_to_reader("J'accepte J'accepte tous les cookies")
    assert speaks_to_reader("Vous pouvez retirer votre consentement à tout moment")
    assert speaks_to_reader("Pour soutenir la presse de la vallée, abonnez-vous !")
    assert not speaks_to_reader("La commission sanctionne un site pour ses cookies")
    assert not speaks_to_reader("Listes électorales : il reste trois jours pour s'inscrire")


def test_a_label_under_the_byline_is_not_the_headline() -> None:
    # An op-ed: headline, byline and stamp, share buttons, the author again, then the series'
    # label over the text: the label sits over the lede but under the headline's byline.
    page = f"""   * Accueil
   * Opinions

   [Tribune] Le péché originel de nos finances locales

   Par Jeanne Castel -
   12 mars 2024 11:15
   Facebook
   Twitter

   Par Octave Brunel

   Point de vue : le pont piéton de Valmorin

{lynx(PARA_1)}

{lynx(PARA_2)}
"""
    cleaned = clean_dump(page)
    assert cleaned.title is not None and cleaned.title.endswith("Le péché originel de nos finances locales")


def test_a_menu_parts_a_block_of_teasers_from_the_article() -> None:
    # An aggregator's page: the latest teasers (each with its cut repeat), a menu, then the
    # article; Kadane's run joins them over the menu, the menu parts them again.
    teasers = "".join(f"{lynx(title + ' : ' + text)}\n\n   {title}...\n\n" for title, text, _ in TEASERS[:2])
    menu = "".join(f"     * {name}\n" for name in ("Vidéos", "Communauté", "Programme TV", "Séries", "Podcasts"))
    page = f"""   Toutes les news Les dernières news

{teasers}{menu}
   12/03 10:45

   Un pont piéton relie enfin les deux rives de la Lisse

{lynx(PARA_1)}

{lynx(PARA_2)}

{lynx(PARA_3)}
"""
    cleaned = clean_dump(page)
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert cleaned.paragraphs == [PARA_1, PARA_2, PARA_3]


def test_a_refused_embed_between_two_entries_does_not_cut_the_article() -> None:
    # A live blog: the embedded video the reader refused leaves a consent notice between two
    # entries; the article runs on across it.
    notice = lynx("Ce contenu est bloqué car vous n'avez pas accepté les cookies et autres traceurs. En "
                  "cliquant sur « J'accepte », les cookies seront déposés et vous pourrez voir la vidéo.")
    page = f"""{HEAD}
{lynx("19 h 15 : " + PARA_1)}

{notice}
   (BUTTON) J'accepte (BUTTON) J'accepte tous les cookies

{lynx("18 h 40 : " + PARA_2)}

{MENU}"""
    cleaned = clean_dump(page)
    assert [p[:10] for p in cleaned.paragraphs] == ["19 h 15 : ", "18 h 40 : "]


def test_a_headline_under_the_picture_is_no_caption_when_the_breadcrumb_ends_on_it() -> None:
    # A dump without margins (lynx -nomargins): no heading at the left margin tells the headline
    # from a caption under the page's picture; the breadcrumb above it repeats it.
    title = "Un pont piéton relie enfin les deux rives de la Lisse"
    wrap = textwrap.TextWrapper(width=150)
    page = f"""  * Accueil
  * Région
  * {title}

[pont-lisse-2024.jpg]

{title}

Région Société 12/03/2024

{wrap.fill(PARA_1)}

{wrap.fill(PARA_2)}
"""
    cleaned = clean_dump(page)
    assert cleaned.title == title


def test_a_ticker_of_stamped_headlines_is_not_prose() -> None:
    ticker = ("La crue de la Lisse coupe la départementale 04/01/2024 Valmorin : le marché de Noël "
              "prolongé d'une semaine 04/01/2024 Les éleveurs de la vallée inquiets pour leurs estives 03/01/2024 "
              "Le festival de la Lisse affiche déjà complet pour sa douzième édition 03/01/2024 La ligne de bus "
              "prolongée jusqu'à la gare des Tanneurs dès le printemps prochain 02/01/2024")
    assert is_ticker(ticker)
    assert not is_ticker("Le 04/01/2024, le maire a inauguré le pont ; le 05/01/2024, la foule l'a traversé.")
    page = f"""{MENU}
{textwrap.fill(ticker, 150)}

Un pont piéton relie enfin les deux rives de la Lisse

Par Jeanne Castel le 12 mars 2024 à 10:45

{textwrap.fill(PARA_1, 150)}

{textwrap.fill(PARA_2, 150)}
"""
    assert clean_dump(page).title == "Un pont piéton relie enfin les deux rives de la Lisse"


def test_consent_sign_needs_a_notice_word_or_a_control():
    from veille.clean.blocks import _consent_sign
    from veille.clean.dump import Unit

    assert _consent_sign(Unit("Nous utilisons des cookies pour mesurer l'audience.", "text", 0, 3)) == "notice"
    assert _consent_sign(Unit("Le conseil municipal de Valbrune a voté le budget.", "text", 0, 3)) is None
