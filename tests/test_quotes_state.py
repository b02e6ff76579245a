"""veille.quotes.state: an article's quote-stage state (quoted ranges, paragraphs, sentences, the
speaker memory) answers its questions by character position."""

from __future__ import annotations

import pytest

from quote_state_support import quote_state
from veille.model import Foreign
from veille.quotes.state import SpeakerMemory

PARAS = ["Soizic Marrec a ouvert sa librairie à Quelmer il y a dix ans.",
         "« Les lecteurs reviennent chaque samedi avec leurs enfants », raconte Soizic Marrec.",
         "Le maire, Corentin Abgrall, a promis une aide. Soizic Marrec attend toujours.",
         "« Grand Salon du Livre »"]
PEOPLE = {"Soizic Marrec": "PER", "Corentin Abgrall": "PER", "Quelmer": "LOC"}


@pytest.fixture(scope="module")
def state(nlp):
    return quote_state(nlp, PARAS, PEOPLE, title="Une librairie tient bon à Quelmer")


def test_paragraphs_and_quoted_ranges(state) -> None:
    text = state.text
    assert [text[s:e] for s, e in state.segs] == PARAS
    assert [text[s:e] for s, e in state.quote_ranges] == ["Les lecteurs reviennent chaque samedi avec leurs enfants",
                                                         "Grand Salon du Livre"]
    inside, outside = text.index("lecteurs"), text.index("raconte")
    assert state.in_quote(inside) and not state.in_quote(outside) and not state.in_quote(0)
    assert state.seg_of(outside) == state.segs[1]
    assert state.paragraph_start_before(text.index("Le maire")) == state.segs[1][0]
    assert state.paragraph_start_before(text.index("Le maire"), back=5) == state.segs[0][0]


def test_words_speech_and_tokens(state) -> None:
    speech, title = state.quote_ranges
    assert state.words(*speech) == 8
    assert state.speech_like(*speech) and not state.speech_like(*title)  # a title has no verb
    at = state.text.index("samedi")
    assert state.tok_at(at).text == "samedi" and state.tok_at(at + 3).text == "samedi"
    assert [t.text for t in state.toks_in(at, at + len("samedi avec"))] == ["samedi", "avec"]
    assert len(state.toks_in(at, at)) == 0
    assert state.skip_space(state.text.index(" Soizic Marrec attend")) == state.text.index("Soizic Marrec attend")


def test_sentence_bounds_keep_a_quote_whole(state) -> None:
    at = state.text.index("Corentin")
    s, e = state.sent_bounds(at)
    assert state.text[s:e].startswith("Le maire, Corentin Abgrall, a promis une aide.")
    assert e <= state.segs[2][1]


def test_language_of_a_quote(nlp) -> None:
    state = quote_state(nlp, ["« We will not leave the harbour », a dit Tom Parry, un pêcheur gallois."],
                        {"Tom Parry": "PER"})
    s, e = state.quote_ranges[0]
    assert state.language(s, e, None) == "fr"  # no foreign passage known
    state.art.foreign.append(Foreign(text=state.text[s:e], language="en", start=s, end=e))
    assert state.language(s, e, None) == "en"


def test_speaker_memory_keeps_the_order() -> None:
    memory = SpeakerMemory()
    memory.record("Soizic Marrec")
    memory.record(None)
    memory.record("Corentin Abgrall")
    assert memory.last == "Corentin Abgrall" and memory.speakers == ["Soizic Marrec", "Corentin Abgrall"]
