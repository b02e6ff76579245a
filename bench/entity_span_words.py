"""How the words of a span pair differ (a missed gold name and the extra of its page sharing the most
words with it), in classes that name no text: which side is longer, and what the words in excess are
(a title or trade word, a given name, a "de"/"du" complement, an organisation head noun, a particle,
an article; on our side also a sentence-initial word, a capitalised common word as in a heading, a
second name fused), or a cut at a hyphen or an apostrophe. Used by ``bench/entity_aggregates.py``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from veille.common.fold import fold
from veille.common.lexicon import rows

ROOT = Path(__file__).resolve().parents[1]
_RAW_WORD = re.compile(r"\w+")
_ARTICLES = frozenset({"le", "la", "les", "l"})
_DE = frozenset({"de", "du", "des", "d", "of"})
_PREPOSITIONS = frozenset({"pour", "sur", "en", "a", "au", "aux", "contre", "et", "for", "on", "and"})
_CUTS = "-'’‐‑"
_SENTENCE_END = re.compile(r"(?:^|[\n.!?:;»…]\s*|[\n]\s*[-–—•*]\s*)$")


def _first_words(*names: str) -> frozenset[str]:
    out = set()
    for name in names:
        for cols in rows(name):
            words = _RAW_WORD.findall(fold(cols[0]))
            if words:
                out.add(words[0])
    return frozenset(out)


@cache
def title_words() -> frozenset[str]:
    """Civilities, offices, trades: the words a title or apposition puts before a person's name."""
    return _first_words("titles.tsv", "person_heads.tsv", "entities/person_nouns.tsv", "roles.tsv")


@cache
def org_heads() -> frozenset[str]:
    """Nouns that open an organisation's name (Centre, Institut, Fonds, Conseil, Agence …)."""
    return _first_words("org_heads.tsv", "entities/institution_nouns.tsv", "entities/business_heads.tsv",
                        "entities/school_nouns.tsv", "entities/assembly_heads.tsv")


@cache
def particles() -> frozenset[str]:
    return frozenset(w for cols in rows("entities/particle_chains.tsv") for w in _RAW_WORD.findall(fold(cols[0])))


@cache
def given_names() -> frozenset[str]:
    out = set()
    for name in ("given_names.tsv", "entities/given_names.tsv"):
        for line in (ROOT / "src/veille/lexicons" / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                out.add(fold(line.split("\t")[0].strip()))
    return frozenset(out)


def _key(word: str) -> str:
    """A word compared across accents and ligatures ("Église" = "Eglise", "cœur" = "coeur")."""
    return fold(word).replace("œ", "oe").replace("æ", "ae")


def _keys(name: str) -> list[str]:
    return [_key(w) for w in _RAW_WORD.findall(name.lower())]


def _where(at: list[int], n: int) -> str:
    if at == list(range(len(at))):
        return "start"
    if at == list(range(n - len(at), n)):
        return "end"
    return "inner"


def _cut(longer: str, shorter: str) -> bool:
    """The shorter name sits in the longer one against a hyphen or an apostrophe."""
    lo, sh = longer.lower(), shorter.lower()
    for m in re.finditer(re.escape(sh), lo):
        a, b = m.span()
        if (a > 0 and lo[a - 1] in _CUTS) or (b < len(lo) and lo[b] in _CUTS):
            return True
    return False


def _excess_class(excess: list[str], where: str, gold_type: str) -> str:
    """What the words one side has in excess are (the first class that holds)."""
    folded = [fold(w) for w in excess]
    first = next((w for w in folded if w not in _ARTICLES), folded[0])
    if all(w in _ARTICLES for w in folded):
        return "article"
    if gold_type == "PER" and all(w in particles() for w in folded):
        return "particle"
    if where == "end" and first in _DE and len(folded) > 1:
        return "de-complement"
    if where == "end" and first in _PREPOSITIONS and len(folded) > 1:
        return "prep-complement"
    if where == "start" and first in given_names() and any(w[:1].isupper() for w in excess):
        return "first-name"
    if where == "start" and first in title_words():
        return "title-trade"
    if where == "start" and first in org_heads():
        return "org-head"
    if all(w[:1].islower() for w in excess):
        return f"lower-{where}"
    if all(w[:1].isupper() for w in excess):
        return f"cap-{where}"
    return f"mixed-{where}"


def _sentence_initial(ent: dict, text: str) -> bool:
    spans = ent.get("spans") or []
    return any(_SENTENCE_END.search(text[max(0, a - 6):a]) is not None for a, _ in spans)


def _written_lower(word: str, text: str) -> bool:
    low = word.lower()
    return low != word and re.search(rf"(?<!\w){re.escape(low)}(?!\w)", text) is not None


def _outside(words: list[str], inner: list[str]) -> list[int]:
    """The positions of the longer name's words around the shorter's words written in one run."""
    normed = [_key(w.lower()) for w in words]
    for i in range(len(words) - len(inner) + 1):
        if normed[i:i + len(inner)] == inner:
            return [j for j in range(len(words)) if not i <= j < i + len(inner)]
    return []


def pair_class(gold: dict, ours: dict, text: str, other_names: list[str]) -> str:
    """The class of one span pair: ``gold+X`` (the gold's name is longer by X), ``ours+X`` (ours is),
    ``hyphen-cut-gold`` / ``hyphen-cut-ours`` (the longer name goes on past a hyphen or apostrophe),
    ``spelling`` (the same words but for accents, ligatures, hyphens), ``cross`` (each has words the other lacks); a
    longer name of another type than the shorter is ``SIDE+T1-holding-T2`` (an organisation named
    after its town, the town alone on the other side).
    ``text`` is the record's text the spans point into; ``other_names`` the page's other gold and
    predicted names (for a second name fused)."""
    gname, pname = gold["name"], ours.get("name") or ""
    gt, pt = _keys(gname), _keys(pname)
    if gt == pt:
        return "spelling"
    gs, ps = set(gt), set(pt)
    if gs < ps or (gs <= ps and len(pt) > len(gt)):
        side, longer, shorter, lacking = "ours", pname, gname, gs
    elif ps < gs or (ps <= gs and len(gt) > len(pt)):
        side, longer, shorter, lacking = "gold", gname, pname, ps
    else:
        return "cross" if gold.get("type") == ours.get("type") else "cross-other-type"
    if _cut(longer, shorter):
        return f"hyphen-cut-{side}"
    types = {"gold": gold.get("type"), "ours": ours.get("type")}
    if types["gold"] != types["ours"]:
        other = "ours" if side == "gold" else "gold"
        return f"{side}+{types[side]}-holding-{types[other]}"
    words = _RAW_WORD.findall(longer)
    at = _outside(words, _keys(shorter)) or [i for i, w in enumerate(words) if _key(w.lower()) not in lacking]
    if not at:
        return f"{side}+repeat"
    excess = [words[i] for i in at]
    where = _where(at, len(words))
    if side == "ours" and where == "start" and excess[0][:1].isupper() and _sentence_initial(ours, text):
        return "ours+sentence-initial"
    if side == "ours" and all(w[:1].isupper() for w in excess):
        others = {fold(w) for n in other_names for w in _RAW_WORD.findall(n or "")}
        if all(fold(w) in others for w in excess) and fold(excess[0]) not in title_words():
            return "ours+second-name"
        if all(_written_lower(w, text) for w in excess) and fold(excess[0]) not in title_words() \
                and fold(excess[0]) not in org_heads():
            return "ours+capitalised-common"
    return f"{side}+{_excess_class(excess, where, gold['type'])}"
