"""An HTML page parsed once: the tree the reader's check builds travels with the page to the clean
stage (its block lines, the page's own metadata, the text extraction), which parses the page
again only when it reads another string than the one parsed (the line model or an HTTP head
changed it) or when the text extraction would build its tree otherwise (``clean/page_meta.py``
``extraction_tree``).

Shared by the readers and the clean stage (issue 11): a tree is a libxml2 document, several times
the page's size, so it is handed over, never copied, and never pickled (``ParsedPage``).
"""

from __future__ import annotations

from typing import Any

_PARSER: Any = None


def page_parser() -> Any:
    """The one HTML parser of a page: comments and processing instructions left out (no reader of
    the tree asks for them: the reader's check and the block lines take no text from them, and
    the text extraction parses without them), no id table, no doctype made up."""
    global _PARSER
    if _PARSER is None:
        import lxml.html

        _PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                       default_doctype=False)
    return _PARSER


def parse_html(page: str) -> Any:
    """``lxml.html.fromstring`` of ``page`` with ``page_parser``; raises what it raises."""
    import lxml.html

    return lxml.html.fromstring(page, parser=page_parser())


class ParsedPage:
    """A page's source and the tree ``parse_html`` built from it. Pickled, it carries nothing (an
    article waiting for its corpus goes to another process: the clean stage has used the tree
    by then, and a tree cannot be pickled)."""

    __slots__ = ("source", "tree")
    held = 0  # characters of the pages whose trees are held now, over every holder

    def __init__(self, source: str | None, tree: Any) -> None:
        self.source = source
        self.tree = tree
        if source is not None and tree is not None:
            ParsedPage.held += len(source)

    @staticmethod
    def may_hold(page: str) -> bool:
        """True when ``page``'s tree may be kept: the page is no longer than ``TREE_MAX_CHARS`` and
        the trees held stay within ``HELD_MAX_CHARS`` of pages."""
        return len(page) <= TREE_MAX_CHARS and ParsedPage.held + len(page) <= HELD_MAX_CHARS

    def _let_go(self) -> None:
        if self.source is not None and self.tree is not None:
            ParsedPage.held -= len(self.source)
        self.tree = self.source = None

    def __del__(self) -> None:
        self._let_go()

    def take(self, page: str) -> Any | None:
        """The tree when it was parsed from ``page``, else None; the holder lets it go either way
        (the reader's document keeps its holder until the batch's end: its tree goes with its
        page's cleaning)."""
        tree, source = self.tree, self.source
        self._let_go()
        if tree is None or source is None:
            return None
        return tree if page is source or page == source else None

    def __reduce__(self) -> tuple[type, tuple[None, None]]:
        return (ParsedPage, (None, None))


# A page longer than this is parsed again by the clean stage rather than its tree kept from the
# reading on: the pipeline reads a batch of pages before it cleans them, and a tree takes about
# five bytes a character of its page (the 152 corpus HTML pages: 108 MB for 22.6 M characters).
TREE_MAX_CHARS = 1_000_000
# And no more trees are kept than for this many characters of pages at once (a batch of average
# pages, 64 of 150,000 characters, is within it; 64 pages of a million characters are not).
HELD_MAX_CHARS = 16_000_000

# The key of an HTML document's ``meta`` (and so of its article's ``hints``) holding its ParsedPage.
PARSED_KEY = "parsed_page"
