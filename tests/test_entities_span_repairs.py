"""Span repairs that carry over between sites (invented sentences, invented people)."""

from __future__ import annotations

from veille.model import Article
from veille.pipeline import Context


def _entities(nlp, stage, text):
    art = Article(id="t", title=None, paragraphs=text.split("\n\n"), published="2023-05-02")
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    return {e.name: e.type for e in art.entities}


def test_a_name_glued_to_its_link_copy_is_read_once(nlp, full_stage):
    found = _entities(nlp, full_stage, "Elle a parlé à Paul Verdan. Paul VerdanPaul Verdan est reparti. "
                                       "CertainsCertains ont ri.")
    assert "Paul Verdan" in found
    assert not any("VerdanPaul" in name or name.startswith("Certains") for name in found)


def test_a_person_is_cut_before_the_group_or_place_named_after_him(nlp, full_stage):
    found = _entities(nlp, full_stage, "Sur scène, on retrouvait Gilles Marchand des Tourniquets et Hervé Lavoie "
                                       "des Rocailleurs, avec Ibrahima Ndour de Dakar.")
    assert {"Gilles Marchand", "Hervé Lavoie", "Ibrahima Ndour"} <= set(found)
    assert found.get("Dakar") == "LOC"
    assert not any(" des " in name or name.endswith("Dakar") and name != "Dakar" for name in found)


def test_a_nobiliary_particle_stays(nlp, full_stage):
    found = _entities(nlp, full_stage, "Charles de Gaulle et Joachim du Bellay sont cités par Hélène Varin.")
    assert "Charles de Gaulle" in found
    assert "Joachim du Bellay" in found


def test_a_seat_marked_as_a_building_is_a_place_unless_it_acts(nlp, full_stage):
    found = _entities(nlp, full_stage, "Paul Verdan a été reçu mardi à la Maison-Blanche pour un déjeuner.")
    assert found.get("Maison-Blanche") == "LOC"
    found = _entities(nlp, full_stage, "La Maison-Blanche a démenti mardi toute négociation.")
    assert found.get("Maison-Blanche") == "ORG"


def test_a_seat_not_marked_as_a_building_stays_the_institution(nlp, full_stage):
    # Élysée, Kremlin, Matignon, Downing Street: ORG, as the team's blind gold types them; the
    # real-page guidelines would say LOC for "à l'Élysée" (an open question to the maintainers).
    found = _entities(nlp, full_stage, "Paul Verdan a été reçu mardi à l'Élysée pour un déjeuner.")
    assert found.get("Palais de l'Élysée") == "ORG"


def test_participles_of_every_verb_group():
    from veille.entities.span_repairs import participle_of

    dictionary = frozenset({"méduser", "enfouir", "vendre"})
    assert participle_of("médusée", dictionary)
    assert participle_of("enfouies", dictionary)
    assert participle_of("vendus", dictionary)
    assert not participle_of("marie", dictionary)


def test_a_square_park_or_courtyard_is_named_with_its_noun(nlp, full_stage):
    found = _entities(nlp, full_stage, "L'exposition est à découvrir place de Strasbourg, dans la capitale. "
                                       "Les enfants jouent au parc Delmas. Au fond de la cour des Tisserands, "
                                       "un rideau de laine pend.")
    assert found.get("Place de Strasbourg") == "LOC"
    assert found.get("Parc Delmas") == "LOC"
    assert found.get("Cour des Tisserands") == "LOC"
    assert "Strasbourg" not in found and "Tisserands" not in found


def test_instead_of_a_person_is_no_square(nlp, full_stage):
    found = _entities(nlp, full_stage, "Le ministre a pris la place de Paul Verdan au conseil.")
    assert "Paul Verdan" in found


def test_a_person_without_rank_glued_quote_or_capitalised_title(nlp, full_stage):
    found = _entities(nlp, full_stage, "Le Français Léo Marinval 9e, trois places devant. Pour le rédacteur en chef "
                                       "Dan Rouvier,\"on se souviendra de tout\". Un proche du Président Kim Su-bin "
                                       "a parlé.")
    assert {"Léo Marinval", "Dan Rouvier", "Kim Su-bin"} <= set(found)
    assert not any(name.endswith("9e") or '"' in name or name.startswith("Président") for name in found)


def test_inhabitants_of_a_town_name_a_place(nlp, full_stage):
    found = _entities(nlp, full_stage, "Une habitante de Tarvello a témoigné devant le conseil.")
    assert found.get("Tarvello") == "LOC"


def test_a_congolese_particle_keeps_the_name_whole(nlp, full_stage):
    found = _entities(nlp, full_stage, "Le parti fondé par Etienne Kalumba wa Ndaye a gagné. Plus tard, "
                                       "Félix Kalumba a été élu.")
    assert "Etienne Kalumba wa Ndaye" in found
    assert "Ndaye" not in found


def test_a_hospital_or_museum_after_its_lower_case_noun_is_an_organisation(nlp, full_stage):
    found = _entities(nlp, full_stage, "Des soignants se sont rassemblés devant l'hôpital Jean Varentin. "
                                       "Le musée Delorgue rouvre ses portes.")
    types = {name.lower(): kind for name, kind in found.items()}
    assert types.get("hôpital jean varentin", types.get("hôpital jean-varentin")) == "ORG"
    assert types.get("musée delorgue") == "ORG"
