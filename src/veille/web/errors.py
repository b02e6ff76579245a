"""One-line reasons for the API's refusals of a request's parameters or body.

FastAPI answers a bad parameter with a list of structured errors (kept as ``detail``, for the
clients that read it); ``message`` says the same on one line a person reads without parsing it:
which parameter, what is wrong, what was sent. Also the 404 of a page or record that is not there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from fastapi import HTTPException

WHERE = {"query": "query parameter", "path": "path parameter", "body": "request body", "header": "header"}
MAX_SHOWN = 60  # characters of a refused value shown back

T = TypeVar("T")


def _one(error: dict[str, Any]) -> str:
    loc = [str(part) for part in error.get("loc") or ()]
    where = WHERE.get(loc[0], loc[0]) if loc else "request"
    name = ".".join(loc[1:])
    text = f"{where} {name!r}" if name else where
    msg = str(error.get("msg") or "invalid").splitlines()[0] if error.get("msg") else "invalid"
    given = error.get("input")
    if isinstance(given, str | int | float) and error.get("type") != "missing":
        shown = str(given)
        shown = shown if len(shown) <= MAX_SHOWN else shown[:MAX_SHOWN] + "…"
        return f"{text}: {msg} (got {shown!r})"
    return f"{text}: {msg}"


def one_line_reason(errors: Sequence[dict[str, Any]]) -> str:
    """``errors`` (FastAPI's validation errors) as one line: ``query parameter 'limit': Input
    should be greater than or equal to 1 (got '-1')``; several joined by ``; ``."""
    parts = list(dict.fromkeys(_one(e) for e in errors)) or ["invalid request"]
    return "; ".join(parts)


def found_or_404(value: T | None, detail: str | None = None) -> T:
    """``value``, or a 404 (with ``detail``, else the status's own phrase) when the query found nothing."""
    if value is None:
        raise HTTPException(404, detail)
    return value
