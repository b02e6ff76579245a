"""Look-alike apostrophes: the parser reads a normal one, the records keep the page's own.

Some sites write the modifier letter apostrophe U+02BC ("lʼarmée", "quʼil") where French uses
U+2019. spaCy's French tokenizer splits an elision only at ``'`` or ``’``, so "quʼil" stayed one
token, tagged as a proper noun: a false entity, a clause without its "que", a sentence without its
subject. ``parse_copy`` gives the text the parser should read: the same length, each look-alike
apostrophe (``lexicons/common/apostrophes.tsv``) replaced by ``’``, and each typographic space
(no-break, narrow, thin: ``common/parse_spaces.py``) by U+0020. ``with_text`` then puts the
page's own characters back under the parse: the same tokens at the same offsets, with every tag,
lemma, head, sentence and entity of the copy's parse, so that every word a record takes from the
``Doc`` is a slice of the original (a ``Doc`` joins its words with U+0020 only, so ``doc.text`` shows a
plain space where the page had a typographic one between two words: stages read the page's text
through ``common/doctext.doc_text``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, SENT_START, TAG
from spacy.tokens import Doc

from veille.common.lexicon import rows
from veille.common.parse_spaces import plain_spaces

APOSTROPHE = "\u2019"
_ANNOTATIONS = [TAG, POS, MORPH, LEMMA, NORM, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def _char(cell: str) -> str:
    return cell.encode("ascii").decode("unicode_escape") if cell.startswith("\\u") else cell


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], frozenset[str], re.Pattern[str] | None]:
    always: set[str] = set()
    elision: set[str] = set()
    elided: set[str] = set()
    for cols in rows("common/apostrophes.tsv", min_columns=2):
        kind, value = cols[0], cols[1]
        if kind == "always":
            always.add(_char(value))
        elif kind == "elision":
            elision.add(_char(value))
        elif kind == "word":
            elided.add(value.lower())
    pattern = None
    if elision and elided:
        words = "|".join(sorted(map(re.escape, elided), key=len, reverse=True))
        marks = "".join(re.escape(c) for c in sorted(elision))
        # An elided word standing alone (no letter before it), its mark, then a letter.
        pattern = re.compile(rf"(?<![^\W\d_])(?i:{words})([{marks}])(?=[^\W\d_])")
    return frozenset(always), frozenset(elision), pattern


def parse_copy(text: str) -> str:
    """``text`` with its look-alike apostrophes as ``’`` and its typographic spaces as U+0020, the
    same length (the text itself when it has neither): ``parse_copy("quʼil") == "qu’il"``;
    ``parse_copy("d`Ukraine") == "d’Ukraine"``."""
    always, marks, elision = _rules()
    out = plain_spaces(text)
    for char in always:
        if char in out:
            out = out.replace(char, APOSTROPHE)
    if elision is not None and any(char in out for char in marks):
        out = elision.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + APOSTROPHE, out)
    return out


def with_text(doc: Doc, text: str) -> Doc:
    """The parse ``doc`` of ``parse_copy(text)`` over ``text`` itself: tokens of the same length at
    the same offsets, each holding ``text``'s characters, with the copy's annotations (tags,
    morphology, lemmas, norms, heads and so sentences, entities), its tensor and user data."""
    if doc.text == text:
        return doc
    if len(doc.text) != len(text):
        raise ValueError("with_text: the parsed copy and the text differ in length")
    words = [text[t.idx: t.idx + len(t)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    out = Doc(doc.vocab, words=words, spaces=spaces)
    if len(doc):
        present = [a for a in _ANNOTATIONS if _has(doc, a)]
        if HEAD in present and DEP not in present:
            present.remove(HEAD)
        if HEAD not in present and doc.has_annotation("SENT_START"):
            present.append(SENT_START)  # sentences without a parse (a senter, paragraph breaks)
        if present:
            out.from_array(present, doc.to_array(present))
    out.tensor = doc.tensor
    out.user_data = dict(doc.user_data)
    return out


def _has(doc: Doc, attr: Any) -> bool:
    names = {TAG: "TAG", POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", NORM: None, HEAD: "DEP", DEP: "DEP",
             ENT_IOB: "ENT_IOB", ENT_TYPE: "ENT_IOB", ENT_KB_ID: "ENT_IOB"}
    name = names[attr]
    return name is None or doc.has_annotation(name)
