"""Layouts of real news sites the headline and the date must survive (issue 11, round 4).

Every page here is invented (outlet, people, events), written in lynx's dump style; each test
reproduces one layout that ``bench/synth_layouts.py`` rebuilds on the dev pages.
"""

from __future__ import annotations

from metadata_support import run
from test_clean_dumps import LYNX_PAGE, PARA_1, PARA_2, PARA_3, lynx
from veille.clean.blocks import thread_start
from veille.clean.dump import units
from veille.clean.teasers import dated_list
from veille.model import Article

STAMP = "Par Jeanne Castel | Publié le 12/03/24 à 10:45, mis à jour le 13/03/24 à 08:02"
HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
THREAD = """
   3 commentaires

   Marcel B. — le 14 mars 2024 à 08h12
   Enfin un pont, il était temps.

   LaLisseEnVelo — le 15 mars 2024 à 09h40
   Et les cyclistes, on en parle ?
"""


def _run(raw: str) -> Article:
    return run([(raw, {})])[0]


def _with_thread(stamp_line: str) -> str:
    page = LYNX_PAGE.replace(STAMP, stamp_line)
    at = page.index(lynx(PARA_3)) + len(lynx(PARA_3))
    return page[:at] + "\n" + THREAD + page[at:]


def test_the_readers_dates_never_date_the_article() -> None:
    art = _run(_with_thread("Par Jeanne Castel | Publié le 12/03/2024 à 10:45"))
    assert art.title == HEADLINE and art.published == "2024-03-12"
    # No stamp of its own: no date rather than a reader's.
    assert _run(_with_thread("Par Jeanne Castel")).published is None


def test_the_thread_opens_at_its_heading_or_at_two_readers_headers() -> None:
    body = f"{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n"
    us = units(f"{HEADLINE}\n\n{body}{THREAD}")
    at = thread_start(us, 0)
    assert at is not None and us[at].text == "3 commentaires"
    us = units(f"{HEADLINE}\n\n{body}{THREAD.replace('3 commentaires', '')}")
    at = thread_start(us, 0)
    assert at is not None and us[at].text.startswith("Marcel B.")
    # The author's dated byline under the headline opens no thread.
    assert thread_start(units(f"{HEADLINE}\n\n   Jeanne Castel — le 12 mars 2024\n\n{body}"), 0) is None


TEASERS = """
   À lire aussi

   Publié le 02/03/2024 à 09:15
   La gare de Valmorin rénovée pour l'été

   Publié le 26/02/2024 à 10:15
   Trois pistes cyclables promises le long de la Lisse

   Publié le 21/02/2024 à 11:15
   Le marché de Pontarlieu déménage place de l'Église

"""


def _with_teasers(stamp_line: str) -> str:
    page = LYNX_PAGE.replace(STAMP, stamp_line)
    return page.replace(f"{HEADLINE}\n", f"{TEASERS}{HEADLINE}\n", 1)


def test_a_list_of_dated_teasers_above_the_headline_is_neither_its_headline_nor_its_date() -> None:
    art = _run(_with_teasers("Par Jeanne Castel | 12 mars 2024"))
    assert art.title == HEADLINE and art.published == "2024-03-12"
    assert not any("pistes cyclables" in p for p in art.paragraphs)
    art = _run(_with_teasers("Par Jeanne Castel"))
    assert art.title == HEADLINE and art.published is None


def test_a_dated_list_needs_three_dates_of_one_template_at_one_step() -> None:
    us = units(TEASERS + f"{HEADLINE}\n\n   Publié le 12/03/2024 à 10:45\n\n{lynx(PARA_1)}\n")
    listed = {us[i].text for i in dated_list(us, 0, len(us))}
    assert "Publié le 21/02/2024 à 11:15" in listed and "Le marché de Pontarlieu déménage place de l'Église" in listed
    # The article's own stamp, though printed by the same template, is no item: the article opens under it.
    assert HEADLINE not in listed and "Publié le 12/03/2024 à 10:45" not in listed
    # An article's head: a stamp above the headline, an update under it: no list.
    head = units(f"   Publié le 12/03/2024 à 10:45\n\n{HEADLINE}\n\n   Mis à jour le 13/03/2024 à 08:02\n\n{lynx(PARA_1)}\n")
    assert dated_list(head, 0, len(head)) == set()


def test_a_date_line_between_the_standfirst_and_the_first_paragraph_is_the_page_s_date() -> None:
    standfirst = "Octave Brunel, maire de Valmorin, a inauguré samedi l'ouvrage attendu depuis deux ans par les riverains."
    page = f"{HEADLINE}\n\n{lynx(standfirst)}\n\n   12 mars 2024 Région\n\n{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n"
    art = _run(page)
    assert art.title == HEADLINE and art.published == "2024-03-12"
    assert "12 mars 2024 Région" not in art.paragraphs


def test_the_day_written_in_one_piece_of_the_page_s_url() -> None:
    from veille.metadata.sources import own_url_date, url_date

    assert url_date(["https://x.invalid/actualite/20240303-un-pont-pieton"]) == "2024-03-03"
    assert url_date(["https://x.invalid/societe/un-pont-pieton-03-03-2024-ABC123.php"]) == "2024-03-03"
    assert url_date(["https://x.invalid/2024-03-03/un-pont-pieton.html"]) == "2024-03-03"
    assert url_date(["https://x.invalid/region/un-pont-pieton_AN-202403031422.html"]) == "2024-03-03"
    # An article number is no date.
    assert url_date(["https://x.invalid/article/12345678-un-pont-pieton"]) is None
    related = "1. https://x.invalid/actualite/20240122-la-gare-de-valmorin-renovee"
    own = "2. https://x.invalid/actualite/20240303-un-pont-pieton-relie-enfin-les-deux-rives"
    assert own_url_date([related, own], HEADLINE) == "2024-03-03"


def test_one_day_at_several_hours_is_a_list_not_the_page_s_sole_stamp() -> None:
    from veille.clean.stamps import sole_cued_stamp

    assert sole_cued_stamp(["Publié le 1 mars 2024 à 10h00 par la rédaction", "La gare rénovée",
                            "Publié le 1 mars 2024 à 11h00 par Léa Roy", "Trois pistes cyclables"]) is None
    assert sole_cued_stamp(["Publié le 1 mars 2024 à 10h00", "La commune a voté.",
                            "Publié le 1 mars 2024 à 10h00"]) == "Publié le 1 mars 2024 à 10h00"


def test_the_stamp_under_the_headline_wins_over_a_sole_cued_date_far_below() -> None:
    page = LYNX_PAGE.replace(STAMP, "le 12/03/2024 à 10h05 par Jeanne Castel")
    page = page.rstrip("\n") + "\n\n   Paru le 10 janvier 2025\n   Découvrir le magazine\n"
    assert _run(page).published == "2024-03-12"


def test_the_article_s_stamp_above_its_headline_closes_no_list_of_teasers() -> None:
    head = f"   Publié le 12/03/2024 à 10:45\n{HEADLINE}\n\n{lynx(PARA_1)}\n"
    us = units(TEASERS.replace("\n\n   Publié", "\n   Publié") + head)
    listed = {us[i].text for i in dated_list(us, 0, len(us))}
    assert "Publié le 21/02/2024 à 11:15" in listed and HEADLINE not in listed


COPIED_PAGE = f"""Le Courrier de Valmorin
Aller au contenu
AccueilRégionSportCultureÉconomie
{HEADLINE}
12 mars 2024

Jeanne Castel, à Valmorin

{PARA_1}

{PARA_2}

Articles recommandés :
Le marché de Pontarlieu déménage place de l'Église
9 mars 2024
Trois pistes cyclables promises le long de la Lisse
9 mars 2024
La fanfare du Vercorin fête ses cent ans sous la pluie
9 mars 2024
La mairie prévoit une fête d'inauguration au printemps, avec un concert sur les berges, un marché des artisans du pays et des visites guidées du chantier pour les écoles de la commune et des villages voisins.

{PARA_3}
"""


def test_a_related_list_set_inside_the_text_gives_neither_headline_nor_date() -> None:
    # A page copied from a browser: a heading announces three teasers (headline over date) inside
    # the article; its last item, though the prose resumes under it, is no headline of the page.
    art = _run(COPIED_PAGE)
    assert art.title == HEADLINE and art.published == "2024-03-12"
    us = units(COPIED_PAGE)
    listed = {us[i].text for i in dated_list(us, 0, len(us))}
    assert "La fanfare du Vercorin fête ses cent ans sous la pluie" in listed and HEADLINE not in listed
