"""tools/real_pages/times_ago_convert: the amount and value a gold row keeps (invented lines)."""

from __future__ import annotations

import pytest
from tools.real_pages.times_ago_convert import amount_value, converted


@pytest.mark.parametrize(("amount", "value"), [
    ("trois ans", "P3Y"), ("15 jours", "P15D"), ("quelques heures", "PTXH"), ("une quinzaine de jours", "P15D"),
    ("un an ou deux", "PXY"), ("deux semaines", "P2W"), ("dix minutes", "PT10M"), ("la veille", None),
])
def test_amount_value(amount: str, value: str | None) -> None:
    assert amount_value(amount) == value


def test_a_signal_before_the_amount_is_cut_off_across_a_line_break() -> None:
    lines = ["Léa Morvan a quitté Dole il y a", "quatre ans pour Brest."]
    row = {"start": [1, 25], "end": [2, 10], "type": "DATE", "value": "2020"}
    assert converted(row, lines) == {"start": [2, 0], "end": [2, 10], "type": "DURATION", "value": "P4Y"}


def test_an_amount_before_plus_tard_and_a_date_left_alone() -> None:
    lines = ["Trois jours plus tard, le club de Dole a signé."]
    assert converted({"start": [1, 0], "end": [1, 21], "type": "DATE", "value": "2024-05-06"}, lines) == \
        {"start": [1, 0], "end": [1, 11], "type": "DURATION", "value": "P3D"}
    assert converted({"start": [1, 0], "end": [1, 11], "type": "DURATION", "value": "P3D"}, lines) is None
