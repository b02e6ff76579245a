"""The headline printed again above the one chosen, with the article's stamp under that copy.

A page may print its headline several times: in the article's head with its byline or date under
it, then again in a share dialog, an audio or video player, a sticky bar or a print view ("Le
pont de Valmorin rouvre" / "12/03/2024" … "Partager" / "Le pont de Valmorin rouvre" / "Copier le
lien"). The chooser may take a later copy (the words are the same, so the title is right), and
the stamps read around it then miss the date printed under the first one. When nothing around
the chosen line dates the article, the stamp right under an earlier copy of the very same words
does (``stamped_copy``): the headline's own stamp, not a teaser's (a teaser's headline is no
copy of the page's headline).
"""

from __future__ import annotations

from collections.abc import Callable

from veille.clean.dump import Unit
from veille.clean.text import line_key, words

COPY_REACH = 40  # units above the chosen headline where a copy of it may be printed
COPY_MIN_WORDS = 4  # a copy of a short label ("Politique") says nothing
_TEXT_UNITS = frozenset({"text", "heading", "bullet"})


def stamped_copy(us: list[Unit], title_at: int,
                 anchor_at: Callable[[list[Unit], int], int | None]) -> tuple[int, int] | None:
    """(copy, anchor): the nearest unit above ``title_at`` printing the same words as the headline
    (``line_key``) with a byline or date stamp (``anchor_at``, the chooser's own test) as the very
    next line of text under it, or None. (A stamp a few lines lower may close a teaser listed
    under the copy: "Rubric" / "Another headline…" / "12/03/2024".)"""
    key = line_key(us[title_at].text)
    if len(words(us[title_at].text)) < COPY_MIN_WORDS or not key:
        return None
    for i in range(title_at - 1, max(-1, title_at - COPY_REACH - 1), -1):
        if us[i].kind not in _TEXT_UNITS or line_key(us[i].text) != key:
            continue
        anchor = anchor_at(us, i)
        below = next((k for k in range(i + 1, len(us)) if us[k].kind in _TEXT_UNITS), None)
        if anchor is not None and anchor == below:
            return i, anchor
    return None
