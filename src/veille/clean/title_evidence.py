"""What the whole article says about a headline candidate: its words again in the body.

A page's headline names what the article is about, and the article says it again: most of the
headline's content words come back somewhere in its paragraphs, not only in the lede right under
it (``headline.lede_agreement``). A site's name, a menu's label, a search box, a newsletter's
pitch or another article's title printed far above the text share few or none of them. This
evidence does not depend on where the candidate stands, so it holds for a line far above the run
of prose, where no lede is read under it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from veille.clean.headline import content_stems
from veille.clean.text import line_key, normalize_line, words

BODY_MIN_WORDS = 60  # an article this long says its headline's words again
MIN_STEMS = 2  # a candidate of one content word tells nothing


class BodyWords:
    """Stem counts of the article's paragraphs (each paragraph counts a stem once)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.counts: Counter[str] = Counter()
        self.words = 0
        self.own: dict[str, frozenset[str]] = {}
        for text in paragraphs:
            stems = frozenset(content_stems(text))
            self.counts.update(stems)
            self.words += len(words(text))
            self.own[text] = stems

    def share(self, text: str) -> tuple[float, float]:
        """(share of the candidate's content stems the body repeats, 1.0 when it repeats none of
        two or more in a body of some length). A paragraph that is the candidate itself is left
        out."""
        mine = content_stems(text)
        if len(mine) < MIN_STEMS or self.words < BODY_MIN_WORDS:
            return 0.0, 0.0
        own = self.own.get(text, frozenset())
        matched = sum(1 for s in mine if self.counts[s] - (s in own) > 0)
        return matched / len(mine), float(matched == 0)


# A text browser prints a form's input as a box or a row of underscores ("Rechercher : [ ] OK",
# "Votre e-mail ____________"): a line holding one is a search box or a sign-up form, no headline.
_FORM_FIELD = re.compile(r"\[\s*\]|_{4,}|\((?:BUTTON|Submit)\)")


def has_form_field(text: str) -> bool:
    """The line holds a form's input box or button."""
    return ("[" in text or "_" in text or "(" in text) and _FORM_FIELD.search(text) is not None


def lower_start(text: str) -> bool:
    """The line's first letter, before any digit, is lower case: the second line of a headline the
    page splits in two, a menu's item ("mon compte"), a sentence's tail; a headline opens on a
    capital or a figure ("13 ans après …")."""
    for ch in text:
        if ch.isdigit():
            return False
        if ch.isalpha():
            return ch.islower()
    return False


LISTED_MIN_WORDS = 12  # a headline this long reads as a sentence; a menu as a row of names
LISTED_CAPS_SHARE = 0.5  # capitalised words after the first: each a menu item's first word
LISTED_LONG_WORDS = 20  # longer than most headlines with no mark at all: items of several words
LISTED_LONG_CAPS_SHARE = 0.25
LISTED_MAX_FIGURES = 2  # "JO Paris 2024" in a menu; a caption twice over with its day and hour has more
_ANY_MARK = re.compile(r"[.,;:!?«»\"“”()/–—|•]")


def listed_terms(text: str) -> bool:
    """A menu of sections or tags the dump printed as one paragraph ("Culture Économie Emploi
    Énergie Santé et bien-être Transports …"): twelve words or more, no punctuation mark at all,
    and half the words after the first capitalised (every item opens on a capital), or a quarter
    from twenty words on (items of a few words: "Formation en intelligence artificielle Marché de
    l'IA …"). A headline of that length has a verb and its small words, and most sentences punctuate;
    a menu names no day nor hour (a picture's caption printed twice with its date does)."""
    ws = text.split()
    if len(ws) < LISTED_MIN_WORDS or _ANY_MARK.search(text) or sum(any(map(str.isdigit, w)) for w in ws) > LISTED_MAX_FIGURES:
        return False
    caps = sum(1 for w in ws[1:] if w[:1].isupper())
    share = LISTED_LONG_CAPS_SHARE if len(ws) >= LISTED_LONG_WORDS else LISTED_CAPS_SHARE
    return caps >= share * (len(ws) - 1)


GLUED_HEAD_MIN_CHARS = 20  # a line this long printed on its own: a headline, no crumb's items


def glued_pair(other: str, key: str, keys: Sequence[str]) -> bool:
    """The line keys ``other``, ending on ``key``, is two lines the page also prints on their own,
    run together: its head is another line of the page (the headline, then its standfirst glued
    after it, as a page's summary box repeats them). A breadcrumb's head is items no line repeats,
    so ``key`` closing it is still the headline's mark; closing such a pair it is the standfirst."""
    head = other[:len(other) - len(key)].strip()
    return len(head) >= GLUED_HEAD_MIN_CHARS and head in keys


class WindowKeys:
    """The line keys of a page's units ``lo`` to ``hi`` (where a breadcrumb repeating the headline
    sits), each made when a test needs it: a line whose normalised text lacks the last word of a
    key cannot end on it (the key's words are runs of that text), so most lines are never keyed."""

    def __init__(self, texts: Sequence[str], lo: int, hi: int) -> None:
        self.texts, self.lo, self.hi = texts, lo, hi
        self._all: list[str] | None = None

    def all(self) -> list[str]:
        """Every unit's key, "" outside the window."""
        if self._all is None:
            self._all = [line_key(t) if self.lo <= j <= self.hi else "" for j, t in enumerate(self.texts)]
        return self._all

    def closes_longer_line(self, key: str, i: int) -> bool:
        """A line of the window other than unit ``i`` ends on ``key`` (not empty) and is longer by five
        characters or more, and is no glued pair (``glued_pair``)."""
        last = key.rsplit(" ", 1)[-1]
        for j in range(max(0, self.lo), min(len(self.texts), self.hi + 1)):
            if j == i or last not in normalize_line(self.texts[j]):
                continue
            other = line_key(self.texts[j])
            if other.endswith(key) and len(other) >= len(key) + 5 and not glued_pair(other, key, self.all()):
                return True
        return False


_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…)\s*$")
CUT_COPY_REACH = 60  # units either side where the whole headline may be printed
CUT_COPY_MIN_CHARS = 12  # (a shorter cut names too little to be matched)


def cut_copy(page: Sequence[str], i: int, text: str) -> bool:
    """A copy of the headline cut by an ellipsis, as a teaser list, a breadcrumb or a sharing box
    prints it ("Le maire de Valmorin annonce sa..."), when a longer line within reach opens on the
    same words: that line is the headline, the cut one is none (seen on four dev sites)."""
    if not is_cut(text):
        return False
    stem = line_key(_ELLIPSIS_END.sub("", text))
    if len(stem) < CUT_COPY_MIN_CHARS:
        return False
    # (the cut may fall inside a word: "… en banlieue de T...")
    return any(j != i and len(key := line_key(page[j])) > len(stem) + 1 and key.startswith(stem) and not is_cut(page[j])
               for j in range(max(0, i - CUT_COPY_REACH), min(len(page), i + CUT_COPY_REACH + 1)))


def is_cut(text: str) -> bool:
    """A line closed by an ellipsis: a teaser's or a crumb's copy cut short ("… annonce sa...")."""
    return bool(_ELLIPSIS_END.search(text))

