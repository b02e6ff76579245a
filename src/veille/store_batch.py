"""Writing many articles at once (``Store.add_many``, what ``veille ingest`` uses): a batch of
articles to a transaction, each under its own savepoint, in PostgreSQL's pipeline mode.

A transaction's fixed cost (BEGIN, the writers' lock, COMMIT) is shared by a batch, and on
PostgreSQL the few dozen small statements of an article (its rows, then the corpus-wide hooks:
entities, duplicates, stories) are sent without a round trip each. What one article's failure
costs stays that article: its savepoint is rolled back, the rest of its batch is committed.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from veille.model import Article
from veille.store_engine import PgError
from veille.store_full import DiskFull, is_disk_full

# Articles to a transaction in ``add_many``: a transaction's fixed cost (BEGIN, the writers' lock,
# COMMIT) shared by this many; a process killed mid-batch has this many to redo.
BATCH = 32


def rollback_quietly(conn: Any) -> None:
    """ROLLBACK when a transaction is open (SQLite ends one itself on some errors)."""
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _corpus_fields(a: Article) -> tuple:
    """What the ingest hooks set on an article, to undo it when its batch is redone."""
    return a.duplicate_of, a.syndication, a.story, list(a.related), [e.corpus_id for e in a.entities]


def _restore_corpus_fields(a: Article, fields: tuple) -> None:
    a.duplicate_of, a.syndication, a.story, related, corpus_ids = fields
    a.related = list(related)
    for e, cid in zip(a.entities, corpus_ids, strict=True):
        e.corpus_id = cid


class BatchWriter:
    """The batch writing of :class:`veille.store.Store` (which supplies ``conn``, ``dialect``,
    ``add``, ``_begin`` and ``_write``)."""

    conn: Any
    dialect: str

    def add_many(self, articles: Iterable[Article], batch: int = BATCH) -> Iterator[tuple[Article, bool | Exception]]:
        """Stores articles as :meth:`add` does, ``batch`` to a transaction: yields each article with
        True (stored), False (already there) or the exception that kept it out, once its batch is
        committed. Each article is written under its own savepoint, so a failing one is rolled back
        alone and the others of its batch are kept; a batch whose transaction fails as a whole is
        redone article by article. A process killed mid-batch loses the uncommitted batch, which a
        rerun stores (the same input twice is stored once); on Ctrl-C the articles already
        extracted are stored first."""
        group: list[Article] = []
        try:
            for article in articles:
                group.append(article)
                if len(group) >= batch:
                    full, group = group, []
                    yield from self._batch_or_stop(full)
        except KeyboardInterrupt:
            # Ctrl-C while the next articles were being extracted: those already extracted are
            # stored before it goes on (a second Ctrl-C rolls their batch back, nothing half-written;
            # a Ctrl-C inside a batch's transaction rolls that batch back, and it is not redone).
            if group:
                yield from self._add_batch(group)
            raise
        if group:
            yield from self._batch_or_stop(group)

    def _batch_or_stop(self, articles: list[Article]) -> Iterator[tuple[Article, bool | Exception]]:
        """A batch's results; after them :class:`DiskFull` when the disk filled up in it (every
        article after would fail alike, one by one: the batch stops at the first)."""
        results = self._add_batch(articles)
        yield from results
        if results and isinstance(results[-1][1], Exception) and is_disk_full(results[-1][1]):
            raise DiskFull(results[-1][1], untried=len(articles) - len(results))

    def _add_batch(self, articles: list[Article]) -> list[tuple[Article, bool | Exception]]:
        conn = self.conn
        before = [_corpus_fields(a) for a in articles]
        results: list[tuple[Article, bool | Exception]] = []
        try:
            with self._pipelined():
                self._begin()
                try:
                    for article in articles:
                        conn.execute("SAVEPOINT veille_article")
                        try:
                            outcome: bool | Exception = self._write(article)
                            self._sync()  # an error of this article's statements shows here
                        except Exception as exc:
                            if is_disk_full(exc):
                                raise  # (the batch is redone alone below, up to the first that does not fit)
                            self._sync(quiet=True)  # past the failed statement, the pipeline resumes
                            conn.execute("ROLLBACK TO SAVEPOINT veille_article")
                            outcome = exc
                        conn.execute("RELEASE SAVEPOINT veille_article")
                        results.append((article, outcome))
                    conn.execute("COMMIT")
                    self._sync()
                except BaseException:
                    self._sync(quiet=True)
                    rollback_quietly(conn)
                    raise
        except Exception:  # the batch as a whole failed: each article on its own, as add() does
            rollback_quietly(conn)  # (the pipeline may have skipped the first ROLLBACK)
            results = []
            for article, fields in zip(articles, before, strict=True):
                _restore_corpus_fields(article, fields)
                try:
                    results.append((article, self.add(article)))
                except Exception as exc:
                    results.append((article, exc))
                    if is_disk_full(exc):
                        break  # the rest is not tried (add_many raises DiskFull)
        return results

    def _pipelined(self) -> Any:
        """PostgreSQL's pipeline mode around a batch (a few dozen small statements an article,
        most of them writes, sent without a round trip each); nothing for SQLite."""
        return self.conn.pipelined() if self.dialect == "postgresql" else contextlib.nullcontext()

    def _sync(self, quiet: bool = False) -> None:
        if self.dialect == "postgresql":
            try:
                self.conn.sync()
            except PgError:
                if not quiet:
                    raise
