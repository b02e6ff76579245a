"""The name variants of ``bench/name_perturb.py`` on invented text: each rewrites every mention of a
person consistently, and says what the gold's name becomes."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from name_variants import VARIANTS, Person, edits_for, initials, mentions, person_of, translit  # noqa: E402
from quote_variants import apply_edits  # noqa: E402

BODY = ("Le maire Jean-Marc Valbrune a reçu Octave Lemarin mardi. « Nous tiendrons », a dit Jean-Marc Valbrune. "
        "Selon M. Lemarin, la route rouvrira. Valbrune a confirmé.")
PEOPLE = [Person("Jean-Marc", "Valbrune"), Person("Octave", "Lemarin")]


def _variant(name: str) -> str:
    return apply_edits(BODY, edits_for(BODY, PEOPLE, VARIANTS[name])).text


def test_person_of_splits_particles_and_refuses_one_word() -> None:
    assert person_of("Ursule von der Brinken") == Person("Ursule", "von der Brinken")
    assert person_of("Lemarin") is None


def test_mentions_find_full_names_and_surnames_alone_in_order() -> None:
    found = [(BODY[m.start:m.end], m.full, m.first) for m in mentions(BODY, PEOPLE)]
    assert found == [("Jean-Marc Valbrune", True, True), ("Octave Lemarin", True, True),
                     ("Jean-Marc Valbrune", True, False), ("Lemarin", False, False), ("Valbrune", False, False)]


def test_caps_initial_and_surname_after_first() -> None:
    assert "Jean-Marc VALBRUNE a reçu Octave LEMARIN" in _variant("caps")
    assert "J.-M. Valbrune a reçu O. Lemarin" in _variant("initial")
    assert initials("Anne Marie") == "A. M."
    after = _variant("surname-after-first")
    assert "a dit Valbrune." in after and after.count("Jean-Marc") == 1


def test_title_skips_a_name_that_has_one() -> None:
    text = _variant("title")
    assert "le général Jean-Marc Valbrune" in text and "Me Octave Lemarin" in text
    assert "M. Lemarin" in text and "M. Me" not in text


def test_particle_and_gold_names() -> None:
    assert "Octave Le Lemarin" in _variant("particle")
    assert VARIANTS["particle"].gold(PEOPLE[1], 1) == ["Octave Le Lemarin"]
    assert VARIANTS["initial"].gold(PEOPLE[0], 0) == ["J.-M. Valbrune", "Jean-Marc Valbrune"]
    assert VARIANTS["caps"].gold(PEOPLE[0], 0) == []


def test_translit_respells_slavic_names_only() -> None:
    assert translit("Dorovsky") == "Dorovski"
    assert translit("Sergueï") == "Serguei"
    assert edits_for("Ivan Dorovsky a parlé.", [Person("Ivan", "Dorovsky")], VARIANTS["translit"])
    assert not edits_for("Octave Lemarin a parlé.", [Person("Octave", "Lemarin")], VARIANTS["translit"])



def test_title_never_goes_between_a_given_name_and_the_surname() -> None:
    # the text spells the given name otherwise ("Jean-Marc" without its hyphen), or elides before it
    people = [Person("Jean-Marc", "Valbrune"), Person("Octave", "Lemarin")]
    text = "Jean Marc Valbrune et d’Octave Lemarin. Valbrune a parlé."
    edits = edits_for(text, people, VARIANTS["title"])
    assert [text[s:e] for s, e, _ in edits] == ["Valbrune"] and edits[0][0] == text.index("Valbrune a")


def test_initials_only_where_the_press_writes_them() -> None:
    from name_variants import initialable
    twins = [Person("Adèle", "Korvan"), Person("Anouk", "Korvan"), Person("Basile", "Korvan")]
    assert not initialable(twins[0], twins) and initialable(twins[2], twins)
    assert not initialable(Person("Albéric", "IV"), []) and not initialable(Person("Odon le", "Sage"), [])
    assert initialable(Person("Odon", "de Varlin"), [])


def test_particle_forms_by_language_and_their_surname_alone() -> None:
    fr = _variant("particle-fr")
    # "de" is dropped before the surname alone, kept after a title; "du" set with a capital alone
    assert "Jean-Marc de Valbrune a reçu Octave du Lemarin" in fr
    assert "M. du Lemarin" in fr and fr.endswith("Valbrune a confirmé.")
    assert VARIANTS["particle-fr"].gold(PEOPLE[0], 0) == ["Jean-Marc de Valbrune"]
    assert "d'Arvel" in apply_edits("Anne Arvel.", edits_for("Anne Arvel.", [Person("Anne", "Arvel")],
                                                              VARIANTS["particle-fr"])).text
    nl = _variant("particle-nl")
    assert "Octave van der Lemarin" in nl and "Van Valbrune a confirmé" in nl
    assert "Jean-Marc ben Valbrune" in _variant("particle-ar")
    assert "Octave McLemarin" in _variant("particle-mac")
    assert "Octave de LA LEMARIN" in _variant("caps-particle")


def test_compound_surnames_and_three_part_names() -> None:
    assert "Octave Lemarin-Morvane" in _variant("surname-hyphen") and "Valbrune-Castellac a confirmé" \
        in _variant("surname-hyphen")
    assert "Octave Lemarin Morvane" in _variant("surname-double")
    three = _variant("three-part")
    assert "Octave Louis Lemarin" in three and "Selon M. Lemarin" in three
    assert VARIANTS["three-part"].gold(PEOPLE[1], 1) == ["Octave Louis Lemarin"]
