"""What the benches of held-out pages kept outside the corpus share (``extra_pages``, ``extra_times``,
``extra_who``, ``extra_events``): finding a page in its folder, reading its view once, and the checks of
a page-gold entry against its page (the page is there, its body ranges fit, its digests match), and
running ``veille extract`` on the pages or on their gold body."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tools.real_pages.gold import body_text, title_text
from tools.real_pages.materialize import SCORER, body_inputs, materialize
from tools.real_pages.view import checksum, file_lines

ROOT = Path(__file__).resolve().parents[1]


def page_file(pages_dir: Path, page: str) -> Path | None:
    """The page's file (``.txt`` dump or ``.html``) in ``pages_dir``; ``None`` when it is not there."""
    for ext in (".txt", ".html"):
        path = pages_dir / f"{page}{ext}"
        if path.exists():
            return path
    return None


class Pages:
    """Page id -> view lines, read once from a folder outside ``../shared``."""

    def __init__(self, pages_dir: Path) -> None:
        self.pages_dir = pages_dir
        self._lines: dict[str, list[str]] = {}

    def path(self, page: str) -> Path:
        path = page_file(self.pages_dir, page)
        if path is None:
            raise FileNotFoundError(f"{page}: no such page in {self.pages_dir}")
        return path

    def lines(self, page: str) -> list[str]:
        if page not in self._lines:
            self._lines[page] = file_lines(self.path(page))
        return self._lines[page]


def pages_at(pages_dir: Path) -> Pages | None:
    """The pages of ``pages_dir``; ``None``, with a note, when the folder is absent (CI has none)."""
    if not pages_dir.is_dir():
        print(f"{pages_dir}: not found, nothing scored (the pages stay outside the repository)")
        return None
    return Pages(pages_dir)


def checked(problems: list[str], summary: str) -> int:
    """Prints the problems of ``--check`` and a summary line (``summary`` + the count); the exit code."""
    for line in problems:
        print(line)
    print(f"{summary}, {len(problems)} problems")
    return 1 if problems else 0


def no_scorer() -> bool:
    """True, with a note, when ``../shared/eval/score.py`` is not there to score with."""
    if SCORER.exists():
        return False
    print("../shared/eval/score.py is needed", file=sys.stderr)
    return True


def entry_problems(entry: dict, pages: Pages) -> tuple[list[str] | None, list[str]]:
    """The page's lines and the problems of its page-gold entry; lines are ``None`` when the page is
    missing or a body range falls outside it (nothing more about that page can be checked)."""
    page = entry["page"]
    try:
        lines = pages.lines(page)
    except FileNotFoundError as exc:
        return None, [str(exc)]
    ranges = entry.get("body") or []
    if any(not 1 <= a <= b <= len(lines) for a, b in ranges):
        return None, [f"{page}: a body range is outside 1..{len(lines)}"]
    out = []
    digests = entry.get("check") or {}
    if digests.get("title") != checksum(title_text(entry, lines) or ""):
        out.append(f"{page}: title digest differs")
    if digests.get("body") != checksum(body_text(entry, lines)):
        out.append(f"{page}: body digest differs")
    return lines, out


def extract(entries: list[dict], pages: Pages, body: bool, tmp_dir: Path, explain: bool = False) -> Path | None:
    """``veille extract`` (the CLI every bench runs) on the entries' pages, or with ``body`` on their gold
    title, body and date handed over, into ``tmp_dir/pred.jsonl``; ``None`` when it wrote nothing."""
    if body:
        inputs = tmp_dir / "inputs"
        body_inputs(entries, inputs, lines_of=pages.lines)
        paths = sorted(str(p) for p in inputs.iterdir())
    else:  # the scorer pairs records with gold files by the page file's name
        paths = [str(pages.path(e["page"])) for e in entries if e.get("article") is not False]
    pred = tmp_dir / "pred.jsonl"
    cmd = [sys.executable, "-m", "veille", "extract", *paths, "--output", str(pred), *(["--explain"] if explain else [])]
    subprocess.run(cmd, cwd=ROOT, check=False, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    if not pred.exists():
        print("veille extract wrote nothing", file=sys.stderr)
        return None
    return pred


@contextmanager
def extracted(entries: list[dict], pages: Pages, body: bool, explain: bool = False,
              **gold: dict) -> Iterator[tuple[Path, Path | None]]:
    """In a temporary folder: the entries' gold in the shared format (``gold``: ``who=`` or ``events=``,
    ``materialize``'s) and ``extract``'s predictions (``None`` when it wrote nothing)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        gold_dir = tmp_dir / "gold"
        materialize(entries, gold_dir, lines_of=pages.lines, **gold)
        yield gold_dir, extract(entries, pages, body, tmp_dir, explain=explain)


def readable(entries: list[dict], pages: Pages, out: list[str]) -> Iterator[tuple[dict, list[str]]]:
    """Each entry whose page reads and whose body ranges fit, with the page's lines; the problems
    ``entry_problems`` finds in every entry are added to ``out``."""
    for entry in entries:
        lines, problems = entry_problems(entry, pages)
        out += problems
        if lines is not None:
            yield entry, lines
