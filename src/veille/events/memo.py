"""Per-article values the event rules read many times, computed once per Doc.

Each value lives in the Doc's cache (``veille.common.docarrays.derived``) and goes with the Doc:
nothing here outlives an article, and nothing changes what a rule reads, only how often it is
worked out. Rules in other modules call these helpers instead of asking spaCy again.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from spacy.attrs import DEP, ORTH, POS, SPACY

from veille.common.docarrays import (
    child_indices,
    derived,
    head_indices,
    sentence_spans,
    sentence_starts,
    token_columns,
    token_strings,
)
from veille.common.fold import lower_nfc, norm
from veille.events.words import lemma


def parsed_text(doc: Any) -> str:
    """``doc.text``, joined once per article: spaCy builds it from every token at each access (a
    Token per word); here it is joined as spaCy does (each token's text, then a space where the token
    has one: ``Token.text_with_ws``) from the article's columns."""
    return derived(doc, "events_doc_text", lambda: _joined(doc))  # type: ignore[no-any-return]


def know_text(doc: Any, text: str) -> None:
    """Gives ``parsed_text`` the article's text (``common.doctext.doc_text``: the string the Doc was
    parsed from, so ``doc.text`` itself) before a rule asks it: no join of every token's text."""
    derived(doc, "events_doc_text", lambda: text)


def _joined(doc: Any) -> str:
    if not len(doc):
        return doc.text  # type: ignore[no-any-return]
    spaces = token_columns(doc, (SPACY,))[0]
    return "".join([w + " " if s else w for w, s in zip(token_strings(doc, ORTH), spaces, strict=True)])


def seat_at(tok: Any, seats: dict[str, str]) -> str | None:
    """The city of the seat of government (``seats``: folded name -> city) whose name the text
    writes from ``tok`` on ("Maison-Blanche" may come as three tokens), None when none; worked out
    once per token and table: every event of a sentence asks it of the same complements."""
    memo = derived(tok.doc, "events_seat_at", dict)
    key = (tok.i, id(seats))
    if key in memo:
        return memo[key]  # type: ignore[no-any-return]
    rest = norm(parsed_text(tok.doc)[tok.idx:tok.idx + 40])
    out = None
    for seat, city in seats.items():
        if rest.startswith(seat) and (len(rest) == len(seat) or not rest[len(seat)].isalnum()):
            out = city
            break
    memo[key] = out
    return out


def fold_long(text: str) -> str:
    """``lower_nfc(text)`` for a sentence or a whole article, without its cache: such a text is
    folded once, and kept there it would only push out the words the cache is for (and hold the
    article's text for the rest of the run)."""
    return lower_nfc.__wrapped__(text)  # type: ignore[no-any-return]


def folded_startswith(text: str, prefixes: tuple[str, ...]) -> bool:
    """``fold_long(text).startswith(prefixes)``, folding only the text's first words when that gives
    the same answer: a paragraph is folded whole to test its first few words otherwise.

    Folding (NFC, lower case, apostrophes, outer spaces) works character by character except where a
    character composes with the next one (NFC), a capital sigma (its lower case depends on what
    follows) and the outer spaces. So the head is folded alone only when the character after it is
    ASCII (it composes with nothing before it), the head holds no sigma, and once folded it is at
    least as long as the longest prefix (the leading spaces stripped, the trailing ones left out)."""
    if not prefixes:
        return False
    heads = _PREFIX_HEADS.get(prefixes)
    if heads is None:
        heads = _PREFIX_HEADS[prefixes] = _prefix_heads(prefixes)
    # Most texts are told apart by their first two characters: ASCII, followed by an ASCII character
    # (nothing composes with them), no space to strip and no apostrophe to fold, they fold to their
    # lower case; a text whose two do not open any prefix starts with none (every prefix is as long).
    if heads and len(text) > 2 and text[:3].isascii() and not text[0].isspace() and "`" not in text[:2] \
            and text[:2].lower() not in heads:
        return False
    longest = max(map(len, prefixes))
    cut = 2 * longest + 16
    if len(text) > cut and text[cut].isascii() and "Σ" not in text[:cut]:
        head = fold_long(text[:cut])
        if len(head) >= longest:
            return head.startswith(prefixes)
    return fold_long(text).startswith(prefixes)


_PREFIX_HEADS: dict[tuple[str, ...], frozenset[str]] = {}  # prefixes -> their first two characters


def _prefix_heads(prefixes: tuple[str, ...]) -> frozenset[str]:
    """The first two characters of each prefix, empty (no shortcut) when a prefix is shorter."""
    if min(map(len, prefixes)) < 2:
        return frozenset()
    return frozenset(p[:2] for p in prefixes)


def title_words(noun: Any) -> frozenset[str]:
    """A title's noun with its adjectives and noun complements: "ministre de la Santé" ->
    {ministre, santé}; "Premier ministre" -> {ministre, premier}. Worked out once per noun: the
    descriptors of every event ask it again of the same nouns."""
    memo = derived(noun.doc, "events_title_words", dict)
    words = memo.get(noun.i)
    if words is None:
        words = memo[noun.i] = _title_words(noun)
    return words  # type: ignore[no-any-return]


def _title_words(noun: Any) -> frozenset[str]:
    words = {lemma(noun)}
    doc = noun.doc
    deps, tags = token_strings(doc, DEP), token_strings(doc, POS)  # (no Token per child)
    words.update(lemma(doc[ci]) for ci in child_indices(doc)[noun.i]
                 if deps[ci] == "amod" or (deps[ci] == "nmod" and tags[ci] == "NOUN"))
    return frozenset(words)


def sentence_holds(doc: Any, i: int, name: str, words: Set[str], columns: tuple[list[str], ...]) -> bool:
    """Whether the sentence of token ``i`` writes a word of ``words`` (the cue ``name``) in one of
    ``columns`` (per-token lists of the article: lemmas, forms). A drop rule whose cue must be a word
    of the trigger's own clause (a dependent of the trigger or of a head above it) passes over a
    sentence without any: decided once per sentence and cue, then one lookup per candidate. The
    whole Doc is the sentence when some arc of the parse leaves its sentence (no such parse is met)."""
    memo = derived(doc, "events_sentence_holds", dict)
    start = sentence_starts(doc)[i]
    key = (start, name)
    found = memo.get(key)
    if found is None or found[0] is not words:  # (the words kept beside the answer: another lexicon's cue asks again)
        lo, hi = derived(doc, "events_sentence_bounds", lambda: _sentence_bounds(doc)).get(start, (0, len(doc)))
        found = memo[key] = (words, any(not words.isdisjoint(col[lo:hi]) for col in columns))
    return found[1]  # type: ignore[no-any-return]


def _sentence_bounds(doc: Any) -> dict[int, tuple[int, int]]:
    """Sentence start -> (start, end); empty when an arc of the parse crosses a sentence's bounds."""
    starts = sentence_starts(doc)
    if list(map(starts.__getitem__, head_indices(doc))) != starts:
        return {}
    return {s.start: (s.start, s.end) for s in sentence_spans(doc)}
