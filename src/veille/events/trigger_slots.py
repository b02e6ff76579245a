"""Where a trigger may start in an article: the tokens whose lemma or form has an entry in the trigger
tables (``may_trigger``, found once per article by ``trigger_slots``), the lemmatizer slips a phrase's
first word is matched on, and the locutions an adverb interrupts (``gapped_phrase``). Read by
``find_triggers`` (``events/triggers.py``).
"""

from __future__ import annotations

import functools
from itertools import compress, repeat
from operator import and_, or_
from typing import Any

from spacy.attrs import POS

from veille.common.docarrays import derived, token_strings
from veille.events.lexicon import Lexicon
from veille.events.slot_cache import word_flags
from veille.events.words import (
    PARTICIPLE_ER_ENDINGS,
    doc_lemmas,
    doc_lowers,
    masculine,
)


def may_trigger(lex: Lexicon, lem: str, low: str) -> bool:
    """Whether a word with this lemma and lower-case form has any entry ``find_triggers`` reads
    (adjective, verb with its lemmatizer-slip variants, participle-as-adjective, noun). A word
    with none yields no trigger, so it is passed over without reading its parse."""
    return _lemma_may_trigger(lex, lem) or _form_may_trigger(lex, low)


def _lemma_may_trigger(lex: Lexicon, lem: str) -> bool:
    """``may_trigger`` from the lemma alone (remembered per lexicon: the trigger tables are read-only)."""
    memo = lex.memo.setdefault("lemma_may_trigger", {})
    out = memo.get(lem)
    if out is None:
        adjs, verbs = lex.adjs, lex.verbs
        out = memo[lem] = (lem in adjs or lem in verbs or lem in lex.nouns or any(m in adjs for m in masculine(lem))
                           or (lem.endswith("e") and lem + "r" in verbs)
                           or (lem.endswith("é") and lem[:-1] + "er" in verbs)
                           or (lem.endswith("er") and lem[:-2] + "é" in adjs))
    return out


def _form_may_trigger(lex: Lexicon, low: str) -> bool:
    """``may_trigger`` from the lower-case form alone (remembered per lexicon)."""
    memo = lex.memo.setdefault("form_may_trigger", {})
    out = memo.get(low)
    if out is None:
        adjs = lex.adjs
        stem = low[:-2] if low.endswith("ent") else low
        out = memo[low] = (low in adjs or low in lex.nouns or any(m in adjs for m in masculine(low))
                           or (stem.endswith("e") and stem + "r" in lex.verbs))  # misread_verb: "critiquent"
    return out


@functools.lru_cache(maxsize=65536)
def participle_infinitive(low: str) -> str | None:
    """The infinitive of a past participle form the lemmatizer kept as it is ("a uni ses forces":
    lemma "uni"), for phrases, whose first word is matched on the lemma: "unis" -> "unir",
    "portée" -> "porter"."""
    for ending in PARTICIPLE_ER_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return low[: -len(ending)] + "er"
    for ending, inf in (("ies", "ir"), ("ie", "ir"), ("is", "ir"), ("i", "ir")):
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return low[: -len(ending)] + inf
    return None


def lemma_slip(lem: str) -> str | None:
    """The -er infinitive a present-tense form stands for when the lemmatizer kept the form ("tire",
    "montre", "ferme" for tirer, montrer, fermer), for phrases, as ``verb_entries`` does for verbs:
    "Le syndicat tire la sonnette d'alarme"."""
    return lem + "r" if lem.endswith("e") and len(lem) > 2 else None


PHRASE_START, MAY_TRIGGER = 1, 2  # ``trigger_slots``' flags of a lemma or form


def trigger_slots(lex: Lexicon, doc: Any) -> tuple[list[int], list[int]]:
    """Tokens of the Doc where a phrase of the lexicon may start, and tokens that ``may_trigger``:
    found once per article on the lemma and form lists, so that a sentence's other words cost nothing."""
    def build() -> tuple[list[int], list[int]]:
        lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
        phrases = lex.phrases

        def lemma_flags(w: str) -> int:  # (a phrase opens on the lemma or the -er infinitive it slipped from)
            return (PHRASE_START if w in phrases or lemma_slip(w) in phrases else 0) \
                | (MAY_TRIGGER if _lemma_may_trigger(lex, w) else 0)

        def form_flags(w: str) -> int:  # (or on the form, or the infinitive of a participle kept as it is)
            return (PHRASE_START if w in phrases or participle_infinitive(w) in phrases else 0) \
                | (MAY_TRIGGER if _form_may_trigger(lex, w) else 0)

        # A token's flags: its lemma's and its form's (each word's read off the run's memo: ``slot_cache.py``).
        flags = list(map(or_, word_flags(lex, lemmas, "slot_lemma_flags", lemma_flags),
                         word_flags(lex, lowers, "slot_form_flags", form_flags)))
        tokens = range(len(flags))
        starts = list(compress(tokens, map(and_, flags, repeat(PHRASE_START))))
        words = list(compress(tokens, map(and_, flags, repeat(MAY_TRIGGER))))
        return starts, words
    return derived(doc, f"events_trigger_slots_{id(lex)}", build)



MAX_PHRASE_GAPS = 2  # adverbs a locution may hold: "fait entièrement confiance", "sont descendus massivement dans la rue"


NEGATION_WORDS = frozenset({"ne", "n'", "n’", "non"})


def gapped_phrase(words: tuple[str, ...], i: int, last: int, lemmas: list[str], lowers: list[str],
                   doc: Any, lex: Lexicon) -> list[int] | None:
    """The tokens of a locution whose words an adverb or two separate, the first word matched
    already: a locution keeps its meaning when the writer puts an adverb inside it. A negation is
    never skipped over ("plaider non coupable" is not "plaider coupable")."""
    negation = lex.memo.get("phrase_negation")
    if negation is None:
        negation = lex.memo["phrase_negation"] = frozenset(lex.cue("negation") | NEGATION_WORDS)
    span, tags = [i], token_strings(doc, POS)  # (the tags from the column: no Token per word)
    k, gaps = i + 1, 0
    for w in words[1:]:
        while k < last and w not in (lemmas[k], lowers[k]) and tags[k] == "ADV" and gaps < MAX_PHRASE_GAPS \
                and lowers[k] not in negation:
            k, gaps = k + 1, gaps + 1
        if k >= last or w not in (lemmas[k], lowers[k]):
            return None
        span.append(k)
        k += 1
    return span if gaps else None
