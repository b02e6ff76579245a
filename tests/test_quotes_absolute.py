"""veille.quotes.absolute: "…, les pompiers précisant que …": the noun phrase between the comma and a
present participle is that participle's subject."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.absolute import absolute_clause_at, absolute_subject
from veille.quotes.cues import find_cues


def _state_and_participle(nlp, text: str, participle: str):
    state = quote_state(nlp, [text], {})
    for cue in find_cues(state):
        state.cue_at[cue.tok.i] = cue
    return state, next(t for t in state.doc if t.text == participle)


def test_the_phrase_after_the_comma_is_the_participles_subject(nlp) -> None:
    state, tok = _state_and_participle(nlp, "Les secours sont arrivés vite, les pompiers précisant que le feu "
                                             "était maîtrisé.", "précisant")
    first, last = absolute_subject(state, tok)
    assert state.doc[first:last + 1].text == "les pompiers"
    assert absolute_clause_at(state, first) is True
    assert absolute_clause_at(state, 0) is False


def test_no_phrase_when_the_participle_follows_its_comma(nlp) -> None:
    state, tok = _state_and_participle(nlp, "La préfète a parlé longtemps, soulignant que le port rouvrirait.",
                                       "soulignant")
    assert absolute_subject(state, tok) is None
    state, tok = _state_and_participle(nlp, "Les secours sont arrivés vite, à la demande de la mairie soulignant "
                                            "que le feu était maîtrisé.", "soulignant")
    assert absolute_subject(state, tok) is None  # a preposition opens it: no noun phrase of its own
