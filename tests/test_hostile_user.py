"""A hostile new user's inputs, end to end: a JSON file cut short, a WARC with a broken header, a
record cut by the end of the archive or a wrong Content-Length, a folder whose link loops back, a
link to itself, a file and a folder the user may not read, and Ctrl-C in the middle of an ingest.
Each gives one line naming the input and the reason (no Python exception name), is recorded in the
store, and the rest goes on; Ctrl-C keeps what was extracted and a rerun stores nothing twice.
Every text is invented; the hostile files are generated in tmp_path."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import GOOD_A, GOOD_B, http_response, warc_record
from veille.cli import cli
from veille.readers import Budget, ReadError
from veille.readers.formats import read_bytes
from veille.readers.sources import iter_paths, read_documents

ROOT = Path(__file__).resolve().parents[1]
GOOD_C = ("Une ludothèque ouvre à Saint-Brévin-des-Landes\n\n"
          "La ludothèque de Saint-Brévin-des-Landes ouvrira mercredi avec quatre cents jeux, a indiqué "
          "son animatrice, Solène Quéffelec, qui compte sur les familles du quartier.\n")
PAGE = ("<html><head><title>Un verger partagé à Lanrivain</title></head><body><article>"
        "<h1>Un verger partagé à Lanrivain</h1><p>Les habitants de Lanrivain plantent cet hiver un "
        "verger partagé de quarante pommiers, a annoncé le maire, Corentin Le Bihan.</p></article></body></html>")
INTERNAL = ("AttributeError", "ValueError:", "TypeError", "Traceback", "NoneType")


def reasons(items) -> list[str]:
    return [item.reason for item in items if isinstance(item, ReadError)]


def one_line_each(stderr: str) -> list[str]:
    lines = [line for line in stderr.splitlines() if line.startswith("error: ")]
    for line in lines:
        assert not any(word in line for word in INTERNAL), line
    return lines


# -- readers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content", [
    ("coupe.json", b'{"title": "Un titre", "text": "un texte qui ne finit pas'),
    ("coupe.txt", b'{"title": "Un titre",\n "text": "un texte"\n'),
    ("liste.dat", b'[{"title": "Un titre", "text": "un texte"}, {"title": '),
])
def test_a_json_file_cut_short_is_malformed_json_not_a_text(name, content):
    items = list(read_bytes(content, name, path=name))
    assert len(items) == 1 and reasons(items)[0].startswith("malformed JSON: ")


def test_json_without_an_article_object_says_so_and_braces_in_a_text_stay_text():
    assert "no article object" in reasons(read_bytes(b"[1, 2, 3]", "n.json", path="n.json"))[0]
    for text in (b"{Note de la redaction}\n\nUn texte ordinaire sur un marche.",
                 b"   [ ]\n\n   Accueil Rubriques\n\nUn texte ordinaire sur un marche, en dump de lynx.",
                 b'[{"a": 1}] puis le texte ordinaire d\'une page sur un marche.'):
        docs = list(read_bytes(text, "t.txt", path="t.txt"))
        assert [d.kind for d in docs] == ["text"], text


def test_warc_with_a_broken_record_header_is_one_plain_line():
    broken = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>"
    assert reasons(read_bytes(broken, "a.warc")) == ["malformed WARC: record 1 has an invalid or incomplete header"]


def test_warc_record_cut_by_the_end_of_the_archive_is_not_stored_half():
    page = warc_record(http_response(PAGE.encode("utf-8")))
    items = list(read_bytes(page + page[:-120], "a.warc"))
    assert len([i for i in items if not isinstance(i, ReadError)]) == 1  # the whole first record only
    assert reasons(items) == ["truncated WARC record: the archive ends inside it (not stored)"]


def test_warc_with_a_wrong_content_length_is_one_error_not_a_warning_on_stderr(capfd):
    info = (b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: 4\r\n\r\n"
            b"software: x\r\n\r\n\r\n")
    items = list(read_bytes(info + warc_record(http_response(PAGE.encode("utf-8"))), "a.warc"))
    assert len([i for i in items if not isinstance(i, ReadError)]) == 1
    assert len(reasons(items)) == 1 and "Content-Length" in reasons(items)[0]
    assert capfd.readouterr().err == ""


def test_folder_link_loop_is_reported_once_and_each_file_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    sub = tmp_path / "sous"
    sub.mkdir()
    (sub / "b.txt").write_text(GOOD_B, encoding="utf-8")
    (sub / "retour").symlink_to(tmp_path, target_is_directory=True)
    (sub / "moi.txt").symlink_to(sub / "moi.txt")
    items = list(iter_paths([tmp_path]))
    files = [str(i) for i in items if not isinstance(i, ReadError)]
    assert sorted(files) == sorted([str(tmp_path / "a.txt"), str(sub / "b.txt")])
    errors = {e.origin: e.reason for e in items if isinstance(e, ReadError)}
    assert errors[str(sub / "retour")].startswith("symbolic link loop: it leads back to")
    assert errors[str(sub / "moi.txt")] == "symbolic link loop: the link leads back to itself"


def test_linked_folder_elsewhere_is_read(tmp_path):
    other = tmp_path / "ailleurs"
    other.mkdir()
    (other / "c.txt").write_text(GOOD_C, encoding="utf-8")
    root = tmp_path / "lot"
    root.mkdir()
    (root / "lien").symlink_to(other, target_is_directory=True)
    docs = [d for d in read_documents([root]) if not isinstance(d, ReadError)]
    assert [Path(d.path).name for d in docs] == ["c.txt"]


def test_too_large_names_the_option(tmp_path):
    big = tmp_path / "gros.txt"
    big.write_text(GOOD_A * 10, encoding="utf-8")
    (err,) = read_documents([big], budget=Budget(max_bytes=100))
    assert "(--max-bytes)" in err.reason


# -- the command line -----------------------------------------------------------------------------------


def _hostile_folder(root: Path) -> tuple[list[str], list[str]]:
    """Good inputs and the bad ones of this file; returns (good titles, bad origins)."""
    root.mkdir()
    (root / "01_bon.txt").write_text(GOOD_A, encoding="utf-8")
    (root / "02_coupe.json").write_text('{"title": "Un titre", "text": "sans fin', encoding="utf-8")
    (root / "03_casse.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9\r\n\r\nHTTP/1.1")
    (root / "04_page.html").write_text(PAGE, encoding="utf-8")
    (root / "05_boucle").mkdir()
    (root / "05_boucle" / "retour").symlink_to(root, target_is_directory=True)
    (root / "06_moi.txt").symlink_to(root / "06_moi.txt")
    (root / "07_bon.txt").write_text(GOOD_B, encoding="utf-8")
    bad = ["02_coupe.json", "03_casse.warc", "05_boucle/retour", "06_moi.txt"]
    return ["Un verger partagé à Lanrivain", GOOD_A.split("\n")[0], GOOD_B.split("\n")[0]], [str(root / b) for b in bad]


def test_hostile_folder_through_ingest_one_plain_line_each(nlp, tmp_path):
    titles, bad = _hostile_folder(tmp_path / "lot")
    db = tmp_path / "v.db"
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "lot"), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 1, res.output
    errors = one_line_each(res.stderr)
    assert len(errors) == len(bad), errors
    for origin in bad:
        assert sum(line.startswith(f"error: {origin}: ") for line in errors) == 1, (origin, errors)
    conn = sqlite3.connect(db)
    assert sorted(t for (t,) in conn.execute("SELECT title FROM articles")) == sorted(titles)
    assert sorted(o for (o,) in conn.execute("SELECT origin FROM failures")) == sorted(bad)


def test_ctrl_c_keeps_the_articles_extracted_and_a_rerun_stores_nothing_twice(nlp, tmp_path, monkeypatch):
    lot = tmp_path / "lot"
    lot.mkdir()
    for i, text in enumerate((GOOD_A, GOOD_B, GOOD_C)):
        (lot / f"{i}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "v.db"
    import veille.commands.extract as extract_module

    real = extract_module._articles

    def interrupted(*args, **kwargs):  # Ctrl-C while the third article is being extracted
        for n, article in enumerate(real(*args, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt
            yield article

    monkeypatch.setattr(extract_module, "_articles", interrupted)
    res = CliRunner().invoke(cli, ["ingest", str(lot), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 130
    assert "interrupted: 2 added, 0 already stored, 0 failed before it; 2 articles in" in res.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2
    monkeypatch.setattr(extract_module, "_articles", real)
    res = CliRunner().invoke(cli, ["ingest", str(lot), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0 and "1 added, 2 already stored, 0 failed; 3 articles" in res.stderr
    assert conn.execute("SELECT count(*), count(DISTINCT title) FROM articles").fetchone() == (3, 3)


def test_ctrl_c_during_extract_keeps_complete_records(nlp, tmp_path, monkeypatch):
    lot = tmp_path / "lot"
    lot.mkdir()
    for i, text in enumerate((GOOD_A, GOOD_B)):
        (lot / f"{i}.txt").write_text(text, encoding="utf-8")
    import veille.commands.extract as extract_module

    real = extract_module._articles

    def interrupted(*args, **kwargs):
        for n, article in enumerate(real(*args, **kwargs)):
            if n == 1:
                raise KeyboardInterrupt
            yield article

    monkeypatch.setattr(extract_module, "_articles", interrupted)
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(lot), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 130 and f"interrupted: 1 complete records written to {out}" in res.stderr
    assert [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        GOOD_A.split("\n")[0]]


# -- real processes: a real SIGINT, a user without the right to read ---------------------------------------


@pytest.fixture()
def hanging_url():
    """A URL whose server answers nothing until the test ends; ``.asked`` is set once it is asked."""
    asked, release = threading.Event(), threading.Event()

    class Hang(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.set()
            release.wait(120)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hang)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/lent"
    yield url, asked
    release.set()
    server.shutdown()
    server.server_close()


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "PYTHONPATH": str(ROOT / "src")}


@pytest.mark.slow
def test_a_real_sigint_during_ingest_is_one_line_and_the_store_stays_whole(tmp_path, hanging_url):
    url, asked = hanging_url
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "a.txt").write_text(GOOD_A, encoding="utf-8")
    db = tmp_path / "v.db"
    proc = subprocess.Popen([sys.executable, "-m", "veille", "ingest", str(lot), url, "--db", str(db),
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(), start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert asked.wait(300), "the URL was never asked for"
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted" not in err
    assert [line for line in err.splitlines() if line.strip()][-1].startswith("interrupted: ")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] <= 1
    conn.close()
    again = subprocess.run([sys.executable, "-m", "veille", "ingest", str(lot), "--db", str(db), "--workers", "1"],
                           capture_output=True, text=True, env=_env(), timeout=600)
    assert again.returncode == 0 and f"{1 - stored} added, {stored} already stored" in again.stderr


def _unprivileged() -> list[str] | None:
    """A command prefix that reads files as a user without the right to read what mode 0 locks:
    none needed for a plain user; for root, root without its capabilities to read anything."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    drop = "-dac_override,-dac_read_search"
    probe = subprocess.run([setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", "true"], capture_output=True)
    return [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}"] if probe.returncode == 0 else None


@pytest.mark.slow
def test_a_file_and_a_folder_without_read_permission(tmp_path):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("root without setpriv: every file is readable")
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "a.txt").write_text(GOOD_A, encoding="utf-8")
    secret = lot / "b.txt"
    secret.write_text(GOOD_B, encoding="utf-8")
    locked = lot / "ferme"
    locked.mkdir()
    (locked / "c.txt").write_text(GOOD_C, encoding="utf-8")
    secret.chmod(0)
    locked.chmod(0)
    db = tmp_path / "v.db"
    try:
        res = subprocess.run([*prefix, sys.executable, "-m", "veille", "ingest", str(lot), "--db", str(db),
                              "--workers", "1"], capture_output=True, text=True, env=_env(), timeout=600)
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert res.returncode == 1, res.stderr
    errors = one_line_each(res.stderr)
    assert sorted(errors) == sorted([f"error: {locked}: cannot read folder: Permission denied",
                                     f"error: {secret}: cannot read: Permission denied"])
    conn = sqlite3.connect(db)
    assert [t for (t,) in conn.execute("SELECT title FROM articles")] == [GOOD_A.split("\n")[0]]
    assert sorted(o for (o,) in conn.execute("SELECT origin FROM failures")) == sorted([str(locked), str(secret)])


# -- mistyped arguments: one line before any work ------------------------------------------------------


def test_an_output_in_a_missing_folder_is_refused_before_reading(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    missing = tmp_path / "absent" / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(tmp_path / "a.txt"), "-o", str(missing)])
    assert res.exit_code == 2 and f"folder {missing.parent} does not exist" in res.stderr
    assert isinstance(res.exception, SystemExit) and not missing.parent.exists()
    from veille.store import Store

    db = tmp_path / "v.db"
    with Store(str(db)):
        pass
    for fmt in ("jsonl", "csv", "parquet"):
        res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "-o", str(missing)])
        assert res.exit_code == 2 and "does not exist" in res.stderr, (fmt, res.output)


def test_an_empty_folder_is_said_not_counted_as_success(nlp, tmp_path):
    (tmp_path / "vide").mkdir()
    (tmp_path / "vide" / ".cache").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(cli, ["ingest", str(tmp_path / "vide"), "--db", str(tmp_path / "v.db"),
                                   "--workers", "1"])
    assert res.exit_code == 1
    assert one_line_each(res.stderr) == [f"error: {tmp_path / 'vide'}: no file in this folder (hidden files are skipped)"]


@pytest.mark.parametrize("args", [["quotes", "--since", "2023-13-45"], ["events", "--since", "hier"],
                                  ["stories", "--since", "2023-02-30"], ["aid", "--since", "23-01"],
                                  ["voices", "--until", "2023/05"], ["entities", "--top", "-3"]])
def test_a_mistyped_date_or_count_is_a_usage_error_not_an_empty_answer(tmp_path, args):
    from veille.store import Store

    db = tmp_path / "v.db"
    with Store(str(db)):
        pass
    res = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert res.exit_code == 2 and "Invalid value" in res.stderr, res.output


def test_a_good_date_prefix_is_accepted(tmp_path):
    from veille.store import Store

    db = tmp_path / "v.db"
    with Store(str(db)):
        pass
    for since in ("2023", "2023-02", "2024-02-29"):
        assert CliRunner().invoke(cli, ["quotes", "--since", since, "--db", str(db)]).exit_code == 0


def test_a_feed_title_with_entities_keeps_one_space():
    feed = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Flux</title><item>'
            b'<title>Bal d&eacute;t&eacute; &nbsp; &amp;  concert</title><link>https://exemple.invalid/bal</link>'
            b'<description>Le bal du village de Lurcy aura lieu samedi, a annonc&eacute; le comit&eacute;.</description>'
            b'</item></channel></rss>')
    (doc,) = list(read_bytes(feed, "flux.xml"))
    assert doc.meta["title"] == "Bal dété & concert"


# -- the web pages ----------------------------------------------------------------------------------------


def test_a_mistyped_page_parameter_is_an_error_page_and_a_mistyped_date_no_filter(tmp_path):
    from fastapi.testclient import TestClient

    from veille.model import Article, Entity, Quote, Source
    from veille.store import Store
    from veille.web.app import create_app

    with Store(str(tmp_path / "v.db")) as store:
        store.add(Article(id="a1", source=Source(path="a1.txt", site="exemple.invalid"), title="Un marché",
                          published="2023-05-02", paragraphs=["« Le marché ouvre samedi », a dit Odile Kervarec."],
                          entities=[Entity(name="Odile Kervarec", type="PER", mentions=["Odile Kervarec"])],
                          quotes=[Quote(text="Le marché ouvre samedi", speaker="Odile Kervarec", cue="a dit")]))
    client = TestClient(create_app(tmp_path / "v.db"))
    for url in ("/?page=abc", "/citations?page=deux"):
        res = client.get(url)
        assert res.status_code == 400 and "text/html" in res.headers["content-type"]
        assert "Paramètre invalide : page." in res.text
    assert client.get("/api/articles?limit=abc").status_code == 422  # the API keeps FastAPI's JSON
    assert client.get("/api/articles?limit=abc").json()["detail"][0]["loc"] == ["query", "limit"]
    assert "Odile Kervarec" in client.get("/voix?since=hier").text
    # the page is the unfiltered one, and says that the date was ignored (the web notice of helper user5)
    ignored = client.get("/voix?since=hier").text
    assert "Date non reconnue, filtre ignoré" in ignored
    assert re.sub(r'<p class="error date-notice"[^>]*>.*?</p>', "", ignored) == client.get("/voix").text


@pytest.mark.parametrize("args", [["ingest", "a.txt"], ["stats"], ["sources", "add", "https://exemple.invalid/flux.xml"]])
def test_another_applications_database_is_left_untouched(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    db = tmp_path / "carnet.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (nom TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Odile Kervarec')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    res = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert res.exit_code == 1
    assert res.stderr.strip() == (f"Error: {db}: a SQLite database of another application (tables contacts), "
                                  "not a Veille database: left untouched")
    assert db.read_bytes() == before


def test_kb_import_of_a_binary_file_is_one_line(tmp_path):
    blob = tmp_path / "entrees.jsonl"
    blob.write_bytes(b'{"id": "x"}\n' + bytes(range(128, 256)))
    res = CliRunner().invoke(cli, ["kb", "import", str(blob), "--dir", str(tmp_path / "kb")])
    assert res.exit_code == 1
    assert res.stderr.strip() == f"Error: {blob} not imported: not UTF-8 JSON lines (byte 0x80 at offset 12)"


# -- the store on Ctrl-C -------------------------------------------------------------------------------------


def _plain(aid: str):
    from veille.model import Article, Source

    return Article(id=aid, source=Source(path=f"{aid}.txt"), title=f"Titre {aid}", paragraphs=["Un paragraphe inventé."])


def test_add_many_stores_what_was_extracted_before_ctrl_c(tmp_path):
    from veille.store import Store

    def extracted():
        yield _plain("a1")
        yield _plain("a2")
        raise KeyboardInterrupt

    with Store(str(tmp_path / "v.db")) as store:
        seen = []
        with pytest.raises(KeyboardInterrupt):
            for article, outcome in store.add_many(extracted(), batch=32):
                seen.append((article.id, outcome))
        assert seen == [("a1", True), ("a2", True)]
        assert sorted(a.id for a in store.iter_articles()) == ["a1", "a2"]


def test_ctrl_c_inside_a_batch_rolls_it_back_whole(tmp_path, monkeypatch):
    from veille.store import Store

    with Store(str(tmp_path / "v.db")) as store:
        real = store._write

        def write(article):
            if article.id == "b2":
                raise KeyboardInterrupt
            return real(article)

        monkeypatch.setattr(store, "_write", write)
        with pytest.raises(KeyboardInterrupt):
            list(store.add_many(iter([_plain("b1"), _plain("b2"), _plain("b3")]), batch=2))
        assert list(store.iter_articles()) == []
        assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
