"""veille.quantities.records: the same quantity told twice is one record with two spans."""

from __future__ import annotations

from veille.model import Quantity
from veille.quantities.records import remember


def test_a_repeated_quantity_is_one_record_with_every_span() -> None:
    seen: dict = {}
    out: list[Quantity] = []
    remember(Quantity("3 chars", 3, "chars", start=0, end=7), seen, out)
    remember(Quantity("3  Chars", 3, "chars", start=40, end=48), seen, out)
    remember(Quantity("4 chars", 4, "chars", start=60, end=67), seen, out)
    assert [q.text for q in out] == ["3 chars", "4 chars"]
    assert out[0].spans == [[0, 7], [40, 48]] and out[1].spans == [[60, 67]]
