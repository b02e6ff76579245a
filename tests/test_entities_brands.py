"""A brand or an app named after its classifier noun ("la marque X", "l'application X") is an
organisation, never a person or a place (issue 16). Sentences and names are invented."""

from __future__ import annotations

from test_entities import by_name, run_with_ents


def test_a_brand_after_marque_is_no_person(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Les pizzas de la marque Travelune ont été rappelées lundi.",
                        [("Travelune", "PER")])
    assert by_name(art)["Travelune"].type == "ORG"


def test_an_app_after_application_is_no_place(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Elle court chaque matin avec l'application Movalia sur son téléphone.",
                        [("Movalia", "LOC")])
    assert by_name(art)["Movalia"].type == "ORG"
    art = run_with_ents(nlp, full_stage, "Il suit ses dépenses sur l'appli Kestrabel depuis janvier.",
                        [("Kestrabel", "PER")])
    assert by_name(art)["Kestrabel"].type == "ORG"


def test_the_application_of_a_law_names_nothing(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "L'application de la loi Vernal a pris du retard à Lyon.",
                        [("Vernal", "PER"), ("Lyon", "LOC")])
    assert by_name(art)["Lyon"].type == "LOC"
    assert "Vernal" not in by_name(art) or by_name(art)["Vernal"].type != "ORG"
