"""veille.quotes.organisation_subject: "Le conseil y dresse le constat : « … », écrit-il.": the incise
pronoun stands for the organisation the definite noun of its sentence takes up, when they agree."""

from __future__ import annotations

from quote_state_support import quote_state
from veille.quotes.organisation_subject import noun_subject_organisation
from veille.quotes.stage import collect_quotes

PEOPLE = {"Anne Morvan": "PER", "Conseil des îles": "ORG"}
LEAD = "Anne Morvan cite les travaux du Conseil des îles. Le conseil y dresse le même constat : "


def test_the_pronoun_takes_up_the_organisation_noun(nlp) -> None:
    text = LEAD + "« Les ports se vident chaque hiver », écrit-il."
    (quote,) = collect_quotes(quote_state(nlp, [text], PEOPLE))
    assert (quote.speaker, quote.rule) == ("Conseil des îles", "organisation_noun_subject")
    state = quote_state(nlp, [text], PEOPLE)
    at = state.text.index("écrit")
    assert noun_subject_organisation(state, at, "m") == "Conseil des îles"
    assert noun_subject_organisation(state, at, "f") is None  # "le conseil" is no "elle"


def test_a_pronoun_that_does_not_agree_is_someone_else(nlp) -> None:
    (quote,) = collect_quotes(quote_state(nlp, [LEAD + "« Les ports se vident chaque hiver », écrit-elle."], PEOPLE))
    assert quote.speaker == "Anne Morvan" and quote.rule != "organisation_noun_subject"
