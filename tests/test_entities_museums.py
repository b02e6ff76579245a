"""Museums and art schools named alone are organisations by their KB entries (round 33; invented
sentences and people)."""

from __future__ import annotations

from conftest import entity_records


def test_museums_named_alone_are_organisations(nlp, full_stage) -> None:
    text = ("Le Louvre a prêté trois tableaux à Valmont, a indiqué Nadège Orvault.\n\n"
            "Elle a étudié aux Beaux-Arts avant d'exposer au Palais de Tokyo et à l'Ermitage.")
    found = entity_records(nlp, full_stage, text)
    assert found["Louvre"].type == "ORG" and found["Louvre"].kb_id == "org:louvre", found
    beaux = next(e for e in found.values() if e.kb_id == "org:beaux-arts-de-paris")
    assert beaux.type == "ORG"
    assert found["Palais de Tokyo"].type == "ORG"
    assert next(e for e in found.values() if e.kb_id == "org:ermitage").type == "ORG"


def test_the_president_is_no_museum(nlp, full_stage) -> None:
    found = entity_records(nlp, full_stage, "Georges Vardel admirait Georges Pompidou, disait Léa Morvan.")
    assert found["Georges Pompidou"].type == "PER" and found["Georges Pompidou"].kb_id != "org:centre-pompidou"
