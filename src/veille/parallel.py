"""Extraction on every core of one machine: ``veille extract/ingest --workers N``.

The inputs are expanded in the parent (folders listed, sorted, as a serial run does; no file is
read there) and cut into small ordered chunks of files. N worker processes each build one
:class:`~veille.pipeline.Pipeline` (spaCy loaded once per process) and turn a chunk into articles;
the parent receives the chunks back in input order, so the output and the ids are those of a
serial run, and it stays the one writer to the store. A file that cannot be read still gives one
error line and the batch goes on; the chunk of a worker that dies (killed, out of memory) is
redone in the parent.

Each worker's numeric libraries (OpenBLAS, OpenMP, MKL, BLIS) run one thread: the workers already
fill the cores, and a pool of N processes each starting N threads would fight over them.

What differs from one process: the corpus context (the years of the articles already dated,
used to date an article that gives no year) is per worker, so it sees fewer articles.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
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
# Files per task: small enough that the last chunks end together (a worker idle at the end of a
# run of 200 files costs a few percent), large enough that the trip of the articles back to the
# parent stays a small part of the work (a chunk of 8 news pages takes about a second to parse).
MAX_CHUNK = 8
CHUNKS_PER_WORKER = 8
# Chunks in flight per worker: the parent waits for the oldest one (the output keeps the input
# order), so the others need work queued behind them; bounded so that a slow writer never piles
# up every result in memory.
IN_FLIGHT = 3
# Environment of the worker processes, set before they import numpy.
ONE_THREAD_ENV = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                         "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}

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
    """``files`` cut in order into about ``CHUNKS_PER_WORKER`` chunks per worker (at most
    ``MAX_CHUNK`` files each)."""
    size = max(1, min(MAX_CHUNK, len(files) // (workers * CHUNKS_PER_WORKER)))
    return [files[i:i + size] for i in range(0, len(files), size)]


def explaining_pipeline() -> Any:
    """A pipeline that records the rule behind each quote and event (``extract --explain``);
    a module-level function so worker processes and Dask can rebuild it by name."""
    from veille.pipeline import Pipeline
    from veille.settings import Settings

    return Pipeline(settings=Settings(explain=True))


def _start_worker(pipeline_factory: Callable[[], Any] | None, in_pool: bool = False) -> None:
    global _pipeline
    if in_pool:
        # Ctrl-C reaches the whole process group: the parent alone handles it (it stops the
        # workers and says what was kept), not every worker with a traceback of its own.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
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
            on_chunk: Callable[[int], None] | None = None,
            on_stage: Callable[[str, Article], None] | None = None) -> Iterator[Article]:
    """The articles of ``paths`` in input order, extracted by ``workers`` processes (None: one per
    core, fewer for a small input; 1: in this process). ``on_chunk(n_files)`` follows progress;
    ``on_stage(stage, article)`` hears each stage start when the work is done in this process
    (one worker: a single big file is, by default), the pipeline's ``on_stage``."""
    report = on_error or (lambda e: None)
    files, errors = expand(paths)
    for err in errors:
        report(err)
    auto = workers is None
    workers = default_workers() if auto else max(1, workers)
    if auto:
        workers = min(workers, max(1, len(files) // MIN_FILES_PER_WORKER))
    workers = min(workers, len(chunks(files, workers)))
    if workers <= 1:
        _start_worker(pipeline_factory)
        _pipeline.on_stage = on_stage
        try:
            for part in chunks(files, 1):
                yield from _deliver(extract_chunk(part, max_bytes), report)
                if on_chunk:
                    on_chunk(len(part))
        finally:
            _pipeline.on_stage = None
        return
    with Workers(workers, pipeline_factory) as pool:
        yield from pool.extract_files(files, max_bytes, report, on_chunk)


@contextlib.contextmanager
def _one_thread_env() -> Iterator[None]:
    """``ONE_THREAD_ENV`` in ``os.environ`` while worker processes start (they inherit it)."""
    saved = {k: os.environ.get(k) for k in ONE_THREAD_ENV}
    os.environ.update(ONE_THREAD_ENV)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _pid() -> int:
    return os.getpid()


class Workers:
    """``n`` worker processes, each with its pipeline loaded once, for one or several runs::

        with Workers(2) as pool:
            pool.ready()                  # optional: wait until every worker has its model
            for article in pool.extract(["pages/"]):
                ...
    """

    def __init__(self, n: int, pipeline_factory: Callable[[], Any] | None = None) -> None:
        self.n = max(1, n)
        self.pipeline_factory = pipeline_factory
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        stopped = exc_type is not None and issubclass(exc_type, KeyboardInterrupt | GeneratorExit)
        self.close(stop=stopped)

    def close(self, stop: bool = False) -> None:
        """Shuts the pool down once its chunks are done; ``stop`` (Ctrl-C, a reader that stopped
        reading): ends the workers now, their chunks are no longer wanted."""
        if self._pool is not None:
            if stop:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.terminate()
            self._pool.shutdown(wait=not stop, cancel_futures=True)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a fresh interpreter per worker, never a fork of a parent holding threads and locks.
            self._pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_start_worker, initargs=(self.pipeline_factory, True))
        return self._pool

    def _submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        # Processes start on demand, at a submit: the environment they inherit is set around it.
        with _one_thread_env():
            return self._executor().submit(fn, *args)

    def ready(self, timeout: float = 600.0) -> None:
        """Returns once every worker process has started and built its pipeline (a bench times
        the extraction, not the model loading)."""
        seen: set[int] = set()
        while len(seen) < self.n:
            seen.update(f.result(timeout=timeout) for f in [self._submit(_pid) for _ in range(self.n)])

    def extract(self, paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                on_error: Callable[[ReadError], None] | None = None,
                on_chunk: Callable[[int], None] | None = None) -> Iterator[Article]:
        """The articles of ``paths`` in input order."""
        report = on_error or (lambda e: None)
        files, errors = expand(paths)
        for err in errors:
            report(err)
        yield from self.extract_files(files, max_bytes, report, on_chunk)

    def extract_files(self, files: list[str], max_bytes: int, report: Callable[[ReadError], None],
                      on_chunk: Callable[[int], None] | None = None) -> Iterator[Article]:
        pending: deque[tuple[list[str], Future]] = deque()
        todo = iter(chunks(files, self.n))
        broken = False
        for part in itertools.islice(todo, self.n * IN_FLIGHT):
            pending.append((part, self._submit(extract_chunk, part, max_bytes)))
        while pending:
            part, future = pending.popleft()
            try:
                result = future.result()
            except Exception:  # the worker died (killed, out of memory): its chunk is redone here
                broken = True
                result = _redo(part, max_bytes, self.pipeline_factory, report)
            else:
                nxt = None if broken else next(todo, None)
                if nxt is not None:
                    pending.append((nxt, self._submit(extract_chunk, nxt, max_bytes)))
            yield from _deliver(result, report)
            if on_chunk:
                on_chunk(len(part))
            if not pending:  # after a broken pool, what was never submitted is redone here too
                for rest in todo:
                    yield from _deliver(_redo(rest, max_bytes, self.pipeline_factory, report), report)
                    if on_chunk:
                        on_chunk(len(rest))
        if broken:  # a broken pool takes no more work: the next run starts a new one
            self.close()


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


