"""A speaker taken up along a chain of quotes (issue 16, bench/chain_perturb.py): a demonstrative
description as an inverted cue's subject ("estime cet homme") takes the speaker up rather than bring
someone new in, and a plural description is no antecedent of "il". Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Paul Arnaud", "PER"), ("Lise Morel", "PER"))


def test_a_demonstrative_cue_subject_takes_the_speaker_up(nlp):
    got = quote_direct(nlp, [
        "Paul Arnaud, commissaire de l'exposition, présente son projet.",
        "« Cette culture disparaît peu à peu », affirme-t-il. « Nous pouvons encore la garder », estime cet "
        "homme souriant, vêtu d'une veste de laine.",
        "Non loin, une statue est posée sur une table basse. « Ici, l'art fait d'abord rire », commente-t-il."],
        PEOPLE, "takeup")
    assert [s for _, s, _ in got] == ["Paul Arnaud"] * 3


def test_a_plural_description_is_no_antecedent_of_il(nlp):
    got = quote_direct(nlp, [
        "« Nous ouvrons demain », annonce Paul Arnaud, commissaire de l'exposition.",
        "Une autre salle montre des poupées anciennes et des affiches colorées.",
        "Chaque printemps, des milliers de visiteurs viennent à la fête du bourg. Mais les vieux ateliers "
        "de jouets qui peuplaient jadis la vallée se sont éteints un à un. « Notre idée est de rappeler "
        "cette culture aux habitants », dit-il."],
        PEOPLE, "takeup")
    assert [s for _, s, _ in got] == ["Paul Arnaud", "Paul Arnaud"]
