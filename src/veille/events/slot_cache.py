"""Which words may open a phrase of the events lexicon, each word worked out once per run.

``trigger_slots.trigger_slots`` asks, of each distinct lemma and lower-cased form of an article, whether
it (or the infinitive it may stand for: "tire" for "tirer", "unis" for "unir") opens a phrase of
``lex.phrases``. The answer depends on the word and the lexicon alone, so it is kept in the
lexicon's memo (as ``lemma_may_trigger`` is) and later articles only read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


def phrase_words(lex: Any, words: Iterable[str], variant: Callable[[str], str | None], memo_name: str) -> set[str]:
    """``{w for w in words if w in lex.phrases or variant(w) in lex.phrases}``, each word's answer kept
    in ``lex.memo[memo_name]``. Example: with the phrase "tirer la sonnette" and ``variant`` adding
    an "r" to a word in "e", ``{"tire", "chat"}`` gives ``{"tire"}``."""
    phrases = lex.phrases
    return known_words(lex, words, memo_name, lambda w: w in phrases or variant(w) in phrases)


def known_words(lex: Any, words: Iterable[str], memo_name: str, test: Callable[[str], bool]) -> set[str]:
    """``{w for w in words if test(w)}``, each word's answer kept in ``lex.memo[memo_name]`` (word ->
    bool) and in two sets beside it (the words it holds, those it does not), so that an article's
    words already met are sorted by set operations, without a Python step per word. Example: with
    ``test`` "ends in -er", ``{"lancer", "chat"}`` gives ``{"lancer"}``, and "chat" is never tested again."""
    memo: dict[str, bool] = lex.memo.setdefault(memo_name, {})
    sets = lex.memo.get(memo_name + ":sets")
    if sets is None:
        sets = lex.memo[memo_name + ":sets"] = (set(), set())
    yes, no = sets
    words = words if isinstance(words, (set, frozenset)) else set(words)
    # (each of the article's words looked up once in the run-long sets, which grow with every article:
    # those it holds, then, of the rest, the words met before without a hit)
    hits = yes.intersection(words)
    for w in words.difference(hits).difference(no):
        found = memo.get(w)
        if found is None:
            found = memo[w] = test(w)
        if found:
            yes.add(w)
            hits.add(w)
        else:
            no.add(w)
    return hits
