"""A learned proposer for the time expressions the rules miss (rule ``learned_span``, issue 12).

A token tagger (BIO over TIMEX3 extents and their type) fitted on annotations where the rules run
out: a linear model over a few columns of the shared parse (form, lemma, shape, part of speech,
suffix, the times lexicon's class of the word, whether a rule's time covers it), each read at the
word and its neighbours ±2. It only adds a span no rule time overlaps; the rules keep theirs.

Weights in ``times/model/`` (``veille train times``, ``tools/times/timex_learn.py``), loaded once per
process; without them the stage runs on its rules alone. ``VEILLE_TIMES_TAGGER`` names another
weights folder (the out-of-sample checks train on one part and score another through ``extract``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.common.lexicon import json_data

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_NAME = "timex_tagger"
TYPES = ("DATE", "TIME", "DURATION", "SET")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in "BI")
TEMPLATES = ("low", "lemma", "shape", "pos", "suf", "lex", "rule")
OFFSETS = (-2, -1, 0, 1, 2)
PAD = "<pad>"
# The tables of the times lexicon whose words name a class of time word.
_CLASS_TABLES = ("day_parts", "duration_units", "seasons", "references", "relative_days", "set_units",
                 "vague_amounts", "approx_amounts", "holidays")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Lower-cased word -> the first times lexicon table listing it (months and weekdays first)."""
    from veille.times.rules import engine

    cal = json_data("calendar.json")
    out: dict[str, str] = {}
    for name, words in (("month", cal["months"]), ("weekday", cal["weekdays"])):
        for w in words:
            out.setdefault(w.lower().rstrip("."), name)
    tables = engine().tables
    for name in _CLASS_TABLES:
        for key in tables.get(name, {}):
            for w in str(key).lower().replace("’", "'").split():
                out.setdefault(w, name)
    return out


def _shape(word: str) -> str:
    """Letters, digits and other characters, runs of more than 4 cut ("Xxxxx", "dddd", "dd:dd")."""
    out, last, run = [], "", 0
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        run = run + 1 if c == last else 1
        last = c
        if run <= 4:
            out.append(c)
    return "".join(out)


def token_columns(doc: Any, covered: list[tuple[int, int]]) -> dict[str, list[str]]:
    """Each template's string for every token of ``doc``; ``covered``: (start, end) of the rules' times."""
    classes = word_classes()
    low = [t.lower_ for t in doc]
    cols: dict[str, list[str]] = {"low": low, "lemma": [t.lemma_.lower() for t in doc],
                                  "shape": [_shape(t.text) for t in doc], "pos": [t.pos_ for t in doc],
                                  "suf": [w[-3:] for w in low],
                                  "lex": [classes.get(w.rstrip("."), "-") for w in low]}
    rule = ["O"] * len(doc)
    if covered:
        starts = np.array([t.idx for t in doc])
        for a, b in covered:
            first = int(np.searchsorted(starts, a, side="right")) - 1
            for i in range(max(first, 0), len(doc)):
                if starts[i] >= b:
                    break
                if starts[i] + len(doc[i]) > a:
                    rule[i] = "B" if i == max(first, 0) or starts[i] <= a else "I"
    cols["rule"] = rule
    return cols


@dataclass
class Tagger:
    """Feature vocabularies (template -> string -> row), the weight rows of each (template, offset)
    block, and the decision threshold on a span's mean non-O probability."""

    vocab: dict[str, dict[str, int]]
    weights: np.ndarray
    bias: np.ndarray
    threshold: float = 0.5
    meta: dict[str, Any] = field(default_factory=dict)

    def blocks(self) -> dict[tuple[str, int], int]:
        """First weight row of each (template, offset) block; row 0 of a block is the unseen string."""
        out, at = {}, 0
        for t in self.vocab:
            for o in OFFSETS:
                out[(t, o)] = at
                at += len(self.vocab[t]) + 2  # + unseen, + padding
        return out

    def ids(self, cols: dict[str, list[str]]) -> np.ndarray:
        """(tokens, templates × offsets) weight rows of a document's columns."""
        n = len(cols["low"])
        out = np.zeros((n, len(self.vocab) * len(OFFSETS)), dtype=np.int64)
        blocks = self.blocks()
        j = 0
        for t in self.vocab:
            voc = self.vocab[t]
            own = np.array([voc.get(s, 0) for s in cols[t]], dtype=np.int64)
            padded = np.concatenate([np.full(2, len(voc) + 1), own, np.full(2, len(voc) + 1)])
            for o in OFFSETS:
                out[:, j] = blocks[(t, o)] + padded[2 + o:2 + o + n]
                j += 1
        return out

    def probabilities(self, ids: np.ndarray) -> np.ndarray:
        scores = self.weights[ids].sum(axis=1) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def spans(self, doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
        """(start, end, type, confidence) of each proposed span that overlaps no rule time."""
        if not len(doc):
            return []
        probs = self.probabilities(self.ids(token_columns(doc, covered)))
        return [s for s in decode(doc, probs) if s[3] >= self.threshold
                and not any(s[0] < b and a < s[1] for a, b in covered)]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / f"{MODEL_NAME}.npz", weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32))
        meta = {**self.meta, "labels": list(LABELS), "templates": list(self.vocab), "offsets": list(OFFSETS),
                "threshold": self.threshold, "vocab": {t: sorted(v, key=v.__getitem__) for t, v in self.vocab.items()}}
        (directory / f"{MODEL_NAME}.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")


def decode(doc: Any, probs: np.ndarray) -> list[tuple[int, int, str, float]]:
    """Spans of the most likely labels: a B-T or an I-T after another type opens a span of type T,
    I-T continues it; its confidence is the mean probability of its words not being O. A span
    never ends on a punctuation mark or a space."""
    best = probs.argmax(axis=1)
    out: list[tuple[int, int, str, float]] = []
    i, n = 0, len(best)
    while i < n:
        lab = LABELS[best[i]]
        if lab == "O" or doc[i].is_space:
            i += 1
            continue
        kind = lab[2:]
        j = i + 1
        while j < n and LABELS[best[j]] == f"I-{kind}" and not doc[j].is_space:
            j += 1
        k = j
        while k > i + 1 and doc[k - 1].is_punct:
            k -= 1
        if not doc[i].is_punct:
            out.append((doc[i].idx, doc[k - 1].idx + len(doc[k - 1]), kind, float(1 - probs[i:k, 0].mean())))
        i = j
    return out


def load_from(directory: Path) -> Tagger | None:
    npz, meta_path = directory / f"{MODEL_NAME}.npz", directory / f"{MODEL_NAME}.json"
    if not npz.exists() or not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with np.load(npz) as data:
        weights, bias = data["weights"].astype(np.float32), data["bias"].astype(np.float32)
    words = meta.pop("vocab")
    vocab = {t: {s: i + 1 for i, s in enumerate(words[t])} for t in meta["templates"]}
    return Tagger(vocab, weights, bias, float(meta["threshold"]), meta)


@lru_cache(maxsize=1)
def load_tagger() -> Tagger | None:
    """The shipped tagger (or ``VEILLE_TIMES_TAGGER``'s), once per process; None when absent."""
    other = os.environ.get("VEILLE_TIMES_TAGGER")
    return load_from(Path(other) if other else MODEL_DIR)


def _duration(text: str, units: dict[str, tuple[float, str]]) -> str | None:
    """"trois semaines" -> P3W: a number (digits or words) and one unit of the times lexicon."""
    from veille.times.number_words import parse_number

    words = text.lower().split()
    if len(words) != 2 or words[1] not in units:
        return None
    number = parse_number(words[0])
    per, code = units[words[1]]
    if number is None or number != int(number) or per != 1:
        return None
    return f"PT{int(number)}{code[0]}" if code in ("H", "MIN", "S") else f"P{int(number)}{code}"


def learned_value(tagger: Tagger, text: str, kind: str, units: dict[str, tuple[float, str]]) -> str | None:
    """A proposed span's value: a count of one unit read by the stage's duration reading, else the
    value its wording had in the training annotations when that value holds anywhere (a length, a
    reference, a set); None otherwise."""
    if kind == "DURATION":
        value = _duration(text, units)
        if value:
            return value
    return tagger.meta.get("values", {}).get(" ".join(text.lower().replace("’", "'").split()))
