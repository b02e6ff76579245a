"""Parties bound on broken parses (issue 13, wrong actors): the bearer of a passive infinitive in a
series of participles (``veille.events.passive_series``) and the party a judgement's own sentence
blames (``veille.events.judged_party``). Invented sentences."""

from __future__ import annotations

from events_support import build, code
from veille.events.judged_party import party_in_sentence
from veille.events.view import ArticleView


def _events(nlp, lex, text: str, entities: list) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.rule) for e in code({"text": text, "entities": entities}, nlp, lex,
                                                                explain=True)]


def test_every_participle_of_a_passive_series_is_undergone_by_the_subject(nlp, lex):
    # (a COERCE first: "séquestrée", once the COERCE of this test, is an ASSAULT since helper evprec2)
    text = "Sur son blog, Lina Varga raconte avoir été expulsée, violée et frappée durant deux nuits par des rôdeurs."
    events = _events(nlp, lex, text, [["Lina Varga", "PER"]])
    assault = next(e for e in events if e[0] == "ASSAULT")
    assert assault[1:3] == (None, "Lina Varga"), events
    assert assault[3].endswith("target=passive-series-bearer"), assault
    assert ("COERCE", None, "Lina Varga") in [e[:3] for e in events]  # the clean parse: passive_controller


def test_a_passive_infinitive_with_its_own_subject_is_not_a_series(nlp, lex):
    text = "Lina Varga affirme que Paul Durand a été frappé par des inconnus."
    events = _events(nlp, lex, text, [["Lina Varga", "PER"], ["Paul Durand", "PER"]])
    assert ("ASSAULT", None, "Paul Durand") in [e[:3] for e in events], events
    assert not any(e[3].endswith("passive-series-bearer") for e in events)


def _judged(nlp, lex, text: str, entities: list, word: str, speaker: str):
    art, doc = build({"text": text, "entities": entities}, nlp)
    view = ArticleView(lex, art, doc)
    head = next(t for t in doc if t.text == word)
    return party_in_sentence(view, head, speaker)


def test_an_adjective_on_an_object_blames_the_verbs_subject(nlp, lex):
    text = "Paul Vidal note que la société Forge a mené une politique injuste envers ses ouvriers."
    found = _judged(nlp, lex, text, [["Paul Vidal", "PER"], ["Forge", "ORG"]], "injuste", "paul vidal")
    assert found is not None and [a.name for a in found[0]] == ["Forge"] and found[1] == "judged-doer"


def test_the_bearer_of_a_copula_is_not_blamed(nlp, lex):
    text = "Paul Vidal regrette que Lina Varga ait été victime de rumeurs diffamatoires."
    assert _judged(nlp, lex, text, [["Paul Vidal", "PER"], ["Lina Varga", "PER"]], "diffamatoires", "paul vidal") is None


def test_the_judge_is_never_the_party_blamed(nlp, lex):
    text = "Paul Vidal a mené une politique injuste."
    assert _judged(nlp, lex, text, [["Paul Vidal", "PER"]], "injuste", "paul vidal") is None


def test_a_predicate_naming_nobody_blames_the_subject_of_its_conjunct(nlp, lex):
    text = "Paul Vidal estime que la réforme a été un échec et que la société Forge n'a pas tenu parole."
    found = _judged(nlp, lex, text, [["Paul Vidal", "PER"], ["Forge", "ORG"]], "échec", "paul vidal")
    assert found is not None and [a.name for a in found[0]] == ["Forge"] and found[1] == "judged-conjunct"


def test_the_subject_of_an_undergoing_verb_is_not_blamed(nlp, lex):
    text = "Paul Vidal rappelle que la société Forge a subi une campagne injuste."
    assert _judged(nlp, lex, text, [["Paul Vidal", "PER"], ["Forge", "ORG"]], "injuste", "paul vidal") is None
