"""Marks that hold a name, a title or a charge, not somebody's words: « … » right after "intitulé",
"baptisé", a work's or event's noun ("son livre « … »", "le slogan « … »"), or a charge's wording
("mis en examen pour « … »"), and the marks listed after such a one ("« viol », « menace de mort »").

Page layouts vary, the writing does not: the word before the opening mark says what the marks hold.
Words in ``lexicons/quotes/named_in_marks.tsv``.
"""

from __future__ import annotations

import re

from veille.common.fold import bare
from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.state import ArticleState
from veille.quotes.words import (
    CHARGE_WORDS,
    LIST_OPENERS,
    NAME_DETERMINERS,
    NAMING_WORDS,
    SPEECH_AUX,
    TITLE_NOUNS,
)

_LONGEST = max(len(p.split()) for g in (NAMING_WORDS, TITLE_NOUNS, CHARGE_WORDS, LIST_OPENERS, SPEECH_AUX) for p in g)
_WORDS = re.compile(r"[\w'’-]+|,")
# what joins the items of a list of names in marks: "« A », « B » et « C »"
_LIST_JOINER = re.compile(r"^[\s»”\"]*(?:,|\bet\b|\bou\b)[\s«“\"]*$", re.I)
_LAST_WORD = re.compile(r"\s*[\w'’-]+$")
_LEAD = 160  # characters read before the mark
_CALLED = ("appele", "appelee", "appeles", "appelees")


def _ending(before: str, phrases: frozenset[str]) -> bool:
    words = _WORDS.findall(bare(before))[-2 * _LONGEST - 2:]
    if words and "'" in words[-1][:-1] and not any(" ".join(words[-n:]) in phrases for n in range(1, 3)):
        # "l'exposition « … »", "l'émission « … »": the elided article is glued to the noun the lists hold bare
        words = words[:-1] + [words[-1].split("'", 1)[1]]
    if phrases is NAMING_WORDS and words and words[-1] in NAMING_WORDS and any(
            " ".join(words[-1 - n:-1]) in SPEECH_AUX for n in range(1, min(len(words) - 1, 2) + 1)):
        return False  # "elle s'est dite « très inquiète »": "se dire", a verb of speech
    for cut in range(0, _LONGEST + 1):  # "chefs d'accusation, comme « … »": past the list opener
        head = words[:len(words) - cut] if cut else words
        if cut and " ".join(words[-cut:]).lstrip(", ") not in LIST_OPENERS:
            continue
        while head and head[-1] == ",":
            head = head[:-1]
        for n in range(1, min(len(head), _LONGEST) + 1):
            if " ".join(head[-n:]).replace(" ,", ",") in phrases:
                return True
    return False


def named_in_marks(state: ArticleState, m: MarkSpan, depth: int = 0) -> bool:
    """Example "un roman baptisé « Les Jours clairs »", "mis en examen pour « abus de biens sociaux »",
    "le slogan « Tous ensemble »": the words right before the opening mark name what the marks hold;
    a quote listed right after such a one ("« A », « B »") is one of the same list."""
    text = state.text
    ps, _ = state.seg_of(m.start)
    lo = max(ps, m.start - _LEAD)
    before = text[lo:m.start].rstrip(" \u00a0\u202f")
    while before and before[-1] in MARK_FAMILY:
        before = before[:-1].rstrip(" \u00a0\u202f")
    if not before or before[-1] in ":.!?":
        return False  # "a dit le réalisateur : « … »": a colon hands over to speech
    if bare(m.text(text)).lstrip(" \u00a0").startswith(("a ", "à ")) and bare(before).endswith(_CALLED):
        return False  # "les salariés, appelés « à cesser le travail »": a call to act, not a name
    if _ending(before, NAMING_WORDS) or _ending(before, CHARGE_WORDS):
        return True
    last = _WORDS.findall(bare(before))[-1:]
    if last and last[0] in NAME_DETERMINERS and _ending(_LAST_WORD.sub("", before), NAMING_WORDS):
        return True  # "ce qu'on appelle la « lecture lente »"
    first = next((c for c in m.text(text) if c.isalpha()), "")
    if first.isupper() and (_ending(before, TITLE_NOUNS) or _ending(_qualifier_cut(state, before, lo), TITLE_NOUNS)):
        return True
    if depth < 8:
        prev = max((p for p in state.marks if p.end <= m.start and p.start >= ps), key=lambda p: p.end, default=None)
        if prev is not None and _LIST_JOINER.match(text[prev.end:m.start]):
            return named_in_marks(state, prev, depth + 1)
    return False


def _qualifier_cut(state: ArticleState, before: str, lo: int) -> str:
    """Example "le concours annuel « Voix d'enfants »", "son roman posthume « Les Jours clairs »": the words
    before the mark without the one adjective that qualifies the title noun (read on the parse: an
    adjective, not a verb, "le film montre « … »"), so that the noun before it decides."""
    word = _LAST_WORD.search(before)
    if word is None:
        return ""
    tok = state.tok_at(lo + word.start() + len(word.group()) - len(word.group().lstrip()))
    if tok.pos_ != "ADJ" or not tok.text[:1].islower():
        return ""
    return before[:word.start()]


ENTITY_WORDS = 6  # a longer quote that names something also says something


def entity_in_marks(state: ArticleState, m: MarkSpan) -> bool:
    """Example "rapporte le « Courrier de Vienne »", "la secte, connue sous le sigle « Union des Frères de
    Vienne »": the marks hold the very name of an organisation, place or person the article names (a
    leading article aside), not its words."""
    if state.words(m.start, m.end) > ENTITY_WORDS:
        return False
    quoted = _ARTICLE.sub("", bare(m.text(state.text)).strip(" .,;:!?"))
    return any(m.start <= mm.start and mm.end <= m.end and bare(state.text[mm.start:mm.end]).strip() == quoted
               for mm in state.mentions)


_ARTICLE = re.compile(r"^(?:le|la|les|l')\s*")
