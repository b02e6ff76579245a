"""Short headlines over their standfirst, on every gold dump one may read (issue 11, title3).

    PYTHONPATH=src .venv/bin/python bench/short_titles.py [--synth DIR] [--verbose] [--only VARIANT ...]

The outside judges' misses hold short headlines (two to six words) whose next line, a longer
standfirst or the lede, was taken instead. This measures that weakness on pages one may read: each
gold dump (``tools/clean/title_audit.gold_pages``: corpus dev dumps, outside dev parts, released who
and event pages; with ``--synth``, the dumps ``bench/synth_dumps.py --keep DIR`` rendered from the
dev HTML pages) whose headline is printed on one line is changed, in a temporary folder only:

- ``short``: the headline cut to its first three to six words (by a hash of the page; glue words
  closing the cut dropped), every other print of it on the page cut the same way, the gold becoming
  those words;
- ``short-dek``: and a standfirst right under it, the rest of the headline's words run on into an
  invented clause, closed by a period;
- ``short-dek-open``: the same standfirst without its period (a second heading);
- ``short-dek-lede``: a standfirst restating the lede (its first twenty-two words, no period);
- ``short-lede``: the short headline, then straight away the article's first paragraph (the lines
  between, bylines and dates, taken out);
- ``short-lede-byline``: the short headline, its lede, and the byline moved under that lede.

A title is right as ``bench/real_pages.py`` counts it (token F1 >= 0.8 with the variant's gold).
The page text stays outside the repository; ``--verbose`` lists the misses' page ids and what
line was taken (dev material only).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT / "src", ROOT, ROOT / "bench", ROOT / "tools" / "clean"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import title_cv  # noqa: E402
from real_pages import TITLE_F1_MIN, TextStages, token_f1  # noqa: E402

_TAILS = ("{rest}, selon les premières informations recueillies par notre rédaction.",
          "Ce que l'on sait de {rest}, quelques jours après les faits et avant les prochaines échéances.",
          "{rest} : retour sur une semaine qui a laissé des traces et sur les questions restées sans réponse.")
_GLUE = frozenset("de du des la le les l' d' à au aux et en sur pour un une par avec dans : , – - |".split())
_BYLINE = "Par Jeanne Vautrin"
VARIANTS = ("short", "short-dek", "short-dek-open", "short-dek-lede", "short-lede", "short-lede-byline")
DEK_WORDS = 22
LEDE_WORDS = 10


def _pick(page: str, n: int) -> int:
    return int(hashlib.sha1(page.encode()).hexdigest(), 16) % n


def _short(title: str, page: str) -> str | None:
    ws = title.split()
    k = (3, 4, 5, 6)[_pick(page, 4)]
    if len(ws) <= k + 2:
        return None  # (already short, or too little left for a standfirst)
    head = ws[:k]
    while len(head) > 2 and (head[-1].lower() in _GLUE or head[-1][-1:] in ":,;–-|«"):
        head.pop()
    return " ".join(head) if len(head) >= 3 else None


def _title_line(lines: list[str], gold: str) -> int | None:
    key = " ".join(gold.split())
    at = [i for i, ln in enumerate(lines) if " ".join(ln.split()) == key]
    return at[-1] if at else None


def _lede_line(lines: list[str], start: int) -> int | None:
    return next((k for k in range(start + 1, min(len(lines), start + 40)) if len(lines[k].split()) >= LEDE_WORDS), None)


def variant(kind: str, lines: list[str], gold: str, page: str) -> tuple[list[str], str] | None:
    """The dump's lines changed as ``kind`` says and the variant's gold headline, or None."""
    at = _title_line(lines, gold)
    short = _short(gold, page)
    if at is None or short is None:
        return None
    line = lines[at]
    margin = line[:len(line) - len(line.lstrip())]
    # Every other print of the headline (link header, title tail, breadcrumb, share line) shortened too.
    copy = re.compile(r"\s+".join(re.escape(w) for w in gold.split()))
    out = [copy.sub(short, ln) for ln in lines]
    out[at] = margin + short
    if kind == "short":
        return out, short
    rest = " ".join(gold.split()[len(short.split()):]).strip(" :,-–|")
    lede = _lede_line(lines, at)
    if kind == "short-dek-lede":
        if lede is None:
            return None
        ws = " ".join(ln.strip() for ln in lines[lede:lede + 4]).split()
        if len(ws) < DEK_WORDS:
            return None
        indent = lines[lede][:len(lines[lede]) - len(lines[lede].lstrip())]
        return [*out[:at + 1], "", indent + " ".join(ws[:DEK_WORDS]).rstrip(".,;:"), "", *out[at + 1:]], short
    if kind.startswith("short-dek"):
        body = next((ln for ln in lines[at + 1:] if len(ln.split()) >= LEDE_WORDS), line)
        indent = body[:len(body) - len(body.lstrip())]
        dek = _TAILS[_pick(page + "dek", len(_TAILS))].format(rest=rest)
        dek = dek[:1].upper() + dek[1:]
        if kind == "short-dek-open":
            dek = dek.rstrip(".")
        return [*out[:at + 1], "", indent + dek, "", *out[at + 1:]], short
    if lede is None:
        return None
    between = [ln for ln in out[at + 1:lede] if ln.strip()]
    if kind == "short-lede":
        return [*out[:at + 1], "", *out[lede:]], short
    # short-lede-byline: the lede's paragraph, then a byline line, then the rest
    end = next((k for k in range(lede, len(out)) if not out[k].strip()), len(out))
    indent = out[lede][:len(out[lede]) - len(out[lede].lstrip())]
    kept = [ln for ln in between if ln.strip()]
    return [*out[:at + 1], "", *out[lede:end], "", indent + _BYLINE, *[""] * bool(kept), *out[end:]], short


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--synth", type=Path, help="also the dumps kept by bench/synth_dumps.py --keep DIR")
    ap.add_argument("--only", nargs="*", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    sources = title_cv.gold_dumps() + (title_cv.synth_dumps(args.synth) if args.synth else [])
    stages = TextStages()
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    with tempfile.TemporaryDirectory(prefix="short-titles-") as tmp:
        for name, path, _site, gold in sources:
            if not gold:
                continue
            group = "synth" if "/" in name else "real"
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
            for kind in args.only:
                made = variant(kind, lines, gold, name)
                if made is None:
                    continue
                new, want = made
                out = Path(tmp) / f"{name.replace('/', '_')}.txt"
                out.write_text("\n".join(new) + "\n", encoding="utf-8")
                try:
                    got = stages.run(out).title
                except ValueError:
                    continue
                ok = token_f1(want, got) >= TITLE_F1_MIN
                t = tally[(group, kind)]
                t[0] += ok
                t[1] += 1
                if not ok:
                    at = _title_line(new, want)
                    nxt = next((ln for ln in new[at + 1:] if ln.strip()), "") if at is not None else ""
                    where = "next" if got and nxt and token_f1(got, nxt) >= TITLE_F1_MIN else "other"
                    tally[(group, kind + ":" + where)][1] += 1
                    if args.verbose:
                        print(f"MISS {kind} {where} {name} took {got!r} | want {want!r}")
    for (group, kind), (ok, n) in sorted(tally.items()):
        print(f"{group:6} {kind:18} {ok:5d}/{n} = {ok / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
