"""A list of related articles under a related-links heading ("À lire aussi") set inside a short
article's head, each item's headline over its date (issue 11, round 28, ``bench/published_perturb.py``
variant ``decoy-related``): the items' dates are the teasers', not the article's stamp. Every page
and sentence here is invented."""

from __future__ import annotations

from test_clean_dumps import PARA_1, PARA_2, _stage_run, lynx
from veille.clean.dump import Unit
from veille.clean.head_stamps import related_heading
from veille.clean.near_dates import near_headline

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"
RELATED = """   À lire aussi

     * Un marché couvert rouvre ses portes à Pontarlieu
       13 mars 2024
     * Le conseil municipal de Valmorin vote son budget
       15 mars 2024
"""


def _page(stamp_above: str, under_headline: str = "") -> str:
    return f"""   Le Courrier de Valmorin

     * Accueil
     * Société
{stamp_above}
{HEADLINE}

{under_headline}
{lynx(PARA_1)}

{RELATED}
{lynx(PARA_2)}

     * Mentions légales
     * Contact
"""


def test_a_related_links_heading_is_told() -> None:
    assert related_heading("À lire aussi")
    assert related_heading("Sur le même sujet")
    assert not related_heading("À lire aussi : La gare de Valmorin rénovée pour l'été")  # (one teaser inline)
    assert not related_heading(HEADLINE)


def test_the_teasers_dates_under_a_related_heading_are_no_stamp_of_the_article() -> None:
    # (Before: the first teaser's 13 March, read as the head's bare date under the headline.)
    art = _stage_run(_page("   Dimanche 10 mars 2024 à 13h00\n"))
    assert art.title == HEADLINE
    assert art.published == "2024-03-10"
    art = _stage_run(_page("   Dimanche 10 mars 2024 à 13h00\n", "   Par Jeanne Castel\n"))
    assert art.title == HEADLINE
    assert art.published == "2024-03-10"


def test_near_headline_stops_at_a_related_heading() -> None:
    us = [Unit(HEADLINE, "heading", 0, 0), Unit(PARA_1, "text", 1, 3), Unit("À lire aussi", "text", 2, 3),
          Unit("13 mars 2024", "text", 3, 6)]
    assert near_headline(us, 0) is None
    us[2] = Unit("Rubrique Société", "text", 2, 3)
    assert near_headline(us, 0) == "13 mars 2024"
