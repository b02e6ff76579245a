"""A value per word (or per string-store key) worked out once per run, read off a dictionary after.

Several hot paths map an article's words through a pure function whose answers repeat from one
article to the next (a word's lemma, a key's string, an analysis's fields, a lexicon flag). They
share one way of doing it: the article's words are read off the memo first, one lookup each (most
are known, which costs less than sorting out the distinct words), and only the new ones are worked
out; a bounded memo is emptied when a long run would grow it past its limit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import compress, repeat
from operator import is_
from typing import Any


def memo_map(memo: dict[Any, Any], keys: list[Hashable], compute: Callable[[Any], Any],
             limit: int | None = None) -> list[Any]:
    """``[compute(k) for k in keys]``, each distinct new key computed once and kept in ``memo``.
    Example: with ``compute`` = ``str.upper``, ``["oui", "non", "oui"]`` gives ``["OUI", "NON",
    "OUI"]`` and calls it twice; a later call with ``["oui"]`` calls it not at all."""
    out = list(map(memo.get, keys))
    if None not in out:
        return out
    new = set(compress(keys, map(is_, out, repeat(None))))  # (the new keys, picked in C)
    if limit is not None and len(memo) + len(new) > limit:
        memo.clear()
        new = set(keys)
    memo.update({k: compute(k) for k in new})
    return list(map(memo.__getitem__, keys))
