"""Typographic spaces the parser reads as plain ones; the records keep the page's own.

French typography sets a no-break space (U+00A0) or a narrow one (U+202F) inside « » and before
: ; ! ?, and a narrow or thin space (U+2009) between the thousands of a number. spaCy splits words
at U+0020 only, so each of those became a SPACE token beside the mark or digit, and the parse around
it changed: a quote's verb hung otherwise, its speaker lost (``bench/quote_perturb.py``: direct
speaker .914 with plain spaces, .900 with U+00A0, .891 with U+202F). ``plain_spaces`` maps each
space of ``lexicons/common/parse_spaces.tsv`` to U+0020, the same length, so that every offset of
the parse stays that of the page.
"""

from __future__ import annotations

import functools

from veille.common.lexicon import rows


@functools.lru_cache(maxsize=1)
def _table() -> tuple[str, dict[int, str]]:
    chars = "".join(cols[0].encode("ascii").decode("unicode_escape") for cols in rows("common/parse_spaces.tsv"))
    return chars, {ord(c): " " for c in chars}


def plain_spaces(text: str) -> str:
    """``text`` with its typographic spaces as U+0020, the same length (``text`` itself when it has
    none): "dit", U+202F, ":", U+00A0, "«" gives "dit : «"."""
    chars, table = _table()
    if any(c in text for c in chars):
        return text.translate(table)
    return text
