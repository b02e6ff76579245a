"""What the sentence-type model and the trigger finder share: the Adam update of their weights and
the reading of a shipped model's arrays (``NAME.npz``) and metadata (``NAME.json``); also the writing
and reading of the linear models over named features (the actor ranker, the unnamed chooser)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by the row maximum so that large scores do not overflow."""
    z = x - x.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def adam_step(slots: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], step: int,
              rate: float) -> None:
    """One Adam update, in place, of each (gradient, first moment, second moment, parameter)."""
    for g, m, v, p in slots:
        m *= 0.9
        m += 0.1 * g
        v *= 0.999
        v += 0.001 * g * g
        p -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)


def read_weights(directory: Path, name: str) -> tuple[dict[str, Any], np.ndarray, np.ndarray] | None:
    """(metadata, weights, bias) of a shipped model, or None when its files are absent."""
    npz, meta_path = directory / f"{name}.npz", directory / f"{name}.json"
    if not npz.exists() or not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with np.load(npz) as data:
        return meta, data["weights"].astype(np.float32), data["bias"].astype(np.float32)


M = TypeVar("M")


def load_linear(cls: Callable[..., M], directory: Path, name: str) -> M | None:
    """A shipped linear model (labels, weights, bias, feature width), or None when its files are absent."""
    read = read_weights(directory, name)
    if read is None:
        return None
    meta, weights, bias = read
    return cls(labels=list(meta["labels"]), weights=weights, bias=bias, width=int(meta["width"]), meta=meta)


def write_weights(directory: Path, name: str, weights: np.ndarray, bias: np.ndarray, meta: dict[str, Any]) -> None:
    """Ships a model: weights in half precision (the package stays small), bias and metadata as they are."""
    np.savez_compressed(directory / f"{name}.npz", weights=weights.astype(np.float16), bias=bias.astype(np.float32))
    (directory / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_named_weights(directory: Path, name: str, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray,
                        meta: dict[str, Any], labels: list[str]) -> None:
    """Ships a linear model over named features (feature -> row of ``weights``): the names go in the
    metadata in row order, so that ``read_named_weights`` rebuilds ``vocab``."""
    write_weights(directory, name, weights, bias,
                  {**meta, "labels": labels, "features": sorted(vocab, key=vocab.get)})


def read_named_weights(directory: Path, name: str) -> tuple[dict[str, int], dict[str, Any], np.ndarray, np.ndarray] | None:
    """(vocab, metadata without the feature names, weights, bias) of a model ``write_named_weights``
    shipped, or None when its files are absent."""
    read = read_weights(directory, name)
    if read is None:
        return None
    meta, weights, bias = read
    return {f: i for i, f in enumerate(meta.pop("features"))}, meta, weights, bias
