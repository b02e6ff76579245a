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


@pytest.mark.browser
def test_first_visit_in_a_browser_logs_no_error(tmp_path, pipeline, browser):
    """Chromium asked for /favicon.ico on a first visit and logged its 404 on every page opened first;
    the pages now name an inline icon. The date notice shows in the real browser too."""
    from test_web_browser import LiveServer

    with LiveServer(tmp_path / "empty.db", pipeline) as server:
        context = browser.new_context(locale="fr-FR")
        try:
            pg = context.new_page()
            errors: list[str] = []
            pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(server.url + "/citations?since=bogus", wait_until="load")
            assert "« bogus »" in pg.locator(".date-notice").inner_text()
            pg.goto(server.url + "/", wait_until="load")
            pg.wait_for_timeout(300)
            assert errors == []
        finally:
            context.close()
