"""veille.quotes.subjects: the words naming who speaks for each speech cue (the verb's subject before
or after it, an inverted clitic, the subject a modal carries, a foreign cue's words)."""

from __future__ import annotations

import pytest

from quote_state_support import quote_state
from veille.quotes.cues import find_cues
from veille.quotes.subjects import find_subject


def _subjects(nlp, paragraph: str, entities: dict[str, str]) -> list[tuple[str, str | None, bool]]:
    state = quote_state(nlp, [paragraph], entities)
    out = []
    for cue in find_cues(state):
        cue.subj_start = cue.subj_end = cue.subj_text = None
        cue.inverted = False
        find_subject(state, cue)  # (find_cues ran it once; again from a blank cue: the same words)
        out.append((cue.tok.text, cue.subj_text, cue.inverted))
    return out


@pytest.mark.parametrize(("paragraph", "entities", "found"), [
    ("« Nous rouvrirons le port », a déclaré le maire de Porvic, Yann Goasdoué.",
     {"Yann Goasdoué": "PER", "Porvic": "LOC"}, [("déclaré", "le maire de Porvic, Yann Goasdoué", True)]),
    ("« Nous rouvrirons le port », dit-il.", {}, [("dit", "il", True)]),
    ("La préfète Anne Morvan a estimé que le port rouvrirait en mai.", {"Anne Morvan": "PER"},
     [("estimé", "La préfète Anne Morvan", False)]),
    ("« Rien ne bouge », a fait savoir la mairie de Porvic.", {"Porvic": "LOC"},
     [("savoir", "la mairie de Porvic", True)]),
    ("« We will stay », said Tom Parry.", {"Tom Parry": "PER"}, [("said", "Tom Parry", True)]),
])
def test_subject_of_each_cue(nlp, paragraph: str, entities: dict[str, str], found: list) -> None:
    assert _subjects(nlp, paragraph, entities) == found


def test_a_participle_after_a_comma_speaks_for_itself_or_for_the_clause(nlp) -> None:
    own = _subjects(nlp, "Les secours sont arrivés vite, les pompiers précisant que le feu était maîtrisé.", {})
    assert own == [("précisant", "les pompiers", False)]
    governed = _subjects(nlp, "La préfète Anne Morvan a parlé longtemps, soulignant que le port rouvrirait.",
                         {"Anne Morvan": "PER"})
    assert ("soulignant", None, False) in governed  # the governing cue's speaker, resolved later
