"""veille.events.noun_frames: which role an event noun's "de X" complement plays (invented sentences)."""

from __future__ import annotations

from events_support import code
from veille.common.lexicon import rows
from veille.events.noun_frames import FRAMES

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_every_frame_has_a_type_a_role_and_an_invented_example():
    for noun, kind, role, example in rows("events/noun_frames.tsv", 4):
        assert kind == "*" or kind in PLOVER, noun
        assert role in ("agent", "patient"), noun
        assert noun in example.lower() or noun in example, noun
    assert FRAMES[("condamnation", "ACCUSE")] == "patient"


def _events(nlp, lex, text, entities):
    return [(e.type, e.source, e.target, e.rule) for e in code({"text": text, "entities": entities}, nlp, lex,
                                                                explain=True)]


def test_a_condemned_party_is_the_target_and_par_the_doer(nlp, lex):
    found = _events(nlp, lex, "La condamnation de Paul Vidal par Jean Morel a surpris ses proches.",
                    [["Paul Vidal", "PER"], ["Jean Morel", "PER"]])
    assert ("ACCUSE", "Jean Morel", "Paul Vidal") in [f[:3] for f in found]
    assert not any(f[1] == "Paul Vidal" for f in found)


def test_a_condemned_party_without_doer_is_no_source(nlp, lex):
    found = _events(nlp, lex, "Le syndicat Avenir a obtenu la condamnation de la société Valtex.",
                    [["Avenir", "ORG", ["syndicat Avenir"]], ["Valtex", "ORG", ["société Valtex"]]])
    assert not any(f[1] == "Valtex" for f in found)


def test_an_agent_noun_keeps_its_de_doer(nlp, lex):
    found = _events(nlp, lex, "La visite de Jean Morel à Port-Valdor a duré deux jours.",
                    [["Jean Morel", "PER"], ["Port-Valdor", "LOC"]])
    assert any(f[0] == "CONSULT" and f[1] == "Jean Morel" for f in found)


def test_de_la_part_de_is_the_doer(nlp, lex):
    found = _events(nlp, lex, "La condamnation de Paul Vidal de la part de Jean Morel a surpris.",
                    [["Paul Vidal", "PER"], ["Jean Morel", "PER"]])
    assert ("ACCUSE", "Jean Morel", "Paul Vidal", "noun:de-la-part") in [(f[0], f[1], f[2], f[3].split("source=")[1].split()[0])
                                                                       for f in found], found
