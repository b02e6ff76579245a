"""Which words may open a phrase of the events lexicon, each word worked out once per run.

``triggers._trigger_slots`` asks, of each distinct lemma and lower-cased form of an article, whether
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
    memo: dict[str, bool] = lex.memo.setdefault(memo_name, {})
    phrases = lex.phrases
    out = set()
    for w in words:
        found = memo.get(w)
        if found is None:
            found = memo[w] = w in phrases or variant(w) in phrases
        if found:
            out.add(w)
    return out
