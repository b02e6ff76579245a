"""Faster searches of a large regular expression, same matches: a first-character look-ahead.

Python's ``re`` skips quickly over text only when a pattern opens with a literal or a character
class. A rule that opens with an optional word or a look-behind ("(?:le\\s+)?(?<!père\\s)…") is
instead tried in full at every position of the text, which makes up most of the cost of scanning an
article with dozens of such rules. ``with_first_chars`` returns the pattern prefixed with a
look-ahead on the characters any match can start with (``(?=[ld0-9])(?:…)``): positions that cannot
start a match are then refused after one cheap test. A match is nonempty and starts with one of
those characters, so ``search``, ``match`` and ``finditer`` give the same matches and groups (the
prefix adds no group). When the set cannot be read (a pattern that may match the empty string, a
back-reference or ``.`` first), or ``re`` already has its own fast skip, the pattern is returned
unchanged.
"""

from __future__ import annotations

import re
import re._compiler as _compiler  # the prefix re itself derives (its fast skip)
import re._constants as _c
import re._parser as _parser
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)


class _Unknown(Exception):
    """The first characters of a part cannot be told (``.``, a negated class, a back-reference)."""


def _char(code: int) -> str:
    return re.escape(chr(code))  # (escapes "-", "]", "^" and "\\" too)


def _class_items(items: Any) -> list[str]:
    out = []
    for op, arg in items:
        if op is _c.LITERAL:
            out.append(_char(arg))
        elif op is _c.RANGE:
            out.append(f"{_char(arg[0])}-{_char(arg[1])}")
        elif op is _c.CATEGORY and arg in _CATEGORIES:
            out.append(_CATEGORIES[arg])
        else:  # NEGATE, a class the set cannot describe
            raise _Unknown
    return out


def _first(items: Any, flags: int) -> tuple[list[str], bool]:
    """(class items any nonempty match of the sequence ``items`` may start with, whether it may be empty)."""
    chars: list[str] = []
    for op, arg in items:
        got, nullable = _first_item(op, arg, flags)
        chars += got
        if not nullable:
            return chars, False
    return chars, True


def _first_item(op: Any, arg: Any, flags: int) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [_char(arg)], False
    if op is _c.IN:
        return _class_items(arg), False
    if op in _ZERO_WIDTH:
        return [], True
    if op is _c.BRANCH:
        chars: list[str] = []
        nullable = False
        for branch in arg[1]:
            got, empty = _first(branch, flags)
            chars += got
            nullable = nullable or empty
        return chars, nullable
    if op is _c.SUBPATTERN:
        _group, add, _del, sub = arg
        if add & re.IGNORECASE and not flags & re.IGNORECASE:
            raise _Unknown  # a case-insensitive part inside a case-sensitive pattern
        return _first(sub, flags)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first(arg, flags)
    if op in _REPEATS:
        low, _high, sub = arg
        got, empty = _first(sub, flags)
        return got, empty or low == 0
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF…


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The character class (``[ld\\d]``) of the characters a match of ``pattern`` can start with, or
    None when it cannot be told or ``re`` already skips to them on its own."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        if _compiler._get_literal_prefix(parsed, pattern.flags)[0] or _compiler._get_charset_prefix(parsed, pattern.flags):
            return None  # re already skips to the places a match can start
        chars, nullable = _first(parsed, pattern.flags)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError, IndexError):
        return None
    if nullable or not chars:
        return None
    return f"[{''.join(dict.fromkeys(chars))}]"


def _wrapped(pattern: re.Pattern[str]) -> str:
    close = "\n)" if pattern.flags & re.VERBOSE else ")"  # (a verbose pattern may end in a comment)
    return f"(?:{pattern.pattern}{close}"


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead on its possible first characters (see the module doc), or
    ``pattern`` itself when that cannot help or cannot be derived."""
    chars = first_chars(pattern)
    if chars is None:
        return pattern
    try:
        return re.compile(f"(?={chars}){_wrapped(pattern)}", pattern.flags)
    except re.error:
        return pattern


_WORD_START = r"(?<![\w-])"
_LATIN1 = [chr(c) for c in range(256)]


def _any_case(chars: str) -> str:
    """A class holding every character the class ``chars`` matches with re.I, for a case-sensitive
    scan: the Latin-1 ones read from ``re`` itself, and every character beyond Latin-1 (rare in French
    text; a scan stopping there only tries the pattern). ``_any_case("[le]")`` holds "l", "L", "e",
    "E" and every character from U+0100 on (the Kelvin sign U+212A among them, which re.I reads as "k")."""
    folded = re.compile(chars, re.IGNORECASE)
    return "[" + "".join(re.escape(c) for c in _LATIN1 if folded.match(c)) + "\u0100-\U0010ffff]"


class FastSearch:
    r"""``pattern.search(text, pos)``, the same match, found by a scan ``re`` runs at C speed.

    The scan pattern opens with the class of the possible first characters, so that ``re`` skips
    to them without trying the rule (its own fast skip needs a class first); at such a character, a
    look-behind of one character checks that the rule matches from there (a look-ahead inside it).
    The match found is then read again with ``pattern.match`` at that position, which gives the
    very match ``search`` would have. ``word_start``: only matches not preceded by a letter, digit,
    "_" or "-" (a rule's ``(?<![\w-])``, checked at the candidates only). Falls back to the
    first-character look-ahead, then to ``pattern`` itself, when the scan cannot be built."""

    def __init__(self, pattern: re.Pattern[str], word_start: bool = False) -> None:
        self.pattern = pattern
        self.word_start = word_start
        self.scan: re.Pattern[str] | None = None
        chars = first_chars(pattern)
        if chars is not None:
            # re has no fast skip on a re.I class: a case-insensitive pattern is scanned for its first
            # characters in every case (``_any_case``) and read with re.I from there.
            body = _wrapped(pattern)
            if pattern.flags & re.IGNORECASE:
                chars, body = _any_case(chars), f"(?i:{body})"
            try:
                self.scan = re.compile(f"{chars}(?<={_WORD_START if word_start else ''}(?={body})"
                                       r"[\s\S])", pattern.flags & ~re.IGNORECASE)
            except re.error:
                self.scan = None
        self.plain = with_first_chars(pattern) if self.scan is None else pattern

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """The first match at or after ``pos`` (at a word start with ``word_start``)."""
        if self.scan is not None:
            while (found := self.scan.search(text, pos)) is not None:
                m = self.pattern.match(text, found.start())
                if m is not None:
                    return m
                pos = found.start() + 1  # (never so: the scan read the very pattern there)
            return None
        m = self.plain.search(text, pos)
        if self.word_start:
            while m is not None and m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
                m = self.plain.search(text, m.start() + 1)
        return m

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` gives (those at a word start with ``word_start``)."""
        if self.scan is None and not self.word_start:
            yield from self.plain.finditer(text)  # (a pattern that may match the empty string stays here)
            return
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1  # (a scanned match is never empty)


class WordGate:
    """Whether a text may hold one of ``words`` in any case, as a case-insensitive pattern built on
    them would match them, tested on the text's lower form with ``str.find`` (an alternation of words
    under ``re.I`` is tried in full at every position of the text). A False answer is sure; a True one
    may be wrong (the caller's pattern decides). Characters ``re.I`` matches with a letter of the
    words though their lower form is no such letter ("ſ" for "s", "ı" and "İ" for "i") answer True."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted({w.lower() for w in words})
        if not all(self.words):
            raise ValueError("an empty word occurs everywhere")
        letters = set("".join(self.words))
        # (beyond Latin-1 the lower form of a whole text may differ from that of its characters:
        # the final sigma; such words are not gated)
        self._usable = all(c <= "\xff" for c in letters)
        self._letters = frozenset(letters)
        self._any_case = re.compile("[" + "".join(re.escape(c) for c in sorted(letters)) + "]", re.IGNORECASE)
        self._odd: dict[str, bool] = {}  # per character beyond ASCII, for the run

    def _is_odd(self, ch: str) -> bool:
        odd = self._odd.get(ch)
        if odd is None:
            odd = self._odd[ch] = bool(self._any_case.fullmatch(ch)) and ch.lower() not in self._letters
        return odd

    def may_hold(self, text: str) -> bool:
        """False when no case-insensitive match of any of the words is in ``text``."""
        low = text.lower()
        if not self._usable or any(w in low for w in self.words):
            return True
        return not text.isascii() and any(self._is_odd(ch) for ch in set(text) if ch > "\x7f")


def whole_occurrences(text: str, form: str, joins: Callable[[str], bool]) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of the literal ``form`` in ``text`` with no character that
    ``joins`` accepts right before or right after it: the very spans, in the same order, that
    ``re.finditer("(?<!X)" + re.escape(form) + "(?!X)", text)`` gives for the class X that ``joins``
    tests (left to right, no overlap), without compiling a pattern for each form of each article."""
    if not form:
        raise ValueError("an empty form occurs everywhere")
    size, n = len(form), len(text)
    pos = text.find(form)
    while pos != -1:
        end = pos + size
        if (pos == 0 or not joins(text[pos - 1])) and (end == n or not joins(text[end])):
            yield pos, end
            pos = text.find(form, end)
        else:
            pos = text.find(form, pos + 1)


def alternation_occurrences(text: str, forms: list[str], joins: Callable[[str], bool]) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of the matches of ``re.finditer("(?<!X)(?:" + "|".join(map(re.escape,
    forms)) + ")(?!X)", text)``, X the class ``joins`` tests: left to right, no overlap, and at one
    position the first form in ``forms`` order that fits. Compiling that alternation of an
    article's names took longer than the search itself; a ``str.find`` per form does not."""
    found = []
    n = len(text)
    for rank, form in enumerate(forms):
        if not form:
            raise ValueError("an empty form occurs everywhere")
        size = len(form)
        pos = text.find(form)
        while pos != -1:  # every occurrence, overlapping ones too: another form may take the first
            end = pos + size
            if (pos == 0 or not joins(text[pos - 1])) and (end == n or not joins(text[end])):
                found.append((pos, rank, end))
            pos = text.find(form, pos + 1)
    found.sort()
    done = 0
    for pos, rank, end in found:
        if pos >= done:  # the first form in order at the leftmost free position
            yield pos, end, forms[rank]
            done = end


def regex_word_char(ch: str) -> bool:
    """``\\w`` of a ``str`` pattern: a letter, digit (any script) or "_"."""
    return ch.isalnum() or ch == "_"


def word_joiner(ch: str) -> bool:
    """``[\\w'’-]``: a letter, digit, "_", apostrophe or hyphen (part of the same word)."""
    return ch.isalnum() or ch in "_'’-"


def folded_word_char(ch: str) -> bool:
    """``[a-z0-9]``: a letter or digit of a folded (lower-case, unaccented) text."""
    return "a" <= ch <= "z" or "0" <= ch <= "9"


_GROUP_REFS = (_c.GROUPREF, _c.GROUPREF_EXISTS)
_ASSERTIONS = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def _refers(items: Any) -> bool:
    """Whether ``items`` hold a back-reference (``(?P=u)``): such a part cannot be read alone."""
    for op, arg in items:
        if op in _GROUP_REFS:
            return True
        subs: list[Any] = []
        if op is _c.SUBPATTERN:
            subs = [arg[-1]]
        elif op is _c.BRANCH:
            subs = list(arg[1])
        elif op in _REPEATS:
            subs = [arg[2]]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            subs = [arg[1]]
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            subs = [arg]
        if any(_refers(s) for s in subs):
            return True
    return False


def _flattened(items: Any) -> list[Any]:
    """The top-level sequence with its plain groups opened (``(?P<extent>a b)`` -> ``a b``)."""
    out: list[Any] = []
    for op, arg in items:
        if op is _c.SUBPATTERN and not arg[1] and not arg[2]:
            out.extend(_flattened(arg[3]))
        else:
            out.append((op, arg))
    return out


def necessary_part(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""A pattern every text holding a match of ``pattern`` also matches, cheaper to search, or None.

    It is the end of the pattern's top-level sequence (groups opened) from the first part that
    gives ``re`` a longer literal to skip to than the pattern itself has (or, after a part that
    reads text, any fast skip when the pattern has none), cut before any back-reference: ``[^\W\d_]{3,}\s+du\s+(?:lundi|…)`` needs
    ``du\s+(?:lundi|…)``. A match of the pattern holds a match of that part where the part's items
    matched (look-arounds read the same text there), so a text without it has no match: the rule
    need not be run on it. Example: for ``\w+\s+du\s+lundi`` it is ``du\s+lundi``."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        own = len(_compiler._get_literal_prefix(parsed, pattern.flags)[0])
        own_skip = bool(own) or bool(_compiler._get_charset_prefix(parsed, pattern.flags))
        items = _flattened(parsed.data)
        for i in range(1, len(items)):
            if items[i][0] not in (_c.LITERAL, _c.IN, _c.BRANCH):
                continue
            j = i
            while j < len(items) and not _refers([items[j]]):
                j += 1
            if j == i:
                continue
            part = _parser.SubPattern(parsed.state, items[i:j])
            lit = len(_compiler._get_literal_prefix(part, pattern.flags)[0])
            consumes = not all(op in _ASSERTIONS for op, _ in items[:i])  # (else: the same search)
            if lit > own or (consumes and not own_skip and _compiler._get_charset_prefix(part, pattern.flags)):
                return _compiler.compile(part, pattern.flags)
    except (re.error, AttributeError, TypeError, ValueError, IndexError, RecursionError):
        return None
    return None
