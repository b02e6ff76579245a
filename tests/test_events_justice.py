"""A court's conviction, a doom or a conviction obtained is no verbal condemnation (issue 13, justice:
``veille.events.justice``); a condemnation in words stays an accusation. Invented sentences."""

from __future__ import annotations

import pytest

from events_support import code

GROUPS = {"court_word", "obtain_verb", "appeal_noun"}

NO_ACCUSE = [
    ("La justice de Montvert vient de condamner deux hommes pour vol.", [["Montvert", "LOC"]]),
    ("Le tribunal de Montvert a condamné le gérant Paul Vidal pour fraude.",
     [["Montvert", "LOC"], ["Paul Vidal", "PER"]]),
    ("Comme son voisin, le vieux Paul Vidal est condamné à errer dans la vallée.", [["Paul Vidal", "PER"]]),
    ("Le syndicat Forge a obtenu la condamnation de la société Ombrel pour discrimination.",
     [["Forge", "ORG"], ["Ombrel", "ORG"]]),
    ("Condamné pour ses propos, le maire Paul Vidal a fait appel devant la cour de Montvert.",
     [["Paul Vidal", "PER"], ["Montvert", "LOC"]]),
    ("Condamné pour ces déclarations, Marc Olivar a fait appel devant le Tribunal suprême de Montvert (TSM).",
     [["Marc Olivar", "PER"], ["Montvert", "LOC"]]),
]

ACCUSE = [
    ("Le parti Horizon Bleu condamne les propos du maire Paul Vidal.",
     [["Horizon Bleu", "ORG"], ["Paul Vidal", "PER"]]),
    ("Le parti Horizon Bleu vient de condamner les propos du maire Paul Vidal.",
     [["Horizon Bleu", "ORG"], ["Paul Vidal", "PER"]]),
    ("La ministre Léa Tamar a condamné les frappes de l'armée de Montvert à Port-Lune.",
     [["Léa Tamar", "PER"], ["Montvert", "LOC"], ["Port-Lune", "LOC"]]),
]


@pytest.mark.parametrize(("text", "entities"), NO_ACCUSE)
def test_a_conviction_is_no_accusation(nlp, lex, text, entities):
    events = code({"text": text, "entities": entities}, nlp, lex)
    assert "ACCUSE" not in [e.type for e in events], [(e.type, e.source, e.target) for e in events]


@pytest.mark.parametrize(("text", "entities"), ACCUSE)
def test_a_condemnation_in_words_is_kept(nlp, lex, text, entities):
    events = code({"text": text, "entities": entities}, nlp, lex)
    assert "ACCUSE" in [e.type for e in events], [(e.type, e.source, e.target) for e in events]


def test_every_word_carries_an_invented_example():
    from veille.common.lexicon import header, rows

    assert any(line.startswith("# source:") for line in header("events/justice_words.tsv"))
    for row in rows("events/justice_words.tsv", min_columns=3):
        assert row[0] in GROUPS, row
        assert row[2].endswith("."), row
