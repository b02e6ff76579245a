"""The speaker of an incise after a quote is the doer, not a word of the quote the parser read as
the verb's subject (invented sentences and names)."""

from __future__ import annotations

from events_support import code

QUOTE = "Cette peine est l'une des plus légères du pays"
CASE = {"text": f"« {QUOTE} », s'insurge Ana Ruiz, avocate de l'association Alvar.",
        "entities": [["Ana Ruiz", "PER"], ["Alvar", "ORG"]], "quotes": [[QUOTE, "Ana Ruiz"]]}


def test_a_subject_inside_the_quote_is_not_the_incise_verbs(nlp, lex):
    events = [e for e in code(CASE, nlp, lex, explain=True) if e.type == "ACCUSE"]
    assert events, "'s'insurger' after the quote is the speaker's accusation"
    assert all(e.source == "Ana Ruiz" and e.target != "Ana Ruiz" for e in events)
    assert all("incise" in (e.rule or "") for e in events)


def test_a_stance_incise_that_only_says_how_the_quote_was_said_is_no_act(nlp, lex):
    # (this case was coded SUPPORT before the incise_said rule: the real-sentence gold codes no event
    # for such an incise, ``veille.events.incise_senses``)
    quote = "Cette peine est l'une des plus lourdes du pays"
    case = {"text": f"« {quote} », se félicite Ana Ruiz, avocate de l'association Alvar.",
            "entities": [["Ana Ruiz", "PER"], ["Alvar", "ORG"]], "quotes": [[quote, "Ana Ruiz"]]}
    assert not [e for e in code(case, nlp, lex) if e.type == "SUPPORT"]


def test_a_verb_inside_the_quote_keeps_its_own_subject(nlp, lex):
    quote = "Le syndicat Alvar soutient notre combat"
    case = {"text": f"« {quote} », a déclaré Ana Ruiz.", "entities": [["Ana Ruiz", "PER"], ["Alvar", "ORG"]],
            "quotes": [[quote, "Ana Ruiz"]]}
    assert any(e.type == "SUPPORT" and e.source == "Alvar" for e in code(case, nlp, lex))
