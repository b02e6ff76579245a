"""Issue 16, outside-page audit (entities17): acronyms of common nouns of business and teaching
("son CA", "l'ERP", "les CSP+"), page-furniture words ("Synopsis", "Loading") and a firm after
"vice-président de" are no person nor place. Sentences and names are invented."""

from __future__ import annotations

from test_entities import by_name, run_with_ents


def test_acronyms_of_common_nouns_name_nothing(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Valtrix veut doubler son CA en trois ans et relier ses outils à l'ERP de Lyon.",
                        [("Valtrix", "ORG"), ("CA", "ORG"), ("ERP", "ORG"), ("Lyon", "LOC")])
    names = by_name(art)
    assert "CA" not in names and "ERP" not in names
    assert names["Lyon"].type == "LOC"


def test_a_social_category_is_no_place(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Les cadres (CSP+) de Nantes achètent plus de NFT que les autres.",
                        [("CSP+", "LOC"), ("Nantes", "LOC"), ("NFT", "ORG")])
    names = by_name(art)
    assert "CSP+" not in names and "NFT" not in names
    assert names["Nantes"].type == "LOC"


def test_page_furniture_words_are_no_names(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Synopsis : Loading Paul Marin quitte Nantes pour Lyon.",
                        [("Synopsis", "PER"), ("Loading", "ORG"), ("Paul Marin", "PER")])
    names = by_name(art)
    assert "Synopsis" not in names and "Loading" not in names
    assert names["Paul Marin"].type == "PER"


def test_a_firm_after_vice_president_is_an_organisation(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "« Une étape décisive », commente Paul Marin, vice-président d'Ossilon.",
                        [("Paul Marin", "PER"), ("Ossilon", "LOC")])
    names = by_name(art)
    assert names["Ossilon"].type == "ORG"
    assert names["Paul Marin"].type == "PER"


def test_a_given_name_after_vice_president_stays_a_person(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le conseil a élu Léa Vernet vice-présidente de Paul Marin et de son équipe.",
                        [("Léa Vernet", "PER"), ("Paul Marin", "PER")])
    assert by_name(art)["Paul Marin"].type == "PER"


def test_a_club_named_with_its_abbreviation_is_an_organisation(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le FC Valdrin s'est imposé face à Brivac SCO samedi à Lyon.",
                        [("FC Valdrin", "PER"), ("Brivac SCO", "LOC"), ("Lyon", "LOC")])
    names = by_name(art)
    assert names["FC Valdrin"].type == "ORG"
    assert names["Brivac SCO"].type == "ORG"
    assert names["Lyon"].type == "LOC"


def test_a_racing_team_is_no_place(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Tomas Veldek (Korvan Pro Team) a gagné l'étape devant Paul Marin.",
                        [("Tomas Veldek", "PER"), ("Korvan Pro Team", "LOC"), ("Paul Marin", "PER")])
    names = by_name(art)
    assert names["Korvan Pro Team"].type == "ORG"
    assert names["Tomas Veldek"].type == "PER" and names["Paul Marin"].type == "PER"


def test_the_employer_cue_types_every_mention_of_the_body(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "Le compte était faux, selon Kelbra. « Jamais vu », affirme Paul Marin, vice-président de Kelbra.",
                        [("Kelbra", "PER"), ("Paul Marin", "PER"), ("Kelbra", "ORG")])
    names = by_name(art)
    assert names["Kelbra"].type == "ORG"
    assert names["Paul Marin"].type == "PER"


def test_a_spelled_out_common_acronym_is_no_organisation(nlp, full_stage):
    art = run_with_ents(nlp, full_stage,
                        "La Location Longue Durée (LLD) séduit à Lyon. « La Location Longue Durée est simple », dit-il.",
                        [("Location Longue Durée", "ORG"), ("LLD", "ORG"), ("Lyon", "LOC"), ("Location Longue Durée", "ORG")])
    names = by_name(art)
    assert not any("Location" in n or n == "LLD" for n in names)
    assert names["Lyon"].type == "LOC"
    art = run_with_ents(nlp, full_stage, "Paul Marin a reçu six jours d'ITT (Incapacité totale de travail) à Nantes.",
                        [("Paul Marin", "PER"), ("Incapacité totale de travail", "ORG"), ("Nantes", "LOC")])
    names = by_name(art)
    assert "Incapacité totale de travail" not in names
    assert names["Paul Marin"].type == "PER"


def test_a_body_spelled_out_before_a_listed_acronym_stays(nlp, full_stage):
    art = run_with_ents(nlp, full_stage, "Le Conseil Artisanal (CA) de Valdrin a voté lundi.",
                        [("Conseil Artisanal", "ORG")])
    assert "Conseil Artisanal" in by_name(art)
