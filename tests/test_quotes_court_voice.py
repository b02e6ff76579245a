"""A court's words under a word for a part of it ("la justice a souligné", "selon la chambre"): the court the
article named before (issue 16; guideline: a chamber of a court speaks as the court it belongs to). With no
court named, nobody. Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Tribunal administratif de Vienne", "ORG"), ("Paul Arnaud", "PER"), ("Vienne", "LOC"),
          ("Voix libres", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


def test_la_justice_is_the_court_named_before(nlp):
    got = _direct(nlp, ["Le Tribunal administratif de Vienne a suspendu mardi l'arrêté du maire Paul Arnaud.",
                        "La justice a souligné que les distributions de repas « sont tout à fait insuffisantes "
                        "pour les familles »."])
    assert got == [("Tribunal administratif de Vienne", "court_part")]


def test_selon_la_chambre_is_the_court_named_before(nlp):
    got = _direct(nlp, ["Le Tribunal administratif de Vienne a rendu sa décision mardi.",
                        "Selon la chambre, le maire « aurait dû prévenir les familles bien plus tôt »."])
    assert got[0][0] == "Tribunal administratif de Vienne"


def test_no_court_named_leaves_the_words_unnamed(nlp):
    got = _direct(nlp, ["L'association Voix libres a saisi la justice en mars.",
                        "La justice a souligné que les distributions de repas « sont tout à fait insuffisantes "
                        "pour les familles »."])
    assert got[0][0] is None


def test_the_chamber_is_the_court_it_was_written_with(nlp):
    people = (("Cour d'appel de Vienne", "ORG"), ("Cour de cassation", "ORG"), ("Paul Arnaud", "PER"))
    got = [(s, r) for _, s, r in quote_direct(nlp, [
        "L'affaire a été renvoyée en 2019 par la chambre de l'instruction de la Cour d'appel de Vienne.",
        "La Cour de cassation avait auparavant annulé le non-lieu rendu au profit de Paul Arnaud.",
        "Selon la chambre, le maire « aurait dû prévenir les familles bien plus tôt »."], people, "case")]
    assert got[0][0] == "Cour d'appel de Vienne"


def test_two_courts_and_no_chamber_written_leave_nobody(nlp):
    people = (("Cour d'appel de Vienne", "ORG"), ("Cour de cassation", "ORG"), ("Paul Arnaud", "PER"))
    got = [(s, r) for _, s, r in quote_direct(nlp, [
        "La Cour d'appel de Vienne a jugé l'affaire en 2019, la Cour de cassation l'a revue en 2021.",
        "La justice a souligné que le maire « aurait dû prévenir les familles bien plus tôt »."], people, "case")]
    assert got[0][0] is None
