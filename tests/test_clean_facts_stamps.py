"""Invented pages: the article's one line of facts (a date with its update or reading time) dates a
dump whose head is missed.

A template prints the article's facts on one line under its headline ("Author - date à HH:MM |
mis à jour le … - Temps de lecture : 2 min"), with no "Publié le" cue; when the headline chosen is
not the article's (a live blog's entry, a subheading), the head window is elsewhere and that line
was lost. The page's one such line, above the article's foot, now dates it; several such days (a
list of teasers with their facts) or one past the foot do not. Each case is written for these
tests (invented outlet, people and events).
"""

from __future__ import annotations

from test_clean_dumps import _stage_run
from test_clean_lost_head_stamps import lost_head_page
from veille.clean.head_stamps import facts_stamp

FACTS = "Jeanne CASTEL - 12 mars 2024 à 10:45 | mis à jour le 12 mars 2024 à 18:02 - Temps de lecture :"
READING = "Le Courrier de Valmorin - 12 mars 2024 à 10:45 - Temps de lecture : 3 min"


def _page(head_line: str | None, foot_line: str | None = None) -> str:
    """The lost-head page with the facts line in place of the byline and its stamp."""
    return lost_head_page(head_line, foot_line, byline=False)


def test_the_pages_one_facts_line_dates_it_when_the_head_is_missed() -> None:
    for line in (FACTS, READING):
        art = _stage_run(_page(line))
        assert art.title == "Le chantier de la passerelle"
        assert art.published == "2024-03-12"


def test_a_bare_date_without_update_or_reading_time_is_not_a_facts_line() -> None:
    assert _stage_run(_page("Jeanne CASTEL - 12 mars 2024 à 10:45")).published is None


def test_a_facts_line_past_the_foot_or_two_days_date_nothing() -> None:
    assert _stage_run(_page(None, READING)).published is None
    other = READING.replace("12 mars", "5 mars")
    assert _stage_run(_page(FACTS, other)).published is None


def test_facts_stamp_reads_the_publication_part() -> None:
    texts = ["Le Courrier de Valmorin", FACTS, None, "Le pont rouvre", "Un paragraphe."]
    stamp = facts_stamp(texts, 4)
    assert stamp is not None and "12 mars 2024" in stamp and "18:02" not in stamp
    # The same day printed twice (a share box repeating the line) is still one day.
    assert facts_stamp([*texts[:2], FACTS, *texts[2:]], 5) is not None
    assert facts_stamp(["Le pont rouvre", "12 mars 2024 à 10:45"], 2) is None
