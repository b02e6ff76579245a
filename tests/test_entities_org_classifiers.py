"""veille.entities.cues: an organisation named right after a classifier noun ("la revue X")."""

from __future__ import annotations

from conftest import entity_types
from veille.entities.cues import CLASSIFIERS


def test_a_name_after_a_classifier_noun_is_an_organisation(nlp, entity_stage) -> None:
    assert "revue" in CLASSIFIERS
    types = entity_types(nlp, entity_stage, "Selon la revue Zetagramme, les ventes de vélos ont doublé à Valmorin.")
    assert types == {"Zetagramme": "ORG", "Valmorin": "LOC"}
