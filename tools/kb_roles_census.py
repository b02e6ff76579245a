"""Census of office descriptors the KB cannot tie to a person (issues 16 and 13; no gold needed).

Runs the pipeline over the given pages and records, per article: every role descriptor of
``lexicons/roles.tsv`` the entity stage found with its role key, country or organisation and the
article's date, and whether it was tied to a person; quotes whose speaker words are an office
left without speaker; and office phrases ``roles.tsv`` cannot express yet (interior minister,
army chiefs, agency heads…), found by the patterns of ``_UNREAD`` below.

    PYTHONPATH=src .venv/bin/python tools/kb_roles_census.py ../shared/corpus/web/pages \
        ../shared/corpus/seeds --records /tmp/X/records.jsonl

Prints phrases read from the pages to the terminal only (never redirect into the repository).
``--records`` also writes the article records (as ``veille extract --explain``) for
``tools/entities/audit_diff.py diff``.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tools.entities.keep_cv import sites  # noqa: E402
from veille import Pipeline  # noqa: E402
from veille.entities import holders as holders_mod  # noqa: E402

# Offices roles.tsv has no row for (what the descriptor reader cannot express), looked for in the
# folded text: a few words after the office noun are shown, so the country or body can be read.
_UNREAD = re.compile(
    r"\b(ministre (?:de l'interieur|des armees|de la justice|des finances|de l'economie)"
    r"|chef d'etat-major|chef de l'etat-major|commandant en chef|directeur general|directrice generale"
    r"|gouverneur|maire|porte-parole|president de la rada|chef des renseignements"
    r"|secretaire d'etat|vice-premier ministre|premier vice-premier ministre|conseiller a la securite)"
    r"\b[^.;:!?\n]{0,40}")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--records", help="also write the article records (JSONL) here")
    args = ap.parse_args()

    seen: dict[str, list[tuple[Any, bool]]] = collections.defaultdict(list)
    original = holders_mod.HolderResolver.attach

    def attach(self: Any, found: list, text: str, clusters: dict, date: str | None) -> list:
        resolved = original(self, found, text, clusters, date)
        ids = {id(d) for d in resolved}
        seen[text].extend((d, id(d) in ids) for d in found)
        return resolved

    holders_mod.HolderResolver.attach = attach  # type: ignore[method-assign]
    site_of = sites()
    lost: collections.Counter = collections.Counter()
    lost_pages: dict[tuple, set] = collections.defaultdict(set)
    unread: collections.Counter = collections.Counter()
    unread_pages: dict[str, set] = collections.defaultdict(set)
    speakerless: list[tuple] = []
    out = open(args.records, "w", encoding="utf-8") if args.records else None
    pipeline = Pipeline(settings={"explain": True})
    n = 0
    for art in pipeline.extract(args.paths):
        n += 1
        page = Path(art.source.path or art.id).name
        site = site_of.get(Path(page).stem, page.split("_")[0])
        date = art.published
        for d, ok in seen.pop(art.nlp_text(), []):
            if ok or not d.role or d.role[0] == "nationality" or not d.dated:
                continue
            key = (d.role[0], d.role[1] or "-", _fold(d.text))
            lost[key] += 1
            lost_pages[key].add((page, site, (date or "undated")[:10]))
        for mt in _UNREAD.finditer(_fold(art.nlp_text())):
            unread[mt.group(1)] += 1
            unread_pages[mt.group(1)].add(site)
        for q in art.quotes:
            if q.speaker is None and q.speaker_text and q.speaker_text[:1].islower():
                speakerless.append((page, (date or "undated")[:10], q.speaker_text[:60]))
        if out:
            out.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
    print(f"{n} articles, {len(seen)} texts not matched")
    print("\n# descriptors read, no person (role, of, words): count, pages, sites, dates")
    for key, c in lost.most_common():
        pages = lost_pages[key]
        print(c, len(pages), len({s for _, s, _ in pages}), key, sorted({d for _, _, d in pages})[:6])
    print("\n# offices roles.tsv cannot read: count, sites")
    for k, c in unread.most_common():
        print(c, len(unread_pages[k]), k)
    print("\n# quotes whose speaker words are lower-case, no speaker: page, date, words")
    for row in speakerless:
        print(*row, sep="\t")


if __name__ == "__main__":
    main()
