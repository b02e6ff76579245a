"""A title written before a person's name stays out of the name (``entities/titled_names.py``); invented
sentences and people."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.entities import EntityStage
from veille.entities.mention import Mention
from veille.entities.titled_names import untitled
from veille.model import Article
from veille.pipeline import Context

FIXTURE = Path(__file__).parent / "data" / "kb_fixture"
TITLES = {"me": None, "dr": None, "m": "m", "mme": "f", "general": None}


def _mention(key: str, label: str = "PER") -> Mention:
    return Mention(0, len(key), key, key, label, "ner")


def test_untitled_takes_the_titles_off_the_name_only() -> None:
    m = untitled(_mention("Me Valmont"), TITLES)
    assert (m.key, m.text) == ("Valmont", "Me Valmont")
    m = untitled(_mention("Mme Dr Léa Arnal"), TITLES)
    assert (m.key, m.gender) == ("Léa Arnal", "f")
    assert untitled(_mention("Dr"), TITLES) is None
    kept = _mention("Luc Valmont")
    assert untitled(kept, TITLES) is kept
    org = _mention("Me Valmont", "ORG")
    assert untitled(org, TITLES) is org


@pytest.fixture(scope="module")
def stage(nlp):
    return EntityStage(Context(nlp=nlp, settings={"kb_dirs": [str(FIXTURE)]}))


def _persons(nlp, stage, text: str, title: str | None = None) -> dict[str, list[str]]:
    art = Article(id="t", title=title, paragraphs=text.split("\n\n"))
    stage(art, nlp(art.nlp_text()), Context(nlp=nlp))
    return {e.name: e.mentions for e in art.entities if e.type == "PER"}


def test_a_rank_after_a_titled_surname_leaves_the_title_out(nlp, stage) -> None:
    persons = _persons(nlp, stage, "Le Français Me Luc Valmont partira neuvième dimanche. Me Valmont sait qu'il "
                                   "doit gagner.", title="Course : Marc Dumas en tête, Me Valmont 9e")
    assert "Me Valmont" not in persons and "Luc Valmont" in persons


def test_a_bracketed_given_name_before_a_titled_surname(nlp, stage) -> None:
    persons = _persons(nlp, stage, "La proposition de Luc Valmont a surpris. « [Luc] Me Valmont avait été présenté "
                                   "comme un homme de dialogue », a dit un élu.")
    assert list(persons) == ["Luc Valmont"] and len(persons["Luc Valmont"]) == 2


def test_a_title_after_a_role_read_into_the_name(nlp, stage) -> None:
    persons = _persons(nlp, stage, "Le Premier ministre Dr Luc Arnal a parlé de la panne lundi.")
    assert "Dr Luc Arnal" not in persons and "Luc Arnal" in persons
