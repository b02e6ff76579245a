"""Checks a times gold file (``tests/data/real_pages/times_*.jsonl``: TIMEX3 spans as view positions)
against the page gold and the view, so that a drifted offset or a malformed value is caught.

    python tools/real_pages/times_check.py tests/data/real_pages/times_dev_fresh2.jsonl

Every span must start and end on the gold title (inside its ``start``/``end`` cut) or on body lines
that are not excluded, be non-empty and not begin or end in blank space; two spans of a page must not
overlap; the type is one of the four TIMEX3 types and the value (and each ``accept``) reads as a
TIMEX3 value (``null`` only on an optional span, as a programme's name). Exit status 1 on a problem.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gold import GOLD_DIR, annotated_twice, load, split  # type: ignore[no-redef]
    from view import view_lines  # type: ignore[no-redef]
else:
    from .gold import GOLD_DIR, annotated_twice, load, split
    from .view import view_lines

TYPES = ("DATE", "TIME", "DURATION", "SET")
# TIMEX3 values as the team's gold writes them: calendar dates (weeks, seasons, quarters, halves,
# parts of day), decades and centuries, durations, the three vague references.
VALUE = re.compile(r"^\d{2}$|^(\d{4}|\d{3}X|\d{2}XX|XXXX)(-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d{2}|WXX|XX)"
                   r"(-(\d{2}|WE|[1-7]|XX))?)?(T(\d{2}(:\d{2})?|MO|MI|AF|EV|NI|DT))?$|^P(\d+|X)(Y|M|W|D|DE|CE)$|"
                   r"^PT(\d+|X)(H|M|S)$|^(PRESENT|PAST|FUTURE)_REF$|^P(\d+|X)Y(\d+|X)M$|^PT(\d+|X)H(\d+|X)M$")


def allowed_lines(entry: dict) -> dict[int, tuple[int, int | None]]:
    """Line number -> (first column, end column or None) where a time may sit: title cut, body lines."""
    out: dict[int, tuple[int, int | None]] = {}
    t = entry.get("title") or {}
    if t:
        first, last = t["line"], entry.get("title_to_line") or t.get("to_line") or t["line"]
        for n in range(first, last + 1):
            out[n] = ((t.get("start") or 0) if n == first else 0, t.get("end") if n == last else None)
    skip = set(entry.get("exclude") or [])
    for a, b in entry.get("body") or []:
        out.update({n: (0, None) for n in range(a, b + 1) if n not in skip})
    return out


def _inside(where: dict[int, tuple[int, int | None]], line: int, col: int, lines: list[str]) -> bool:
    if line not in where or not 1 <= line <= len(lines):
        return False
    lo, hi = where[line]
    return lo <= col <= (len(lines[line - 1]) if hi is None else hi)


def row_problems(row: dict, entry: dict, lines: list[str]) -> list[str]:
    """One line per misplaced, overlapping or malformed time of one page's row."""
    page = row["page"]
    where = allowed_lines(entry)
    out: list[str] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for t in row.get("times") or []:
        (l1, c1), (l2, c2) = t["start"], t["end"]
        label = f"{page} [{l1},{c1}]-[{l2},{c2}]"
        if not (_inside(where, l1, c1, lines) and _inside(where, l2, c2, lines)) or (l1, c1) >= (l2, c2):
            out.append(f"{label}: outside the title and body, or empty")
            continue
        first = lines[l1 - 1][c1:c1 + 1]
        last = lines[l2 - 1][c2 - 1:c2]
        if not first.strip() or not last.strip():
            out.append(f"{label}: begins or ends in blank space")
        if t.get("type") not in TYPES:
            out.append(f"{label}: type {t.get('type')!r}")
        value = t.get("value")
        if value is None and not t.get("optional"):
            out.append(f"{label}: a null value on a scored time")
        for v in ([value] if value is not None else []) + list(t.get("accept") or []):
            if not isinstance(v, str) or not VALUE.match(v):
                out.append(f"{label}: value {v!r} is not a TIMEX3 value")
        spans.append(((l1, c1), (l2, c2)))
    spans.sort()
    for (a_start, a_end), (b_start, _) in zip(spans, spans[1:], strict=False):
        if b_start < a_end:
            out.append(f"{page} {list(a_start)} and {list(b_start)}: overlapping times")
    return out


def file_problems(path: Path) -> list[str]:
    """Every problem of a times gold file: rows against the page gold of their part and the view."""
    rows = load(path)
    parts = split()
    out = annotated_twice(rows)
    pages: dict[str, dict] = {}
    for part in sorted({r.get("part", "") for r in rows}):
        gold = GOLD_DIR / f"gold_{part}.jsonl"
        pages.update({e["page"]: e for e in load(gold)} if gold.exists() else {})
    for row in rows:
        if parts.get(row["page"]) != row.get("part"):
            out.append(f"{row['page']}: part {row.get('part')!r} but split.tsv says {parts.get(row['page'])!r}")
        if row["page"] not in pages:
            out.append(f"{row['page']}: no page gold (title, body, published)")
            continue
        out += row_problems(row, pages[row["page"]], view_lines(row["page"]))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    bad = file_problems(Path(argv[0]))
    for line in bad:
        print(line)
    rows = load(argv[0])
    print(f"{len(rows)} pages, {sum(len(r.get('times') or []) for r in rows)} times, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
