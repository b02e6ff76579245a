"""A short headline over its longer standfirst (issue 11, title3): the outside judges' pages set a
headline of two to six words, then a standfirst of twenty with no period, and the standfirst was
taken for the headline. Every page and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import PARA_1, PARA_2, PARA_3, _stage_run, lynx
from veille.clean.dump import Unit
from veille.clean.headline import dek_under_headline, dek_under_short_headline

SHORT = "Valmorin enfin reliée"
DEK = ("Après deux ans de travaux et un hiver de crues, la passerelle sur la Lisse relie le quartier "
       "des Tanneurs à la gare de Valmorin")
MENU = ["Le Courrier de Valmorin", "", "   * Accueil", "   * Politique", "   * Région", "   * Sports", ""]


def _page(headline: str, dek: str, byline: bool = True) -> str:
    head = [headline, "", lynx(dek), ""]
    if byline:
        head += ["   Par Jeanne Castel, le 12 mars 2024", ""]
    return "\n".join([*MENU, *head, lynx(PARA_1), "", lynx(PARA_2), "", lynx(PARA_3), "",
                      "   © Le Courrier de Valmorin 2024", ""])


def test_a_standfirst_under_a_short_headline() -> None:
    us = [Unit(SHORT, "heading", 0, 0), Unit(DEK, "text", 2, 3)]
    assert dek_under_headline(us, 1) and dek_under_short_headline(us, 1)
    # A rubric whose every word is capitalised is a kicker, not a headline over a dek.
    kicked = [Unit("Vie Locale", "heading", 0, 0), Unit(DEK, "text", 2, 3)]
    assert not dek_under_headline(kicked, 1)
    # Nor a short line in the margin none of whose words the dek or the prose under it takes up;
    # set as the page's heading over a dek in the margin, it is the headline all the same.
    unrelated = [Unit("Les belles histoires", "text", 0, 3), Unit(DEK, "text", 2, 3)]
    assert not dek_under_headline(unrelated, 1)
    assert dek_under_short_headline([Unit("Les belles histoires", "heading", 0, 0), Unit(DEK, "text", 2, 3)], 1)
    # A dek closed by a period is a first paragraph: the rule already leaves it out.
    assert not dek_under_headline([Unit(SHORT, "heading", 0, 0), Unit(DEK + ".", "text", 2, 3)], 1)


def test_the_short_headline_wins_over_its_standfirst() -> None:
    art = _stage_run(_page(SHORT, DEK))
    assert art.title == SHORT
    assert art.published == "2024-03-12"
    assert _stage_run(_page(SHORT, DEK, byline=False)).title == SHORT
    # A headline of some length over the same standfirst still wins, as before.
    longer = "La passerelle de Valmorin ouvre enfin aux piétons"
    assert _stage_run(_page(longer, DEK)).title == longer
