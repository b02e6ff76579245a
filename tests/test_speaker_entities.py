"""SCHEMA: a quote's speaker is the canonical name of an entity in ``entities``, or null. The check
run after every stage (``veille.speaker_entities``), on invented articles, then on real pages when
../shared is there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from veille.model import Article, Entity, Quote
from veille.speaker_entities import check_speakers

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGES = SHARED / "corpus" / "web" / "pages"
# Pages where the quote stage once named a speaker the entity stage did not list, and a spread of others.
SAMPLE = ("w0022", "w0108", "w0182", "w0233", "w0237", "w0245", "w0255", "w0270", "w0287",
          "w0002", "w0020", "w0048", "w0075", "w0111", "w0134", "w0202")


def _article(*quotes: Quote) -> Article:
    art = Article(id="t")
    art.entities = [
        Entity(name="Arno Valdis", type="PER", mentions=["le roi Arno Valdis", "Valdis"]),
        Entity(name="Léa Morvan", type="PER", mentions=["Léa Morvan", "Mme Morvan"]),
        Entity(name="Agence des ponts", type="ORG", mentions=["Agence des ponts", "l'Agence"]),
        Entity(name="Côte Brune", type="LOC", mentions=["Côte Brune"]),
    ]
    art.quotes = list(quotes)
    return art


def test_speaker_already_an_entity_is_kept() -> None:
    q = Quote(text="Nous tiendrons", speaker="Léa Morvan", rule="person_in_subject")
    check_speakers(_article(q))
    assert (q.speaker, q.rule) == ("Léa Morvan", "person_in_subject")


def test_bare_title_goes_to_its_holder() -> None:
    q = Quote(text="Le pont sera rouvert", speaker="Roi", rule="person_in_subject")
    check_speakers(_article(q))
    assert q.speaker == "Arno Valdis"
    assert q.rule == "person_in_subject +speaker_entity:Roi->Arno Valdis"


def test_family_name_and_speaker_words() -> None:
    a = Quote(text="Rien n'est joué", speaker="Morvan")
    b = Quote(text="Rien n'est joué", speaker="Morvane", speaker_text="la ministre Léa Morvan")
    check_speakers(_article(a, b))
    assert (a.speaker, b.speaker) == ("Léa Morvan", "Léa Morvan")
    assert a.rule is None  # no --explain: the record stays without a rule


def test_no_holder_gives_null_with_the_reason() -> None:
    junk = Quote(text="Voici la suite", speaker="Interview", rule="unlisted_proper_noun")
    place = Quote(text="Il fait beau", speaker="Brune", rule="person_in_subject")  # only a place holds it
    title = Quote(text="Le budget est prêt", speaker="Professeur", rule="recent_last_speaker")  # nobody holds it
    check_speakers(_article(junk, place, title))
    assert (junk.speaker, place.speaker, title.speaker) == (None, None, None)
    assert junk.rule == "unlisted_proper_noun +speaker_not_entity:Interview"


def _pages() -> list[Path]:
    if os.environ.get("VEILLE_ALL_PAGES"):
        return sorted(PAGES.iterdir())
    return [p for p in sorted(PAGES.iterdir()) if p.stem in SAMPLE]


@pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/corpus/web/pages is not there")
def test_real_pages_keep_the_invariant(pipeline) -> None:
    """A sample of the corpus pages (VEILLE_ALL_PAGES=1: all of them) through the whole pipeline."""
    bad = []
    for art in pipeline.extract([str(p) for p in _pages()]):
        names = {e.name for e in art.entities}
        bad += [(Path(art.source.path or "").stem, q.rule) for q in art.quotes
                if q.speaker is not None and q.speaker not in names]
    assert not bad


def test_seeds_keep_the_invariant(seed_records) -> None:
    for rec in seed_records:
        names = {e["name"] for e in rec["entities"]}
        assert all(q["speaker"] is None or q["speaker"] in names for q in rec["quotes"])


def test_full_name_the_entity_stage_missed_is_listed() -> None:
    q = Quote(text="Nous avons trouvé trois témoins", speaker="Ilse Varnhout", rule="unlisted_full_name")
    stray = Quote(text="Voici", speaker="Rapport annuel", rule="last_speaker")
    art = _article(q, stray)
    check_speakers(art)
    assert q.speaker == "Ilse Varnhout" and q.rule == "unlisted_full_name +speaker_entity_added"
    assert ("Ilse Varnhout", "PER") in {(e.name, e.type) for e in art.entities}
    assert stray.speaker is None and "Rapport annuel" not in {e.name for e in art.entities}


@pytest.mark.parametrize("speaker,listed", [
    ("I. Varnhout", True),  # the given name as an initial
    ("J.-P. Varnhout", True),
    ("Cédric van der Varnhout", True),  # a particle after a known given name
    ("Anne de Varnhout", True),
    ("Parole de Dieu", False),  # a particle, but no given name opens it
    ("de Varnhout", False),
    ("A. B.", False),
])
def test_full_name_with_initials_or_particles_the_entity_stage_missed(speaker: str, listed: bool) -> None:
    q = Quote(text="Nous tiendrons", speaker=speaker, rule="person_in_subject")
    art = _article(q)
    check_speakers(art)
    assert (q.speaker == speaker) is listed
    assert (speaker in {e.name for e in art.entities}) is listed
