"""veille.quotes.incise_position: where a speech verb stands (after a comma or a closing mark, an
incise; after a relative pronoun, a clause), the fillers between a subject and its verb, the short
phrase between an incise verb and its subject."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.incise_position import (
    before_is_incise,
    clause_before_incise,
    pp_end,
    skip_fillers_left,
    starts_person,
)


def _word(state, text: str):
    return next(t for t in state.doc if t.text == text)


def test_a_short_phrase_between_the_incise_verb_and_its_subject(nlp) -> None:
    state = quote_state(nlp, ["« Le port rouvrira », a assuré sur Radio Iroise la préfète Anne Morvan."],
                        {"Anne Morvan": "PER"})
    assert state.doc[pp_end(state, _word(state, "sur").i)].text == "la"
    named = quote_state(nlp, ["« Le port rouvrira », a assuré devant les élus Anne Morvan."], {"Anne Morvan": "PER"})
    assert named.doc[pp_end(named, _word(named, "devant").i)].text == "Anne"  # the name is the subject
    clause = quote_state(nlp, ["« Le port rouvrira », a assuré sur Radio Iroise que tout irait bien."], {})
    assert pp_end(clause, _word(clause, "sur").i) is None
    assert starts_person(state, state.text.index("Anne")) and not starts_person(state, state.text.index("préfète"))


def test_incise_or_clause(nlp) -> None:
    incise = quote_state(nlp, ["« Le port rouvrira », a assuré la préfète."], {})
    assert before_is_incise(incise, _word(incise, "assuré"))
    relative = quote_state(nlp, ["La Pologne, qui a annoncé hier son retrait, reste prudente."], {"Pologne": "LOC"})
    assert not before_is_incise(relative, _word(relative, "annoncé"))
    comme = quote_state(nlp, ["Comme l'a rappelé la maire, le port rouvrira."], {})
    assert before_is_incise(comme, _word(comme, "rappelé"))
    after_clause = quote_state(nlp, ["Le port rouvrira en mai, a assuré la préfète."], {})
    assert clause_before_incise(after_clause, _word(after_clause, "assuré"))


def test_fillers_between_subject_and_verb(nlp) -> None:
    state = quote_state(nlp, ["Anne Morvan pour sa part a aussi estimé que le port rouvrirait."], {"Anne Morvan": "PER"})
    k = skip_fillers_left(state, _word(state, "estimé").i - 1)
    assert state.doc[k].text == "Morvan"
