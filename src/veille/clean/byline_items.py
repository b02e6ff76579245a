"""Bylines a template prints as items (issue 11): "Rubric - Author - 3 mars 2024" on one line, the
date closing a line of items set apart by dashes; "Author" / "-" / "3 mars 2024" on lines of their
own, the lone dash no line of text. Seen on regional, specialist and opinion sites alike."""

from __future__ import annotations

import re

from veille.clean.text import FINAL_PUNCT, words
from veille.common.dates import find_full_date

_DIGIT = re.compile(r"\d")
_DASH_SPLIT = re.compile(r"\s[-–—]\s")
_HOUR_ONLY = re.compile(r"^\s*(?:à\s+)?[0-2]?\d\s*[h:]\s*[0-5]\d\s*$")
_HOUR_TAIL = re.compile(r"\s*(?:,|-|à|a)?\s*[0-2]?\d\s*[h:]\s*[0-5]\d(?::[0-5]\d)?\s*$")
_SEPARATORS = frozenset("-–—|•·/")
ITEMS_MAX_WORDS = 14  # a byline's items; a sentence runs longer
DATE_MAX_WORDS = 5  # "mardi 3 mars 2024", its hour left out


def dash_dated(line: str) -> str | None:
    """The full date closing a short line of items set apart by dashes ("Santé publique - Awa Koné -
    26 octobre 2023", "Économie — Léo Roy — mardi 3 mars 2024 - 11:30"). The caller reads it in
    the article's head only: a list of teasers under an article prints its items so too. None when
    an item before the date gives a figure (a period "du 3 - 12 mars"), or the line ends a sentence."""
    if len(words(line)) > ITEMS_MAX_WORDS or FINAL_PUNCT.search(line) or not _DIGIT.search(line):
        return None
    items = _DASH_SPLIT.split(line.strip())
    if len(items) < 2:
        return None
    if len(items) >= 3 and _HOUR_ONLY.match(items[-1]):
        items = [*items[:-2], f"{items[-2]} {items[-1]}"]  # (the hour as an item of its own)
    date = _HOUR_TAIL.sub("", items[-1])
    if len(words(date)) > DATE_MAX_WORDS or find_full_date(date) is None or any(_DIGIT.search(g) for g in items[:-1]):
        return None
    return items[-1].strip()


def is_lone_separator(text: str) -> bool:
    """A line that is a dash or a bar alone: the separator between a byline's author and its date,
    set on its own line by the template; no line of text when counting the lines under a headline."""
    return len(text) <= 8 and text.strip() in _SEPARATORS
