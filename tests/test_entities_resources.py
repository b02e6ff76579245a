"""entities/resources.py: the stage's word lists are data files with a header, read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.common.lexicon import LEXICON_DIR, header, rows
from veille.common.names import NAME_PARTICLES
from veille.entities.resources import (
    DETERMINERS,
    GRAMMAR,
    PARTICLES,
    ROLE_MODIFIERS,
    ROLE_QUALIFIERS,
    calendar_words,
    display_name,
    load_resources,
)
from veille.pipeline import Context

FIXTURE = Path(__file__).parent / "data" / "kb_fixture"
STAGE_FILES = sorted(p.name for p in (LEXICON_DIR / "entities").glob("*.tsv"))


@pytest.mark.parametrize("name", STAGE_FILES)
def test_every_entity_lexicon_names_its_source_columns_and_an_example(name):
    top = " ".join(header(f"entities/{name}")).lower()
    assert "source:" in top and "columns:" in top and "example:" in top
    assert rows(f"entities/{name}")


def test_the_grammar_groups_the_rules_read_are_all_there():
    assert {"of", "of_folded", "of_bare", "within", "definite", "definite_name", "coordination",
            "possessive", "before_role", "short_particle"} <= set(GRAMMAR)
    assert GRAMMAR["short_particle"] <= NAME_PARTICLES


def test_word_lists_are_read_from_the_files():
    assert {"la", "l'", "cette"} <= DETERMINERS
    assert {"ancien", "vice"} <= ROLE_MODIFIERS
    assert "par interim" in ROLE_QUALIFIERS
    # the shared list, and its elided particles with a typographic apostrophe as the tokenizer keeps it
    assert NAME_PARTICLES <= PARTICLES and "d’" in PARTICLES
    assert {p.replace("’", "'") for p in PARTICLES} == NAME_PARTICLES


def test_calendar_words_come_from_calendar_json_without_abbreviations():
    words = calendar_words()
    assert {"lundi", "aout", "decembre", "hier", "soir"} <= words
    assert not any(w.endswith(".") for w in words)


def test_a_kb_disambiguator_is_not_shown():
    assert display_name("Assemblée de Valdorie (Valdorie)") == "Assemblée de Valdorie"
    assert display_name("(Valdorie)") == "(Valdorie)"


def test_resources_honour_the_settings():
    res = load_resources(Context(settings={"kb_dirs": [str(FIXTURE)], "entity_linking": False}))
    assert res.link is False
    assert "org:nato" in res.kb.entries and len(res.kb.entries) < 100
    assert "jens" in res.given_names  # the KB's given names join the lexicon's
    assert res.metonyms  # "Bruxelles" stands for an organisation of the fixture KB
    assert res.foreign_words and not res.foreign_words & {"le", "la", "et"}
