"""A role brought in without a name and named in the next sentence ("…, a déclaré un médecin. « … », a déclaré
le Dr X"): the quote is that person's (issue 16; real-page guideline: a quote first given to a role whose
holder the next sentence names is that person's). Invented sentences and names only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Claire Dubois", "PER"), ("Paul Arnaud", "PER"), ("Vienne", "LOC"))
LEAD = "La patiente Claire Dubois est sortie de l'hôpital de Vienne."


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


def test_a_doctor_named_by_title_in_the_next_sentence(nlp):
    got = _direct(nlp, [LEAD, "Elle « est solide mais fatiguée », a déclaré un médecin qui l'a examinée. « Elle doit "
                              "se reposer plusieurs semaines », a déclaré le Dr Paul Arnaud à la presse."])
    assert got[0] == ("Paul Arnaud", "role_named_next")


def test_a_role_named_after_selon_in_the_next_sentence(nlp):
    got = _direct(nlp, [LEAD, "« Il faut agir vite pour tous les patients », a déclaré un haut responsable de "
                              "l'hôpital. Selon Paul Arnaud, le directeur de l'établissement, les lits manquent."])
    assert got[0][0] == "Paul Arnaud"


def test_a_person_named_next_who_does_not_speak_is_not_the_role(nlp):
    got = _direct(nlp, [LEAD, "« Il faut agir vite pour tous les patients », a déclaré un médecin. Paul Arnaud, "
                              "le directeur de l'hôpital, a inauguré un service."])
    assert got[0][0] is None


def test_a_person_named_before_is_not_the_role_named_next(nlp):
    got = _direct(nlp, [LEAD, "« Il faut agir vite pour tous les patients », a déclaré un médecin. « Je suis "
                              "soulagée », a déclaré la patiente Claire Dubois."])
    assert got[0][0] is None
