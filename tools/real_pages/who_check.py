"""Checks a who gold file (``tests/data/real_pages/who_*.jsonl``: entities, quotes, quantities as
view positions) against the page gold and the view, so an offset that drifted is caught.

    python tools/real_pages/who_check.py tests/data/real_pages/who_dev_fresh.jsonl

Every position must fall on the gold title line (inside its ``start``/``end`` cut) or on a body line
that is not excluded; a mention must read as its entity's name or one of its aliases (case and
spaces aside, or the first-line part of a name wrapped over two lines: otherwise a warning, as the
older rows also mark a bare surname or a possessive form); a quote or quantity span must not be empty.
Exit status 1 when a position is wrong (warnings alone do not fail).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from gold import GOLD_DIR, annotated_twice, load, split  # type: ignore[no-redef]
    from view import view_lines  # type: ignore[no-redef]
else:
    from .gold import GOLD_DIR, annotated_twice, load, split
    from .view import view_lines


def allowed_lines(entry: dict) -> dict[int, tuple[int, int | None]]:
    """Line number -> (first column, end column or None) where who items may sit."""
    out: dict[int, tuple[int, int | None]] = {}
    t = entry.get("title") or {}
    if t:
        first, last = t["line"], entry.get("title_to_line") or t["line"]
        for n in range(first, last + 1):
            out[n] = (t.get("start") or 0 if n == first else 0, t.get("end") if n == last else None)
    skip = set(entry.get("exclude") or [])
    for a, b in entry.get("body") or []:
        out.update({n: (0, None) for n in range(a, b + 1) if n not in skip})
    return out


def _inside(pos: list[int], lines: dict[int, tuple[int, int | None]], end: bool = False) -> bool:
    line, col = pos[0], pos[1]
    if line not in lines:
        return False
    lo, hi = lines[line]
    return lo <= col and (hi is None or col <= hi if end else col < (hi if hi is not None else 10**9))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def problems(row: dict, pages: dict[str, dict], parts: dict[str, str]) -> list[str]:
    page = row.get("page", "?")
    entry = pages.get(page)
    if entry is None:
        return [f"{page}: not in the page gold"]
    out = [] if parts.get(page) == row.get("part") else [f"{page}: part {row.get('part')!r}, split says {parts.get(page)!r}"]
    view = view_lines(page)
    ok = allowed_lines(entry)
    for ent in row.get("entities", []):
        names = {_norm(n) for n in [ent["name"], *ent.get("aliases", [])]}
        for line, a, b in ent.get("mentions", []):
            text = _norm(view[line - 1][a:b]) if 1 <= line <= len(view) else ""
            wrapped = any(n.startswith(text + " ") for n in names)
            if not _inside([line, a], ok) or not _inside([line, b], ok, end=True):
                out.append(f"{page}: mention {ent['name']!r} at {line}:{a} is outside the title and body")
            elif text not in names and not wrapped:
                out.append(f"warning: {page}: mention at {line}:{a}-{b} reads {text!r}, not {ent['name']!r} or an alias")
    for kind in ("quotes", "quantities"):
        for item in row.get(kind, []):
            s, e = item["start"], item["end"]
            if not _inside(s, ok) or not _inside(e, ok, end=True):
                out.append(f"{page}: {kind[:-1]} {s}-{e} is outside the title and body")
            elif (s[0], s[1]) >= (e[0], e[1]):
                out.append(f"{page}: {kind[:-1]} {s}-{e} is empty")
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rows = load(argv[0])
    part = rows[0].get("part", "dev") if rows else "dev"
    pages = {e["page"]: e for e in load(GOLD_DIR / f"gold_{part}.jsonl")}
    parts = split()
    bad = [p for row in rows for p in problems(row, pages, parts)]
    bad += annotated_twice(rows)
    errors = [b for b in bad if not b.startswith("warning: ")]
    print("\n".join(bad) if bad else f"{argv[0]}: {len(rows)} pages, no problem")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
