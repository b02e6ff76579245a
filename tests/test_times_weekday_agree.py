"""Times: a weekday named again in one article is the same day (``times/weekday_agree.py``, issue 12, helper tbtest).

A mention on a noun or on a participle without its auxiliary takes the day the mentions on a finite verb
give; two mentions on finite verbs that point apart stay two days. Invented sentences.
"""

from __future__ import annotations

import pytest

from times_helpers import assert_found, finder, found

MONDAY = "2025-06-16"
on_monday = finder(MONDAY)


@pytest.mark.parametrize(("text", "expected"), [
    # a participle on a noun ("organisé mardi") read alone is a past; here the coming Tuesday
    ("Les élus de Lure voteront mardi le budget de l'école. La séance convoquée mardi se tiendra dans la "
     "salle des fêtes.", {"mardi": ("DATE", "2025-06-17")}),
    # a noun complement under a present ("le scrutin de dimanche laisse", read alone as coming) is the
    # Sunday just past that the finite verb tells
    ("Le scrutin de dimanche laisse Rémi Gros maître de la mairie de Dole. Il a remercié ses électeurs dès "
     "dimanche soir.", {"dimanche": ("DATE", "2025-06-15"), "dimanche soir": ("TIME", "2025-06-15TEV")}),
])
def test_a_weak_mention_takes_the_day_of_the_finite_verb(time_stage, nlp, text, expected):
    got = on_monday(time_stage, nlp, text)
    assert_found(got, expected)
    assert len(got) == len(expected), got  # the repeated weekday is one entry: one day


def test_two_finite_verbs_pointing_apart_are_two_days(time_stage, nlp):
    got = on_monday(time_stage, nlp, "Mardi, la police a arrêté un suspect à Lure. Le procès s'ouvrira mardi à "
                                     "Vesoul, a annoncé le parquet.")
    assert_found(got, {"Mardi": ("DATE", "2025-06-10"), "mardi": ("DATE", "2025-06-17")})


def test_each_weak_mention_alone_keeps_its_own_reading(time_stage, nlp):
    got = on_monday(time_stage, nlp, "Le scrutin de dimanche laisse Rémi Gros maître de la mairie de Dole.")
    assert_found(got, {"dimanche": ("DATE", "2025-06-22")})
    got = on_monday(time_stage, nlp, "La séance convoquée mardi se tiendra dans la salle des fêtes.")
    assert_found(got, {"mardi": ("DATE", "2025-06-10")})


def test_with_no_finite_verb_nothing_is_settled(time_stage, nlp):
    from veille.model import Article

    art = Article(id="t", paragraphs=["Le scrutin de dimanche laisse Rémi Gros maître de Dole. La fête organisée "
                                      "dimanche a réuni ses électeurs."], published=MONDAY)
    time_stage(art, nlp(art.nlp_text()), None)
    assert sorted(t.value for t in art.times) == ["2025-06-15", "2025-06-22"]


def test_a_participle_alone_keeps_its_past_and_follows_a_coming_day(time_stage, nlp):
    alone = "Le budget présenté jeudi prévoit une hausse des impôts, selon Paul Brun."
    assert_found(found(time_stage, nlp, alone), {"jeudi": ("DATE", "2025-06-12")})
    both = found(time_stage, nlp, "Jeudi, le maire de Gray présentera son budget. " + alone)
    assert_found(both, {"Jeudi": ("DATE", "2025-06-19")})  # one day: both mentions in one entry
    assert "jeudi" not in both


def test_last_and_next_are_never_settled(time_stage, nlp):
    got = on_monday(time_stage, nlp, "Mardi dernier, la police a arrêté un suspect. Le procès s'ouvrira mardi "
                                     "prochain à Vesoul.")
    assert_found(got, {"Mardi dernier": ("DATE", "2025-06-10"), "mardi prochain": ("DATE", "2025-06-17")})


def test_a_capitalised_weekday_inside_a_sentence_is_a_name_not_a_mention():
    from veille.common.timespans import Match
    from veille.times.resolve import Reference
    from veille.times.weekday_agree import WeekdayAgreement

    text = "Dimanche, la chorale de Lure chantera pour le Dimanche des Rameaux."
    agree = WeekdayAgreement(Reference.parse(MONDAY), text)
    first = Match("weekday", 0, 8, {"wd": "Dimanche", "pre": None, "post": None}, "Dimanche")
    feast = text.index("Dimanche des")
    name = Match("weekday", feast, feast + 8, {"wd": "Dimanche", "pre": None, "post": None}, "Dimanche")
    assert agree.weekday(first) == 6
    assert agree.weekday(name) is None
