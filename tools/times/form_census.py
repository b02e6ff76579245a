"""Where a time form is written: a regex census over the dev corpus pages (body as the gold gives it)
and the French TimeBank dev split, counts, page ids and sites only (issue 12, helper tbrefs).

    PYTHONPATH=src .venv/bin/python tools/times/form_census.py [--forms NAME,...] [--json]

Each form of ``FORMS`` is a case-insensitive regex; a page counts once per form. For the TimeBank the
gold TIMEX3 over the match, when there is one, is counted by its type and value (the dev split only:
the test split is never read). No sentence is printed, so the census can sit in a report.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tools.real_pages.gold import GOLD_DIR, load, sites  # noqa: E402
from tools.real_pages.times import times_rows  # noqa: E402
from tools.real_pages.view import view_lines  # noqa: E402
from tools.times.times_cv import _timebank_module  # noqa: E402

TB_DATA = ROOT.parent / "shared" / "external" / "fr-timebank" / "Data"

# The forms the tbrefs check table (tests/data/times/tbrefs.jsonl) found missing, and their neighbours.
FORMS: dict[str, str] = {
    "de_l_epoque_on_noun": r"[^\W\d_]{3,}\s+de\s+l['’]époque(?![\w-])",
    "a_l_epoque": r"(?<![\w-])à\s+l['’]époque(?![\w-])",
    "d_ores_et_deja": r"(?<![\w-])d['’]ores\s+et\s+déjà(?![\w-])",
    "a_terme": r"(?<![\w-])à\s+terme(?![\w-])(?!\s+(?:de|d['’]|échu))",
    "a_l_heure_de": r"(?<![\w-])(?:à|(?-i:A))\s+l['’]heure\s+d(?:u|es|e)(?![\w-])",
    "a_l_ere_de": r"(?<![\w-])l['’]ère\s+d(?:u|es|e)(?![\w-])",
    "periodic_adjective": r"(?<![\w-])(?:hebdomadaire|mensuel|annuel|trimestriel|semestriel)(?:le)?s?(?![\w-])",
    "date_ulterieure": r"(?<![\w-])(?:date|moment|stade|échéance)\s+ultérieur",
    "tot_ou_tard": r"(?<![\w-])tôt\s+ou\s+tard(?![\w-])",
    "depuis_peu": r"(?<![\w-])depuis\s+peu(?![\w-])",
    "en_ce_moment_meme": r"(?<![\w-])en\s+ce\s+moment\s+même(?![\w-])",
    "jour_d_aujourd_hui": r"(?<![\w-])jour\s+d['’]aujourd['’]hui(?![\w-])",
    "a_l_aube": r"(?<![\w-])à\s+l['’]aube(?![\w-])(?!\s+d)",
    "weekday_a_l_aube": r"(?<![\w-])(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|demain)\s+à\s+l['’]aube",
    "nth_month_of_year": r"(?<![\w-])(?:premier|deuxième|second|troisième|dernier)s?\s+mois\s+de\s+l['’]année",
    "bi_periodic": r"(?<![\w-])(?:bimestriel|biennal|bisannuel|bihebdomadaire|bimensuel|trisannuel|triennal|quinquennal)",
    "en_temps_de": r"(?<![\w-])en\s+temps\s+de\s+(?:guerre|paix|crise)",
    "derniers_jours_de_month": r"(?<![\w-])(?:premiers|derniers)\s+jours\s+(?:de|d['’])\s*(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)",
    "fin_du_trimestre": r"(?<![\w-])(?:fin|début|milieu)\s+(?:du|de\s+ce)\s+(?:premier|deuxième|second|troisième|quatrième|dernier)\s+(?:trimestre|semestre)",
    "d_ici_la_fin_du": r"(?<![\w-])d['’]ici\s+(?:à\s+)?la\s+fin\s+d(?:u|e)",
    "tard_tot_part_of_day": r"(?<![\w-])(?:tard|tôt)\s+(?:dans\s+la\s+(?:soirée|nuit|matinée|journée|après-midi)|ce\s+(?:matin|soir)|le\s+(?:matin|soir)|cette\s+nuit|hier\s+soir|dans\s+l['’]après-midi)",
    "chaque_fin_de": r"(?<![\w-])(?:chaque|toutes\s+les)\s+fins?\s+de\s+(?:mois|semaine|année|trimestre)",
    "en_semaine": r"(?<![\w-])en\s+semaine(?![\w-])",
    "a_present": r"(?<![\w-])(?:dès|jusqu['’]à)\s+(?:à\s+)?présent(?![\w-])",
    "des_maintenant": r"(?<![\w-])dès\s+maintenant(?![\w-])",
    # issue 12, helper timegen: the classes the fresh batches miss or add on three sites or more.
    "au_lendemain_de": r"(?<![\w-])au\s+lendemain\s+(?:de|du|des|d['’])(?![\w-])",
    "quinquennat": r"(?<![\w-])(?:quinquennat|septennat)s?(?![\w-])",
    "a_ce_jour": r"(?<![\w-])(?:à|jusqu['’]à)\s+ce\s+jour(?![\w-])(?!-là)",
    "nocturne": r"(?<![\w-])nocturnes?(?![\w-])",
    "mois_et_demi": r"(?<![\w-])(?:un|deux|trois)\s+mois\s+et\s+demi(?![\w-])",
    "two_amounts_one_unit": r"(?<![\w-])(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent)\s+(?:ou|à)\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent)\s+(?:(?:dernière|prochaine|première)s?\s+|(?:dernier|prochain|premier)s\s+)?(?:ans|années|mois|jours|semaines|heures|minutes|siècles|décennies)(?![\w-])",
    "du_day_month": r"(?<![\w-])du\s+(?:1er|\d{1,2})\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)(?![\w-])(?!\s+au)",
    # issue 12, helper timesrecall (round 63): future spans and decades as the dev gold marks them.
    "noun_a_venir": r"(?<![\w-])(?:années?|mois|semaines?|jours|décennies|siècles?|hiver|été|automne|printemps|saisons?|temps|heures)\s+(?:à\s+venir)(?![\w-])",
    "noun_prochains_after": r"(?<![\w-])(?:années|mois|semaines|jours|décennies|siècles|heures)\s+prochain(?:e)?s(?![\w-])",
    "prochains_before_noun": r"(?<![\w-])prochain(?:e)?s\s+(?:années|mois|semaines|jours|décennies|siècles|heures)(?![\w-])",
    "l_avenir": r"(?<![\w-])(?:l['’]|d['’]|à\s+l['’])avenir(?![\w-])",
    "decades_year_list": r"(?<![\w-])(?:années|décennies)\s+(?:19|20)?\d0(?:\s*(?:-|,|et|à)\s*(?:19|20)?\d0)+(?![\w-])",
    "decennies_yyyy": r"(?<![\w-])décennies?\s+(?:19|20)\d0(?![\w-])",
    "de_n_ans_de_noun": r"(?<![\w-])de\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent)\s+ans\s+(?:de|d['’])\s*[^\W\d_]+",
    "les_n_siecles": r"(?<![\w-])(?:les|des|ces)\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|vingt)\s+(?:siècles|millénaires|décennies)(?![\w-])",
    "un_jour_apres": r"(?<![\w-])(?:un|une|deux|trois|quatre|cinq|six|sept|huit|dix|quinze)\s+(?:jours?|semaines?|mois|ans?|années?)\s+(?:après|avant|plus\s+tard|plus\s+tôt)\s+(?:le|la|les|l['’]|son|sa|ses|leur|leurs|cette|ce|un|une)(?![\w-])",
    "voire_des_units": r"(?<![\w-])voire\s+des\s+(?:jours|semaines|mois|années|décennies|siècles|heures)(?![\w-])",
    "avant_hier_unhyphenated": r"(?<![\w-])(?:avant|après)\s+(?:hier|demain)(?![\w-])",
    "hier_comme_aujourd_hui": r"(?<![\w-])(?:d['’])?hier\s+(?:comme|et|ou)\s+(?:d['’])?aujourd['’]hui(?![\w-])",
    "d_aujourd_hui_on_noun": r"[^\W\d_]{3,}\s+d['’]aujourd['’]hui(?![\w-])",
    "il_existe_aujourd_hui": r"(?<![\w-])(?:il\s+)?existent?\s+aujourd['’]hui(?![\w-])",
    "bientot": r"(?<![\w-])bientôt(?![\w-])",
    "prochainement": r"(?<![\w-])prochainement(?![\w-])",
    "sous_peu": r"(?<![\w-])(?:sous\s+peu|d['’]ici\s+peu)(?![\w-])",
    "plus_tard_alone": r"(?<![\w-])plus\s+tard(?![\w-])",
    "ulterieurement": r"(?<![\w-])ultérieurement(?![\w-])",
    "a_terme_court_long": r"(?<![\w-])à\s+(?:court|moyen|long|plus\s+long|brève)\s+(?:terme|échéance)(?![\w-])",
    "proche_avenir": r"(?<![\w-])(?:un\s+(?:proche\s+)?avenir(?:\s+proche)?|un\s+futur\s+proche)(?![\w-])",
    "futur_adjective": r"(?<![\w-])(?:futur|future|futurs|futures)(?![\w-])",
    "desormais": r"(?<![\w-])désormais(?![\w-])",
    "autrefois_jadis": r"(?<![\w-])(?:autrefois|jadis|naguère|auparavant|jusqu['’]alors|jusque-là|par\s+le\s+passé|dans\s+le\s+passé)(?![\w-])",
    "recemment": r"(?<![\w-])(?:récemment|dernièrement|depuis\s+peu|il\s+y\s+a\s+peu)(?![\w-])",
    "definite_day_part": r"(?<![\w-])(?<!(?:ndi|rdi|udi|edi|che|ier|ain)\s)(?:le\s+(?:matin|soir)|la\s+nuit|l['’]après-midi)(?![\w-])(?!\s+(?:du|de|d['’]|même|suivant|précédent|venu|tombée|où|-là))",
}


def dev_pages() -> dict[str, list[tuple[int, str]]]:
    """page id -> its body lines with their view line numbers, the dev pages of ``gold_dev.jsonl``."""
    out = {}
    for entry in load(GOLD_DIR / "gold_dev.jsonl"):
        if entry.get("article") is False or not entry.get("body"):
            continue
        lines, skip = view_lines(entry["page"]), set(entry.get("exclude") or [])
        out[entry["page"]] = [(i, lines[i - 1]) for a, b in entry["body"] for i in range(a, b + 1)
                              if i not in skip and lines[i - 1].strip()]
    return out


def _real_gold(items: list[dict], line: int, start: int, end: int) -> list[str]:
    """The real-page gold TIMEX3 (type and value) over columns start..end of a view line."""
    return [f"{t['type']} {t['value']}{' opt' if t.get('optional') else ''}" for t in items
            if t["start"][0] <= line <= t["end"][0]
            and (t["start"][0] < line or t["start"][1] < end) and (t["end"][0] > line or start < t["end"][1])]


def tb_dev() -> list[dict[str, Any]]:
    """The TimeBank dev articles (even positions in name order), parsed by the shared scorer."""
    mod = _timebank_module()
    return [mod.parse(p) for p in sorted(TB_DATA.glob("*.tml"))[0::2]]


def census(forms: dict[str, str]) -> dict[str, Any]:
    pages, site_of, docs, gold = dev_pages(), sites(), tb_dev(), times_rows("dev")
    out: dict[str, Any] = {}
    for name, pattern in forms.items():
        rx = re.compile(pattern, re.I)
        hits: Counter[str] = Counter()
        real: Counter[str] = Counter()
        for page, lines in pages.items():
            for n, line in lines:
                for m in rx.finditer(line):
                    hits[page] += 1
                    if page in gold:
                        real.update(_real_gold(gold[page]["times"], n, m.start(), m.end()) or ["unmarked"])
        tb: dict[str, int] = {}
        marked: Counter[str] = Counter()
        for d in docs:
            found = list(rx.finditer(d["text"]))
            if found:
                tb[d["id"]] = len(found)
            for m in found:
                over = [f"{s['type']} {s['value']}" for s in d["timex"] if s["start"] < m.end() and m.start() < s["end"]]
                marked.update(over or ["unmarked"])
        by_site: dict[str, list[str]] = defaultdict(list)
        for p in hits:
            by_site[site_of.get(p, "?")].append(p)
        out[name] = {"pages": len(hits), "sites": len(by_site), "uses": sum(hits.values()),
                     "page_ids": sorted(hits), "real_gold": dict(real), "tb_dev_docs": len(tb), "tb_dev_gold": dict(marked)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--forms", help="comma-separated names of FORMS (default: all)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    forms = {k: v for k, v in FORMS.items() if not a.forms or k in a.forms.split(",")}
    res = census(forms)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    for name, r in res.items():
        print(f"{name:22s} pages {r['pages']:3d} sites {r['sites']:3d} uses {r['uses']:3d}  "
              f"real gold {r['real_gold']}  TimeBank dev docs {r['tb_dev_docs']} gold {r['tb_dev_gold']}  {' '.join(r['page_ids'][:12])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
