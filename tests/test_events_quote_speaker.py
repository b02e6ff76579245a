"""An event noun inside someone's words is the speaker's act only when the quote speaks in the first
person or brings the act in with an indefinite determiner; a definite or counted noun names an act told
already, someone else's (issue 13, helper evfam: ``source_rules.speaker_owns``). Invented sentences."""

from __future__ import annotations

import pytest

from events_support import code

LEA = ["Léa Tamar", "PER"]
PAUL = ["Paul Vidal", "PER"]
COURT = ["Tribunal", "ORG"]


def _sources(nlp, lex, text: str, quote: str, speaker: str, etype: str) -> list[tuple]:
    case = {"text": text, "entities": [LEA, PAUL, COURT], "quotes": [[quote, speaker]]}
    return [(e.source, e.rule) for e in code(case, nlp, lex, explain=True) if e.type == etype]


@pytest.mark.parametrize("text, quote", [
    ("Léa Tamar a estimé que {}.", "toute livraison deviendrait une menace pour le pays"),
    ("Léa Tamar a estimé que {}.", "toute livraison deviendrait une cible légitime pour son pays"),
])
def test_a_new_act_in_the_words_is_the_speakers(nlp, lex, text, quote):
    found = _sources(nlp, lex, text.format(quote), quote, "Léa Tamar", "THREATEN")
    assert any(src == "Léa Tamar" and "source=quote-speaker" in rule for src, rule in found), found


def test_counted_acts_the_speaker_reports_are_not_theirs(nlp, lex):
    quote = "le parquet a pu établir trois accusations de fraude"
    found = _sources(nlp, lex, f"Le tribunal conclut que {quote}.", quote, "Tribunal", "ACCUSE")
    assert not any("source=quote-speaker" in (rule or "") for _, rule in found), found
    assert not any(src == "Tribunal" for src, _ in found), found
