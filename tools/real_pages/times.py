"""Real-page TIMES gold (``tests/data/real_pages/times_{dev,test}.jsonl``): load, place, score.

``times_dev_fresh.jsonl`` holds dev pages annotated later, on sites the first dev rows did not cover
(issue 12: an estimate free of the rules' fit to the first pages); ``times_rows("fresh")`` gives them
alone; ``times_dev_fresh2.jsonl`` (``times_rows("fresh2")``) is a second such batch, on dev sites no
other times file marks; ``times_dev_fresh3.jsonl`` (``times_rows("fresh3")``) a third, marked before
Veille ran on it; ``times_dev_fresh4.jsonl`` (``times_rows("fresh4")``) a fourth, likewise;
``times_rows("dev")`` gives the five dev files.

One row a page: ``{"page", "part", "annotator", "times": [{"start": [line, col], "end": [line, col],
"type": "DATE|TIME|DURATION|SET", "value": "…", "accept": […], "optional": true?}, …]}`` with
lines and columns of the page view (``view.py``), as ``who_*.jsonl`` quotes and quantities: no text.

- ``shared_times(items, lines)``: the gold for ``shared/eval/score.py`` (SCHEMA's ``times`` rule:
  overlap match, value or ``accept``, dates scored): DATE and TIME entries with their text; the
  same wording with the same value printed twice is one entry, as Veille lists a repeated
  expression once (its occurrences in ``spans``); an entry required anywhere stays required.
- ``gold_spans(entry, items, lines)``: every TIMEX3 as (start, end) offsets in the text Veille is
  given with ``--body`` (title, blank line, paragraphs blank-line separated).
- ``score_all_types(golds, preds)``: TimeBank-style detection over the four types, per occurrence:
  strict (same extent) and relaxed (overlap) F1, value F1 and value accuracy on relaxed matches,
  values compared whole (``2022-04-05TEV``, ``P3D``, ``XXXX-WXX-1``).
"""

from __future__ import annotations

import re

from .gold import gold_files, load
from .materialize import span_text

TYPES = ("DATE", "TIME", "DURATION", "SET")
SEPARATOR = "\n\n"
def times_rows(part: str) -> dict[str, dict]:
    """The stored times gold rows of ``part`` (dev, test, fresh, fresh2, fresh3 or fresh4) by page; missing files are skipped."""
    out: dict[str, dict] = {}
    for path in gold_files("times", part):
        if path.exists():
            out.update({row["page"]: row for row in load(path)})
    return out


def shared_times(items: list[dict], lines: list[str]) -> list[dict]:
    """DATE and TIME gold entries in the shared gold format (text read from the view)."""
    out: dict[tuple, dict] = {}
    for t in items:
        if t.get("type", "DATE") not in ("DATE", "TIME"):
            continue
        text = span_text(lines, t["start"], t["end"])
        key = (" ".join(text.lower().replace("’", "'").split()), t.get("value"))
        item = {"text": text, "type": t.get("type", "DATE"), "value": t.get("value"),
                **({"accept": list(t["accept"])} if t.get("accept") else {}),
                **({"optional": True} if t.get("optional") else {})}
        if key not in out or out[key].get("optional") and not item.get("optional"):
            out[key] = item
    return list(out.values())


def _pieces(entry: dict) -> list[list[tuple[int, int | None, int | None]]]:
    """Title, then paragraphs, each a list of (line, from column, to column) pieces joined by a
    space, in the order ``materialize.paragraphs`` and ``gold.title_text`` read them."""
    out: list[list[tuple[int, int | None, int | None]]] = []
    t = entry.get("title")
    if t:
        first, last = t["line"], entry.get("title_to_line") or t.get("to_line") or t["line"]
        out.append([(i, (t.get("start") or 0) if i == first else 0, t.get("end") if i == last else None)
                    for i in range(first, last + 1)])
    skip = set(entry.get("exclude") or [])
    for a, b in entry.get("body") or []:
        current: list[tuple[int, int | None, int | None]] = []
        for i in range(a, b + 1):
            if i in skip:
                if current:
                    out.append(current)
                    current = []
                continue
            current.append((i, 0, None))
        if current:
            out.append(current)
    return out


def doc_index(entry: dict, lines: list[str]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text given with ``--body`` and, for each line used, (offset of its first kept
    character in that text, its column in the view)."""
    blocks: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    pos = 0
    for n, block in enumerate(_pieces(entry)):
        title = n == 0 and bool(entry.get("title"))
        words: list[str] = []
        for line, a, b in block:
            segment = lines[line - 1][a:b]
            text = segment.strip()
            if not text:
                if not title and words:  # a blank line splits a paragraph (materialize.paragraphs)
                    blocks.append(" ".join(words))
                    pos += len(blocks[-1]) + len(SEPARATOR)
                    words = []
                continue
            offset = pos + sum(len(w) + 1 for w in words)
            where[line] = (offset, (a or 0) + len(segment) - len(segment.lstrip()))
            words.append(text)
        if words:
            blocks.append(" ".join(words))
            pos += len(blocks[-1]) + len(SEPARATOR)
    return SEPARATOR.join(blocks), where


def gold_spans(entry: dict, items: list[dict], lines: list[str]) -> list[dict]:
    """Each gold time with ``begin``/``finish`` offsets in ``doc_index``'s text."""
    _, where = doc_index(entry, lines)
    out = []
    for t in items:
        (l1, c1), (l2, c2) = t["start"], t["end"]
        if l1 not in where or l2 not in where:
            raise ValueError(f"{entry['page']}: time at line {l1} is outside the title and body")
        begin = where[l1][0] + c1 - where[l1][1]
        finish = where[l2][0] + c2 - where[l2][1]
        out.append({**t, "type": t.get("type", "DATE"), "begin": begin, "finish": finish,
                    "text": span_text(lines, t["start"], t["end"])})
    return out


def pred_occurrences(record: dict) -> tuple[str, list[dict]]:
    """The record's own text (title, paragraphs) and one entry per occurrence of each predicted
    time, with its ``begin``/``finish`` in that text (from ``spans``) when the record gives them."""
    text = SEPARATOR.join(([record["title"]] if record.get("title") else []) + list(record.get("paragraphs") or []))
    out = []
    for t in record.get("times") or []:
        spans = t.get("spans") or ([[t["start"], t["end"]]] if t.get("start") is not None else [])
        if not spans:
            out.append({**t})
            continue
        for a, b in spans:
            out.append({**t, "text": text[a:b] or t.get("text", ""), "begin": a, "finish": b})
    return text, out


def page_times(entry: dict, items: list[dict], record: dict) -> tuple[str, list[dict], str, list[dict]]:
    """One gold page read for scoring: the gold's text and its times (``gold_spans``), and the record's
    own text and predicted occurrences (``pred_occurrences``)."""
    from .view import view_lines

    lines = view_lines(entry["page"])
    text, _ = doc_index(entry, lines)
    pred_text, preds = pred_occurrences(record)
    return text, gold_spans(entry, items, lines), pred_text, preds


def locate(text: str, preds: list[dict], pred_len: int | None = None) -> list[tuple[int, int, int]]:
    """(begin, finish, index) of each prediction found in ``text`` by its wording: longer wordings
    first, each at its first place in the text that no other prediction holds yet (so "mardi" is not
    placed inside an earlier "mardi soir"), and never inside a longer word ("mai" is not placed in
    "lendemain"); a run of white space matches any other (the page's no-break or doubled spaces,
    which the record folds). With ``pred_len`` (the length of the record's own text) a prediction that
    gives its ``begin`` there takes the free place nearest that offset scaled to ``text``, not the first
    (a "20 ans" of the narrative is not put on an earlier age of the page); sorted by position."""
    out: list[tuple[int, int, int]] = []
    low = text.lower().replace("’", "'")
    order = sorted(range(len(preds)), key=lambda i: -len((preds[i].get("text") or "").strip()))

    def cut_word(k: int, n: int) -> bool:
        return (k > 0 and low[k - 1].isalnum() and low[k].isalnum()) or \
            (k + n < len(low) and low[k + n].isalnum() and low[k + n - 1].isalnum())

    for i in order:
        words = (preds[i].get("text") or "").lower().replace("’", "'").split()
        if not words:
            continue
        # any run of white space in the wording matches any run in the text (a no-break space, a
        # doubled space of the page: the record's text folds them)
        needle = re.compile(r"\s+".join(re.escape(w) for w in words))
        hint = preds[i].get("begin")
        want = hint * len(text) / pred_len if pred_len and hint is not None else None
        best = None
        m = needle.search(low)
        while m:
            if not (cut_word(m.start(), m.end() - m.start())
                    or any(s < m.end() and m.start() < e for s, e, _ in out)):
                if want is None:
                    best = m
                    break
                if best is None or abs(m.start() - want) < abs(best.start() - want):
                    best = m
            m = needle.search(low, m.start() + 1)
        if best:
            out.append((best.start(), best.end(), i))
    return sorted(out)


def _f1(right: int, gold: int, pred: int) -> dict:
    p = right / pred if pred else 0.0
    r = right / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": right, "fp": pred - right, "fn": gold - right}


def match_items(text: str, golds: list[dict], preds: list[dict], pred_text: str | None = None
                ) -> list[tuple[dict | None, dict | None, bool, bool]]:
    """Each required gold as (gold, its matched prediction or None, same extent, right value), then
    each prediction no required gold took as (None, prediction, False, False) — a prediction whose
    wording is not in the text as (None, None, False, False). Optional gold items are neither
    listed nor leave the prediction on them an extra. ``pred_text``: see ``AllTypes.add``."""
    if pred_text == text and all("begin" in p for p in preds):
        located = [(p["begin"], p["finish"], i) for i, p in enumerate(preds)]
    else:
        located = locate(text, preds, len(pred_text) if pred_text else None)
    out: list[tuple[dict | None, dict | None, bool, bool]] = [(None, None, False, False)] * (len(preds) - len(located))
    used: set[int] = set()
    for g in sorted(golds, key=lambda g: g["begin"]):
        hit = None
        for s, e, i in located:
            if i in used or not (s < g["finish"] and g["begin"] < e):
                continue
            if s == g["begin"] and e == g["finish"]:
                hit = (i, True)
                break
            if hit is None:
                hit = (i, False)
        if g.get("optional"):
            if hit:
                used.add(hit[0])
            continue
        if not hit:
            out.append((g, None, False, False))
            continue
        used.add(hit[0])
        p = preds[hit[0]]
        ok = p.get("value") is not None and p.get("value") in {g.get("value"), *g.get("accept", [])}
        out.append((g, p, hit[1], ok))
    out.extend((None, preds[i], False, False) for _, _, i in located if i not in used)
    return out


class AllTypes:
    """Per-occurrence detection and value over DATE, TIME, DURATION and SET (optional gold items
    neither count when missed nor make a prediction on them wrong)."""

    def __init__(self) -> None:
        self.c = {k: 0 for k in ("gold", "pred", "strict", "relaxed", "value")}
        self.errors: list[str] = []

    def add(self, page: str, text: str, golds: list[dict], preds: list[dict], pred_text: str | None = None) -> None:
        """``pred_text``: the text the predictions' offsets refer to; when it is the gold text the
        offsets are used, otherwise each prediction is found by its wording."""
        for g, p, strict, ok in match_items(text, golds, preds, pred_text):
            if g is None:
                self.c["pred"] += 1
                if p is not None:
                    self.errors.append(f"{page}: extra {p.get('text')!r}={p.get('value')}")
                continue
            self.c["gold"] += 1
            if p is None:
                self.errors.append(f"{page}: missed {g['text']!r}={g.get('value')} ({g['type']})")
                continue
            self.c["pred"] += 1
            self.c["relaxed"] += 1
            self.c["strict"] += strict
            self.c["value"] += ok
            if not ok or not strict:
                self.errors.append(f"{page}: gold {g['text']!r}={g.get('value')} pred "
                                   f"{p.get('text')!r}={p.get('value')} ({p.get('type')})")

    def result(self) -> dict:
        c = self.c
        return {"all_strict": _f1(c["strict"], c["gold"], c["pred"]),
                "all_relaxed": _f1(c["relaxed"], c["gold"], c["pred"]),
                "all_value": _f1(c["value"], c["gold"], c["pred"]),
                "all_value_on_matches": {"accuracy": c["value"] / c["relaxed"] if c["relaxed"] else None,
                                         "right": c["value"], "total": c["relaxed"]}}


def type_counts(rows: list[dict]) -> dict[str, int]:
    """Gold times per type (optional ones apart, as ``optional``)."""
    out = dict.fromkeys(TYPES, 0) | {"optional": 0}
    for row in rows:
        for t in row.get("times", []):
            out["optional" if t.get("optional") else t.get("type", "DATE")] += 1
    return out
