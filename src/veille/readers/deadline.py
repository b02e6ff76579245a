"""One deadline for a whole HTTP exchange: the connection, the request, the response head and its
body, every redirect.

httpx's timeouts hold for each network operation alone, so a server that sends its response head
one byte every few seconds (the headers are read before ``iter_raw`` yields anything, where the
reader checks its clock) was waited for as long as it trickled: a batch hung for hours on one URL.
Here every read, write and connection is given at most the time left before the deadline, and none
starts once it has passed (``httpcore.ReadTimeout``, which httpx raises as ``httpx.ReadTimeout``)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import httpcore
import httpx

_local = threading.local()


class _Clock:
    """A fixed deadline, or (None) the one the calling thread set with :func:`deadline_of`: a client
    shared by threads, each request under its own (httpx's sync client does its I/O in the caller)."""

    def __init__(self, deadline: float | None) -> None:
        self.fixed = deadline
        self.heard = False  # some byte came back (a fixed clock's; a thread's own: ``heard_back``)

    def mark_heard(self) -> None:
        if self.fixed is not None:
            self.heard = True
        else:
            _local.heard = True

    def left(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` cut to the time left; ``error`` when none is left."""
        deadline = self.fixed if self.fixed is not None else getattr(_local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise error("the time allowed for this URL is spent")
        return left if timeout is None else min(timeout, left)


@contextlib.contextmanager
def deadline_of(deadline: float) -> Iterator[None]:
    """Within the block, this thread's requests through a ``deadline_transport()`` (no deadline of
    its own) end by ``deadline`` (``time.monotonic()``)."""
    before = getattr(_local, "deadline", None), getattr(_local, "heard", False)
    _local.deadline, _local.heard = deadline, False
    try:
        yield
    finally:
        _local.deadline, _local.heard = before


def heard_back() -> bool:
    """Whether, in this thread's :func:`deadline_of` block, a server sent any byte back: a request
    cut at its deadline then was too slow, not silent."""
    return bool(getattr(_local, "heard", False))


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, clock: _Clock) -> None:
        self._inner = inner
        self._clock = clock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._inner.read(max_bytes, self._clock.left(timeout, httpcore.ReadTimeout))
        if data:
            self._clock.mark_heard()
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # Written in pieces, each under the time left: one large write under one socket timeout
        # could otherwise outlast the deadline by that timeout.
        view = memoryview(buffer)
        for start in range(0, len(view), 65536):
            self._inner.write(bytes(view[start:start + 65536]), self._clock.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._clock.left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner, self._clock)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, clock: _Clock) -> None:
        self._inner = httpcore.SyncBackend()
        self._clock = clock

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, self._clock.left(timeout, httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _DeadlineStream(stream, self._clock)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(path, self._clock.left(timeout, httpcore.ConnectTimeout),
                                                 socket_options)
        return _DeadlineStream(stream, self._clock)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


def deadline_transport(deadline: float | None = None, **options: Any) -> httpx.HTTPTransport:
    """An httpx transport (``options``: those of ``httpx.HTTPTransport``) whose every network
    operation ends by ``deadline`` (``time.monotonic()``), or, with None, by the deadline the
    calling thread set with :func:`deadline_of` (none outside such a block)."""
    transport = httpx.HTTPTransport(**options)
    clock = _Clock(deadline)
    transport.deadline_clock = clock  # type: ignore[attr-defined]  # ``heard``: whether any byte came back
    # httpx builds its connection pool itself and names no network backend; the pool keeps the one
    # it uses here (httpcore 1.x). tests/test_hostile_round7.py fails if that ever changes.
    transport._pool._network_backend = _DeadlineBackend(clock)
    return transport
