"""The event reviewer (issue 13): a logistic regression that keeps or drops each event the rules
propose, from closed features of how the event was found and how its sentence is written.

The rules fire on every listed trigger; many of those readings are no act of the news: background
events recalled in a relative clause, opinions quoted as such, list sentences, a second trigger of an
act already counted. The features (``features``) say so without any word of a page but the trigger's
own lexicon lemma: the type and the rules behind type, source and target, which roles are empty,
mode, negation, tense and mood of the clause, reported speech above the trigger, inside a quote,
where the sentence stands in the article, how many events its sentence gives, its shape (commas, a
list dash), whether it is dated years back. Weights ship as data (``model/event_review.npz`` +
``.json``), fitted on the dev gold by ``tools/real_pages/event_decide.py --write``; the threshold is
the one grouped cross-validation by site chose. A kept event's ``rule`` ends ``review=<score>``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from veille.common.fold import lower_nfc
from veille.events.memo import fold_long, parsed_text
from veille.events.walks import has_child
from veille.events.words import feat, lemma
from veille.model import Event

MODEL_DIR = Path(__file__).resolve().parent / "model"
NAME = "event_review"
RELATIVE_DEPS = ("acl", "acl:relcl", "advcl", "appos")
NEGATIONS = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "guère", "ni", "sans"})
_SCORE_TAIL = re.compile(r"[ 0-9.:]+$")


def _rule_kind(rule: str) -> str:
    """The rule family, not the lexicon line: "trigger:verb:X" -> "trigger:verb"; scores cut."""
    if rule.startswith("trigger"):
        return ":".join(rule.split(":")[:2])
    if rule.startswith("refusal<"):
        return "refusal"
    return _SCORE_TAIL.sub("", rule.split(":")[0])


def _tense(tok: Any) -> str:
    """The tense and mood of a verb's clause as the reviewer reads them."""
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    forms = [tok, *aux]
    if any(feat(t, "Mood") == ["Cnd"] for t in forms):
        return "cond"
    if any(feat(t, "Tense") == ["Fut"] for t in forms):
        return "fut"
    if any(feat(t, "VerbForm") == ["Inf"] for t in [tok]):
        return "inf"
    if aux and any(feat(a, "Tense") == ["Imp"] for a in aux):
        return "pluperf"
    if any(feat(t, "Tense") == ["Imp"] for t in forms):
        return "imp"
    if aux and any(c.dep_ == "aux:tense" for c in aux):
        return "past"
    if feat(tok, "VerbForm") == ["Part"]:
        return "part"
    if feat(tok, "Tense") == ["Past"]:
        return "passe_simple"
    return "pres" if tok.pos_ in ("VERB", "AUX") else "none"


def _clause_verb(tok: Any) -> Any:
    """The verb whose clause holds a trigger (itself for a verb)."""
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and seen < 6:
        tok = tok.head
        seen += 1
    return tok


def _under_speech(tok: Any, speech: set[str] | frozenset[str]) -> bool:
    seen = 0
    while tok.head.i != tok.i and seen < 8:
        if tok.dep_ in ("ccomp", "xcomp", "parataxis", "obj") and lemma(tok.head) in speech:
            return True
        tok = tok.head
        seen += 1
    return False


def features(view: Any, events: list[Event]) -> list[dict[str, float]]:
    """Closed features of each event (see the module docstring); events still carry ``_rules``,
    ``_sent``, ``_title`` and ``_source_kind``."""
    doc = view.doc
    low = fold_long(parsed_text(doc))  # (``events/memo.py``: doc.text joined once, folded without the cache)
    n_units = max((getattr(e, "_sent", 0) for e in events), default=0) + 1
    per_sentence = Counter(e.text for e in events)
    types_per_sentence = Counter((e.text, e.type) for e in events)
    speech = view.lex.cue("speech")
    published = (view.article.published or "")[:4]
    rows = []
    for e in events:
        rules = getattr(e, "_rules", {})
        kind = _rule_kind(rules.get("type", ""))
        src = _SCORE_TAIL.sub("", str(rules.get("source", "none")).split(":")[0])
        tgt = _SCORE_TAIL.sub("", str(rules.get("target", "none")).split(":")[0])
        row = {f"type={e.type}": 1.0, f"mode={e.mode}": 1.0, f"rule={kind}": 1.0, f"src={src}": 1.0,
               f"tgt={tgt}": 1.0, f"srcnone={e.source is None}": 1.0, f"tgtnone={e.target is None}": 1.0,
               f"srckind={getattr(e, '_source_kind', None)}": 1.0,
               "quote": float(e.quote_speaker is not None),
               "quote_is_src": float(e.quote_speaker is not None and e.quote_speaker == e.source),
               "date": float(e.date is not None), "place": float(e.place is not None),
               "qty": float(bool(e.quantities)), "title": float(bool(getattr(e, "_title", False))),
               "position": getattr(e, "_sent", 0) / n_units, "lede": float(getattr(e, "_sent", 9) <= 1),
               f"nsent={min(per_sentence[e.text], 4)}": 1.0,
               "same_type_twice": float(types_per_sentence[(e.text, e.type)] > 1),
               "src_freq": float(np.log1p(low.count(lower_nfc(e.source)))) if e.source else 0.0,
               "tgt_freq": float(np.log1p(low.count(lower_nfc(e.target)))) if e.target else 0.0,
               "commas": min(e.text.count(",") + e.text.count(";"), 6) / 6.0,
               "long": min(len(e.text), 600) / 600.0,
               "list_dash": float(e.text.lstrip()[:1] in "-–—•*"),
               "colon": float(":" in e.text), "question": float(e.text.rstrip().endswith("?"))}
        if e.date and published and e.date[:4].isdigit() and published.isdigit():
            row["date_old"] = float(int(published) - int(e.date[:4]) >= 1)
        at = view.token_at(e.start, e.end) if e.start is not None else None  # (no Span per event)
        if at is not None:
            head = doc[at]
            verb = _clause_verb(head)
            row[f"tpos={head.pos_}"] = 1.0
            row[f"tdep={head.dep_.split(':')[0]}"] = 1.0
            row[f"lemma={lemma(head)}"] = 1.0
            row[f"tense={_tense(verb)}"] = 1.0
            row["relative"] = float(verb.dep_ in RELATIVE_DEPS or head.dep_ in RELATIVE_DEPS)
            row["negation"] = float(any(lemma(c) in NEGATIONS for c in verb.children if c.dep_ in ("advmod", "det")))
            row["reported"] = float(_under_speech(verb, speech))
            row["passive"] = float(has_child(verb, ("aux:pass", "nsubj:pass")))
        rows.append(row)
    return rows


class Reviewer:
    """Scores events by their features; keeps those at or over ``threshold``."""

    def __init__(self, vocab: list[str], weights: np.ndarray, bias: float, threshold: float,
                 meta: dict[str, Any] | None = None) -> None:
        self.index = {k: i for i, k in enumerate(vocab)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.meta = meta or {}

    def scores(self, rows: list[dict[str, float]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.index)))
        for r, row in enumerate(rows):
            for key, value in row.items():
                j = self.index.get(key)
                if j is not None:
                    x[r, j] = value
        return 1.0 / (1.0 + np.exp(-np.clip(x @ self.weights + self.bias, -30, 30)))

    def review(self, view: Any, events: list[Event]) -> list[Event]:
        """The events kept; each kept event's ``_rules['review']`` holds its score."""
        if not events:
            return events
        kept = []
        for ev, score in zip(events, self.scores(features(view, events)), strict=True):
            if score >= self.threshold:
                rules = getattr(ev, "_rules", None)
                if rules is not None:
                    rules["review"] = f"{score:.2f}"
                kept.append(ev)
        return kept


@lru_cache(maxsize=1)
def load_reviewer() -> Reviewer | None:
    """The shipped reviewer, or None when its files are absent (the rules then decide alone)."""
    npz, meta_path = MODEL_DIR / f"{NAME}.npz", MODEL_DIR / f"{NAME}.json"
    if not npz.exists() or not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with np.load(npz) as data:
        return Reviewer(meta["vocab"], data["weights"].astype(np.float64), float(data["bias"][0]),
                        meta["threshold"], meta)


def write_reviewer(vocab: list[str], weights: np.ndarray, bias: float, meta: dict[str, Any]) -> None:
    """Ships a fitted reviewer (weights in half precision, vocabulary and threshold in the metadata)."""
    np.savez_compressed(MODEL_DIR / f"{NAME}.npz", weights=np.asarray(weights).astype(np.float16),
                        bias=np.array([bias], dtype=np.float32))
    (MODEL_DIR / f"{NAME}.json").write_text(json.dumps({**meta, "vocab": vocab}, ensure_ascii=False, indent=1)
                                            + "\n", encoding="utf-8")
