"""A public figure's nickname or initials written alone ("DSK", "BoJo", "Fatshi") are KB aliases, so
they join the person named in full instead of making a second person (issue 16, round 37). Invented
sentences."""

from __future__ import annotations

from conftest import entity_records as names


def test_initials_join_the_person_named_in_full(nlp, entity_stage):
    found = names(nlp, entity_stage, "Dominique Strauss-Kahn a publié un livre en mars.\n\n"
                                     "Selon ses proches, DSK ne compte pas revenir à la vie publique.")
    assert "Dominique Strauss-Kahn" in found and "DSK" not in found
    assert "DSK" in found["Dominique Strauss-Kahn"].mentions


def test_a_nickname_joins_the_person(nlp, entity_stage):
    found = names(nlp, entity_stage, "Boris Johnson a quitté la salle sous les huées.\n\n"
                                     "Une semaine plus tard, BoJo annonçait un nouveau livre.")
    assert "BoJo" not in found and "BoJo" in found["Boris Johnson"].mentions


def test_a_nickname_alone_goes_by_the_name(nlp, entity_stage):
    found = names(nlp, entity_stage, "À Kinshasa, les partisans de Fatshi ont défilé dimanche.")
    assert "Félix Tshisekedi" in found and "Fatshi" not in found
