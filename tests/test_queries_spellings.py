"""veille.queries.spellings: how the words typed in a search are read."""

from __future__ import annotations

import pytest

from veille.queries.spellings import drop_elision


@pytest.mark.parametrize("word,bare", [("l'OTAN", "OTAN"), ("d’Ukraine", "Ukraine"), ("qu'il", "il"),
                                       ("jusqu'à", "à"), ("Valmorin", "Valmorin"), ("l'", "l'")])
def test_an_elided_article_is_dropped(word: str, bare: str) -> None:
    assert drop_elision(word) == bare
