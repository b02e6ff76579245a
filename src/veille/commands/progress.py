"""Where a long input is: the stage a big page is in, for ``veille extract`` and ``veille ingest``.

The progress bar moves once per input file. A page of several megabytes is one file but seconds
to minutes of work, nearly all of it in one stage: measured on pages made by joining real pages
(a busy machine), a 1 MB HTML page spends about 1 s cleaning and 0.3 s in the rest, a 5 MB one
6 s cleaning and 1.5 s in the rest (its article is a few thousand characters long), while a long
text of 250,000 characters spends about a minute in the parser and then its time in the
doc stages. Nothing inside one stage can report how far it is, so what is shown is the stage:
on a terminal the bar's caption names the input and its stage; elsewhere (a log, cron) an input
of at least :data:`BIG_INPUT_CHARS` characters (an HTML page: :data:`BIG_HTML_CHARS`, or its text
:data:`BIG_INPUT_CHARS` from the parser on) gets one line per stage, saying how long the previous
one took.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import click

from veille.model import Article

# Inputs at least this long (characters of the page as read) get a line per stage off a terminal.
BIG_INPUT_CHARS = 200_000
# An HTML page only from this long: its markup is most of it, and a page of 200,000 to 400,000
# characters (a quarter of the real pages saved from news sites) is read in about a second, yet
# printed nine lines each in a cron log. Its text still counts from the parser on: an HTML page whose
# article is BIG_INPUT_CHARS long gets its lines from there.
BIG_HTML_CHARS = 2_000_000


def _name(art: Article) -> str:
    return art.source.path or art.source.url or art.id


class StageStatus:
    """``pipeline.on_stage``: the stage each article starts, shown as the bar's caption (on a
    terminal) or, for a big input (an HTML page from :data:`BIG_HTML_CHARS`), as a line on stderr (``desc: input: stage (N characters);
    previous stage took S s``)."""

    def __init__(self, bar: Any, desc: str, big: int | None = None, big_html: int | None = None) -> None:
        self.bar = bar
        self.desc = desc
        self.big = BIG_INPUT_CHARS if big is None else big
        self.big_html = BIG_HTML_CHARS if big_html is None else big_html
        self.current: tuple[str, str, float] | None = None  # (input, stage, started)

    def __call__(self, stage: str, art: Article) -> None:
        now = time.monotonic()
        name = _name(art)
        # Before the parser, the page as read; from the parser on, the text the parser reads.
        size = len(art.raw_text or "") if stage in ("clean", "metadata", "language") else len(art.nlp_text())
        raw = len(art.raw_text or "")
        previous = self.current
        self.current = (name, stage, now)
        if not getattr(self.bar, "disable", True):
            self.bar.set_postfix_str(f"{name}: {stage} ({size:,} chars)", refresh=True)
            return
        page_limit = self.big_html if art.hints.get("kind") == "html" else self.big
        text_stage = stage not in ("clean", "metadata", "language")
        if raw < page_limit and not (text_stage and size >= self.big):
            return
        took = ""
        if previous is not None and previous[0] == name:
            took = f"; {previous[1]} took {now - previous[2]:.1f} s"
        click.echo(f"{self.desc}: {name}: {stage} ({size:,} characters){took}", err=True)
        sys.stderr.flush()


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class LogLines:
    """Off a terminal (a cron job's log, a file) ``extract`` and ``ingest`` have no bar: they said
    nothing until their closing line (42 s for 40 pages; an hour for a big folder). This prints a few
    lines instead: what is read and that the model is loading, when it is loaded (the first article
    out), then how far the run is, at :data:`FIRST_EVERY` seconds and then at intervals doubling up to
    :data:`MOST_EVERY` (a run of an hour prints about ten lines)."""

    FIRST_EVERY = 30.0
    MOST_EVERY = 1800.0

    def __init__(self, desc: str, total: int | None, clock: Any = time.monotonic) -> None:
        self.desc = desc
        self.total = total
        self.clock = clock
        self.started = clock()
        self.first: float | None = None
        self.next_at = 0.0
        self.every = self.FIRST_EVERY

    def _echo(self, line: str) -> None:
        click.echo(f"{self.desc}: {line}", err=True)
        sys.stderr.flush()

    def start(self) -> None:
        inputs = f"{self.total} input(s)" if self.total is not None else "the inputs"
        self._echo(f"{inputs} to read; loading the language model")

    def article(self, n: int) -> None:
        """The ``n``-th article (from 1) is out."""
        now = self.clock()
        if self.first is None:
            self.first = now
            self.next_at = now + self.every
            self._echo(f"language model loaded in {_duration(now - self.started)}; extracting")
            return
        if now < self.next_at:
            return
        took = now - self.first
        per_second = n / took if took > 0 else 0.0
        rate = f", {per_second:.1f} a second" if per_second >= 1 else f", {per_second * 60:.1f} a minute" if took else ""
        of = f" (from {self.total} input(s))" if self.total is not None else ""
        self._echo(f"{n} articles extracted{of} in {_duration(took)}{rate}")
        self.every = min(self.every * 2, self.MOST_EVERY)
        self.next_at = now + self.every

