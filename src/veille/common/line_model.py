"""The line model every reader's text goes through before cleaning: each odd line or paragraph
separator is read as the newline of its format, so that the cleaner, the metadata stage (which
reads the raw lines too) and the offsets computed on the paragraphs all see one text, and the
stored ``body`` is what the offsets index.

Unicode makes U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, U+0085 NEXT LINE, the vertical
tab and the form feed mandatory line breaks, as a newline is; ``str.splitlines`` (the text
cleaner's line cut) cut at all of them, but the HTML parser (libxml2) deleted the vertical tab and
the form feed, gluing the words on either side ("prévu.Les"), and U+0085 in French news text is no
line break at all. So:

- in a text (a dump, a JSON record's text): U+2028, the vertical tab and the form feed end a line
  ("\n", as the dump reader already read U+2028: a page copied from a browser ends its lines
  with it), U+2029 ends a paragraph ("\n\n");
- in markup (an HTML page's source), where a newline is white space, all of them are a space;
- C1 controls U+0080–U+009F, U+0085 among them, are never typed: in a French text they are
  Windows-1252 bytes read as Latin-1 (U+0085 "…", U+0092 "’", U+0096 "–") and are given back
  their Windows-1252 character (a space for the five bytes Windows-1252 leaves undefined);
- NUL and the other C0 controls but tab, line feed and carriage return hold no text: a space.
"""

from __future__ import annotations

import re

_ODD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def _cp1252(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return " "  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in Windows-1252


_C1 = {chr(code): _cp1252(code) for code in range(0x80, 0xA0)}
_TEXT = {**{chr(code): " " for code in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)},
         "\x0b": "\n", "\u2028": "\n", "\x0c": "\n", "\u2029": "\n\n", **_C1}
_MARKUP = {**_TEXT, "\x0b": " ", "\u2028": " ", "\x0c": " ", "\u2029": " "}


def apply_line_model(text: str, markup: bool = False) -> str:
    """``text`` with the characters above replaced (``markup``: an HTML page's source). A text
    without any is returned as it is, after one scan at C speed."""
    if _ODD.search(text) is None:
        return text
    table = _MARKUP if markup else _TEXT
    return _ODD.sub(lambda m: table[m.group()], text)

