"""HTML pages: trafilatura's main text, then the line rules; the page's own metadata beside it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from veille.clean.lines import Cleaned, clean_lines

_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
               "footer", "nav", "aside", "blockquote", "figcaption", "figure", "td", "th", "tr", "br",
               "ul", "ol", "dt", "dd", "time", "address", "main", "pre", "table", "form", "label"}


def html_lines(html: str) -> list[str]:
    """The visible text of a page, one line per block element (what trafilatura leaves out is
    kept as boilerplate from these lines)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and isinstance(el.tag, str):
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return [" ".join(ln.split()) for ln in "".join(parts).split("\n") if ln.strip()]


def extract_html(html: str, url: str | None = None, today: str | None = None,
                 known_title: str | None = None,
                 organisations: Collection[str] | None = None) -> tuple[Cleaned, dict[str, Any]]:
    """trafilatura's main text cleaned by the line rules, plus the page metadata it found.

    ``known_title``: the title a feed entry or a record gives. It wins over the page's, so that a
    fragment without a heading (a feed's summary) does not lose its first paragraph to the title.
    """
    from trafilatura import bare_extraction

    params: dict[str, Any] = {"extensive_search": False, "original_date": True}
    if today:
        params["max_date"] = today
    doc = bare_extraction(html, url=url, favor_precision=True, include_comments=False,
                          include_tables=False, with_metadata=True, date_extraction_params=params)
    meta: dict[str, Any] = {}
    text_lines: list[str] = []
    if doc is not None:
        for key in ("title", "date", "sitename", "hostname", "url"):
            value = getattr(doc, key, None)
            if value:
                meta[key] = value
        text_lines = (doc.text or "").split("\n")
    all_lines = html_lines(html)
    if not any(ln.strip() for ln in text_lines):
        text_lines = all_lines  # trafilatura found no main text: fall back on every block
    return (clean_lines(text_lines, known_title=known_title or meta.get("title"),
                        organisations=organisations),
            {"meta": meta, "all_lines": all_lines})
