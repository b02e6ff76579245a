"""The published date of the dev pages under the other forms a French news page gives it.

    python bench/published_perturb.py [--variants NAME ...] [--out DIR] [--jobs N] [--pages N]

Issue 11, round 27. Dev pages are dated perfectly as given (``bench/real_pages.py --part dev``)
and the test part is not (.934): the phenomenon is studied here by perturbation, as
``bench/quote_perturb.py`` did for quotes. Each dev page (its lynx dump for an HTML page: the text
alone then dates it; the page itself for a dump) is rewritten so that the article's day is printed
another way, somewhere else, or beside a decoy, and the published date is scored per variant:

* forms (every print of the day, its "Publié le" label, "le", weekday and hour rewritten):
  ``publie-heure`` "Publié le 3 mars 2024 à 14h05"; ``maj-before`` "Mis à jour le <a day later>"
  on the line above "Publié le …"; ``maj-after`` "Publié le …, mis à jour le <a day later>";
  ``slash-clock`` "03/03/2024 - 14:05"; ``dots`` "3.3.2024"; ``dots-short`` "03.03.24";
  ``yearless`` "le 3 mars"; ``relative`` "il y a 3 heures"; ``english`` "March 3, 2024";
  ``iso`` "2024-03-03T14:05";
* places (every print of the day removed, then one "Publié le …" line written): ``above-title``,
  ``under-body``, ``byline`` ("Par Camille Ferrand, le 3 mars 2024" under the headline),
  ``breadcrumb`` ("Accueil > International > 3 mars 2024" above the headline);
* decoys (the page as given plus a later day elsewhere): ``decoy-related`` (an "À lire aussi"
  list dated 3 and 5 days later under the body), ``decoy-comment`` (a comment a day later),
  ``decoy-cookie`` (a consent banner's policy date at the top), ``decoy-update`` ("Mis à jour le"
  a week later under the day's line), ``decoy-headline`` (an event's day in the headline);
* ``as-given``: the text unchanged (the baseline of the variants: a page whose dump prints the day);
* ``shift``: every print of the day moved 11 days later, the gold with it (what still dates the
  page by its old day: the URL, the markup the dump kept).

The gold day moves with the rewrite: ``yearless`` is right when its day is found (year inferred),
null is no error there; ``relative`` is right as null, or as the day of the capture date the page
carries (a masthead's clock, an HTTP header) or the day before. A variant that cannot be built on a page (the headline, the body's end or
the day not found) is left out. Prints one row per variant (pages, right, null, wrong,
accuracy); per-page rows go to ``DIR/rows.tsv``, texts to ``DIR/texts`` (outside the repository:
the pages are copyrighted; every inserted word is invented here). Test pages are never read.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import perturb_frame as frame  # noqa: E402
from page_perturb import _LABEL, _day, _lead, day_spans, headline_line, long_fr, rendered, rewrapped  # noqa: E402
from real_pages import GOLD_DIR, PAGES  # noqa: E402
from synth_variants import _EN, _body_end, _title_end  # noqa: E402
from tools.real_pages.view import page_path  # noqa: E402

Gold = dict
FORMS = ["publie-heure", "maj-before", "maj-after", "slash-clock", "dots", "dots-short", "yearless", "relative",
         "english", "iso"]
PLACES = ["above-title", "under-body", "byline", "breadcrumb"]
DECOYS = ["decoy-related", "decoy-comment", "decoy-cookie", "decoy-update", "decoy-headline"]
ALL_VARIANTS = ["as-given", *FORMS, *PLACES, *DECOYS, "shift"]
SHIFT_DAYS = 11


def _later(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


# -- forms: every print of the day rewritten -------------------------------------------------------

def _label_start(text: str, at: int) -> int:
    """Where a publication label before ``at`` starts ("Publié le " …), else ``at``."""
    label = _LABEL.search(text[max(0, at - 40):at])
    return at - len(label.group(0)) if label else at


_UPDATE_CUE = re.compile(r"(?:mis\s+à\s+jour|mise\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|maj|updated)\b[^\n]{0,12}$",
                         re.I)


def rewrite_prints(text: str, day: dt.date, new: Callable[[str], str],
                   after_update: Callable[[str], str] | None = None) -> str | None:
    """Every print of ``day``, with its label, "le", weekday and hour, replaced by ``new(prefix)``
    (``prefix``: the "le"/"du" it had), or by ``after_update(prefix)`` when an update cue comes
    right before it ("mis à jour le <day>": the same day's update keeps its cue); None when the text
    never prints the day."""
    spans = day_spans(text, day)
    if not spans:
        return None
    out, last = [], 0
    for a, b, _, d in spans:
        start = max(last, _label_start(text, a))
        update = after_update is not None and _UPDATE_CUE.search(text[max(last, a - 40):a]) is not None
        out.append(text[last:start] + (after_update if update else new)(_lead(text[a:b])))
        last = d
    return rewrapped("".join(out) + text[last:], text)


def _form(write: Callable[[dt.date], str], bare: Callable[[dt.date], str]) -> Callable[[str, Gold], str | None]:
    def variant(text: str, gold: Gold) -> str | None:
        day = _day(gold)
        return None if day is None else rewrite_prints(text, day, lambda _lead_word: write(day),
                                                       lambda lead: lead + bare(day))
    return variant


def _english(day: dt.date) -> str:
    return f"{_EN[day.month - 1]} {day.day}, {day.year}"


FORM_WRITERS: dict[str, Callable[[dt.date], str]] = {
    "publie-heure": lambda d: f"Publié le {long_fr(d)} à 14h05",
    "maj-before": lambda d: f"Mis à jour le {long_fr(_later(d, 1))} à 09h12\nPublié le {long_fr(d)} à 14h05",
    "maj-after": lambda d: f"Publié le {long_fr(d)} à 14h05, mis à jour le {long_fr(_later(d, 1))} à 09h12",
    "slash-clock": lambda d: f"{d:%d/%m/%Y} - 14:05",
    "dots": lambda d: f"{d.day}.{d.month}.{d.year}",
    "dots-short": lambda d: f"{d:%d.%m.%y}",
    "yearless": lambda d: f"Publié le {d.day} {long_fr(d).split()[1]} à 14h05",
    "relative": lambda d: "Publié il y a 3 heures",
    "english": lambda d: f"Published {_english(d)}",
    "iso": lambda d: f"{d.isoformat()}T14:05",
}

# What an update cue's own print of the same day becomes ("mis à jour le <day>"): the form's date alone.
BARE_WRITERS: dict[str, Callable[[dt.date], str]] = {
    "slash-clock": lambda d: f"{d:%d/%m/%Y} - 14:05",
    "dots": lambda d: f"{d.day}.{d.month}.{d.year}",
    "dots-short": lambda d: f"{d:%d.%m.%y}",
    "yearless": lambda d: f"{d.day} {long_fr(d).split()[1]} à 14h05",
    "relative": lambda d: "il y a 3 heures",
    "english": _english,
    "iso": lambda d: f"{d.isoformat()}T14:05",
}


# -- places: the day's prints removed, one stamp written elsewhere ---------------------------------

def without_day(text: str, day: dt.date) -> str | None:
    return rewrite_prints(text, day, lambda _lead_word: "")


def _placed(where: str) -> Callable[[str, Gold], str | None]:
    def variant(text: str, gold: Gold) -> str | None:
        day = _day(gold)
        if day is None:
            return None
        bare = without_day(text, day)
        if bare is None:
            return None
        at, end = headline_line(bare, gold), _title_end(bare, gold)
        if at is None or end is None:
            return None
        if where == "above-title":
            return f"{bare[:at]}   Publié le {long_fr(day)} à 14h05\n\n{bare[at:]}"
        if where == "breadcrumb":
            return f"{bare[:at]}   Accueil > International > {long_fr(day)}\n\n{bare[at:]}"
        if where == "byline":
            return f"{bare[:end]}\n\n   Par Camille Ferrand, le {long_fr(day)}\n{bare[end:]}"
        foot = _body_end(bare, gold)
        if foot is None:
            return None
        return f"{bare[:foot]}\n\n   Publié le {long_fr(day)} à 14h05\n{bare[foot:]}"
    return variant


# -- decoys: the page as given plus a later day elsewhere ------------------------------------------

def _decoy(where: str) -> Callable[[str, Gold], str | None]:
    def variant(text: str, gold: Gold) -> str | None:
        day = _day(gold)
        if day is None or not day_spans(text, day):
            return None
        if where == "cookie":
            return (f"   Nous utilisons des cookies. Notre politique de confidentialité a été mise à jour le "
                    f"{long_fr(_later(day, 20))}. Accepter Refuser\n\n{text}")
        if where == "update":
            first = day_spans(text, day)[0][3]
            cut = text.find("\n", first)
            cut = len(text) if cut < 0 else cut
            return f"{text[:cut]}\n   Mis à jour le {long_fr(_later(day, 7))} à 11h20\n{text[cut:]}"
        if where == "headline":
            end = _title_end(text, gold)
            if end is None:
                return None
            return f"{text[:end]} : rendez-vous le {long_fr(_later(day, 12))}{text[end:]}"
        foot = _body_end(text, gold)
        if foot is None:
            return None
        if where == "related":
            block = ("\n\n   À lire aussi\n\n     * Un marché couvert rouvre ses portes à Valmorin\n"
                     f"       {long_fr(_later(day, 3))}\n     * Le conseil municipal de Pontarlieu vote son budget\n"
                     f"       {long_fr(_later(day, 5))}\n")
        else:
            block = (f"\n\n   Commentaires (1)\n\n   Marc L. - le {long_fr(_later(day, 1))} à 08h14\n"
                     "   Merci pour cet article très clair.\n")
        return text[:foot] + block + text[foot:]
    return variant


def shifted(text: str, gold: Gold) -> str | None:
    day = _day(gold)
    if day is None:
        return None
    new = _later(day, SHIFT_DAYS)
    spans = day_spans(text, day)
    if not spans:
        return None
    out, last = [], 0
    for _a, b, c, d in spans:
        out.append(text[last:b] + long_fr(new) + text[c:d])
        last = d
    return "".join(out) + text[last:]


CHANGES: dict[str, Callable[[str, Gold], str | None]] = {
    "as-given": lambda text, gold: text if _day(gold) is not None and day_spans(text, _day(gold)) else None,
    **{name: _form(write, BARE_WRITERS.get(name, long_fr)) for name, write in FORM_WRITERS.items()},
    **{name: _placed(name) for name in PLACES},
    **{f"decoy-{w}": _decoy(w) for w in ("related", "comment", "cookie", "update", "headline")},
    "shift": shifted,
}


def expected(variant: str, gold: Gold) -> str | None:
    """The gold day once the variant is written (the shift moves it, a relative stamp has none)."""
    day = _day(gold)
    if day is None or variant == "relative":
        return None
    return _later(day, SHIFT_DAYS).isoformat() if variant == "shift" else day.isoformat()


# -- building and scoring -------------------------------------------------------------------------

def score_one(job: tuple[str, str, str, Gold, str]) -> dict | None:
    out, variant, page, gold, site = job
    source = page_path(page)
    base_path = rendered(Path(out), "lynx", page) if source.suffix == ".html" else source
    text = CHANGES[variant](base_path.read_bytes().decode("utf-8", errors="replace"), gold)
    if text is None:
        return None
    folder = Path(out) / "texts" / variant
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{page}.txt"
    path.write_text(text, encoding="utf-8")
    try:
        art = frame.stages().run(path)
        published, origin = art.published, art.published_from or ""
    except Exception as exc:  # a crash scores as no date
        published, origin = None, f"crash {exc.__class__.__name__}"
    want = expected(variant, gold)
    if variant == "relative" and published is not None and origin == "text":
        # A capture date the page carries (its masthead's clock, an HTTP header) dates "il y a 3
        # heures" rightly: that day or, past midnight, the day before.
        reference = frame.stages().stages[1]._reference(art)
        ref_day = reference.date() if isinstance(reference, dt.datetime) else reference
        if ref_day is not None and published in (ref_day.isoformat(), _later(ref_day, -1).isoformat()):
            want = published
    return {"page": page, "site": site, "variant": variant, "published": published, "gold": want,
            "from": origin, "right": published == want,
            "null_ok": variant == "yearless" and published is None}


def main(argv: list[str] | None = None) -> int:
    args = frame.page_parser(__doc__, ALL_VARIANTS, "/tmp/veille-published-perturb").parse_args(argv)
    if not PAGES.is_dir():
        print(f"{PAGES}: not found (../shared is needed)", file=sys.stderr)
        return 1
    entries = frame.dev_entries(GOLD_DIR / "gold_dev.jsonl", lambda e: bool(e.get("published")), args.pages)

    def render_page(entry: dict) -> None:
        if page_path(entry["page"]).suffix == ".html":
            rendered(args.out, "lynx", entry["page"])

    rows = frame.run_jobs(args.out, entries, args.variants, frame.page_gold, render_page, score_one, args.jobs)
    frame.write_rows(args.out / "rows.tsv", rows, ("page", "site", "variant", "published", "gold", "from", "right"))
    print(f"{len(entries)} dated dev pages; rows in {args.out / 'rows.tsv'}")
    print(f"{'variant':15} {'pages':>5} {'right':>5} {'null':>4} {'wrong':>5} {'acc':>6}")
    total = right_all = 0
    for variant in args.variants:
        mine = [r for r in rows if r["variant"] == variant]
        right = sum(r["right"] for r in mine)
        null = sum(r["published"] is None and not r["right"] for r in mine)
        wrong = len(mine) - right - null
        ok = right + sum(r["null_ok"] for r in mine)  # a year-less stamp left undated is no error
        total, right_all = total + len(mine), right_all + ok
        print(f"{variant:15} {len(mine):5d} {right:5d} {null:4d} {wrong:5d} {ok / max(1, len(mine)):6.3f}")
    print(f"{'all':15} {total:5d} {'':>5} {'':>4} {'':>5} {right_all / max(1, total):6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
