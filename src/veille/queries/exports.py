"""The rows a listing exports as CSV, the same from the CLI (``--csv``) and the web (the CSV links
of the quotes, events and aid pages): its columns, one flat row per item, and CSV a spreadsheet
opens safely (a cell starting like a formula is quoted)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

QUOTE_COLUMNS = ["published", "speaker", "speaker_text", "kind", "cue", "text", "language",
                 "article_id", "article_title", "site", "path"]
EVENT_COLUMNS = ["date", "published", "type", "source", "target", "place", "mode", "trigger", "text",
                 "quantities", "article_id", "article_title", "site"]
# One row per aid event: amounts and counts as plain numbers a spreadsheet adds up.
AID_COLUMNS = ["date", "published", "donor", "recipient", "mode", "amount", "currency", "what", "how_many",
               "trigger", "text", "article_id", "article_title", "site"]
AID_TOTAL_COLUMNS = ["donor", "recipient", "currency", "mode", "amount", "events", "articles"]


def spreadsheet_safe(row: dict[str, Any]) -> dict[str, Any]:
    """A CSV row a spreadsheet will not run: a cell starting like a formula gets a leading quote
    (OWASP's advice on CSV injection)."""
    return {k: "'" + v if isinstance(v, str) and v[:1] in FORMULA_STARTS else v for k, v in row.items()}


def cell(value: Any) -> Any:
    """A value as one CSV cell: lists and objects as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def aid_flat(row: dict[str, Any]) -> dict[str, Any]:
    """An ``aid_rows`` row as one CSV row: several amounts or counts joined by "; "."""
    money = [q for q in row["money"] if q.get("value") is not None]
    counts = row["counts"]
    return {
        **row, "donor": row["source"], "recipient": row["target"],
        "amount": "; ".join(_number(q["value"]) for q in money),
        "currency": "; ".join(sorted({q["unit"] for q in money})),
        "what": "; ".join(q["unit"] for q in counts if q.get("unit")),
        "how_many": "; ".join(_number(q["value"]) for q in counts if q.get("value") is not None),
    }


def event_flat(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as one CSV row: its quantities as the text the article gave them."""
    return {**row, "quantities": "; ".join(q.get("text") or "" for q in row.get("quantities") or [])}


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """The CSV text (header first, then one row at a time) of ``rows`` over ``columns``."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(spreadsheet_safe({c: cell(row.get(c)) for c in columns}))
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    if buf.getvalue():  # no row: the header alone
        yield buf.getvalue()
