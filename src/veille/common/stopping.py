"""SIGTERM handled as Ctrl-C by the long commands (``ingest``, ``extract``, ``watch``).

``kill``, ``systemctl stop``, ``docker stop`` and ``timeout`` send SIGTERM, whose default ends
the process on the spot: no line saying what was kept, worker processes left to notice alone,
the articles already extracted but not yet committed thrown away. Raised as
``KeyboardInterrupt`` in the main thread, SIGTERM takes the path Ctrl-C takes: what was
extracted is stored, the workers are stopped, one line says what was kept, and the exit status
is 143 (128 + SIGTERM, as a shell reports it). A second SIGTERM ends the process at once, as the
default would (SQLite rolls an open transaction back on the next open: nothing half-written).
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from typing import NoReturn

INTERRUPT_STATUS = 130  # 128 + SIGINT
TERMINATE_STATUS = 143  # 128 + SIGTERM

_received: list[int] = []


def exit_status() -> int:
    """The status to exit with after a ``KeyboardInterrupt``: 143 when SIGTERM raised it."""
    return TERMINATE_STATUS if signal.SIGTERM in _received else INTERRUPT_STATUS


def exit_interrupted(status: int | None = None) -> NoReturn:
    """Exit with ``status`` (default: :func:`exit_status`) once an interrupt has been handled.

    CPython remembers a ``KeyboardInterrupt`` that ended code run from a string (``exec``/``eval``:
    dataclasses and namedtuples build their methods so while modules load), even one caught
    afterwards, and under ``python -m`` it then ends the process by SIGINT instead of with the
    status given (subprocess sees -2, not 130). Running any string resets that memory."""
    exec("None")
    sys.exit(exit_status() if status is None else status)


def stop_signal_name() -> str:
    """`` by SIGTERM`` when SIGTERM stopped the command, else nothing (Ctrl-C, the usual case):
    the words its last line adds after "interrupted"."""
    return " by SIGTERM" if signal.SIGTERM in _received else ""


def _raise_interrupt(signum: int, frame: object) -> None:
    _received.append(signum)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the second one is not negotiated
    raise KeyboardInterrupt


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises ``KeyboardInterrupt`` in the main thread; outside it, or
    off the main thread (where no handler can be set), nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def interrupt_behind(exc: BaseException) -> bool:
    """Whether a ``KeyboardInterrupt`` caused ``exc``: a compiled extension whose initialisation
    Ctrl-C lands in (scipy's, loaded by datasketch when the store opens) reports it as
    ``ImportError: initialization failed`` raised from the interrupt, so the interrupt would
    otherwise come out as a failure with status 1."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return False
