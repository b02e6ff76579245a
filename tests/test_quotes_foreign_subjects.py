"""veille.quotes.foreign_subjects: the subject of an English or Spanish speech cue, read from the words."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.cues import find_cues
from veille.quotes.foreign_subjects import foreign_subject


def _foreign(nlp, paragraph: str, entities: dict[str, str]) -> list[tuple[str, str | None, bool]]:
    state = quote_state(nlp, [paragraph], entities)
    out = []
    for cue in find_cues(state):
        if cue.entry.lang == "fr":
            continue
        cue.subj_start = cue.subj_end = cue.subj_text = None
        cue.inverted = False
        foreign_subject(state, cue)
        out.append((cue.entry.lang, cue.subj_text, cue.inverted))
    return out


def test_the_name_after_an_english_cue(nlp) -> None:
    assert _foreign(nlp, "« We will stay », said Tom Parry.", {"Tom Parry": "PER"}) == [("en", "Tom Parry", True)]


def test_a_pronoun_before_the_cue(nlp) -> None:
    found = _foreign(nlp, "« We will stay until the spring », she said.", {})
    assert found == [("en", "she", False)]
