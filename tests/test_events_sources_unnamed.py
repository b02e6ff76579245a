"""A statement whose speaker is a noun phrase naming no one in particular keeps a null source:
set after its verb (an incise after a quote, an inverted subject in a relative) or the antecedent
of a relative "qui" (invented sentences and names)."""

from __future__ import annotations

from events_support import code


def _accuse(case: dict, nlp, lex) -> list:
    return [e for e in code(case, nlp, lex, explain=True) if e.type == "ACCUSE"]


def test_an_incise_with_an_indefinite_speaker_has_a_null_source(nlp, lex):
    quote = "Je ne comprends pas que le maire ne comprenne rien"
    case = {"text": f"« {quote} », ironise un élu de l'opposition.", "entities": [], "quotes": [[quote, None]]}
    events = _accuse(case, nlp, lex)
    assert events and all(e.source is None and "unnamed-speaker" in (e.rule or "") for e in events)


def test_an_inverted_indefinite_subject_in_a_relative_has_a_null_source(nlp, lex):
    case = {"text": "C'est une réforme brutale que dénoncent mardi de nombreux syndicats locaux.", "entities": []}
    events = _accuse(case, nlp, lex)
    assert events and all(e.source is None and "unnamed-speaker" in (e.rule or "") for e in events)


def test_an_indefinite_antecedent_of_qui_has_a_null_source(nlp, lex):
    case = {"text": "Ces annonces ont provoqué la colère d'associations locales, qui ont accusé Paul Grimaud de mépris.",
            "entities": [["Paul Grimaud", "PER"]]}
    events = _accuse(case, nlp, lex)
    assert events and all(e.source is None and e.target == "Paul Grimaud" for e in events)


def test_a_named_or_definite_speaker_is_not_unnamed(nlp, lex):
    case = {"text": "Ces annonces ont provoqué la colère du syndicat Valcor, qui a accusé Paul Grimaud de mépris.",
            "entities": [["Paul Grimaud", "PER"], ["Valcor", "ORG"]]}
    assert all("unnamed-speaker" not in (e.rule or "") for e in _accuse(case, nlp, lex))
    quote = "Ce budget est une trahison"
    case = {"text": f"« {quote} », a dénoncé le maire.", "entities": [], "quotes": [[quote, None]]}
    assert all("unnamed-speaker" not in (e.rule or "") for e in _accuse(case, nlp, lex))
