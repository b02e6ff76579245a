"""Grouped cross-validation by site of the events model (issue 13): what the model proposes on sites
it has never seen, per PLOVER type, and what rules + model score end to end.

The dev pages are parsed once (body given, as ``bench/real_eval.py events --body``); each annotated
sentence is read as the span of the article's own Doc, so the features are those of extraction.
Sites are dealt into folds (``actor_examples.folds``): a fold's model is fitted on the other sites
and used only on its own pages. Only positions, scores and labels leave this module.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from . import actor_examples as ax

RECORDED = {"fact", "intent"}
# The events gold the CV reads: "dev" (``events_dev.jsonl``) or "dev+fresh" (with the later batch of
# ``events_dev_fresh.jsonl``); set once by the command that runs the CV (``use_part``).
_GOLD = {"part": "dev"}


def use_part(part: str) -> None:
    """Cross-validate on ``part`` ("dev" or "dev+fresh"): sentences, parsed pages and scores."""
    if part not in ("dev", "dev+fresh", "readable"):
        raise ValueError(f"the events CV runs on dev only, not {part!r}")
    _GOLD["part"] = part


def gold_part() -> str:
    return _GOLD["part"]


def _types(events: list[dict], first_only: bool = False) -> set[str]:
    out: set[str] = set()
    for ev in events:
        if ev.get("mode") in RECORDED:
            types = ev["type"] if isinstance(ev["type"], list) else [ev["type"]]
            out.update(types[:1] if first_only else types)
    return out


def sentence_items(parsed: dict[str, tuple]) -> list[dict]:
    """One item per annotated dev sentence found in its page's Doc: page, site, span, gold types."""
    sites = ax.page_sites()
    out = []
    for page, sents in sorted(ax.gold_sentences(gold_part()).items()):
        if page not in parsed:
            continue
        doc = parsed[page][3]
        at = 0
        for index, s in enumerate(sents):
            pos = doc.text.find(s["text"], at)
            if pos < 0:
                pos = doc.text.find(s["text"])
            if pos < 0:
                continue
            at = pos + len(s["text"])
            span = doc.char_span(pos, pos + len(s["text"]), alignment_mode="expand")
            if span is None or not len(span):
                continue
            out.append({"page": page, "index": index, "site": sites.get(page, page), "span": span,
                        "types": _types(s["events"], first_only=True), "any_types": _types(s["events"]),
                        "triggers": [(doc.text.find(w, pos), w, g) for w, g in zip(s["spans"], s["events"], strict=True)
                                     if w and doc.text.find(w, pos) >= 0]})
    return out


HELD_ANNOTATOR = "helper-evheld"  # a batch of pages from sites no rule was written on: one fold of its own


def held_pages(annotator: str = HELD_ANNOTATOR) -> set[str]:
    """The dev pages one annotator marked (``events_dev.jsonl``)."""
    import json

    path = ax.GOLD_DIR / "events_dev.jsonl"
    return {json.loads(line)["page"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line).get("annotator") == annotator}


def site_folds(items: list[dict], k: int, held: set[str] | None = None) -> list[set[str]]:
    """Sites dealt into ``k`` folds; with ``held`` (pages), the sites of those pages form one more
    fold and are kept out of the other ``k`` (the held-out batch: train on the rest, predict it)."""
    if not held:
        return ax.folds(items, k)
    held_sites = {i["site"] for i in items if i["page"] in held}
    return [*ax.folds([i for i in items if i["site"] not in held_sites], k), held_sites]


def fold_pages(parsed: dict[str, tuple], folds: list[set[str]]) -> list[set[str]]:
    """The pages of each fold (a fold is a set of sites)."""
    sites = ax.page_sites()
    return [{p for p in parsed if sites.get(p, p) in fold} for fold in folds]


def per_type_table(items: list[dict], guesses: list[str | None]) -> dict[str, dict[str, int]]:
    """Type -> gold sentences, proposals, right proposals (a proposal is right when the sentence has
    that type among its recorded events)."""
    table: dict[str, dict[str, int]] = {}
    for item, guess in zip(items, guesses, strict=True):
        for t in item["types"]:
            table.setdefault(t, {"gold": 0, "proposed": 0, "right": 0})["gold"] += 1
        if guess is not None:
            row = table.setdefault(guess, {"gold": 0, "proposed": 0, "right": 0})
            row["proposed"] += 1
            row["right"] += guess in item["any_types"]
    return table


def summary(table: dict[str, dict[str, int]]) -> tuple[float, float, int]:
    """Micro precision, recall (over gold sentence types) and proposal count."""
    proposed = sum(r["proposed"] for r in table.values())
    right = sum(r["right"] for r in table.values())
    gold = sum(r["gold"] for r in table.values())
    return (right / proposed if proposed else 0.0), (right / gold if gold else 0.0), proposed


def oof_scores(items: list[dict], rows: np.ndarray, labels: list[str], folds: list[set[str]],
               fit: Callable[[np.ndarray, np.ndarray], Any], score: Callable[[Any, np.ndarray], np.ndarray]
               ) -> tuple[np.ndarray, list[Any]]:
    """Out-of-fold label scores of every sentence, and the fold models (same order as ``folds``)."""
    targets = np.zeros((len(items), len(labels)))
    for i, item in enumerate(items):
        for t in item["types"]:
            if t in labels:
                targets[i, labels.index(t)] = 1.0
        if "ANY" in labels:
            targets[i, labels.index("ANY")] = float(bool(item["types"]))
    oof = np.zeros_like(targets)
    models = []
    for held in folds:
        part = np.array([it["site"] in held for it in items])
        model = fit(rows[~part], targets[~part])
        oof[part] = score(model, rows[part])
        models.append(model)
    return oof, models


def sentence_model_oof(parsed: dict, folds: list[set[str]], seed: int
                       ) -> tuple[list[dict], list[str], np.ndarray, list[Any]]:
    """The shipped sentence-type model fitted per fold on the other folds' sites: the annotated
    sentences, the labels (event types and ANY), their out-of-fold scores and the fold models."""
    from veille.events.model import ANY, features, fit
    from veille.model import EVENT_TYPES

    items = sentence_items(parsed)
    width = int(parsed[next(iter(parsed))][3].vocab.vectors_length)
    rows = np.stack([features(it["span"], width) for it in items]).astype(np.float64)
    labels = [*EVENT_TYPES, ANY]
    oof, models = oof_scores(items, rows, labels, folds, lambda x, y: fit(x, y, labels, width, seed=seed),
                             lambda m, x: 1.0 / (1.0 + np.exp(-(x @ m.weights + m.bias))))
    return items, labels, oof, models


def best_guesses(oof: np.ndarray, labels: list[str], threshold: float,
                 allowed: Iterable[bool] | None = None) -> list[str | None]:
    out: list[str | None] = []
    n_types = len([lab for lab in labels if lab != "ANY"])
    for i, row in enumerate(oof[:, :n_types]):
        ok = True if allowed is None else list(allowed)[i]
        j = int(row.argmax())
        out.append(labels[j] if ok and row[j] >= threshold else None)
    return out


def end_to_end(parsed: dict[str, tuple], model_of_page: dict[str, Any], tmp: Path,
               finder_of_page: dict[str, Any] | None = None, by_fold: list[set[str]] | None = None) -> dict:
    """``bench/events_real.py`` scores of the dev pages, each coded with its own model (None: rules
    alone); with ``by_fold`` (pages of each fold), also ``folds``: the scores of each fold's pages."""
    import dataclasses

    from events_real import score_part  # bench/ of the checkout

    from veille.events.coder import Coder

    recs = []
    for page, (lex, kb, article, doc) in sorted(parsed.items()):
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb, explain=True)
        coder.model = model_of_page.get(page)
        coder.finder = (finder_of_page or {}).get(page)
        events = coder.run()
        recs.append({"source": {"path": f"{page}.json"}, "events": [dataclasses.asdict(e) for e in events]})
    path = ax.write_records(recs, tmp / "pred.jsonl")
    out = score_part(gold_part(), path, set(parsed)).as_dict()
    if by_fold is not None:
        out["folds"] = [score_part(gold_part(), path, pages).as_dict() for pages in by_fold]
    return out


def temp_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="events-cv-")


def load_or_parse(cache: Path | None) -> dict[str, tuple]:
    """The parsed dev pages; with ``cache``, kept between runs (a pickle of articles and Docs in /tmp)."""
    import pickle

    if cache is None or not cache.exists():
        parsed = ax.parse_pages(gold_part())
        if cache is not None:
            for _, _, _, doc in parsed.values():
                doc.user_data.clear()  # the rules' per-Doc caches (they hold Spans); every run clears them anyway
            try:
                blob = pickle.dumps({p: (a, d) for p, (_, _, a, d) in parsed.items()})
            except (pickle.PicklingError, TypeError, ValueError, AttributeError) as err:
                # A Doc whose extensions hold Spans cannot be pickled; the run goes on uncached.
                print(f"event_cv: --cache {cache}: not written ({type(err).__name__}: {err})", file=sys.stderr)
            else:
                cache.write_bytes(blob)
        return parsed
    from veille.events.lexicon import extend_with_kb, load_lexicon
    from veille.settings import Settings

    kb = Settings.coerce(None).kb()
    lex = load_lexicon()
    extend_with_kb(lex, kb)
    with cache.open("rb") as f:
        slim = pickle.load(f)  # noqa: S301 (a file this module wrote)
    return {p: (lex, kb, a, d) for p, (a, d) in slim.items()}


def finder_rows(parsed: dict[str, tuple], items: list[dict]) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Rows of the trigger finder for every candidate word of the annotated sentences, their class
    (index in ``[NONE, *EVENT_TYPES]``) and per word: site, page, listed or not, token."""
    from veille.events.model.finder import features, is_candidate, space_of
    from veille.events.view import ArticleView
    from veille.model import EVENT_TYPES

    labels = ["NONE", *EVENT_TYPES]
    views: dict[str, Any] = {}
    all_rows, classes, info = [], [], []
    for item in items:
        lex, kb, article, doc = parsed[item["page"]]
        view = views.get(item["page"])
        if view is None:
            doc.user_data.clear()
            view = views[item["page"]] = ArticleView(lex, article, doc, kb)
        listed = set(lex.verbs) | set(lex.nouns) | set(lex.adjs) | lex.cue("speech")
        toks = [t for t in item["span"] if is_candidate(t) and view.tok_entity[t.i] is None]
        seen: set[int] = set()
        keep = []
        for tok in toks:
            hit = next((k for k, (pos, words, _) in enumerate(item["triggers"]) if pos <= tok.idx < pos + len(words)),
                       None)
            if hit is not None and hit in seen:
                continue
            cls = 0
            if hit is not None:
                seen.add(hit)
                g = item["triggers"][hit][2]
                first = g["type"][0] if isinstance(g["type"], list) else g["type"]
                cls = labels.index(first) if first in labels else 0
            keep.append(tok)
            classes.append(cls)
            info.append({"site": item["site"], "page": item["page"], "listed": tok.lemma_.lower() in listed,
                         "tok": tok, "mode": item["triggers"][hit][2].get("mode") if hit is not None else None})
        if keep:
            all_rows.append(features(keep, view.tok_entity, space_of(lex, doc.vocab), lex.cue("speech")))
    return np.concatenate(all_rows).astype(np.float64), np.array(classes), info


def rule_words(parsed: dict[str, tuple]) -> dict[str, set[int]]:
    """Page -> the token indices of every rule candidate (models off): the words the rules already read."""
    from veille.events.coder import Coder

    out = {}
    for page, (lex, kb, article, doc) in parsed.items():
        doc.user_data.clear()
        coder = Coder(lex, article, doc, kb=kb)
        coder.model = coder.finder = None
        coder.reviewer = None
        coder.run()
        out[page] = {i for cand in coder.candidates for i in cand.tokens}
    return out


def word_context(info: list[dict]) -> np.ndarray:
    """Per candidate word of ``finder_rows``: its own static vector, its head's and its sentence's mean
    vector (unit rows), and whether it is a speech verb; what a token classifier adds to the finder's
    closeness-to-the-lexicon features."""
    def unit(vec: np.ndarray) -> np.ndarray:
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    rows = []
    for i in info:
        tok = i["tok"]
        head = unit(tok.head.vector) if tok.head.i != tok.i else np.zeros_like(tok.vector)
        rows.append(np.concatenate([unit(tok.vector), head, unit(tok.sent.vector)]))
    return np.asarray(rows, dtype=np.float64)
