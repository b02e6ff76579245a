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

The corpus of a run (the years of its articles dated by their own page, against which a
year-less dateline or stamp gets its year) is the whole input's, whatever the worker count: each
chunk returns its years and its year-less articles unparsed (``pipeline.Held``); once every chunk
is back, the parent sums the years and the workers finish the held articles against that sum
(``finish_chunk``: year, parse, doc stages). Those come out last, in input order, as from one
process (``pipeline.held_last``).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
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


# A chunk's result: its articles (held ones unparsed), what failed (and the readers' notes), its years.
ChunkResult = tuple[list[Any], list[ReadError], dict[int, int]]
# The held articles completed (None: failed) and what failed.
Finished = tuple[list[Article | None], list[ReadError]]


def extract_chunk(files: list[str], max_bytes: int = DEFAULT_MAX_BYTES, pipeline: Any = None,
                  stored: Collection[str] = ()) -> ChunkResult:
    """The first pass over ``files`` (``Pipeline.first_pass``): articles and held articles in
    input order (those whose id is in ``stored`` unparsed, as ``Stored``), what failed (and the
    readers' notes), and the years the chunk adds to the run's corpus; run in a worker (its pipeline)
    or given a ``pipeline``."""
    from veille.pipeline import CorpusContext

    errors: list[ReadError] = []
    corpus = CorpusContext()
    items = list((pipeline or _pipeline).extract(files, max_bytes=max_bytes, corpus=corpus,
                                                 on_error=errors.append,
                                                 stored=stored))
    return items, errors, corpus.years


def finish_chunk(held: list[Article], years: dict[int, int], pipeline: Any = None) -> Finished:
    """Held articles completed against the run's corpus ``years`` (``Pipeline.finish``)."""
    from veille.pipeline import CorpusContext

    errors: list[ReadError] = []
    done = (pipeline or _pipeline).finish(held, CorpusContext(dict(years)), on_error=errors.append)
    return done, errors


def finish_in_parts(held: list[Article], submit: Callable[[list[Article]], Any],
                    result_of: Callable[[list[Article], Any], Finished]) -> Finished:
    """``held`` cut into tasks of ``MAX_CHUNK`` articles, all submitted at once (``submit(part)``:
    a future), their results (``result_of(part, future)``) joined in order."""
    parts = [held[i:i + MAX_CHUNK] for i in range(0, len(held), MAX_CHUNK)]
    futures = [submit(part) for part in parts]
    done: list[Article | None] = []
    errors: list[ReadError] = []
    for part, future in zip(parts, futures, strict=True):
        part_done, part_errors = result_of(part, future)
        done += part_done
        errors += part_errors
    return done, errors


def in_run_order(results: Iterable[tuple[list[str], ChunkResult]],
                 finish: Callable[[list[Article], dict[int, int]], Finished],
                 report: Callable[[ReadError], None],
                 on_chunk: Callable[[int], None] | None = None) -> Iterator[Article]:
    """The articles of the chunks' ``results`` (in input order) in input order, then the held
    ones, finished by ``finish(held, years)`` once every chunk has given its years."""
    from veille.pipeline import CorpusContext, held_last

    corpus = CorpusContext()

    def items() -> Iterator[Any]:
        for part, (articles, errors, years) in results:
            for err in errors:
                report(err)
            corpus.merge(years)
            yield from articles
            if on_chunk:
                on_chunk(len(part))

    def finished(held: list[Article]) -> list[Article | None]:
        done, errors = finish(held, corpus.years)
        for err in errors:
            report(err)
        return done

    return held_last(items(), finished)


def extract(paths: Iterable[str], workers: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
            on_error: Callable[[ReadError], None] | None = None,
            pipeline_factory: Callable[[], Any] | None = None,
            on_chunk: Callable[[int], None] | None = None,
            on_stage: Callable[[str, Article], None] | None = None,
            stored: Collection[str] = ()) -> Iterator[Any]:
    """The articles of ``paths`` in input order, extracted by ``workers`` processes (None: one per
    core, fewer for a small input; 1: in this process); those whose id is in ``stored`` come
    unparsed, as ``pipeline.Stored``. ``on_chunk(n_files)`` follows progress;
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
            results = ((part, extract_chunk(part, max_bytes, None, stored)) for part in chunks(files, 1))
            yield from in_run_order(results, finish_chunk, report, on_chunk)
        finally:
            _pipeline.on_stage = None
        return
    with Workers(workers, pipeline_factory) as pool:
        yield from pool.extract_files(files, max_bytes, report, on_chunk, stored)


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
        self._broken = False  # a worker died during the run: the rest is done in this process

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
                      on_chunk: Callable[[int], None] | None = None,
                      stored: Collection[str] = ()) -> Iterator[Any]:
        self._broken = False
        yield from in_run_order(self._results(files, max_bytes, report, stored), self._finish, report, on_chunk)
        if self._broken:  # a broken pool takes no more work: the next run starts a new one
            self.close()

    def _results(self, files: list[str], max_bytes: int, report: Callable[[ReadError], None],
                 stored: Collection[str] = ()) -> Iterator[tuple[list[str], ChunkResult]]:
        """Each chunk with its result, in input order."""
        pending: deque[tuple[list[str], Future]] = deque()
        todo = iter(chunks(files, self.n))
        for part in itertools.islice(todo, self.n * IN_FLIGHT):
            pending.append((part, self._submit(extract_chunk, part, max_bytes, None, stored)))
        while pending:
            part, future = pending.popleft()
            try:
                result = future.result()
            except Exception:  # the worker died (killed, out of memory): its chunk is redone here
                self._broken = True
                result = self._here(extract_chunk, part, max_bytes, None, stored)
            else:
                nxt = None if self._broken else next(todo, None)
                if nxt is not None:
                    pending.append((nxt, self._submit(extract_chunk, nxt, max_bytes, None, stored)))
            yield part, result
            if not pending:  # after a broken pool, what was never submitted is redone here too
                for rest in todo:
                    yield rest, self._here(extract_chunk, rest, max_bytes, None, stored)

    def _finish(self, held: list[Article], years: dict[int, int]) -> Finished:
        """The held articles finished by the workers (here after a broken pool)."""
        def result_of(part: list[Article], future: Future | None) -> Finished:
            try:
                if future is None:
                    raise RuntimeError("the pool is broken")
                return future.result()
            except Exception:
                self._broken = True
                return self._here(finish_chunk, part, years)

        return finish_in_parts(held, lambda part: None if self._broken else self._submit(finish_chunk, part, years),
                               result_of)

    def _here(self, fn: Callable[..., Any], part: list[Any], *args: Any) -> Any:
        """``fn(part, *args)`` in this process, for a chunk whose worker died (the pipeline built
        once, on need); a failure here fails each of its articles."""
        if _pipeline is None:
            _start_worker(self.pipeline_factory)
        try:
            return fn(part, *args)
        except Exception as exc:
            reason = f"not extracted: {exc.__class__.__name__}: {exc}"
            if fn is finish_chunk:
                from veille.pipeline import article_origin

                return [None] * len(part), [ReadError(article_origin(a), reason) for a in part]
            return [], [ReadError(path, reason) for path in part], {}
