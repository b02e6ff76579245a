"""A learned type for the entities typed by the NER label alone: no KB entry, no gazetteer reading,
no rule that relabelled a mention, no merge that changed the vote. Over what the whole article says
around the name (the word that governs each mention: "à", "chez", "le club"; the verb it is the
subject of; its determiner), the name's own shape and head word, and the NER's votes over its
mentions, a small multinomial logistic model gives PER / ORG / LOC; it overrules the NER's type
only when its probability reaches the shipped threshold.

The weights are data (``lexicons/entities/type_weights.tsv``), fitted on the dev who gold and
judged against the NER's type by grouped cross-validation by site (``tools/entities/type_cv.py``,
which writes the file only when the model wins out of site). Without weights the model is not
asked and costs nothing. ``VEILLE_ENTTYPE_DUMP`` names a file each entity's context (``context``)
and the origin of its type (``origin``) are appended to: the tool recomputes the features from it.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.model import Article, Entity

DUMP_ENV = "VEILLE_ENTTYPE_DUMP"
WEIGHTS = "entities/type_weights.tsv"
CLASSES = ("PER", "ORG", "LOC")
THRESHOLD = "threshold"

# the word right before a mention, by group (the groups, not the words, are features: each word
# alone is too rare across sites)
_BEFORE = {
    "det": ("le", "la", "l'", "les", "un", "une", "ce", "cette", "son", "sa", "ses"),
    "contracted": ("du", "au", "aux", "des"),
    "de": ("de", "d'"),
    "place_prep": ("à", "en", "dans", "vers", "depuis"),
    "chez": ("chez",),
    "prep": ("par", "pour", "avec", "contre", "entre", "selon", "sur"),
    "et": ("et", "ou"),
}
_GROUP_OF = {w: g for g, words in _BEFORE.items() for w in words}
_SPEECH = frozenset({"dire", "déclarer", "affirmer", "expliquer", "estimer", "ajouter", "indiquer", "souligner",
                     "préciser", "confier", "raconter", "assurer", "rappeler", "juger", "répondre", "lancer",
                     "témoigner", "reconnaître", "admettre", "insister", "poursuivre", "conclure"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})


def _words(*names: str) -> frozenset[str]:
    out: set[str] = set()
    for name in names:
        for r in rows(name):
            if name.endswith("place_cues.tsv"):  # kind <TAB> word: its nouns only, not "à", "vers"
                if len(r) > 1 and r[0].startswith("noun"):
                    out.add(norm(r[1]))
            elif r and r[0].strip():
                out.add(norm(r[0]))
    return frozenset(out)


@lru_cache(maxsize=1)
def noun_classes() -> dict[str, frozenset[str]]:
    """The lower-case nouns that say what a name after them is, by the entity type they give."""
    return {
        "ORG": _words("org_heads.tsv", "entities/org_classifiers.tsv", "entities/business_heads.tsv",
                      "entities/employer_nouns.tsv", "entities/institution_nouns.tsv"),
        "PER": _words("person_heads.tsv", "entities/person_nouns.tsv", "titles.tsv", "entities/kin_nouns.tsv"),
        "LOC": _words("entities/place_nouns.tsv", "entities/geo_classifiers.tsv", "entities/place_cues.tsv",
                      "entities/street_nouns.tsv", "entities/square_nouns.tsv"),
    }


@lru_cache(maxsize=1)
def load_weights() -> dict[str, dict[str, float]]:
    """Class -> feature -> weight (the bias is the feature ``bias``), plus ``threshold`` under
    ``threshold``; empty when nothing is shipped."""
    if not (Path(__file__).resolve().parents[1] / "lexicons" / WEIGHTS).exists():
        return {}
    out: dict[str, dict[str, float]] = {}
    for r in rows(WEIGHTS, min_columns=3):
        out.setdefault(r[0], {})[r[1]] = float(r[2])
    return out


def asked() -> bool:
    """Whether the stage needs the contexts: weights shipped, or a dump asked for."""
    return bool(os.environ.get(DUMP_ENV)) or bool(load_weights())


def origin(ent: Entity, named: list[Mention], ner_label: dict[tuple[int, int], str]) -> str:
    """Where the entity's type comes from: ``kb``, ``lexicon`` (a gazetteer reading), ``rule`` (a
    mention no NER span gave, or relabelled), ``merge`` (a later merge changed the vote), ``ner``."""
    if ent.kb_id:
        return "kb"
    if any(m.source == "gaz" for m in named):
        return "lexicon"
    ner = [m for m in named if m.source == "ner"]
    if not ner or any(ner_label.get((m.start, m.end)) != m.label for m in ner):
        return "rule"
    labels = Counter(m.label for m in ner)
    if labels.get(ent.type, 0) < max(labels.values()) or (labels.get("PER") and ent.type != "PER"):
        return "merge"
    return "ner"


def ner_spans(doc: Any, named: list[Mention]) -> dict[tuple[int, int], str]:
    """Mention span -> the label of the NER span it comes from (overlapping it)."""
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    out: dict[tuple[int, int], str] = {}
    for m in named:
        for a, b, label in ents:
            if a < m.end and m.start < b:
                out[(m.start, m.end)] = label
                break
    return out


def _mention_context(doc: Any, m: Mention) -> dict[str, Any]:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return {}
    root = span.root
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    after = [t.lower_ for t in doc[span.end:span.end + 2]]
    head = root.head
    return {"prev": before, "next": after, "dep": root.dep_, "head": head.lemma_.lower(), "head_pos": head.pos_,
            "sent_start": span.start == span.sent.start, "label": m.label}


def context(res: Any, doc: Any, ent: Entity, named: list[Mention]) -> dict[str, Any]:
    """What the model reads of one entity, JSON-ready (the dump holds it; ``features`` reads it)."""
    words = ent.name.split()
    lowered = [norm(w) for w in words if w[:1].isalpha()]
    return {
        "name": ent.name, "type": ent.type, "n": len(named),
        "given_first": bool(lowered) and lowered[0] in res.given_names,
        "given_last": len(lowered) > 1 and lowered[-1] in res.given_names,  # "Lemarin Octave": a list by surname
        "dict_words": bool(lowered) and all(w in res.dictionary for w in lowered),
        "mentions": [c for m in named if (c := _mention_context(doc, m))],
    }


def features(ctx: dict[str, Any]) -> dict[str, float]:
    """The closed features of one entity's context (see the module docstring): each also crossed
    with the NER's type ("LOC|det": a determiner before a name read as a place)."""
    classes = noun_classes()
    name = ctx["name"]
    words = name.split()
    f: dict[str, float] = {"mentions": math.log1p(ctx["n"])}
    if len(words) == 1:
        f["one_word"] = 1.0
    elif len(words) >= 3:
        f["long_name"] = 1.0
    if name.isupper() and len(name) <= 7:
        f["acronym"] = 1.0
    if any(ch.isdigit() for ch in name):
        f["digit"] = 1.0
    if any(w[1:] != w[1:].lower() and not w.isupper() and "-" not in w for w in words):
        f["camel_case"] = 1.0
    if "-" in name:
        f["hyphen"] = 1.0
    for flag in ("given_first", "given_last", "dict_words"):
        if ctx.get(flag):
            f[flag] = 1.0
    if any(w in ("de", "du", "des", "d'", "la", "le", "les") for w in (x.lower() for x in words[1:])):
        f["inner_particle"] = 1.0
    for kind, nouns in classes.items():
        if any(norm(w) in nouns for w in words):
            f[f"name_noun_{kind}"] = 1.0
    ms = ctx["mentions"]
    share = 1.0 / max(len(ms), 1)
    for m in ms:
        for key in _mention_keys(m, classes):
            f[key] = f.get(key, 0.0) + share
    cur = ctx["type"]
    crossed = {f"{cur}|{k}": v for k, v in f.items() if not k.startswith("ner_")}
    return {f"cur_{cur}": 1.0, **f, **crossed}


def _mention_keys(m: dict[str, Any], classes: dict[str, frozenset[str]]) -> list[str]:
    keys = [f"ner_{m['label']}"]
    prev = [w.replace("’", "'") for w in m["prev"]]
    if prev and prev[-1] in _GROUP_OF:
        keys.append(f"before_{_GROUP_OF[prev[-1]]}")
    # the noun that classes the name: right before it ("le club X") or before "de" ("la ville de X")
    nouns = [w for i, w in enumerate(prev) if i == len(prev) - 1 or (i == len(prev) - 2 and prev[-1] in ("de", "d'"))]
    for kind, words in classes.items():
        if any(norm(w) in words for w in nouns):
            keys.append(f"noun_{kind}")
    if m["dep"].startswith("nmod") and m["head_pos"] == "NOUN":
        keys.extend(f"head_noun_{kind}" for kind, words in classes.items() if norm(m["head"]) in words)
    dep = m["dep"].split(":")[0]
    if m["dep"] in _SUBJECT_DEPS:
        keys.append("subj_speech" if m["head"] in _SPEECH else "subject")
    elif dep in ("obj", "obl", "nmod", "appos", "conj"):
        keys.append(f"dep_{dep}")
    nxt = m["next"]
    if nxt and nxt[0] in (",", "("):
        keys.append(f"next{nxt[0]}")
    if m["sent_start"]:
        keys.append("sent_start")
    return keys


def probabilities(f: dict[str, float], weights: dict[str, dict[str, float]]) -> dict[str, float]:
    z = {c: weights.get(c, {}).get("bias", 0.0) + sum(weights.get(c, {}).get(k, 0.0) * v for k, v in f.items())
         for c in CLASSES}
    top = max(z.values())
    e = {c: math.exp(v - top) for c, v in z.items()}
    s = sum(e.values())
    return {c: v / s for c, v in e.items()}


def retype(res: Any, article: Article, doc: Any, kept: list[tuple[Entity, list[Mention]]]) -> None:
    """Gives the model's type to the NER-typed entities it is sure of; dumps contexts when asked."""
    dump = os.environ.get(DUMP_ENV)
    weights = load_weights()
    if not dump and not weights:
        return
    named_of = [[m for m in ms if m.source in ("ner", "gaz", "sweep")] for _, ms in kept]
    labels = ner_spans(doc, [m for ms in named_of for m in ms if m.source == "ner"])
    lines = []
    threshold = weights.get(THRESHOLD, {}).get("value", 1.0)
    for (ent, _), named in zip(kept, named_of, strict=True):
        where = origin(ent, named, labels)
        if where != "ner" and not dump:
            continue
        ctx = context(res, doc, ent, named) if where == "ner" else {"name": ent.name, "type": ent.type}
        if dump:
            page = Path(article.source.path or article.id or "").stem
            lines.append(json.dumps({"page": page, "origin": where, "span": ent.spans[0] if ent.spans else None,
                                     "context": ctx}, ensure_ascii=False) + "\n")
        if where == "ner" and weights and ent.type in CLASSES:
            p = probabilities(features(ctx), weights)
            best = max(p, key=lambda c: p[c])
            if best != ent.type and p[best] >= threshold:
                ent.type = best
    if dump and lines:
        with Path(dump).open("a", encoding="utf-8") as fh:
            fh.write("".join(lines))  # one write: worker processes append to the same file
