"""The one way articles come into a store: ``veille ingest``, ``veille watch``, the web's upload
form, the HTTP API (``POST /api/ingest``) and the Python API all store through :class:`Ingest`,
then send the alerts the new articles match through :meth:`Ingest.send_alerts`.

Storing matches the alerts (the ``veille.alerts.schema`` ingest hook, inside each article's
transaction); sending mails and webhooks is done once the articles are committed, so a slow mail
server never holds the store's lock. A failure to store one article is recorded in the store's
``failures`` table and the others go on::

    from veille import Pipeline
    from veille.store import Store
    from veille.store_ingest import Ingest

    with Store("veille.db") as store:
        ingest = Ingest(store)
        for article, outcome in ingest.add(Pipeline().extract(["pages/"], on_error=ingest.failed)):
            ...
        print(ingest.summary(), ingest.send_alerts())   # counts; None or one line on the alerts
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.model import Article
from veille.pipeline import Stored
from veille.readers import ReadError


@dataclass
class AlertsSent:
    """What :meth:`Ingest.send_alerts` did: mails and webhooks sent, failed, matches left waiting
    (no [smtp] settings), or the config error that kept everything waiting."""

    email: int = 0
    webhook: int = 0
    failed: int = 0
    waiting: int = 0
    error: str | None = None

    def line(self) -> str:
        """One line for a person: what went, or why nothing did."""
        if self.error:
            return f"error: alerts not sent: {self.error}"
        if self.waiting:
            return (f"alerts: {self.waiting} match(es) not sent: no [smtp] settings (veille.toml or --config); "
                    "they are sent by the next ingest or watch that has them")
        return f"alerts: {self.email} mail(s), {self.webhook} webhook(s), {self.failed} failed"


@dataclass
class Ingest:
    """Stores articles in ``store`` and sends the alerts they match. ``on_error`` hears each
    failure (read errors handed to :meth:`failed`, articles the store refused), which is also
    recorded in the store's ``failures`` table; ``config`` is the alerts' config file (None:
    ``$VEILLE_CONFIG``, else ``./veille.toml`` when present, else no mail)."""

    store: Any
    on_error: Callable[[ReadError], None] | None = None
    config: str | Path | Any | None = None  # a path, or an ``AlertConfig`` already loaded
    added: list[Article] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)

    def failed(self, err: ReadError) -> None:
        """Records a failure (a read error, an article not stored): in the store, then ``on_error``."""
        self.errors.append(err)
        self.store.record_failure(err.origin, err.reason)
        if self.on_error is not None:
            self.on_error(err)

    def add(self, articles: Iterable[Article]) -> Iterator[tuple[Article, bool | Exception]]:
        """Stores ``articles`` (several to a transaction, each under its own savepoint: see
        :meth:`veille.store.Store.add_many`) and yields each with True (stored), False (already
        there) or the exception that kept it out (recorded as a failure; the others go on)."""
        for article, outcome in self.store.add_many(self._unstored(articles)):
            if isinstance(outcome, Exception):
                origin = article.source.path or article.source.url or article.id
                self.failed(ReadError(origin, f"not stored: {outcome.__class__.__name__}: {outcome}"))
            elif outcome:
                self.added.append(article)
            else:
                self.skipped.append(article)
            yield article, outcome

    def _unstored(self, articles: Iterable[Any]) -> Iterator[Article]:
        """``articles`` without the ones the extraction left unparsed because the store held them
        (``pipeline.Stored``), counted as already stored."""
        for item in articles:
            if isinstance(item, Stored):
                self.skipped.append(item.article)
            else:
                yield item

    def add_one(self, article: Article) -> bool:
        """Stores one article now, in its own transaction (the watch, which records each URL's
        version right after), counted as :meth:`add` counts; raises what kept it out."""
        added = self.store.add(article)
        (self.added if added else self.skipped).append(article)
        return added

    def add_all(self, articles: Iterable[Article]) -> Ingest:
        """:meth:`add` run to the end; ``self`` for its counts."""
        for _ in self.add(articles):
            pass
        return self

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.skipped)} already stored, {len(self.errors)} failed"

    def send_alerts(self, only_if_added: bool = True) -> AlertsSent | None:
        """Mails and webhooks for the alerts the stored articles matched (and any match an earlier
        run left pending); None when nothing was waiting (or, with ``only_if_added``, when nothing
        new was stored). Without [smtp] settings, matches with a mail wait for a run that has them."""
        if only_if_added and not self.added:
            return None
        return send_alerts(self.store, self.config)


def send_alerts(store: Any, config: str | Path | Any | None = None) -> AlertsSent | None:
    """Sends every pending alert match of ``store`` (``config``: a config path, or an
    ``AlertConfig`` already loaded); None when nothing was pending."""
    from veille.alerts import schema
    from veille.alerts.deliver import MAX_ATTEMPTS, AlertConfig, ConfigError, deliver_pending

    waiting = schema.pending(store.conn, MAX_ATTEMPTS)
    if not waiting:
        return None
    if isinstance(config, AlertConfig):
        loaded = config
    else:
        try:
            loaded = AlertConfig.load(config)
        except ConfigError as exc:
            return AlertsSent(error=str(exc))
    if not loaded.smtp and any(m["email_status"] == "pending" for m in waiting):
        return AlertsSent(waiting=len(waiting))
    sent = deliver_pending(store.conn, loaded)
    return AlertsSent(email=sent["email"], webhook=sent["webhook"], failed=sent["failed"])
