"""veille.quotes.lead_subjects: a cue-less quote is the voice of the sentence that leads into it
("Pour X, « … »", the sentence written right before the quote)."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.lead_subjects import lead_subject
from veille.quotes.stage import collect_quotes

PEOPLE = {"Anne Morvan": "PER", "Yann Goasdoué": "PER", "Porvic": "LOC"}


def _said(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.rule) for q in collect_quotes(quote_state(nlp, paragraphs, PEOPLE))]


def test_pour_opens_the_voice(nlp) -> None:
    assert _said(nlp, ["Pour Anne Morvan, « le port de Porvic doit rouvrir avant l'été »."]) == [
        ("Anne Morvan", "pour_opening")]


def test_the_sentence_before_a_cueless_quote(nlp) -> None:
    paragraph = "Anne Morvan ne décolère pas depuis la fermeture du port de Porvic. « Nous avons été trahis par tout le monde. »"
    assert _said(nlp, [paragraph]) == [("Anne Morvan", "lead_sentence_subject")]
    state = quote_state(nlp, [paragraph], PEOPLE)
    (mark,) = state.marks
    cue = lead_subject(state, mark, state.seg_of(mark.start)[0])
    assert cue is not None and state.text[cue.subj_start:cue.subj_end] == "Anne Morvan" and cue.speaker is None
