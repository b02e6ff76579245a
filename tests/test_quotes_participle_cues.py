"""Speech cues: a past participle qualifying a noun, or opening its sentence, is no speech cue (issue 16,
speakers17). Invented sentences and people only."""

from __future__ import annotations

import pytest

from conftest import quote_direct
from veille.quotes.participles import adjectival_participle

PEOPLE = (("Anne Roy", "PER"), ("Paul Arnaud", "PER"), ("Karim Bensaïd", "PER"), ("Lise Morel", "PER"),
          ("ministère de la Santé", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    return quote_direct(nlp, paragraphs, PEOPLE, "part")


def _participle(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return adjectival_participle(doc, tok, tok.i)


@pytest.mark.parametrize("text, word, expected", [
    # a participle hung on a noun describes it: no speech reported
    ("Cette réforme critiquée par plusieurs syndicats doit « réduire les files d'attente ».", "critiquée", True),
    ("Après un bilan jugé décevant, Paul Arnaud repart en campagne.", "jugé", True),
    # a participle opening its sentence before a comma: a detached adjunct
    ("Reconnu coupable en mars, Paul Arnaud « fera appel », a annoncé son avocate.", "Reconnu", True),
    # an inverted subject after it: a verb of speech
    ("« Rien n'est perdu », dit-elle.", "dit", False),
    # a form the present tense shares, after a person's noun: the verb itself
    ("Cet automne, l'autrice prédit « une saison difficile pour les libraires ».", "prédit", False),
])
def test_a_participle_describing_a_noun_is_no_cue(nlp, text, word, expected):
    assert _participle(nlp, text, word) is expected


def test_an_inverted_subject_keeps_the_cue(nlp):
    got = _direct(nlp, ["Lise Morel est arrivée tôt. « Rien n'est perdu », dit-elle."])
    assert [s for _, s, _ in got] == ["Lise Morel"]
