"""The pipeline: named stages over one ``Article`` and one shared spaCy ``Doc``.

Two kinds of stage, run in the order of the registries below:

* a *text stage* runs before parsing: ``stage(article, ctx)``. Work that needs the whole run's
  corpus (a year deduced from the other articles' dates) goes through three optional methods:
  ``corpus_facts(articles, corpus)`` adds what a batch tells about the corpus (its dated years),
  ``waits(article)`` says an article needs the complete corpus, and ``finish(articles, corpus)``
  completes the waiting articles once every article of the run has been read. A waiting article
  is parsed, and goes through the doc stages, only then (it is never parsed twice), and comes
  out after the run's other articles (``held_last``): the others stream in input order, the
  held ones follow in input order. The answer depends on the input only, never on how it was
  cut into batches, chunks or workers.
  (``finish_batch(articles, ctx)``, both at once over one batch, is for callers that run the text
  stages by hand.)
* a *doc stage* runs after parsing: ``stage(article, doc, ctx)``, where ``doc`` is the parse of
  ``article.nlp_text()``.

A stage is a class built once per pipeline as ``Stage(ctx)``: it loads what it needs in
``__init__`` (never per article) and adds its own fields to the article. Stages never reach into
each other's internals: they read the article's fields.

Like a spaCy component, each stage declares ``requires`` (article fields it reads) and ``assigns``
(fields it writes); ``check_order`` refuses a pipeline where a stage reads a field that no earlier
stage (nor the reader) assigns.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from veille.common.apostrophes import parse_copy, with_text
from veille.model import Article, article_id
from veille.readers import DEFAULT_MAX_BYTES, Budget, RawDocument, ReadError, read_documents
from veille.settings import Settings
from veille.speaker_entities import check_speakers

# Fields an article has before any stage runs: what the reader gives.
READER_FIELDS = ("id", "source", "raw_text", "hints")

# "module:Class" of each stage, in order.
# Each stage's owner adds its line here, in this order:
#   text: clean, metadata, language; doc: entities, times, quantities, quotes, events.
TEXT_STAGES: list[str] = [
    "veille.clean:CleanStage",
    "veille.metadata:MetadataStage",
    "veille.language:LanguageStage",
]
DOC_STAGES: list[str] = [
    "veille.entities:EntityStage",
    "veille.times:TimeStage",
    "veille.quantities:QuantityStage",
    "veille.quotes:QuoteStage",
    "veille.events:EventStage",
]


@dataclass
class CorpusContext:
    """What a run knows about its corpus: the years of the articles dated by their own page."""

    years: dict[int, int] = field(default_factory=dict)  # year -> number of articles dated in it

    def add_date(self, value: str | None) -> None:
        if value and value[:4].isdigit():
            year = int(value[:4])
            self.years[year] = self.years.get(year, 0) + 1

    def merge(self, years: dict[int, int]) -> None:
        """Adds the years counted by another part of the same run (a worker's chunk)."""
        for year, n in years.items():
            self.years[year] = self.years.get(year, 0) + n


@dataclass
class Held:
    """An article that waits for the run's whole corpus (``waits``): text stages done, not parsed."""

    article: Article


@dataclass
class Stored:
    """An article whose id the caller's store already holds (``veille ingest`` run again): its text
    stages ran, so that the run's corpus facts are the same as on the first run, but it is not
    parsed: the store would keep its first record anyway."""

    article: Article


def held_last(items: Iterable[Article | Held | Stored],
              finish: Callable[[list[Article]], list[Article | None]]) -> Iterator[Article | Stored]:
    """The articles of ``items`` as they come, then the held ones, in input order, once ``items``
    is exhausted (the run's corpus is then complete) and ``finish`` has completed them (it returns
    them in order, None for one that failed). Only the held articles wait, never the others: a
    long run streams, and keeps no more than its held articles in memory."""
    held = []
    for item in items:
        if isinstance(item, Held):
            held.append(item.article)
        else:
            yield item
    for art in finish(held) if held else []:
        if art is not None:
            yield art


@dataclass
class Context:
    """Shared, read-mostly state handed to every stage."""

    nlp: Any = None
    corpus: CorpusContext = field(default_factory=CorpusContext)
    settings: Settings = field(default_factory=Settings)
    cache: dict[str, Any] = field(default_factory=dict)  # resources loaded once (KB, lexicons)

    def __post_init__(self) -> None:
        self.settings = Settings.coerce(self.settings)

    def kb(self) -> Any:
        """The knowledge base the settings name (``kb_dirs``), built once per process."""
        return self.settings.kb()


def _load(spec: str) -> type:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


class StageOrderError(ValueError):
    """A stage reads a field that no stage before it assigns."""


def check_order(stages: Iterable[Any]) -> None:
    """Raises ``StageOrderError`` when a stage ``requires`` a field nobody assigned before it."""
    have = set(READER_FIELDS)
    for stage in stages:
        missing = [f for f in getattr(stage, "requires", ()) if f not in have]
        if missing:
            raise StageOrderError(f"stage {getattr(stage, 'name', stage)!r} requires {', '.join(missing)}, "
                                  "which no earlier stage assigns")
        have.update(getattr(stage, "assigns", ()))


GC_YOUNG_THRESHOLD = 20000  # objects allocated between two young-generation collections (CPython: 700)


def settle_heap() -> None:
    """Keep the cyclic garbage collector off the loaded models and its young collections rare.

    The model, the lexicons and the KB are hundreds of thousands of objects that live as long as
    the process; every full collection walked them all again. The stages then allocate many
    short-lived per-article lists and dicts, and at CPython's default young threshold (700) the
    collector ran about a thousand times over the dumps corpus, a sixth of the events stage's time.
    Frozen objects are never collected, so the heap is collected first, and unfrozen before, so
    that a pipeline built again in the same process (tests) lets the previous one's objects go.
    Only the collector's schedule changes: no result depends on it."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    if 0 < young < GC_YOUNG_THRESHOLD:  # 0: collection turned off by the caller; larger: the caller's choice
        gc.set_threshold(GC_YOUNG_THRESHOLD, *older)


class Pipeline:
    """Builds articles from raw documents; load once, reuse for every batch."""

    def __init__(self, nlp: Any = None, text_stages: list[str] | None = None,
                 doc_stages: list[str] | None = None, batch_size: int = 64,
                 settings: Settings | dict[str, Any] | None = None, tune_gc: bool = True) -> None:
        if nlp is None:
            from veille.nlp import load_nlp

            nlp = load_nlp()
        self.ctx = Context(nlp=nlp, settings=Settings.coerce(settings))
        self.batch_size = batch_size
        self.text_stages = [_load(s)(self.ctx) for s in (TEXT_STAGES if text_stages is None else text_stages)]
        self.doc_stages = [_load(s)(self.ctx) for s in (DOC_STAGES if doc_stages is None else doc_stages)]
        check_order(self.text_stages + self.doc_stages)
        # Told ``(stage name, article)`` as each stage starts on an article ("parse" for the parser),
        # so a caller can say where a long input is (``veille ingest`` on a big page); None: silent.
        self.on_stage: Callable[[str, Article], None] | None = None
        if tune_gc:
            settle_heap()

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.text_stages + self.doc_stages]

    def new_article(self, raw: RawDocument) -> Article:
        art = Article(id=article_id(raw.content))
        art.source.path = raw.path
        art.source.url = raw.url
        art.raw_text = raw.text
        art.hints = {"kind": raw.kind, **raw.meta}
        return art

    def process(self, items: Iterable[RawDocument | ReadError],
                on_error: Callable[[ReadError], None] | None = None) -> Iterator[Article]:
        """Articles in input order, those that waited for the corpus last (``held_last``); read
        errors (and per-article failures) go to ``on_error``. The corpus is ``items``' own: a
        year-less date is resolved against the years of all of them."""
        corpus = CorpusContext()
        return held_last(self.first_pass(items, corpus, on_error), lambda held: self.finish(held, corpus, on_error))

    def first_pass(self, items: Iterable[RawDocument | ReadError], corpus: CorpusContext,
                   on_error: Callable[[ReadError], None] | None = None,
                   stored: Collection[str] = ()) -> Iterator[Article | Held | Stored]:
        """Every stage on each article, in input order, except on those that wait for the run's
        whole corpus (yielded as ``Held`` after their text stages) and on those whose id is in
        ``stored`` (yielded as ``Stored`` after them); ``corpus`` gets what each batch tells (its
        dated years)."""
        batch: list[RawDocument] = []
        for item in items:
            if isinstance(item, ReadError):
                if on_error:
                    on_error(item)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, corpus, on_error, stored)
                batch = []
        if batch:
            yield from self._run_batch(batch, corpus, on_error, stored)

    def finish(self, held: list[Article], corpus: CorpusContext,
               on_error: Callable[[ReadError], None] | None = None) -> list[Article | None]:
        """The held articles completed against the run's whole ``corpus`` (the text stages'
        ``finish``), parsed and through the doc stages; in order, None for one that failed."""
        report = on_error or (lambda err: None)
        self._stage_hook("finish", held, corpus, report)
        done = {id(art) for art in self._doc_batch(held, report)}
        return [art if id(art) in done else None for art in held]

    def _stage_hook(self, hook: str, articles: list[Article], corpus: CorpusContext,
                    report: Callable[[ReadError], None]) -> None:
        for stage in self.text_stages:
            method = getattr(stage, hook, None)
            if method:
                try:
                    method(articles, corpus)
                except Exception as exc:  # corpus-level hints are lost, the articles are not
                    report(ReadError(f"batch of {len(articles)} articles",
                                     f"{getattr(stage, 'name', stage)}.{hook}: {exc.__class__.__name__}: {exc}"))

    def _waits(self, art: Article) -> bool:
        return any(getattr(stage, "waits", None) and stage.waits(art) for stage in self.text_stages)

    def _run_batch(self, raws: list[RawDocument], corpus: CorpusContext, on_error,
                   stored: Collection[str] = ()) -> Iterator[Article | Held | Stored]:
        report = on_error or (lambda err: None)
        articles: list[Article] = []
        for raw in raws:
            try:
                art = self.new_article(raw)
                for stage in self.text_stages:
                    if self.on_stage:
                        self.on_stage(stage.name, art)
                    stage(art, self.ctx)
            except Exception as exc:  # one bad article never stops the batch
                # A stage's plain ValueError is its reason ("no article text found"); any other
                # exception is a crash, named by its class.
                reason = str(exc) if type(exc) is ValueError and str(exc) else f"{exc.__class__.__name__}: {exc}"
                report(ReadError(raw.origin, reason))
                continue
            articles.append(art)
        self._stage_hook("corpus_facts", articles, corpus, report)
        known = [art.id in stored for art in articles] if stored else [False] * len(articles)
        waiting = [not k and self._waits(art) for art, k in zip(articles, known, strict=True)]
        done = self._doc_batch([art for art, w, k in zip(articles, waiting, known, strict=True) if not (w or k)],
                               report)
        nxt = next(done, None)
        for art, wait, k in zip(articles, waiting, known, strict=True):
            if k:
                art.raw_text = None
                yield Stored(art)
            elif wait:
                yield Held(art)
            elif art is nxt:  # (an article the doc stages failed on is not in ``done``)
                yield art
                nxt = next(done, None)

    def _doc_batch(self, articles: list[Article], report: Callable[[ReadError], None]) -> Iterator[Article]:
        """The parse and the doc stages over ``articles``; those that fail are reported and left out."""
        for art, doc in self._parse(articles, report):
            try:
                for stage in self.doc_stages:
                    if self.on_stage:
                        self.on_stage(stage.name, art)
                    stage(art, doc, self.ctx)
            except Exception as exc:
                report(ReadError(article_origin(art), f"{exc.__class__.__name__}: {exc}"))
                continue
            check_speakers(art)  # SCHEMA: a quote's speaker is an entity of the article, or null
            art.raw_text = None
            yield art

    def _parse(self, articles: list[Article], report: Callable[[ReadError], None]) -> Iterator[tuple[Article, Any]]:
        """(article, doc) pairs. A text over the parser's limit is refused with its reason, not
        passed on to fail the whole batch; if the batch parse still fails, each article is parsed
        on its own so that only the culprit is lost."""
        limit = getattr(self.ctx.nlp, "max_length", None)
        fit = []
        for art in articles:
            size = len(art.nlp_text())
            if limit and size > limit:
                report(ReadError(article_origin(art), f"too long for the parser: {size} characters, the limit is "
                                               f"{limit} (split it into several articles)"))
            else:
                fit.append(art)
        # The parser reads a copy with look-alike apostrophes made normal ("quʼil" as "qu’il") and
        # no-break, narrow and thin spaces as plain ones (no SPACE token beside « » : ! ?);
        # each Doc is then put back over the article's own text (same tokens, same offsets).
        texts = [a.nlp_text() for a in fit]
        if self.on_stage:
            for art in fit:
                self.on_stage("parse", art)
        copies = [parse_copy(t) for t in texts]
        done = 0
        try:
            for doc in self.ctx.nlp.pipe(copies, batch_size=self.batch_size):
                # A text without look-alike apostrophes is its own copy (``parse_copy`` hands it back):
                # its Doc is already over it, and ``with_text`` would only join the Doc's text to see so.
                yield fit[done], doc if copies[done] is texts[done] else with_text(doc, texts[done])
                done += 1
        except Exception:
            for art, text in zip(fit[done:], texts[done:], strict=True):
                try:
                    doc = with_text(self.ctx.nlp(parse_copy(text)), text)
                except Exception as exc:
                    report(ReadError(article_origin(art), f"parser: {exc.__class__.__name__}: {exc}"))
                    continue
                yield art, doc

    def extract(self, paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                on_error: Callable[[ReadError], None] | None = None,
                budget: Budget | None = None, corpus: CorpusContext | None = None,
                stored: Collection[str] = ()) -> Iterator[Article | Held | Stored]:
        """The articles of ``paths``; given a ``corpus``, the first pass only (``first_pass``: a part
        of a larger run, whose held articles the run finishes once its corpus is complete; those
        whose id is in ``stored`` come as ``Stored``, unparsed)."""
        items = read_documents(paths, max_bytes=max_bytes, budget=budget)
        if corpus is not None:
            return self.first_pass(items, corpus, on_error, stored)
        return self.process(items, on_error=on_error)


def article_origin(art: Article) -> str:
    return art.source.path or art.source.url or art.id


def extract(paths: Iterable[str], **kwargs: Any) -> Iterator[Article]:
    """Convenience: a default pipeline over files, folders or URLs."""
    return Pipeline().extract(paths, **kwargs)
