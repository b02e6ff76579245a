"""Datelines of the outlets the corpus hardly holds, written over the dev pages' ledes (issue 11).

    python bench/dateline_perturb.py [--variants NAME ...] [--pages N] [--jobs 2] [--out /tmp/dateline_perturb]

Four dev pages of 192 open with a dateline (``tests/data/real_pages/datelines_dev.jsonl``), so the
real pages say little of how Veille reads the wire forms of French, Swiss, Belgian, Canadian and
African outlets. Here every other dev page gets an invented dateline in one of those forms written
before its lede (the gold body's first line: a dump's line, or the text of an HTML page's element,
found in its markup; a page where the lede cannot be found once is left out), glued to it or on a
line of its own, and is read by the text stages (clean, metadata) as the page as given is.

Per variant: pages, datelines found, place / agency / day-month right (the year is the page's
business), all three right; and what the body paid against the page as given: pages that lost gold
body words (``lost``), pages whose body kept words of the dateline (``leaked``). Per-page rows go to
``OUT/rows.tsv`` (outside the repository: no page text is written there). Test pages are never read.
Where the gold body opens on a standfirst that the cleaner reads apart from the text (some HTML
pages), the dateline lands where no outlet prints one and no dateline search looks: such pages
count as misses in every variant (9 of 110 at the first run). Run with ``PYTHONPATH=src``.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from real_pages import GOLD_DIR, tokens  # noqa: E402
from tools.real_pages.datelines import load as load_datelines  # noqa: E402
from tools.real_pages.datelines import norm  # noqa: E402
from tools.real_pages.gold import body_text  # noqa: E402
from tools.real_pages.view import page_path, view_lines  # noqa: E402

# name: (opening, own line, place, agency, (month, day) or None). Places and agencies are names;
# every opening is written here, in the forms the outlets print.
VARIANTS: dict[str, tuple[str, bool, str | None, str | None, tuple[int, int] | None]] = {
    "caps-agency": ("KIEV (AFP) - ", False, "Kiev", "AFP", None),
    "mixed-agency": ("Genève (ATS) – ", False, "Genève", "ATS", None),
    "le-date-agency": ("Abidjan, le 3 mai (APA) - ", False, "Abidjan", "APA", (5, 3)),
    "agency-only": ("(Belga) - ", False, None, "Belga", None),
    "caps-agency-nodash": ("BRUXELLES (Belga) ", False, "Bruxelles", "Belga", None),
    "date-agency-dotdash": ("KINSHASA, 5 juin (ACP).- ", False, "Kinshasa", "ACP", (6, 5)),
    "date-agency-endash": ("RABAT, 6 juin (MAP) – ", False, "Rabat", "MAP", (6, 6)),
    "figures-agency": ("SION 14/05 (ATS) - ", False, "Sion", "ATS", (5, 14)),
    "tass": ("MOSCOU, 3 mars. /TASS/. ", False, "Moscou", "TASS", (3, 3)),
    "caps-emdash": ("MONTRÉAL — ", False, "Montréal", None, None),
    "caps-hyphen": ("LYON - ", False, "Lyon", None, None),
    "mixed-endash": ("Lyon – ", False, "Lyon", None, None),
    "place-period": ("Moscou. ", False, "Moscou", None, None),
    "line-full": ("BRUXELLES, 6 avr. (AFP) –", True, "Bruxelles", "AFP", (4, 6)),
    "line-correspondent": ("De notre correspondant à Moscou", True, "Moscou", None, None),
}
ALL = ["as-given", *VARIANTS]


def _lede_at(text: str, lede: str, markup: bool) -> int | None:
    """Where the lede's first words stand in ``text``, when they stand there once."""
    words = lede.split()[:6]
    if len(words) < 3:
        return None
    sep = r"(?:\s|&nbsp;|&#160;)+" if markup else r"[ \t]+"
    pat = sep.join(re.escape(html.escape(w, quote=False) if markup else w) for w in words)
    found = [m.start() for m in re.finditer(pat, text)]
    if markup and len(found) != 1:
        found = [m.start() for m in re.finditer(sep.join(re.escape(w) for w in words), text)]
    return found[0] if len(found) == 1 else None


def build(page: str, lede: str, variant: str, out: Path) -> Path | None:
    """The page with the variant's dateline before its lede (None: lede not found once)."""
    source = page_path(page)
    if variant == "as-given":
        return source
    opening, own_line, *_ = VARIANTS[variant]
    markup = source.suffix == ".html"
    text = source.read_bytes().decode("utf-8", errors="replace")
    at = _lede_at(text, lede, markup)
    if at is None:
        return None
    if own_line:
        if markup:
            insert = html.escape(opening, quote=False) + "<br>"
        else:
            start = text.rfind("\n", 0, at) + 1
            insert = opening + "\n" + text[start:at]
    else:
        insert = html.escape(opening, quote=False) if markup else opening
    path = out / "texts" / variant / source.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text[:at] + insert + text[at:], encoding="utf-8")
    return path


def score_one(job: tuple[str, str, str, str]) -> dict | None:
    out, variant, page, lede = job
    path = build(page, lede, variant, Path(out))
    if path is None:
        return None
    try:
        art = frame.stages().run(path)
        body, dl = "\n".join(art.paragraphs), art.dateline
    except Exception:  # a crash scores as an empty page without a dateline
        body, dl = "", None
    row = {"variant": variant, "page": page, "body": body}
    if variant != "as-given":
        _, _, place, agency, md = VARIANTS[variant]
        got_md = (int(dl.date[5:7]), int(dl.date[8:10])) if dl and dl.date else None
        row.update(found=dl is not None, place=bool(dl) and norm(dl.place) == norm(place),
                   agency=bool(dl) and norm(dl.agency) == norm(agency), date=got_md == md)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    ap.add_argument("--out", type=Path, default=Path("/tmp/dateline_perturb"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pages", type=int, default=0, help="only the first N dev pages (a quick look)")
    args = ap.parse_args(argv)
    with_dateline = {p for p, r in load_datelines("dev").items() if r.get("dateline")}
    entries = frame.dev_entries(GOLD_DIR / "gold_dev.jsonl", lambda e: e["page"] not in with_dateline, args.pages)
    jobs, gold = [], {}
    for e in entries:
        lines = view_lines(e["page"])
        gold[e["page"]] = Counter(tokens(body_text(e, lines)))
        lede = lines[e["body"][0][0] - 1].strip()
        jobs += [(str(args.out), v, e["page"], lede) for v in ["as-given", *args.variants]]
    args.out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        rows = [r for r in pool.map(score_one, jobs, chunksize=4) if r is not None]
    given = {r["page"]: Counter(tokens(r["body"])) for r in rows if r["variant"] == "as-given"}
    table: dict[str, Counter] = {}
    for r in rows:
        if r["variant"] == "as-given":
            continue
        pred, base, g = Counter(tokens(r["body"])), given[r["page"]], gold[r["page"]]
        r["lost"] = sum((base & g).values()) > sum((pred & g).values())
        r["leaked"] = sum((pred - g).values()) > sum((base - g).values())
        t = table.setdefault(r["variant"], Counter())
        t["pages"] += 1
        for k in ("found", "place", "agency", "date", "lost", "leaked"):
            t[k] += bool(r[k])
        t["all"] += r["place"] and r["agency"] and r["date"]
    keys = ("pages", "found", "place", "agency", "date", "all", "lost", "leaked")
    print(f"{'variant':20}" + "".join(f"{k:>8}" for k in keys))
    for v in args.variants:
        t = table.get(v, Counter())
        print(f"{v:20}" + "".join(f"{t[k]:>8}" for k in keys))
    frame.write_rows(args.out / "rows.tsv", [r for r in rows if r["variant"] != "as-given"],
                     ("variant", "page", "found", "place", "agency", "date", "lost", "leaked"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
