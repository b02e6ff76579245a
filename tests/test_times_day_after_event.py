"""Times: "au lendemain de <event>" is the article's date (rule ``day_after_event`` of
``lexicons/times/rules/date.tsv``; issue 12, helper tbtest). Invented sentences."""

from __future__ import annotations

import pytest

from times_helpers import WEDNESDAY, found


@pytest.mark.parametrize("text", [
    "Au lendemain du scrutin, les élus de Dole se disputent déjà la mairie.",
    "Les habitants de Gray restent sous le choc au lendemain de l'incendie de la scierie.",
])
def test_the_morrow_of_an_undated_event_is_the_article_day(time_stage, nlp, text):
    assert found(time_stage, nlp, text).get("lendemain") == ("DATE", WEDNESDAY)


@pytest.mark.parametrize("text", [
    "Au lendemain de la guerre, la ville de Lure a été reconstruite en six ans.",
    "Au lendemain de la Libération, Paul Brun a rouvert la forge de Vesoul.",
    "Au lendemain de l'élection de 2017, Rémi Gros a quitté le parti.",
    "Au lendemain du 3 mai, les élus de Dole se sont réunis.",
    "Au lendemain d'une défaite, Rémi Gros reste toujours muet.",  # any defeat's morrow: no day
])
def test_not_a_period_after_history_nor_a_date_morrow(time_stage, nlp, text):
    assert "lendemain" not in found(time_stage, nlp, text)


def test_le_lendemain_alone_still_follows_the_last_day(time_stage, nlp):
    got = found(time_stage, nlp, "Léa Roy est arrivée à Gray le 3 mai. Le lendemain, elle a ouvert son café.")
    assert got.get("Le lendemain") == ("DATE", "2025-05-04")
