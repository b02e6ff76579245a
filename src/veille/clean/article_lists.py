"""Lists the article prints inside its text, told from the site's menus and link lists.

A text browser writes every ``<li>`` as a bullet, the article's own lists ("Vos frais comprennent
les éléments suivants :" then "* Eau en bouteille", "* Médaille d'arrivée") as well as the menus
and the related links around it, and the run finder prices every short bullet as furniture: the
items are lost, and a list of five short items may even part the article in two
(``blocks.split_at_menus``). What the press does that menus never do: announce the list with a
sentence of the text closed by a colon. A menu or a related list is headed by a short label ("Vous
aimerez aussi :", "Suivez-nous :") that the cue lists already know, or by nothing.

Such an announced list costs the run nothing (its items are neither prose nor furniture), its
items are kept when they lie inside the article, and the line cleaner does not take its short
items under the last paragraph for a footer of tags (``lines.clean_lines``, ``list_items``).
"""

from __future__ import annotations

from collections.abc import Sequence

from veille.clean.article_end import END_MAX_WORDS, end_cues, share_row
from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.text import normalize_line, words

INTRO_MIN_WORDS = 5  # a sentence of the text, not a label ("Partager :", "Vous aimerez aussi :")
ITEM_MAX_WORDS = 60  # longer bullets are prose and kept as such
LIST_MAX_ITEMS = 40
_TEXT_KINDS = frozenset({"text", "heading"})


def announces_list(text: str) -> bool:
    """A line of the text that announces a list: a sentence closed by a colon, no furniture cue."""
    stripped = text.rstrip()
    if not stripped.endswith(":") or len(words(stripped)) < INTRO_MIN_WORDS:
        return False
    norm = normalize_line(stripped)
    if len(words(stripped)) <= END_MAX_WORDS and (end_cues().match(norm) or share_row().match(norm)):
        return False
    return cue_kind(stripped) is None


def _continues_item(u: Unit) -> bool:
    """A bullet's wrapped tail the dump set apart (a lower-case text line right under it)."""
    return u.kind in _TEXT_KINDS and u.text[:1].islower() and len(words(u.text)) <= ITEM_MAX_WORDS


def announced_items(us: Sequence[Unit]) -> set[int]:
    """Indices of the bullet units (and their wrapped tails) of every list announced by the text
    unit right above it."""
    out: set[int] = set()
    i = 1
    while i < len(us):
        if us[i].kind == "bullet" and us[i - 1].kind in _TEXT_KINDS and announces_list(us[i - 1].text):
            j, items = i, 0
            while j < len(us) and items < LIST_MAX_ITEMS and (
                    us[j].kind == "bullet" and len(words(us[j].text)) <= ITEM_MAX_WORDS
                    or j > i and _continues_item(us[j]) and us[j - 1].kind == "bullet"):
                items += us[j].kind == "bullet"
                out.add(j)
                j += 1
            i = max(j, i + 1)
        else:
            i += 1
    return out


def free_items(values: list[float], items: set[int]) -> None:
    """An announced list's items cost the run nothing (``values`` changed in place): the article
    goes on over them, and they part no blocks as a menu does."""
    for i in items:
        values[i] = max(values[i], 0.0)


def through_list(last: int, items: set[int]) -> int:
    """The run's last unit, carried over the list its last sentence announces."""
    while last + 1 in items:
        last += 1
    return last
