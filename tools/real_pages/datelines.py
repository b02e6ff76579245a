"""Dateline gold of the real pages (``tests/data/real_pages/datelines_{dev,test}.jsonl``): read, check, score.

    python tools/real_pages/datelines.py check       # every dateline span inside the view, digests match

One row a page of ``gold_dev.jsonl`` / ``gold_test.jsonl``::

    {"page": "w0257", "part": "dev", "annotator": "helper-dateline",
     "dateline": {"line": 10, "start": 0, "end": 19, "place": "Rennes", "date": null,
                  "agency": "Reuters", "form": "caps-agency-dash", "check": "34919516ce"}}

``dateline`` is ``null`` when the page opens its article with none. ``line``/``start``/``end``: where
the dateline stands in the page's view (``view.py``), separator included; ``place`` as normally
written, ``date`` ISO or ``null``, ``agency`` as written or ``null``; ``form`` a label for the census
(``caps-agency-dash`` "PLACE (Agency) -", ``place-dash`` "Place - ", ``caps-hyphen`` "PLACE-Le …",
``place-period`` "Place. Le …", ``agency-dash-place`` "Agency – Place. Le …"). ``note`` on a row with no
dateline names a near miss the annotator left out on purpose: ``byline-place`` (a byline giving the
writer's town), ``glued-kicker`` (a rubric, maybe a country, glued to the lede), ``agency-byline`` (an
agency named as the author), ``section-place`` (a section name that is a town). Conventions: a
dateline opens the article (the lede's start or a line of its own just before it); an agency credit
at the end of the text, a byline and a rubric are no datelines.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from view import checksum, view_lines  # type: ignore[no-redef]
else:
    from .view import checksum, view_lines

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "real_pages"
FIELDS = ("place", "agency", "date")


def load(part: str) -> dict[str, dict]:
    """Page id -> gold row of ``datelines_{part}.jsonl`` (``part``: dev or test)."""
    path = GOLD_DIR / f"datelines_{part}.jsonl"
    if not path.exists():
        return {}
    return {row["page"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if row}


def norm(value: str | None) -> str | None:
    """A place or agency as compared: NFKC, case and accents folded, spaces collapsed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")
    return " ".join(text.split()) or None


class DatelineTally:
    """Per part: "has a dateline" precision and recall, and place / agency / date accuracy over all
    pages (``null`` right when the gold is ``null``) and over the gold datelines alone."""

    def __init__(self) -> None:
        self.pages = self.gold = self.pred = self.both = 0
        self.right = dict.fromkeys(FIELDS, 0)  # over all pages
        self.right_on_gold = dict.fromkeys(FIELDS, 0)
        self.gold_with = dict.fromkeys(FIELDS, 0)

    def add(self, gold: dict | None, pred: dict | None) -> list[str]:
        """Counts one page; returns the fields it got wrong (``has`` for presence)."""
        self.pages += 1
        self.gold += gold is not None
        self.pred += pred is not None
        self.both += gold is not None and pred is not None
        wrong = [] if (gold is None) == (pred is None) else ["has"]
        for field in FIELDS:
            g = norm((gold or {}).get(field))
            p = norm((pred or {}).get(field))
            ok = g == p
            self.right[field] += ok
            if g is not None:
                self.gold_with[field] += 1
                self.right_on_gold[field] += ok
            if not ok:
                wrong.append(field)
        return wrong

    def result(self) -> dict[str, float]:
        out: dict[str, float] = {
            "dl_gold": self.gold, "dl_pred": self.pred,
            "dl_has_p": self.both / self.pred if self.pred else 1.0,
            "dl_has_r": self.both / self.gold if self.gold else 1.0}
        for field in FIELDS:
            out[f"dl_{field}"] = self.right[field] / self.pages if self.pages else 0.0
            out[f"dl_{field}_gold"] = (self.right_on_gold[field] / self.gold_with[field]
                                       if self.gold_with[field] else 1.0)
        return out


def predicted(article: Any) -> dict | None:
    """The record's dateline as a dict of the scored fields, or None."""
    dl = getattr(article, "dateline", None)
    if dl is None:
        return None
    return {"place": dl.place, "agency": dl.agency, "date": dl.date}


def check() -> int:
    """Every span inside its page's view, its digest matching; returns the number of problems."""
    bad = 0
    for part in ("dev", "test"):
        for page, row in load(part).items():
            d = row.get("dateline")
            if not d:
                continue
            lines = view_lines(page)
            if not 1 <= d["line"] <= len(lines) or checksum(lines[d["line"] - 1][d["start"]:d["end"]]) != d["check"]:
                print(f"{page}: dateline span or digest does not match the view")
                bad += 1
    print(f"{bad} problem(s)")
    return bad


if __name__ == "__main__":
    if sys.argv[1:] != ["check"]:
        print(__doc__)
        raise SystemExit(2)
    raise SystemExit(1 if check() else 0)
