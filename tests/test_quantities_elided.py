"""veille.quantities.elided: a bare number counts the noun the sentence just counted ("…, dont 40 …",
"…, 12 ont été …")."""

from __future__ import annotations

from veille.model import Quantity
from veille.quantities.elided import elided_count

TEXT = "La mairie de Valmorin a recruté 120 agents, dont 40 à temps partiel."


def _prev() -> Quantity:
    start = TEXT.index("120 agents")
    return Quantity("120 agents", 120, "agents", start=start, end=start + len("120 agents"))


def _number(text: str, number: str) -> tuple[int, int]:
    start = text.index(number, text.index(",")) if "," in text else text.index(number)
    return start, start + len(number)


def test_after_dont_the_number_counts_the_noun_just_said() -> None:
    start, end = _number(TEXT, "40")
    got = elided_count(TEXT, start, end, 40, _prev(), None)
    assert got is not None and (got.text, got.value, got.unit) == ("40", 40, "agents")


def test_no_count_across_a_sentence_or_without_a_counted_noun() -> None:
    other = "La mairie de Valmorin a recruté 120 agents. Dont 40 à temps partiel."
    start = other.index("40")
    prev = Quantity("120 agents", 120, "agents", start=other.index("120"), end=other.index("120") + 10)
    assert elided_count(other, start, start + 2, 40, prev, None) is None
    start, end = _number(TEXT, "40")
    assert elided_count(TEXT, start, end, 40, None, None) is None
    assert elided_count(TEXT, start, end, 1, _prev(), None) is None  # one is no count
