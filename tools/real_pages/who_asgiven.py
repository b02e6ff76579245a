"""What the dev who pages lose or gain as given against the gold body handed over, by cause (issues 11
and 16), in the classes of ``times_asgiven.py``: each gold entity, direct or indirect quote and speaker
one run scores and the other does not, and each extra entity or quote one run adds, classed

- ``kept-line``: the item sits in a paragraph the gold body leaves out; the kind of furniture
  (caption, credit, teaser, promotion, bio, note, tags, embed, heading, other) is guessed from the
  line's shape (``--rows --text`` shows the line: the guess is to be read, not trusted);
- ``lost-line``: the gold paragraph holding the item is not in the page as given; for a speaker, the
  gold paragraph naming the speaker before the quote is lost (a lede, a heading, an intro);
- ``title``: the item sits in the title, and the title as given is another;
- ``cut``/``joined``: for a speaker, the quote's paragraph as given is a part of the gold's (the page
  cut it) or holds more than the gold's (joined with a line around it);
- ``kept-between``: for a speaker, a paragraph the gold leaves out sits between the quote and the
  paragraph that names its speaker;
- ``cut-joined``: the same text read otherwise (for an entity or quote: its mention found in both; for
  a speaker: the same quote paragraph, the paragraphs before it differ);
- ``same-text``: a speaker whose quote paragraph and the paragraphs before are the same in both runs
  (another mention or entity cluster elsewhere on the page moved the choice).

    .venv/bin/python bench/real_eval.py who --part dev --keep /tmp/X/given
    .venv/bin/python bench/real_eval.py who --part dev --body --keep /tmp/X/body
    .venv/bin/python tools/real_pages/who_asgiven.py /tmp/X/given/who-dev.jsonl /tmp/X/body/who-dev.jsonl \
        [--rows] [--text]

Counts by measure, way (lost, gained, extra-added, extra-removed), class and kind, with items and
sites. ``--rows`` one row a change, ``--text`` with the words and the line: page text, printed to the
terminal only (never redirect into the repository). Dev only (the who gold of the dev pages).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.real_pages.asgiven_census import SC, _found, page_changes, paired_pages  # noqa: E402

# the shape of a kept line, first match wins (a guess for counting; the rows are read by hand)
KINDS: list[tuple[str, re.Pattern]] = [
    ("caption", re.compile(r"^(légende|caption)\b|\((dr|photo[^)]*)\)\s*$|\bphoto d.illustration\b"
                           r"|[,.]\s*\d{4}\.?$|\bcrédit\b|^\s*\.\s", re.I)),
    ("credit", re.compile(r"^(photo|illustration|crédit|©)\b|\bafp\.com\b|/\s*afp\s*$", re.I)),
    ("teaser", re.compile(r"^\s*(■|>|•|-\s)|^(lire aussi|à lire|a lire|voir aussi|suivez)\b|^[A-ZÉ ]{4,}\s*:", re.I)),
    ("promotion", re.compile(r"\b(abonn\w*|newsletter|don|dons|soutien|sign up|webmail|partenaire|"
                             r"sans paiement|profitez|inscri\w+)\b", re.I)),
    ("bio", re.compile(r"^bios?\b|\b(est|sont)\s+(l[ae]\s+)?(co-?)?(auteur|autrice|auteure|professeur\w*|"
                       r"romanci\w+|historien\w*|sociologue|journaliste|chercheu\w+)\b|\bauteur de\b", re.I)),
    ("note", re.compile(r"^\s*\d+\.\s|\bmention des sources\b|\bopinion de leurs auteurs\b|erreur|"
                        r"\bréalisation\s*:|\bprovenant du podcast\b|\bémission\b", re.I)),
    ("embed", re.compile(r"\[(instagram|twitter|facebook)|@\w+|\bune (photo|publication) publiée par\b", re.I)),
]


def line_kind(line: str) -> str:
    """A guess at the kind of furniture a kept line is, from its shape."""
    for kind, pattern in KINDS:
        if pattern.search(line):
            return kind
    words = line.split()
    if len(words) <= 8 and not re.search(r"[.!?»”\"]\s*$", line):
        return "heading"
    return "other"


def _holding(words: list[str], paragraphs: list[str]) -> int | None:
    """Index of the first paragraph that holds one of ``words`` (normalised)."""
    keys = [SC.norm(w) for w in words if w and SC.norm(w)]
    for i, p in enumerate(paragraphs):
        n = SC.norm(p)
        if any(k in n for k in keys):
            return i
    return None


def _name_forms(gold: dict, speaker: str | None) -> list[str]:
    if not speaker:
        return []
    forms = [speaker]
    for e in gold.get("entities", []):
        if e["name"] == speaker:
            forms.extend(e.get("aliases", []))
    forms.extend(f.split()[-1] for f in list(forms) if len(f.split()) > 1 and len(f.split()[-1]) > 3)
    return forms


def speaker_cause(gold: dict, given: dict, quote: str, speaker: str | None) -> tuple[str, str]:
    """Why a speaker differs: (class, the line that tells it)."""
    gps, pps = gold.get("paragraphs", []), given.get("paragraphs", [])
    gi, pi = _holding([quote[:40]], gps), _holding([quote[:40]], pps)
    if gi is None or pi is None:
        return "cut-joined", ""
    forms = _name_forms(gold, speaker)
    named = [k for k in range(gi + 1) if _holding(forms, [gps[k]]) is not None]
    title_named = _holding(forms, [gold.get("title") or ""]) is not None
    if named:
        k = named[-1]
        if not _found(gps[k], pps) and not any(_found(p, [gps[k]]) for p in pps):
            return "lost-line", gps[k]
    elif title_named and SC.dice(gold.get("title") or "", given.get("title") or "") < 0.8:
        return "title", given.get("title") or ""
    ng, np_ = SC.norm(gps[gi]), SC.norm(pps[pi])
    if ng != np_:
        if np_ in ng:
            return "cut", pps[pi]
        if ng in np_:
            return "joined", pps[pi]
        return "cut-joined", pps[pi]
    start = _holding(forms, pps[:pi + 1]) if forms else None
    if start is not None:
        for p in pps[start + 1:pi]:
            if not _found(p, gps) and not any(_found(g, [p]) for g in gps):
                return "kept-between", p
    before_g = [SC.norm(p) for p in gps[max(0, gi - 3):gi]]
    before_p = [SC.norm(p) for p in pps[max(0, pi - 3):pi]]
    if before_g != before_p:
        return "cut-joined", pps[pi - 1] if pi else ""
    return "same-text", ""


def _line_of(words: list[str], paragraphs: list[str]) -> str:
    i = _holding(words, paragraphs)
    return paragraphs[i] if i is not None else ""


CLASS_OF = {"extra-line": "kept-line", "lost-line": "lost-line", "title": "title", "title-lost": "title",
            "same-text": "cut-joined", "date?": "cut-joined"}


def classify(gold: dict, given: dict, body: dict) -> list[dict]:
    """The changes of one page (``asgiven_census.page_changes``) with their class, kind and line."""
    out = []
    for c in page_changes(gold, given, body):
        cls = CLASS_OF[c["where"]]
        kind, line = "", ""
        if c["measure"].startswith("speaker_"):
            speaker, _, text = c["label"].partition(" | ")
            cls, line = speaker_cause(gold, given, text, None if speaker == "None" else speaker)
        elif cls == "kept-line":
            words = [c["label"][:40]]
            line = _line_of(words, given.get("paragraphs", []))
            if not line:  # an entity named by its canonical name: look for a mention
                ents = [e for e in given.get("entities", []) if e["name"] == c["label"]]
                line = _line_of([m for e in ents for m in e.get("mentions", [])], given.get("paragraphs", []))
            kind = line_kind(line) if line else "title?"
        elif cls == "lost-line":
            line = _line_of([c["label"][:40]], gold.get("paragraphs", []))
        out.append({**c, "class": cls, "kind": kind, "line": line})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("given", type=Path)
    ap.add_argument("body", type=Path)
    ap.add_argument("--rows", action="store_true", help="one row a change")
    ap.add_argument("--text", action="store_true", help="with the names, words and lines (terminal only)")
    args = ap.parse_args()
    cells: Counter = Counter()
    cell_sites: dict[tuple, set[str]] = defaultdict(set)
    for page, site, g, rec, body_rec in paired_pages(args.given, args.body):
        changes = classify(g, rec, body_rec)
        for c in changes:
            key = (c["measure"], c["way"], c["class"], c["kind"])
            cells[key] += 1
            cell_sites[key].add(site)
        if args.rows and changes:
            print(f"== {page} {site}")
            for c in changes:
                row = f"   {c['measure']:16} {c['way']:13} {c['class']:12} {c['kind']:9}"
                if args.text:
                    row += f" {c['label'][:70]}" + (f"\n        | {c['line'][:160]}" if c["line"] else "")
                print(row)
    print(f"{'measure':16} {'way':13} {'class':12} {'kind':9} items sites")
    for key, n in sorted(cells.items()):
        print(f"{key[0]:16} {key[1]:13} {key[2]:12} {key[3]:9} {n:5} {len(cell_sites[key]):5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
