"""A body handed over with its title (a JSON record, a feed item): the cleaner keeps every line.

Invented text: the fair, the town and the association do not exist."""

from __future__ import annotations

from veille.clean import clean_lines

TITLE = "Foire aux livres de Valmorin : trois jours pour les bouquinistes"
RECORD = [
    "Les 4, 5 et 6 octobre, Valmorin accueille sa foire aux livres sur la place du marché.",
    "Une cinquantaine de bouquinistes sont attendus, selon l'association Lire à Valmorin.",
    "Des lectures pour enfants",
    "Chaque après-midi, des bénévoles liront des contes sous la halle, a précisé la mairie.",
    "Infos pratiques",
    "> Foire aux livres",
    ">> 4, 5, 6 octobre",
]


def test_a_short_echo_of_the_title_under_the_prose_is_no_headline() -> None:
    cleaned = clean_lines(RECORD, known_title=TITLE)
    assert cleaned.title == TITLE
    assert cleaned.paragraphs[0] == RECORD[0] and RECORD[3] in cleaned.paragraphs


def test_no_line_of_a_given_body_is_lost() -> None:
    cleaned = clean_lines(RECORD, known_title=TITLE)
    assert sorted(cleaned.paragraphs + cleaned.boilerplate) == sorted(RECORD)


def test_an_echo_of_the_title_above_the_prose_still_opens_the_body() -> None:
    page = ["Foire aux livres", "Culture", *RECORD[:4]]
    cleaned = clean_lines(page, known_title=TITLE)
    assert cleaned.paragraphs[0] == RECORD[0] and "Foire aux livres" in cleaned.boilerplate
