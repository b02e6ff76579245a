"""Leave-a-style-out check of the dump cleaner: dev HTML pages rendered by text browsers, scored.

    python bench/synth_dumps.py [--styles lynx w3m ...] [--variants all|kicker date-en ...]
                                [--base lynx w3m] [--keep DIR] [--verbose]

The dump rules are written on the dev dumps of ``../shared/corpus/web`` (a few tools' styles).
To see whether they carry over to a dump style they were not written on, this renders each dev
*HTML* page of ``tests/data/real_pages/gold_dev.jsonl`` with a text browser installed on the
machine (``lynx``, ``w3m``; a style whose browser is missing is skipped) and scores the dumps on
that page's gold (title, published, body tokens: the gold is the same whatever the rendering).
A gold published date the page gives only in its metadata cannot be found in a dump: compare
figures between versions of the cleaner, not with the HTML figures. ``wrong`` counts the pages
given a published date that is not the gold's (a null is a miss, not a wrong date).

Styles: ``lynx`` (``-dump -nolist``, 3-space margin), ``lynx-refs`` (numbered links and their
list), ``lynx-wide`` (no margin, 160 columns, read from stdin), ``lynx-narrow`` (60 columns, with
the link list), ``w3m`` (80 columns, no margin), ``w3m-wide`` (140 columns), ``w3m-narrow`` (60);
and styles no rule was written on (issue 11, round 8; Debian packages ``elinks``, ``links``,
``python3-html2text``, ``chromium``): ``elinks`` / ``elinks-refs`` (its dump without / with the
numbered links), ``links`` (``links -dump``), ``markdown`` / ``markdown-nowrap`` (the page converted
to Markdown by ``html2markdown``, wrapped at 78 columns / not wrapped, as scrapers store pages) and
``chromium-copy`` (the text a reader gets with "select all + copy": the body's ``innerText`` in
Debian's chromium, scripts off, no request sent). First figures, before any rule was written for
them (title / published / wrong / body F1): elinks .833 / .844 / 0 / .890, elinks-refs .789 / .811
/ 1 / .878, links .933 / .956 / 0 / .950, markdown .100 / .622 / 7 / .699, markdown-nowrap .100 /
.811 / 3 / .720, chromium-copy .833 / .911 / 1 / .924. ``markdown-clip`` and ``markdown-reader``:
the Markdown under the metadata an export writes above it, from the page's markup (a web
clipper's YAML front matter with the day it was clipped as ``created``, a reader service's
"Title:" / "URL Source:" / "Published Time:" lines): first figures (the Markdown reader in place,
the metadata read as text) .922 / .956 / 0 / .873 and .944 / .956 / 0 / .873. ``trafilatura-md``:
the article alone as trafilatura exports it (``--markdown --with-metadata``: YAML front matter,
the text without its headline): first figure .478 / .278 / 5 / .935, after .933 / .911 / 5 / .941
(the 5 wrong days are the export's own metadata, which the HTML reader corrects with the stamp the
page shows: an article-only export has none). After the rules
written for them (clean/markdown.py, the page-copy floor of clean/dump.py): markdown .933 / .933 /
0 / .891, markdown-nowrap .933 / .933 / 0 / .895, markdown-clip and markdown-reader .944 / .956 /
0 / .895 (then .967 / .978 / 0 / .895 once the metadata's title and day are read: its title is
the headline when the export holds the article alone, its day the page's when the page shows none),
chromium-copy .867 / .922 / 2 / .925 (elinks, elinks-refs, links unchanged: elinks
writes a few bytes that are no UTF-8 and the reader refuses 11 of the 90 dumps; with those bytes
replaced elinks scores .956 / .956 / 0 / .948).
``--variants`` also scores the dumps of the ``--base`` styles changed as another site or tool
would print them (``bench/synth_variants.py``: a rubric or a breadcrumb above the headline, live
and "Dossier" boxes, the page cut before its footer or copied by hand, the article's date in
other formats, only in the byline or at the end, beside an update, without its year; and
``bench/synth_layouts.py``, ``--variants layouts``: a standfirst opening with a name, the headline
repeated in the breadcrumb, more date forms, related articles and comments with their own dates,
the day written other ways in the page's URL).
``--verbose`` lists the title and date misses (dev pages only). The dumps are written to a
temporary folder (``--keep`` to keep them): the pages are copyrighted and stay out of the
repository. Test pages are never rendered.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import GOLD_DIR, PAGES, Tally, TextStages, token_f1  # noqa: E402
from synth_layouts import LAYOUTS  # noqa: E402
from synth_variants import VARIANTS as BASE_VARIANTS  # noqa: E402
from tools.real_pages.gold import body_text, load, split, title_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

FILE_ARG = "{file}"  # a browser that reads a file, not its standard input
STYLES = {
    "lynx": ["lynx", "-dump", "-nolist", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "lynx-refs": ["lynx", "-dump", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "lynx-wide": ["lynx", "-dump", "-nolist", "-nomargins", "-width=160", "-assume_charset=UTF-8",
                  "-display_charset=UTF-8", "-stdin"],
    "lynx-narrow": ["lynx", "-dump", "-width=60", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "w3m-wide": ["w3m", "-dump", "-cols", "140", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "w3m-narrow": ["w3m", "-dump", "-cols", "60", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "elinks": ["elinks", "-dump", "-dump-charset", "UTF-8", "-no-references", "-no-numbering"],
    "elinks-refs": ["elinks", "-dump", "-dump-charset", "UTF-8"],
    "links": ["links", "-dump", "-codepage", "utf-8", "-html-assume-codepage", "utf-8", FILE_ARG],
    "markdown": ["html2markdown"],
    "markdown-nowrap": ["html2markdown", "--body-width=0"],
    "chromium-copy": ["chromium"],
    "markdown-clip": ["html2markdown", "--body-width=0"],
    "markdown-reader": ["html2markdown", "--body-width=0"],
    "trafilatura-md": ["python"],
}
CAPTURE_DAY = "2026-12-04"  # the day a clipper writes as "created": never the article's date
VARIANTS = {**BASE_VARIANTS, **LAYOUTS}
BASE_STYLES = ["lynx", "lynx-refs", "lynx-wide", "w3m", "w3m-wide"]


def html_of(path: Path) -> bytes:
    """The page's HTML (a page saved with ``curl -i`` loses its response headers)."""
    data = path.read_bytes()
    if data.startswith(b"HTTP/"):
        for sep in (b"\r\n\r\n", b"\n\n"):
            if sep in data:
                return data.split(sep, 1)[1]
    return data


def render(style: str, html: bytes) -> bytes:
    if style == "chromium-copy":
        return _inner_text(html)
    if style == "trafilatura-md":
        return _trafilatura_markdown(html)
    if style in ("markdown-clip", "markdown-reader"):
        body = subprocess.run(STYLES[style], input=html, capture_output=True, timeout=60, check=False).stdout
        return _page_head(style, html).encode("utf-8") + body
    command = STYLES[style]
    if FILE_ARG in command:
        with tempfile.NamedTemporaryFile(suffix=".html") as page:
            page.write(html)
            page.flush()
            command = [page.name if part == FILE_ARG else part for part in command]
            return subprocess.run(command, capture_output=True, timeout=60, check=False).stdout
    return subprocess.run(command, input=html, capture_output=True, timeout=60, check=False).stdout


_JSON_DATE = re.compile(rb'"datePublished"\s*:\s*"([^"]+)"')


def _page_head(style: str, html: bytes) -> str:
    """The metadata a Markdown export writes above the page, from the page's own markup: a web
    clipper's YAML front matter (title, source, published, and the day it was clipped as
    ``created``) or a reader service's "Title:" / "URL Source:" / "Published Time:" lines."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except Exception:  # (an empty or broken page: no metadata)
        return ""

    def meta(*names: str) -> str:
        for name in names:
            for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
                if el.get("content"):
                    return " ".join(el.get("content").split())
        return ""

    title = meta("og:title") or " ".join((tree.findtext(".//title") or "").split())
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    url = canonical[0] if canonical else meta("og:url")
    published = meta("article:published_time", "datePublished", "date", "pubdate")
    if not published and (m := _JSON_DATE.search(html)):
        published = m.group(1).decode("utf-8", "replace")
    if style == "markdown-reader":
        lines = [f"Title: {title}", "", f"URL Source: {url}", ""]
        lines += [f"Published Time: {published}", ""] if published else []
        return "\n".join([*lines, "Markdown Content:", ""])
    quoted = title.replace('"', "'")
    lines = ["---", f'title: "{quoted}"', f'source: "{url}"', "author:", '  - "[[Rédaction]]"']
    lines += [f"published: {published}"] if published else []
    lines += [f"created: {CAPTURE_DAY}", "tags:", '  - "clippings"', "---", ""]
    return "\n".join(lines) + "\n"


def _trafilatura_markdown(html: bytes) -> bytes:
    """The article alone as trafilatura exports it (``--markdown --with-metadata``): its YAML
    front matter (title, author, url, date…), then the text, the headline left out."""
    import trafilatura

    return (trafilatura.extract(html, output_format="markdown", with_metadata=True) or "").encode("utf-8")


_BROWSER: list = []


def _inner_text(html: bytes) -> bytes:
    """What a reader gets with "select all + copy" in a browser: the body's innerText, as Chromium
    lays the page out (Debian's chromium driven by Playwright; scripts off, no request leaves)."""
    if not _BROWSER:
        from playwright.sync_api import sync_playwright

        driver = sync_playwright().start()
        browser = driver.chromium.launch(executable_path=shutil.which("chromium"), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.abort())
        _BROWSER.extend([driver, browser, context])
    page = _BROWSER[2].new_page()
    try:
        page.set_content(html.decode("utf-8", errors="replace"), wait_until="domcontentloaded", timeout=30000)
        return page.evaluate("document.body ? document.body.innerText : ''").encode("utf-8")
    finally:
        page.close()


class DateTally(Tally):
    """A Tally that also counts the published dates given wrong (not null)."""

    def __init__(self) -> None:
        super().__init__()
        self.wrong = 0


def _score(tally: DateTally, stages: TextStages, dump: Path, entry: dict, gold_title: str | None,
           gold_body: str, misses: list[str] | None) -> None:
    try:
        art = stages.run(dump)
        title, body, published = art.title, "\n".join(art.paragraphs), art.published
    except Exception:  # a crash scores as an empty page
        title, body, published = None, "", None
    accept = {entry.get("published"), *(entry.get("published_accept") or [])}
    title_ok = token_f1(gold_title, title) >= 0.8
    tally.pages += 1
    tally.titles += title_ok
    tally.dates += published in accept
    tally.wrong += published is not None and published not in accept
    tally.body(gold_body, body)
    if misses is not None and (not title_ok or published not in accept):
        misses.append(f"  {entry['page']}" + ("" if title_ok else f" | title {title!r} (gold {gold_title!r})")
                      + ("" if published in accept else f" | published {published} (gold {entry.get('published')})"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--styles", nargs="*", default=BASE_STYLES, choices=list(STYLES))
    ap.add_argument("--variants", nargs="*", default=[], choices=["all", "layouts", *VARIANTS],
                    help="changes made to the dumps of --base (bench/synth_variants.py; "
                         "``layouts``: those of bench/synth_layouts.py)")
    ap.add_argument("--base", nargs="*", default=["lynx", "w3m"], choices=list(STYLES),
                    help="styles the variants are made from")
    ap.add_argument("--keep", type=Path, default=None, help="write the dumps here and keep them")
    ap.add_argument("--verbose", action="store_true", help="list the title and date misses (dev pages only)")
    args = ap.parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    parts = split()
    entries = [e for e in load(GOLD_DIR / "gold_dev.jsonl") if parts.get(e["page"]) == "dev"
               and e.get("article") is not False and page_path(e["page"]).suffix == ".html"]
    stages = TextStages()
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="veille-synth-"))
    variants = list(VARIANTS) if "all" in args.variants else [
        v for name in args.variants for v in (LAYOUTS if name == "layouts" else [name])]
    golds = {}
    for entry in entries:
        lines = view_lines(entry["page"])
        body = body_text(entry, lines)
        golds[entry["page"]] = (title_text(entry, lines), body, {
            "page": entry["page"], "title": title_text(entry, lines), "body": body.split("\n"),
            "published": entry.get("published")})
    print(f"{len(entries)} dev HTML pages; dumps in {out_dir}")
    print(f"{'style':24} {'pages':>5} {'title':>6} {'published':>9} {'wrong':>5} {'body_f1':>7}")
    rows = [(style, None) for style in args.styles] + [(b, v) for v in variants for b in args.base]
    for style, variant in rows:
        label = style if variant is None else f"{style}+{variant}"
        if STYLES[style][0] != "python" and shutil.which(STYLES[style][0]) is None:
            print(f"{label:24} skipped ({STYLES[style][0]} not installed)")
            continue
        tally, misses = DateTally(), [] if args.verbose else None
        folder = out_dir / style
        folder.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            base = folder / f"{entry['page']}.txt"
            if not base.exists():
                base.write_bytes(render(style, html_of(page_path(entry["page"]))))
            gold_title, gold_body, gold = golds[entry["page"]]
            dump = base
            if variant is not None:
                text = VARIANTS[variant](base.read_text(encoding="utf-8", errors="replace"), gold)
                if text is None:
                    continue
                dump = out_dir / f"{style}+{variant}" / base.name
                dump.parent.mkdir(parents=True, exist_ok=True)
                dump.write_text(text, encoding="utf-8")
            _score(tally, stages, dump, entry, gold_title, gold_body, misses)
        r = tally.result()
        print(f"{label:24} {tally.pages:5d} {r['title']:6.3f} {r['published']:9.3f} {tally.wrong:5d} {r['body_f1']:7.3f}")
        for line in misses or []:
            print(line)
    if args.keep is None:
        shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
