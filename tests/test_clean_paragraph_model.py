"""The learned last word on the paragraphs kept inside the article (clean/paragraph_model.py), on
invented pages: the shipped model drops a caption and a closing teaser, never the article's
sentences; a numbered list, a short page and a page the model would halve are left alone."""

from __future__ import annotations

import pytest

from veille.clean import paragraph_model as pm
from veille.clean.paragraph_model import drop_furniture, features

TITLE = "Valmorin vote le budget de son port"
ARTICLE = [
    "Le conseil municipal de Valmorin a voté lundi soir un budget de 12 millions d'euros pour rénover "
    "le port, après trois heures de débat.",
    "Léa Roy, maire de Valmorin, devant le port. Photo Jean Dupin / Le Courrier",
    "Les travaux commenceront en mars et dureront deux ans, selon la mairie, qui promet de garder les "
    "quais ouverts aux pêcheurs pendant le chantier.",
    "« Nous avons attendu ce moment pendant dix ans », a déclaré Léa Roy à la sortie de la séance.",
    "L'opposition, menée par Awa Koné, a voté contre, jugeant la facture trop lourde pour une commune "
    "de 8000 habitants.",
    "Le marché de Noël de Valmorin déménage sur la place du port",
    "Awa Koné candidate aux législatives dans la circonscription",
]


def test_shipped_model_drops_caption_and_teaser_keeps_sentences() -> None:
    kept, dropped = drop_furniture(ARTICLE, TITLE)
    assert ARTICLE[1] in dropped  # the caption closed by its credit
    assert ARTICLE[6] in dropped  # another story's headline under the article
    assert [p for p in ARTICLE if p not in dropped] == kept
    assert all(p in kept for p in (ARTICLE[0], ARTICLE[2], ARTICLE[3], ARTICLE[4]))
    weights = pm._shipped()
    assert weights is not None
    scores = [pm.probability(f, weights) for f in features(ARTICLE, TITLE)]
    assert min(scores[5:]) > max(scores[0], scores[2], scores[3], scores[4])


def test_features_read_shape_place_and_repeats() -> None:
    f = features(ARTICLE, TITLE)
    assert len(f) == len(ARTICLE) and set(f[0]) == set(pm.FEATURES)
    assert f[1]["credit"] == 1.0 and f[0]["credit"] == 0.0
    assert f[3]["quote"] == 1.0 and f[0]["ends_sentence"] == 1.0
    assert f[6]["no_final"] == 1.0 and f[6]["last"] == 1.0 and f[0]["first"] == 1.0
    assert f[0]["title_share"] > 0 and f[6]["title_share"] == 0.0
    assert f[0]["finite"] == 1.0  # "a voté"


RANKING = [
    "Le semi-marathon de Valmorin a réuni dimanche 900 coureurs sous la pluie, un record pour la course.",
    "Voici le classement des cinq premiers :",
    "1. Léa Roy (Valmorin Athlé) 1 h 12",
    "2. Awa Koné (Club du Port) 1 h 13",
    "3. Jean Dupin (Valmorin Athlé) 1 h 15",
    "La prochaine édition aura lieu en avril, a annoncé l'organisateur, qui espère passer les mille coureurs.",
]


def test_numbered_list_never_dropped() -> None:
    listed = [f["listed"] for f in features(RANKING, "Un record au semi-marathon de Valmorin")]
    assert listed == [0.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    always = {"bias": 30.0, "threshold": 0.5}  # a model that would drop everything it may
    weights = {**always, "ends_sentence": -60.0, "ends_colon": -60.0}
    kept, dropped = drop_furniture(RANKING, None, weights)
    assert dropped == [] or not any(p in dropped for p in RANKING[2:5])


def test_no_model_short_page_or_half_the_page() -> None:
    with pm.model_off():
        assert drop_furniture(ARTICLE, TITLE) == (ARTICLE, [])
    assert drop_furniture(ARTICLE[:3], TITLE) == (ARTICLE[:3], [])  # too short to compare
    # A model that would drop half the page or more is not believed.
    assert drop_furniture(ARTICLE, TITLE, {"bias": 30.0, "threshold": 0.5}) == (ARTICLE, [])


@pytest.mark.parametrize("line", ["Photo Jean Dupin", "[12] Lire aussi", "Crédit : Léa Roy / AFP"])
def test_credit_and_link_marks(line: str) -> None:
    f = features([line, *ARTICLE[2:5]], TITLE)[0]
    assert f["credit"] or f["link"]
