"""What a new user met walking through every command and page over 40 real pages (round 38): an
empty answer that printed nothing, a message that named the wrong cause, a quiet start that looked
like a hang, nine stage lines for an ordinary HTML page in a cron log, a role label lower-cased,
the browser's /favicon.ico 404. Through the CLI (CliRunner, or a real process for `watch`) and the
HTTP app; the articles and people are invented."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from veille.cli import cli
from veille.commands import progress
from veille.web import create_app

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "ecole.txt": """Une école rénovée à Valbrune

La maire de Valbrune, Odile Ferrandon, a inauguré mardi l'école des Tilleuls après un an de travaux.

« Les enfants auront enfin des classes chauffées », a déclaré Odile Ferrandon devant les parents.
""",
    "pont.txt": """Le pont de la Sarvenne fermé pour l'hiver

Le conseil départemental a fermé lundi le pont de la Sarvenne, jugé trop fragile par les ingénieurs.

« Nous rouvrirons au printemps », a promis Gaspard Lemonnier, vice-président chargé des routes.
""",
}


@pytest.fixture(scope="module")
def runner(nlp):  # the nlp fixture loads the model once; the CLI reuses it
    return CliRunner()


@pytest.fixture(scope="module")
def store(runner, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("walk")
    pages = folder / "pages"
    pages.mkdir()
    for name, text in ARTICLES.items():
        (pages / name).write_text(text, encoding="utf-8")
    db = folder / "v.db"
    res = runner.invoke(cli, ["ingest", str(pages), "--db", str(db), "--workers", "1", "--no-alerts"])
    assert res.exit_code == 0, res.output
    return db


def _ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]


# -- empty answers say so, with the filters that emptied them -------------------------------------

def test_stories_with_none_kept_say_so_instead_of_printing_nothing(runner, store):
    res = runner.invoke(cli, ["stories", "--db", str(store), "--min-articles", "5", "--since", "2031"])
    assert res.exit_code == 0 and res.stdout == ""
    assert res.stderr.strip() == "no story (at least 5 articles, active since 2031)"
    listed = runner.invoke(cli, ["stories", "--db", str(store)])
    assert listed.stdout.count("S-") == 2 and "no story" not in listed.stderr


def test_timeline_of_an_entity_naming_no_event_says_what_was_counted(runner, store):
    res = runner.invoke(cli, ["timeline", "--db", str(store), "--entity", "Valbrune"])
    assert res.exit_code == 0 and res.stdout == ""
    assert "no dated event with 'Valbrune' as source or target" in res.stderr
    assert "--by entity counts the articles naming it" in res.stderr and "nothing dated" not in res.stderr
    typed = runner.invoke(cli, ["timeline", "--db", str(store), "--type", "sanction"])
    assert typed.stderr.strip() == "no dated SANCTION event"


# -- show and story: the id the user typed -----------------------------------------------------------

def test_show_with_too_short_a_prefix_says_why(runner, store):
    first = _ids(store)[0]
    res = runner.invoke(cli, ["show", first[:2], "--db", str(store)])
    assert res.exit_code == 1
    assert "an id prefix needs at least 4 characters" in res.stderr and "start with it" in res.stderr
    unknown = runner.invoke(cli, ["show", "zzzz", "--db", str(store)])
    assert unknown.exit_code == 1 and "no article 'zzzz'" in unknown.stderr
    whole = runner.invoke(cli, ["show", first[:6], "--db", str(store)])
    assert whole.exit_code == 0 and whole.stdout.splitlines()[0] in {t.splitlines()[0] for t in ARTICLES.values()}


def test_story_found_without_its_s_prefix(runner, store):
    listed = runner.invoke(cli, ["stories", "--db", str(store), "--json"])
    story_id = json.loads(listed.stdout.splitlines()[0])["id"]
    assert story_id.startswith("S-")
    bare = runner.invoke(cli, ["story", story_id[2:10], "--db", str(store)])
    assert bare.exit_code == 0, bare.output
    assert bare.stdout.startswith(story_id)
    missing = runner.invoke(cli, ["story", "zzzzzz", "--db", str(store)])
    assert missing.exit_code == 1 and "no story 'zzzzzz'" in missing.stderr


def test_voices_says_unknown_not_from_none(runner, store):
    res = runner.invoke(cli, ["voices", "--db", str(store)])
    assert res.exit_code == 0
    assert "from none" not in res.stdout
    top = res.stdout.split("most quoted:")[1]
    assert "Gaspard Lemonnier (m, from given name)" in top or "Gaspard Lemonnier (unknown)" in top


# -- watch: the first line, before any source is due -------------------------------------------------

def _watch_first_line(db: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "veille", "watch", "--db", str(db), "--tick", "0.2"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        line = proc.stderr.readline()  # (before this fix: nothing until a source was due)
    finally:
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=30)[1]
    assert proc.returncode == 143 and "stopped" in rest
    return line.strip()


def test_watch_says_what_it_waits_for(runner, tmp_path):
    db = tmp_path / "w.db"
    assert runner.invoke(cli, ["sources", "add", "http://127.0.0.1:9/feed.xml", "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:  # polled a minute ago, next due in an hour: nothing to do now
        later = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 3600))
        conn.execute("UPDATE watch_sources SET next_poll = ?", (later,))
    line = _watch_first_line(db)
    assert line == f"watching 1 source(s); the first due, http://127.0.0.1:9/feed.xml, is polled at {later} (Ctrl-C stops)"


def test_watch_with_no_source_says_how_to_add_one(runner, tmp_path):
    db = tmp_path / "empty.db"
    assert runner.invoke(cli, ["alerts", "add", "pont", "--db", str(db)]).exit_code == 0  # (creates the store)
    line = _watch_first_line(db)
    assert line.startswith("watching no source yet: add one with `veille sources add URL`")


# -- a normal HTML page off a terminal: no stage lines -----------------------------------------------

def _html_page() -> str:
    menu = "".join(f'<li><a href="/rubrique/{n}">Rubrique numéro {n}</a></li>' for n in range(300))
    script = "<script>var réglages = {" + ", ".join(f'"clé{n}": {n}' for n in range(600)) + "};</script>"
    return (f"<html><head><title>Le pont de la Sarvenne fermé</title>{script}</head><body><nav><ul>{menu}</ul></nav>"
            "<article><h1>Le pont de la Sarvenne fermé</h1><p>Le conseil départemental a fermé lundi le pont "
            "de la Sarvenne, jugé trop fragile par les ingénieurs du département.</p><p>« Nous rouvrirons au "
            "printemps », a promis Gaspard Lemonnier, vice-président chargé des routes.</p></article></body></html>")


@pytest.mark.parametrize("html_limit, lines", [(None, 0), (2_000, 9)])
def test_an_html_page_prints_stage_lines_only_past_the_html_size(runner, tmp_path, monkeypatch, html_limit, lines):
    page = tmp_path / "page.html"
    page.write_text(_html_page(), encoding="utf-8")
    assert len(page.read_text(encoding="utf-8")) > 20_000
    monkeypatch.setattr(progress, "BIG_INPUT_CHARS", 2_000)  # a text dump this long would get its lines
    if html_limit is not None:
        monkeypatch.setattr(progress, "BIG_HTML_CHARS", html_limit)
    out = tmp_path / "out.jsonl"
    res = runner.invoke(cli, ["extract", str(page), "--output", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.stderr
    assert len([line for line in res.stderr.splitlines() if line.startswith(f"extract: {page}: ")]) == lines
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Le pont de la Sarvenne fermé"


# -- the web: a role label keeps its capitals; /favicon.ico --------------------------------------------

def _kb_head_of_state() -> tuple[str, str] | None:
    """A shipped KB person holding a head_of_state role, and the name of what they head."""
    kb = ROOT / "src" / "veille" / "kb"
    for line in (kb / "people.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.startswith("{"):
            continue
        entry = json.loads(line)
        if any(r.get("role") == "head_of_state" for r in entry.get("roles") or []):
            return entry["id"], entry["name"]
    return None


def test_entity_page_role_label_keeps_its_capitals(store, pipeline, tmp_path):
    found = _kb_head_of_state()
    if found is None:
        pytest.skip("no head_of_state role in the shipped KB")
    kb_id, _ = found
    db = tmp_path / "roles.db"
    db.write_bytes(store.read_bytes())
    with sqlite3.connect(db) as conn:  # the invented mayor, linked to a KB entry holding that role
        conn.execute("UPDATE entities SET kb_id = ? WHERE name = 'Odile Ferrandon'", (kb_id,))
    with TestClient(create_app(db, pipeline_factory=lambda: pipeline)) as client:
        page = client.get("/entites/Odile%20Ferrandon")
    assert page.status_code == 200, page.text
    assert "Chef de l’État" in page.text and "Chef de l’état" not in page.text


def test_favicon_ico_is_served(store, pipeline):
    with TestClient(create_app(store, pipeline_factory=lambda: pipeline)) as client:
        icon = client.get("/favicon.ico")
        svg = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.content == svg.content


# -- alerts add: a filter with no value ---------------------------------------------------------------

@pytest.mark.parametrize("search", ['entity: "Gaspard Lemonnier"', "pont site:", "speaker:"])
def test_alert_filter_with_no_value_is_refused(runner, tmp_path, search):
    """Saved before as the words "entity: Gaspard Lemonnier": an alert that never filtered on the
    entity, and said nothing."""
    db = tmp_path / "a.db"
    res = runner.invoke(cli, ["alerts", "add", search, "--db", str(db)])
    assert res.exit_code == 2
    assert "has no value" in res.stderr and ':"Jean Dupont"' in res.stderr
    fine = runner.invoke(cli, ["alerts", "add", 'pont entity:"Gaspard Lemonnier"', "--db", str(db)])
    assert fine.exit_code == 0 and "entity:" in fine.stdout


# -- closing lines that name stdout; a source added twice ----------------------------------------------

def test_export_and_extract_to_stdout_say_stdout(runner, store, tmp_path):
    res = runner.invoke(cli, ["export", "--db", str(store), "--format", "csv", "-o", "-"])
    assert res.exit_code == 0 and res.stdout.startswith("id,")
    assert res.stderr.strip() == "2 articles exported to stdout"
    page = tmp_path / "pont.txt"
    page.write_text(ARTICLES["pont.txt"], encoding="utf-8")
    ex = runner.invoke(cli, ["extract", str(page), "-o", "-", "--workers", "1"])
    assert ex.exit_code == 0 and json.loads(ex.stdout)["title"].startswith("Le pont de la Sarvenne")
    assert ex.stderr.strip().endswith("1 articles written to stdout; 0 failed")
    helped = runner.invoke(cli, ["export", "--help"])
    assert "'-' for stdout" in helped.stdout


def test_a_source_added_twice_says_it_is_the_same(runner, tmp_path):
    db = tmp_path / "s.db"
    first = runner.invoke(cli, ["sources", "add", "http://127.0.0.1:9/flux.xml", "--db", str(db)])
    again = runner.invoke(cli, ["sources", "add", "http://127.0.0.1:9/flux.xml", "--every", "1h", "--db", str(db)])
    assert first.exit_code == again.exit_code == 0
    assert first.stdout.strip() == "source 1: http://127.0.0.1:9/flux.xml every 15m"
    assert again.stdout.strip() == ("source 1: http://127.0.0.1:9/flux.xml every 1h "
                                    "(already followed: its name and interval updated)")


# -- serve: a port in use, a config file missing: one line before "Veille on …" ------------------------

def test_serve_on_a_port_in_use_says_so_before_announcing_itself(runner, store):
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        res = runner.invoke(cli, ["serve", "--db", str(store), "--port", str(port)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"Error: port {port} on 127.0.0.1 is already in use (another `veille serve`?): "
                                  "choose another with --port")
    assert "Veille on" not in res.stderr


def test_serve_with_a_missing_config_file_stops_at_once(runner, store, tmp_path):
    res = runner.invoke(cli, ["serve", "--db", str(store), "--port", "0", "--config", str(tmp_path / "nope.toml")])
    assert res.exit_code == 1
    assert "nope.toml: cannot read" in res.stderr and "Veille on" not in res.stderr


def test_voices_page_takes_an_end_date_as_the_cli_and_the_api(store, pipeline):
    with TestClient(create_app(store, pipeline_factory=lambda: pipeline)) as client:
        everything = client.get("/voix")
        ended = client.get("/voix?until=1999-12-31")
        api = client.get("/api/voices?until=1999-12-31").json()
    assert everything.status_code == ended.status_code == 200
    assert 'name="until"' in everything.text and 'value="1999-12-31"' in ended.text
    assert "Au total : 0 citations" in ended.text and api["total"]["quote_total"] == 0
    assert "Au total : 0 citations" not in everything.text


def test_search_limit_zero_is_every_match(runner, store):
    """`--limit 0` found nothing and said "no article matches" (0 is "all" everywhere else)."""
    every = runner.invoke(cli, ["search", "Valbrune OR Sarvenne", "--db", str(store), "--limit", "0"])
    assert every.exit_code == 0 and "no article matches" not in every.stderr
    assert len([line for line in every.stdout.splitlines() if not line.startswith(" ")]) == 2
    one = runner.invoke(cli, ["search", "Valbrune OR Sarvenne", "--db", str(store), "--limit", "1"])
    assert len([line for line in one.stdout.splitlines() if not line.startswith(" ")]) == 1
    assert "only the first 1 shown (--limit); --limit 0 for every one" in one.stderr


def test_entity_limit_zero_lists_every_article(runner, store):
    every = runner.invoke(cli, ["entity", "Valbrune", "--db", str(store), "--limit", "0"])
    assert every.exit_code == 0, every.output
    listed = [line for line in every.stdout.splitlines() if line.startswith("  ")]
    assert listed and every.stdout.splitlines()[1].startswith(f"{len(listed)} articles")
    assert "only the first" not in every.stderr


def test_voices_names_pages_without_a_site_in_english(runner, store):
    res = runner.invoke(cli, ["voices", "--db", str(store)])
    assert res.exit_code == 0 and "site inconnu" not in res.stdout
    assert res.stdout.splitlines()[1].startswith("(no site)") and "in (no site)" in res.stdout
