"""The name an entity the KB does not know goes by (``entities/display_names.py``, the school
noun's name in ``entities/name_shapes.py``). Invented names and sentences."""

from __future__ import annotations

from test_entities import run_with_ents
from veille.entities.display_names import introduced_name
from veille.model import Entity


def org(name: str, *mentions: str) -> Entity:
    return Entity(name, "ORG", list(mentions))


def test_a_body_goes_by_the_full_name_it_is_introduced_by():
    e = org("Conseil valdorien des archives", "Conseil valdorien des archives régionales",
            "Conseil valdorien des archives", "Conseil valdorien des archives")
    introduced_name([e])
    assert e.name == "Conseil valdorien des archives régionales"
    e = org("Fonds Lunel", "Fonds Lunel de Brivac", "Fonds Lunel")
    introduced_name([e])
    assert e.name == "Fonds Lunel de Brivac"  # a name after "de" is a complement


def test_a_capitalised_word_glued_after_or_a_later_longer_form_is_no_full_name():
    for e in (org("Conseil des archives", "Conseil des archives Lundi", "Conseil des archives"),
              org("Conseil des archives", "Conseil des archives", "Conseil des archives locales"),
              org("Conseil des archives", "Conseil des archives, le", "Conseil des archives"),
              org("Conseil des archives", "Grand Conseil des archives", "Conseil des archives")):
        introduced_name([e])
        assert e.name == "Conseil des archives"
    linked = Entity("Conseil de l'Europe", "ORG", ["Conseil de l'Europe élargi", "Conseil de l'Europe"], kb_id="org:x")
    introduced_name([linked])
    assert linked.name == "Conseil de l'Europe"  # the KB names a linked body


def test_in_the_stage_the_body_named_in_full_first_keeps_that_name(nlp, full_stage):
    # (the two forms are one body by the nationality after the name: ``headed.merge_demonym_tails``)
    art = run_with_ents(nlp, full_stage,
                        "Le Conseil du rail suisse publie un avis. Selon le Conseil du rail, la ligne ferme. "
                        "Le Conseil du rail a voté.",
                        [("Conseil du rail suisse", "ORG"), ("Conseil du rail", "ORG"), ("Conseil du rail", "ORG")])
    orgs = [e for e in art.entities if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Conseil du rail suisse"]


def test_a_person_goes_by_the_full_name_without_a_place_a_credit_or_a_lower_case_word_glued_on(full_stage):
    from veille.entities.person_names import person_name

    res = full_stage.res
    assert person_name(res, ["Lyon Théo Varlin", "Théo Varlin", "Varlin"]) == "Théo Varlin"  # a dateline
    assert person_name(res, ["Théo Varlin AFP", "Théo Varlin"]) == "Théo Varlin"  # a credit
    assert person_name(res, ["Théo Varlin aussi", "Théo Varlin"]) == "Théo Varlin"
    assert person_name(res, ["Théo Varlin Lyon", "Varlin"]) == "Théo Varlin Lyon"  # no shorter full name written
    assert person_name(res, ["Anna Maria Varlin", "Maria Varlin"]) == "Anna Maria Varlin"  # a given name
    assert person_name(res, ["Théo de Varlin", "de Varlin"]) == "Théo de Varlin"


def test_a_person_goes_by_the_full_name_without_a_caption_or_a_body_run_over_it(full_stage):
    from veille.entities.person_names import person_name

    res = full_stage.res
    assert person_name(res, ["Théo VARLIN Photographe voyageur", "Théo Varlin"]) == "Théo Varlin"
    assert person_name(res, ["Korvix Conseil de Théo Varlin", "Théo Varlin"]) == "Théo Varlin"
    assert person_name(res, ["Jean de La Fontenelle", "La Fontenelle"]) == "Jean de La Fontenelle"


def test_a_venue_written_with_hyphens_and_the_person_written_with_a_space_are_two(nlp, full_stage):
    from conftest import entity_records

    found = entity_records(nlp, full_stage, "Le circuit Paul-Marlet accueille la course dimanche. "
                                            "Paul Marlet y avait gagné en 1979, avant que Marlet ne meure.")
    assert found["Circuit Paul-Marlet"].type == "LOC"
    assert found["Paul Marlet"].type == "PER"


def test_a_name_written_alone_that_a_venue_carries_as_written_is_still_the_venue():
    from veille.entities.named_after import merge_named_after

    gallery = Entity("Galerie Lucien Marlet", "ORG", ["galerie Lucien Marlet"])
    out = merge_named_after([gallery, Entity("Lucien Marlet", "PER", ["Lucien Marlet"])])
    assert out == [gallery] and gallery.mentions == ["galerie Lucien Marlet", "Lucien Marlet"]


def test_a_person_named_in_two_spellings_goes_by_the_one_written_first(nlp, full_stage):
    from conftest import entity_records

    found = entity_records(nlp, full_stage, "Jean-Marc Lorvin a signé le texte. Selon Jean Marc Lorvin, le vote "
                                            "aura lieu. Élodie Varsac approuve. Elodie Varsac a même applaudi.")
    assert set(found) == {"Jean-Marc Lorvin", "Élodie Varsac"}
    assert len(found["Jean-Marc Lorvin"].mentions) == 2
