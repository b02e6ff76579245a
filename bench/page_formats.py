"""Headline and publication-stamp formats of French news pages, on invented pages (issue 11).

    python bench/page_formats.py [--styles html lynx w3m] [--verbose]

Each case of ``tests/data/page_formats/cases.py`` (an invented page per format: "Publié le …" in
several forms, update stamps before or after, a byline date, a date only in the URL or the
metadata, a year-less stamp, teasers, comments and event dates that must not win; a kicker, a
breadcrumb, capitals, a quote, a colon, a live blog, a short headline beside teasers…) is read as
HTML and as the dumps lynx and w3m write of it, through the clean and metadata stages. Prints, per
style, the cases whose title (token F1 < 0.8) or published date is not the expected one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests" / "data" / "page_formats"))
from cases import CASES, TEXT_CASES, heavy_cases  # noqa: E402
from real_pages import TextStages, token_f1  # noqa: E402

RENDER = {
    "lynx": ["lynx", "-dump", "-nolist", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "lynx-refs": ["lynx", "-dump", "-assume_charset=UTF-8", "-display_charset=UTF-8", "-stdin"],
    "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}


def rendered(style: str, html: str) -> str:
    out = subprocess.run(RENDER[style], input=html.encode(), capture_output=True, timeout=60, check=False)
    return out.stdout.decode("utf-8", errors="replace")


def read(stages: TextStages, path: Path, url: str | None) -> tuple[str | None, str | None]:
    art = stages.run(path, url)  # the URL a case gives stands for the page's address
    return art.title, art.published


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--styles", nargs="*", default=["html", "lynx", "lynx-refs", "w3m"],
                    choices=["html", *RENDER])
    ap.add_argument("--heavy", action="store_true", help="the pages with a big site's furniture around them")
    ap.add_argument("--keep", type=Path, default=None, help="write the pages and dumps here")
    args = ap.parse_args(argv)
    out = args.keep or Path(tempfile.mkdtemp(prefix="veille-formats-"))
    out.mkdir(parents=True, exist_ok=True)
    total = failed = 0
    for style in args.styles:
        if style != "html" and shutil.which(RENDER[style][0]) is None:
            print(f"{style}: skipped ({RENDER[style][0]} not installed)")
            continue
        stages = TextStages()
        base = heavy_cases() if args.heavy else CASES
        cases = [c for c in base if style == "html" or not c.get("html_only")]
        cases += TEXT_CASES if style == "html" and not args.heavy else []
        bad = []
        for case in cases:
            if "text" in case:
                path, text = out / f"{case['id']}.txt", case["text"]
            elif style == "html":
                path, text = out / f"{case['id']}.html", case["html"]
            else:
                path, text = out / f"{case['id']}.{style}.txt", rendered(style, case["html"])
            path.write_text(text, encoding="utf-8")
            try:
                # (A case marked ``alone`` is read without the run's other pages: their years.)
                title, published = read(TextStages() if case.get("alone") else stages, path, case.get("url"))
            except Exception as exc:  # a crash is a miss of both
                title, published = f"CRASH {exc!r}", None
            t_ok = token_f1(case["title"], title) >= 0.8
            want = case["published"] if style == "html" else case.get("dump_published", case["published"])
            d_ok = published == want
            if not (t_ok and d_ok):
                bad.append((case, title, published, t_ok, d_ok))
        total += len(cases)
        failed += len(bad)
        print(f"{style:10} {len(cases) - len(bad):3d}/{len(cases)} right")
        for case, title, published, t_ok, d_ok in bad:
            print(f"   {case['id']:28}" + ("" if t_ok else f" title {title!r}")
                  + ("" if d_ok else f" published {published} (want {case['published']})"))
    if args.keep is None:
        shutil.rmtree(out, ignore_errors=True)
    print(f"all styles: {total - failed}/{total} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
