"""Which words may open a phrase or hold a trigger of the events lexicon, each word worked out once per run.

``trigger_slots.trigger_slots`` asks, of each lemma and lower-cased form of an article, whether it
(or the infinitive it may stand for: "tire" for "tirer", "unis" for "unir") opens a phrase of
``lex.phrases``, and whether it has any trigger entry. The answers depend on the word and the lexicon
alone, so they are kept in the lexicon's memo (as ``lemma_may_trigger`` is) and later articles only
read them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.run_memo import memo_map


def word_flags(lex: Any, words: list[str], memo_name: str, test: Callable[[str], int]) -> list[int]:
    """``[test(w) for w in words]`` (bit flags), each word's answer kept in ``lex.memo[memo_name]``.

    The article's words are read off the memo first, one lookup per word (most are known: cheaper
    than sorting out its distinct words); only the new ones are tested. Example: with ``test`` "1
    when the word ends in -er", ``["lancer", "chat", "lancer"]`` gives ``[1, 0, 1]``, and "chat"
    is never tested again."""
    memo: dict[str, int] | None = lex.memo.get(memo_name)
    if memo is None:
        memo = lex.memo[memo_name] = {}
    return memo_map(memo, words, test)
