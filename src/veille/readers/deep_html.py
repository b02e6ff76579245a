"""Pages nested past the HTML parser's depth: libxml2 builds no tree deeper than 256 elements and
drops everything below, so a page whose template leaves a ``<div>`` open per comment, or a page of
10,000 nested boxes, read as "no text in the page" though its article is there. The tags below
``MAX_DEPTH`` are taken out (their text kept, a space in their place) and the page read again."""

from __future__ import annotations

import re

MAX_DEPTH = 200  # under libxml2's 256, with room for the elements it adds itself (html, body)
_SEARCH = 300  # how far down the open elements a closing tag looks for its opening one
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def flattened(html: str) -> str:
    """``html`` without the opening and closing tags of the elements nested deeper than
    ``MAX_DEPTH`` (the text they hold is kept)."""
    pieces: list[str] = []
    stack: list[str] = []
    pos = 0
    for m in _TAG.finditer(html):
        closing, name, self_closed = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closed:
            continue
        if not closing:
            stack.append(name)
            drop = len(stack) > MAX_DEPTH
        else:
            depth = _open_depth(stack, name)
            if depth is None:
                continue  # a stray closing tag: left to the parser
            del stack[depth - 1:]
            drop = depth > MAX_DEPTH
        if drop:
            pieces.append(html[pos:m.start()])
            pieces.append(" ")
            pos = m.end()
    pieces.append(html[pos:])
    return "".join(pieces)


def _open_depth(stack: list[str], name: str) -> int | None:
    """The depth (1-based) of the innermost open ``name`` among the last ``_SEARCH``, or None."""
    for i in range(len(stack) - 1, max(-1, len(stack) - 1 - _SEARCH), -1):
        if stack[i] == name:
            return i + 1
    return None
