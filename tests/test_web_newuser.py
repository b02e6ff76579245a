"""What a new user met on the web pages, through the HTTP app: a date filter that is no date is
ignored (as before) but the page now says so, escaped, instead of looking filtered."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from veille.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("newuser") / "web.db"
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as c:
        yield c


@pytest.mark.parametrize("path, shown", [
    ("/citations?since=bogus", "« bogus »"),
    ("/evenements?since=2023-13&until=2024", "« 2023-13 »"),
    ("/aide?until=31/12/2023", "« 31/12/2023 »"),
    ("/?q=otan&date_from=hier", "« hier »"),
    ("/voix?since=%3Cb%3Ex", "« &lt;b&gt;x »"),
])
def test_a_date_that_is_no_date_is_said_ignored(client, path, shown):
    page = client.get(path)
    assert page.status_code == 200
    assert 'class="error date-notice"' in page.text and "Date non reconnue, filtre ignoré" in page.text
    assert shown in page.text and "<b>x" not in page.text


@pytest.mark.parametrize("path", ["/citations?since=2023", "/evenements?since=2023-02&until=2023-03-31",
                                  "/aide", "/?q=otan"])
def test_a_real_date_or_none_shows_no_notice(client, path):
    page = client.get(path)
    assert page.status_code == 200 and "date-notice" not in page.text
