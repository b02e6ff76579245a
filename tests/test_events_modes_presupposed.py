"""veille.events.modes.presupposed: an event noun a negated verb takes as given (a determined noun in a
complement of a verb that neither does, supports nor partakes in its act) took place; a noun the
negation denies stays negated (invented sentences, invented people and places)."""

from __future__ import annotations

import pytest

from events_support import code


def _modes(nlp, lex, text: str, etype: str) -> list[str]:
    return [e.mode for e in code({"text": text, "entities": []}, nlp, lex) if e.type == etype]


@pytest.mark.parametrize("text", [
    "Après l'assassinat samedi du gardien d'un entrepôt de Valdor, les enquêteurs n'excluent pas un lien avec un vol.",
    "Le cheval du haras de Valdor ne s'est jamais remis de cette agression sexuelle.",
])
def test_an_event_the_negated_clause_takes_as_given_took_place(nlp, lex, text):
    modes = _modes(nlp, lex, text, "ASSAULT")
    assert modes and set(modes) == {"fact"}


def test_a_denied_or_excluded_event_stays_off(nlp, lex):
    assert _modes(nlp, lex, "La gendarmerie n'exclut pas l'assassinat du gardien de Valdor.",
                  "ASSAULT") == ["hypothetical"]
    assert set(_modes(nlp, lex, "Le cheval du haras n'a subi aucune agression.", "ASSAULT")) <= {"negated"}
