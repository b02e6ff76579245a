"""veille.quotes.quote_runs: a cue-less quote ending its paragraph is the voice the next paragraph's
opening quote credits."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.stage import collect_quotes

PEOPLE = {"Anne Morvan": "PER", "Yann Goasdoué": "PER"}
NEXT = "« Le chantier a pris du retard, explique Yann Goasdoué. Rien n'avance. »"


def test_the_next_paragraph_credits_the_quote(nlp) -> None:
    paragraphs = ["Le maire a reçu les pêcheurs mardi.", "« Nous avons attendu bien trop longtemps sans réponse. »", NEXT]
    quotes = collect_quotes(quote_state(nlp, paragraphs, PEOPLE))
    first = quotes[0]
    assert first.text.startswith("Nous avons attendu") and first.speaker == "Yann Goasdoué"
    assert first.rule == "next_paragraph_credit"


def test_no_credit_when_other_words_follow_the_quote_in_its_paragraph(nlp) -> None:
    paragraphs = ["Le maire a reçu les pêcheurs mardi.",
                  "« Nous avons attendu bien trop longtemps sans réponse. » Anne Morvan le répète depuis mai.", NEXT]
    quotes = collect_quotes(quote_state(nlp, paragraphs, PEOPLE))
    assert quotes[0].rule != "next_paragraph_credit"
