"""The ASSAULT, COERCE, PROTEST, RETREAT, CONCEDE and COOPERATE words written from French
(``lexicons/events/family_triggers.tsv``), each on its invented example, and the senses their
constraints keep out."""

from __future__ import annotations

from events_support import trigger_table_tests, trigger_types

FAMILIES = "events/family_triggers.tsv"
# invented places and people the examples use, given as entities so that actors resolve
NAMES = [("Valdoria", "LOC"), ("Ostrie", "LOC"), ("Montvert", "LOC"), ("Paul Vidal", "PER"), ("Léa Tamar", "PER")]


def _types(nlp, lex, text: str) -> set[str]:
    return trigger_types(nlp, lex, text, NAMES)


test_every_line_carries_an_invented_example, test_every_example_finds_its_type = trigger_table_tests(FAMILIES, NAMES)


def test_the_other_senses_stay_out(nlp, lex):
    # a match, a crisis faced, a fire with no one behind it, a hand, a seat of a body: no event
    assert "ASSAULT" not in _types(nlp, lex, "L'équipe de Montvert affrontera celle d'Ostrie samedi.")
    assert "ASSAULT" not in _types(nlp, lex, "Le gouvernement de Valdoria affronte une crise budgétaire.")
    assert "ASSAULT" not in _types(nlp, lex, "Un incendie de forêt a détruit trois hectares près de Montvert.")
    assert "COOPERATE" not in _types(nlp, lex, "Le musée de Montvert réunit des œuvres de deux siècles.")
    assert "RETREAT" not in _types(nlp, lex, "Le président du conseil a levé la séance à midi.")
    assert "COERCE" not in _types(nlp, lex, "Le club a reconduit son entraîneur pour une saison.")


def test_protest_and_visit_nouns_need_their_cue(nlp, lex):
    # a fashion show, a planet's motion, a birth: no protest, no visit
    assert "PROTEST" not in _types(nlp, lex, "Le défilé de mode de la maison Aube a eu lieu à Montvert.")
    assert "PROTEST" not in _types(nlp, lex, "Le mouvement de la Terre autour du Soleil dure un an.")
    assert "CONSULT" not in _types(nlp, lex, "La venue au monde de sa fille a tout changé pour Léa Tamar.")
    assert "COERCE" not in _types(nlp, lex, "Le contrôle des comptes de la commune de Montvert a pris un mois.")
