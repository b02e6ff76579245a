"""An event noun inside someone's words is the speaker's act only when the quote speaks in the first
person or brings the act in with an indefinite determiner; a definite or counted noun names an act told
already, someone else's (issue 13, helper evfam: ``source_rules.speaker_owns``). Invented sentences."""

from __future__ import annotations

from events_support import code

LEA = ["Léa Tamar", "PER"]
PAUL = ["Paul Vidal", "PER"]


# The court is the quote's speaker but no entity, so that its own "estimer" event (ACCUSE, subject)
# is not merged with the noun's: what is checked is the noun's source alone.
def _sources(nlp, lex, text: str, quote: str, speaker: str, etype: str) -> list[tuple]:
    case = {"text": text, "entities": [LEA, PAUL], "quotes": [[quote, speaker]]}
    return [(e.source, e.rule) for e in code(case, nlp, lex, explain=True) if e.type == etype and "noun:" in (e.rule or "")]


def test_a_new_act_in_the_words_is_the_speakers(nlp, lex):
    quote = "chaque survol du lac deviendrait une menace pour les riverains"
    found = _sources(nlp, lex, f"Léa Tamar a estimé que {quote}.", quote, "Léa Tamar", "THREATEN")
    assert any(src == "Léa Tamar" and "source=quote-speaker" in rule for src, rule in found), found


def test_counted_acts_the_speaker_reports_are_not_theirs(nlp, lex):
    quote = "les enquêteurs ont confirmé deux accusations de vol"
    found = _sources(nlp, lex, f"Le Tribunal a estimé que {quote}.", quote, "Tribunal", "ACCUSE")
    assert not any("source=quote-speaker" in rule or src == "Tribunal" for src, rule in found), found
