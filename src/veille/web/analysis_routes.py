"""Who said what, who did what to whom, the aid tracker: their JSON API, their pages, and their
CSV downloads (the rows the CLI's ``--csv`` gives, ``veille.queries.exports``). Added to the app
by ``add_analysis_routes``; every filter means what it means on the CLI (``veille.queries``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from veille import queries
from veille.queries.exports import (
    AID_COLUMNS,
    AID_TOTAL_COLUMNS,
    EVENT_COLUMNS,
    QUOTE_COLUMNS,
    aid_flat,
    csv_lines,
    event_flat,
)
from veille.web.models import AidList, EventList, QuoteList
from veille.web.render import DATE, date_or_none, known_or_none

# A download holds every matching row up to this many (the pages show 50 at a time).
MAX_CSV_ROWS = 100_000
PER_PAGE = 50


def csv_response(rows: list[dict[str, Any]], columns: list[str], name: str) -> StreamingResponse:
    """``rows`` as a CSV download named ``name``.csv, UTF-8 with a BOM so a spreadsheet reads the
    accents right."""
    def body() -> Iterator[bytes]:
        yield "\ufeff".encode()
        for chunk in csv_lines(rows, columns):
            yield chunk.encode("utf-8")

    return StreamingResponse(body(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _present(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if v not in (None, "")}


def add_analysis_routes(app: FastAPI, backend: Any, page: Callable[..., HTMLResponse],
                        url: Callable[..., str]) -> None:
    """The quotes, events and aid routes of ``app`` over ``backend`` (``page`` renders a template,
    ``url`` builds a link with parameters)."""

    # -- JSON API ---------------------------------------------------------------------------------

    @app.get("/api/quotes", response_model=QuoteList, tags=["api"], summary="Quotes")
    def api_quotes(
        speaker: str | None = Query(None, max_length=300, description="Part of the speaker's name, any spelling"),
        q: str | None = Query(None, max_length=300, description="Words in the quote"),
        since: str | None = Query(None, pattern=DATE, description="Articles published on or after"),
        until: str | None = Query(None, pattern=DATE, description="Articles published on or before (a prefix "
                                                                   "keeps its month or year)"),
        kind: str | None = Query(None, pattern="^(direct|indirect)$"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        return queries.list_quotes(backend.conn(), speaker, q, since, limit, offset, kind=kind, until=until)

    @app.get("/api/quotes.csv", tags=["api"], summary="Quotes as CSV (same filters, every row)")
    def api_quotes_csv(
        speaker: str | None = Query(None, max_length=300), q: str | None = Query(None, max_length=300),
        since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
        kind: str | None = Query(None, pattern="^(direct|indirect)$"),
    ) -> StreamingResponse:
        rows = queries.list_quotes(backend.conn(), speaker, q, since, MAX_CSV_ROWS, kind=kind, until=until)["items"]
        return csv_response(rows, QUOTE_COLUMNS, "citations")

    @app.get("/api/events", response_model=EventList, tags=["api"], summary="Events (PLOVER)")
    def api_events(
        type: str | None = Query(None, max_length=20),
        actor: str | None = Query(None, max_length=300, description="Source or target, any spelling"),
        q: str | None = Query(None, max_length=300, description="Words of the event's sentence"),
        since: str | None = Query(None, pattern=DATE, description="Event (else article) dated on or after"),
        until: str | None = Query(None, pattern=DATE, description="Event (else article) dated on or before"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        return queries.list_events(backend.conn(), type, actor, since, limit, offset, until=until, q=q)

    @app.get("/api/events.csv", tags=["api"], summary="Events as CSV (same filters, every row)")
    def api_events_csv(
        type: str | None = Query(None, max_length=20), actor: str | None = Query(None, max_length=300),
        q: str | None = Query(None, max_length=300),
        since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
    ) -> StreamingResponse:
        rows = queries.list_events(backend.conn(), type, actor, since, MAX_CSV_ROWS, until=until, q=q)["items"]
        return csv_response([event_flat(r) for r in rows], EVENT_COLUMNS, "evenements")

    @app.get("/api/aid", response_model=AidList, tags=["api"],
             summary="Aid tracker: AID events with their amounts, and money by donor")
    def api_aid(
        donor: str | None = Query(None, max_length=300), recipient: str | None = Query(None, max_length=300),
        since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
        limit: int = Query(200, ge=1, le=5000),
    ) -> dict[str, Any]:
        rows = queries.aid_rows(backend.conn(), since, donor, recipient, limit=None, until=until)
        return {"total": len(rows), "totals": queries.aid_totals(rows), "items": rows[:limit]}

    @app.get("/api/aid.csv", tags=["api"], summary="Aid rows (or, with totals=true, money by donor) as CSV")
    def api_aid_csv(
        donor: str | None = Query(None, max_length=300), recipient: str | None = Query(None, max_length=300),
        since: str | None = Query(None, pattern=DATE), until: str | None = Query(None, pattern=DATE),
        totals: bool = False,
    ) -> StreamingResponse:
        rows = queries.aid_rows(backend.conn(), since, donor, recipient, limit=MAX_CSV_ROWS, until=until)
        if totals:
            return csv_response(queries.aid_totals(rows), AID_TOTAL_COLUMNS, "aide-totaux")
        return csv_response([aid_flat(r) for r in rows], AID_COLUMNS, "aide")

    # -- pages ------------------------------------------------------------------------------------

    def _page_no(value: int) -> int:
        return max(1, min(value, 10_000))

    @app.get("/citations", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, speaker: str | None = None, q: str | None = None,
                    since: str | None = None, until: str | None = None, page_no: int = Query(1, alias="page")):
        page_no = _page_no(page_no)
        since, until = date_or_none(since), date_or_none(until)
        result = queries.list_quotes(backend.conn(), speaker, q, since, PER_PAGE, (page_no - 1) * PER_PAGE,
                                     until=until)
        current = _present({"speaker": speaker, "q": q, "since": since, "until": until})
        return page(request, "quotes.html", nav="quotes", result=result, params=current, page_no=page_no,
                    pages=(result["total"] + PER_PAGE - 1) // PER_PAGE,
                    url=lambda **ch: url("/citations", current, **ch), csv_url=url("/api/quotes.csv", current))

    @app.get("/evenements", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, type: str | None = None, actor: str | None = None, q: str | None = None,
                    since: str | None = None, until: str | None = None, page_no: int = Query(1, alias="page")):
        page_no = _page_no(page_no)
        since, until = date_or_none(since), date_or_none(until)
        type = known_or_none("/evenements", "type", type)
        result = queries.list_events(backend.conn(), type, actor, since, PER_PAGE, (page_no - 1) * PER_PAGE,
                                     until=until, q=q)
        current = _present({"type": type, "actor": actor, "q": q, "since": since, "until": until})
        return page(request, "events.html", nav="events", result=result, params=current, page_no=page_no,
                    pages=(result["total"] + PER_PAGE - 1) // PER_PAGE,
                    url=lambda **ch: url("/evenements", current, **ch), csv_url=url("/api/events.csv", current))

    @app.get("/aide", response_class=HTMLResponse, include_in_schema=False)
    def aid_page(request: Request, since: str | None = None, until: str | None = None,
                 donor: str | None = None, recipient: str | None = None):
        since, until = date_or_none(since), date_or_none(until)
        rows = queries.aid_rows(backend.conn(), since, donor, recipient, limit=None, until=until)
        current = _present({"since": since, "until": until, "donor": donor, "recipient": recipient})
        return page(request, "aid.html", nav="aid", rows=rows[:200], total=len(rows),
                    totals=queries.aid_totals(rows), params=current, since=since or "",
                    csv_url=url("/api/aid.csv", current), totals_csv_url=url("/api/aid.csv", current, totals="true"))
