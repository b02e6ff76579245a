"""The headline printed again above the chosen one, its stamp under the first copy (clean/headline_copies.py).

Invented page: an outlet, a headline and a date written for this test."""

from __future__ import annotations

from veille.clean.browser import _anchor_at
from veille.clean.dump import units
from veille.clean.headline_copies import stamped_copy

HEADLINE = "Un pont piéton relie enfin les deux rives de la Lisse"


def _page(stamp: str) -> str:
    return f"""   (BUTTON) Menu
     * Accueil
     * Politique

{HEADLINE}

   {stamp}
   partager
     * Facebook
     * Twitter

   (BUTTON) Fermer

{HEADLINE}

   https://courrier-valmorin.invalid/un-pont-pieton-relie-enfin
   Copier

   {HEADLINE}
   Écouter (3 min)
"""


def _copies(us: list) -> list[int]:
    return [i for i, u in enumerate(us) if u.text == HEADLINE]


def test_the_stamp_under_an_earlier_copy_of_the_headline() -> None:
    us = units(_page("12/03/2024"))
    first, *_, last = _copies(us)
    assert stamped_copy(us, last, _anchor_at) == (first, first + 1)


def test_no_copy_without_a_stamp_under_it() -> None:
    us = units(_page("Le Courrier de Valmorin"))
    *_, last = _copies(us)
    assert stamped_copy(us, last, _anchor_at) is None
    listed = units(_page("Rubrique\n\n   Un autre titre de la même rubrique\n\n   12/03/2024"))
    *_, last = _copies(listed)
    assert stamped_copy(listed, last, _anchor_at) is None  # (a teaser's date under the copy's next line)
    short = units("Politique\n\n   12/03/2024\n\nPolitique\n")
    assert stamped_copy(short, len(short) - 1, _anchor_at) is None  # (a label's copy says nothing)
