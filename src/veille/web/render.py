"""HTML helpers of the web UI: French dates and numbers, safe snippets, annotated text, SVG charts.

Everything that turns stored text into markup lives here, so the one rule — article text is always
escaped, only the markup we generate around it is trusted — is enforced in one place and tested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

# The markers around highlighted words in FTS5 snippets, set by the query layer.
from veille.model import ENTITY_TYPES, EVENT_TYPES
from veille.queries.articles import HL_CLOSE, HL_OPEN

# An ISO date or prefix as the pages and the API take it: YYYY, YYYY-MM or YYYY-MM-DD.
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def date_or_none(value: str | None) -> str | None:
    """A page's date parameter, or None when it is no date (a typo is no filter, not an error)."""
    return value if value and re.match(DATE, value) else None

# The date parameters of the pages; a value that is no date is ignored, and the page says so.
DATE_PARAMS = ("since", "until", "date_from", "date_to")


def date_notice(params: Any) -> str | None:
    """The line a page shows when one of its date parameters is no date and is therefore ignored
    (the CLI refuses it; a page still answers, without that filter, but must not look filtered)."""
    bad = [params.get(k) for k in DATE_PARAMS if params.get(k) and not re.match(DATE, params.get(k))]
    if not bad:
        return None
    shown = ", ".join(f"« {v[:40]} »" for v in bad)
    return f"Date non reconnue, filtre ignoré : {shown} (écrire AAAA, AAAA-MM ou AAAA-MM-JJ)."


YEAR = re.compile(r"^\d{4}$")
GRANULARITIES = ("auto", "day", "month", "year")
# The filters a page drops when their value is not one it knows, by page ("*": every page), with
# the values it knows and the line that says so.
KNOWN_VALUES: tuple[tuple[str, str, Any, str], ...] = (
    ("*", "year", YEAR.match, "Année non reconnue, filtre ignoré : {v} (écrire AAAA)."),
    ("/", "event_type", EVENT_TYPES, "Type d'événement inconnu, filtre ignoré : {v}."),
    ("/evenements", "type", EVENT_TYPES, "Type d'événement inconnu, filtre ignoré : {v}."),
    ("/chronologie", "type", EVENT_TYPES, "Type d'événement inconnu, filtre ignoré : {v}."),
    ("/entites", "type", ENTITY_TYPES, "Type d'entité inconnu, filtre ignoré : {v} (PER, ORG ou LOC)."),
    ("/chronologie", "granularity", GRANULARITIES,
     "Granularité inconnue, ignorée : {v} (auto, day, month ou year)."),
)


def known_or_none(path: str, name: str, value: str | None) -> str | None:
    """``value`` of the filter ``name`` on the page ``path``, or None when the page does not know it
    (an unknown event type or year filters to nothing otherwise, and the page looked empty)."""
    for page, param, known, _ in KNOWN_VALUES:
        if param == name and page in ("*", path) and value:
            return value if (known(value) if callable(known) else value in known) else None
    return value


def filter_notice(path: str, params: Any) -> str | None:
    """The line a page shows for the filters it ignores: a date that is no date, and a year, type or
    granularity it does not know (the page answers without that filter; it must not look filtered)."""
    lines = [date_notice(params)]
    for page, name, _, line in KNOWN_VALUES:
        value = params.get(name)
        if page in ("*", path) and value and known_or_none(path, name, value) is None:
            lines.append(line.format(v=f"« {value[:40]} »"))
    return " ".join(x for x in lines if x) or None


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=1)
def _months() -> list[str]:
    # Babel's CLDR data rather than a hand-written list: the names are the standard French ones.
    from babel.dates import get_month_names

    names = get_month_names("wide", locale="fr")
    return [names[i] for i in range(1, 13)]


def french_date(value: str | None, missing: str = "sans date") -> str:
    """ISO date at any precision, the French way: « 6 avril 2022 », « 1er mai 2021 », « avril 2022 »."""
    if not value:
        return missing
    m = _ISO.match(str(value))
    if not m:
        return str(value)
    year, month, day = m.group(1), m.group(2), m.group(3)
    if not month or not 1 <= int(month) <= 12:
        return year
    name = _months()[int(month) - 1]
    if not day or not 1 <= int(day) <= 31:
        return f"{name} {year}"
    d = int(day)
    return f"{'1er' if d == 1 else d} {name} {year}"


@lru_cache(maxsize=1)
def _short_months() -> list[str]:
    from babel.dates import get_month_names

    names = get_month_names("abbreviated", locale="fr")
    return [names[i] for i in range(1, 13)]


def french_date_short(value: str | None) -> str:
    """A compact axis label: « 6 avr. 2022 », « avr. 2022 », « 2022 »."""
    m = _ISO.match(str(value or ""))
    if not m or not m.group(2) or not 1 <= int(m.group(2)) <= 12:
        return str(value or "")
    month = _short_months()[int(m.group(2)) - 1]
    if not m.group(3):
        return f"{month} {m.group(1)}"
    return f"{int(m.group(3))} {month} {m.group(1)}"


def french_number(value: float | int | None) -> str:
    """12345678.5 → « 12 345 678,5 » (narrow no-break spaces, decimal comma)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    whole, _, frac = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    whole = whole.replace(",", "\u202f")
    return f"{whole},{frac}" if frac else whole


def first_upper(text: str | None) -> str:
    """The first letter in capitals, the rest as written: « chef de l’État » → « Chef de l’État »
    (Jinja's ``capitalize`` lowers the rest: « Chef de l’état », « Ministre des affaires étrangères »)."""
    text = text or ""
    return text[:1].upper() + text[1:]


def entity_url(name: str) -> str:
    return "/entites/" + quote(name, safe="")


def highlight_snippet(snippet: str | None) -> Markup:
    """An FTS5 snippet made with HL_OPEN/HL_CLOSE markers: text escaped, highlights as <mark>."""
    if not snippet:
        return Markup("")
    out: list[str] = []
    inside = False
    for piece in re.split(f"([{HL_OPEN}{HL_CLOSE}])", snippet):
        if piece == HL_OPEN:
            if not inside:
                out.append("<mark>")
                inside = True
        elif piece == HL_CLOSE:
            if inside:
                out.append("</mark>")
                inside = False
        else:
            out.append(str(escape(piece)))
    if inside:
        out.append("</mark>")
    return Markup("".join(out))


# -- text with annotations in place ---------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of text to wrap in one element. Lower ``layer`` opens first (outer)."""

    start: int
    end: int
    layer: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()


def _open(span: Span, inside_link: bool) -> tuple[str, str]:
    tag = span.tag
    attrs = span.attrs
    if tag == "a" and inside_link:
        # A link inside a link is not HTML: the inner mention keeps its look, not its href.
        tag = "span"
        attrs = tuple((k, v) for k, v in attrs if k != "href")
    rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs)
    return f"<{tag}{rendered}>", tag


def annotate(text: str, spans: Iterable[Span], offset: int = 0) -> Markup:
    """``text`` escaped, with each span wrapped in its element.

    Spans are in the coordinates of a larger text; ``offset`` is where ``text`` starts in it, and
    spans are clipped to it. Spans that cross (a quote ending inside a mention) are closed and
    reopened so the result is always well nested.
    """
    n = len(text)
    local: list[Span] = []
    for s in spans:
        start, end = max(s.start - offset, 0), min(s.end - offset, n)
        if start < end:
            local.append(Span(start, end, s.layer, s.tag, s.attrs))
    if not local:
        return Markup(escape(text))
    local.sort(key=lambda s: (s.start, s.layer, -s.end))
    bounds = sorted({0, n, *(s.start for s in local), *(s.end for s in local)})
    starts: dict[int, list[Span]] = {}
    for s in local:
        starts.setdefault(s.start, []).append(s)
    out: list[str] = []
    stack: list[tuple[Span, str]] = []  # open spans and the tag actually written
    for i, pos in enumerate(bounds):
        if any(s.end == pos for s, _ in stack):
            # Close down to the deepest span ending here; reopen the survivors afterwards.
            depth = min(k for k, (s, _) in enumerate(stack) if s.end == pos)
            reopen = [s for s, _ in stack[depth:] if s.end != pos]
            for _, tag in reversed(stack[depth:]):
                out.append(f"</{tag}>")
            del stack[depth:]
        else:
            reopen = []
        for s in reopen + sorted(starts.get(pos, []), key=lambda s: (s.layer, -s.end)):
            html, tag = _open(s, any(t == "a" for _, t in stack))
            out.append(html)
            stack.append((s, tag))
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos:bounds[i + 1]])))
    for _, tag in reversed(stack):
        out.append(f"</{tag}>")
    return Markup("".join(out))


def article_spans(record: dict) -> list[Span]:
    """The spans to show in an article's text: entities, times, quantities, quotes, events, foreign."""
    spans: list[Span] = []

    def ok(start, end) -> bool:
        return isinstance(start, int) and isinstance(end, int) and 0 <= start < end

    for f in record.get("foreign") or []:
        if ok(f.get("start"), f.get("end")):
            spans.append(Span(f["start"], f["end"], 0, "span",
                              (("class", "foreign"), ("lang", f.get("language") or ""),
                               ("title", f"Passage en langue étrangère ({f.get('language') or '?'})"))))
    for ev in record.get("events") or []:
        if ok(ev.get("start"), ev.get("end")):
            who = f"{ev.get('source') or '?'} → {ev.get('target') or '?'}"
            spans.append(Span(ev["start"], ev["end"], 1, "span",
                              (("class", f"event mode-{ev.get('mode') or 'fact'}"),
                               ("data-type", ev.get("type") or ""),
                               ("title", f"Événement {ev.get('type')} : {who}"))))
    for q in record.get("quotes") or []:
        if ok(q.get("start"), q.get("end")):
            who = q.get("speaker") or q.get("speaker_text") or "locuteur inconnu"
            spans.append(Span(q["start"], q["end"], 2, "span",
                              (("class", f"quote quote-{q.get('kind') or 'direct'}"),
                               ("data-speaker", q.get("speaker") or ""),
                               ("title", f"Citation de {who}"))))
    for e in record.get("entities") or []:
        for sp in e.get("spans") or []:
            if isinstance(sp, Sequence) and len(sp) == 2 and ok(sp[0], sp[1]):
                spans.append(Span(sp[0], sp[1], 3, "a",
                                  (("class", f"ent ent-{e.get('type')}"), ("href", entity_url(e["name"])),
                                   ("title", f"{e['name']} ({e.get('type')})"))))
    for t in record.get("times") or []:
        if ok(t.get("start"), t.get("end")):
            spans.append(Span(t["start"], t["end"], 4, "time",
                              (("class", "time"), ("datetime", t.get("value") or ""),
                               ("title", french_date(t.get("value"), "date non résolue")))))
    for q in record.get("quantities") or []:
        if ok(q.get("start"), q.get("end")):
            spans.append(Span(q["start"], q["end"], 4, "span",
                              (("class", "qty"),
                               ("title", f"{french_number(q.get('value'))} {q.get('unit') or ''}".strip()))))
    return spans


def annotated_segments(record: dict) -> tuple[Markup | None, list[Markup]]:
    """The title and each paragraph as annotated markup (offsets are into Article.nlp_text())."""
    spans = article_spans(record)
    title = record.get("title")
    paragraphs = record.get("paragraphs") or []
    pos = 0
    title_html = None
    if title:
        title_html = annotate(title, spans, 0)
        pos = len(title) + 2
    out = []
    for para in paragraphs:
        out.append(annotate(para, spans, pos))
        pos += len(para) + 2
    return title_html, out


# -- charts ---------------------------------------------------------------------------------------

PALETTE = ("#1f5fa8", "#d9822b", "#2e8b57", "#b03a48", "#7a4fa3", "#8c6d1f", "#3a8fb7", "#c2589a",
           "#5b7f2a", "#a0522d", "#4b5563", "#0f766e", "#9d174d", "#6d28d9", "#b45309", "#1d4ed8")


def color(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def timeline_svg(buckets: Sequence[str], keys: Sequence[str], counts: dict[tuple[str, str], int],
                 title: str = "Chronologie") -> Markup:
    """Stacked bars, one per bucket (a day, month or year), one colour per key. Pure SVG, no JS."""
    if not buckets:
        return Markup("")
    bar_w, gap, left, top, height = 18, 4, 70, 10, 220
    totals = [sum(counts.get((b, k), 0) for k in keys) for b in buckets]
    peak = max(totals) or 1
    width = left + len(buckets) * (bar_w + gap) + 10
    label_every = max(1, len(buckets) // 12)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
             f'width="{width}" height="{top + height + 75}" viewBox="0 0 {width} {top + height + 75}">',
             f"<title>{escape(title)}</title>"]
    # Horizontal guides at 0, half and the peak.
    for frac in (0, 0.5, 1):
        y = top + height - frac * height
        parts.append(f'<line class="guide" x1="{left}" x2="{width - 5}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{round(peak * frac)}</text>")
    for i, b in enumerate(buckets):
        x = left + i * (bar_w + gap)
        y = top + height
        for j, k in enumerate(keys):
            c = counts.get((b, k), 0)
            if not c:
                continue
            h = c / peak * height
            y -= h
            parts.append(f'<rect class="bar" x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" '
                         f'fill="{color(j)}" data-date="{escape(b)}" data-key="{escape(k)}" data-count="{c}">'
                         f"<title>{escape(french_date(b))} — {escape(k)} : {c}</title></rect>")
        if i % label_every == 0:
            lx, ly = x + bar_w / 2, top + height + 12
            parts.append(f'<text class="axis" x="{lx:.1f}" y="{ly}" text-anchor="end" '
                         f'transform="rotate(-45 {lx:.1f} {ly})">{escape(french_date_short(b))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
