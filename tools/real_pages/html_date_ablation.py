"""How the dev HTML pages are dated once their date markup is gone: an ablation audit (issue 11).

    python tools/real_pages/html_date_ablation.py [--keep modified] [--show]

Every dev HTML page with gold (the corpus dev part, the outside pages' dev parts; never a test or
held-out judge page) is read again with its date markup removed: JSON-LD date fields, ``<meta>``
date tags, ``datetime``/``content`` attributes holding a date, the canonical link and dates in the
page's URLs. What Veille still gives is what the page's text dates it by (the stamp it shows, a
byline, a teaser's or a picture's date, the clock): an old page, or a CMS that writes no markup.
``--keep modified``: the modification dates stay (a CMS that marks only its last update). Counts
are printed (right, no date, another date, by site); ``--show`` adds each page's id, site and the
date given (on the terminal only: the pages stay outside the repository). Altered pages are written
to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import TextStages  # noqa: E402

from tools.real_pages.gold import split  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "web"
EXTRA = Path("/work/extra/pages")
EXTRA_PARTS = {"dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"}  # (never heldout6, heldout7)

_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.S | re.I)
_DATE_KEYS = ("datePublished|dateModified|dateCreated|uploadDate|publishedAt|published|date|updatedAt|pubDate|"
              "firstPublished|lastPublished|publication_date|updated")
_PUBLISHED_KEYS = "datePublished|dateCreated|uploadDate|publishedAt|published|date|pubDate|firstPublished|publication_date"
_MODIFIED = re.compile(r"modified|updated", re.I)
_META = re.compile(r"<meta[^>]*(?:date|time|modified|published|updated)[^>]*>", re.I)
_ATTR = re.compile(r"\s(?:datetime|data-[a-z-]*date[a-z-]*|content)=([\"'])(?:19|20)\d\d-[01]\d-[0-3]\d[^\"']*\1", re.I)
_CANONICAL = re.compile(r"<link[^>]*canonical[^>]*>", re.I)
_URL_DAY = re.compile(r"(https?://[^\"'\s]*?)/(?:19|20)\d\d/[01]?\d/[0-3]?\d/")


def stripped(html: str, keep_modified: bool = False) -> str:
    """The page without its date markup (``keep_modified``: the modification dates stay)."""
    keys = _PUBLISHED_KEYS if keep_modified else _DATE_KEYS
    html = re.sub(rf'"(?:{keys})"\s*:\s*"[^"]*"', '"x":""', html, flags=re.I)
    if not keep_modified:
        html = _LD.sub("", html)
    html = _META.sub(lambda m: m.group(0) if keep_modified and _MODIFIED.search(m.group(0)) else "", html)
    html = _ATTR.sub(" ", html) if not keep_modified else re.sub(
        r"itemprop=[\"']datePublished[\"']", "", html, flags=re.I)
    return _URL_DAY.sub(r"\1/", _CANONICAL.sub("", html))


def pages() -> list[tuple[str, Path, dict]]:
    """(page, path, gold entry) of every dev HTML page with gold one may read."""
    parts = split()
    out = []
    for gold, folder, ok in ((ROOT / "tests/data/real_pages/gold_dev.jsonl", CORPUS / "pages", lambda e: parts.get(e["page"]) == "dev"),
                             (ROOT / "tests/data/extra_pages/gold.jsonl", EXTRA, lambda e: e.get("part") in EXTRA_PARTS)):
        for line in gold.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            path = folder / f"{e['page']}.html"
            if ok(e) and e.get("article") is not False and path.exists():
                out.append((e["page"], path, e))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", choices=["modified"], default=None, help="keep the modification dates in the markup")
    ap.add_argument("--show", action="store_true", help="list each page dated otherwise than its gold")
    args = ap.parse_args(argv)
    stages = TextStages()
    right = none = other = 0
    wrong: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="veille-html-ablation-") as tmp:
        for page, path, e in pages():
            html = path.read_bytes().decode("utf-8", errors="replace")
            alt = Path(tmp) / f"{page}.html"
            alt.write_text(stripped(html, args.keep == "modified"), encoding="utf-8")
            published = stages.run(alt).published
            if published in {e.get("published"), *(e.get("published_accept") or [])}:
                right += 1
                continue
            none += published is None
            other += published is not None
            if published is not None:
                wrong.add(page)
            if args.show:
                print(f"{page} -> {published} (gold {e.get('published')})")
    print(f"html dates without markup: {right} right, {none} no date, {other} another date ({len(wrong)} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
