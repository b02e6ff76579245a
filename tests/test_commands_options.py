"""veille.commands.options: the options the commands share (dates checked, --limit 0 for every row)."""

from __future__ import annotations

import click
import pytest

from veille.commands.options import iso_date, limit_note, no_limit


@pytest.mark.parametrize("value", ["2023", "2023-02", "2024-02-29", " 2023-12-31 "])
def test_a_date_or_a_date_prefix_passes(value: str) -> None:
    assert iso_date(None, None, value) == value.strip()


@pytest.mark.parametrize("value", ["2023-13", "2023-02-30", "23-02", "février", "2023/02/01"])
def test_a_mistyped_date_is_refused(value: str) -> None:
    with pytest.raises(click.BadParameter, match="is not a date"):
        iso_date(None, None, value)


def test_limit_zero_means_every_row_and_a_full_page_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert no_limit(0) is None and no_limit(20) == 20 and iso_date(None, None, None) is None
    limit_note(20, 20)
    assert "--limit 0" in capsys.readouterr().err
    limit_note(3, 20)
    assert capsys.readouterr().err == ""
