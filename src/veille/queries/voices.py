"""Who gets a voice: the people quoted, by gender, per outlet and per month (as the Gender Gap
Tracker and the Radar de Parité count them), the most-quoted people, and who quotes whom.

A speaker's gender comes from data only: the KB entry its entity is linked to (``gender``), else
its given name in ``lexicons/given_names.tsv`` (names borne by both genders are not listed there).
A speaker the data says nothing about is ``unknown``, never guessed; a speaker that is an
organisation or a place is counted apart (``organisation``), as are quotes with no named speaker.
"""

from __future__ import annotations

import functools
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from veille.common.fold import fold
from veille.common.lexicon import mapping
from veille.kb import load_kb, split_name
from veille.queries.sql import Where

GENDERS = ("f", "m", "unknown")
GENDER_LABELS = {"f": "femmes", "m": "hommes", "unknown": "inconnu"}


@functools.lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {fold(name): g for name, g in mapping("given_names.tsv").items() if g in ("m", "f")}


def speaker_gender(name: str, kb_id: str | None, etype: str | None) -> tuple[str, str]:
    """(gender, where it comes from): ``f``/``m`` from the ``kb`` or a ``given name``,
    ``organisation`` for a non-person, else ``unknown`` (``none``)."""
    if etype in ("ORG", "LOC"):
        return "organisation", etype.lower()
    if kb_id:
        entry = load_kb().get(kb_id) or {}
        if entry.get("type") in ("ORG", "LOC"):
            return "organisation", "kb"
        if entry.get("gender") in ("m", "f"):
            return entry["gender"], "kb"
    given = split_name(name)[0].split()
    if given:
        gender = _given_names().get(fold(given[0]))
        if gender:
            return gender, "given name"
    return "unknown", "none"


def _quote_rows(conn: sqlite3.Connection, site: str | None, since: str | None,
                until: str | None) -> list[sqlite3.Row]:
    w = Where()
    if site:
        w.add("a.site = ?", site)
    if since:
        w.add("a.published >= ?", since)
    if until:
        w.add("substr(a.published, 1, ?) <= ?", len(until), until)
    # The speaker's entity in the same article tells its KB id and type (first one when several).
    return conn.execute(
        "SELECT q.article_id, q.speaker, a.site, a.published,"
        " (SELECT e.kb_id FROM entities e WHERE e.article_id = q.article_id AND e.name = q.speaker"
        "  ORDER BY e.idx LIMIT 1) AS kb_id,"
        " (SELECT e.type FROM entities e WHERE e.article_id = q.article_id AND e.name = q.speaker"
        "  ORDER BY e.idx LIMIT 1) AS etype"
        " FROM quotes q JOIN articles a ON a.id = q.article_id" + w.sql(), w.params).fetchall()


def _shares(quotes: Counter, people: dict[str, set[str]]) -> dict[str, Any]:
    q_total = sum(quotes[g] for g in GENDERS)
    p_total = sum(len(people[g]) for g in GENDERS)
    return {"quotes": {g: quotes[g] for g in GENDERS}, "people": {g: len(people[g]) for g in GENDERS},
            "quote_total": q_total, "people_total": p_total,
            "women_quote_share": round(quotes["f"] / q_total, 3) if q_total else None,
            "women_people_share": round(len(people["f"]) / p_total, 3) if p_total else None}


def voices(conn: sqlite3.Connection, site: str | None = None, since: str | None = None,
           until: str | None = None, top: int = 20) -> dict[str, Any]:
    """Quotes and distinct people quoted by gender, overall, per outlet and per month; the
    ``top`` most-quoted people; outlet → speaker pairs."""
    groups: dict[tuple[str, str], tuple[Counter, dict[str, set[str]]]] = defaultdict(
        lambda: (Counter(), defaultdict(set)))
    per_person: dict[str, dict[str, Any]] = {}
    pairs: Counter = Counter()
    unattributed = organisations = 0
    for row in _quote_rows(conn, site, since, until):
        if not row["speaker"]:
            unattributed += 1
            continue
        gender, origin = speaker_gender(row["speaker"], row["kb_id"], row["etype"])
        if gender == "organisation":
            organisations += 1
            continue
        outlet = row["site"] or "(site inconnu)"
        month = (row["published"] or "")[:7] if len(row["published"] or "") >= 7 else "(non daté)"
        for key in (("all", ""), ("site", outlet), ("month", month)):
            counts, people = groups[key]
            counts[gender] += 1
            people[gender].add(row["speaker"])
        person = per_person.setdefault(row["speaker"], {"speaker": row["speaker"], "gender": gender,
                                                        "gender_from": origin, "quotes": 0, "sites": set()})
        person["quotes"] += 1
        person["sites"].add(outlet)
        pairs[(outlet, row["speaker"], gender)] += 1
    ranked = sorted(per_person.values(), key=lambda p: (-p["quotes"], p["speaker"]))[:top]
    return {
        "total": _shares(*groups[("all", "")]),
        "by_site": [{"site": k[1], **_shares(*v)} for k, v in sorted(groups.items()) if k[0] == "site"],
        "by_month": [{"month": k[1], **_shares(*v)} for k, v in sorted(groups.items()) if k[0] == "month"],
        "top": [{**p, "sites": sorted(p["sites"])} for p in ranked],
        "pairs": [{"site": s, "speaker": sp, "gender": g, "quotes": n}
                  for (s, sp, g), n in sorted(pairs.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1]))],
        "unattributed": unattributed, "organisations": organisations,
    }
