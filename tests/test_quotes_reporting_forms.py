"""Speakers in forms of French reporting met on every site (issue 16): the outlet that asked a
question is no voice, a detached phrase before the subject pronoun, a participle made a noun by its
determiner, an acronym used as a common noun, words credited after the quote. Invented sentences
and people only."""

from __future__ import annotations

from conftest import direct_speakers

PEOPLE = (("Claire Dubois", "PER"), ("Paul Arnaud", "PER"), ("Oscar T.", "PER"), ("Radio Vienne", "ORG"),
          ("Le Quotidien", "ORG"), ("Voix libres", "ORG"))


def _speakers(nlp, paragraphs: list[str]) -> list[str | None]:
    return direct_speakers(nlp, paragraphs, PEOPLE, "forms")


def test_the_outlet_that_asked_is_not_who_elle_is(nlp):
    assert _speakers(nlp, ["Claire Dubois a reçu les grévistes mardi.",
                           "Interrogée par Radio Vienne, elle estime que « rien n'est réglé »."]) == ["Claire Dubois"]
    # a man named before: "elle" is nobody named, never the radio
    assert _speakers(nlp, ["Paul Arnaud a reçu les grévistes mardi.",
                           "Interrogée par Radio Vienne, elle estime que « rien n'est réglé »."]) != ["Radio Vienne"]


def test_the_outlet_that_asked_owns_no_apposition(nlp):
    # "Le Quotidien, la maire" is no name and its descriptor: the mayor speaks
    got = _speakers(nlp, ["Claire Dubois a reçu les grévistes mardi. Jointe par Le Quotidien, la maire confirme : "
                          "« Nous partons. »"])
    assert got == ["Claire Dubois"]


def test_a_detached_phrase_before_the_subject_pronoun(nlp):
    got = _speakers(nlp, ["Paul Arnaud a présenté le projet à Claire Dubois. Les larmes aux yeux, elle confie : "
                          "« Je ne m'y attendais pas. »"])
    assert got == ["Claire Dubois"]


def test_a_participle_made_a_noun_by_its_determiner(nlp):
    got = _speakers(nlp, ["Oscar T. comparaissait mardi devant le tribunal.",
                          "« J'étais ivre, je voulais juste dormir », a tenté le prévenu face aux juges."])
    assert got == ["Oscar T."]


def test_an_acronym_used_as_a_common_noun(nlp):
    got = _speakers(nlp, ["L'association Voix libres publie une enquête. L'ONG appelle à « renforcer les contrôles »."])
    assert got == ["Voix libres"]


def test_words_credited_in_the_next_sentence(nlp):
    got = _speakers(nlp, ["Paul Arnaud a parlé le premier.",
                          "« Nous ne céderons pas. » Ce sont les mots de Claire Dubois, mardi, devant les grévistes."])
    assert got == ["Claire Dubois"]
