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
