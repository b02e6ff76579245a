"""The dump headline's evidence weights read as data (``lexicons/clean/title_weights.tsv``)."""

from __future__ import annotations

from veille.clean.browser import clean_dump
from veille.clean.title_weights import recording, weigh, weighed_by, weights

PAGE = "\n".join([
    "   * Accueil", "   * Régions", "   * Culture", "",
    "Le pont de Valmorin rouvre après deux ans de travaux", "",
    "   Par Lina Roux, le 3 mars 2024", "",
    "   Le pont de Valmorin a rouvert samedi matin à la circulation après deux ans de travaux, a "
    "annoncé la mairie, qui promet une piste cyclable sur toute sa longueur d'ici la fin de l'été prochain.",
    "   Les habitants de la rive gauche attendaient ce jour depuis longtemps : le détour par le pont "
    "de Mérel leur coûtait une demi-heure matin et soir, selon l'association des riverains de la Lisse.",
])


def test_every_feature_has_a_weight() -> None:
    rows: list[dict[str, float]] = []
    with recording(rows):
        assert clean_dump(PAGE).title == "Le pont de Valmorin rouvre après deux ans de travaux"
    assert rows and all(set(r) <= set(weights()) for r in rows)
    assert {"anchored", "heading", "lede", "under_byline"} <= set().union(*rows)


def test_weights_are_a_weighted_sum() -> None:
    assert weigh({"anchored": 1.0, "short": 1.0}) == weights()["anchored"] + weights()["short"]
    with weighed_by({"anchored": 3.0}):
        assert weigh({"anchored": 1.0, "short": 1.0}) == 3.0
    assert weigh({"unknown": 5.0}) == 0.0


def test_the_weights_drive_the_choice() -> None:
    # A headline-length line made to cost more than any other: it is no longer the headline.
    with weighed_by({"shape": 1.0, "mid_length": -10.0, "short": -10.0}):
        assert clean_dump(PAGE).title != "Le pont de Valmorin rouvre après deux ans de travaux"
