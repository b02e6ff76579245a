"""A breadcrumb whose items the dump glued together ("AccueilActualitésTribunesLe pont rouvre").

Some pages set their breadcrumb as links with no separator between them, and the text browser
prints the items run together on one line, the home item first. Such a line is furniture as a
whole (``HOME_CRUMB``), but its last item is the page's own name: often the headline,
which the page may print nowhere else above its byline. The line is split where one item ends
and the next begins (a lower-case letter glued to a capital), so the last item becomes a unit of
its own and a headline candidate like any other line; the scores decide whether it is one.
"""

from __future__ import annotations

import re

from veille.clean.dump import Unit
from veille.common.lexicon import rows

HOME_ITEMS = "|".join(re.escape(cols[0]) for cols in rows("clean/home_crumbs.tsv", min_columns=2))
# A line opening with the home item is a breadcrumb, unless a preposition or article follows it
# ("Accueil des réfugiés" is prose).
HOME_CRUMB = re.compile(rf"^(?:{HOME_ITEMS})\b(?!\s+(?:des|du|de|d'|d’|aux?|en)\b)")
# The home item glued to the next one: "AccueilActualités", "HomeSport" (a space would make it a
# crumb the other rules read).
_GLUED_HOME = re.compile(rf"^(?:{HOME_ITEMS})(?=[A-ZÀ-Þ][a-zà-ÿ])")
# Where one item ends and the next starts: a lower-case letter (or a closing mark) glued to a capital.
_GLUE = re.compile(r"(?<=[a-zà-ÿ)»])(?=[A-ZÀ-Þ][a-zà-ÿ'’ ])")
MIN_ITEMS = 3  # home, a section, the page: fewer is a menu glued to a word
TAIL_MIN_WORDS = 2
TAIL_MAX_WORDS = 30
_CRUMB_KINDS = frozenset({"text", "heading", "bullet"})


def crumb_tail(text: str) -> str | None:
    """The last item of a glued breadcrumb, or None when ``text`` is no such line."""
    if not _GLUED_HOME.match(text):
        return None
    items = _GLUE.split(text.strip())
    if len(items) < MIN_ITEMS:
        return None
    tail = items[-1].strip()
    n = len(tail.split())
    return tail if TAIL_MIN_WORDS <= n <= TAIL_MAX_WORDS else None


def split_glued_crumbs(us: list[Unit]) -> list[Unit]:
    """The units, each glued breadcrumb split into its items and its last item (a text unit)."""
    out: list[Unit] = []
    for u in us:
        tail = crumb_tail(u.text) if u.kind in _CRUMB_KINDS else None
        if tail is None:
            out.append(u)
            continue
        out.append(Unit(u.text[:len(u.text.rstrip()) - len(tail)].rstrip(), u.kind, u.first, u.indent))
        out.append(Unit(tail, "text", u.first, u.indent))
    return out
