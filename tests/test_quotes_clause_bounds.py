"""veille.quotes.clause_bounds: where a reported clause ends when the parse is no help (a writer's
parenthesis closing it, the main clause resuming after a subordinate report)."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.clause_bounds import subordinate_cut, trailing_aside
from veille.quotes.stage import collect_quotes

PEOPLE = {"Anne Morvan": "PER", "Yann Goasdoué": "PER"}


def test_a_closing_parenthesis_is_the_writers_gloss(nlp) -> None:
    text = "Anne Morvan a affirmé que la piscine rouvrira en mai (elle est fermée depuis deux ans)."
    state = quote_state(nlp, [text], PEOPLE)
    s, e = state.text.index("la piscine"), state.text.index(").") + 1
    assert state.text[s:trailing_aside(state, s, e)] == "la piscine rouvrira en mai"
    assert trailing_aside(state, s, s + len("la piscine rouvrira")) == s + len("la piscine rouvrira")  # no parenthesis
    (quote,) = collect_quotes(quote_state(nlp, [text], PEOPLE))
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", "la piscine rouvrira en mai", "Anne Morvan")


def test_a_report_inside_a_subordinate_clause_ends_where_the_main_clause_resumes(nlp) -> None:
    text = "Le maire, lorsque Yann Goasdoué affirme que le pont rouvrira en juin, refuse de le croire."
    state = quote_state(nlp, [text], PEOPLE)
    cue = next(t for t in state.doc if t.text == "affirme")
    s, e = state.text.index("le pont"), len(state.text) - 1
    assert state.text[s:subordinate_cut(state, cue, cue.i, s, e)] == "le pont rouvrira en juin"
    (quote,) = collect_quotes(quote_state(nlp, [text], PEOPLE))
    assert (quote.text, quote.speaker) == ("le pont rouvrira en juin", "Yann Goasdoué")
