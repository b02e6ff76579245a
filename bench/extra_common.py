"""What the benches of held-out pages kept outside the corpus share (``extra_pages``, ``extra_times``,
``extra_who``, ``extra_events``): finding a page in its folder, reading its view once, and the checks of
a page-gold entry against its page (the page is there, its body ranges fit, its digests match)."""

from __future__ import annotations

from pathlib import Path

from tools.real_pages.gold import body_text, title_text
from tools.real_pages.view import checksum, file_lines


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
