"""Whole-word occurrences of literal forms in a text, without building a regular expression.

``re.finditer(r"(?<!\\w)(?:LONGEST|…|SHORTEST)(?!\\w)", text)`` over forms that change with every
article (the names an article mentions) compiles a new pattern each time, which costs more than the
scan itself. ``whole_words`` gives the same matches from ``str.find``: leftmost first, at one
position the longest form that ends a word, the scan going on after each match.
"""

from __future__ import annotations

from collections.abc import Iterable


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches in a str pattern


def whole_words(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, form) of every whole-word occurrence of a nonempty ``forms`` item, in text order."""
    at: dict[int, list[str]] = {}
    for form in sorted(set(forms), key=len, reverse=True):
        if not form:
            continue
        pos = text.find(form)
        while pos != -1:
            at.setdefault(pos, []).append(form)
            pos = text.find(form, pos + 1)
    out: list[tuple[int, int, str]] = []
    done = 0
    for pos in sorted(at):
        if pos < done or (pos and _word_char(text[pos - 1])):
            continue
        for form in at[pos]:  # longest first
            end = pos + len(form)
            if end == len(text) or not _word_char(text[end]):
                out.append((pos, end, form))
                done = end
                break
    return out
