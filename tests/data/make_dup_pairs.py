"""Builds ``dup_pairs.jsonl``, the labelled near-duplicate pair set, from ``dup_sources.json``.

Run ``python tests/data/make_dup_pairs.py`` to regenerate (deterministic: a fixed random seed).
The originals are invented dispatches written for this project; this script derives the copies a
news corpus really holds from them:

* ``exact_copy``   the same body re-published by another site with its own boilerplate (duplicate)
* ``edited``       a copy with sentences dropped or reworded, typos, an added credit line (duplicate)
* ``translation``  two different French renderings of one dispatch, as two sites translating the
                   same foreign agency copy publish them (duplicate)
* ``same_topic``   two different stories of one topic: same people and places, other facts,
                   sometimes with a background paragraph recycled from the earlier story (not)
* ``unrelated``    stories of different topics (not)
"""

from __future__ import annotations

import json
import random
import re
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "dup_sources.json"
OUTPUT = HERE / "dup_pairs.jsonl"

SITES = ["lecourrier-du-port.example", "infos-continent.example", "la-vigie-hebdo.example",
         "actu-regions.example", "le-journal-du-matin.example", "depeches-monde.example",
         "nouvelles-du-sud.example", "revue-politique.example"]

# Navigation and social lines that survive an imperfect cleaning on many sites.
BOILERPLATE_HEAD = ["Accueil › Actualités › France", "Accueil Dernières minutes International",
                    "Publié le {date} à 10h42", "Par la rédaction", "Temps de lecture : 3 min"]
BOILERPLATE_TAIL = ["Partager sur Facebook Partager sur X Envoyer par courriel",
                    "Suivez toute l'actualité sur notre application", "Lire aussi : {other}",
                    "Abonnez-vous à notre lettre d'information", "Avec {agency}"]

# Rewordings an editor applies to agency copy (each keeps the meaning).
SYNONYMS = {
    "a déclaré": "a affirmé", "a annoncé": "a fait savoir", "a indiqué": "a précisé",
    "environ": "près de", "quelque": "environ", "lundi": "ce lundi", "mardi": "ce mardi",
    "jeudi": "ce jeudi", "également": "aussi", "toutefois": "cependant", "notamment": "en particulier",
    "a souligné": "a insisté", "selon": "d'après", "projet": "plan", "gouvernement": "exécutif",
    "ont signé": "ont conclu", "devrait": "doit", "plusieurs": "de nombreuses", "pays": "États",
}

SENTENCE_END = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«])")


def sentences(paragraph: str) -> list[str]:
    return [s for s in SENTENCE_END.split(paragraph) if s]


def article(title: str, paragraphs: list[str], site: str, date: str, agency: str | None) -> dict:
    return {"title": title, "paragraphs": paragraphs, "site": site, "published": date, "agency": agency}


def with_boilerplate(doc: dict, rng: random.Random, other_title: str) -> dict:
    head = rng.choice(BOILERPLATE_HEAD).format(date=doc["published"])
    tails = rng.sample(BOILERPLATE_TAIL, 2)
    tails = [t.format(other=other_title, agency=doc["agency"] or "AFP") for t in tails]
    paragraphs = [head, *doc["paragraphs"], *tails]
    return {**doc, "paragraphs": paragraphs, "site": rng.choice([s for s in SITES if s != doc["site"]])}


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def edited(doc: dict, rng: random.Random, heavy: bool) -> dict:
    paras = [sentences(p) for p in doc["paragraphs"]]
    # Drop one sentence (two for a heavy edit) from paragraphs that keep at least one.
    for _ in range(2 if heavy else 1):
        choices = [(i, j) for i, ss in enumerate(paras) for j in range(len(ss)) if len(ss) > 1]
        if choices:
            i, j = rng.choice(choices)
            del paras[i][j]
    text = [" ".join(ss) for ss in paras]
    # Reword: a few synonyms in one paragraph.
    k = rng.randrange(len(text))
    for old, new in rng.sample(sorted(SYNONYMS.items()), 6):
        text[k] = text[k].replace(f" {old} ", f" {new} ", 1)
    # Typos in about 3 % of the words.
    out = []
    for p in text:
        words = p.split(" ")
        out.append(" ".join(typo(w, rng) if rng.random() < 0.03 else w for w in words))
    if heavy and len(out) > 2:
        out[1] = out[1] + " " + out.pop(2)  # two paragraphs merged by the copy editor
    out.append(f"(Avec {doc['agency']})" if doc["agency"] else "Rédaction avec agences")
    title = doc["title"] if not heavy else doc["title"].replace(" : ", ", ")
    return {**doc, "title": title, "paragraphs": out, "site": rng.choice(SITES)}


def with_background(doc: dict, background: dict) -> dict:
    """A later story that recalls an earlier one with the earlier story's last paragraph."""
    return {**doc, "paragraphs": [*doc["paragraphs"], "Pour rappel : " + background["paragraphs"][-1]]}


def build(seed: int = 6) -> list[dict]:
    rng = random.Random(seed)
    data = json.loads(SOURCES.read_text(encoding="utf-8"))
    stories = []
    for fam in data["families"]:
        for s in fam["stories"]:
            stories.append((fam["family"], s))
    originals = {s["id"]: article(s["title"], s["paragraphs"], rng.choice(SITES), s["date"], s["agency"])
                 for _, s in stories}
    renderings = {s["id"]: article(s["rendering"]["title"], s["rendering"]["paragraphs"], rng.choice(SITES),
                                   s["date"], s["agency"])
                  for _, s in stories if "rendering" in s}
    titles = [s["title"] for _, s in stories]
    pairs: list[dict] = []

    def add(kind: str, label: bool, a: dict, b: dict, note: str) -> None:
        pairs.append({"id": f"{kind}-{len(pairs):03d}", "kind": kind, "duplicate": label, "note": note,
                      "a": a, "b": b})

    for sid, doc in originals.items():
        add("exact_copy", True, doc, with_boilerplate(doc, rng, rng.choice(titles)), sid)
        add("edited", True, doc, edited(doc, rng, heavy=False), sid)
        add("edited", True, with_boilerplate(doc, rng, rng.choice(titles)), edited(doc, rng, heavy=True), sid)
    for sid, rend in renderings.items():
        add("translation", True, originals[sid], rend, sid)
        add("translation", True, edited(originals[sid], rng, heavy=False),
            with_boilerplate(rend, rng, rng.choice(titles)), sid)
    families: dict[str, list[str]] = {}
    for fam, s in stories:
        families.setdefault(fam, []).append(s["id"])
    for ids in families.values():
        for x, y in combinations(ids, 2):
            add("same_topic", False, originals[x], originals[y], f"{x} / {y}")
            other = renderings.get(y) or edited(originals[y], rng, heavy=False)
            add("same_topic", False, edited(originals[x], rng, heavy=False), other, f"{x} / {y} (variants)")
        for x, y in [(ids[0], ids[1]), (ids[1], ids[2])]:
            add("same_topic", False, originals[x], with_background(originals[y], originals[x]),
                f"{y} recalls {x}")
    all_ids = [s["id"] for _, s in stories]
    fam_of = {s["id"]: fam for fam, s in stories}
    cross = [(x, y) for x, y in combinations(all_ids, 2) if fam_of[x] != fam_of[y]]
    for x, y in rng.sample(cross, 60):
        add("unrelated", False, originals[x], rng.choice([originals[y], renderings.get(y, originals[y])]),
            f"{x} / {y}")
    return pairs


def main() -> None:
    pairs = build()
    with OUTPUT.open("w", encoding="utf-8") as out:
        for p in pairs:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for p in pairs:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    print(f"{len(pairs)} pairs written to {OUTPUT}: {kinds}")


if __name__ == "__main__":
    main()
