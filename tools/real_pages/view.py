"""The numbered line view of a real page that the real-page gold refers to.

A text dump's view is its own lines (UTF-8, ``str.splitlines()``). An HTML page's view is a
plain rendering made here, deterministic and independent of Veille's cleaner: scripts, styles and
templates dropped, one line per block element, spaces collapsed, empty lines dropped, the
``<title>`` element first as ``TITLE: …``. Gold files store line numbers (1-based) and character
columns in this view, never the text.

    python tools/real_pages/view.py w0042            # print the view with line numbers
    python tools/real_pages/view.py w0042 12 40      # lines 12 to 40 only
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "web" / "pages"
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "li", "ul", "ol",
           "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "blockquote", "figure", "figcaption",
           "form", "dd", "dt", "dl", "pre", "hr", "time", "address", "title", "td", "th", "button", "option"}
_DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
_SPACE = re.compile(r"\s+")


def page_path(page: str) -> Path:
    for ext in (".txt", ".html"):
        path = PAGES / f"{page}{ext}"
        if path.exists():
            return path
    raise FileNotFoundError(f"{page}: no such page in {PAGES}")


def _html_lines(markup: str) -> list[str]:
    import lxml.html

    root = lxml.html.document_fromstring(markup)
    lines: list[str] = []
    title = root.find(".//title")
    if title is not None and (title.text_content() or "").strip():
        lines.append("TITLE: " + _SPACE.sub(" ", title.text_content()).strip())
    buf: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buf)).strip()
        if text:
            lines.append(text)
        buf.clear()

    def walk(el) -> None:  # noqa: ANN001 - lxml element
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            if el.tail:
                buf.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if el.text and isinstance(el.tag, str):
            buf.append(el.text)
        for child in el:
            walk(child)
        if block:
            flush()
        if el.tail:
            buf.append(el.tail)

    body = root.find(".//body")
    walk(body if body is not None else root)
    flush()
    return lines


def file_lines(path: Path) -> list[str]:
    """The view of a page file wherever it lives (also pages kept outside ``../shared``)."""
    data = path.read_bytes().decode("utf-8", errors="replace")
    if path.suffix == ".html":
        return _html_lines(data)
    return data.splitlines()


def view_lines(page: str) -> list[str]:
    """The page's view as a list of lines (line n is ``lines[n - 1]``)."""
    return file_lines(page_path(page))


def span_text(lines: list[str], line: int, start: int | None = None, end: int | None = None) -> str:
    text = lines[line - 1]
    return text[start:end].strip() if start is not None or end is not None else text.strip()


def ranges_text(lines: list[str], ranges: list[list[int]]) -> str:
    """The text of inclusive 1-based line ranges, one line each, stripped."""
    return "\n".join(lines[i - 1].strip() for a, b in ranges for i in range(a, b + 1) if lines[i - 1].strip())


def checksum(text: str) -> str:
    """A short digest of a gold span, so a changed page or view is noticed (not the text itself)."""
    return hashlib.sha1(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()[:10]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    lines = view_lines(argv[0])
    lo = int(argv[1]) if len(argv) > 1 else 1
    hi = int(argv[2]) if len(argv) > 2 else len(lines)
    for n in range(lo, min(hi, len(lines)) + 1):
        print(f"{n:5d}| {lines[n - 1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
