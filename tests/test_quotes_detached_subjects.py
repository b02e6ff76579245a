"""veille.quotes.detached_subjects: subjects a speech verb is parted from (the verb a subjectless
participle hangs on, a relative clause set off by commas, an apposition closed by a comma)."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.cues import find_cues
from veille.quotes.detached_subjects import apposition_before, participle_head_subject, relative_aside_subject
from veille.quotes.stage import collect_quotes


def _cue(nlp, text: str, entities: dict[str, str], verb: str):
    state = quote_state(nlp, [text], entities)
    return state, next(c for c in find_cues(state) if c.tok.text == verb)


def test_a_participle_takes_the_subject_of_the_verb_it_hangs_on(nlp) -> None:
    text = "« Une saison ratée », c'est ainsi qu'Anne Morvan a résumé l'année, estimant que le club devait changer."
    state, cue = _cue(nlp, text, {"Anne Morvan": "PER"}, "estimant")
    verb, subject = participle_head_subject(state, cue)
    assert (verb.text, subject.text) == ("résumé", "Anne")  # not "c'"
    said = collect_quotes(quote_state(nlp, [text], {"Anne Morvan": "PER"}))
    assert ("le club devait changer", "Anne Morvan") in [(q.text, q.speaker) for q in said]


def test_the_phrase_before_a_relative_aside(nlp) -> None:
    state, cue = _cue(nlp, "Anne Morvan, qui dirige l'école du village depuis dix ans, souligne que les effectifs "
                           "baissent.", {"Anne Morvan": "PER"}, "souligne")
    s, e = relative_aside_subject(state, cue)
    assert state.text[s:e] == "Anne Morvan"
    assert participle_head_subject(state, cue) is None


def test_a_comma_closing_an_apposition_is_no_incise(nlp) -> None:
    state, cue = _cue(nlp, "Au port, Yann Goasdoué, le patron des pêcheurs, s'est dit « très inquiet ».",
                      {"Yann Goasdoué": "PER"}, "dit")
    assert apposition_before(state, cue)
    state, cue = _cue(nlp, "« Nous sommes inquiets », a dit le patron des pêcheurs.", {}, "dit")
    assert not apposition_before(state, cue)
