"""A saved search: what the search page can express (words, site, date range, entity, event
type) plus a speaker, written as one line (``otan entity:"Jens Stoltenberg" type:AID
from:2024-01 site:example.fr speaker:lavrov``) or built from the search page's parameters."""

from __future__ import annotations

import re
import shlex
import sqlite3
from dataclasses import dataclass, fields
from typing import Any

from veille.model import EVENT_TYPES
from veille.queries import ArticleFilters, Where, article_where

# The words of the one-line form, and the field each one sets.
PREFIXES = {"site": "site", "from": "date_from", "to": "date_to", "entity": "entity", "type": "event_type",
            "event": "event_type", "speaker": "speaker", "year": "year"}
# A month 13 or a day 45 is refused too: such a bound, compared as text, would keep the alert
# silent forever (or let everything through) without a word.
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_YEAR = re.compile(r"^\d{4}$")


class AlertQueryError(ValueError):
    """A saved search that cannot be read; ``str()`` says why."""


@dataclass
class AlertQuery(ArticleFilters):
    """The search page's filters (``ArticleFilters``) plus a speaker."""

    speaker: str | None = None

    @classmethod
    def parse(cls, text: str) -> AlertQuery:
        """The one-line form: ``key:value`` filters (quoted values may hold spaces), other words
        are the full-text query."""
        try:
            tokens = shlex.split(text)
        except ValueError as exc:
            raise AlertQueryError(f"cannot read the search {text!r}: {exc}") from None
        values: dict[str, str] = {}
        words = []
        for token in tokens:
            key, sep, value = token.partition(":")
            if sep and key.lower() in PREFIXES and not value.strip():
                # `entity: "Jean Dupont"` (a space after the colon) was saved as the words
                # "entity: Jean Dupont": an alert that never filtered on the entity, without a word.
                raise AlertQueryError(f"{key}: has no value (write {key.lower()}:VALUE, quoted when it "
                                      f'holds spaces: {key.lower()}:"Jean Dupont")')
            if sep and key.lower() in PREFIXES:
                values[PREFIXES[key.lower()]] = value
            else:
                words.append(token)
        if words:
            values["q"] = " ".join(words)
        return cls.from_params(values)

    @classmethod
    def from_params(cls, params: dict[str, Any], check: bool = True) -> AlertQuery:
        """From the search page's parameters (unknown ones ignored, empty ones dropped); ``check``
        False for an alert already stored: read back as it was saved, whatever later checks say,
        so that no saved alert becomes unreadable."""
        names = {f.name for f in fields(cls)}
        query = cls(**{k: str(v).strip() for k, v in params.items() if k in names and v and str(v).strip()})
        if query.event_type:
            query.event_type = query.event_type.upper()
        if check:
            query._check()
        return query

    def _check(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value and not _DATE.match(value):
                raise AlertQueryError(f"{name}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if self.year and not _YEAR.match(self.year):
            raise AlertQueryError(f"year: {self.year!r} is not a year (YYYY)")
        if self.event_type and self.event_type not in EVENT_TYPES:
            raise AlertQueryError(f"type: {self.event_type!r} is not an event type ({', '.join(EVENT_TYPES)})")
        if not self.active():
            raise AlertQueryError("an empty search would match every article")

    def text(self) -> str:
        """The one-line form, read back by :meth:`parse`."""
        back = {v: k for k, v in PREFIXES.items() if k != "event"}
        parts = [self.q] if self.q else []
        for name, value in self.active().items():
            if name != "q":
                parts.append(f"{back[name]}:{shlex.quote(value)}")
        return " ".join(parts)

    def search_params(self) -> dict[str, str]:
        """The search page's parameters for this search (the speaker has no field there)."""
        return {k: v for k, v in self.active().items() if k != "speaker"}

    def matching(self, conn: sqlite3.Connection, article_ids: list[str] | None = None) -> list[str]:
        """The ids of the stored articles that match (among ``article_ids`` when given)."""
        filters = ArticleFilters(**{f.name: getattr(self, f.name) for f in fields(ArticleFilters)})
        source, where_sql, params, _ = article_where(conn, filters)
        extra = Where()
        if self.speaker:
            by_speaker = Where().contains(conn, "quotes", "q", ["speaker", "speaker_text"], self.speaker, names=True)
            if by_speaker.clauses:
                extra.add(f"a.id IN (SELECT q.article_id FROM quotes q{by_speaker.sql()})", *by_speaker.params)
        if article_ids is not None:
            extra.add("a.id IN (" + ",".join("?" * len(article_ids)) + ")", *article_ids)
        if extra.clauses:
            where_sql = (where_sql + " AND " if where_sql else " WHERE ") + " AND ".join(extra.clauses)
        if article_ids is not None and not article_ids:
            return []
        return [r[0] for r in conn.execute(f"SELECT a.id FROM {source}{where_sql}", [*params, *extra.params])]
