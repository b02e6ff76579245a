"""The PLOVER codebook triggers (``lexicons/events/codebook_triggers.tsv``), each on its invented example."""

from __future__ import annotations

from events_support import code, trigger_table_tests, trigger_types
from veille.events.words import masculine

CODEBOOK = "events/codebook_triggers.tsv"
# invented places and bodies the examples use, given as entities so that @ACTOR objects resolve
NAMES = [("Valdoria", "LOC"), ("Ostrie", "LOC"), ("Port-Lune", "LOC"), ("Montvert", "LOC"), ("Chisinau", "LOC"),
         ("Moldavie", "LOC"), ("Géorgie", "LOC"), ("Bruxelles", "LOC"), ("Washington", "LOC"), ("ONU", "ORG"),
         ("FMI", "ORG")]


def _types(nlp, lex, text: str) -> set[str]:
    return trigger_types(nlp, lex, text, NAMES)


test_every_line_carries_an_invented_example, test_every_example_finds_its_type = trigger_table_tests(CODEBOOK, NAMES)


def test_except_keeps_a_press_conference_out_of_meetings(nlp, lex):
    assert "CONSULT" not in _types(nlp, lex, "Le syndicat Forge a donné une conférence de presse mardi.")
    assert "CONSULT" in _types(nlp, lex, "La conférence des ministres s'est ouverte à Port-Lune.")


def test_a_light_verb_with_an_idiom_is_one_event(nlp, lex):
    events = code({"text": "La Moldavie a fait pression sur la Géorgie.",
                   "entities": [["Moldavie", "LOC"], ["Géorgie", "LOC"]]}, nlp, lex)
    assert [(e.type, e.source) for e in events] == [("REQUEST", "Moldavie")]


def test_masculine_forms_of_adjectives():
    assert "inquiet" in masculine("inquiètes")
    assert "outré" in masculine("outrées")
    assert "favorable" in masculine("favorables")
    assert "furieux" in masculine("furieuse")


def test_a_feminine_predicative_adjective_is_a_trigger(nlp, lex):
    events = code({"text": "La ministre Léa Tamar s'est dite inquiète de la situation en Moldavie.",
                   "entities": [["Léa Tamar", "PER"], ["Moldavie", "LOC"]]}, nlp, lex)
    assert ("ACCUSE", "Léa Tamar") in {(e.type, e.source) for e in events}
