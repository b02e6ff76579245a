"""The JSON API's response models (what /docs shows for each route)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ArticleItem(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    site: str | None = None
    path: str | None = None
    url: str | None = None
    story: str | None = None
    duplicate_of: str | None = None
    snippet: str | None = Field(None, description="Matching passage; highlights between U+E000 and U+E001")
    rank: float | None = None


class FacetValue(BaseModel):
    value: str | None
    count: int
    type: str | None = None


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleItem]
    facets: dict[str, list[FacetValue]] | None = None


class EntityItem(BaseModel):
    name: str
    type: str
    articles: int
    quotes: int = 0
    kb_id: str | None = None
    corpus_id: str | None = None


class EntityList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EntityItem]


class QuoteItem(BaseModel):
    article_id: str
    idx: int
    text: str
    speaker: str | None = None
    kind: str | None = None
    cue: str | None = None
    language: str | None = None
    speaker_text: str | None = None
    article_title: str | None = None
    published: str | None = None
    site: str | None = None
    path: str | None = None


class QuoteList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[QuoteItem]


class EventItem(BaseModel):
    article_id: str
    idx: int
    type: str
    source: str | None = None
    target: str | None = None
    date: str | None = None
    place: str | None = None
    mode: str | None = None
    text: str | None = None
    quantities: list[dict[str, Any]] = []
    article_title: str | None = None
    published: str | None = None
    site: str | None = None
    trigger: str | None = Field(None, description="The word the event was read from")


class EventList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventItem]


class AidTotal(BaseModel):
    donor: str
    recipient: str
    currency: str
    mode: str
    amount: float
    events: int = Field(description="Events counted (an amount repeated by several articles once)")
    articles: int


class AidItem(EventItem):
    money: list[dict[str, Any]] = []
    counts: list[dict[str, Any]] = []


class AidList(BaseModel):
    total: int
    totals: list[AidTotal]
    items: list[AidItem]


class StoryItem(BaseModel):
    id: str
    title: str | None = None
    articles: int
    sites: int
    first: str | None = None
    last: str | None = None


class TimelinePoint(BaseModel):
    date: str
    key: str
    count: int


class Timeline(BaseModel):
    by: str
    granularity: str
    keys: list[str]
    buckets: list[str]
    series: list[TimelinePoint]
    imprecise: int = Field(description="Counts whose date is coarser than the granularity (not plotted)")


class IngestAdded(BaseModel):
    id: str
    file: str
    title: str | None = None


class IngestSkipped(BaseModel):
    id: str
    file: str
    reason: str
    reason_fr: str | None = None  # ``reason`` as the upload page shows it (web/reasons.py)


class IngestFailed(BaseModel):
    """``reason``: English, as the CLI and the ``failures`` table give it (a script matches it);
    ``reason_fr``: the same in French, as the upload page shows it (web/reasons.py)."""
    file: str
    reason: str
    reason_fr: str | None = None


class IngestRecordsSkipped(BaseModel):
    """An uploaded WARC's records that are no HTML page (requests, images, style sheets, redirects):
    ``count`` of them, ``reason`` in English as the CLI's "note:" line, ``reason_fr`` as the upload
    page shows it. A note, not a failure: nothing of it goes to the ``failures`` table."""
    file: str
    count: int
    reason: str
    reason_fr: str | None = None


class IngestAlerts(BaseModel):
    """The alerts the new articles matched, once sent: mails and webhooks sent and failed;
    ``waiting``: matches kept for a run with [smtp] settings; ``error``: the config file's problem."""
    email: int
    webhook: int
    failed: int
    waiting: int
    error: str | None = None
    error_fr: str | None = None  # ``error`` as the upload page shows it (web/reasons.py)


class IngestResult(BaseModel):
    added: list[IngestAdded]
    skipped: list[IngestSkipped]
    failed: list[IngestFailed]
    records_skipped: list[IngestRecordsSkipped] = []
    alerts: IngestAlerts | None = None
