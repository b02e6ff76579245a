"""Where the rendered dev dumps lose their body, title and date: by style, page, site and line class.

    python bench/synth_losses.py DIR [--styles lynx w3m ...] [--real] [--json OUT] [--against OLD.json] [--show]
                                 [--list CLASS] [--top 12]

DIR is a folder ``bench/synth_dumps.py --keep DIR`` wrote (one sub-folder per style, one dump per
dev HTML page). Each dump is cleaned by the text stages and held against its page's gold, line by
line: a paragraph kept that is mostly not gold is an *extra*, a gold line mostly not kept a *loss*
(a gold line partly kept is a *cut*). Each is put in a rough class by its shape and words (the
classes a reader of the dumps sees: a heading, a menu, a share line, a byline, a caption, a
related-articles list, a link-reference block, a comment block, another story's teaser; a lost
heading, a head or tail of the article lost, a paragraph lost in the middle, a paragraph cut).
The table ranks the classes by tokens, with their lines, pages, sites, styles and a few page ids:
a class that loses on three sites or more across styles is one to fix.
``--json`` writes every page's figures and lines (keep it outside the repository: it holds page
text), ``--against`` lists the pages whose body F1, title or date changed from an earlier
``--json``; ``--list CLASS`` prints that class's lines (dev pages only: read them at the terminal,
never copy them into the repository).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import GOLD_DIR, TextStages, token_f1, tokens  # noqa: E402
from tools.real_pages.gold import body_lines, load, sites, split, title_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

REAL = "real"  # the style name of the dev pages as given (dumps and HTML), read by --real
KEPT, LOST = 0.5, 0.2  # share of a line's tokens found on the other side: kept over, lost under

# Rough classes of a line by its words (a census of the losses, not a rule of the cleaner).
_CLASSES = [
    ("link-refs", re.compile(r"https?://|^\s*\[?\d+\]?\.\s+\S+://|(?:\[\d+\].*){2}")),
    ("share", re.compile(r"\b(?:partager|partagez|facebook|twitter|whatsapp|linkedin|imprimer|copier le lien"
                         r"|envoyer par|messenger|pinterest|e-mail)\b", re.I)),
    ("comments", re.compile(r"\b(?:commentaires?|réagir|réagissez|répondre|signaler|modéré)\b", re.I)),
    ("related", re.compile(r"\b(?:lire aussi|à lire|a lire|voir aussi|sur le même sujet|à découvrir|"
                           r"articles? (?:liés|similaires|associés)|dans la même rubrique|les plus lus|"
                           r"à voir|sur le même thème|plus d'articles|nos autres)\b", re.I)),
    ("byline", re.compile(r"^\s*(?:par|publié|mis à jour|modifié)\b|\b\d+\s*min(?:utes?)? de lecture\b|"
                          r"\bpublié le\b|\bmis à jour le\b", re.I)),
    ("caption", re.compile(r"©|\b(?:photo|crédits?|illustration|afp|reuters|getty|shutterstock|image|"
                           r"légende|dessin)\b", re.I)),
    ("promo", re.compile(r"\b(?:abonnez|abonné|abonnement|newsletter|inscri|téléchargez|application|"
                         r"s'abonner|connectez|connexion|cookies?|publicité)\b", re.I)),
]
_FINAL = re.compile(r"[.!?»…:\"”)]\s*$")
_ITEM_SEP = re.compile(r"\s[|•·/]\s|\s{3,}")


def line_class(text: str) -> str:
    """The rough class of a kept paragraph that is not gold."""
    words = len(text.split())
    for name, pattern in _CLASSES:
        if pattern.search(text) and (words <= 40 or name in ("link-refs", "comments")):
            return name
    if len(_ITEM_SEP.findall(text)) >= 2 or (words <= 4 and not _FINAL.search(text)):
        return "menu"
    if words <= 16 and not _FINAL.search(text):
        return "heading"
    return "teaser"


def _folded(text: str) -> list[str]:
    """A line's tokens without their accents: a renderer that writes "evenements" for the page's
    "événements" (html2text without ``--unicode-snob`` on a page written with entities) loses
    tokens no cleaner can give back, so the census matches lines without them."""
    return tokens("".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)))


def _grams(toks: list[str]) -> list[tuple[str, ...]]:
    """A line's word trigrams (its words when it has fewer than three): specific enough that a
    common word of the page does not make a lost line look kept."""
    return [tuple(toks[i:i + 3]) for i in range(len(toks) - 2)] if len(toks) >= 3 else [(t,) for t in toks]


def _all_grams(lines: list[str]) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for line in lines:
        toks = _folded(line)
        out.update(_grams(toks))
        out.update((t,) for t in toks)  # a short line on the other side is looked up word by word
    return out


def _share(toks: list[str], whole: set[tuple[str, ...]]) -> float:
    """The share of a line's trigrams found on the other side."""
    grams = _grams(toks)
    return sum(g in whole for g in grams) / len(grams) if grams else 1.0


def page_losses(gold_lines: list[str], paragraphs: list[str]) -> dict:
    """The extras, losses and cuts of one page, each with its class and token count."""
    gold_all, pred_all = _all_grams(gold_lines), _all_grams(paragraphs)
    shares = [_share(_folded(line), pred_all) for line in gold_lines]
    kept = [i for i, s in enumerate(shares) if s >= KEPT]
    first, last = (kept[0], kept[-1]) if kept else (len(gold_lines), -1)
    extras, seen_gold = [], False
    for n, p in enumerate(paragraphs):
        toks = _folded(p)
        if toks and _share(toks, gold_all) < KEPT:
            # (where: above the first gold paragraph kept, under the last, or between)
            after = not any(_share(_folded(q), gold_all) >= KEPT for q in paragraphs[n + 1:])
            where = "head" if not seen_gold else "tail" if after else "inside"
            extras.append({"class": line_class(p), "where": where, "tokens": len(toks), "text": p})
        else:
            seen_gold = True
    losses = []
    for i, (line, s) in enumerate(zip(gold_lines, shares, strict=True)):
        toks = _folded(line)
        if not toks or s >= 1.0 - 1e-9 or (s >= KEPT and len(toks) < 8):
            continue
        if s >= KEPT:
            if s > 0.9:
                continue
            cls = "cut"
        elif not kept:
            cls = "article-lost"
        elif len(toks) <= 16 and not _FINAL.search(line):
            cls = "heading-lost"
        elif i < first:
            cls = "head-lost"
        elif i > last:
            cls = "tail-lost"
        else:
            cls = "middle-lost" if s < LOST else "cut"
        losses.append({"class": cls, "tokens": round(len(toks) * (1 - s)), "text": line})
    return {"extras": extras, "losses": losses}


def run(folder: Path, styles: list[str]) -> dict:
    parts, site_of = split(), sites()
    entries = [e for e in load(GOLD_DIR / "gold_dev.jsonl") if parts.get(e["page"]) == "dev"
               and e.get("article") is not False]
    stages = TextStages()
    out: dict = {}
    for style in styles:
        rows = {}
        for entry in entries:
            dump = page_path(entry["page"]) if style == REAL else folder / style / f"{entry['page']}.txt"
            if not dump.exists():
                continue
            lines = view_lines(entry["page"])
            gold_title, gold_lines = title_text(entry, lines), body_lines(entry, lines)
            try:
                art = stages.run(dump)
                title, paragraphs, published = art.title, list(art.paragraphs), art.published
            except Exception:  # a crash scores as an empty page
                title, paragraphs, published = None, [], None
            g, p = Counter(tokens("\n".join(gold_lines))), Counter(tokens("\n".join(paragraphs)))
            both = sum((g & p).values())
            accept = {entry.get("published"), *(entry.get("published_accept") or [])}
            rows[entry["page"]] = {
                "site": site_of.get(entry["page"], "?"), "tp": both, "fp": sum(p.values()) - both,
                "fn": sum(g.values()) - both, "title_ok": token_f1(gold_title, title) >= 0.8,
                "title": title, "published": published, "date_ok": published in accept, "paragraphs": paragraphs,
                **page_losses(gold_lines, paragraphs)}
        out[style] = rows
    return out


def _f1(rows: dict) -> tuple[float, float, float]:
    tp, fp, fn = (sum(r[k] for r in rows.values()) for k in ("tp", "fp", "fn"))
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _key(item: dict) -> str:
    """An extra's class with where it sits ("teaser@tail"), a loss's class."""
    return f"{item['class']}@{item['where']}" if "where" in item else item["class"]


def report(data: dict, top: int) -> None:
    print(f"{'style':16} {'pages':>5} {'body_p':>6} {'body_r':>6} {'body_f1':>7} {'title':>6} {'date':>6}")
    for style, rows in data.items():
        if not rows:
            continue
        p, r, f = _f1(rows)
        n = len(rows)
        print(f"{style:16} {n:5d} {p:6.3f} {r:6.3f} {f:7.3f} {sum(x['title_ok'] for x in rows.values()) / n:6.3f} "
              f"{sum(x['date_ok'] for x in rows.values()) / n:6.3f}")
    for side in ("extras", "losses"):
        tally: dict = defaultdict(lambda: {"tokens": 0, "lines": 0, "pages": set(), "sites": set(), "styles": set()})
        for style, rows in data.items():
            for page, row in rows.items():
                for item in row[side]:
                    t = tally[_key(item)]
                    t["tokens"] += item["tokens"]
                    t["lines"] += 1
                    t["pages"].add(page)
                    t["sites"].add(row["site"])
                    t["styles"].add(style)
        print(f"\n{side} by class (tokens over all styles; pages and sites over all styles)")
        print(f"{'class':16} {'tokens':>7} {'lines':>6} {'pages':>5} {'sites':>5} {'styles':>6}  pages (most tokens first)")
        for cls, t in sorted(tally.items(), key=lambda kv: -kv[1]["tokens"]):
            per_page = Counter()
            for rows in data.values():
                for page, row in rows.items():
                    per_page[page] += sum(i["tokens"] for i in row[side] if _key(i) == cls)
            ids = " ".join(p for p, _ in per_page.most_common(top) if per_page[p])
            print(f"{cls:16} {t['tokens']:7d} {t['lines']:6d} {len(t['pages']):5d} {len(t['sites']):5d} "
                  f"{len(t['styles']):6d}  {ids}")
    print("\ntitle and date misses by site (styles missing it)")
    misses: dict = defaultdict(lambda: [set(), set()])
    for style, rows in data.items():
        for page, row in rows.items():
            if not row["title_ok"]:
                misses[(row["site"], page)][0].add(style)
            if not row["date_ok"]:
                misses[(row["site"], page)][1].add(style)
    for (site, page), (t, d) in sorted(misses.items(), key=lambda kv: -len(kv[1][0]) - len(kv[1][1])):
        print(f"  {page} {site:28} title {len(t):2d} date {len(d):2d}")


def compare(old: dict, new: dict, show: bool = False) -> None:
    """The pages whose body F1, title or date changed between two runs (``show``: with the
    paragraphs that came in or went out)."""
    for style, rows in new.items():
        for page, row in rows.items():
            before = old.get(style, {}).get(page)
            if before is None:
                continue
            f_old, f_new = (_f1({page: x})[2] for x in (before, row))
            if abs(f_old - f_new) > 1e-4 or before["title_ok"] != row["title_ok"] or before["date_ok"] != row["date_ok"]:
                print(f"{style:16} {page} {row['site']:26} body {f_old:.3f} -> {f_new:.3f}"
                      f" title {int(before['title_ok'])}->{int(row['title_ok'])}"
                      f" date {int(before['date_ok'])}->{int(row['date_ok'])}")
            if show:
                was, now = before.get("paragraphs", []), row.get("paragraphs", [])
                for p in now:
                    if p not in was:
                        print(f"    + {p[:150]}")
                for p in was:
                    if p not in now:
                        print(f"    - {p[:150]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder written by bench/synth_dumps.py --keep")
    ap.add_argument("--styles", nargs="*", default=None, help="sub-folders to read (all by default)")
    ap.add_argument("--json", type=Path, default=None, help="write every page's figures and lines here")
    ap.add_argument("--against", type=Path, default=None, help="an earlier --json: list the pages that changed")
    ap.add_argument("--real", action="store_true", help="also the 192 dev pages as given (style ``real``)")
    ap.add_argument("--show", action="store_true", help="with --against: the paragraphs in and out")
    ap.add_argument("--list", default=None, help="print the lines of one class (extras or losses)")
    ap.add_argument("--top", type=int, default=12, help="page ids shown per class")
    args = ap.parse_args(argv)
    styles = args.styles or sorted(p.name for p in args.folder.iterdir() if p.is_dir() and "+" not in p.name)
    styles += [REAL] if args.real else []
    data = run(args.folder, styles)
    report(data, args.top)
    if args.json:
        args.json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if args.against:
        compare(json.loads(args.against.read_text(encoding="utf-8")), data, show=args.show)
    if args.list:
        for style, rows in data.items():
            for page, row in rows.items():
                for item in row["extras"] + row["losses"]:
                    if args.list in (item["class"], _key(item)):
                        print(f"{style:14} {page} {row['site']:24} {item['tokens']:4d} | {item['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
