"""Short UI, teaser, head-matter and credit lines left in the body, counted by kind and by site, and
the lines that move in or out of the body between two versions of the cleaner (issue 11).

    python tools/clean/body_audit.py snapshot OUT.jsonl [--sets corpus extra synth] [--synth DIR]
    python tools/clean/body_audit.py kinds OUT.jsonl [--examples N]   # kept paragraphs by kind, by site
    python tools/clean/body_audit.py diff BEFORE.jsonl AFTER.jsonl    # paragraphs in/out, titles, dates

``snapshot`` runs the text stages (clean, metadata) over the corpus's 298 pages (``corpus``), the
outside dev pages ``x0001``–``x0324`` (``extra``; the held-out judges ``x04xx``/``x05xx`` are never
read) and the dev HTML pages rendered as dumps by ``bench/synth_dumps.py --keep DIR`` (``synth``),
and writes one record a page: site, title, published, dateline, paragraphs. The output holds page
text: keep it under /tmp, never in the repository. ``kinds`` sorts the kept paragraphs into the
kinds of ``KINDS`` (regular expressions on short paragraphs; a paragraph of more than
``SHORT_WORDS`` words is prose unless its kind says otherwise) and prints, per kind, the pages and
sites where it is kept. ``diff`` prints each page's paragraphs that left or joined the body, and
changed titles, dates and datelines, for reading by eye.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("VEILLE_CORPUS", ROOT.parent / "shared" / "corpus" / "web"))
EXTRA = Path("/work/extra/pages")
EXTRA_DEV_MAX = 324  # x0001–x0324; x04xx and x05xx are held-out judges, never read
SHORT_WORDS = 14

# (kind, pattern on the paragraph, max words): counting cues only, no page text.
KINDS: list[tuple[str, re.Pattern[str], int]] = [
    ("read_also", re.compile(r"^\W*(à |a )?(lire|voir|relire|découvrir|écouter|regarder) (aussi|également|encore)\b", re.I), 40),
    ("paywall", re.compile(r"abonn|réservé aux|la suite (de cet article|est réservée)|pour lire la suite|"
                           r"déjà abonné|se connecter|connectez-vous|accès illimité|offre|premium", re.I), 40),
    ("gallery", re.compile(r"diaporama|galerie|\bphotos?\b.{0,20}\d|\d+\s*/\s*\d+$|voir les photos|"
                           r"en images|slideshow", re.I), 16),
    ("video", re.compile(r"vid[ée]o|player|javascript|your browser|navigateur|lecture en cours|"
                         r"\bplay\b|sound|cookies?", re.I), 25),
    ("language", re.compile(r"^(english|français|francais|deutsch|español|italiano|nederlands|"
                            r"العربية|русский|中文)\b", re.I), 6),
    ("agency_notice", re.compile(r"(afp|reuters|belga|ats|ap|keystone|apa|sda|dpa)\b.{0,40}"
                                 r"(reproduction|droits|tous droits|interdit|©)|©\s*\w*\s*(afp|reuters|belga|ats)", re.I), 30),
    ("credit", re.compile(r"^\(?\s*(avec |with )?(afp|reuters|ap|ats|belga|apa|sda|keystone|ansa|efe|dpa|"
                          r"afp[-/ ]\w+|ats[-/ ]\w+)\s*\)?\s*([/,-].{0,40})?$|^\(?\s*[a-z]{2,4}/[a-z]{2,4}\)?$|"
                          r"^(par|avec|source|sources?)\s*:?\s*\w", re.I), 8),
    ("rubric_opener", re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' .-]{2,30}\s[-–—]\s", re.U), 0),
    ("byline", re.compile(r"^(par|by|publié|mis à jour|modifié|posté|propos recueillis)\b", re.I), 25),
    ("date_only", re.compile(r"^\W*(\w+\s+)?\d{1,2}(er)?\s+\w+\.?\s+\d{4}\b.{0,20}$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.I), 10),
    ("share", re.compile(r"partag|facebook|twitter|whatsapp|linkedin|imprimer|envoyer|copier le lien|e-mail",
                         re.I), 10),
]


def _site_table() -> dict[str, str]:
    sites: dict[str, str] = {}
    for table in (CORPUS / "sources.tsv", ROOT / "tests" / "data" / "extra_pages" / "sources.tsv"):
        if table.exists():
            with table.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    sites[row["id"]] = row.get("site") or ""
    return sites


def _pages(sets: list[str], synth: Path | None) -> list[tuple[str, str, Path]]:
    jobs: list[tuple[str, str, Path]] = []
    if "corpus" in sets:
        jobs += [("corpus", p.stem, p) for p in sorted((CORPUS / "pages").glob("w*.*"))]
    if "extra" in sets and EXTRA.exists():
        for p in sorted(EXTRA.glob("x*.*")):
            if p.stem[1:].isdigit() and int(p.stem[1:]) <= EXTRA_DEV_MAX:
                jobs.append(("extra", p.stem, p))
    if "synth" in sets and synth is not None:
        for style in sorted(d for d in synth.iterdir() if d.is_dir()):
            jobs += [(f"synth-{style.name}", p.stem, p) for p in sorted(style.glob("*.txt"))]
    return jobs


def snapshot(out: Path, sets: list[str], synth: Path | None) -> int:
    for extra in (ROOT / "src", ROOT / "bench"):
        if str(extra) not in sys.path:
            sys.path.insert(0, str(extra))
    from real_pages import TextStages

    stages = TextStages()
    sites = _site_table()
    with out.open("w", encoding="utf-8") as fh:
        for group, page, path in _pages(sets, synth):
            rec: dict = {"set": group, "page": page, "site": sites.get(page, "")}
            try:
                art = stages.run(path)
            except Exception as exc:  # noqa: BLE001 - an audit records the failure and goes on
                rec["error"] = str(exc)[:200]
            else:
                rec.update(title=art.title, published=art.published, paragraphs=art.paragraphs,
                           dateline=art.dateline.text if art.dateline else None,
                           place=art.dateline.place if art.dateline else None,
                           agency=art.dateline.agency if art.dateline else None)
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def kind_of(para: str, title: str | None = None, first: bool = False) -> str | None:
    """The UI, teaser or head-matter kind of a kept paragraph, or None for prose."""
    n = len(para.split())
    if first and title and _norm(para) == _norm(title):
        return "title_repeat"
    for kind, pattern, most in KINDS:
        if (most == 0 or n <= most) and pattern.search(para):
            return kind
    if n <= 3 and not re.search(r"[.!?»:]$", para):
        return "short_other"
    return None


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def kinds(path: Path, examples: int) -> int:
    pages: dict[str, set[str]] = defaultdict(set)
    site_sets: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, list[str]] = defaultdict(list)
    for rec in _load(path):
        for i, para in enumerate(rec.get("paragraphs") or []):
            kind = kind_of(para, rec.get("title"), first=i == 0)
            if kind is None:
                continue
            pages[kind].add(f"{rec['set']}:{rec['page']}")
            site_sets[kind].add(rec["site"] or rec["page"])
            if len(shown[kind]) < examples:
                shown[kind].append(f"    {rec['set']}:{rec['page']} [{rec['site']}] {para[:140]}")
    for kind in sorted(pages, key=lambda k: -len(site_sets[k])):
        print(f"{kind:15s} pages {len(pages[kind]):4d}  sites {len(site_sets[kind]):4d}")
        for line in shown[kind]:
            print(line)
    return 0


def diff(before: Path, after: Path) -> int:
    old = {(r["set"], r["page"]): r for r in _load(before)}
    moved = 0
    for rec in _load(after):
        key = (rec["set"], rec["page"])
        prev = old.get(key)
        if prev is None:
            continue
        rows = []
        for field in ("title", "published", "dateline", "place", "agency", "error"):
            if prev.get(field) != rec.get(field):
                rows.append(f"  {field}: {prev.get(field)!r} -> {rec.get(field)!r}")
        a, b = prev.get("paragraphs") or [], rec.get("paragraphs") or []
        bs, as_ = set(b), set(a)
        rows += [f"  - {p[:160]}" for p in a if p not in bs]
        rows += [f"  + {p[:160]}" for p in b if p not in as_]
        if rows:
            moved += 1
            print(f"== {rec['set']}:{rec['page']} [{rec['site']}]")
            print("\n".join(rows))
    print(f"# pages changed: {moved}")
    return 0
