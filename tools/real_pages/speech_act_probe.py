"""A probe, not shipped: can a trained classifier read which act a speech verb carries (issue 13)?

    PYTHONPATH=src .venv/bin/python tools/real_pages/speech_act_probe.py --cache /tmp/ev.pkl

The real-sentence gold sets some triggers on the speech verb itself ("X a déclaré que …" coded
ACCUSE when what is said blames someone); the rules code such a verb only through a listed word of
the clause. This probe takes every speech verb of the dev sentences (``lexicons/speech_verbs.tsv``),
labels it with the type of a gold trigger on it (``NONE`` elsewhere), and fits a softmax regression
on the mean vector and hashed lemmas of the verb's subtree plus a few parse flags, in grouped
cross-validation by site (``event_cv.site_folds``, the held-out annotator's sites a fold of their
own). Printed: precision and recall of its proposals out of site on the speech verbs the rules leave
without a candidate, the only ones it could add.

Result on the 88 dev pages (2026-12-04): 1,188 such verbs, 58 of them gold triggers; at p ≥ .3 it
proposed 11 and none was right (0 at p ≥ .4 and .5): what a speech verb carries is not learnable
from a few dozen examples spread over 84 sites, so no third events model ships. Dev only.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))
from tools.real_pages import event_cv as cv  # noqa: E402

BUCKETS = 2048
SKIP_POS = frozenset({"PUNCT", "SPACE", "NUM", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PROPN", "SYM", "X"})
QUOTE_MARKS = frozenset("«»\"“”")


def speech_lemmas() -> set[str]:
    path = ROOT / "src" / "veille" / "lexicons" / "speech_verbs.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.strip() and not line.startswith("#") and len(cols) > 1 and cols[1] == "fr":
            out.add(cols[0])
    return out


def features(tok, span) -> np.ndarray:  # noqa: ANN001 - spaCy Token and Span
    """The mean vector and hashed lemmas of the verb's subtree (the sentence for a bare verb), then
    negation, a clause complement, quotation marks, a named subject, a direct object, a bias."""
    width = tok.doc.vocab.vectors_length
    row = np.zeros(width + BUCKETS + 6)
    subtree = list(tok.subtree)
    region = subtree if len(subtree) > 2 else list(span)
    vectors = [t.vector for t in region if t.has_vector and not t.is_punct and t.i != tok.i]
    if vectors:
        mean = np.mean(vectors, 0)
        norm = np.linalg.norm(mean)
        if norm:
            row[:width] = mean / norm
    lemmas = {t.lemma_.lower() for t in region if t.pos_ not in SKIP_POS and not t.is_stop and t.i != tok.i}
    lemmas.add("VERB=" + tok.lemma_.lower())
    for lem in lemmas:
        row[width + zlib.crc32(lem.encode()) % BUCKETS] = 1 / np.sqrt(len(lemmas))
    k = width + BUCKETS
    row[k] = any(c.dep_ == "advmod" and c.lower_ in ("ne", "n'", "pas") for c in tok.children)
    row[k + 1] = any(c.dep_ == "ccomp" for c in tok.children)
    row[k + 2] = any(t.text in QUOTE_MARKS for t in span)
    row[k + 3] = any(c.dep_ == "nsubj" and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children)
    row[k + 4] = any(c.dep_ == "obj" for c in tok.children)
    row[k + 5] = 1.0
    return row


def fit(x: np.ndarray, y: np.ndarray, n: int, l2: float = 1e-3, epochs: int = 300, rate: float = 0.05,
        seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression by full-batch Adam, classes weighed by rarity (bounded); seeded."""
    rng = np.random.default_rng(seed)
    w, b = rng.normal(0, 0.01, (x.shape[1], n)), np.zeros(n)
    onehot = np.eye(n)[y]
    counts = np.bincount(y, minlength=n)
    weight = (np.clip(len(y) / np.maximum(counts, 1) / n, 0.2, 10) ** 0.5)[y][:, None]
    mw = vw = mb = vb = 0.0
    for step in range(1, epochs + 1):
        grad = (probabilities((w, b), x) - onehot) * weight / len(y)
        gw, gb = x.T @ grad + l2 * w, grad.sum(0)
        mw, vw = 0.9 * mw + 0.1 * gw, 0.999 * vw + 0.001 * gw ** 2
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb ** 2
        w = w - rate * (mw / (1 - 0.9 ** step)) / (np.sqrt(vw / (1 - 0.999 ** step)) + 1e-8)
        b = b - rate * (mb / (1 - 0.9 ** step)) / (np.sqrt(vb / (1 - 0.999 ** step)) + 1e-8)
    return w, b


def probabilities(model: tuple[np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    z = x @ model[0] + model[1]
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def main() -> int:
    from veille.events.coder import Coder

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, help="the parsed dev pages (bench/events_cv.py --cache)")
    args = ap.parse_args()
    parsed = cv.load_or_parse(args.cache)
    items = cv.sentence_items(parsed)
    folds = cv.site_folds(items, 5, cv.held_pages())
    taken = {}
    for page, (lex, kb, art, doc) in parsed.items():
        doc.user_data.clear()
        coder = Coder(lex, art, doc, kb=kb)
        coder.run()
        taken[page] = {i for cand in coder.candidates for i in cand.tokens}
    speech = speech_lemmas()
    rows, labels, sites, free = [], [], [], []
    for it in items:
        for tok in it["span"]:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech:
                continue
            label = "NONE"
            for pos, words, g in it["triggers"]:
                if g.get("mode") in cv.RECORDED and pos <= tok.idx < pos + len(words):
                    label = g["type"][0] if isinstance(g["type"], list) else g["type"]
            rows.append(features(tok, it["span"]))
            labels.append(label)
            sites.append(it["site"])
            free.append(tok.i not in taken[it["page"]])
    names = ["NONE", *sorted({lab for lab in labels if lab != "NONE"})]
    y = np.array([names.index(lab) for lab in labels])
    x, site_of, free_of = np.stack(rows), np.array(sites), np.array(free)
    print(f"{len(y)} speech verbs, {int(free_of.sum())} without a rule candidate, of which gold triggers: "
          f"{dict(Counter(np.array(labels)[free_of & (y > 0)]))}")
    oof = np.zeros((len(y), len(names)))
    for held in folds:
        part = np.isin(site_of, list(held))
        oof[part] = probabilities(fit(x[~part], y[~part], len(names)), x[part])
    best, guess = oof[:, 1:].max(1), oof[:, 1:].argmax(1) + 1
    gold = int((free_of & (y > 0)).sum())
    for threshold in (0.3, 0.4, 0.5, 0.6):
        chosen = (best >= threshold) & free_of
        right = int((guess[chosen] == y[chosen]).sum())
        print(f"p ≥ {threshold}: {int(chosen.sum())} proposals, {right} right, recall {right / max(gold, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
