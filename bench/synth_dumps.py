"""Leave-a-style-out check of the dump cleaner: dev HTML pages rendered by text browsers, scored.

    python bench/synth_dumps.py [--styles lynx w3m lynx-refs lynx-wide w3m-wide] [--keep DIR]

The dump rules are written on the dev dumps of ``../shared/corpus/web`` (a few tools' styles).
To see whether they carry over to a dump style they were not written on, this renders each dev
*HTML* page of ``tests/data/real_pages/gold_dev.jsonl`` with a text browser installed on the
machine (``lynx``, ``w3m``; a style whose browser is missing is skipped) and scores the dumps on
that page's gold (title, published, body tokens: the gold is the same whatever the rendering).
A gold published date the page gives only in its metadata cannot be found in a dump: compare
figures between versions of the cleaner, not with the HTML figures.

Styles: ``lynx`` (``-dump -nolist``, 3-space margin), ``lynx-refs`` (numbered links and their
list), ``lynx-wide`` (no margin, 160 columns, read from stdin), ``w3m`` (80 columns, no margin),
``w3m-wide`` (140 columns). The dumps are written to a temporary folder (``--keep`` to keep
them): the pages are copyrighted and stay out of the repository. Test pages are never rendered.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import GOLD_DIR, PAGES, Tally, TextStages, token_f1  # noqa: E402
from tools.real_pages.gold import body_text, load, split, title_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

STYLES = {
    "lynx": ["lynx", "-dump", "-nolist", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "lynx-refs": ["lynx", "-dump", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "lynx-wide": ["lynx", "-dump", "-nolist", "-nomargins", "-width=160", "-assume_charset=UTF-8",
                  "-display_charset=UTF-8", "-stdin"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "w3m-wide": ["w3m", "-dump", "-cols", "140", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}


def html_of(path: Path) -> bytes:
    """The page's HTML (a page saved with ``curl -i`` loses its response headers)."""
    data = path.read_bytes()
    if data.startswith(b"HTTP/"):
        for sep in (b"\r\n\r\n", b"\n\n"):
            if sep in data:
                return data.split(sep, 1)[1]
    return data


def render(style: str, html: bytes) -> bytes:
    return subprocess.run(STYLES[style], input=html, capture_output=True, timeout=60, check=False).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--styles", nargs="*", default=list(STYLES), choices=list(STYLES))
    ap.add_argument("--keep", type=Path, default=None, help="write the dumps here and keep them")
    args = ap.parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    parts = split()
    entries = [e for e in load(GOLD_DIR / "gold_dev.jsonl") if parts.get(e["page"]) == "dev"
               and e.get("article") is not False and page_path(e["page"]).suffix == ".html"]
    stages = TextStages()
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="veille-synth-"))
    print(f"{len(entries)} dev HTML pages; dumps in {out_dir}")
    print(f"{'style':10} {'title':>6} {'published':>9} {'body_f1':>7}")
    for style in args.styles:
        if shutil.which(STYLES[style][0]) is None:
            print(f"{style:10} skipped ({STYLES[style][0]} not installed)")
            continue
        tally = Tally()
        folder = out_dir / style
        folder.mkdir(parents=True, exist_ok=True)
        for entry in entries:
            dump = folder / f"{entry['page']}.txt"
            dump.write_bytes(render(style, html_of(page_path(entry["page"]))))
            lines = view_lines(entry["page"])
            try:
                art = stages.run(dump)
                title, body, published = art.title, "\n".join(art.paragraphs), art.published
            except Exception:  # a crash scores as an empty page
                title, body, published = None, "", None
            tally.pages += 1
            tally.titles += token_f1(title_text(entry, lines), title) >= 0.8
            tally.dates += published in {entry.get("published"), *(entry.get("published_accept") or [])}
            tally.body(body_text(entry, lines), body)
        r = tally.result()
        print(f"{style:10} {r['title']:6.3f} {r['published']:9.3f} {r['body_f1']:7.3f}")
    if args.keep is None:
        shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
