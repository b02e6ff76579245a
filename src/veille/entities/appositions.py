"""Persons NER left as things or read as places, shown by the words around them:

- a noun of profession, art, sport or kinship right before ("le graphiste Lino Varda", "la
  rappeuse Nola B", "son ami Tarek": ``lexicons/entities/person_nouns.tsv``), at most one
  lower-case adjective between;
- a speech verb in an inverted incise right before (", confie Nicoletta.", "», raconte Maëlle"):
  the speaker of a quote (the verbs of ``lexicons/speech_verbs.tsv``).
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows

PERSON_NOUNS = frozenset(norm(r[0]) for r in rows("entities/person_nouns.tsv"))
SPEECH_LEMMAS = frozenset(r[0] for r in rows("speech_verbs.tsv", min_columns=3) if r[1] == "fr")
_INCISE_OPENERS = frozenset({",", "»", "”", '"'})


def person_noun_before(first: Any) -> bool:
    """"le graphiste | X", "la jeune violoniste | X", "son ami | X"."""
    doc = first.doc
    for back in (1, 2):
        if first.i - back < 0:
            return False
        t = doc[first.i - back]
        if t.is_lower and norm(t.text) in PERSON_NOUNS:
            return True
        if not (t.is_lower and t.pos_ == "ADJ"):
            return False
    return False


def incise_speaker(first: Any) -> bool:
    """", confie | Nicoletta", "», raconte | Maëlle": the subject of an inverted speech verb."""
    doc = first.doc
    if first.i < 2:
        return False
    verb, before = doc[first.i - 1], doc[first.i - 2]
    return verb.is_lower and verb.lemma_ in SPEECH_LEMMAS and before.text in _INCISE_OPENERS
