"""One polling round: every due source fetched (sources in parallel, each host one request at a
time), the article URLs they list that are new (or that their source says were updated) fetched,
extracted by one loaded ``Pipeline`` and stored as they come, in the main thread.

Fetching happens in worker threads that only touch the network; every database read and write
happens in the calling thread, so the store's one connection is never shared.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from veille.model import article_id
from veille.readers import ReadError, read_bytes
from veille.readers.base import Budget, decode
from veille.store_ingest import AlertsSent, Ingest
from veille.watch import schema
from veille.watch.discover import SourceError, canonical_url, list_articles
from veille.watch.fetch import Fetcher, FetchError, FetchSettings, Response
from veille.watch.urls import url_key

MAX_ITEMS = 500  # article URLs taken from one source in one round
MAX_CHILD_SITEMAPS = 50
BATCH = 16  # pages extracted together
# Fetched pages waiting for extraction: when extraction is slower than the network, the fetching
# threads wait instead of holding every page of the round in memory.
QUEUE_SIZE = 4 * BATCH


@dataclass
class RoundReport:
    polled: int = 0
    failing: int = 0
    not_modified: int = 0
    new: int = 0
    versions: int = 0
    unchanged: int = 0
    errors: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0  # of ``seconds``, spent extracting and storing (the rest: waiting on the network)
    new_ids: list[str] = field(default_factory=list)

    def line(self, number: int) -> str:
        return (f"round {number}: {self.polled} source(s) polled, {self.failing} failing, "
                f"{self.not_modified} not modified; {self.new} new article(s), {self.versions} new version(s), "
                f"{self.unchanged} unchanged, {self.errors} error(s) in {self.seconds:.1f} s")


@dataclass
class Page:
    source: dict[str, Any]
    key: str
    url: str
    stamp: str | None
    listed_key: str = ""  # the key of the URL as the source listed it (``key`` may follow a redirect)
    response: Response | None = None
    error: str | None = None


@dataclass
class SourceResult:
    source: dict[str, Any]
    kind: str | None = None
    response: Response | None = None
    error: str | None = None


_DONE = object()


class Watcher:
    """Polls the sources of ``store``; ``pipeline_factory`` builds the pipeline on first need."""

    def __init__(self, store: Any, pipeline_factory: Callable[[], Any], settings: FetchSettings | None = None,
                 workers: int = 8, on_error: Callable[[str], None] | None = None,
                 alert_config: Any = None) -> None:
        self.store = store
        # The one way in (veille.store_ingest): stored as `veille ingest` and the web store, and
        # ``send_alerts`` after a round mails what the new articles matched.
        self.ingest = Ingest(store, config=alert_config)
        self.pipeline_factory = pipeline_factory
        self.settings = settings or FetchSettings()
        self.workers = workers
        self.on_error = on_error or (lambda line: None)
        self._pipeline: Any = None

    def send_alerts(self) -> AlertsSent | None:
        """Mails and webhooks for every pending alert match (what this round stored, what an
        earlier run left to retry), as `veille ingest` sends them; None when nothing was pending."""
        return self.ingest.send_alerts(only_if_added=False)

    def pipeline(self) -> Any:
        if self._pipeline is None:
            self._pipeline = self.pipeline_factory()
        return self._pipeline

    def run_round(self, every: bool = False) -> RoundReport:
        """Polls the due sources (all with ``every``) once."""
        started = time.monotonic()
        report = RoundReport()
        conn = self.store.conn
        sources = schema.due_sources(conn, schema.now(), every=every)
        known = {r["url_key"]: r["stamp"] for r in conn.execute("SELECT url_key, stamp FROM watch_urls")}
        claimed: set[str] = set()
        claim_lock = threading.Lock()
        results: queue.Queue = queue.Queue(maxsize=QUEUE_SIZE)
        stop = threading.Event()
        fetcher = Fetcher(self.settings)

        def put(item: object) -> bool:
            """Hands ``item`` to the calling thread; False once the round is being abandoned."""
            while not stop.is_set():
                try:
                    results.put(item, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def claim(key: str, stamp: str | None) -> bool:
            """True for the one worker that fetches ``key`` this round, when it is new or updated."""
            with claim_lock:
                if key in claimed or (key in known and (stamp is None or known[key] == stamp)):
                    return False
                claimed.add(key)
                return True

        def follow(source: dict[str, Any]) -> None:
            try:
                self._follow(fetcher, source, claim, put)
            except Exception as exc:  # a bug in one source's handling must not stop the round
                put(SourceResult(source, error=f"{exc.__class__.__name__}: {exc}"))

        pool = ThreadPoolExecutor(max_workers=max(1, self.workers))
        try:
            futures = [pool.submit(follow, s) for s in sources]
            threading.Thread(target=lambda: ([f.result() for f in futures], put(_DONE)), daemon=True).start()
            pending: dict[int, int] = {}
            item = results.get()
            while item is not _DONE:
                # Pages waiting are extracted together (spaCy parses a batch faster than its parts);
                # a source's result always comes after its pages, so it is handled after them.
                batch: list[Page] = []
                while isinstance(item, Page) and len(batch) < BATCH:
                    batch.append(item)
                    try:
                        item = results.get_nowait()
                    except queue.Empty:
                        item = None
                if batch:
                    self._store_pages(batch, report, pending)
                if isinstance(item, SourceResult):
                    self._source_done(item, report, pending)
                    item = None
                if item is None:
                    item = results.get()
        finally:
            stop.set()  # only set early when the loop above raised: the workers then stop soon
            pool.shutdown(wait=True, cancel_futures=True)
            fetcher.close()
        report.seconds = time.monotonic() - started
        return report

    # -- in worker threads: network only -------------------------------------------------------------

    def _follow(self, fetcher: Fetcher, source: dict[str, Any], claim: Callable[[str, str | None], bool],
                put: Callable[[object], bool]) -> None:
        try:
            resp = fetcher.get(source["url"], source["etag"], source["last_modified"])
            if resp.not_modified:
                put(SourceResult(source, response=resp))
                return
            listing = list_articles(resp.content, resp.url)
            items = listing.items
            if listing.kind == "index":
                items = self._children(fetcher, items)
        except (FetchError, SourceError) as exc:
            put(SourceResult(source, error=str(exc)))
            return
        for url, stamp in items[:MAX_ITEMS]:
            key = url_key(url)
            if not claim(key, stamp):
                continue
            page = Page(source, key, url, stamp, listed_key=key)
            try:
                page.response = fetcher.get(url)
                final_key = url_key(page.response.url)
                canonical = canonical_url(decode(page.response.content[:300_000]), page.response.url)
                for other in dict.fromkeys(k for k in (final_key, canonical and url_key(canonical)) if k):
                    # Reached under another URL (a redirect, a canonical link): fetched once, under it.
                    if other != key and not claim(other, stamp):
                        page.error = "same article as an URL already fetched"
                        break
                    page.key = other if other != key else page.key
            except (FetchError, ValueError) as exc:
                page.error = str(exc)
            if not put(page):
                return
        put(SourceResult(source, kind=listing.kind, response=resp))

    def _children(self, fetcher: Fetcher, sitemaps: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        items: list[tuple[str, str | None]] = []
        for url, _ in sitemaps[:MAX_CHILD_SITEMAPS]:
            try:
                items.extend(list_articles(fetcher.get(url).content, url).items)
            except (FetchError, SourceError):
                continue
        return items

    # -- in the calling thread: extraction and the store -----------------------------------------------

    def _source_done(self, item: SourceResult, report: RoundReport, pending: dict[int, int]) -> None:
        conn = self.store.conn
        source, at = item.source, schema.now()
        new = pending.pop(source["id"], 0)
        report.polled += 1
        if item.error:
            report.failing += 1
            report.errors += 1
            schema.source_failed(conn, source, at, item.error, new)
            self.store.record_failure(source["url"], item.error)
            self.on_error(f"{source['url']}: {item.error}")
            return
        resp = item.response
        if resp is not None and resp.not_modified:
            report.not_modified += 1
        schema.source_polled(conn, source, at, item.kind, resp.etag if resp else None,
                             resp.last_modified if resp else None, new)

    def _store_pages(self, pages: list[Page], report: RoundReport, pending: dict[int, int]) -> None:
        """Extracts fetched pages together and stores each article as it comes out."""
        by_id: dict[str, list[Page]] = {}  # two URLs may serve the very same bytes
        docs = []
        for page in pages:
            if page.error is not None or page.response is None:
                self._page_failed(page, page.error or "not fetched", report)
                continue
            read = [d for d in read_bytes(page.response.content, page.url, url=page.response.url,
                                          budget=Budget(max_bytes=self.settings.max_bytes))]
            doc = read[0] if read else ReadError(page.url, "empty page")
            if isinstance(doc, ReadError):
                self._page_failed(page, doc.reason, report)
                continue
            by_id.setdefault(article_id(doc.content), []).append(page)
            docs.append(doc)
        if not docs:
            return
        started = time.monotonic()
        failed: dict[str, str] = {}
        for article in self.pipeline().process(docs, on_error=lambda e: failed.setdefault(e.origin, e.reason)):
            page = by_id[article.id].pop(0)
            added = self._store_article(page, article, report)
            pending[page.source["id"]] = pending.get(page.source["id"], 0) + added
        for page in (p for left in by_id.values() for p in left):  # no article came out for these
            self._page_failed(page, failed.get(page.url, "no article in the page"), report)
        report.extract_seconds += time.monotonic() - started

    def _store_article(self, page: Page, article: Any, report: RoundReport) -> int:
        """Stores one extracted article as its URL's next version; 1 when it is a new article."""
        try:
            self.ingest.add_one(article)
        except Exception as exc:  # rolled back by the store; the round goes on
            return self._page_failed(page, f"not stored: {exc.__class__.__name__}: {exc}", report)
        version = schema.url_stored(self.store.conn, page.key, page.url, page.source["id"], page.stamp, article.id)
        if page.listed_key != page.key:
            schema.url_alias(self.store.conn, page.listed_key, page.url, page.source["id"], page.stamp)
        if version == 1:
            report.new += 1
            report.new_ids.append(article.id)
            return 1
        if version > 1:
            report.versions += 1
            report.new_ids.append(article.id)
        else:
            report.unchanged += 1
        return 0

    def _page_failed(self, page: Page, reason: str, report: RoundReport) -> int:
        if reason.startswith("same article"):
            schema.url_alias(self.store.conn, page.listed_key, page.url, page.source["id"], page.stamp)
            report.unchanged += 1
            return 0
        report.errors += 1
        schema.url_failed(self.store.conn, page.key, page.url, page.source["id"], page.stamp, reason)
        self.store.record_failure(page.url, reason)
        self.on_error(f"{page.url}: {reason}")
        return 0
