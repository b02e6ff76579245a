"""The ACCUSE, REJECT and REQUEST words written from French (``lexicons/events/thesaurus_triggers.tsv``),
each on its invented example, and the frames that carry their source and target."""

from __future__ import annotations

from events_support import code, trigger_table_tests, trigger_types

THESAURUS = "events/thesaurus_triggers.tsv"
# invented places and people the examples use, given as entities so that actors resolve
NAMES = [("Valdoria", "LOC"), ("Ostrie", "LOC"), ("Montvert", "LOC"), ("Paul Vidal", "PER"), ("Léa Tamar", "PER"),
         ("Marc Olivar", "PER"), ("Horizon Bleu", "ORG"), ("Forge", "ORG"), ("Aube", "ORG")]


def _entities(text: str) -> list[list[str]]:
    return [[n, t] for n, t in NAMES if n in text]


def _types(nlp, lex, text: str) -> set[str]:
    return trigger_types(nlp, lex, text, NAMES)


def _events(nlp, lex, text: str) -> set[tuple]:
    return {(e.type, e.source, e.target) for e in code({"text": text, "entities": _entities(text)}, nlp, lex)}


test_every_line_carries_an_invented_example, test_every_example_finds_its_type = trigger_table_tests(THESAURUS, NAMES)


def test_insult_and_mockery_name_the_one_attacked(nlp, lex):
    assert ("ACCUSE", "Paul Vidal", "Léa Tamar") in _events(nlp, lex, "Le député Paul Vidal a invectivé la ministre Léa Tamar en séance.")
    assert ("ACCUSE", "Léa Tamar", "Paul Vidal") in _events(nlp, lex, "La députée Léa Tamar se moque du projet de Paul Vidal.")
    assert ("ACCUSE", "Paul Vidal", "Léa Tamar") in _events(nlp, lex, "Le blogueur Paul Vidal a traîné dans la boue la maire Léa Tamar.")


def test_an_unnamed_crowd_taking_someone_to_task_is_a_null_source(nlp, lex):
    assert ("ACCUSE", None, "Paul Vidal") in _events(nlp, lex, "Des militants ont pris à partie le député Paul Vidal sur le marché.")


def test_mockery_of_nothing_in_the_list_is_no_accusation(nlp, lex):
    assert "ACCUSE" not in _types(nlp, lex, "Le chanteur Paul Vidal se moque bien de la pluie à Montvert.")


def test_breaking_away_and_denials(nlp, lex):
    assert ("REJECT", "Horizon Bleu", "Paul Vidal") in _events(nlp, lex, "Le parti Horizon Bleu s'est dissocié des propos de Paul Vidal.")
    assert ("REJECT", "Horizon Bleu", "Marc Olivar") in _events(nlp, lex, "Le parti Horizon Bleu a tourné le dos au maire Marc Olivar.")
    assert ("REJECT", "Paul Vidal", None) in _events(nlp, lex, "Le ministre Paul Vidal dénie toute responsabilité dans l'affaire.")


def test_declining_and_opposing_only_with_their_refusal_objects(nlp, lex):
    assert "REJECT" in _types(nlp, lex, "La société Forge décline toute responsabilité dans l'accident.")
    assert "REJECT" not in _types(nlp, lex, "La production de l'usine Forge décline depuis un an.")
    assert "REJECT" not in _types(nlp, lex, "La finale opposera le club de Montvert à Valdoria.")


def test_clearing_oneself_of_blame_is_a_denial(nlp, lex):
    assert ("REJECT", "Marc Olivar", None) in _events(nlp, lex, "Le maire Marc Olivar a tenté de se disculper devant le conseil.")


def test_breaking_with_a_party_not_with_a_partner(nlp, lex):
    assert ("REJECT", "Paul Vidal", "Horizon Bleu") in _events(nlp, lex, "Le député Paul Vidal a rompu avec le parti Horizon Bleu.")
    assert "REJECT" not in _types(nlp, lex, "Le chanteur Paul Vidal a rompu avec sa compagne.")


def test_turning_a_deaf_ear_to_calls_is_a_refusal(nlp, lex):
    assert "REJECT" in _types(nlp, lex, "Le gouvernement de Valdoria reste sourd aux appels de l'ONU.")
