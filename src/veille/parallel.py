"""Extraction on every core of one machine: ``veille extract/ingest --workers N``.

The inputs are expanded in the parent (folders listed, sorted, as a serial run does) and cut into
small ordered chunks of files. N worker processes each build one :class:`~veille.pipeline.Pipeline`
(spaCy loaded once per process) and turn a chunk into articles; the parent receives the chunks
back in input order (``imap``), so the output and the ids are those of a serial run, and it stays
the one writer to the store. A file that cannot be read still gives one error line and the batch
goes on; the chunk of a worker that dies (killed, out of memory) is redone in the parent.

What differs from one process: the corpus context (the years of the articles already dated,
used to date an article that gives no year) is per worker, so it sees fewer articles.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from veille.model import Article
from veille.readers import DEFAULT_MAX_BYTES, ReadError
from veille.readers.sources import iter_paths

# Loading spaCy costs a few seconds per process: with the default worker count, a process is
# started only for every this many files (a folder of five files stays in one process).
MIN_FILES_PER_WORKER = 8
# Files per task: small enough to keep every worker busy to the end, large enough that the
# articles' trip back to the parent is a small part of the work.
MAX_CHUNK = 16

_pipeline: Any = None


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def expand(paths: Iterable[str]) -> tuple[list[str], list[ReadError]]:
    """The input files and URLs in the order a serial run reads them, and the folders that
    could not be listed."""
    files, errors = [], []
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            files.append(str(item))
    return files, errors


def chunks(files: list[str], workers: int) -> list[list[str]]:
    """``files`` cut in order into about four chunks per worker (at most ``MAX_CHUNK`` files each)."""
    size = max(1, min(MAX_CHUNK, len(files) // (workers * 4)))
    return [files[i:i + size] for i in range(0, len(files), size)]


def explaining_pipeline() -> Any:
    """A pipeline that records the rule behind each quote and event (``extract --explain``);
    a module-level function so worker processes and Dask can rebuild it by name."""
    from veille.pipeline import Pipeline
    from veille.settings import Settings

    return Pipeline(settings=Settings(explain=True))


def _start_worker(pipeline_factory: Callable[[], Any] | None) -> None:
    global _pipeline
    if pipeline_factory is None:
        from veille.pipeline import Pipeline

        pipeline_factory = Pipeline
    _pipeline = pipeline_factory()


def extract_chunk(files: list[str], max_bytes: int = DEFAULT_MAX_BYTES,
                  pipeline: Any = None) -> tuple[list[Article], list[tuple[str, str]]]:
    """The articles of ``files`` and the (origin, reason) of what failed, in input order; run in
    a worker (its pipeline) or given a ``pipeline``."""
    errors: list[tuple[str, str]] = []
    articles = list((pipeline or _pipeline).extract(files, max_bytes=max_bytes,
                                                     on_error=lambda e: errors.append((e.origin, e.reason))))
    return articles, errors


def extract(paths: Iterable[str], workers: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
            on_error: Callable[[ReadError], None] | None = None,
            pipeline_factory: Callable[[], Any] | None = None,
            on_chunk: Callable[[int], None] | None = None) -> Iterator[Article]:
    """The articles of ``paths`` in input order, extracted by ``workers`` processes (None: one per
    core, fewer for a small input; 1: in this process). ``on_chunk(n_files)`` follows progress."""
    report = on_error or (lambda e: None)
    files, errors = expand(paths)
    for err in errors:
        report(err)
    auto = workers is None
    workers = default_workers() if auto else max(1, workers)
    if auto:
        workers = min(workers, max(1, len(files) // MIN_FILES_PER_WORKER))
    parts = chunks(files, workers)
    workers = min(workers, len(parts))
    if workers <= 1:
        _start_worker(pipeline_factory)
        for part in parts:
            yield from _deliver(extract_chunk(part, max_bytes), report)
            if on_chunk:
                on_chunk(len(part))
        return
    # spawn: a fresh interpreter per worker, never a fork of a parent holding threads and locks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(pipeline_factory,)) as pool:
        # A bounded window of chunks in flight: a slow writer never piles up every result.
        pending: deque[tuple[list[str], Future]] = deque()
        todo = iter(parts)
        for part in itertools.islice(todo, workers * 2):
            pending.append((part, pool.submit(extract_chunk, part, max_bytes)))
        while pending:
            part, future = pending.popleft()
            try:
                result = future.result()
            except Exception:  # the worker died (killed, out of memory): its chunk is redone here
                result = _redo(part, max_bytes, pipeline_factory, report)
            else:
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(extract_chunk, nxt, max_bytes)))
            yield from _deliver(result, report)
            if on_chunk:
                on_chunk(len(part))
            if not pending:  # after a broken pool, what was never submitted is redone here too
                for rest in todo:
                    yield from _deliver(_redo(rest, max_bytes, pipeline_factory, report), report)
                    if on_chunk:
                        on_chunk(len(rest))


def _redo(part: list[str], max_bytes: int, pipeline_factory: Callable[[], Any] | None,
          report: Callable[[ReadError], None]) -> tuple[list[Article], list[tuple[str, str]]]:
    """A chunk whose worker died, extracted in this process (its pipeline built once, on need)."""
    if _pipeline is None:
        _start_worker(pipeline_factory)
    try:
        return extract_chunk(part, max_bytes)
    except Exception as exc:
        return [], [(path, f"not extracted: {exc.__class__.__name__}: {exc}") for path in part]


def _deliver(result: tuple[list[Article], list[tuple[str, str]]],
             report: Callable[[ReadError], None]) -> Iterator[Article]:
    articles, errors = result
    for origin, reason in errors:
        report(ReadError(origin, reason))
    yield from articles


