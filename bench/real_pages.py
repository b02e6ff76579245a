"""Body, title and publication date on real pages (``../shared/corpus/web/pages``), scored on gold.

    python bench/real_pages.py [--part dev|test|all] [--gold FILE ...] [--verbose]
    python bench/real_pages.py --health

Runs Veille's text stages (clean, metadata; no parse) over the annotated pages of
``tests/data/real_pages/gold_*.jsonl`` (format in that folder's README) and reports, dev and test
side by side:

* body precision / recall / F1 over token multisets, tokens normalised as ``shared/eval/score.py``
  does (NFKC, quote marks, lower case, ``\\w+``), summed over the pages;
* title accuracy: right when the token F1 with the gold headline is at least 0.8 (``title_wrap``
  also counts a headline that opens with the gold line: a dump wraps long headlines, the gold
  names one line);
* published accuracy: exact, or one of the page's ``published_accept`` values.

``--verbose`` lists the misses of dev pages (test pages are scored only, never inspected).
``--health`` needs no gold: over every page of the corpus, pages with a body of at least 300
characters, titles that look like a navigation or site line (a pattern count, and the list to
check by eye), where the dates came from, crashes, and milliseconds per page for clean+metadata.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "corpus" / "web" / "pages"
GOLD_DIR = ROOT / "tests" / "data" / "real_pages"
for extra in (ROOT / "src", ROOT):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from tools.real_pages.datelines import DatelineTally, predicted  # noqa: E402
from tools.real_pages.datelines import load as load_datelines  # noqa: E402
from tools.real_pages.gold import body_text, load, split, title_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

# As shared/eval/score.py normalises text before counting tokens.
_QUOTE_MARKS = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
                              "`": "'", "´": "'", "\u2009": " ", "\u202f": " ", "\xa0": " "})
TITLE_F1_MIN = 0.8
WRAPPED_MIN_TOKENS = 6
BODY_MIN_CHARS = 300
# Dateline rows of the table (tools/real_pages/datelines.py): gold and predicted datelines, "has a
# dateline" P/R, field accuracy over all pages (null right on null) and over the gold datelines.
DATELINE_ROWS = ("dl_gold", "dl_pred", "dl_has_p", "dl_has_r", "dl_place", "dl_agency", "dl_date",
                 "dl_place_gold", "dl_agency_gold", "dl_date_gold")

# A title that is page furniture rather than a headline: a link-header line of a dump, a button,
# a menu or consent label, a bare site or section name (a rough count; the list is read by eye).
_NAV_TITLE = re.compile(
    r"^\s*(?:#|\(BUTTON\)|\[|\*|\+|•|IFRAME|REFRESH|Link:|HTTP/)|"
    r"\b(?:menu|accueil|rechercher|recherche|connexion|se connecter|s'abonner|abonnez-vous|newsletter|"
    r"cookies?|javascript|navigateur|skip to|aller au contenu|passer au contenu|fermer|partager|"
    r"politique de confidentialité|mentions légales|toute l'actualité|direct|podcasts?|vidéos?)\b",
    re.I)
_SITE_TITLE = re.compile(r"^[\w.' -]{0,40}\.(?:fr|com|ch|be|ca|info|net|org)$|^[A-ZÀ-Þ0-9' .&-]{2,30}$")


def norm(text: str | None) -> str:
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    return re.sub(r"\s+", " ", text).strip(" \t\n.,;:!?\"'-–—()[]")


def tokens(text: str | None) -> list[str]:
    return re.findall(r"\w+", norm(text))


def token_f1(gold: str | None, pred: str | None) -> float:
    g, p = Counter(tokens(gold)), Counter(tokens(pred))
    if not g and not p:
        return 1.0
    common = sum((g & p).values())
    return 2 * common / (sum(g.values()) + sum(p.values()))



class TextStages:
    """The clean and metadata stages as the pipeline runs them, without the parser."""

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        from veille.pipeline import Context, _load

        self.ctx = Context(settings=settings or {})
        self.stages = [_load(s)(self.ctx) for s in ("veille.clean:CleanStage", "veille.metadata:MetadataStage")]

    def run(self, path: Path, url: str | None = None) -> Any:
        """The article of one page (title, paragraphs, published…); raises what a stage raises."""
        from veille.model import Article, article_id
        from veille.readers import RawDocument, read_file

        docs = [d for d in read_file(path) if isinstance(d, RawDocument)]
        if not docs:
            raise ValueError(f"{path.name}: the reader gave no document")
        raw = docs[0]
        art = Article(id=article_id(raw.content))
        art.source.path, art.source.url, art.raw_text = raw.path, url or raw.url, raw.text
        art.hints = {"kind": raw.kind, **raw.meta}
        for stage in self.stages:
            stage(art, self.ctx)
        for stage in self.stages:
            finish = getattr(stage, "finish_batch", None)
            if finish:
                finish([art], self.ctx)
        return art


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.pages = self.titles = self.wrapped_titles = self.dates = 0

    def body(self, gold: str, pred: str) -> tuple[int, int, int]:
        g, p = Counter(tokens(gold)), Counter(tokens(pred))
        both = sum((g & p).values())
        tp, fp, fn = both, sum(p.values()) - both, sum(g.values()) - both
        self.tp += tp
        self.fp += fp
        self.fn += fn
        return tp, fp, fn

    def result(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"pages": self.pages, "body_p": p, "body_r": r, "body_f1": 2 * p * r / (p + r) if p + r else 0.0,
                "title": self.titles / self.pages if self.pages else 0.0,
                "title_wrap": self.wrapped_titles / self.pages if self.pages else 0.0,
                "published": self.dates / self.pages if self.pages else 0.0}


def gold_entries(files: Iterable[Path]) -> list[dict]:
    out: dict[str, dict] = {}
    for f in files:
        for entry in load(f):
            out[entry["page"]] = entry
    return list(out.values())


def score(entries: list[dict], stages: TextStages | None = None, verbose: bool = False,
          out: Any = sys.stdout) -> dict[str, dict[str, float]]:
    """Per part (``dev``, ``test``, ``all``, and each with `` dump`` / `` html``): body P/R/F1,
    title and published accuracy; and on the pages with dateline gold (``datelines_*.jsonl``,
    ``tools/real_pages/datelines.py``) "has a dateline" P/R and place / agency / date accuracy."""
    stages = stages or TextStages()
    parts = split()
    tallies: dict[str, Tally] = {}
    dl_gold = {**load_datelines("dev"), **load_datelines("test")}
    dl_tallies: dict[str, DatelineTally] = {}
    for entry in sorted(entries, key=lambda e: e["page"]):
        if entry.get("article") is False:
            continue
        page = entry["page"]
        part = parts.get(page, entry.get("part", "dev"))
        lines = view_lines(page)
        gold_title, gold_body = title_text(entry, lines), body_text(entry, lines)
        try:
            art = stages.run(page_path(page))
            pred_title, pred_body, published = art.title, "\n".join(art.paragraphs), art.published
            pred_dateline = predicted(art)
        except Exception as exc:  # a crash scores as an empty page
            pred_title, pred_body, published, pred_dateline = None, "", None, None
            if verbose and part == "dev":
                print(f"{page}: CRASH {exc.__class__.__name__}: {exc}", file=out)
        title_ok = token_f1(gold_title, pred_title) >= TITLE_F1_MIN
        # The gold names one line of the page: a headline a dump wraps over two lines is right when
        # it opens with that line (reported apart, the main figure stays the token F1 above).
        gold_tokens, pred_tokens = tokens(gold_title), tokens(pred_title)
        wrapped_ok = title_ok or len(gold_tokens) >= WRAPPED_MIN_TOKENS and pred_tokens[:len(gold_tokens)] == gold_tokens
        accept = {entry.get("published"), *(entry.get("published_accept") or [])}
        date_ok = published in accept
        kind = "html" if page_path(page).suffix == ".html" else "dump"
        for key in (part, "all", f"{part} {kind}", f"all {kind}"):
            t = tallies.setdefault(key, Tally())
            t.pages += 1
            t.titles += title_ok
            t.wrapped_titles += wrapped_ok
            t.dates += date_ok
            tp, fp, fn = t.body(gold_body, pred_body)
        dl_wrong: list[str] = []
        if page in dl_gold:
            gold_dl = dl_gold[page].get("dateline")
            for key in (part, "all", f"{part} {kind}", f"all {kind}"):
                dl_wrong = dl_tallies.setdefault(key, DatelineTally()).add(gold_dl, pred_dateline)
            if verbose and part == "dev" and dl_wrong:
                print(f"{page}: dateline {pred_dateline} (gold {gold_dl and {f: gold_dl[f] for f in gold_dl if f in ('place', 'agency', 'date')}})",
                      file=out)
        if verbose and part == "dev" and (fp or fn or not title_ok or not date_ok):
            print(f"{page}: body tp {tp} fp {fp} fn {fn}"
                  + ("" if title_ok else f" | title {pred_title!r} (gold {gold_title!r})")
                  + ("" if date_ok else f" | published {published} (gold {entry.get('published')})"), file=out)
    return {k: {**t.result(), **(dl_tallies[k].result() if k in dl_tallies else {})} for k, t in tallies.items()}


def health(stages: TextStages | None = None, out: Any = sys.stdout, show_titles: bool = True) -> dict[str, Any]:
    """Over every page of the corpus, without gold (see the module doc)."""
    stages = stages or TextStages()
    pages = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".html"))
    found: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    crashes: list[str] = []
    nav_titles: list[tuple[str, str]] = []
    seconds: Counter[str] = Counter()
    cpu: Counter[str] = Counter()  # CPU time: the wall clock of a shared machine says little
    count: Counter[str] = Counter()
    for path in pages:
        kind = "dump" if path.suffix == ".txt" else "html"
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            art = stages.run(path)
        except Exception as exc:
            crashes.append(f"{path.stem}: {exc.__class__.__name__}: {exc}")
            continue
        finally:
            seconds[kind] += time.perf_counter() - t0
            cpu[kind] += time.process_time() - c0
            count[kind] += 1
        if len("\n".join(art.paragraphs)) >= BODY_MIN_CHARS:
            found[kind] += 1
        origins[art.published_from or "none"] += 1
        title = (art.title or "").strip()
        if not title or _NAV_TITLE.search(title) or _SITE_TITLE.match(title):
            nav_titles.append((path.stem, title))
    result = {"pages": len(pages), "body_found": dict(found), "by_kind": dict(count), "crashes": crashes,
              "nav_titles": len(nav_titles), "published_from": dict(origins),
              "ms_per_page": {k: 1000 * seconds[k] / count[k] for k in count},
              "cpu_ms_per_page": {k: 1000 * cpu[k] / count[k] for k in count}}
    print(f"pages {len(pages)}: body >= {BODY_MIN_CHARS} chars in "
          + ", ".join(f"{found[k]}/{count[k]} {k}" for k in sorted(count)), file=out)
    print(f"crashes {len(crashes)}" + "".join(f"\n  {c}" for c in crashes), file=out)
    print("published from: " + ", ".join(f"{k} {v}" for k, v in origins.most_common()), file=out)
    for label, key, total in (("wall", "ms_per_page", seconds), ("CPU", "cpu_ms_per_page", cpu)):
        print(f"ms/page clean+metadata ({label}, reading included): "
              + ", ".join(f"{k} {result[key][k]:.1f}" for k in sorted(count))
              + f" (all {1000 * sum(total.values()) / max(1, sum(count.values())):.1f})", file=out)
    print(f"titles that look like navigation or a site line (or none): {len(nav_titles)}"
          " (listed for dev pages only: test pages are not read)", file=out)
    if show_titles:
        parts = split()
        for page, title in nav_titles:
            if parts.get(page) == "dev":
                print(f"  {page}: {title!r}", file=out)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--gold", nargs="*", type=Path, default=None, help="gold files (default: gold_*.jsonl)")
    ap.add_argument("--verbose", action="store_true", help="list the misses of dev pages")
    ap.add_argument("--health", action="store_true", help="corpus health counts, no gold needed")
    args = ap.parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    stages = TextStages()
    if args.health:
        health(stages)
        return 0
    files = args.gold if args.gold else sorted(GOLD_DIR.glob("gold_*.jsonl"))
    entries = gold_entries(files)
    if args.part != "all":
        parts = split()
        entries = [e for e in entries if parts.get(e["page"]) == args.part]
    if not entries:
        print("no gold pages", file=sys.stderr)
        return 1
    results = score(entries, stages, verbose=args.verbose)
    parts = ["dev", "test", "all"] if args.part == "all" else [args.part]
    shown = [k for p in parts for k in (p, f"{p} dump", f"{p} html") if k in results]
    print(f"{'':14}" + "".join(f"{k:>10}" for k in shown))
    for metric in ("pages", "body_p", "body_r", "body_f1", "title", "title_wrap", "published", *DATELINE_ROWS):
        cells = [results[k].get(metric) for k in shown]
        if all(c is None for c in cells):
            continue
        print(f"{metric:14}" + "".join(" " * 10 if c is None else f"{c:>10d}" if isinstance(c, int) else f"{c:>10.3f}"
                                       for c in cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
