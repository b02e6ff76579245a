"""A CPU-time sampling profiler (SIGPROF), for ``bench/stage_cpu.py --sample STAGE``.

cProfile's per-call overhead is several times the cost of the events stage's many small functions,
so its shares overstate them; a sample taken every millisecond of the process's CPU time (user and
system, ``ITIMER_PROF``) costs nothing between samples. Each sample counts once for the function it
lands in (own time), once for its line, and once for every distinct function on the stack
(inclusive time). A sample taken during a long C call lands on the next line that checks for
signals (often the first loop of the next function called): read a costly-looking line that does
nothing as its caller's work. Unix only.
"""

from __future__ import annotations

import signal
from collections import Counter
from types import FrameType
from typing import TextIO

Key = tuple[str, str, int]  # (file, function, first line)


class Sampler:
    """``start()``/``stop()`` around the calls to profile; ``report()`` prints the tables."""

    def __init__(self, interval: float = 0.001) -> None:
        self.interval = interval
        self.own: Counter[Key] = Counter()
        self.inclusive: Counter[Key] = Counter()
        self.lines: Counter[tuple[str, str, int]] = Counter()
        self.callers: Counter[tuple[Key, Key]] = Counter()  # (function, its caller) of the own samples
        self.total = 0
        self.on = False
        signal.signal(signal.SIGPROF, self._take)

    def start(self) -> None:
        self.on = True
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        self.on = False

    def _take(self, signum: int, frame: FrameType | None) -> None:
        if not self.on or frame is None:
            return
        self.total += 1
        code = frame.f_code
        own = (code.co_filename, code.co_name, code.co_firstlineno)
        self.own[own] += 1
        back = frame.f_back
        if back is not None:
            self.callers[(own, (back.f_code.co_filename, back.f_code.co_name, back.f_code.co_firstlineno))] += 1
        self.lines[(code.co_filename, code.co_name, frame.f_lineno)] += 1
        seen = set()
        f: FrameType | None = frame
        while f is not None:
            c = f.f_code
            key = (c.co_filename, c.co_name, c.co_firstlineno)
            if key not in seen:
                seen.add(key)
                self.inclusive[key] += 1
            f = f.f_back

    def report(self, out: TextIO, top: int = 30) -> None:
        """Own and inclusive shares by function, then own shares by line (percent of the samples)."""
        n = max(self.total, 1)
        print(f"{self.total} samples ({1000 * self.interval:.1f} ms of CPU each)", file=out)
        for title, table in (("own", self.own), ("inclusive", self.inclusive), ("own, by line", self.lines)):
            print(f"-- {title}", file=out)
            for (path, name, line), count in table.most_common(top):
                print(f"{100 * count / n:6.1f}%  {name}  {_short(path)}:{line}", file=out)
        print("-- own, by caller (the first functions of the own table)", file=out)
        for key, _ in self.own.most_common(min(top, 15)):
            calls = sorted(((c, k[1]) for k, c in self.callers.items() if k[0] == key), reverse=True)[:3]
            print(f"{key[1]} {_short(key[0])}:{key[2]} <- " + ", ".join(
                f"{caller[1]} {_short(caller[0])}:{caller[2]} {100 * c / n:.1f}%" for c, caller in calls), file=out)


def _short(path: str) -> str:
    """A source path from the package (or the library) on: ``veille/events/coder.py``."""
    for mark in ("/veille/", "/site-packages/", "/lib/python"):
        at = path.rfind(mark)
        if at != -1:
            return path[at + 1:]
    return path
