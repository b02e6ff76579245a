"""One loader for the lexicon files of ``veille/lexicons/``, cached per process.

Every lexicon states where it comes from: a TSV file opens with ``#`` comment lines of which one
names its source (``# source: …`` or a line mentioning ``Source``), a JSON file has a ``_source``
key. The loader refuses a file without one, and a TSV row with fewer columns than the caller needs,
naming the file and line, so a broken edit fails at load time, not as a silent miss.

Files live in ``lexicons/`` (shared, historical names), ``lexicons/common/`` and
``lexicons/<stage>/``; ``name`` is the path below ``lexicons/`` (``"quotes/fillers.tsv"``).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


class LexiconError(ValueError):
    """A lexicon file that cannot be used as it stands."""


def lexicon_path(name: str) -> Path:
    path = LEXICON_DIR / name
    if not path.is_file():
        raise LexiconError(f"lexicons/{name}: no such lexicon")
    return path


def _has_source(comments: list[str]) -> bool:
    return any("source" in c.lower() for c in comments)


@functools.lru_cache(maxsize=256)
def _tsv(name: str) -> tuple[tuple[tuple[int, tuple[str, ...]], ...], tuple[str, ...]]:
    rows: list[tuple[int, tuple[str, ...]]] = []
    comments: list[str] = []
    for n, line in enumerate(lexicon_path(name).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            if not rows:
                comments.append(line)
            continue
        if not line.strip():
            continue
        rows.append((n, tuple(col.strip() for col in line.split("\t"))))
    if not _has_source(comments):
        raise LexiconError(f"lexicons/{name}: the header does not name a source")
    return tuple(rows), tuple(comments)


def rows(name: str, min_columns: int = 1) -> list[tuple[str, ...]]:
    """The data rows of a TSV lexicon (comments and blank lines skipped), cells stripped."""
    data, _ = _tsv(name)
    for n, cols in data:
        if len(cols) < min_columns or not cols[0]:
            raise LexiconError(f"lexicons/{name}:{n}: {min_columns} column(s) expected, got {len(cols)}")
    return [cols for _, cols in data]


def words(name: str) -> frozenset[str]:
    """The first column of a TSV lexicon as a set of lower-case words."""
    return frozenset(cols[0].lower() for cols in rows(name))


def mapping(name: str) -> dict[str, str]:
    """First column (lower case) -> second column ("" when absent)."""
    return {cols[0].lower(): (cols[1] if len(cols) > 1 else "") for cols in rows(name)}


def groups(name: str) -> dict[str, frozenset[str]]:
    """Two columns, group <TAB> word: the words of each group, lower case."""
    out: dict[str, set[str]] = {}
    for cols in rows(name, min_columns=2):
        out.setdefault(cols[0], set()).add(cols[1].lower())
    return {k: frozenset(v) for k, v in out.items()}


def header(name: str) -> list[str]:
    """The comment lines at the top of a TSV lexicon (its source, columns, review)."""
    return list(_tsv(name)[1])


@functools.lru_cache(maxsize=64)
def json_data(name: str) -> Any:
    """A JSON lexicon; it must carry a ``_source`` key. Callers must not mutate the result."""
    data = json.loads(lexicon_path(name).read_text(encoding="utf-8"))
    if not (isinstance(data, dict) and data.get("_source")):
        raise LexiconError(f"lexicons/{name}: no _source key")
    return data
