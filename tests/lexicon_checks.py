"""Checks shared by the tests of lexicon files: rows that must carry an invented example, trigger lines
read once, and a case naming the invented people, bodies and places an example holds."""

from __future__ import annotations

from veille.common.lexicon import rows


def trigger_lines(path: str) -> list[list[str]]:
    """The rows of a trigger lexicon (type, ..., example in the fifth column), ``@class`` rows left out."""
    return [row for row in rows(path, min_columns=3) if row[0] != "@class"]


def line_ids(lines: list[list[str]]) -> list[str]:
    """A readable test id for each trigger line: its type and its entry."""
    return [f"{r[0]}:{r[2]}" for r in lines]


def assert_every_line_has_example(lines: list[list[str]]) -> None:
    """Each trigger line carries its invented example sentence in the fifth column."""
    for row in lines:
        assert len(row) >= 5 and row[4].endswith("."), row


def assert_every_cue_has_example(path: str, groups: set[str]) -> None:
    """Each cue row names a known group and ends on its invented example (third column)."""
    for row in rows(path, min_columns=3):
        assert row[0] in groups, row
        assert row[2].endswith((".", "»")), row


def named_case(text: str, names: list[list[str]]) -> dict:
    """A case of one invented text with the entities of ``names`` that it mentions."""
    return {"text": text, "entities": [n for n in names if n[0] in text]}
