"""The line model every reader's text goes through before cleaning: which odd characters break a
line, which break a paragraph, which are a space, so that a text dump, a JSON record and an HTML
page holding the same words give the same paragraphs (and the quote and entity offsets computed on
those paragraphs index the body that is stored).

``str.splitlines`` (the text cleaner's line cut) also cuts at U+2028, U+2029, U+0085, the vertical
tab, the form feed and the file/group/record separators, while the HTML parser (libxml2) deletes
the vertical tab and the form feed outright, gluing the words on either side ("prévu.Les"). Where
each comes from in news text, and what it is made:

- U+2029 PARAGRAPH SEPARATOR (a CMS's or a word processor's paragraph end): a paragraph break in
  a text ("\\n\\n"), a space in markup (HTML paragraphs are its tags).
- U+2028 LINE SEPARATOR and the vertical tab (a CMS's Shift+Enter, a word processor's manual line
  break pasted as text): a soft break inside a paragraph, a space; cut there, the end of a quote
  and its "a affirmé X" land in two paragraphs and the speaker is lost.
- the form feed (``pdftotext``'s page end): a line break in a text, a space in markup (HTML
  counts it as white space).
- C1 controls U+0080–U+009F, U+0085 among them: never typed; in a French text they are Windows-1252
  bytes read as Latin-1 (U+0085 "…", U+0092 "’", U+0096 "–"), so they are given back their
  Windows-1252 character (a space for the five bytes Windows-1252 leaves undefined).
- NUL and the other C0 controls but tab, line feed and carriage return: no text; a space.
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
         "\x0b": " ", "\u2028": " ", "\x0c": "\n", "\u2029": "\n\n", **_C1}
_MARKUP = {**_TEXT, "\x0c": " ", "\u2029": " "}


def apply_line_model(text: str, markup: bool = False) -> str:
    """``text`` with the characters above replaced (``markup``: an HTML page's source). A text
    without any is returned as it is, after one scan at C speed."""
    if _ODD.search(text) is None:
        return text
    table = _MARKUP if markup else _TEXT
    return _ODD.sub(lambda m: table[m.group()], text)

