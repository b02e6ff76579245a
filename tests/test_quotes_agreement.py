"""veille.quotes.agreement: the gender a sentence gives a person by agreement (an article over an
adjective before the name, an apposition, a descriptor the name is apposed to)."""

from __future__ import annotations

import pytest

from quote_state_support import quote_state
from veille.quotes.agreement import agreement_gender, feminine_form


@pytest.mark.parametrize(("text", "name", "gender"), [
    ("Hier, la jeune Soizic Marrec a pris la parole au conseil.", "Soizic Marrec", "f"),
    ("Hier, le vieux Corentin Abgrall a pris la parole au conseil.", "Corentin Abgrall", "m"),
    ("Anouk Vidal, militante du collectif, a pris la parole.", "Anouk Vidal", "f"),
    ("Camille Roux, un enseignant du lycée, a répondu.", "Camille Roux", "m"),
    ("La porte-parole du syndicat, Camille Roux, a répondu.", "Camille Roux", "f"),
    ("Le nouveau maire, Camille Roux, a répondu.", "Camille Roux", "m"),
    ("Camille Roux parle souvent aux habitants.", "Camille Roux", None),
])
def test_agreement_gender(nlp, text: str, name: str, gender: str | None) -> None:
    state = quote_state(nlp, [text], {name: "PER"})
    start = text.index(name)
    assert agreement_gender(state, start, start + len(name)) == gender


def test_feminine_form_of_person_words_only(nlp) -> None:
    state = quote_state(nlp, ["La militante et la membre du bureau sont venues."], {})
    forms = {t.text: feminine_form(state, t) for t in state.doc if t.pos_ in ("NOUN", "ADJ")}
    assert forms["militante"] is True  # "militant" is a person noun
    assert forms["membre"] is False  # one form for both
