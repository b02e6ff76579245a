"""veille.times.number_words: a number written in digits or French words."""

from __future__ import annotations

import pytest

from veille.times.number_words import parse_number


@pytest.mark.parametrize("text,value", [("3", 3.0), ("30,4", 30.4), ("trois", 3), ("dix-huit", 18),
                                        ("vingt et un", 21), ("quatre-vingt-dix", 90), ("deux cents", 200),
                                        ("trois mille", 3000)])
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [None, "", "plusieurs", "trois pommes"])
def test_no_number(text: str | None) -> None:
    assert parse_number(text) is None
