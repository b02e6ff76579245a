"""A page's filter whose value it does not know (a year that is no year, an unknown event or entity
type, a granularity) is ignored and said so, as a date that is no date is: before, an unknown year
or event type filtered the search and event pages to nothing and the page looked empty. The store
holds the bundled sample of invented articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from veille.store import Store
from veille.store_ingest import Ingest
from veille.web import create_app

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "articles"
NOTICE = re.compile(r'<p class="error date-notice"[^>]*>.*?</p>', re.S)


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("filters") / "web.db"
    with Store(str(db)) as store:
        Ingest(store).add_all(pipeline.extract([str(SAMPLES)]))
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as c:
        yield c


@pytest.mark.parametrize("path, plain, said", [
    ("/?year=abcd", "/", "Année non reconnue, filtre ignoré : « abcd »"),
    ("/?event_type=NOPE", "/", "Type d'événement inconnu, filtre ignoré : « NOPE »"),
    ("/evenements?type=NOPE", "/evenements", "Type d'événement inconnu, filtre ignoré : « NOPE »"),
    ("/entites?type=XYZ", "/entites", "Type d'entité inconnu, filtre ignoré : « XYZ »"),
    ("/chronologie?granularity=weekly", "/chronologie", "Granularité inconnue, ignorée : « weekly »"),
])
def test_an_unknown_filter_value_is_ignored_and_said(client, path, plain, said):
    page, unfiltered = client.get(path), client.get(plain)
    assert page.status_code == 200 and str(escape(said)) in page.text
    assert NOTICE.sub("", page.text) == unfiltered.text  # the page as without the filter


def test_the_unfiltered_pages_hold_articles_and_events(client):
    # (the comparison above would hold between two empty pages)
    assert client.get("/api/articles").json()["total"] >= 5
    assert "ASSAULT" in client.get("/evenements").text or "AGREE" in client.get("/evenements").text


@pytest.mark.parametrize("path", ["/?year=2022", "/evenements?type=AGREE", "/entites?type=PER",
                                  "/chronologie?granularity=month"])
def test_a_known_value_shows_no_notice(client, path):
    page = client.get(path)
    assert page.status_code == 200 and "date-notice" not in page.text
