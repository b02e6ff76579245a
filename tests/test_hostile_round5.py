"""Hostile pass 5, readers and the line model: U+2028, a vertical tab, a C1 control mean the same in
a text dump, a JSON record and an HTML page (and the offsets index the stored body); NUL bytes in a
text, UTF-32, a page nested past the parser's depth, archives named, feed entries that clean to
nothing, ``extract -o`` written beside then moved. Every text is invented; no part of Veille is
mocked."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import resource
import sqlite3
import subprocess
import sys
import tarfile
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hostile import GOOD_A, GOOD_B, http_response, warc_record
from veille.cli import cli
from veille.common.line_model import apply_line_model
from veille.readers.base import RawDocument, ReadError
from veille.readers.formats import read_bytes
from veille.store import Store

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Une piscine municipale rouvre à Vierzon"
P1 = ("Le maire de Vierzon, Armand Soulier, a déclaré lundi devant le conseil municipal que la piscine "
      "rouvrirait en juin après deux années de travaux et un chantier plus long que prévu.{S}Les "
      "associations sportives de la ville attendent cette réouverture depuis l'automne dernier.")
P2 = ("« Nous avons attendu trop longtemps, et les enfants de la ville ont perdu deux étés de "
      "natation »,{S}a affirmé l'adjointe chargée des sports, Lucie Fontanel, devant les élus réunis mardi soir.")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return {**env, "PYTHONPATH": str(ROOT / "src")}


def _read(content: bytes, name: str = "page") -> list[RawDocument | ReadError]:
    return list(read_bytes(content, name))


# -- the line model ---------------------------------------------------------------------------------


def test_line_model_of_each_odd_character():
    assert apply_line_model("a\u2028b\x0bc\x0cd") == "a\nb\nc\nd"  # line ends, as a newline
    assert apply_line_model("a\u2029b") == "a\n\nb"  # a paragraph's end
    assert apply_line_model("a\u2028b\x0bc\x0cd\u2029e", markup=True) == "a b c d e"  # white space in markup
    # C1 controls: Windows-1252 bytes read as Latin-1 ("…", "’", "–"); undefined ones a space
    assert apply_line_model("dit\x85 l\x92an \x96 fin\x81") == "dit… l’an – fin "
    assert apply_line_model("a\x00b\x1cc\x7fd") == "a b c d"
    plain = "Rien d'étrange ici.\nDeux lignes.\r\n"
    assert apply_line_model(plain) is plain


def _formats(sep: str, folder: Path) -> dict[str, Path]:
    p1, p2 = P1.replace("{S}", sep), P2.replace("{S}", sep)
    folder.mkdir(exist_ok=True)
    files = {"txt": folder / "a.txt", "json": folder / "a.json", "html": folder / "a.html"}
    files["txt"].write_text(f"{TITLE}\n\n{p1}\n\n{p2}\n", encoding="utf-8")
    files["json"].write_text(json.dumps({"title": TITLE, "text": f"{p1}\n\n{p2}"}, ensure_ascii=False),
                             encoding="utf-8")
    files["html"].write_text(f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
                             f"<p>{p1}</p><p>{p2}</p></article></body></html>", encoding="utf-8")
    return files


def _read_all(pipeline, files: dict[str, Path]) -> dict[str, tuple]:
    out = {}
    for kind, path in files.items():
        (article,) = list(pipeline.extract([str(path)], on_error=lambda e: pytest.fail(str(e))))
        out[kind] = (article.title, article.paragraphs, [(q.kind, q.text, q.start, q.end) for q in article.quotes])
    return out


@pytest.mark.parametrize("sep", ["\u2028", "\x0b", "\x0c"], ids=["U+2028", "VT", "FF"])
def test_a_line_separator_reads_as_the_newline_of_its_format(pipeline, tmp_path, sep):
    """In a text or a JSON record's text, the line ends a newline ends; in a page, white space.
    Before: the HTML parser deleted a vertical tab or a form feed and glued "prévu.Les"."""
    odd = _read_all(pipeline, _formats(sep, tmp_path / "odd"))
    newline = _read_all(pipeline, _formats("\n", tmp_path / "newline"))
    assert odd == newline
    assert odd["html"][1] == [P1.replace("{S}", " "), P2.replace("{S}", " ")]


def test_quote_offsets_index_the_stored_body_after_the_line_model(pipeline, tmp_path):
    files = _formats("\u2028", tmp_path)
    db = tmp_path / "v.db"
    with Store(db) as store:
        for path in files.values():
            for article in pipeline.extract([str(path)]):
                store.add(article)
                body = store.conn.execute("SELECT body FROM articles WHERE id = ?", (article.id,)).fetchone()[0]
                start = article.body_start()
                assert article.quotes
                for quote in article.quotes:
                    assert body[quote.start - start:quote.end - start] == quote.text
                for entity in article.entities:
                    for s, e in entity.spans:
                        if s >= start:
                            assert body[s - start:e - start] == article.nlp_text()[s:e]


def test_c1_mojibake_is_given_back_its_characters(pipeline, tmp_path):
    path = tmp_path / "c1.txt"
    path.write_text(f"{TITLE}\n\nLe maire de Vierzon a dit\x85 que la piscine rouvrira l\x92an prochain, a annoncé "
                    "mardi Armand Soulier devant le conseil municipal réuni.\n", encoding="utf-8")
    (article,) = list(pipeline.extract([str(path)]))
    assert article.title == TITLE  # (U+0085 was a line break: the title cut the sentence)
    assert "a dit… que la piscine rouvrira l’an prochain" in article.paragraphs[0]


# -- readers ------------------------------------------------------------------------------------------


def test_nul_bytes_in_a_text_are_spaces_not_a_binary_file(tmp_path):
    text = GOOD_A.encode()
    for content in (text[:40] + b"\x00" + text[40:], text + bytes(4096), bytes(3) + text):
        (doc,) = _read(content, "a.txt")
        assert isinstance(doc, RawDocument), doc
    db = tmp_path / "x.db"  # a binary file with NULs everywhere stays refused
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (a TEXT)")
        conn.executemany("INSERT INTO t VALUES (?)", [(f"texte {i} " * 20,) for i in range(300)])
    assert [str(d) for d in _read(db.read_bytes(), "x.db")] == ["x.db: binary content, not text"]
    assert [str(d) for d in _read(bytes(100), "z")] == ["z: binary content, not text"]


def test_utf32_text_is_decoded_not_read_as_utf16(tmp_path):
    (doc,) = _read(GOOD_B.encode("utf-32"), "b.txt")
    assert isinstance(doc, RawDocument) and doc.text.startswith("Un nouveau marché") and "\x00" not in doc.text


@pytest.mark.parametrize("depth", [300, 10_000, 100_000])
def test_a_page_nested_past_the_parsers_depth_keeps_its_text(pipeline, tmp_path, depth):
    """Before: "malformed HTML: no text in the page" (libxml2 drops every element below 256)."""
    para = GOOD_A.split("\n\n")[1].strip()
    page = f"<html><body>{'<div>' * depth}<p>{para}</p>{'</div>' * (depth // 2)}</body></html>"
    path = tmp_path / "profond.html"
    path.write_text(page, encoding="utf-8")
    (article,) = list(pipeline.extract([str(path)], on_error=lambda e: pytest.fail(str(e))))
    assert para in " ".join(article.paragraphs)
    payload = http_response(page.encode())  # the same page in a WARC record
    (doc,) = _read(warc_record(payload), "a.warc")
    assert isinstance(doc, RawDocument)


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", GOOD_A)
    return out.getvalue()


def _tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        info = tarfile.TarInfo("a.txt")
        info.size = len(GOOD_A.encode())
        tar.addfile(info, io.BytesIO(GOOD_A.encode()))
    return out.getvalue()


@pytest.mark.parametrize("name,content,what", [
    ("lot.zip", _zip(), "a zip archive"),
    ("rapport.docx", _zip(), "a zip archive (or an Office document"),
    ("lot.tar", _tar(), "a tar archive"),
    ("lot.tar.gz", gzip.compress(_tar()), "a tar archive"),
    ("lot.7z", b"7z\xbc\xaf\x27\x1c" + bytes(64), "a 7-Zip archive"),
    ("lot.rar", b"Rar!\x1a\x07\x01\x00" + bytes(64), "a RAR archive"),
    ("a.txt.bz2", bz2.compress(GOOD_A.encode()), "a bzip2-compressed file"),
    ("a.txt.xz", lzma.compress(GOOD_A.encode()), "an xz-compressed file"),
])
def test_an_archive_is_named_with_what_to_do(name, content, what):
    """Before: "binary content, not text"."""
    (err,) = _read(content, name)
    assert isinstance(err, ReadError) and err.reason.startswith(what) and "unpack it" in err.reason


def test_an_empty_path_is_an_error_not_the_working_folder(tmp_path, monkeypatch):
    """``veille ingest "$DIR"`` with DIR unset. Before: Path("") is ".", the whole working folder
    was read and stored; ``extract "" -o out`` was refused as "inside the input folder"."""
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(cli, ["ingest", "", "--db", str(tmp_path / "v.db"), "--workers", "1"])
    assert res.exit_code == 1 and "error: '': empty path" in res.stderr
    with sqlite3.connect(tmp_path / "v.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    res = CliRunner().invoke(cli, ["extract", "", "-o", "out.jsonl", "--workers", "1"])
    assert res.exit_code == 1 and "error: '': empty path" in res.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == ""


def test_a_bytes_path_is_read_by_the_python_api(tmp_path):
    """Before: a TypeError that ended the whole batch."""
    from veille.readers import read_documents

    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (doc,) = list(read_documents([os.fsencode(tmp_path / "a.txt")]))
    assert isinstance(doc, RawDocument) and doc.text == GOOD_A


# -- feeds --------------------------------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Flux inventé</title><link>https://exemple.invalid/</link>
<item><title>Une passerelle piétonne pour Montargis</title><link>https://exemple.invalid/passerelle</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Une passerelle piétonne enjambera le canal de Montargis dès l'automne, a annoncé
jeudi l'adjointe chargée des travaux, Lucie Fontanel, pour relier les deux quartiers.&lt;/p&gt;</description></item>
<item><title>Le marché de Figeac déménage</title><link>https://exemple.invalid/marche</link>
<pubDate>Wed, 05 Jun 2024 08:00:00 GMT</pubDate><description>&lt;img src="marche.jpg"/&gt;</description></item>
<item><title>Une photo seule</title><link>https://exemple.invalid/rien</link><description></description></item>
<item><title>Un lien seul</title><link>https://exemple.invalid/lien</link>
<description>&lt;a href="https://exemple.invalid/lien"&gt;Lire la suite&lt;/a&gt;</description></item>
</channel></rss>
"""


def test_feed_entries_that_clean_to_nothing_are_skipped_with_a_recorded_reason(tmp_path):
    """Before: an entry whose summary was an image or a link was stored as a headline over an empty
    body, silently; an empty one failed as "feed entry has no content", without its link."""
    feed = tmp_path / "flux.xml"
    feed.write_text(FEED, encoding="utf-8")
    db = tmp_path / "v.db"
    res = CliRunner().invoke(cli, ["ingest", str(feed), "--db", str(db), "--workers", "1", "--no-alerts"])
    assert res.exit_code == 1, res.stderr
    errors = [line for line in res.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    for link in ("marche", "rien", "lien"):
        assert any(f"(https://exemple.invalid/{link}) has no article text, only a title: not stored" in e
                   and "--follow-links" in e for e in errors), errors
    with sqlite3.connect(db) as conn:
        assert [t for (t,) in conn.execute("SELECT title FROM articles")] == ["Une passerelle piétonne pour Montargis"]
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 3


# -- extract -o: written beside, then moved ------------------------------------------------------------


def _lot(tmp_path: Path) -> Path:
    lot = tmp_path / "lot"
    lot.mkdir()
    (lot / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (lot / "b.txt").write_text(GOOD_B, encoding="utf-8")
    return lot


@pytest.mark.slow
def test_an_extract_that_cannot_finish_its_output_leaves_the_old_file_whole(tmp_path):
    """A full disk (a file-size limit): before, FILE was emptied when opened and left cut short."""
    lot = _lot(tmp_path)
    out = tmp_path / "sortie.jsonl"
    out.write_text('{"ancien": true}\n', encoding="utf-8")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (400, 400))

    res = subprocess.run([sys.executable, "-m", "veille", "extract", str(lot), "-o", str(out), "--workers", "1"],
                         capture_output=True, text=True, env=_env(), timeout=600, preexec_fn=small_files)
    assert res.returncode == 1 and f"{out}: cannot write: File too large" in res.stderr, res.stderr
    assert "Traceback" not in res.stderr
    assert out.read_text(encoding="utf-8") == '{"ancien": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lot", "sortie.jsonl"]  # no part left


def test_an_extract_replaces_its_output_whole_and_writes_into_a_pipe(pipeline, tmp_path):
    lot = _lot(tmp_path)
    out = tmp_path / "sortie.jsonl"
    out.write_text("ancien\n" * 1000, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(lot), "-o", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.stderr
    assert [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        GOOD_A.split("\n")[0], GOOD_B.split("\n")[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lot", "sortie.jsonl"]
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = CliRunner().invoke(cli, ["extract", str(lot / "a.txt"), "-o", str(fifo), "--workers", "1"])
    reader.join(60)
    assert res.exit_code == 0, res.stderr
    assert fifo.is_fifo() and json.loads(got[0])["title"] == GOOD_A.split("\n")[0]


def test_an_export_into_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path):
    """Before: the export was written beside (in the pipe's folder) and moved over it, so that
    ``veille export -o /dev/null`` run as root replaced the device with a file."""
    from veille.model import Article, Source

    db = tmp_path / "v.db"
    with Store(db) as store:
        store.add(Article(id="tube000000000001", source=Source(path="a.txt"), title="Titre inventé",
                          language="fr", paragraphs=["Le conseil municipal de Lodève a voté lundi."]))
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    res = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "jsonl", "-o", str(fifo)])
    reader.join(60)
    assert res.exit_code == 0, res.stderr
    assert fifo.is_fifo() and json.loads(got[0])["title"] == "Titre inventé"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("v.db")) == ["tube"]
