"""entities/credits.py: story credits, with the agencies of lexicons/agencies.tsv."""

from __future__ import annotations

import pytest

from veille.common.lexicon import rows
from veille.entities.credits import credit_spans


def covered(text: str, part: str) -> bool:
    i = text.index(part)
    return any(a <= i and i + len(part) <= b for a, b in credit_spans(text))


@pytest.mark.parametrize("agency", sorted({r[0] for r in rows("agencies.tsv")}))
def test_every_listed_agency_in_brackets_is_a_credit(agency):
    text = f"Le conseil municipal de Valbonne a voté le budget.\n({agency})"
    assert covered(text, agency)


def test_bracketed_reporting_and_editing_lines_are_credits():
    text = "Le port a rouvert mardi. (Reportage Anselme Varin ; édité par Clotilde Mérou)"
    assert covered(text, "Anselme Varin") and covered(text, "Clotilde Mérou")


def test_lines_of_their_own_are_credits():
    text = "Le port a rouvert mardi.\nAvec AFP\nPar Odile Sarrasin-Brel"
    assert covered(text, "AFP") and covered(text, "Odile Sarrasin-Brel")


def test_a_person_in_brackets_is_not_a_credit():
    text = "Le maire (Rémi Castagne) a signé l'accord avec la région."
    assert not covered(text, "Rémi Castagne")
    assert credit_spans("Aucune mention de source ici.") == []


def test_a_credit_closing_a_captions_line_is_a_credit():
    text = ("La foule devant la mairie de Valbonne, lundi. Crédit : Anselme Varin\n"
            "Le maire a reçu les manifestants. © Clotilde Mérou\n"
            "Le maire, Odile Sarrasin, a parlé. Photo : Ivan Brel")
    assert covered(text, "Anselme Varin") and covered(text, "Clotilde Mérou") and covered(text, "Ivan Brel")
    assert not covered(text, "Odile Sarrasin") and not covered(text, "Valbonne")


def test_a_credit_word_inside_a_running_sentence_is_no_credit():
    text = "Le maire a dit. © Anselme Varin a signé la photo de la place, puis il est parti en vacances à la mer."
    assert not covered(text, "Anselme Varin")
