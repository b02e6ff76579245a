"""veille.events.time_attachment.simultaneous: a gerund or a present participle takes its verb's time
(invented sentences)."""

from __future__ import annotations

from events_support import code
from veille.events import RECORDED_MODES

PEOPLE = [["Léon Barrat", "PER"], ["Paul Morin", "PER"], ["Lyon", "LOC"]]


def _dated(nlp, lex, text: str, times: list, etype: str) -> str | None:
    case = {"text": text, "entities": PEOPLE, "times": times, "published": "2025-03-20"}
    return next(e for e in code(case, nlp, lex, modes=RECORDED_MODES) if e.type == etype).date


def test_a_gerund_takes_the_time_after_its_verb(nlp, lex):
    text = "Paul Morin a répondu mardi à la presse en dénonçant Léon Barrat."
    assert _dated(nlp, lex, text, [["mardi", "2025-03-18"]], "ACCUSE") == "2025-03-18"

