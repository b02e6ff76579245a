"""The watch's pages and API: alerts (list, creation from a search, page, Atom feed) and who gets
a voice (charts drawn server-side as SVG, tables). Added to the app by ``add_watch_routes``."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from veille.alerts import schema as alerts
from veille.alerts.atom import alert_feed
from veille.alerts.query import AlertQuery, AlertQueryError
from veille.queries.voices import GENDER_LABELS, GENDERS, voices
from veille.web.errors import found_or_404
from veille.web.reasons import in_french
from veille.web.render import DATE, date_or_none

GENDER_COLORS = {"f": "#b5179e", "m": "#3a86ff", "unknown": "#adb5bd"}
SEARCH_FIELDS = ("q", "site", "date_from", "date_to", "entity", "event_type", "year", "speaker")


def share_bars_svg(rows: list[dict[str, Any]], label_key: str, measure: str, title: str) -> Markup:
    """One horizontal 100 % bar per row (an outlet, a month), split by gender, with its count."""
    if not rows:
        return Markup("")
    left, bar_h, gap, width = 190, 18, 8, 620
    height = 30 + len(rows) * (bar_h + gap) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="voices" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    for i, (g, label) in enumerate((g, GENDER_LABELS[g]) for g in GENDERS):
        parts.append(f'<rect x="{left + i * 110}" y="4" width="12" height="12" fill="{GENDER_COLORS[g]}"/>'
                     f'<text x="{left + i * 110 + 16}" y="14" class="axis">{escape(label)}</text>')
    span = width - left - 60
    for r, row in enumerate(rows):
        y = 30 + r * (bar_h + gap)
        counts = row[measure]
        total = sum(counts[g] for g in GENDERS)
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" class="axis">'
                     f"{escape(str(row[label_key])[:30])}</text>")
        x = float(left)
        for g in GENDERS:
            if not total or not counts[g]:
                continue
            w = counts[g] / total * span
            parts.append(f'<rect class="share" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" '
                         f'fill="{GENDER_COLORS[g]}" data-gender="{g}" data-count="{counts[g]}">'
                         f"<title>{escape(str(row[label_key]))} — {GENDER_LABELS[g]} : {counts[g]} "
                         f"({100 * counts[g] / total:.0f} %)</title></rect>")
            x += w
        parts.append(f'<text x="{left + span + 6}" y="{y + 13}" class="axis">{total}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def add_watch_routes(app: FastAPI, backend: Any, page: Callable[..., HTMLResponse]) -> None:
    """Adds /alertes, /alertes/ID, /alertes/ID.atom, /voix and their JSON twins to ``app``."""

    def base_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    def find(alert_id: str) -> dict[str, Any]:
        return found_or_404(alerts.get_alert(backend.conn(), int(alert_id)) if alert_id.isdigit() else None)

    @app.get("/api/alerts", tags=["api"], summary="Saved searches with their number of matches")
    def api_alerts() -> list[dict[str, Any]]:
        return [{**{k: v for k, v in a.items() if k != "query"}, "search": a["query"].active()}
                for a in alerts.list_alerts(backend.conn())]

    @app.get("/api/voices", tags=["api"], summary="Who gets a voice: quotes and people quoted by gender")
    def api_voices(site: str | None = Query(None, max_length=300),
                   since: str | None = Query(None, pattern=DATE, description="ISO date or prefix, inclusive"),
                   until: str | None = Query(None, pattern=DATE, description="ISO date or prefix, inclusive"),
                   ) -> dict[str, Any]:
        # A mistyped date is refused (422), as on the other endpoints: compared as a string it
        # would silently empty the answer.
        return voices(backend.conn(), site=site or None, since=since or None, until=until or None)

    @app.get("/alertes", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(request: Request):
        proposed = {k: request.query_params.get(k, "") for k in SEARCH_FIELDS}
        return page(request, "alerts.html", nav="alerts", alerts=alerts.list_alerts(backend.conn()),
                    proposed=proposed, error=None)

    @app.post("/alertes", include_in_schema=False)
    def create_alert(request: Request, q: str = Form(""), site: str = Form(""), date_from: str = Form(""),
                     date_to: str = Form(""), entity: str = Form(""), event_type: str = Form(""),
                     year: str = Form(""), speaker: str = Form(""), name: str = Form(""),
                     webhook: str = Form(""), email: str = Form("")):
        values = {"q": q, "site": site, "date_from": date_from, "date_to": date_to, "entity": entity,
                  "event_type": event_type, "year": year, "speaker": speaker}
        problem = None
        if webhook and not webhook.lower().startswith(("http://", "https://")):
            problem = "Le webhook doit être une adresse http(s)."
        elif email and "@" not in email:
            problem = "L’adresse électronique n’est pas valable."
        try:
            query = AlertQuery.from_params(values)
        except AlertQueryError as exc:
            problem = problem or in_french(str(exc))  # the page speaks French (web/reasons.py)
        if problem:
            return page(request, "alerts.html", status_code=422, nav="alerts", error=problem, proposed=values,
                        alerts=alerts.list_alerts(backend.conn()))
        with backend._write_lock:  # the one writer connection of the app
            alert_id = alerts.add_alert(backend.store.conn, query, name.strip() or None, webhook.strip() or None,
                                        email.strip() or None)
        return RedirectResponse(f"/alertes/{alert_id}", status_code=303)

    @app.get("/alertes/{alert_id}.atom", include_in_schema=False)
    def alert_atom(request: Request, alert_id: str):
        alert = find(alert_id)
        xml = alert_feed(alert, alerts.alert_matches(backend.conn(), alert["id"]), base_url(request))
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @app.get("/alertes/{alert_id}", response_class=HTMLResponse, include_in_schema=False)
    def alert_page(request: Request, alert_id: str):
        alert = find(alert_id)
        matches = alerts.alert_matches(backend.conn(), alert["id"], limit=200)
        search_url = "/?" + urlencode(alert["query"].search_params())
        return page(request, "alert.html", nav="alerts", alert=alert, matches=matches, search_url=search_url)

    @app.get("/voix", response_class=HTMLResponse, include_in_schema=False)
    def voices_page(request: Request, site: str | None = None, since: str | None = None, until: str | None = None):
        # (until was the CLI's and the API's only: the page had no end date)
        since, until = date_or_none(since), date_or_none(until)  # as the other pages: a typo is no filter
        data = voices(backend.conn(), site=site or None, since=since, until=until, top=25)
        charts = {
            "site_quotes": share_bars_svg(data["by_site"], "site", "quotes", "Citations par genre et par média"),
            "site_people": share_bars_svg(data["by_site"], "site", "people",
                                          "Personnes citées par genre et par média"),
            "month_quotes": share_bars_svg(data["by_month"], "month", "quotes", "Citations par genre et par mois"),
        }
        return page(request, "voices.html", nav="voices", data=data, charts=charts, labels=GENDER_LABELS,
                    site=site or "", since=since or "", until=until or "")
