"""What a new user met, end to end through the CLI and the web app: `veille ingest --explain` keeps
the rule behind each quote and event (shown by `veille show` and on the web article page); `veille
search` prints one line per snippet and says when nothing matches."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from veille.cli import cli
from veille.web import create_app

# Invented article and people.
ARTICLE = """Aide régionale pour la vallée de la Brenne

Le ministre Paul Ferrandin a annoncé mardi que l'État verserait une aide de 5 millions d'euros à la commune de Villebrenne.

« Nous tiendrons parole auprès des habitants », a déclaré Paul Ferrandin lors d'une réunion publique.
"""


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it
    return CliRunner()


def _ingest(runner: CliRunner, tmp_path: Path, *flags: str) -> tuple[Path, str]:
    page = tmp_path / "article.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "v.db"
    result = runner.invoke(cli, ["ingest", str(page), "--db", str(db), "--workers", "1", "--no-alerts", *flags])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(cli, ["search", "Villebrenne", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    return db, listed.output.split()[0]


def test_ingest_explain_keeps_rules_for_show_and_web(runner, tmp_path, pipeline):
    db, article_id = _ingest(runner, tmp_path, "--explain")
    shown = runner.invoke(cli, ["show", article_id, "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    quote_lines = [line for line in shown.output.splitlines() if line.startswith("quote ")]
    event_lines = [line for line in shown.output.splitlines() if line.startswith("event ")]
    assert quote_lines and all("(rule: " in line for line in quote_lines)
    assert event_lines and all("(rule: " in line for line in event_lines)
    assert not any("None" in line for line in event_lines)  # a missing actor is "-", as `veille events`
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as client:
        page = client.get(f"/articles/{article_id}")
    assert page.status_code == 200
    assert 'class="quote-rule"' in page.text
    assert 'class="muted event-why"' in page.text and "<code>type=" in page.text


def test_ingest_without_explain_shows_no_rule(runner, tmp_path, pipeline):
    db, article_id = _ingest(runner, tmp_path)
    shown = runner.invoke(cli, ["show", article_id, "--db", str(db)])
    assert shown.exit_code == 0 and "(rule: " not in shown.output
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as client:
        page = client.get(f"/articles/{article_id}")
    assert page.status_code == 200 and 'class="quote-rule"' not in page.text


def test_search_snippet_is_one_line_and_no_match_is_said(runner, tmp_path):
    db, article_id = _ingest(runner, tmp_path)
    listed = runner.invoke(cli, ["search", "", "--db", str(db)])  # every article, snippets of two paragraphs
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].startswith(article_id) and len(lines) == 2  # the title line and one snippet line
    assert "Villebrenne" in lines[1] and "Nous tiendrons parole" in lines[1]
    none = runner.invoke(cli, ["search", "xylophonistes", "--db", str(db)])
    assert none.exit_code == 0 and none.stdout == ""
    assert "no article matches 'xylophonistes'" in none.stderr


@pytest.mark.parametrize("command", [["serve"], ["watch"], ["alerts", "add"], ["sources", "add"], ["ingest"]])
def test_every_db_option_says_a_postgresql_url_is_taken(runner, command):
    """The README sends `serve` and the watch to a PostgreSQL URL; their --help said "SQLite" only."""
    shown = runner.invoke(cli, [*command, "--help"], terminal_width=200)
    assert shown.exit_code == 0 and "PostgreSQL URL" in shown.output
