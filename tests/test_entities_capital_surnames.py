"""A person written with the surname in capitals ("Octave LEMARIN", invented): one mention whose key
writes the surname in mixed case, the surname alone in capitals a mention too (``capital_surnames.py``)."""

from __future__ import annotations

from conftest import entity_records
from veille.common.fold import norm
from veille.entities.capital_surnames import capital_surnames, mixed_case
from veille.entities.mention import Mention

GIVEN = frozenset({"octave", "anne", "paul", "jean", "jean-marc"})
NOT_NAMES = frozenset({"onu"})


def _keys(text: str, names: list[Mention] | None = None) -> list[tuple[str, str]]:
    found = capital_surnames(text, names or [], GIVEN, NOT_NAMES, not_given=frozenset({norm("intérieur"), "mme"}))
    return [(m.text, m.key) for m in found]


def test_mixed_case_of_surnames() -> None:
    assert mixed_case("LEMARIN") == "Lemarin"
    assert mixed_case("LE GOFF") == "Le Goff"
    assert mixed_case("DE VARLIN") == "de Varlin"
    assert mixed_case("DUPOND-VERLAC") == "Dupond-Verlac"
    assert mixed_case("O’DORNAN") == "O’Dornan"


def test_given_name_and_surname_in_capitals_is_a_person() -> None:
    text = "Le maire Octave LEMARIN a reçu Anne LE GOFF. « Nous tiendrons », a dit LEMARIN."
    assert _keys(text) == [("Octave LEMARIN", "Octave Lemarin"), ("Anne LE GOFF", "Anne Le Goff"),
                           ("LEMARIN", "Lemarin")]


def test_a_glued_ner_span_is_replaced_and_acronyms_are_no_surnames() -> None:
    text = "Le ministre de l'Intérieur Paul VARNIER a parlé. Selon Jean ONU, rien ne change. Paul UE aussi."
    glued = Mention(17, 41, "Intérieur Paul VARNIER", "Intérieur Paul VARNIER", "PER", "ner")
    assert _keys(text, [glued]) == [("Paul VARNIER", "Paul Varnier")]


def test_no_known_given_name_no_person() -> None:
    assert _keys("Le club Groupama FDJ et Selon CBS.") == []


def test_the_stage_names_capital_surnames_and_particled_names(nlp, full_stage) -> None:
    found = entity_records(nlp, full_stage, "La préfète Odile MARCHETTI a reçu le maire. « Le dossier avance », "
                                            "a dit MARCHETTI.\n\nLa députée Ilse van der Varnhout a présenté son "
                                            "plan. Selon van der Varnhout, les écoles rouvriront.")
    assert found["Odile Marchetti"].type == "PER" and "MARCHETTI" in found["Odile Marchetti"].mentions
    assert found["Ilse van der Varnhout"].type == "PER"


def test_a_double_surname_keeps_its_words_and_an_acronym_after_it_goes() -> None:
    assert _keys("Octave DAL VERNO a parlé.") == [("Octave DAL VERNO", "Octave Dal Verno")]
    assert _keys("Paul VARNIER ONU a parlé.") == [("Paul VARNIER", "Paul Varnier")]


def test_given_names_before_the_first_one_belong_to_the_name() -> None:
    text = "Selon Luc Octave VARNIER, et Zéphyrine Anne DORVAL, puis la Kurde Paul LEMARIN et Mme Anne VERLAC."
    ner = [Mention(6, 24, "Luc Octave VARNIER", "Luc Octave VARNIER", "PER", "ner"),
           Mention(29, 50, "Zéphyrine Anne DORVAL", "Zéphyrine Anne DORVAL", "PER", "ner"),
           Mention(60, 78, "Kurde Paul LEMARIN", "Kurde Paul LEMARIN", "PER", "ner"),
           Mention(82, 97, "Mme Anne VERLAC", "Anne VERLAC", "PER", "ner")]
    found = capital_surnames(text, ner, GIVEN | {"luc"}, NOT_NAMES, not_given=frozenset({norm("kurde"), "mme"}))
    assert [m.key for m in found] == ["Luc Octave Varnier", "Zéphyrine Anne Dorval", "Paul Lemarin", "Anne Verlac"]


def test_a_surname_two_persons_share_is_not_swept_alone() -> None:
    text = "Octave CAMIER et Anne CAMIER sont venus. CAMIER a parlé."
    assert [k for _, k in _keys(text)] == ["Octave Camier", "Anne Camier"]


def test_the_surname_after_another_given_name_is_not_swept() -> None:
    text = "Octave CAMIER a parlé. Zéphyrin CAMIER aussi. Selon Mme CAMIER, tout va bien."
    assert [k for _, k in _keys(text)] == ["Octave Camier", "Camier"]
