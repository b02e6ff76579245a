"""Organisation names opened by a capitalised head noun that the NER never proposed, or cut short:
"le Centre des métiers et des savoirs", "la Fédération des radios libres du Valmont", "au Conseil
régional" (invented). French institution names capitalise their first word only, so the NER often
reads the head alone, stops at the first complement, or sees nothing at all.

Every capitalised head noun (``org_heads.tsv``, ``entities/institution_nouns.tsv``, after "Haut" or
"Grand") proposes the spans that run from it over lower-case adjectives, prepositions, articles,
nouns and capitalised words up to a clear stop (punctuation, a verb, a line break), one candidate a
possible end. A candidate that crosses a name it does not contain is dropped; one that equals a name
is nothing new. Each candidate is described by closed features (the head, the words it runs over,
what comes after it, the parse of the head, how often the article writes it, the names inside it).

The learned last word decides: a logistic model whose weights are data
(``lexicons/entities/org_proposal_weights.tsv``), fitted on the dev who gold and judged against the
rules alone by grouped cross-validation by site (``tools/entities/org_proposal_cv.py``, which writes
the file only when the model wins out of site). Without weights nothing is proposed and the stage
pays only the dump test. ``VEILLE_ORG_PROPOSAL_DUMP`` names a file each candidate is appended to
(fitting only).

Not shipped today (round 27, orgrecall): on the 192 dev who pages (138 sites) the two families give
129 candidates on 46 sites, 14 of them a gold name; fitted in sample the model ranks them first, but
grouped CV by site (8 and 20 folds, L2 0.03-10) accepts no right one on held-out sites: entities F1
.8996 for the rules alone, .8970-.8996 with the model (typed .8708, .8683-.8708). Each right name
is the only one of its shape on its site."""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.resources import calendar_words, folded_words

DUMP_ENV = "VEILLE_ORG_PROPOSAL_DUMP"
WEIGHTS = "entities/org_proposal_weights.tsv"
BIAS, THRESHOLD = "bias", "threshold"

_PREPOSITIONS = frozenset({"de", "du", "des", "d'", "pour", "sur", "contre", "à"})
_CLAUSE_PREPOSITIONS = frozenset({"au", "aux", "en", "dans", "par", "avec", "selon", "depuis", "sans", "chez", "lors"})
_ARTICLES = frozenset({"la", "le", "les", "l'"})
_PRE_HEADS = frozenset({"haut", "haute", "grand", "grande"})
_DEFINITE = frozenset({"le", "la", "l'", "les", "du", "au", "aux", "des"})
_INDEFINITE = frozenset({"un", "une"})
_MAX_WORDS = 10
_CALENDAR = calendar_words()
_COMMON_ACRONYMS = folded_words("entities/common_acronyms.tsv")
_ROMAN = re.compile(r"[IVXLC]+(?:e|er|ème)?")
_DEPS = frozenset({"nsubj", "obl", "obl:arg", "obl:mod", "nmod", "obj", "ROOT", "appos", "conj", "flat:name"})


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Feature -> weight, plus ``bias`` and ``threshold``; empty when nothing is shipped."""
    if not (Path(__file__).resolve().parents[1] / "lexicons" / WEIGHTS).exists():
        return {}
    return {r[0]: float(r[1]) for r in rows(WEIGHTS, min_columns=2)}


def _low(tok: Any) -> str:
    return tok.lower_.replace("’", "'")


def _ends(doc: Any, i: int) -> list[int]:
    """The token ends a name opened by the head at ``i`` may have (after a content word only): over
    lower-case adjectives and nouns, capitalised words and the prepositions and articles between
    them; never over a verb, a time word ("… mercredi"), a clause preposition ("au", "en": "…
    au pouvoir", "… en faveur de"), an article right after the head ("Direction la commune") or
    "et" before another name ("le Parti X et le Sénat")."""
    ends: list[int] = []
    j = i + 1
    while j < len(doc) and j - i <= _MAX_WORDS and "\n" not in doc[j - 1].whitespace_:
        t = doc[j]
        low = _low(t)
        if low in _CLAUSE_PREPOSITIONS or (j == i + 1 and low in _ARTICLES) or norm(t.text) in _CALENDAR:
            break
        if low == "et":
            k = j + 1
            while k < len(doc) and (_low(doc[k]) in _ARTICLES or _low(doc[k]) in _PREPOSITIONS):
                k += 1
            if k < len(doc) and doc[k].text[:1].isupper() and k > j + 1:
                break  # "… et le Sénat", "… et de la Police X": two names
            j += 1
            continue
        if low in _PREPOSITIONS or low in _ARTICLES:
            j += 1
            continue
        upper = t.text[:1].isupper()
        if not (t.is_alpha or upper or t.like_num) or (t.is_lower and t.pos_ not in ("NOUN", "ADJ", "PROPN")) \
                or (t.is_lower and "Fin" in t.morph.get("VerbForm")):
            break
        j += 1
        ends.append(j)
    return ends


def _features(doc: Any, text: str, i: int, first: int, end: int, ends: list[int], inside: list[Mention]) -> dict[str, float]:
    head = doc[i]
    words = doc[first:end]
    tail = doc[i + 1:end]
    f: dict[str, float] = {"family_head": 1.0, "words": float(len(words))}
    f["kind_new" if not inside else ("kind_extend" if inside[0].start == head.idx or inside[0].start == doc[first].idx
                                     else "kind_cover")] = 1.0
    for m in inside:
        f[f"inside_{m.label}"] = 1.0
        if m.kb_id:
            f["inside_kb"] = 1.0
    if first < i:
        f["pre_head"] = 1.0
    lows = [_low(t) for t in tail]
    preps = sum(1 for w in lows if w in _PREPOSITIONS)
    f["prepositions"] = float(preps)
    if preps == 0:
        f["no_complement"] = 1.0
    if "et" in lows:
        f["coordination"] = 1.0
    caps = sum(1 for t in tail if t.text[:1].isupper())
    f["capitals_after_head"] = float(min(caps, 3))
    if caps == 0:
        f["tail_lower"] = 1.0
    if doc[end - 1].text[:1].isupper():
        f["ends_capitalised"] = 1.0
    f[f"last_{doc[end - 1].pos_}"] = 1.0
    if end == ends[-1]:
        f["longest"] = 1.0
    if end == ends[0]:
        f["shortest"] = 1.0
    if end < len(doc) and "\n" not in doc[end - 1].whitespace_:
        nxt = doc[end]
        if nxt.is_punct:
            f["next_punct"] = 1.0
            if nxt.text == "(":
                f["next_bracket"] = 1.0
        elif _low(nxt) in _PREPOSITIONS:
            f["next_preposition"] = 1.0
        elif nxt.pos_ in ("VERB", "AUX"):
            f["next_verb"] = 1.0
        elif nxt.pos_ == "CCONJ":
            f["next_conjunction"] = 1.0
        else:
            f["next_other"] = 1.0
    else:
        f["next_line_end"] = 1.0
    before = _low(doc[first - 1]) if first > 0 else ""
    if before in _DEFINITE:
        f["after_definite"] = 1.0
    elif before in _INDEFINITE:
        f["after_indefinite"] = 1.0
    if doc[first].is_sent_start:
        f["opens_sentence"] = 1.0
    dep = head.dep_ if head.dep_ in _DEPS else "other"
    f[f"dep_{dep}"] = 1.0
    if head.pos_ == "PROPN":
        f["head_propn"] = 1.0
    key = text[doc[first].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    f["repeats"] = math.log1p(text.count(key) - 1)
    return f


def candidates(doc: Any, text: str, names: list[Mention], heads: frozenset[str]) -> list[tuple[Mention, list[Mention], dict[str, float]]]:
    """Each proposed span (an ORG mention), the names it takes in, and its features."""
    out: list[tuple[Mention, list[Mention], dict[str, float]]] = []
    hits = {w for w in {t.text for t in doc if t.text[:1].isupper()} if norm(w) in heads}
    for head in doc:
        if head.text not in hits:
            continue
        i = head.i
        first = i - 1 if i > 0 and doc[i - 1].lower_ in _PRE_HEADS and doc[i - 1].text[:1].isupper() else i
        ends = _ends(doc, i)
        for end in ends:
            start, stop = doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)
            overlapping = [m for m in names if m.start < stop and start < m.end]
            if any(m.start < start or m.end > stop for m in overlapping):
                continue  # (a name it would cut)
            if any(m.start == start and m.end == stop for m in overlapping):
                continue  # (already a name)
            if any(m.label == "PER" for m in overlapping):
                break  # "l'Université de X Jean Dupont": a person after the body, and no longer end

            key = text[start:stop]
            f = _features(doc, text, i, first, end, ends, overlapping)
            out.append((Mention(start, stop, key, key, "ORG", "ner"), overlapping, f))
    return out


def _acronym_like(word: str) -> bool:
    """"FISA", "CenTO", "sp.a" are not; a word of 2 to 7 letters with two capitals or more is."""
    return 2 <= len(word) <= 7 and word.isalpha() and word[0].isupper() and sum(c.isupper() for c in word) >= 2 \
        and not _ROMAN.fullmatch(word)


def acronym_candidates(doc: Any, text: str, names: list[Mention]) -> list[tuple[Mention, list[Mention], dict[str, float]]]:
    """Acronyms written alone after a definite article ("au CenTO", "de la FISA", "l'UCU") that no
    name covers, each an ORG candidate with its features."""
    out: list[tuple[Mention, list[Mention], dict[str, float]]] = []
    seen: set[str] = set()
    for t in doc:
        if t.i == 0 or not _acronym_like(t.text) or _low(doc[t.i - 1]) not in _DEFINITE:
            continue
        start, stop = t.idx, t.idx + len(t.text)
        if any(m.start < stop and start < m.end for m in names):
            continue
        f: dict[str, float] = {"family_acronym": 1.0, "words": 1.0}
        if t.text.isupper():
            f["all_capitals"] = 1.0
        if norm(t.text) in _COMMON_ACRONYMS:
            f["common_acronym"] = 1.0
        if _low(doc[t.i - 1]) == "les":
            f["after_les"] = 1.0
        f["repeats"] = math.log1p(text.count(t.text) - 1)
        if f"({t.text})" in text:
            f["defined_in_brackets"] = 1.0
        if t.i + 1 < len(doc):
            nxt = doc[t.i + 1]
            if nxt.text in ("-", "’", "'") or nxt.text[:1].isupper():
                f["glued_after"] = 1.0  # "le PPA-CI", "l'ONG Greenpeace": part of another name, or a classifier
            elif _low(nxt) in _PREPOSITIONS:
                f["next_preposition"] = 1.0
            elif nxt.is_punct:
                f["next_punct"] = 1.0
        f[f"dep_{t.dep_ if t.dep_ in _DEPS else 'other'}"] = 1.0
        if t.ent_type_:
            f[f"ner_{t.ent_type_}"] = 1.0
        if doc[t.i - 1].is_sent_start and t.sent.text.isupper():
            f["capitals_line"] = 1.0
        first = t.text not in seen
        seen.add(t.text)
        if first:
            out.append((Mention(start, stop, t.text, t.text, "ORG", "ner"), [], f))
    return out


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get(BIAS, 0.0) + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def propose_orgs(page: str, doc: Any, text: str, names: list[Mention], heads: frozenset[str]) -> list[Mention]:
    """``names`` with the proposals the model accepts (the best end of each head, no two
    overlapping), each replacing the names it takes in; ``names`` as they are without weights."""
    dump = os.environ.get(DUMP_ENV)
    weights = load_weights()
    if not dump and not weights:
        return names
    found = candidates(doc, text, names, heads) + acronym_candidates(doc, text, names)
    if dump and found:
        lines = "".join(json.dumps({"page": page, "name": m.key, "start": m.start, "end": m.end,
                                    "inside": [[o.start, o.end] for o in inside], "features": f},
                                   ensure_ascii=False) + "\n" for m, inside, f in found)
        with Path(dump).open("a", encoding="utf-8") as fh:
            fh.write(lines)  # one write: worker processes append to the same file
    if not weights:
        return names
    threshold = weights.get(THRESHOLD, 0.5)
    scored = sorted(((probability(f, weights), m, inside) for m, inside, f in found), key=lambda x: -x[0])
    taken: list[Mention] = []
    gone: set[int] = set()
    for p, m, inside in scored:
        if p < threshold:
            break
        if any(t.start < m.end and m.start < t.end for t in taken):
            continue
        taken.append(m)
        gone.update(id(o) for o in inside)
    if not taken:
        return names
    return sorted([m for m in names if id(m) not in gone] + taken, key=lambda m: m.start)
