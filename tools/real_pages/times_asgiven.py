"""What the real-page times lose or gain as given against the gold body handed over (issues 11 and 12):
each gold time one run scores and the other does not (or matches with another extent or value), and
each extra time one run adds, classed by cause:

- ``lost-line``: the gold paragraph holding the time is not in the page as given;
- ``kept-line``: an extra time in a paragraph the gold body leaves out (a related link's date, a
  menu, a caption: the kind is read by hand with ``--rows --text``);
- ``title``: the time sits in the title, and the title as given is another;
- ``cut-joined``: the same text, cut or joined otherwise (a line split, two paragraphs made one),
  or the time's extent or detection otherwise;
- ``published``: the published date as given is not the gold's (every relative time shifts);
- ``reference``: the same published date, another value: the text's reference day (a dateline's
  date, an anchor in a line kept or lost before it).

    .venv/bin/python bench/real_eval.py times --part dev --keep /tmp/X/given
    .venv/bin/python bench/real_eval.py times --part dev --body --keep /tmp/X/body
    .venv/bin/python tools/real_pages/times_asgiven.py --part dev /tmp/X/given/times-dev.jsonl \
        /tmp/X/body/times-dev.jsonl [--rows] [--text]

Counts by class, way (lost, gained, extra-added, extra-removed) and site; ``--rows`` one row a change
(page, class, way), ``--text`` with the words and differing paragraphs: page text, printed to the
terminal only (never redirect into the repository). A test part prints the counts only (``--rows``
refused).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.real_pages.asgiven_census import SC, _found  # noqa: E402
from tools.real_pages.gold import GOLD_DIR, load, pages_part, split_rows  # noqa: E402
from tools.real_pages.times import SEPARATOR, locate, match_items, page_times, times_rows  # noqa: E402

READABLE = ("dev", "fresh", "fresh2", "fresh3", "fresh4")


def _outcomes(text: str, golds: list[dict], preds: list[dict], pred_text: str) -> tuple[dict, list[dict]]:
    """Gold index -> (matched, same extent, right value, the prediction); and the extra predictions."""
    index = {id(g): i for i, g in enumerate(golds)}
    got: dict[int, tuple] = {}
    extra: list[dict] = []
    if not (pred_text == text and all("begin" in p for p in preds)):
        placed = {i for _, _, i in locate(text, preds, len(pred_text) if pred_text else None)}
        extra.extend(p for i, p in enumerate(preds) if i not in placed)  # wording not in the gold text
    for g, p, strict, ok in match_items(text, golds, preds, pred_text):
        if g is None:
            if p is not None:
                extra.append(p)
            continue
        got[index[id(g)]] = (p is not None, strict, ok, p)
    return got, extra


def _block_of(text: str, begin: int) -> int:
    """Which SEPARATOR-joined block of ``text`` holds offset ``begin``."""
    return text[:begin].count(SEPARATOR)


def _key(p: dict) -> tuple:
    return (SC.norm(p.get("text") or ""), p.get("value"))


def page_changes(entry: dict, items: list[dict], given: dict, body: dict) -> list[dict]:
    """The changed times of one page, each {class, way, text, gold value, given, body}."""
    text, golds, gtext, gpreds = page_times(entry, items, given)
    _, _, btext, bpreds = page_times(entry, items, body)
    got_g, extra_g = _outcomes(text, golds, gpreds, gtext)
    got_b, extra_b = _outcomes(text, golds, bpreds, btext)
    blocks = text.split(SEPARATOR)
    has_title = bool(entry.get("title"))
    given_paras = list(given.get("paragraphs") or [])
    title_ok = SC.dice(blocks[0] if has_title else "", given.get("title") or "") >= 0.8
    date_ok = given.get("published") == entry.get("published")
    out: list[dict] = []
    for i, g in enumerate(golds):
        a, b = got_g.get(i), got_b.get(i)
        if a is None or b is None or a[:3] == b[:3]:
            continue
        way = "lost" if (b[0], b[2], b[1]) > (a[0], a[2], a[1]) else "gained"
        block = _block_of(text, g["begin"])
        in_title = has_title and block == 0
        if in_title and not title_ok:
            cls = "title"
        elif not in_title and not a[0] and not _found(blocks[block], given_paras) \
                and not any(_found(p, [blocks[block]]) for p in given_paras):
            cls = "lost-line"
        elif a[0] and b[0] and a[1] == b[1] and a[2] != b[2]:
            cls = "reference" if date_ok else "published"
        else:
            cls = "cut-joined"
        out.append({"class": cls, "way": way, "text": g["text"], "gold": g.get("value"),
                    "given": a[3].get("value") if a[3] else None, "body": b[3].get("value") if b[3] else None})
    # extra predictions one run makes and the other does not, by wording and value
    left_b = Counter(_key(p) for p in extra_b)
    gblocks = gtext.split(SEPARATOR)
    g_has_title = bool(given.get("title"))
    for p in extra_g:
        k = _key(p)
        if left_b[k]:
            left_b[k] -= 1
            continue
        where = _block_of(gtext, p["begin"]) if p.get("begin") is not None else None
        if where is None:
            cls = "cut-joined"
        elif g_has_title and where == 0:
            cls = "title" if not title_ok else "cut-joined"
        elif not _found(gblocks[where], blocks) and not any(_found(b, [gblocks[where]]) for b in blocks):
            cls = "kept-line"
        else:
            same = [q for q in extra_b if SC.norm(q.get("text") or "") == k[0]]
            cls = ("published" if not date_ok else "reference") if same else "cut-joined"
        out.append({"class": cls, "way": "extra-added", "text": p.get("text"), "gold": None,
                    "given": p.get("value"), "body": None,
                    "para": gblocks[where] if where is not None else ""})
    left_g = Counter(_key(p) for p in extra_g)
    for p in extra_b:
        k = _key(p)
        if left_g[k]:
            left_g[k] -= 1
            continue
        block = _block_of(btext, p["begin"]) if p.get("begin") is not None else None
        bblocks = btext.split(SEPARATOR)
        para = bblocks[block] if block is not None else ""
        if has_title and block == 0 and not title_ok:
            cls = "title"
        elif para and not _found(para, given_paras) and not any(_found(q, [para]) for q in given_paras):
            cls = "lost-line"
        else:
            same = [q for q in extra_g if SC.norm(q.get("text") or "") == k[0]]
            cls = ("published" if not date_ok else "reference") if same else "cut-joined"
        out.append({"class": cls, "way": "extra-removed", "text": p.get("text"), "gold": None,
                    "given": None, "body": p.get("value"), "para": para})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("given", type=Path)
    ap.add_argument("body", type=Path)
    ap.add_argument("--part", default="dev", help="the times gold part the two runs scored (dev, fresh…, test)")
    ap.add_argument("--rows", action="store_true", help="one row a change (readable parts only)")
    ap.add_argument("--text", action="store_true", help="with the words and paragraphs (terminal only)")
    args = ap.parse_args()
    if args.part not in READABLE and (args.rows or args.text):
        ap.error(f"--part {args.part}: counts only")
    rows = times_rows(args.part)
    pages = {e["page"]: e for e in load(GOLD_DIR / f"gold_{pages_part(args.part)}.jsonl")}
    given, body = SC.load_predictions(args.given), SC.load_predictions(args.body)
    site = {page: row[0] for page, row in split_rows().items()}
    cells: Counter = Counter()
    cell_sites: dict[tuple, set[str]] = defaultdict(set)
    dates = Counter()
    for page in sorted(rows):
        if page not in pages or page not in given or page not in body:
            continue
        entry = pages[page]
        rec = given[page]
        dates["published right" if rec.get("published") == entry.get("published") else "published other"] += 1
        changes = page_changes(entry, rows[page].get("times", []), rec, body[page])
        for c in changes:
            key = (c["class"], c["way"])
            cells[key] += 1
            cell_sites[key].add(site.get(page, page))
        if args.rows and changes:
            print(f"== {page} {site.get(page, '')} published {rec.get('published')} ({rec.get('published_from')})"
                  f" gold {entry.get('published')} dateline {(rec.get('dateline') or {}).get('date')}")
            for c in changes:
                line = f"   {c['class']:10} {c['way']:13}"
                if args.text:
                    line += f" {c['text']!r} gold={c['gold']} given={c['given']} body={c['body']}"
                    if c.get("para"):
                        line += f"\n        | {c['para'][:200]}"
                print(line)
    print(" ".join(f"{k}: {n}" for k, n in sorted(dates.items())))
    print(f"{'class':10} {'way':13} times sites")
    for key, n in sorted(cells.items()):
        print(f"{key[0]:10} {key[1]:13} {n:5} {len(cell_sites[key]):5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
