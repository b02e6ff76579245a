"""An HTML page whose source wraps the text inside its paragraphs (``clean/html_wraps.py``): the
extraction's line fragments joined again; a page of ordinary blocks left alone. Invented text."""

from __future__ import annotations

from veille.clean.html_wraps import is_source_wrapped, join_wrapped

WRAPPED = [
    "Le pont de Valmorin",
    "Mars : le conseil municipal de Valmorin vote la rénovation",
    "du vieux pont, fermé aux voitures depuis l'hiver dernier, pour un",
    "montant de deux millions d'euros.",
    "Avril : les premiers relevés des ingénieurs montrent que les piles",
    "de l'ouvrage ont été creusées par les crues successives de la Lisse",
    "et devront être renforcées avant tout autre travail.",
    "Mai : la préfecture autorise le chantier, qui commencera en juin",
    "et durera huit mois selon le calendrier présenté par Jeanne Morel,",
    "adjointe chargée des travaux, devant les riverains inquiets.",
    "Juin : les pelleteuses arrivent enfin sur les berges, sous les yeux",
    "des habitants venus nombreux assister au premier coup de pioche.",
    "Juillet : une première travée est déposée, malgré la chaleur qui",
    "ralentit les équipes et oblige la mairie à décaler les horaires.",
]


def test_a_source_wrapped_page_gets_its_paragraphs_back() -> None:
    assert is_source_wrapped(WRAPPED)
    joined = join_wrapped(WRAPPED, "Le pont de Valmorin")
    assert joined[0] == "Le pont de Valmorin"
    assert len(joined) == 6
    assert joined[1].startswith("Mars : le conseil") and joined[1].endswith("deux millions d'euros.")
    assert "Jeanne Morel, adjointe chargée des travaux" in joined[3]


def test_a_page_of_blocks_is_left_alone() -> None:
    blocks = ["Le pont de Valmorin rouvre", "Le conseil municipal a voté la rénovation du vieux pont.",
              "Les travaux dureront huit mois.", "Une réunion publique est prévue en avril.",
              "à lire aussi", "Le marché de Noël de Valmorin"]
    assert not is_source_wrapped(blocks)
    assert join_wrapped(blocks) == blocks
