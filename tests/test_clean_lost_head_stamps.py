"""Invented pages: the article's one cued stamp read when the headline chosen is not the article's.

A dump whose headline is missed (a teaser's or a caption's chosen under the real head, or the
headline line lost in the copy) has its head window elsewhere; the page's one "Publié le …" above
the article's foot still dates it, one printed only past the foot (a related item's) does not.
Each case is written for these tests (invented outlet, people and events).
"""

from __future__ import annotations

from test_clean_dumps import PARA_1, PARA_2, PARA_3, RELATED_1, RELATED_2, _stage_run, lynx
from veille.clean.head_stamps import lost_head_stamp

_BOXES = [f"   Valmorin, quartier {q} : les horaires du marché changent" for q in (
    "des Tanneurs", "de la Gare", "du Moulin", "des Prés", "de la Lisse", "du Château", "des Vignes",
    "du Port", "des Halles", "de l'Église", "du Stade", "des Écoles", "du Pont", "de la Forge")]


def lost_head_page(head_stamp: str | None, foot_stamp: str | None = None, byline: bool = True) -> str:
    """A page whose headline line is lost: its byline (and stamp), a box of fourteen links, a
    subheading the headline finder takes, the article, a related list (and a teaser's stamp).
    Without ``byline`` the stamp line stands alone under the site's name (a line of the article's facts)."""
    lines = ["   Le Courrier de Valmorin", ""] + (["   Par Jeanne Castel"] if byline else [])
    lines += [f"   {head_stamp}"] if head_stamp else []
    lines += ["", "\n\n".join(_BOXES), "", "Le chantier de la passerelle", "",
              lynx(PARA_1), "", lynx(PARA_2), "", lynx(PARA_3), "",
              "Sur le même sujet", "", lynx(RELATED_1), "", lynx(RELATED_2)]
    lines += ["", f"   {foot_stamp}"] if foot_stamp else []
    return "\n".join(lines) + "\n"


def test_the_pages_one_cued_stamp_above_the_article_dates_it_when_the_head_is_missed() -> None:
    art = _stage_run(lost_head_page("Publié le 12 mars 2024 à 10h45"))
    assert art.title == "Le chantier de la passerelle"
    assert art.published == "2024-03-12"


def test_a_cued_stamp_printed_only_past_the_articles_foot_is_a_related_items() -> None:
    assert _stage_run(lost_head_page(None, "Publié le 5 mars 2024 à 09h10")).published is None
    # Two cued days on the page: neither is known to be the article's.
    assert _stage_run(lost_head_page("Publié le 12 mars 2024 à 10h45", "Publié le 5 mars 2024 à 09h10")).published is None


def test_lost_head_stamp_reads_the_one_cued_day_before_the_foot() -> None:
    texts = ["Par Jeanne Castel", "Publié le 12 mars 2024 à 10h45", None, "Le pont rouvre", "Un paragraphe."]
    assert lost_head_stamp(texts, 4) == "Publié le 12 mars 2024 à 10h45"
    # Printed again past the foot (a share box repeating it): not the head's alone.
    assert lost_head_stamp([*texts, "Publié le 12 mars 2024 à 10h45"], 4) is None
    assert lost_head_stamp(["Par Jeanne Castel", "Le pont rouvre"], 2) is None
