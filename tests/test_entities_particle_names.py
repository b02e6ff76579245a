"""Person names with lower-case particles between the given name and the surname (``particle_names.py``)
and surnames in capitals after a lower-case particle (``capital_surnames.py``); invented names."""

from __future__ import annotations

import pytest

from conftest import entity_records
from veille.entities.capital_surnames import capital_surnames, mixed_case


@pytest.mark.parametrize("name", ["Octave de la Marvière", "Ilse van der Meulen", "Lucia di Ferrandi",
                                  "Karim ben Salmi", "Anne d'Arvelle"])
def test_a_particle_name_is_one_person(nlp, entity_stage, name: str) -> None:
    text = (f"La commission a entendu {name} mardi à Brivac. « Nous tiendrons », a affirmé {name}, "
            "entourée de ses conseillers.")
    ents = entity_records(nlp, entity_stage, text)
    assert name in ents and ents[name].type == "PER"
    given = name.split()[0]
    assert given not in ents


def test_the_surname_alone_joins_the_particle_name(nlp, entity_stage) -> None:
    text = ("Le sénateur Octave de la Marvière a voté contre le texte. Selon Marvière, le budget "
            "ne tient pas.")
    ents = entity_records(nlp, entity_stage, text)
    assert "Octave de la Marvière" in ents and "Marvière" not in ents


def test_capital_surname_after_a_lower_case_particle() -> None:
    given = frozenset({"octave", "anne", "karl"})
    text = ("Le maire Octave de LA VARLIN a reçu Anne d'ARVEL et Karl van der MEULEN. LA VARLIN a dit, "
            "ARVEL aussi.")
    keys = [(m.text, m.key) for m in capital_surnames(text, [], given, frozenset())]
    assert keys == [("Octave de LA VARLIN", "Octave de La Varlin"), ("Anne d'ARVEL", "Anne d'Arvel"),
                    ("Karl van der MEULEN", "Karl van der Meulen"), ("LA VARLIN", "de La Varlin"),
                    ("ARVEL", "d'Arvel")]
    assert mixed_case("d'ARVEL") == "d'Arvel" and mixed_case("D'ARVEL") == "D'Arvel"


def test_a_capitalised_title_before_a_particle_name_is_cut() -> None:
    from veille.entities.mention import Mention
    from veille.entities.span_repairs import trim_person

    text = "Président Léo de Marin"
    m = trim_person(Mention(0, len(text), text, text, "PER", "ner"), text, frozenset({"president"}))
    assert m.key == "Léo de Marin"
