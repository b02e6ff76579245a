"""source.site from what a text dump says of itself: its own URL line, a "©" line naming a domain."""

from __future__ import annotations

from metadata_support import run
from veille.metadata.site import copyright_site, own_url_site, page_site

BODY = ("Le conseil municipal de Valbrume a voté mardi le budget de la nouvelle médiathèque, "
        "a indiqué le maire Octave Lerouge devant une salle comble.")


def test_refresh_line_then_url() -> None:
    lines = ["   REFRESH(180 sec):", "   https://www.gazette-valbrume.fr/actu/la-mediatheque-votee", "", BODY]
    assert own_url_site(lines) == "gazette-valbrume.fr"


def test_url_header_and_local_copy() -> None:
    assert own_url_site(["URL: https://info.exemple-sud.com/a/1", BODY]) == "info.exemple-sud.com"
    assert own_url_site(["   REFRESH(300 sec):", "   file://localhost/home/etudiant/page.html", BODY]) is None


def test_copyright_lines() -> None:
    assert copyright_site([BODY, "© 2019 - 2024 GazetteValbrume.com - Tous droits réservés"]) == "gazettevalbrume.com"
    assert copyright_site([BODY, "© Tous droits réservés Exemple-Sud.fr 2008-2024"]) == "exemple-sud.fr"
    # an image bank, a web designer, a rights line naming no domain: no site
    assert copyright_site([BODY, "© pixabay.com"]) is None
    assert copyright_site([BODY, "©2024 MARQUE - WebDesign : atelier-web.com"]) is None
    assert copyright_site([BODY, "© Gazette de Valbrume 2024"]) is None


def test_related_link_gives_no_site() -> None:
    text = "\n".join([BODY, "Lire aussi : https://www.autre-journal.fr/2024/03/01/un-autre-sujet", BODY])
    assert page_site(text) is None


def test_dump_gets_its_site_through_the_stage() -> None:
    text = "\n".join(["   REFRESH(180 sec):", "   https://www.gazette-valbrume.fr/actu/mediatheque",
                      "La médiathèque de Valbrume votée", "", BODY, "", BODY])
    (art,) = run([(text, {})])
    assert art.source.site == "gazette-valbrume.fr"
    (art,) = run([(text, {"url": "https://www.journal-nord.fr/x"})])
    assert art.source.site == "journal-nord.fr"  # the record's own URL still comes first


# --- the site a dump names by its brand, its HTTP headers or its markup (metadata/site_brands.py) ---

from veille.metadata.site import header_site, markup_site  # noqa: E402
from veille.metadata.site_brands import brand_site, named_site  # noqa: E402


def test_copyright_footer_names_a_known_outlet() -> None:
    assert brand_site([BODY, "© 2024 Copyright RFI - Tous droits réservés."]) == "rfi.fr"
    assert brand_site([BODY, "Droits de reproduction et de diffusion réservés ©2023 France TV"]) == "francetvinfo.fr"
    assert brand_site([BODY, "Le Point Copyright © 2019"]) == "lepoint.fr"
    assert brand_site([BODY, "(c) Reporterre - Tous droits réservés Mentions légales"]) == "reporterre.net"
    assert brand_site([BODY, "© Tous droits réservés 2021 - Europe 1 Digital"]) == "europe1.fr"
    assert brand_site([BODY, "Groupe Exemple-Presse La Montagne © Tous droits réservés"]) == "lamontagne.fr"


def test_copyright_brand_the_table_lacks_needs_the_page_to_print_its_domain() -> None:
    footer = "© Gazette de Valbrume, 2025"
    assert brand_site([BODY, footer]) is None
    assert brand_site(["Suivez-nous : gazettedevalbrume.com", BODY, footer]) == "gazettedevalbrume.com"
    # a sub-domain's first label is no brand ("© Info" and "info.valbrume.fr")
    assert brand_site(["Voir https://info.valbrume.fr/x", BODY, "© 2025 Info"]) is None
    assert brand_site(["Voir https://info.valbrume.fr/x", BODY, "© 2025 Valbrume"]) == "valbrume.fr"
    # a mail address names the owner or a school, not the outlet
    assert brand_site(["Contact : redaction@ecole-valbrume.fr", BODY, "Copyright © 2025 | Ecole Valbrume"]) is None


def test_photo_credits_agencies_and_shared_brands_give_no_site() -> None:
    assert brand_site([BODY, "Le maire Octave Lerouge à Valbrume. © Jean Dupont / AFP"]) is None
    assert brand_site([BODY, "Le maire Octave Lerouge, 2024 © Le Figaro"]) is None  # a dated caption
    assert brand_site([BODY, "Le Figaro © 2024"]) == "lefigaro.fr"
    assert brand_site([BODY, "Vue du port. © AFP 2023"]) is None  # an agency needs a rights word
    assert brand_site([BODY, "© 2024 Le Quotidien. Tous droits réservés."]) is None  # three outlets bear that name
    assert brand_site([BODY, "© Marianne Durand"]) is None  # a photographer, not the weekly


def test_feed_header_masthead_and_title_line() -> None:
    assert brand_site(["#Gazette de Valbrume » Flux Gazette de Valbrume » Flux des commentaires",
                       "Voir gazettedevalbrume.fr", BODY]) == "gazettedevalbrume.fr"
    assert brand_site(["#Valbrume-Infos.fr » Flux", BODY]) == "valbrume-infos.fr"
    assert brand_site(["#alternate Ouest-France - L'actualité de l'Ouest", BODY]) == "ouest-france.fr"
    assert brand_site(["Aller au contenu", "Logo Le Télégramme", BODY]) == "letelegramme.fr"
    assert brand_site(["Menu", "La médiathèque de Valbrume votée - Sud Ouest", BODY]) == "sudouest.fr"
    # a menu entry is a sister title of the group, not the masthead
    assert brand_site(["Menu", "   * La Croix", "   * Pèlerin", BODY]) is None


def test_follow_us_line_gives_its_domain_not_a_sister_brand() -> None:
    assert brand_site([BODY, "Retrouvez gazette-valbrume.fr sur :"]) == "gazette-valbrume.fr"
    assert brand_site([BODY, "Retrouvez La Dépêche sur internet"]) is None


def test_http_headers_of_a_crawl_dump() -> None:
    lines = ["HTTP/2 200 date: Sun, 04 Jan 2026 10:00:00 GMT content-type: text/html;",
             "charset=UTF-8 x-pingback: https://gazette-valbrume.fr/xmlrpc.php link:", "", BODY]
    assert header_site(lines) == "gazette-valbrume.fr"
    lines = ["HTTP/2 200 server: nginx link:", "/www.journal-nord.fr/wp-json/>; rel=\"https://api.w.org/\"", "", BODY]
    assert header_site(lines) == "journal-nord.fr"
    assert header_site([BODY, "x-pingback: https://autre.fr/xmlrpc.php"]) is None  # not a header block
    assert page_site("\n".join(lines)) == "journal-nord.fr"


def test_html_markup_gives_its_own_address() -> None:
    html = ('<!DOCTYPE html><html><head><meta property="og:url" content="https://www.gazette-valbrume.fr/a/1"/>'
            '<link rel="canonical" href="https://www.gazette-valbrume.fr/a/1" /></head><body>'
            '<a href="https://www.autre-journal.fr/b">Lire aussi</a></body></html>')
    assert markup_site(html) == "gazette-valbrume.fr"
    assert page_site(html) == "gazette-valbrume.fr"
    assert page_site("<html><head><title>Sans adresse - Le Monde</title></head></html>") is None


def test_named_site_hint() -> None:
    assert named_site("gazette-valbrume.fr/") == "gazette-valbrume.fr"
    assert named_site("Le Devoir") == "ledevoir.com"
    assert named_site("Gazette de Valbrume") == "Gazette de Valbrume"  # an unknown name stays as given
    assert named_site("Le maire a-t-il vraiment voté le budget de la médiathèque ?") is None  # a headline, no name
