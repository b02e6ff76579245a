"""Furniture the dev pages as given kept in their body (round 31, helper asgiven2): an author's note
at the article's head or foot (``clean/author_notes.py``), a newsletter's short line and "the best
of" promise, the bare "to listen" / "to watch" heading (``lexicons/boilerplate.tsv``), a call about
quality journalism and the data-protection notice under a form (``lexicons/clean/reader_calls.tsv``).
Every sentence below is invented."""

from __future__ import annotations

import pytest

from veille.clean.author_notes import drop_author_notes, note_name
from veille.clean.cues import cue_kind
from veille.clean.reader_calls import is_reader_call

LEDE = ("Le conseil municipal de Valmorin a voté mardi soir la rénovation du vieux pont, fermé aux "
        "voitures depuis l'hiver dernier.")
MIDDLE = "Les travaux dureront huit mois et coûteront près de deux millions d'euros à la commune."
CLOSE = "Une réunion publique est prévue en avril pour présenter le chantier aux riverains."
NOTE = ("Léa Fontanel est romancière et poète. Son plus récent roman, Les Quais de Lisse, "
        "a paru aux Éditions du Port en 2022.")


def test_an_authors_note_at_the_head_is_no_article_text() -> None:
    kept, notes = drop_author_notes([NOTE, LEDE, MIDDLE, CLOSE])
    assert notes == [NOTE] and kept == [LEDE, MIDDLE, CLOSE]


def test_an_authors_note_at_the_foot_with_a_co_prefixed_role() -> None:
    note = "Marc Oudin est le co-auteur de l'essai « Ponts et rivières », paru chez un éditeur lyonnais."
    assert note_name(note) is None  # (a quotation inside: left alone)
    note = "Marc Oudin est le co-auteur d'un essai sur les ponts de la vallée, paru l'an dernier."
    kept, notes = drop_author_notes([LEDE, MIDDLE, CLOSE, note])
    assert notes == [note]


def test_a_tribunes_standfirst_may_name_the_author_above_the_note() -> None:
    standfirst = "Selon Léa Fontanel, la rénovation du pont dit beaucoup de la ville qui vient."
    kept, notes = drop_author_notes([standfirst, NOTE, LEDE, MIDDLE, CLOSE])
    assert notes == [NOTE]


def test_a_portraits_lede_that_goes_on_naming_the_person_is_kept() -> None:
    lede = "Sonia Berthet est infirmière à Valmorin depuis vingt ans et connaît chaque rue du quartier."
    later = "Chaque matin, Sonia Berthet commence sa tournée par la rue du Port, avant l'ouverture du marché."
    kept, notes = drop_author_notes([lede, MIDDLE, later, CLOSE])
    assert notes == [] and kept[0] == lede


@pytest.mark.parametrize("text", [
    "Sonia Berthet, épidémiologiste",  # a quote's attribution card: too short
    "Sonia Berthet est arrivée à Valmorin lundi avec toute sa famille et ses deux chiens.",  # no role
])
def test_no_note_without_a_role_and_a_sentence(text: str) -> None:
    assert note_name(text) is None


@pytest.mark.parametrize("line", ["Voir toutes les newsletters", "La lettre d'info du Courrier de Valmorin",
                                  "📨 S'abonner aux lettres d'info", "Chaque jeudi, recevez le meilleur du Courrier.",
                                  "À écouter", "A regarder :"])
def test_promotions_and_player_headings_are_furniture(line: str) -> None:
    assert cue_kind(line) in ("newsletter", "link")


@pytest.mark.parametrize("line", [
    "À regarder de près, le budget de la commune reste fragile malgré la hausse des recettes.",
    "Le maire a annoncé lundi que la mairie lancerait une newsletter pour informer les habitants des travaux du pont.",
])
def test_sentences_opening_like_them_are_text(line: str) -> None:
    assert cue_kind(line) is None


@pytest.mark.parametrize("para", [
    "Le journalisme de qualité a un coût : soutenez Le Courrier de Valmorin.",
    "Selon la loi, vous gardez un droit d'accès à vos données et pouvez les faire corriger.",
])
def test_reader_calls(para: str) -> None:
    assert is_reader_call(para)
