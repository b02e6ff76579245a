"""veille.times.weekday_year: a year-less day moved to the text's last year when only there its weekday fits."""

from __future__ import annotations

from veille.times.weekday_year import agreeing_year


def test_the_weekday_moves_the_day_to_the_last_year_named() -> None:
    # 12 March 2023 is a Sunday, 12 March 2024 a Tuesday
    assert agreeing_year("2023-03-12", "mardi 12 mars", 2024) == "2024-03-12"


def test_the_day_stays_when_its_weekday_fits_or_no_year_helps() -> None:
    assert agreeing_year("2024-03-12", "mardi 12 mars", 2019) == "2024-03-12"  # fits already
    assert agreeing_year("2023-03-12", "mardi 12 mars", 2022) == "2023-03-12"  # a Saturday in 2022 too
    assert agreeing_year("2023-03-12", "le 12 mars", 2024) == "2023-03-12"  # no weekday written
    assert agreeing_year("2023-03-12", "mardi 12 mars", None) == "2023-03-12"
    assert agreeing_year("2023-03", "mardi 12 mars", 2024) == "2023-03"  # no day
    assert agreeing_year(None, "mardi", 2024) is None
