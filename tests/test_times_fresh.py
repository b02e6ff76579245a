"""Times: the phenomena found by scoring Veille on the fresh issue 12 times gold (39 more dev sites,
``times_dev_fresh.jsonl``). One invented sentence per case (people and places invented)."""

from __future__ import annotations

from times_helpers import finder

# 2023-11-24 is a Friday.
FRIDAY = "2023-11-24"


found = finder(FRIDAY)


def test_today_on_a_present_copula_with_a_noun_or_adjective_is_nowadays(time_stage, nlp):
    assert found(time_stage, nlp, "La vieille ferme de Lure est aujourd'hui un musée.")["aujourd'hui"][1] == "PRESENT_REF"
    assert found(time_stage, nlp, "Le combat de Léa Roy aujourd'hui est un leurre.")["aujourd'hui"][1] == "PRESENT_REF"
    assert found(time_stage, nlp, "Paul Brun a été maire. Aujourd'hui, il est conférencier.")["Aujourd'hui"][1] == "PRESENT_REF"


def test_today_stays_the_day_for_a_place_an_event_or_a_presentative(time_stage, nlp):
    # where one is that day, a passive event of the day, "c'est aujourd'hui …": the article's day
    assert found(time_stage, nlp, "Le maire Paul Brun est aujourd'hui à Lure pour une réunion.")["aujourd'hui"][1] == FRIDAY
    assert found(time_stage, nlp, "Le pont de Gray est aujourd'hui inauguré par Léa Roy.")["aujourd'hui"][1] == FRIDAY
    assert found(time_stage, nlp, "Mais aujourd'hui c'est une belle occasion pour Léa Roy.")["aujourd'hui"][1] == FRIDAY
    assert found(time_stage, nlp, "La maire de Lure sera aujourd'hui candidate.")["aujourd'hui"][1] == FRIDAY


def test_a_modifier_letter_apostrophe_reads_as_an_apostrophe(time_stage, nlp):
    # some sites write U+02BC ("aujourdʼhui"); the record keeps the page's own character
    got = found(time_stage, nlp, "Les élus de Lure ont voté aujourdʼhui. Lʼan dernier, Léa Roy avait perdu.")
    assert got["aujourdʼhui"] == ("DATE", FRIDAY)
    assert got["Lʼan dernier"] == ("DATE", "2022")
