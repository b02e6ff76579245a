"""veille.events.modes: an act told as the goal of another, "afin de" + infinitive as "pour" +
infinitive, is what the agent intends (recorded), not a possibility; the goal of an act told as past is
told as done with it, a fact (invented sentences, invented people)."""

from __future__ import annotations

from events_support import code

ENTITIES = [["Paul Vidal", "PER"], ["Forge", "ORG"], ["Horizon Bleu", "ORG"]]


def _modes(nlp, lex, text: str, etype: str) -> list[str]:
    return [e.mode for e in code({"text": text, "entities": ENTITIES}, nlp, lex) if e.type == etype]


def test_afin_de_is_a_goal_as_pour_is(nlp, lex):
    assert _modes(nlp, lex, "Le syndicat Forge manifestera afin d'exiger la démission de Paul Vidal.",
                  "REQUEST") == ["intent"]
    assert _modes(nlp, lex, "Le syndicat Forge manifeste pour exiger la démission de Paul Vidal.",
                  "REQUEST") == ["intent"]
    assert _modes(nlp, lex, "Le parti Horizon Bleu se réunira jeudi afin de contrer la réforme de Paul Vidal.",
                  "REJECT") == ["intent"]


def test_the_goal_of_an_act_told_as_past_is_told_as_done(nlp, lex):
    assert _modes(nlp, lex, "Le syndicat Forge a manifesté afin d'exiger la démission de Paul Vidal.",
                  "REQUEST") == ["fact"]
    assert _modes(nlp, lex, "Le syndicat Forge manifestait pour exiger la démission de Paul Vidal.",
                  "REQUEST") == ["fact"]
    assert _modes(nlp, lex, "Le parti Horizon Bleu s'est réuni jeudi afin de contrer la réforme de Paul Vidal.",
                  "REJECT") == ["fact"]


def test_a_goal_in_the_conditional_stays_a_possibility(nlp, lex):
    assert _modes(nlp, lex, "Le syndicat Forge pourrait manifester afin d'exiger la démission de Paul Vidal.",
                  "REQUEST") == ["hypothetical"]


def test_an_offer_whose_object_is_the_act_is_the_act(nlp, lex):
    assert _modes(nlp, lex, "Le syndicat Forge offre ses condoléances à Paul Vidal.", "SUPPORT") == ["fact"]
    assert _modes(nlp, lex, "Le syndicat Forge offre de soutenir Paul Vidal.", "SUPPORT") == ["intent"]


def test_a_hoped_act_is_an_intent(nlp, lex):
    assert _modes(nlp, lex, "Les dirigeants du syndicat Forge espèrent s'entendre avec le parti Horizon Bleu.",
                  "AGREE") == ["intent"]
