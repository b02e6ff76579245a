"""A big input says which stage it is in (``veille.commands.progress``): a line per stage off a
terminal, the bar's caption on one. The text is invented."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from veille.cli import cli
from veille.commands import progress
from veille.model import Article

STAGES = ["clean", "metadata", "language", "parse", "entities", "times", "quantities", "quotes", "events"]


def _long_text() -> str:
    para = ("Le conseil municipal de Valbrune a voté mardi le budget des écoles, a indiqué la maire, "
            "Odile Ferrandon, qui promet « des classes rénovées avant l'hiver ».")
    return "\n\n".join(f"{para} Séance numéro {n}." for n in range(40))


def test_extract_of_a_big_input_prints_each_stage_and_what_the_last_took(tmp_path: Path, nlp, monkeypatch) -> None:
    page = tmp_path / "long.jsonl"
    page.write_text(json.dumps({"title": "Le budget des écoles de Valbrune", "text": _long_text()},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    small = tmp_path / "court.txt"
    small.write_text("Une fontaine à Valbrune\n\nLa maire a inauguré une fontaine sur la place.\n", encoding="utf-8")
    monkeypatch.setattr(progress, "BIG_INPUT_CHARS", 2_000)
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(cli, ["extract", str(page), str(small), "--output", str(out), "--workers", "1"])
    assert res.exit_code == 0, res.stderr
    lines = [line for line in res.stderr.splitlines() if line.startswith(f"extract: {page}: ")]
    assert [line.split(": ")[2].split(" ")[0] for line in lines] == STAGES
    assert "; language took " in lines[3] and "; parse took " in lines[4] and lines[8].endswith(" s")
    # A small input says nothing; both are extracted.
    assert str(small) not in res.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


class _Bar:
    disable = False

    def __init__(self) -> None:
        self.captions: list[str] = []

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        self.captions.append(text)


def test_on_a_terminal_the_bar_names_the_input_and_its_stage() -> None:
    bar = _Bar()
    status = progress.StageStatus(bar, "ingest")
    art = Article(id="0123456789abcdef")
    art.source.path = "page.html"
    art.raw_text = "x" * 1234
    status("clean", art)
    art.paragraphs = ["Un texte court."]
    status("parse", art)
    assert bar.captions[0] == "page.html: clean (1,234 chars)"
    assert bar.captions[1].startswith("page.html: parse (")
