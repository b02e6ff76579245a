"""Organisations that speak (issue 16, round 15): an organisation noun opened by an indefinite and named
in apposition ("Une association …, Voix libres, a dénoncé …"), and "il"/"elle" after a definite
organisation noun ("Le comité s'inquiète … Il se dit …"), which is no unnamed person. Invented
sentences and names only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Voix libres", "ORG"), ("Comité des riverains du Lac", "ORG"), ("Paul Arnaud", "PER"),
          ("Freedonie", "LOC"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


def test_an_indefinite_organisation_noun_is_named_by_its_apposition(nlp):
    got = _direct(nlp, ["Paul Arnaud a présenté la réforme mardi.",
                        "Une association de défense des locataires en Freedonie, Voix libres, a dénoncé une décision "
                        "« injuste, brutale et tout à fait inutile pour les familles »."])
    assert got == [("Voix libres", "appositive_organisation")]


def test_an_indefinite_organisation_noun_without_a_name_stays_unnamed(nlp):
    got = _direct(nlp, ["Paul Arnaud a présenté la réforme mardi.",
                        "Une association de défense des locataires a dénoncé une décision « injuste, brutale et "
                        "tout à fait inutile pour les familles »."])
    assert got == [(None, "unnamed_source")]


def test_il_after_a_definite_organisation_noun_is_the_organisation(nlp):
    got = _direct(nlp, ["Le Comité des riverains du Lac a publié son rapport mardi. Le comité s'inquiète de la "
                        "hausse des loyers. Il se dit préoccupé par « l'absence de logements sociaux dans le "
                        "quartier »."])
    assert got[0][0] == "Comité des riverains du Lac"


def test_elle_after_a_described_person_still_names_nobody(nlp):
    got = _direct(nlp, ["Le garage a fermé ses portes en mars.",
                        "La cliente s'est présentée devant les juges. Elle a expliqué que « la facture avait été "
                        "doublée sans aucune explication »."])
    assert got[0][0] is None
