"""veille.events.modes: what a governing request or threat does not govern (invented sentences,
invented people): a participle set off by a comma after its noun, and an event doing the act."""

from __future__ import annotations

from events_support import code

ENTITIES = [["Moldavie", "LOC"], ["Géorgie", "LOC"], ["Ana Ruiz", "PER"], ["Paul Varenne", "PER"]]


def _modes(nlp, lex, text: str, etype: str) -> list[str]:
    return [e.mode for e in code({"text": text, "entities": ENTITIES}, nlp, lex) if e.type == etype]


def test_a_participle_set_off_by_a_comma_is_asserted_not_demanded(nlp, lex):
    # the petition is a request; its being supported is told as a fact, as "qui est soutenue" would be
    assert _modes(nlp, lex, "Sa pétition, soutenue par Ana Ruiz, a obtenu trois millions de signatures.",
                  "SUPPORT") == ["fact"]


def test_a_participle_without_comma_stays_inside_the_demand(nlp, lex):
    # "réclame des armes livrées par …": the delivery is what is demanded
    assert _modes(nlp, lex, "Ana Ruiz réclame des armes livrées par la Moldavie.", "AID") == ["demanded"]


def test_an_event_doing_the_threat_took_place(nlp, lex):
    # the strikes threaten the truce: they happened; a threat of strikes would not have
    assert _modes(nlp, lex, "Les frappes de la Moldavie contre la Géorgie menacent la trêve.", "ASSAULT") == ["fact"]
    assert "fact" not in _modes(nlp, lex, "Paul Varenne menace la Moldavie de frappes contre la Géorgie.", "ASSAULT")


def test_what_governs_the_threat_still_counts(nlp, lex):
    assert _modes(nlp, lex, "Les frappes de la Moldavie contre la Géorgie pourraient menacer la trêve.",
                  "ASSAULT") == ["hypothetical"]
