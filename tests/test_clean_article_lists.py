"""Lists the article prints inside its text (issue 11): a sentence closed by a colon, then short
bullets. Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_article_end import HEADLINE, PARA_4, PARA_5, TEASER_HEAD, TEASER_LEDE
from test_clean_dumps import PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.article_lists import announces_list

INTRO = "Les bénévoles de l'association des Amis du Pré ont dressé la liste de leurs besoins :"
ITEMS = ["des gants de jardin", "deux brouettes", "un abri pour les outils", "des semences locales",
         "un point d'eau près des bacs"]


def _page(middle: list[str], after: list[str]) -> str:
    head = ["Accueil", "", HEADLINE, "", "   Par Jeanne Castel | Publié le 12/03/2024", ""]
    before = [piece for para in (PARA_1, PARA_2) for piece in (lynx(para), "")]
    rest = [piece for para in (PARA_3, PARA_4, PARA_5) for piece in (lynx(para), "")]
    return "\n".join(head + before + middle + rest + after) + "\n"


def _bullets(items: list[str]) -> list[str]:
    return [f"     * {item}" for item in items] + [""]


def test_a_list_announced_by_the_text_is_kept_and_parts_no_blocks() -> None:
    # Five short bullets in a row read as a menu that parts the article in two; announced by a
    # sentence of the text they are the article's own list.
    art = _stage_run(_page([lynx(INTRO), *_bullets(ITEMS)], ["Jeanne Castel", "", "Partager :", ""]))
    assert art.title == HEADLINE
    assert art.paragraphs == [PARA_1, PARA_2, INTRO, *ITEMS, PARA_3, PARA_4, PARA_5]


def test_a_list_closing_the_article_is_no_footer() -> None:
    page = "\n".join(["Accueil", "", HEADLINE, "", "   Par Jeanne Castel | Publié le 12/03/2024", "",
                      *[piece for para in (PARA_1, PARA_2, PARA_3) for piece in (lynx(para), "")],
                      lynx(INTRO), *_bullets(ITEMS[:3]), "Partager :", "",
                      "Vous aimerez aussi :", *_bullets([TEASER_HEAD]), lynx(TEASER_LEDE), ""]) + "\n"
    art = _stage_run(page)
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3, INTRO, *ITEMS[:3]]


def test_a_related_list_under_a_label_stays_out() -> None:
    art = _stage_run(_page([], ["À ne pas manquer sur Radio Exemple :", *_bullets([TEASER_HEAD, "Les bus de nuit reviennent"]),
                                "Suivez-nous :", *_bullets(["Facebook", "Instagram"])]))
    assert art.paragraphs == [PARA_1, PARA_2, PARA_3, PARA_4, PARA_5]


def test_what_announces_a_list() -> None:
    assert announces_list(INTRO)
    assert announces_list("Vos frais d'inscription comprennent les éléments suivants :")
    for label in ("Vous aimerez aussi :", "Partager :", "Suivez-nous sur les réseaux :",
                  "À ne pas manquer sur Radio Exemple :", "Dans la même thématique :",
                  "Le pont a été inauguré samedi."):
        assert not announces_list(label), label
