"""Title, date and body of the dev pages under perturbation: forms of a page a user could hand in.

    python bench/page_perturb.py [--variants NAME ...] [--out DIR] [--jobs N] [--pages N]

Issue 11, round 25. The real dev pages are read perfectly as given (``bench/real_pages.py``), so
they no longer show what fails. Each dev page of ``tests/data/real_pages/gold_dev.jsonl`` is
changed here the way another site, another tool or a hurried reader would hand it in, and scored
on that page's gold (title token F1 >= 0.8, published day, body token F1):

* ``html-nometa``: the HTML without its ``<meta>`` tags, JSON-LD and ``<time datetime>``
  attributes: only the visible text gives the date (HTML pages only);
* ``html-wrapped``: the HTML with the text of its ``<p>`` elements wrapped at 70 columns in the
  source, as a hand-written or exported page may be (round 31: the extraction kept such breaks);
* ``lynx``, ``w3m``, ``links``, ``elinks``: the HTML rendered to a text dump by each browser;
* from the page's dump (its lynx dump for an HTML page, the page itself for a dump):
  ``cut-head`` (its first lines cut, half of those above the headline), ``from-title`` (every
  line above the headline cut), ``no-label`` (the "Publié le" label before the article's day
  removed), ``weekday`` (the day name written before the day: "lundi 3 mars 2023"),
  ``date-dots`` (24.11.2023), ``date-short`` (24/11/23), ``date-yearless`` ("3 mars", no year);
* ``paste``: only the headline, the byline (the lines between the headline and the text that
  hold the article's day or open on "Par") and the body's paragraphs, as plain text.

The gold day holds for a variant whose text still shows the day: a variant that removed it (an
HTML page whose only day was in its metadata, a pasted article without a dated byline) is counted
apart (``nodate``: null is right there, a day is ``wrong``). ``date-yearless`` shows the day and
month only: its figures are right / null / wrong apart, null being no error. A variant that cannot
be built on a page (the headline or the day not found in the dump, no label to remove) is left out.

Prints one row per variant; writes the per-page rows (page, site, variant, title ok, published,
gold day, body F1) to ``DIR/rows.tsv`` and the texts to ``DIR/texts`` (outside the repository:
the pages are copyrighted). Test pages are never read.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from perturb_frame import line_openings  # noqa: E402
from real_pages import GOLD_DIR, PAGES, token_f1, tokens  # noqa: E402
from synth_dumps import html_of, render  # noqa: E402
from synth_variants import _MONTHS, _WEEKDAYS, _body_start, _title_at, _title_end  # noqa: E402
from tools.real_pages.materialize import paragraphs  # noqa: E402
from tools.real_pages.view import _html_lines, page_path  # noqa: E402

from veille.clean.stamps import stamp_text, unglue_dates  # noqa: E402
from veille.common.dates import TEXT_DATE, find_date_in_line  # noqa: E402

BROWSERS = ["lynx", "w3m", "links", "elinks"]
DUMP_VARIANTS = ["cut-head", "from-title", "no-label", "weekday", "date-dots", "date-short", "date-yearless",
                 "paste"]
ALL_VARIANTS = ["html-nometa", "html-wrapped", *BROWSERS, *DUMP_VARIANTS]
Gold = dict

# -- where the article's day is printed -----------------------------------------------------------

_PREFIX = re.compile(r"(?:\b(?:le|du)\s+)?(?:\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+)?$", re.I)
_HOUR = re.compile(r"^(?:\s*(?:,|-|à|a|at)?\s*[0-2]?\d\s*[h:]\s*[0-5]\d(?::[0-5]\d)?)?", re.I)
_ISO_T = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?")
_LABEL = re.compile(r"(?:\b(?:publi[ée]e?|mis en ligne|mise en ligne|post[ée]e?|paru|créé|published|posted)\b"
                    r"\s*(?:le\b|on\b|:|,)?\s*)$", re.I)
_SHORT_NUM = re.compile(r"\b(?P<d>[0-3]?\d)[./-](?P<m>[01]?\d)[./-](?P<y>\d\d)(?!\d)")


def day_spans(text: str, day: dt.date) -> list[tuple[int, int, int, int]]:
    """Where ``text`` prints ``day`` in full: (prefix start, date start, date end, hour end); the
    prefix is "le"/"du" and a weekday, the hour what follows the date."""
    spans: list[tuple[int, int, int, int]] = []
    for rx in (_ISO_T, TEXT_DATE):
        for m in rx.finditer(text):
            parts = find_date_in_line(m.group(0))
            if parts is None or parts.iso() != day.isoformat() or any(a <= m.start() < d for a, _, _, d in spans):
                continue
            before = _PREFIX.search(text[max(0, m.start() - 24):m.start()])
            after = _HOUR.match(text[m.end():m.end() + 30])
            spans.append((m.start() - len(before.group(0)), m.start(), m.end(), m.end() + after.end()))
    return sorted(spans)


def shows_day(text: str, day: dt.date | None) -> bool:
    """Whether ``text`` prints ``day`` with its year (also "24/11/23")."""
    if day is None:
        return False
    if day_spans(text, day):
        return True
    for line in text.split("\n"):  # (the forms the stamp readers read: "Publié2 mars 2023", "Lundi, 2 Mars, 2023"…)
        parts = find_date_in_line(stamp_text(unglue_dates(line))) if any(c.isdigit() for c in line) else None
        if parts is not None and parts.year and parts.iso() == day.isoformat():
            return True
    return any((int(m["d"]), int(m["m"]), 2000 + int(m["y"])) == (day.day, day.month, day.year)
               for m in _SHORT_NUM.finditer(text))


def _rewrite(text: str, day: dt.date, new: Callable[[str, str, str], str]) -> str | None:
    """Every print of ``day`` rewritten by ``new(prefix, date, hour)`` (None when none is found)."""
    spans = day_spans(text, day)
    if not spans:
        return None
    out, last = [], 0
    for a, b, c, d in spans:
        out.append(text[last:a] + new(text[a:b], text[b:c], text[c:d]))
        last = d
    return rewrapped("".join(out) + text[last:], text)


def rewrapped(text: str, original: str) -> str:
    """``text`` with the lines a change made longer than ``original``'s longest wrapped again at
    that width, their margin kept: a browser wraps a longer stamp, it never runs past its column."""
    width = max((len(ln) for ln in original.split("\n")), default=0)
    if width < 40 or width > 200:  # (an unwrapped text: nothing to wrap to)
        return text
    import textwrap

    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        margin = line[:len(line) - len(line.lstrip())]
        out.extend(textwrap.wrap(line.strip(), width, initial_indent=margin, subsequent_indent=margin))
    return "\n".join(out)


def _lead(prefix: str) -> str:
    """The "le"/"du" of a prefix, without its weekday."""
    m = re.match(r"(?i)(le|du)\s+", prefix)
    return m.group(0) if m else ""


def long_fr(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def with_weekday(text: str, gold: Gold) -> str | None:
    day = _day(gold)
    return None if day is None else _rewrite(
        text, day, lambda p, d, h: f"{_lead(p)}{_WEEKDAYS[day.weekday()]} {long_fr(day)}{h}")


def _formatted(fmt: Callable[[dt.date], str]) -> Callable[[str, Gold], str | None]:
    def variant(text: str, gold: Gold) -> str | None:
        day = _day(gold)
        return None if day is None else _rewrite(text, day, lambda p, d, h: f"{p}{fmt(day)}{h}")
    return variant


def without_label(text: str, gold: Gold) -> str | None:
    """The publication label before the article's day removed ("Publié le 3 mars 2023" → "3 mars
    2023"); None when no print of the day has one."""
    day = _day(gold)
    if day is None:
        return None
    out, last, changed = [], 0, False
    for a, b, _, _ in day_spans(text, day):
        label = _LABEL.search(text[max(0, a - 40):a])
        if label is None:
            continue
        start = a - len(label.group(0))
        out.append(text[last:start])  # the label and its "le" go, a weekday stays
        last = a + len(_lead(text[a:b]))
        changed = True
    return "".join(out) + text[last:] if changed else None


def headline_line(text: str, gold: Gold) -> int | None:
    """Offset of the line of the headline the gold names: of the lines before the body's first
    words that print the whole headline alone (a margin, a bullet, or the rubric the gold's
    headline is glued behind before it), the one the body follows, counted back past the repeats
    the gold has between its headline and its body (``perturb_frame.headline_repeats``): a
    breadcrumb's, a teaser's or a share box's earlier copy, a caption glued to its credit or a
    copy right under another, is no place to start a copy or set a stamp. With none, the first line that opens on the headline's
    first words; else its last print before the body (``synth_variants._title_at``)."""
    words = (gold["title"] or "").split()
    if len(words) >= 2:
        first = _body_start(text, gold)
        glued = gold.get("headline_glued", False)
        alone = line_openings(text, words, first, glued, whole=True) if first is not None else []
        lead = re.compile(r"\s+".join(re.escape(w) for w in words[:4]))
        # (an image's alt text and caption print it again in a block of lines: no headline there)
        alone = [a for a in alone if not lead.search(text[text.rfind("\n", 0, max(0, a - 1)) + 1:a])]
        if alone:
            return alone[max(0, len(alone) - 1 - gold.get("headline_repeats", 0))]
        starts = line_openings(text, words[:6])
        if starts:
            return starts[0]
    return _title_at(text, gold)


def cut_head(text: str, gold: Gold) -> str | None:
    """Half of the lines above the headline cut (a copy that starts lower on the page)."""
    at = headline_line(text, gold)
    if at is None:
        return None
    above = text[:at].split("\n")
    return "\n".join(above[len(above) // 2:]) + text[at:]


def from_title(text: str, gold: Gold) -> str | None:
    at = headline_line(text, gold)
    return None if at is None else text[at:]


def pasted(text: str, gold: Gold) -> str | None:
    """Headline, byline and body as plain text: what a reader copies by hand."""
    at, end, start = _title_at(text, gold), _title_end(text, gold), _body_start(text, gold)
    if at is None or end is None or not gold["title"]:
        return None
    day = _day(gold)
    # the byline under the headline, or the dated lines a few lines above it (a stamp over the headline)
    between = text[end:start if start and start > end else end + 600].split("\n")
    above = [ln for ln in text[:at].split("\n")[-8:] if shows_day(ln, day)]
    byline = [ln.strip().lstrip("*+•o ").strip() for ln in above + between if ln.strip() and len(ln.split()) <= 25 and (
        shows_day(ln, day) or re.match(r"\s*(?:Par|By)\s+\w", ln))][:3]
    return "\n\n".join([" ".join(gold["title"].split()), *byline, *gold["paragraphs"]]) + "\n"


DUMP_CHANGES: dict[str, Callable[[str, Gold], str | None]] = {
    "cut-head": cut_head,
    "from-title": from_title,
    "no-label": without_label,
    "weekday": with_weekday,
    "date-dots": _formatted(lambda d: f"{d:%d.%m.%Y}"),
    "date-short": _formatted(lambda d: f"{d:%d/%m/%y}"),
    "date-yearless": _formatted(lambda d: f"{d.day} {_MONTHS[d.month - 1]}"),
    "paste": pasted,
}

_META = re.compile(r"<meta\b[^>]*>", re.I)
_JSON_LD = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>.*?</script>", re.I | re.S)
_DATETIME = re.compile(r"""\s(?:datetime|content|data-date|pubdate)\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)
_TIME_TAG = re.compile(r"<time\b[^>]*>", re.I)


def without_metadata(html: str) -> str:
    """The page's HTML without its metadata: ``<meta>`` tags, JSON-LD, a ``<time>`` element's
    machine-readable date (the element and its visible text stay)."""
    html = _JSON_LD.sub("", _META.sub("", html))
    return _TIME_TAG.sub(lambda m: _DATETIME.sub("", m.group(0)), html)


_PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)
WRAP_COLUMNS = 70


def source_wrapped(html: str) -> str:
    """The page's HTML with the text inside each ``<p>`` broken at a space past 70 columns (the
    markup inside the paragraph kept, the column counted across it)."""
    def wrap(m: re.Match[str]) -> str:
        col, out = 0, []
        for part in re.split(r"(<[^>]*>)", m.group(2)):
            if part.startswith("<"):
                out.append(part)
                continue
            for ch in part:
                wrapped = ch == " " and col >= WRAP_COLUMNS
                out.append("\n" if wrapped else ch)
                col = 0 if wrapped or ch == "\n" else col + 1
        return m.group(1) + "".join(out) + m.group(3)
    return _PARAGRAPH.sub(wrap, html)


def _day(gold: Gold) -> dt.date | None:
    try:
        return dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    except ValueError:
        return None


# -- building and scoring -------------------------------------------------------------------------

def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def rendered(out: Path, style: str, page: str) -> Path:
    """The page rendered by a browser, cached under ``out``."""
    path = out / "render" / style / f"{page}.txt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(style, html_of(page_path(page))))
    return path


def build(out: Path, variant: str, page: str, gold: Gold) -> tuple[Path, bool] | None:
    """The variant's file and whether its text still shows the gold day (None: not built)."""
    source = page_path(page)
    day = _day(gold)
    folder = out / "texts" / variant
    folder.mkdir(parents=True, exist_ok=True)
    if variant in ("html-nometa", "html-wrapped"):
        if source.suffix != ".html":
            return None
        html = html_of(source).decode("utf-8", errors="replace")
        html = without_metadata(html) if variant == "html-nometa" else source_wrapped(html)
        path = folder / f"{page}.html"
        path.write_text(html, encoding="utf-8")
        return path, shows_day("\n".join(_html_lines(html)), day)
    if variant in BROWSERS:
        if source.suffix != ".html":
            return None
        path = rendered(out, variant, page)
        return path, shows_day(_text(path), day)
    base = _text(rendered(out, "lynx", page) if source.suffix == ".html" else source)
    text = DUMP_CHANGES[variant](base, gold)
    if text is None:
        return None
    path = folder / f"{page}.txt"
    path.write_text(text, encoding="utf-8")
    return path, shows_day(text, day) or (variant == "date-yearless" and day is not None)


def score_one(job: tuple[str, str, str, Gold, str]) -> dict | None:
    out, variant, page, gold, site = job
    built = build(Path(out), variant, page, gold)
    if built is None:
        return None
    path, dated = built
    try:
        art = frame.stages().run(path)
        title, body, published, crash = art.title, "\n".join(art.paragraphs), art.published, ""
    except Exception as exc:  # a crash scores as an empty page
        title, body, published, crash = None, "", None, exc.__class__.__name__
    accept = {gold["published"], *gold["accept"]} - {None}
    g, p = Counter(tokens("\n".join(gold["body"]))), Counter(tokens(body))
    return {"page": page, "site": site, "variant": variant, "dated": dated,
            "title_ok": token_f1(gold["title"], title) >= 0.8, "title": title or "",
            "published": published, "gold": gold["published"], "right": published in accept if accept else published is None,
            "tp": sum((g & p).values()), "fp": sum(p.values()) - sum((g & p).values()),
            "fn": sum(g.values()) - sum((g & p).values()), "crash": crash}


def summary(rows: list[dict]) -> dict:
    dated = [r for r in rows if r["dated"]]
    nodate = [r for r in rows if not r["dated"]]
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn"))
    p, r_ = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    return {"pages": len(rows), "title": sum(r["title_ok"] for r in rows) / max(1, len(rows)),
            "dated": len(dated), "published": sum(r["right"] for r in dated) / max(1, len(dated)),
            "null": sum(r["published"] is None for r in dated),
            "wrong": sum(r["published"] is not None and not r["right"] for r in dated),
            "nodate": len(nodate), "nodate_right": sum(r["right"] for r in nodate),
            "nodate_wrong": sum(r["published"] is not None and not r["right"] for r in nodate),
            "body_f1": 2 * p * r_ / (p + r_) if p + r_ else 0.0, "crashes": sum(bool(r["crash"]) for r in rows)}


def main(argv: list[str] | None = None) -> int:
    args = frame.page_parser(__doc__, ALL_VARIANTS, "/tmp/veille-page-perturb").parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    entries = frame.dev_entries(GOLD_DIR / "gold_dev.jsonl", lambda e: True, args.pages)

    def gold_of(entry: dict, lines: list[str]) -> Gold:
        return {**frame.page_gold(entry, lines), "paragraphs": paragraphs(entry, lines),
                "accept": entry.get("published_accept") or []}

    def render_page(entry: dict) -> None:
        if page_path(entry["page"]).suffix == ".html":
            for style in {"lynx"} | set(args.variants) & set(BROWSERS):
                rendered(args.out, style, entry["page"])

    rows = frame.run_jobs(args.out, entries, args.variants, gold_of, render_page, score_one, args.jobs)
    frame.write_rows(args.out / "rows.tsv", rows,
                     ("page", "site", "variant", "dated", "title_ok", "published", "gold", "right", "tp", "fp", "fn",
                      "crash", "title"),
                     ("page", "site", "variant", "dated", "title_ok", "published", "gold", "right", "body_tp", "body_fp",
                      "body_fn", "crash", "title"))
    print(f"{len(entries)} dev pages; rows in {args.out / 'rows.tsv'}")
    print(f"{'variant':14} {'pages':>5} {'title':>6} {'dated':>5} {'publ':>6} {'null':>4} {'wrong':>5} "
          f"{'nodate':>6} {'nd_ok':>5} {'nd_wr':>5} {'body_f1':>7} {'crash':>5}")
    for variant in args.variants:
        s = summary([r for r in rows if r["variant"] == variant])
        print(f"{variant:14} {s['pages']:5d} {s['title']:6.3f} {s['dated']:5d} {s['published']:6.3f} {s['null']:4d} "
              f"{s['wrong']:5d} {s['nodate']:6d} {s['nodate_right']:5d} {s['nodate_wrong']:5d} {s['body_f1']:7.3f} {s['crashes']:5d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
