"""A chronology's year headings stay in the body (clean/chronology.py). Invented text."""

from __future__ import annotations

from veille.clean.chronology import chronology_years
from veille.clean.lines import clean_lines
from veille.clean.paragraph_model import drop_furniture

TIMELINE = [
    "Repères : trente ans de fusions de communes autour de Lure",
    "Le conseil de Lure a voté jeudi une nouvelle fusion avec deux villages voisins, la troisième en trente ans.",
    "1994",
    "Mars : Paul Brun, maire de Lure, propose une première union avec le village de Roye.",
    "2008",
    "Juin : les habitants de Roye votent la fusion par référendum, à une courte majorité.",
    "Octobre : Léa Roy devient la première maire déléguée de la commune nouvelle.",
    "2021",
    "Le syndicat des eaux de Lure absorbe celui de Roye après deux ans de débats.",
    "Les élus promettent une baisse des factures d'eau dès l'année suivante.",
]


def test_year_headings_in_order_over_entries_are_found():
    assert chronology_years(TIMELINE) == {2, 4, 7}


def test_counters_and_menus_are_not_headings():
    counters = ["Un long paragraphe de l'article sur la forge de Gray et ses ouvriers.", "12", "Partager", "3"]
    assert chronology_years(counters) == set()
    menu = ["Archives", "2021", "2022", "2023", "Contact et mentions légales du site"]
    assert chronology_years(menu) == set()  # years over years: an archive menu
    two = ["2019", "Mars : Paul Brun est élu.", "2020", "Avril : Léa Roy démissionne."]
    assert chronology_years(two) == set()  # fewer than three headings
    shuffled = ["2019", "Mars : Paul Brun est élu.", "2001", "Avril : Léa Roy démissionne.",
                "2010", "Mai : la forge de Gray ferme ses portes."]
    assert chronology_years(shuffled) == set()  # not in order


def test_clean_lines_keeps_the_headings():
    cleaned = clean_lines(TIMELINE, known_title=TIMELINE[0])
    assert [p for p in cleaned.paragraphs if p in ("1994", "2008", "2021")] == ["1994", "2008", "2021"]


def test_a_lone_number_elsewhere_is_still_furniture():
    lines = ["Le conseil de Lure a voté jeudi une nouvelle fusion avec deux villages voisins.",
             "Les élus de Roye ont approuvé le texte à l'unanimité, selon Paul Brun.", "27",
             "La fusion prendra effet au premier janvier, a précisé Léa Roy."]
    assert "27" not in clean_lines(lines).paragraphs


def test_the_paragraph_model_spares_the_headings():
    paragraphs = TIMELINE[1:]
    kept, dropped = drop_furniture(paragraphs, TIMELINE[0])
    assert not {"1994", "2008", "2021"} & set(dropped)
