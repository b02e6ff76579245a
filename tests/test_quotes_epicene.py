"""An epicene person noun after an elided article ("l'analyste", "l'épidémiologiste") tells no gender:
the tagger's guess on it must not turn a descriptor away from the man the text gave that role (issue 16).
Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct
from veille.quotes.gender import epicene

PEOPLE = (("Paul Arnaud", "PER"), ("Lise Morel", "PER"), ("Karim Bensaïd", "PER"))


def test_epicene_nouns_by_ending_and_by_word() -> None:
    assert epicene("épidémiologiste") and epicene("sociologue") and epicene("ministre") and epicene("Secrétaire")
    assert not epicene("avocate") and not epicene("directrice") and not epicene("historien")


def test_an_epicene_role_goes_to_the_man_given_that_role(nlp):
    got = quote_direct(nlp, [
        "L'épidémiologiste Paul Arnaud a dîné mardi avec Lise Morel, présidente du groupe parlementaire.",
        "« Je n'ai violé aucune consigne », a précisé l'épidémiologiste."], PEOPLE, "epicene")
    assert [s for _, s, _ in got] == ["Paul Arnaud"]
