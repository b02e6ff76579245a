"""Evaluative predicates (``lexicons/events/evaluative_triggers.tsv``, issue 13): a judgement passed
on something is an accusation by the one who judges (``veille.events.judgements``), each row on its
invented example, and the readings it must not take."""

from __future__ import annotations

import pytest

from events_support import build, code
from veille.common.lexicon import rows
from veille.events.triggers import find_triggers
from veille.events.view import ArticleView

EVALUATIVE = "events/evaluative_triggers.tsv"
LINES = [row for row in rows(EVALUATIVE, min_columns=3) if row[0] != "@class"]
NAMES = [["Paul Vidal", "PER"], ["Léa Tamar", "PER"], ["Marc Olivar", "PER"], ["Forge", "ORG"],
         ["Horizon Bleu", "ORG"], ["Valdoria", "LOC"], ["Montvert", "LOC"]]


def _case(text: str, quotes: list[tuple[str, str]] | None = None) -> dict:
    return {"text": text, "entities": [n for n in NAMES if n[0] in text], "quotes": quotes or []}


def _types(nlp, lex, text: str) -> set[str]:
    art, doc = build(_case(text), nlp)
    view = ArticleView(lex, art, doc)
    return {trig.type for sent in doc.sents for trig, _, _ in find_triggers(view, sent)}


def _events(nlp, lex, text: str, quotes: list[tuple[str, str]] | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in code(_case(text, quotes), nlp, lex, explain=True)]


def test_every_line_carries_an_invented_example_and_a_judge():
    for row in LINES:
        assert len(row) >= 5 and row[4].endswith("."), row
        assert "judge=1" in row[3], row


@pytest.mark.parametrize("row", LINES, ids=[f"{r[0]}:{r[2]}" for r in LINES])
def test_every_example_finds_its_type(nlp, lex, row):
    assert row[0] in _types(nlp, lex, row[4])


def test_the_speaker_blames_the_party_the_subject_names(nlp, lex):
    text = "« La réforme de Marc Olivar est inacceptable », a lancé Paul Vidal."
    events = _events(nlp, lex, text, [("La réforme de Marc Olivar est inacceptable", "Paul Vidal")])
    assert ("ACCUSE", "Paul Vidal", "Marc Olivar") in events
    assert ("ACCUSE", "Marc Olivar", None) not in events  # the subject is judged, it does not judge


def test_the_holder_of_an_opinion_judges(nlp, lex):
    events = _events(nlp, lex, "Pour Paul Vidal, la politique de Marc Olivar est méprisante.")
    assert ("ACCUSE", "Paul Vidal", "Marc Olivar") in events


def test_a_judgement_with_its_party_in_the_sentence_before(nlp, lex):
    text = "Le maire Marc Olivar a fermé la piscine. « C'est une faute », a réagi Léa Tamar."
    events = _events(nlp, lex, text, [("C'est une faute", "Léa Tamar")])
    assert ("ACCUSE", "Léa Tamar", "Marc Olivar") in events


def test_a_description_nobody_voices_is_no_event(nlp, lex):
    assert _events(nlp, lex, "La situation est catastrophique dans la ville de Montvert.") == []


def test_a_judgement_noun_blames_only_as_a_predicate(nlp, lex):
    assert "ACCUSE" not in _types(nlp, lex, "Paul Vidal a quitté la salle sans honte.")
    assert "ACCUSE" not in _types(nlp, lex, "L'échec des négociations a surpris Léa Tamar.")


def test_a_pronominal_verb_in_a_compound_tense_keeps_its_subject(nlp, lex):
    # "s'en est pris": the parser reads "est" as a passive auxiliary; the subject still acts
    events = _events(nlp, lex, "Le syndicat Forge s'en est pris au ministre Marc Olivar.")
    assert ("ACCUSE", "Forge", "Marc Olivar") in events


def test_defending_oneself_from_a_blame_is_a_denial_not_a_fight(nlp, lex):
    assert "REJECT" in _types(nlp, lex, "La ministre Léa Tamar s'est défendue d'avoir menti au syndicat Forge.")
    assert "REJECT" not in _types(nlp, lex, "Le maire Marc Olivar s'est défendu face à un agresseur armé.")


def test_praise_in_someone_s_words_is_support_of_the_praised(nlp, lex):
    text = "« Le maire Marc Olivar a été exemplaire », a estimé la ministre Léa Tamar."
    events = _events(nlp, lex, text, [("Le maire Marc Olivar a été exemplaire", "Léa Tamar")])
    assert ("SUPPORT", "Léa Tamar", "Marc Olivar") in events
