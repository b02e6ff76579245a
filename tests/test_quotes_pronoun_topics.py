"""Who "il"/"elle" in a speech cue stands for when the last person named is only what its clause is
about: a person in a fronted adjunct of the pronoun's own clause (issue 16). Invented sentences and
people only."""

from __future__ import annotations

from conftest import direct_speakers

PEOPLE = (("Paul Arnaud", "PER"), ("Karim Bensaïd", "PER"), ("Lise Morel", "PER"), ("Anne Roy", "PER"))


def _speakers(nlp, paragraphs: list[str]) -> list[str | None]:
    return direct_speakers(nlp, paragraphs, PEOPLE, "pronoun-topic")


def test_a_person_in_a_fronted_adjunct_is_not_the_pronoun(nlp):
    # "après le départ de son adjoint X, il a déclaré": "il" is the one whose adjoint left
    got = _speakers(nlp, ["Paul Arnaud se dit écologiste. En 2020, après le départ de son adjoint Karim Bensaïd "
                          "pour « faute grave », il a déclaré à la radio : « Nous voulons changer les règles "
                          "du parti. »"])
    assert got[-1] == "Paul Arnaud"


def test_the_subject_of_a_fronted_clause_stays_the_pronoun(nlp):
    # "Quand X est arrivé, il a déclaré": X is the subject of a clause of his own, and the one who speaks
    got = _speakers(nlp, ["Paul Arnaud attendait sur le quai. Quand Karim Bensaïd est arrivé, il a déclaré : "
                          "« Nous partirons demain matin. »"])
    assert got == ["Karim Bensaïd"]


def test_a_name_heading_a_fronted_adjunct_is_the_pronoun(nlp):
    # "Quant à X, elle …": the adjunct sets X up as the topic "elle" takes up
    got = _speakers(nlp, ["« Nous ne signerons pas », a lancé Lise Morel. Quant à Anne Roy, invitée de la radio "
                          "locale, elle a refusé de commenter : « Je préfère attendre la fin de l'enquête. »"])
    assert got == ["Lise Morel", "Anne Roy"]
