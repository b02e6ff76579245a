"""Invented pages: a dump's article closing on a short sentence of its own, right above furniture.

The run of prose is the article; a last paragraph of one short sentence costs what a label costs,
so it fell outside the run when tags or a related list came right under it. Each case is written
for these tests (invented outlet, people and events).
"""

from __future__ import annotations

import pytest

from test_clean_dumps import PARA_1, PARA_2, PARA_3, _stage_run, lynx


def closing_page(closing: str) -> str:
    """The article, its closing line, then the tags and the site's footer (no prose after it)."""
    lines = ["   Le Courrier de Valmorin", "", "Une passerelle pour les Tanneurs", "",
             lynx(PARA_1), "", lynx(PARA_2), "", lynx(PARA_3), "", lynx(closing), "", "   Mots-clés :", "",
             "     * Valmorin", "     * Travaux", "     * Rivière", "", "   Contact", "", "   Mentions légales",
             "", "   Plan du site", "", "   Le Courrier de Valmorin, 2024"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("closing", [
    "L'inauguration officielle aura lieu en juin.",
    "Bonne promenade à tous les riverains !",
    "« Nous voulions ce pont », conclut le maire.",
])
def test_a_short_closing_sentence_under_the_last_paragraph_is_the_articles(closing: str) -> None:
    art = _stage_run(closing_page(closing))
    assert art.paragraphs[-1] == closing


@pytest.mark.parametrize("closing", [
    "Connectez-vous pour pouvoir commenter cet article.",  # the site speaking to its reader
    "Le sujet vous intéresse ?",
    "Les champs marqués d'un * sont obligatoires.",
    "Le pont des Tanneurs, un soir de mai. © Léa Roy",  # a credited caption
    "Les riverains attendaient ce pont depuis…",  # a teaser's cut lede
])
def test_a_short_line_that_is_no_sentence_of_the_article_stays_out(closing: str) -> None:
    art = _stage_run(closing_page(closing))
    assert closing not in art.paragraphs
    assert art.paragraphs[-1].startswith("Les travaux ont coûté")
