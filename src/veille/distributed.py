"""Extraction on a Dask cluster: ``veille extract/ingest --scheduler tcp://HOST:8786``.

The client expands the inputs (lists folders, reads no file) and sends ordered partitions of files
(:func:`veille.parallel.chunks`) to the cluster; each Dask worker builds one pipeline (spaCy
loaded once per worker process; its numeric libraries on one thread, as Dask's nanny sets) and
returns the partition's articles and errors. The client takes them back in input order and is the
one writer to the store, so the store needs no network access from the workers.

At least once: a worker that dies mid-partition (killed, out of memory) has its partition
rescheduled by Dask on another worker; a partition that fails (an exception) is retried; and a
run killed before its end is simply run again: an article already stored is not stored twice
(``Store.add`` is idempotent on the article id, which comes from the input).

The workers read the input files themselves: on a real cluster the paths must be the same on
every machine (a shared folder), as with any Dask job reading files.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

from veille import parallel
from veille.model import Article
from veille.readers import DEFAULT_MAX_BYTES, ReadError

# A partition whose task raises is tried this many more times before its files count as failed.
RETRIES = 2
# Partitions in flight per worker thread: enough to keep every worker busy while the client waits
# for the oldest (the output keeps the input order), bounded for memory.
IN_FLIGHT = parallel.IN_FLIGHT

_pipelines: dict[Any, Any] = {}


def _pipeline_for(pipeline_factory: Callable[[], Any] | None) -> Any:
    """This worker process's pipeline for ``pipeline_factory``, built once."""
    # By name: a factory sent by value arrives as a new object with every partition.
    key = None if pipeline_factory is None else f"{pipeline_factory.__module__}.{pipeline_factory.__qualname__}"
    pipeline = _pipelines.get(key)
    if pipeline is None:
        if pipeline_factory is None:
            from veille.pipeline import Pipeline

            pipeline = Pipeline()
        else:
            pipeline = pipeline_factory()
        _pipelines[key] = pipeline
    return pipeline


def warm_up(pipeline_factory: Callable[[], Any] | None = None) -> None:
    """Builds the worker's pipeline now, before any partition: ``client.run(warm_up)`` loads the
    model on every worker at once (a bench then times the extraction, not the loading)."""
    _pipeline_for(pipeline_factory)


def _partition(files: list[str], max_bytes: int,
               pipeline_factory: Callable[[], Any] | None, stored: Collection[str] = ()) -> parallel.ChunkResult:
    """Runs on a Dask worker: the partition's first pass (its pipeline built once)."""
    return parallel.extract_chunk(files, max_bytes, pipeline=_pipeline_for(pipeline_factory), stored=stored)


def _finish(held: list[Article], years: dict[int, int],
            pipeline_factory: Callable[[], Any] | None) -> parallel.Finished:
    """Runs on a Dask worker: held articles finished against the run's corpus years."""
    return parallel.finish_chunk(held, years, pipeline=_pipeline_for(pipeline_factory))


def extract(paths: Iterable[str], scheduler: Any, max_bytes: int = DEFAULT_MAX_BYTES,
            on_error: Callable[[ReadError], None] | None = None,
            pipeline_factory: Callable[[], Any] | None = None,
            on_chunk: Callable[[int], None] | None = None, stored: Collection[str] = ()) -> Iterator[Any]:
    """The articles of ``paths`` in input order, extracted on the cluster of ``scheduler`` (an
    address such as ``tcp://host:8786`` or a ``distributed.Client``); those whose id is in
    ``stored`` unparsed, as ``pipeline.Stored``."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - depends on the installation
        raise RuntimeError("--scheduler needs Dask: pip install 'veille[dask]'") from None
    report = on_error or (lambda e: None)
    files, errors = parallel.expand(paths)
    for err in errors:
        report(err)
    own_client = not isinstance(scheduler, Client)
    client = Client(scheduler) if own_client else scheduler
    try:
        threads = max(1, sum(client.nthreads().values()))

        def finish(held: list[Article], years: dict[int, int]) -> parallel.Finished:
            def result_of(part: list[Article], future: Any) -> parallel.Finished:
                from veille.pipeline import article_origin

                try:
                    return future.result()
                except Exception as exc:  # retried RETRIES times, or its workers kept dying
                    return [None] * len(part), [ReadError(article_origin(a), _lost(exc)) for a in part]
                finally:
                    future.release()

            return parallel.finish_in_parts(held, lambda part: client.submit(
                _finish, part, years, pipeline_factory, pure=False, retries=RETRIES), result_of)

        yield from parallel.in_run_order(_results(client, files, threads, max_bytes, pipeline_factory, stored),
                                         finish, report, on_chunk)
    finally:
        if own_client:
            client.close()


def _lost(exc: Exception) -> str:
    return f"not extracted on the cluster: {exc.__class__.__name__}: {exc}"


def _results(client: Any, files: list[str], threads: int, max_bytes: int,
             pipeline_factory: Callable[[], Any] | None,
             stored: Collection[str] = ()) -> Iterator[tuple[list[str], parallel.ChunkResult]]:
    """Each partition with its first pass, in input order, ``IN_FLIGHT`` per worker thread at once."""
    todo = iter(parallel.chunks(files, threads))
    pending: list[tuple[list[str], Any]] = []

    def submit(part: list[str]) -> None:
        # pure=False: the same files twice are two tasks (a rerun after a failure recomputes).
        pending.append((part, client.submit(_partition, part, max_bytes, pipeline_factory, stored,
                                            pure=False, retries=RETRIES)))

    for part in [p for _, p in zip(range(threads * IN_FLIGHT), todo, strict=False)]:
        submit(part)
    while pending:
        part, future = pending.pop(0)
        try:
            result = future.result()
        except Exception as exc:  # retried RETRIES times, or its workers kept dying
            result = [], [ReadError(f, _lost(exc)) for f in part], {}
        finally:
            future.release()
        nxt = next(todo, None)
        if nxt is not None:
            submit(nxt)
        yield part, result
