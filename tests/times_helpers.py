"""What the times test files share: the day most invented articles are published on, reading the
times of one invented paragraph (``found``) and checking several of them at once (``assert_found``),
so each file no longer writes them again."""

from __future__ import annotations

from collections.abc import Callable

from conftest import time_values

WEDNESDAY = "2025-06-18"  # ISO week 25

Found = Callable[..., dict[str, tuple[str, str | None]]]


def finder(day: str) -> Found:
    """``found(time_stage, nlp, text, published=day)``: written form -> (TimeML type, value) of each
    time the times stage finds in one invented paragraph; a file whose articles are published on
    another day than ``WEDNESDAY`` makes its own with that day."""

    def found(time_stage, nlp, text: str, published: str = day) -> dict[str, tuple[str, str | None]]:
        return time_values(nlp, time_stage, text, published)

    return found


found = finder(WEDNESDAY)


def assert_found(got: dict, expected: dict) -> None:
    """Each written form of ``expected`` found with its value (other times may be found too)."""
    assert {text: got.get(text) for text in expected} == expected, got
