"""Text-browser dumps (lynx, w3m) and real-page phenomena, on small invented pages.

Every page here is written for these tests (invented outlet, people and events); each reproduces
one phenomenon met in real dumps: hard-wrapped indented paragraphs, bullet menus, buttons and form
fields, link-header lines, a refresh line with the page URL, HTTP headers before the page, numbered
link references, cookie notices, share counts, teasers, related lists, date stamps.
"""

from __future__ import annotations

import textwrap

from veille.clean import CleanStage
from veille.clean.browser import best_run, choose_title, clean_dump, run_value
from veille.clean.dump import is_browser_dump, is_page_copy, slug_words, units
from veille.clean.html import strip_site_name
from veille.clean.shapes import is_date_stamp, is_sign_off
from veille.clean.stamps import stamps
from veille.common.dates import find_date_in_line
from veille.metadata import MetadataStage
from veille.model import Article
from veille.pipeline import Context

PARA_1 = ("La commune de Valmorin a inauguré samedi un pont piéton au-dessus de la rivière Lisse, "
          "après deux ans de travaux et un chantier interrompu par les crues de l'hiver dernier. "
          "Le maire, Octave Brunel, a salué un ouvrage attendu par les riverains.")
PARA_2 = ("Le pont relie désormais le quartier des Tanneurs à la gare, ce qui évite aux piétons "
          "un détour de près de deux kilomètres par la route départementale, selon la mairie.")
PARA_3 = ("Les travaux ont coûté 1,2 million d'euros, financés pour moitié par la région. Une "
          "seconde passerelle est à l'étude plus en aval, a indiqué l'adjointe Lise Marchal.")


def lynx(text: str) -> str:
    """A paragraph as lynx writes it: wrapped at 76 columns, indented by three spaces."""
    return textwrap.fill(text, width=76, initial_indent="   ", subsequent_indent="   ")


RELATED_1 = ("La région promet trois nouvelles pistes cyclables le long de la rivière d'ici à la fin de "
             "l'année prochaine, a annoncé le conseil régional lors de sa dernière séance publique.")
RELATED_2 = ("La crue de la Lisse a coupé la route départementale pendant trois jours en janvier, et les "
             "habitants du quartier des Tanneurs ont dû être relogés par la commune pendant une semaine.")
COOKIES = ("Nous utilisons des cookies et des traceurs pour mesurer l'audience et vous proposer des "
           "contenus adaptés ; vous pouvez accepter ou refuser ces cookies à tout moment.")

LYNX_PAGE = f"""   #alternate Le Courrier de Valmorin » Flux Un pont piéton relie enfin les deux rives alternate

   IFRAME: https://tags.example.invalid/ns.html?id=GTM-000

   (BUTTON) Menu
     * Accueil
     * Politique
          + Municipales
          + Région
     * Sports
     * Culture

   ____________________ (BUTTON) Rechercher

{lynx(COOKIES)}
   (BUTTON) Accepter (BUTTON) Refuser

   Le Courrier de Valmorin

Un pont piéton relie enfin les deux rives de la Lisse

   Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02

   [pont-lisse.jpg]
   Le nouveau pont au-dessus de la Lisse. © Photo J. Castel

{lynx(PARA_1)}

{lynx(PARA_2)}

   À lire aussi : La gare de Valmorin rénovée pour l'été

{lynx(PARA_3)}

   12 partages
     * Facebook
     * Twitter

Sur le même sujet

{lynx(RELATED_1)}

{lynx(RELATED_2)}

     * Mentions légales
     * Contact
"""


def _stage_run(raw: str, url: str | None = None) -> Article:
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="t", raw_text=raw, hints={"kind": "text"})
    art.source.url = url
    CleanStage(ctx)(art, ctx)
    MetadataStage(ctx)(art, ctx)
    return art


# -- the line model -----------------------------------------------------------------------------


def test_a_lynx_dump_is_recognised_and_plain_text_is_not() -> None:
    assert is_browser_dump(LYNX_PAGE)
    plain = "\n\n".join(["Un titre inventé pour le test", "Le premier paragraphe dit une chose.",
                         "Le second paragraphe en dit une autre, sans menu ni bouton."] * 3)
    assert not is_browser_dump(plain)


def test_hard_wrapped_paragraphs_become_one_unit_each() -> None:
    us = units(LYNX_PAGE)
    texts = [u.text for u in us]
    assert PARA_1 in texts and PARA_3 in texts


def test_units_are_classified() -> None:
    kinds = {u.text: u.kind for u in units(LYNX_PAGE)}
    assert kinds["Politique"] == "bullet" and kinds["Municipales"] == "bullet"
    assert kinds["(BUTTON) Menu"] == "form"
    assert kinds["____________________ (BUTTON) Rechercher"] == "form"
    assert kinds["IFRAME: https://tags.example.invalid/ns.html?id=GTM-000"] == "form"
    assert kinds["Un pont piéton relie enfin les deux rives de la Lisse"] == "heading"
    assert any(k == "header" and t.startswith("#alternate") for t, k in kinds.items())


def test_refresh_http_and_link_references() -> None:
    page = ("HTTP/2 200 date: Sun, 04 Jan 2026 17:25:47 GMT content-type: text/html;\n"
            "charset=UTF-8 server: exemple\n\n"
            "REFRESH(180 sec):\n"
            "https://courrier-valmorin.invalid/region/un-pont-pieton-relie-enfin-les-deux-rives-42.html\n\n"
            "[1]Accueil [2]Région\n\n"
            "Le texte de la page, avec un lien[3] au milieu et un autre[4] à la fin[5].\n\n"
            "Références\n\n"
            "   1. https://courrier-valmorin.invalid/\n"
            "   2. https://courrier-valmorin.invalid/region/\n")
    us = units(page)
    assert [u.kind for u in us][:2] == ["http", "refresh"]
    assert "Le texte de la page, avec un lien au milieu et un autre à la fin." in [u.text for u in us]
    assert {"linkref"} == {u.kind for u in us[-3:]}
    assert slug_words("https://x.invalid/region/un-pont-pieton-relie-enfin-les-deux-rives-42.html")[:3] == \
        ["un", "pont", "pieton"]


def test_w3m_bullets_and_two_space_margin() -> None:
    page = "\n".join(["  • Accueil", "  • Monde", "    □ Europe", "    □ Afrique", "",
                      "Le titre d'un article inventé sur la pluie", "",
                      *textwrap.wrap("La pluie est tombée toute la nuit sur la vallée, sans faire de dégâts, "
                                     "selon les pompiers qui ont surveillé les digues jusqu'au matin avec les "
                                     "agents de la commune.", width=72, initial_indent="  ",
                                     subsequent_indent="  ")])
    us = units(page)
    assert [u.kind for u in us[:4]] == ["bullet"] * 4
    assert us[-1].kind == "text" and us[-1].text.endswith("avec les agents de la commune.")
    assert us[-2].kind == "heading"


# -- the article, its headline and its date ------------------------------------------------------


def test_the_article_is_the_densest_run_of_prose() -> None:
    assert best_run([-3, -3, 20, -1.5, 30, -10, -3]) == (2, 4)
    assert best_run([-1, -2]) is None


def test_a_lynx_page_gives_its_article() -> None:
    art = _stage_run(LYNX_PAGE)
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    body = " ".join(art.paragraphs)
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]
    # Menus, buttons, the cookie notice, the teaser, share counts and the related list are not body.
    for furniture in ("Politique", "cookies", "À lire aussi", "partages", "pistes cyclables", "Mentions"):
        assert furniture not in body
    assert any("pistes cyclables" in b for b in art.boilerplate)  # removed, still kept as boilerplate
    assert art.published == "2024-03-12" and art.published_from == "text"


def test_the_capture_clock_is_never_the_date() -> None:
    page = ("HTTP/2 200 date: Sun, 04 Jan 2026 17:25:47 GMT content-type: text/html;\n\n"
            + LYNX_PAGE.replace("Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02", "Rédaction"))
    art = _stage_run(page)
    assert art.published != "2026-01-04"
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"


def test_a_pasted_page_is_not_dated_by_the_masthead_clock() -> None:
    # A page copied as plain text (the line cleaner): the site's clock over the headline, the
    # article itself undated. A null, never the capture's day.
    for clock in ("mer. 03/01/2024", "Mercredi 3 janvier 2024, Sainte Odile"):
        page = "\n".join([clock, "Lire le journal", "", "Le pont de Valmorin rouvre aux piétons", "",
                          PARA_1, "", PARA_2, "", PARA_3, ""])
        art = _stage_run(page)
        assert art.title == "Le pont de Valmorin rouvre aux piétons"
        assert art.published is None


def test_a_pasted_page_opening_on_a_glued_menu_is_titled_by_its_headline() -> None:
    # The menu's links copied without spaces between them are no headline, in the line cleaner too.
    page = "\n".join(["MétéoImmoEmploiAnnoncesBoutiqueJeuxNos rendez-vousJe m'abonne", "",
                      "Le pont de Valmorin rouvre aux piétons", "", PARA_1, "", PARA_2, "", PARA_3, ""])
    assert _stage_run(page).title == "Le pont de Valmorin rouvre aux piétons"


def test_the_headline_agrees_with_the_link_header_and_the_slug() -> None:
    page = LYNX_PAGE.replace("\nUn pont piéton relie enfin les deux rives de la Lisse\n",
                             "\n   Un pont piéton relie enfin les deux rives de la Lisse\n")
    us = units(page)
    first, _ = best_run([run_value(u) for u in us])
    at = choose_title(us, first, [u.text for u in us if u.kind == "header"], [])
    assert at is not None and us[at].text == "Un pont piéton relie enfin les deux rives de la Lisse"
    cleaned = clean_dump(page, url="https://x.invalid/un-pont-pieton-relie-enfin-les-deux-rives.html")
    assert cleaned.title == "Un pont piéton relie enfin les deux rives de la Lisse"


def test_a_label_and_its_date_on_the_next_block() -> None:
    page = LYNX_PAGE.replace("Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02",
                             "Publié le :\n\n   Mardi 12 mars 2024 - 10:45")
    assert _stage_run(page).published == "2024-03-12"


# -- stamps and sign-offs ----------------------------------------------------------------------


def test_stamps_in_a_line_are_cut_at_each_cue() -> None:
    found = stamps("Jeanne Castel • Publié le 3 mars 2024 à 14h56, mis à jour le 4 mars 2024 à 9h00")
    assert [k for k, _ in found] == ["published", "updated"]
    assert find_date_in_line(found[0][1]).iso() == "2024-03-03"
    assert stamps("Mis à jour le 19/11/23 21:06 | Publié le 20/11/23 6:00")[1][0] == "published"
    assert find_date_in_line(stamps("Publié le 071225 à 19:45")[0][1]).iso() == "2025-12-07"
    assert stamps("le 16/10/2016 à 18:00 par Jeanne Castel.")  # a line opening on its date
    # A sentence that mentions a publication is no stamp.
    assert stamps("Le rapport publié le 3 mars par la mairie a été lu par tous les élus du conseil.") == []


def test_two_digit_years_in_stamps() -> None:
    assert find_date_in_line("Créé: 29.10.18, 19h55").iso() == "2018-10-29"
    assert find_date_in_line("Le 3/4 des élus") is None or find_date_in_line("Le 3/4 des élus").year is None


def test_agency_initials_sign_off() -> None:
    assert is_sign_off("abc/def") and is_sign_off("xy/zw/ab")
    assert is_sign_off("ats") and is_sign_off("AFP/Reuters") and not is_sign_off("Le port")
    assert not is_sign_off("entrée/sortie du port fermée ce matin")


def test_site_name_after_a_dash_is_stripped_when_the_page_names_it() -> None:
    assert strip_site_name("Un pont relie les rives - Le Courrier - Le journal de la vallée", "Le Courrier") == \
        "Un pont relie les rives"
    assert strip_site_name("Ukraine - la trêve tient", "Le Courrier") == "Ukraine - la trêve tient"


def test_an_embedded_tweet_inside_the_article_is_furniture() -> None:
    tweet = ("     Le pont est ouvert, venez nombreux ! https://t.co/AbCdEf123 pic.twitter.com/XyZ987\n"
             "     — Mairie de Valmorin (@valmorin_mairie) 12 mars 2024\n")
    page = LYNX_PAGE.replace(f"{lynx(PARA_2)}\n", f"{lynx(PARA_2)}\n\n{tweet}")
    art = _stage_run(page)
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]
    assert any("@valmorin_mairie" in b for b in art.boilerplate)


# -- HTML: what trafilatura lets through or leaves out -------------------------------------------

HTML_PAGE = """<!doctype html><html lang="fr"><head><title>Un pont piéton relie les rives | Le Courrier</title>
<meta property="og:site_name" content="Le Courrier">
<meta name="description" content="{chapo}">
</head><body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/region">Région</a></li></ul></nav>
<article><h1>Un pont piéton relie les rives</h1>
<div class="chapo"><span>{chapo}</span></div>
<p>{p1}</p><p>{p2}</p><p>{p3}</p>
<p>abc/def</p></article>
<footer><p>Mentions légales</p></footer></body></html>"""


def test_html_keeps_the_standfirst_and_drops_the_desk_sign_off() -> None:
    chapo = ("Après deux ans de chantier, les habitants de Valmorin traversent la Lisse à pied, "
             "sans détour par la route départementale.")
    page = HTML_PAGE.format(chapo=chapo, p1=PARA_1, p2=PARA_2, p3=PARA_3)
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="h", raw_text=page, hints={"kind": "html"})
    CleanStage(ctx)(art, ctx)
    assert art.title == "Un pont piéton relie les rives"
    assert chapo in art.paragraphs and PARA_3 in art.paragraphs
    assert "abc/def" not in art.paragraphs


def test_a_whole_page_copied_from_a_browser_gives_its_article() -> None:
    menu = "\n".join(f"\t\tRubrique {k}\n" for k in range(40))
    page = (f"Fermer les notifications\n\n{menu}\nLe Courrier - Retour à la page d'accueil\n\n"
            f"Un pont piéton relie enfin les deux rives de la Lisse\n\nPar Jeanne Castel\n"
            f"Publié le 12/03/2024 à 10h45\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\n"
            + "\n".join(f"Lien {k}" for k in range(25)))
    assert is_page_copy(page) and not is_browser_dump(page)
    art = _stage_run(page)
    assert art.title == "Un pont piéton relie enfin les deux rives de la Lisse"
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3]
    assert art.published == "2024-03-12"


def test_a_bare_stamp_in_english_order_or_with_its_author() -> None:
    # An English template's stamp, the author's initials before it, the author's name after it.
    assert is_date_stamp("November 30, 2025")
    assert is_date_stamp("J.C. 1 nov. 2023")
    assert is_date_stamp("March 3, 2024 - Octave Brunel")
    assert is_date_stamp("3 mars 2024 par Lise Marchal")
    # A rubric beside a teaser's date, a teaser's headline after its date: not a stamp.
    assert not is_date_stamp("Politique 20/03/2023")
    assert not is_date_stamp("3 mars 2024 - Un cycliste blessé sur la départementale")
    assert not is_date_stamp("Maybe 12, 2024")
    page = LYNX_PAGE.replace("Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02",
                             "J.C. March 12, 2024")
    assert "J.C. March 12, 2024" in page
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="t", raw_text=page, hints={"kind": "text"})
    CleanStage(ctx)(art, ctx)
    MetadataStage(ctx)(art, ctx)
    assert art.published == "2024-03-12"
