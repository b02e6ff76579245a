"""A copy of the headline cut by an ellipsis (a breadcrumb's or a teaser's, "… de la Li...") over
the headline itself: the whole line is the headline, and it is no photo caption's second copy
(``clean/title_evidence.cut_copy``, ``is_cut``; read by ``clean/browser.py``). Every page below is
invented, written in lynx's dump style."""

from __future__ import annotations

import pytest

from test_clean_dumps import PARA_1, PARA_2, PARA_3, lynx
from veille.clean.browser import clean_dump
from veille.clean.title_evidence import cut_copy, is_cut

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
BODY = f"{lynx(PARA_1)}\n\n{lynx(PARA_2)}\n\n{lynx(PARA_3)}\n"


@pytest.mark.parametrize("cut", ["Un pont piéton relie enfin les deux rives de la Li...",
                                 "Un pont piéton relie enfin les deux…"])
def test_the_whole_headline_under_its_cut_copy_is_the_headline(cut: str) -> None:
    page = (f"     * Accueil\n     * Région\n\n     Valmorin\n\n     {cut}\n\n{HEADLINE}\n\n"
            f"   Agence Exemple\n\n   | Publié le 12 mars 2024 à 10:45\n\n{BODY}")
    cleaned = clean_dump(page)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs[0] == PARA_1


def test_a_cut_line_with_no_whole_copy_stays_a_candidate() -> None:
    lines = ["Accueil", "Le maire de Valmorin annonce sa...", "Par Jeanne Castel"]
    assert is_cut(lines[1])
    assert not cut_copy(lines, 1, lines[1])
    assert cut_copy([*lines, "Le maire de Valmorin annonce sa candidature"], 1, lines[1])
