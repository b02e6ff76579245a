"""What date a dump gets when the article's own date, or its headline, cannot be read: an ablation audit.

    python tools/real_pages/date_ablation.py dates [--show]      # every line printing the gold date removed
    python tools/real_pages/date_ablation.py headline [--show]   # the gold headline's line(s) removed

Dev gold dumps only (``tools/clean/title_audit.gold_pages``: corpus dev dumps, the outside pages'
dev parts, the who pages of heldout3 and heldout5, the event pages of heldout4). With the article's own date gone, any date Veille still gives
comes from somewhere else on the page (a teaser's, a caption's, a reader's, the site's clock, the
lede's event): the fallbacks' false alarms, site by site, which a page whose stamp Veille cannot
read would get. With the headline gone, the head of the article is found elsewhere: does the date
hold? Counts are printed; ``--show`` adds each wrong page's id, site, the date given and the line
that gave it (on the terminal only: the pages stay outside the repository). The altered dumps are
written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for extra in (ROOT / "src", ROOT, ROOT / "bench", ROOT / "tools" / "clean"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from real_pages import TextStages  # noqa: E402
from title_audit import gold_pages  # noqa: E402

from veille.common.dates import find_date_in_line  # noqa: E402


def _prints(line: str, iso: str) -> bool:
    """The line prints the day ``iso`` (words or figures)."""
    parts = find_date_in_line(line)
    if parts is not None and parts.year and parts.iso() == iso:
        return True
    y, m, d = iso.split("-")
    return any(f in line for f in (f"{d}/{m}/{y}", f"{d}.{m}.{y}", f"{y}-{m}-{d}", f"{y}/{m}/{d}"))


def ablate(lines: list[str], entry: dict, what: str) -> list[str] | None:
    if what == "headline":
        title = entry.get("title") or {}
        if not title.get("line"):
            return None
        first, last = title["line"], entry.get("title_to_line") or title["line"]
        return lines[:first - 1] + lines[last:]
    gold = entry.get("published")
    if not gold or len(gold) < 10:
        return None
    # (The capture's own lines, a link header or the refresh URL, stay: they are no print of the page.)
    return [ln for ln in lines if ln.lstrip().startswith(("REFRESH", "#")) or not _prints(ln, gold)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("dates", "headline"))
    ap.add_argument("--show", action="store_true", help="list the pages given a wrong date")
    args = ap.parse_args(argv)
    stages = TextStages()
    right = null = wrong = 0
    sites: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="veille-ablation-") as tmp:
        for _group, path, site, entry in gold_pages():
            if path.suffix != ".txt":
                continue
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
            kept = ablate(lines, entry, args.what)
            if kept is None:
                continue
            out = Path(tmp) / path.name
            out.write_text("\n".join(kept) + "\n", encoding="utf-8")
            art = stages.run(out)
            accept = {entry.get("published"), *(entry.get("published_accept") or [])}
            if art.published in accept:  # (dates: a form of the day the removal missed, or the URL's)
                right += 1
            elif art.published is None:
                null += 1
            else:
                wrong += 1
                sites.add(site)
                if args.show:
                    given = (art.hints.get("date_lines") or [""])[0][:80]
                    print(f"{path.stem} {site} -> {art.published} (gold {entry.get('published')}) "
                          f"{'far ' if art.hints.get('far_stamp') else ''}{given!r}")
    print(f"{args.what}: {right} right, {null} no date, {wrong} another date ({len(sites)} sites)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
