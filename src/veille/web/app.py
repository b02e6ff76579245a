"""The web app: a JSON API (OpenAPI docs at /docs) and server-rendered French pages, one process.

``create_app(db)`` builds the app over a store file. Reads go through one SQLite connection per
worker thread (WAL lets them run beside a write); ingest goes through the app's ``Store`` under a
lock, with the real ``Pipeline`` loaded once, lazily, on the first upload.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from veille import queries
from veille.model import ENTITY_TYPES, EVENT_TYPES
from veille.queries.facets import FacetCache, FacetIndex, store_version
from veille.readers import DEFAULT_MAX_BYTES, Budget, ReadError, read_bytes, skipped_count
from veille.store import Store
from veille.store_engine import PgConnection, is_postgres
from veille.store_full import DiskFull
from veille.store_ingest import Ingest
from veille.web.analysis_routes import add_analysis_routes
from veille.web.errors import found_or_404, one_line_reason
from veille.web.models import (
    ArticleList,
    EntityList,
    IngestResult,
    StoryItem,
    Timeline,
)
from veille.web.reasons import in_french
from veille.web.render import (
    DATE,
    annotated_segments,
    color,
    date_or_none,
    entity_url,
    filter_notice,
    first_upper,
    french_date,
    french_number,
    highlight_snippet,
    known_or_none,
    timeline_svg,
)
from veille.web.security import MAX_BODY, GuardMiddleware, web_url

HERE = Path(__file__).resolve().parent
MAX_FILES = 50
PAGE = 20

EVENT_LABELS = {
    "AGREE": "accord", "CONSULT": "consultation", "SUPPORT": "soutien", "CONCEDE": "concession",
    "COOPERATE": "coopération", "AID": "aide", "RETREAT": "retrait", "REQUEST": "demande",
    "ACCUSE": "accusation", "REJECT": "rejet", "THREATEN": "menace", "PROTEST": "protestation",
    "SANCTION": "sanction", "MOBILIZE": "mobilisation", "COERCE": "coercition", "ASSAULT": "attaque",
}
TYPE_LABELS = {"PER": "personne", "ORG": "organisation", "LOC": "lieu"}


# -- the app --------------------------------------------------------------------------------------


class Backend:
    """The store behind the app: per-thread read connections, one locked writer, a lazy pipeline."""

    def __init__(self, db: str | Path, pipeline_factory: Callable[[], Any] | None = None,
                 alert_config: str | Path | None = None) -> None:
        self.path = str(db)
        self.alert_config = alert_config  # the alerts' config file (None: $VEILLE_CONFIG, ./veille.toml)
        self.store = Store(self.path)  # creates the schema, its indexes and hooks' tables when missing
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._pipeline = None
        self._pipeline_factory = pipeline_factory
        self.facets = FacetCache()
        self._overview: tuple[int, dict[str, Any]] | None = None

    def index(self) -> FacetIndex:
        return self.facets.get(self.conn())

    def overview(self) -> dict[str, Any]:
        """Counts shown on the search page, recomputed only after an ingest."""
        conn = self.conn()
        version = store_version(conn)
        if self._overview is None or self._overview[0] != version:
            self._overview = (version, queries.overview(conn))
        return self._overview[1]

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if is_postgres(self.path):
                conn = PgConnection(self.path, read_only=True)
            else:
                conn = sqlite3.connect(self.path, check_same_thread=False)
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA query_only = 1")
            self._local.conn = conn
        return conn

    def pipeline(self) -> Any:
        if self._pipeline is None:
            if self._pipeline_factory is not None:
                self._pipeline = self._pipeline_factory()
            else:
                from veille.pipeline import Pipeline

                self._pipeline = Pipeline()
        return self._pipeline

    def ingest(self, uploads: list[tuple[str, bytes]], max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
        """Runs the real pipeline over uploaded files, stores what it extracts and sends the alerts
        the new articles match: the one way in of ``veille ingest`` (:mod:`veille.store_ingest`)."""
        failed: list[dict] = []
        items: list[Any] = []
        # A WARC's records that are no HTML page (requests, images, style sheets, redirects) are
        # said once per archive, as the CLI's "note:" line: neither a failure nor recorded as one.
        notes: list[dict] = []
        budget = Budget(note_skipped=True)

        def on_error(err: ReadError) -> None:
            failed.append({"file": err.origin, "reason": err.reason, "reason_fr": in_french(err.reason)})

        for name, content in uploads:
            if len(content) > max_bytes:
                items.append(ReadError(name, f"too large: over the limit of {max_bytes} bytes"))
                continue
            # Read from memory: origin and path are the uploaded file's name, never a temp path.
            for item in read_bytes(content, name, path=name, budget=budget):
                if isinstance(item, ReadError) and skipped_count(item):
                    notes.append({"file": item.origin, "count": skipped_count(item), "reason": item.reason,
                                  "reason_fr": in_french(item.reason)})
                else:
                    items.append(item)

        with self._write_lock:
            ingesting = Ingest(self.store, on_error=on_error, config=self.alert_config)
            disk_full = False
            pipeline = self.pipeline() if any(not isinstance(i, ReadError) for i in items) else None
            if pipeline is None:
                for item in items:
                    ingesting.failed(item)
            else:
                try:
                    ingesting.add_all(pipeline.process(items, on_error=ingesting.failed))
                except DiskFull:  # stopped at the first article refused; no alert sent (nothing more fits)
                    failed.append({"file": "(the rest of the upload)", "reason": "not tried: disk full",
                                   "reason_fr": in_french("not tried: disk full")})
                    disk_full = True
            sent = None if disk_full else ingesting.send_alerts()
        added = [{"id": a.id, "file": a.source.path or a.id, "title": a.title} for a in ingesting.added]
        skipped = [{"id": a.id, "file": a.source.path or a.id, "reason": "already stored",
                    "reason_fr": in_french("already stored")} for a in ingesting.skipped]
        return {"added": added, "skipped": skipped, "failed": failed, "records_skipped": notes,
                "alerts": _alerts_sent(sent)}


def _alerts_sent(sent: Any) -> dict[str, Any] | None:
    """What the alerts did, the config file's problem also in French for the upload page."""
    if sent is None:
        return None
    out = dataclasses.asdict(sent)
    out["error_fr"] = in_french(out.get("error"))
    return out


def _templates() -> Jinja2Templates:
    # Autoescape on for every template: article text is never trusted markup.
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["frdate"] = french_date
    env.filters["frnum"] = french_number
    env.filters["first_upper"] = first_upper
    env.filters["entity_url"] = entity_url
    env.filters["snippet"] = highlight_snippet
    env.filters["web_url"] = web_url
    env.globals["EVENT_LABELS"] = EVENT_LABELS
    env.globals["TYPE_LABELS"] = TYPE_LABELS
    env.globals["EVENT_TYPES"] = EVENT_TYPES
    env.globals["color"] = color
    return Jinja2Templates(env=env)


def _url(path: str, params: dict[str, Any], **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return path + ("?" + urlencode(merged) if merged else "")


def create_app(db: str | Path = "veille.db", pipeline_factory: Callable[[], Any] | None = None,
               allowed_hosts: list[str] | None = None, max_body: int = MAX_BODY,
               alert_config: str | Path | None = None) -> FastAPI:
    """The FastAPI app over the store at ``db``; ``pipeline_factory`` builds the ingest pipeline;
    ``allowed_hosts`` the ``Host`` names it answers to (local names by default, ``["*"]`` for any);
    ``max_body`` the largest request body, counted while it streams; ``alert_config`` the TOML
    file of the [smtp] settings the alerts of uploaded articles mail through."""
    backend = Backend(db, pipeline_factory, alert_config)
    templates = _templates()
    app = FastAPI(
        # /docs is rendered here from the OpenAPI schema: FastAPI's Swagger page loads its
        # scripts from a CDN, and Veille runs offline.
        docs_url=None, redoc_url=None,
        title="Veille", version="0.1.0",
        description="Articles de presse francophone lus comme un analyste : recherche, entités, "
                    "citations, événements, chronologie. The JSON API is under /api.",
    )
    app.state.backend = backend
    app.add_middleware(GuardMiddleware, allowed_hosts=allowed_hosts, max_body=max_body)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        # A page names its inline icon, but a browser showing a JSON answer (/api/…, /openapi.json)
        # asks for /favicon.ico, and logged its 404 as an error on the next page.
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("nav", name.split(".")[0])
        context.setdefault("filter_notice", filter_notice(request.url.path, request.query_params))
        return templates.TemplateResponse(request, name, context, status_code=status_code)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api") or request.url.path in ("/docs", "/openapi.json"):
            answer = {"detail": exc.detail}
            if isinstance(exc.detail, str):  # (the upload page's script shows it: web/reasons.py)
                answer["detail_fr"] = in_french(exc.detail)
            return JSONResponse(answer, status_code=exc.status_code)
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code,
                    detail=in_french(exc.detail) if exc.status_code != 404 else "Page introuvable.", nav="")

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        """A mistyped parameter of a page ("?page=abc") is an error page, not FastAPI's JSON."""
        if request.url.path.startswith("/api"):
            # FastAPI's list stays ``detail``; ``message`` is the same on one line.
            return JSONResponse({"detail": jsonable_encoder(exc.errors()), "message": one_line_reason(exc.errors())},
                                status_code=422)
        names = sorted({str(err.get("loc", ("", "?"))[-1]) for err in exc.errors()})
        return page(request, "error.html", status_code=400, status=400, nav="",
                    detail=f"Paramètre invalide : {', '.join(names)}.")

    # -- JSON API -------------------------------------------------------------------------------

    @app.get("/api/stats", tags=["api"], summary="What the database holds")
    def api_stats() -> dict[str, Any]:
        return queries.overview(backend.conn())

    @app.get("/api/articles", response_model=ArticleList, tags=["api"], summary="Search and filter articles")
    def api_articles(
        q: str | None = Query(None, max_length=500, description="Full-text query (FTS5 syntax or plain words)"),
        site: str | None = Query(None, max_length=300),
        date_from: str | None = Query(None, pattern=DATE, description="ISO date, inclusive"),
        date_to: str | None = Query(None, pattern=DATE, description="ISO date prefix, inclusive"),
        entity: str | None = Query(None, max_length=300, description="Canonical name or corpus id"),
        event_type: str | None = Query(None, max_length=20),
        year: str | None = Query(None, pattern=r"^\d{4}$"),
        facets: bool = False,
        limit: int = Query(20, ge=1, le=200),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        f = queries.ArticleFilters(q, site, date_from, date_to, entity, event_type, year)
        return queries.list_articles(backend.conn(), f, limit, offset, facets=facets, index=backend.index())

    @app.get("/api/articles/{article_id}", tags=["api"], summary="One article record (SCHEMA.md)")
    def api_article(article_id: str) -> dict[str, Any]:
        return found_or_404(queries.get_record(backend.conn(), article_id), f"no article {article_id!r}")

    @app.get("/api/entities", response_model=EntityList, tags=["api"], summary="Entities by number of articles")
    def api_entities(
        q: str | None = Query(None, max_length=300, description="Part of the name"),
        type: Literal["PER", "ORG", "LOC"] | None = None,
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=1_000_000),
    ) -> dict[str, Any]:
        return queries.list_entities(backend.conn(), q, type, limit, offset)

    @app.get("/api/entities/{key:path}", tags=["api"],
             summary="One entity: aliases, roles, articles, quotes, events, co-mentions")
    def api_entity(key: str) -> dict[str, Any]:
        return found_or_404(queries.entity_detail(backend.conn(), key), f"no entity {key!r}")

    @app.get("/api/stories", response_model=list[StoryItem], tags=["api"], summary="Stories (empty when none)")
    def api_stories(limit: int = Query(100, ge=1, le=500), offset: int = Query(0, ge=0, le=1_000_000)):
        return queries.list_stories(backend.conn(), limit, offset)

    @app.get("/api/stories/{story_id}", tags=["api"], summary="One story")
    def api_story(story_id: str) -> dict[str, Any]:
        return found_or_404(queries.story_detail(backend.conn(), story_id), f"no story {story_id!r}")

    @app.get("/api/timeline", response_model=Timeline, tags=["api"], summary="Counts per period")
    def api_timeline(
        by: Literal["type", "entity"] = "type",
        entity: str | None = Query(None, max_length=300),
        type: str | None = Query(None, max_length=20),
        granularity: Literal["auto", "day", "month", "year"] = "auto",
    ) -> dict[str, Any]:
        data = queries.timeline(backend.conn(), by, entity, type, granularity)
        data.pop("counts")
        return data

    @app.post("/api/ingest", response_model=IngestResult, tags=["api"],
              summary="Upload files; runs the pipeline and stores the articles")
    def api_ingest(files: Annotated[list[UploadFile], File(description="Text, HTML, JSONL, feed or WARC files")]):
        return backend.ingest(_read_uploads(files))

    # -- pages ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str | None = None, site: str | None = None,
                    entity: str | None = None, event_type: str | None = None, year: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, page_no: int = Query(1, alias="page")):
        params = {"q": q, "site": site, "entity": entity, "event_type": known_or_none("/", "event_type", event_type),
                  "year": known_or_none("/", "year", year),
                  "date_from": date_or_none(date_from), "date_to": date_or_none(date_to)}
        f = queries.ArticleFilters(**params)
        page_no = max(1, min(page_no, 10_000))
        conn = backend.conn()
        result = queries.list_articles(conn, f, PAGE, (page_no - 1) * PAGE, facets=True, index=backend.index())
        current = {k: v for k, v in params.items() if v}
        return page(request, "search.html", nav="search", result=result, params=current, q=q or "",
                    page_no=page_no, pages=(result["total"] + PAGE - 1) // PAGE,
                    url=lambda **ch: _url("/", current, **ch), stats=backend.overview())

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        conn = backend.conn()
        record = found_or_404(queries.get_record(conn, article_id))
        title_html, paragraphs_html = annotated_segments(record)
        names = {e["name"] for e in record.get("entities") or []}
        by_type: dict[str, list[dict]] = {}
        for e in record.get("entities") or []:
            by_type.setdefault(e.get("type") or "?", []).append(e)
        related = queries.related(conn, record)
        return page(request, "article.html", nav="search", a=record, title_html=title_html,
                    paragraphs_html=paragraphs_html, entity_names=names, by_type=by_type,
                    related=related, story_label=queries.story_label(conn, record.get("story")))

    @app.get("/entites", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, q: str | None = None, type: str | None = None,
                      page_no: int = Query(1, alias="page")):
        page_no = max(1, min(page_no, 10_000))
        etype = type if type in ENTITY_TYPES else None
        result = queries.list_entities(backend.conn(), q, etype, 50, (page_no - 1) * 50)
        current = {k: v for k, v in {"q": q, "type": etype}.items() if v}
        return page(request, "entities.html", nav="entities", result=result, params=current, page_no=page_no,
                    pages=(result["total"] + 49) // 50, url=lambda **ch: _url("/entites", current, **ch))

    @app.get("/entites/{key:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, key: str):
        detail = found_or_404(queries.entity_detail(backend.conn(), key))
        return page(request, "entity.html", nav="entities", e=detail)

    @app.get("/chronologie", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, by: str = "type", entity: str | None = None, type: str | None = None,
                      granularity: str = "auto"):
        by = by if by in ("type", "entity") else "type"
        type = known_or_none("/chronologie", "type", type)
        granularity = known_or_none("/chronologie", "granularity", granularity) or "auto"
        data = queries.timeline(backend.conn(), by, entity or None, type or None, granularity)
        label = "Événements par type" if by == "type" else "Articles par entité"
        svg = timeline_svg(data["buckets"], data["keys"], data["counts"], label)
        return page(request, "timeline.html", nav="timeline", data=data, svg=svg, by=by, entity=entity or "",
                    type=type or "", granularity=data["granularity"])

    @app.get("/recits", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request):
        return page(request, "stories.html", nav="stories", stories=queries.list_stories(backend.conn()))

    @app.get("/recits/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str):
        detail = found_or_404(queries.story_detail(backend.conn(), story_id))
        return page(request, "story.html", nav="stories", s=detail)

    @app.get("/importer", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(request: Request):
        return page(request, "upload.html", nav="upload", result=None)

    @app.post("/importer", response_class=HTMLResponse, include_in_schema=False)
    def upload_form(request: Request, files: Annotated[list[UploadFile], File()]):
        # Without JavaScript the form posts here and the result comes back as a page.
        result = backend.ingest(_read_uploads(files))
        return page(request, "upload.html", nav="upload", result=result)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "api_docs.html", nav="api", operations=_operations(app.openapi()))

    @app.get("/api", include_in_schema=False)
    def api_root():
        return RedirectResponse("/docs")

    # -- quotes, events, aid: API, pages, CSV ---------------------------------------------------
    add_analysis_routes(app, backend, page, _url)

    # -- the watch: alerts and who gets a voice (issue 15) --------------------------------------
    from veille.web.watch_routes import add_watch_routes

    add_watch_routes(app, backend, page)

    return app


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI operations as the docs page lists them: path, method, parameters, response."""
    def schema_text(schema: dict[str, Any]) -> str:
        if "$ref" in schema:
            return schema["$ref"].rsplit("/", 1)[-1]
        if "anyOf" in schema:
            return " | ".join(schema_text(s) for s in schema["anyOf"])
        if schema.get("type") == "array":
            return f"list[{schema_text(schema.get('items') or {})}]"
        if "enum" in schema:
            return " | ".join(map(str, schema["enum"]))
        return str(schema.get("type", "any"))

    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                sch = p.get("schema") or {}
                pattern = sch.get("pattern") or next((s.get("pattern") for s in sch.get("anyOf", []) if "pattern" in s), None)
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "type": schema_text(sch), "default": sch.get("default"), "pattern": pattern,
                               "description": p.get("description") or sch.get("description") or ""})
            ok = (op.get("responses") or {}).get("200", {}).get("content", {}).get("application/json", {})
            out.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                        "params": params, "body": "requestBody" in op,
                        "returns": schema_text(ok.get("schema") or {}) if ok else ""})
    return out


def _read_uploads(files: list[UploadFile]) -> list[tuple[str, bytes]]:
    if len(files) > MAX_FILES:
        raise HTTPException(413, f"too many files: {len(files)}, the limit is {MAX_FILES}")
    out = []
    for i, f in enumerate(files):
        name = Path(f.filename or "").name or f"fichier-{i + 1}"
        # Read one byte past the limit: enough to tell the file is too large without holding more.
        out.append((name, f.file.read(DEFAULT_MAX_BYTES + 1)))
    return out
