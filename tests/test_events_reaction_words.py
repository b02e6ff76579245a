"""veille.events.reaction_words: a reaction noun drawn by a causing verb ("suscite l'opposition de X")
is that reaction, whatever its own complements; the causing verbs come from the lexicon."""

from __future__ import annotations

from events_support import code
from veille.events.reaction_words import CAUSE_VERBS, REACTION_TYPES, drawn_reaction


def _readings(lex, tok) -> list:
    return lex.nouns.get(tok.lemma_, []) + lex.nouns.get(tok.text.lower(), [])


def test_the_lexicon_gives_the_causing_verbs_and_types() -> None:
    assert {"susciter", "provoquer"} <= CAUSE_VERBS
    assert {"REJECT", "PROTEST"} <= REACTION_TYPES


def test_drawn_by_a_causing_verb_or_not(nlp, lex) -> None:
    drawn = nlp("Ce projet de digue suscite l'opposition de trois associations.")
    noun = next(t for t in drawn if t.text == "opposition")
    assert all(drawn_reaction(t, noun, _readings(lex, noun)) for t in _readings(lex, noun))
    alone = nlp("L'opposition de trois associations à la digue grandit.")
    noun = next(t for t in alone if t.text == "opposition")
    assert not any(drawn_reaction(t, noun, _readings(lex, noun)) for t in _readings(lex, noun))
    # a constrained reading is left when the word has a free reaction reading among its readings
    protests = nlp("Ce projet de digue suscite les protestations de trois associations.")
    noun = next(t for t in protests if t.text == "protestations")
    assert {t.type: drawn_reaction(t, noun, _readings(lex, noun)) for t in _readings(lex, noun)} == {
        "PROTEST": True, "ACCUSE": False}


def test_the_coder_finds_the_drawn_reaction(nlp, lex) -> None:
    events = code({"text": "Ce projet de digue suscite l'opposition de trois associations.", "entities": []},
                  nlp, lex, explain=True)
    assert [e.type for e in events] == ["REJECT"] and "trigger:noun:opposition" in events[0].rule
