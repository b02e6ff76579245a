"""How pages write their dates around the headline: every date signal of a page, and which is right.

    python tools/real_pages/date_signals.py table [--cache FILE]   # signal accuracy, by page and by site
    python tools/real_pages/date_signals.py cv                     # site-grouped CV of a signal order
    python tools/real_pages/date_signals.py audit                  # every corpus page, no gold: counts only
    python tools/real_pages/date_signals.py branches               # which step of the dump cascade dated each gold page

Pages: the corpus dev pages (``tests/data/real_pages/gold_dev.jsonl``), the outside dev pages
(``tests/data/extra_pages/gold.jsonl`` parts dev, heldout…heldout4) and the outside who pages of
part heldout3 (``tests/data/extra_who/gold_heldout3.jsonl``). Held-out batches (``heldout5``) and
corpus test pages are never read here (``audit`` runs every corpus page, test ones included, and prints
counts only). Nothing of a page's text is printed by ``table`` or ``cv``.

A *signal* is one way of reading a date off a page, computed on the page's lines (the view the gold
refers to) around the line that holds the headline Veille chose: a cued publication stamp under the
headline, one above it, the first cued one anywhere, an update stamp, a bare date line, a dated
byline, the URL's date, the HTML metadata, the dateline, the first full date of the page, and
Veille's own answer. ``table`` gives, per signal, the pages it fires on, the sites, its accuracy by
page and by site (each site's accuracy averaged: a site with many pages weighs as one).
``cv`` fits an ordered choice over the signals (first signal that fires wins; signals whose
training precision falls under a floor give no answer) on all sites but one, scores the held site,
and compares with Veille's answer on the same folds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tools.real_pages.gold import load, split_rows  # noqa: E402
from tools.real_pages.view import PAGES, file_lines  # noqa: E402

EXTRA = Path("/work/extra")
NEAR = 8  # non-empty lines either side of the headline read as its head
_WORD = re.compile(r"\w+")


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def _f1(a: list[str], b: list[str]) -> float:
    ca, cb = Counter(a), Counter(b)
    common = sum((ca & cb).values())
    return 2 * common / (len(a) + len(b)) if a and b else 0.0


def pages() -> list[dict]:
    """The gold pages this tool may read: (page, site, kind, path, url, gold accept set, origin)."""
    out = []
    split = split_rows()
    corpus_urls = {}
    for line in (PAGES.parent / "sources.tsv").read_text().splitlines()[1:]:
        cols = line.split("\t")
        corpus_urls[cols[0]] = cols[4]
    for entry in load(ROOT / "tests/data/real_pages/gold_dev.jsonl"):
        site, kind, part = split[entry["page"]]
        if part != "dev" or entry.get("article") is False:
            continue
        path = next(p for p in (PAGES / f"{entry['page']}.txt", PAGES / f"{entry['page']}.html") if p.exists())
        out.append(_row(entry, site, kind, path, corpus_urls.get(entry["page"]), "corpus"))
    for gold, folder, sources in (
            (ROOT / "tests/data/extra_pages/gold.jsonl", EXTRA / "pages", ROOT / "tests/data/extra_pages/sources.tsv"),
            (ROOT / "tests/data/extra_who/gold_heldout3.jsonl", EXTRA / "who_pages",
             ROOT / "tests/data/extra_who/sources.tsv")):
        if not folder.exists():
            continue
        meta = {}
        for line in sources.read_text().splitlines()[1:]:
            cols = line.split("\t")
            meta[cols[0]] = (cols[4], cols[5], cols[6])
        for entry in load(gold):
            # Held-out judges are never read: only the parts that are dev material now.
            if entry.get("part") not in ("dev", "heldout", "heldout2", "heldout3", "heldout4") \
                    or entry.get("article") is False or entry["page"].startswith(("x03", "y01")):
                continue
            url, site, kind = meta[entry["page"]]
            path = next((p for p in (folder / f"{entry['page']}.txt", folder / f"{entry['page']}.html") if p.exists()), None)
            if path is not None:
                out.append(_row(entry, site, kind, path, url, folder.name))
    return out


def _row(entry: dict, site: str, kind: str, path: Path, url: str | None, origin: str) -> dict:
    accept = [entry.get("published"), *(entry.get("published_accept") or [])]
    return {"page": entry["page"], "site": site, "kind": kind, "path": str(path), "url": url,
            "gold": entry.get("published"), "accept": accept, "origin": origin}


def signals(path: Path, url: str | None, stages) -> dict:  # noqa: ANN001 - bench TextStages
    """Every signal of one page: name -> (ISO date or None); plus Veille's title line and answer."""
    from veille.clean.headline import dated_byline
    from veille.clean.shapes import is_date_stamp
    from veille.clean.stamps import sole_cued_stamp, stamp_text, stamps
    from veille.common.dates import find_date_in_line, normalize_date
    from veille.metadata.sources import url_date

    art = stages.run(path)  # (as the benches run it: the page without its URL, a signal of its own)
    lines = [ln.strip() for ln in file_lines(path)]
    idx = [i for i, ln in enumerate(lines) if ln]
    want = _tokens(art.title)
    best, title_at = 0.0, None
    for k, i in enumerate(idx):
        score = _f1(want, _tokens(lines[i]))
        if score > best + 1e-9:
            best, title_at = score, k
    if best < 0.5:
        title_at = None

    def full(text: str) -> str | None:
        parts = find_date_in_line(stamp_text(text))
        return parts.iso() if parts is not None and parts.year else None

    sig: dict[str, str | None] = {}
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)  # kind -> (signed distance, date)
    first_full = None
    for k, i in enumerate(idx):
        text = lines[i]
        if len(text) > 400:
            continue
        dist = k - title_at if title_at is not None else None
        for kind, stamp in stamps(stamp_text(text)):
            iso = full(stamp)
            if iso:
                found["cued_" + kind].append((dist, iso))
        iso = full(text)
        if iso and first_full is None and len(text.split()) <= 14:
            first_full = iso
        if iso and is_date_stamp(text):
            found["bare"].append((dist, iso))
        if iso and dated_byline(text):
            found["byline"].append((dist, iso))
    sig["first_full"] = first_full
    for kind in ("cued_published", "cued_updated", "bare", "byline"):
        rows = found.get(kind, [])
        sig[kind + "_any"] = rows[0][1] if rows else None
        below = [(d, v) for d, v in rows if d is not None and 0 < d <= NEAR]
        above = [(d, v) for d, v in rows if d is not None and -NEAR <= d < 0]
        sig[kind + "_below"] = below[0][1] if below else None
        sig[kind + "_above"] = above[-1][1] if above else None
    sole = sole_cued_stamp([lines[i] for i in idx])
    sig["cued_sole"] = full(sole) if sole else None
    sig["url"] = url_date([url or ""]) if url else None
    sig["meta"] = normalize_date(art.hints.get("date")) if art.hints.get("date") else None
    sig["dateline"] = art.dateline.date if art.dateline is not None else None
    sig["veille"] = art.published
    return {"signals": sig, "from": art.published_from, "title_found": title_at is not None,
            "far": bool(art.hints.get("far_stamp"))}


def _ok(value: str | None, accept: list) -> bool:
    return value in accept


def collect(rows: list[dict]) -> list[dict]:
    from real_pages import TextStages

    stages = TextStages()
    for row in rows:
        try:
            row.update(signals(Path(row["path"]), row["url"], stages))
        except Exception as exc:  # noqa: BLE001 - a crash is one more page without signals
            row.update({"signals": {}, "from": None, "error": repr(exc)})
    return rows


def table(rows: list[dict]) -> list[tuple]:
    names = sorted({s for r in rows for s in r["signals"]})
    out = []
    for name in names:
        fired = [r for r in rows if r["signals"].get(name)]
        by_site: dict[str, list[bool]] = defaultdict(list)
        for r in fired:
            by_site[r["site"]].append(_ok(r["signals"][name], r["accept"]))
        right = sum(sum(v) for v in by_site.values())
        site_acc = sum(sum(v) / len(v) for v in by_site.values()) / len(by_site) if by_site else 0.0
        out.append((name, len(fired), len(by_site), right / len(fired) if fired else 0.0, site_acc))
    return sorted(out, key=lambda t: -t[4])


ORDER_FLOOR = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def fit_order(train: list[dict], names: list[str]) -> tuple[list[str], float]:
    """Signals by their site-averaged precision on ``train`` (first that fires answers), and the
    floor under which a signal gives no answer: the floor that scores best on ``train``."""
    acc = {t[0]: t[4] for t in table([{**r, "signals": {k: v for k, v in r["signals"].items() if k in names}}
                                      for r in train])}
    order = sorted(names, key=lambda n: -acc.get(n, 0.0))
    best = (-1.0, 0.0)
    for floor in ORDER_FLOOR:
        kept = [n for n in order if acc.get(n, 0.0) >= floor]
        score = sum(_ok(answer(r, kept), r["accept"]) for r in train)
        if score > best[0]:
            best = (score, floor)
    return [n for n in order if acc.get(n, 0.0) >= best[1]], best[1]


def answer(row: dict, order: list[str]) -> str | None:
    for name in order:
        value = row["signals"].get(name)
        if value:
            return value
    return None


OVERRIDE_MIN_SITES = 3  # a signal overrules Veille only when it was right against it on this many sites


def fit_overrides(train: list[dict], names: list[str]) -> list[str]:
    """The signals that, where they disagree with Veille's answer (or Veille has none), were right
    more often than Veille on ``train``, on at least ``OVERRIDE_MIN_SITES`` sites."""
    out = []
    for name in names:
        if name == "veille":
            continue
        wins: dict[str, int] = defaultdict(int)
        losses = 0
        for r in train:
            value, mine = r["signals"].get(name), r["signals"].get("veille")
            if not value or value == mine:
                continue
            if _ok(value, r["accept"]):
                wins[r["site"]] += 1
            elif _ok(mine, r["accept"]):
                losses += 1
        if sum(wins.values()) > losses and len(wins) >= OVERRIDE_MIN_SITES:
            out.append(name)
    return out


def overruled(row: dict, overrides: list[str]) -> str | None:
    for name in overrides:
        if row["signals"].get(name):
            return row["signals"][name]
    return row["signals"].get("veille")


def cv(rows: list[dict], names: list[str]) -> dict:
    sites = sorted({r["site"] for r in rows})
    learned = veille = over = 0
    chosen: Counter = Counter()
    by_origin: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for site in sites:
        train = [r for r in rows if r["site"] != site]
        test = [r for r in rows if r["site"] == site]
        order, _ = fit_order(train, names)
        overrides = fit_overrides(train, names)
        chosen.update(overrides)
        for r in test:
            a, b = _ok(answer(r, order), r["accept"]), _ok(r["signals"].get("veille"), r["accept"])
            learned += a
            veille += b
            over += _ok(overruled(r, overrides), r["accept"])
            by_origin[r["origin"]][0] += 1
            by_origin[r["origin"]][1] += a
            by_origin[r["origin"]][2] += b
    full_order, floor = fit_order(rows, names)
    return {"pages": len(rows), "sites": len(sites), "learned": learned / len(rows), "veille": veille / len(rows),
            "veille_overruled": over / len(rows), "overrides_chosen_in_folds": dict(chosen),
            "by_origin": {k: (v[0], v[1] / v[0], v[2] / v[0]) for k, v in by_origin.items()},
            "order_on_all": full_order, "floor": floor}


def corpus_pages() -> list[dict]:
    """Every corpus page, gold or not (no gold is read: ``audit`` prints counts only)."""
    out = []
    for line in (PAGES.parent / "sources.tsv").read_text().splitlines()[1:]:
        cols = line.split("\t")
        path = next((p for p in (PAGES / f"{cols[0]}.txt", PAGES / f"{cols[0]}.html") if p.exists()), None)
        if path is not None:
            out.append({"page": cols[0], "site": cols[5], "kind": cols[6], "path": str(path), "url": cols[4],
                        "gold": None, "accept": [], "origin": "corpus"})
    return out


AGREE_SKIP = ("veille", "first_full", "cued_published_any", "cued_updated_any", "bare_any", "byline_any")


def support(row: dict) -> int:
    """How many of the page's other signals (not the page-wide firsts) give Veille's answer."""
    mine = row["signals"].get("veille")
    return sum(1 for k, v in row["signals"].items() if k not in AGREE_SKIP and mine and v == mine)


def audit(rows: list[dict]) -> dict:
    """No gold: Veille's answers by how many other signals support them, and each signal's
    agreement with Veille, with their page and site counts (on gold pages an answer that no other
    signal supports was right .935 of the time, one that at least one supports every time)."""
    out: dict = {"pages": len(rows), "sites": len({r["site"] for r in rows}), "errors": sum("error" in r for r in rows)}
    bands: dict[str, list] = defaultdict(lambda: [0, set()])
    for r in rows:
        band = "null" if not r["signals"].get("veille") else str(min(support(r), 2))
        bands[band][0] += 1
        bands[band][1].add(r["site"])
    out["veille_by_support"] = {k: (n, len(s)) for k, (n, s) in sorted(bands.items())}
    agree: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        for k, v in r["signals"].items():
            if v and k != "veille":
                agree[k][0] += 1
                agree[k][1] += v == r["signals"].get("veille")
    out["signal_agrees_with_veille"] = {k: (n, round(a / n, 3)) for k, (n, a) in sorted(agree.items())}
    return out


def branches(rows: list[dict]) -> list[dict]:
    """Which step of Veille's dump cascade dated each gold page (``head`` stamps, ``foot`` stamps,
    the page's ``sole`` cued stamp over the head's, a date ``near`` the headline, the print
    ``issue``; a stamp found anywhere else is no longer read), or its source (``metadata``, ``dateline``, ``inferred``,
    none) when no step of the dump cascade did: the steps are watched by wrapping them."""
    from real_pages import TextStages

    import veille.clean.browser as browser
    from veille.common.dates import find_date_in_line

    seen: dict[str, list] = {}
    originals = {n: getattr(browser, n) for n in ("head_stamps", "near_headline",
                                                   "sole_cued_stamp", "issue_month")}

    def watch(name: str):  # noqa: ANN202 - a wrapper of any of the steps
        def wrapped(*a, **k):  # noqa: ANN002, ANN003, ANN202
            out = originals[name](*a, **k)
            seen.setdefault(name, []).append(out)
            return out
        return wrapped

    for name in originals:
        setattr(browser, name, watch(name))
    stages = TextStages()
    try:
        for row in rows:
            seen.clear()
            art = stages.run(Path(row["path"]))
            got, step = art.published, None

            def iso(text: str | None) -> str | None:
                parts = find_date_in_line(text) if text else None
                return parts.iso() if parts is not None and parts.year else None

            heads = seen.get("head_stamps", [])
            if art.published_from == "text" and heads:
                if any(iso(x) == got for x in seen.get("sole_cued_stamp", [])) and not (heads[0][0] and iso(heads[0][0][0]) == got):
                    step = "sole"
                elif heads[0][0] and iso(heads[0][0][0]) == got:
                    step = "head"
                elif len(heads) > 1 and heads[1][0] and iso(heads[1][0][0]) == got:
                    step = "foot"
                elif any(iso(x) == got for x in seen.get("near_headline", [])):
                    step = "near"
                elif seen.get("issue_month") and any(seen["issue_month"]):
                    step = "issue"
                else:
                    step = "text:other"
            row["branch"] = step or f"{row['kind']}:{art.published_from or 'none'}"
            row["right"] = _ok(got, row["accept"])
    finally:
        for name, fn in originals.items():
            setattr(browser, name, fn)
    return rows


def branch_table(rows: list[dict]) -> list[tuple]:
    by: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        by[r["branch"]][r["site"]].append(r["right"])
    out = []
    for name, sites in by.items():
        n = sum(len(v) for v in sites.values())
        out.append((name, n, len(sites), sum(sum(v) for v in sites.values()) / n,
                    sum(sum(v) / len(v) for v in sites.values()) / len(sites)))
    return sorted(out, key=lambda t: -t[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("table", "cv", "audit", "branches"))
    ap.add_argument("--cache", type=Path, help="signals read once and kept in this JSON file")
    ap.add_argument("--without", nargs="*", default=[], help="signals left out of the CV's choice")
    args = ap.parse_args()
    if args.what == "branches":
        rows = branches(pages())
        print(f"{'branch':16} {'pages':>5} {'sites':>5} {'acc/page':>8} {'acc/site':>8}")
        for name, n, sites, acc, site_acc in branch_table(rows):
            print(f"{name:16} {n:5d} {sites:5d} {acc:8.3f} {site_acc:8.3f}")
        return 0
    if args.what == "audit":
        print(json.dumps(audit(collect(corpus_pages())), indent=1))
        return 0
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        rows = collect(pages())
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    if args.what == "table":
        print(f"{len(rows)} pages, {len({r['site'] for r in rows})} sites")
        print(f"{'signal':22} {'pages':>5} {'sites':>5} {'acc/page':>8} {'acc/site':>8}")
        for name, n, s, acc, site_acc in table(rows):
            print(f"{name:22} {n:5d} {s:5d} {acc:8.3f} {site_acc:8.3f}")
        none = [r for r in rows if not r["gold"]]
        print(f"gold null: {len(none)} pages; veille null there: {sum(not r['signals'].get('veille') for r in none)}")
    else:
        names = [n for n in sorted({s for r in rows for s in r["signals"]}) if n not in args.without]
        print(json.dumps(cv(rows, names), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
