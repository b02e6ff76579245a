"""The learned last word on the entities the rules keep: a logistic model over closed features of
one entity (its type and KB link, how often and where the article names it, the shape of its
name, the word before it, quotation marks, brackets, headings), refusing an entity whose odds of
being one the annotators count fall under the threshold.

The weights are data (``lexicons/entities/keep_weights.tsv``), fitted on the dev who gold and
judged against the rules alone by grouped cross-validation by site (``tools/entities/keep_cv.py``,
which writes the file only when the model wins out of site). Without weights the model is not
asked and costs nothing. ``VEILLE_ENTITY_DUMP`` names a file each entity's features are
appended to (fitting only).

Not shipped today (round 16): on 2,318 kept entities of 138 dev sites, grouped CV by site gives
entities F1 .908 for the rules alone and .905-.907 for rules + model at every L2 tried (also when the
model may only refuse names seen once and unknown to the KB); fitted on the corpus dev sites alone,
it leaves the 15 outside heldout3 sites at .890. Out of site these features do not tell a name the
annotators count from one they do not."""

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
from veille.model import Article, Entity

DUMP_ENV = "VEILLE_ENTITY_DUMP"
WEIGHTS = "entities/keep_weights.tsv"
BIAS, THRESHOLD = "bias", "threshold"

_OPEN_MARKS = "«“\"‘"
_CLOSE_MARKS = "»”\"’"
_DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cette", "son", "sa", "ses"})
_PLACE_PREPOSITIONS = frozenset({"à", "en", "dans", "vers", "depuis"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+['’]?)\W*$")
_YEAR_IN_BRACKETS = re.compile(r"\((?:[^()]*\s)?(?:1[89]|20)\d\d\)")
_SENTENCE_MARKS = ".!?…:"


@lru_cache(maxsize=1)
def load_weights() -> dict[str, float]:
    """Feature -> weight, plus ``bias`` and ``threshold``; empty when nothing is shipped."""
    if not (Path(__file__).resolve().parents[1] / "lexicons" / WEIGHTS).exists():
        return {}
    return {r[0]: float(r[1]) for r in rows(WEIGHTS, min_columns=2)}


def asked() -> bool:
    """Whether the stage needs the features: weights shipped, or a dump asked for."""
    return bool(os.environ.get(DUMP_ENV)) or bool(load_weights())


def _word_before(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    found = _WORD_BEFORE.search(text[max(line_start, start - 30):start])
    return found.group(1).lower().replace("’", "'") if found else ""


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\u00a0«“\"(")
    return not before or before[-1] in _SENTENCE_MARKS or before.endswith("\n")


def _paragraph(text: str, start: int) -> str:
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", start)
    return text[a + 2 if a >= 0 else 0:b if b >= 0 else len(text)]


_NOTE_CALL = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\s?[|.)\]-])\s")
_URL = re.compile(r"https?://|www\.")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def reference_line(para: str) -> bool:
    """Whether a paragraph is a reference or a credit line, not prose: a note opening on its number
    ("3 | Author, « Title », …", "[2] …") or a line with a web address, dated, of a few clauses
    (the sources list under an essay, a report's notes)."""
    if len(para) > 400 or not _YEAR.search(para):
        return False
    return bool(_NOTE_CALL.match(para)) or bool(_URL.search(para))


def glued_spans(spans: list[tuple[int, int]], text: str) -> set[tuple[int, int]]:
    """The mentions another mention follows or precedes across one space or hyphen only."""
    ordered = sorted(spans)
    out: set[tuple[int, int]] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if 0 <= b[0] - a[1] <= 1 and text[a[1]:b[0]] in ("", " ", "-"):
            out.update((a, b))
    return out


def features(res: Any, article: Article, text: str, ent: Entity, ms: list[Mention],
             glued: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset()) -> dict[str, float]:
    """The closed features of one entity (see the module docstring); ``glued``: the article's
    mentions written right against another (``glued_spans``)."""
    named = [m for m in ms if m.source in ("ner", "gaz", "sweep")] or ms
    f: dict[str, float] = {f"type_{ent.type}": 1.0}
    if ent.kb_id:
        f["kb"] = 1.0
    n = len(named)
    f["mentions"] = math.log1p(n)
    if n == 1:
        f["once"] = 1.0
    words = ent.name.split()
    if len(words) == 1:
        f["one_word"] = 1.0
    elif len(words) >= 4:
        f["long_name"] = 1.0
    if ent.name.isupper() and len(ent.name) <= 7:
        f["acronym"] = 1.0
    if any(w[1:] != w[1:].lower() and not w.isupper() and "-" not in w and "'" not in w for w in words):
        f["camel_case"] = 1.0  # "ChatGPT", "iPhone": a brand's or a product's spelling
    if " et " in ent.name and len(words) >= 4:
        f["coordinated"] = 1.0  # "Conseil X et politique", "… et plusieurs observateurs": a span run over "et"
    if any(w.endswith("ant") and w.islower() and len(w) > 5 for w in words[1:]):
        f["participle_inside"] = 1.0  # "Justice ciblant X": a span run over a participle
    if any(ch.isdigit() for ch in ent.name):
        f["digit"] = 1.0
    lowered = [norm(w) for w in words if w[:1].isalpha()]
    if lowered and all(w in res.dictionary for w in lowered):
        # "Grand Est", "La Vague": words of the language, capitalised; one alone is more often a
        # common word NER took for a name ("Manager", "Parc")
        f["one_dictionary_word" if len(lowered) == 1 else "dictionary_words"] = 1.0
        if ent.name != ent.name.lower() and re.search(r"(?<!\w)" + re.escape(ent.name.lower()) + r"(?!\w)", text):
            f["written_lower"] = 1.0  # the same words in lower case elsewhere in the article
    if ent.type == "PER" and lowered and lowered[0] in res.given_names:
        f["given_name"] = 1.0
    labels = {m.label for m in named}
    if len(labels) > 1:
        f["labels_disagree"] = 1.0
    if ent.type not in labels:
        f["retyped"] = 1.0  # a rule gave the type no reading of NER gave
    if "MISC" in labels:
        f["misc"] = 1.0
    if all(m.source == "gaz" for m in named):
        f["gazetteer_only"] = 1.0
    if any(m.source in ("descriptor", "orgdesc") for m in ms):
        f["descriptor"] = 1.0
    body = article.body_start()
    if all(m.start < body for m in named):
        f["title_only"] = 1.0
    share = 1.0 / max(n, 1)
    for m in named:
        before = _word_before(text, m.start)
        if before in _DETERMINERS:
            f["after_determiner"] = f.get("after_determiner", 0.0) + share
        if before in _PLACE_PREPOSITIONS:
            f["after_place_preposition"] = f.get("after_place_preposition", 0.0) + share
        if norm(before) in res.titles or norm(before) in res.person_heads:
            f["after_title"] = f.get("after_title", 0.0) + share
        if _opens_sentence(text, m.start):
            f["opens_sentence"] = f.get("opens_sentence", 0.0) + share
        lead, trail = text[max(0, m.start - 2):m.start], text[m.end:m.end + 2]
        if any(c in _OPEN_MARKS for c in lead) and any(c in _CLOSE_MARKS for c in trail):
            f["quoted"] = f.get("quoted", 0.0) + share
        if "(" in lead and ")" in trail:
            f["bracketed"] = f.get("bracketed", 0.0) + share
        if (m.start, m.end) in glued:
            f["glued_to_name"] = f.get("glued_to_name", 0.0) + share  # "Alexandria | Ocasio-Cortez": a name cut in two
        para = _paragraph(text, m.start) if m.start >= body else ""
        if para and len(para) < 90 and para.rstrip()[-1:] not in _SENTENCE_MARKS + "»”\"":
            f["heading_line"] = f.get("heading_line", 0.0) + share
        if para and _YEAR_IN_BRACKETS.search(para):
            f["year_in_brackets"] = f.get("year_in_brackets", 0.0) + share
        if para and para.count(",") >= 6 and para.count(".") <= 1:
            f["list_line"] = f.get("list_line", 0.0) + share
        if para and reference_line(para):
            f["reference_line"] = f.get("reference_line", 0.0) + share
    if f.get("after_determiner", 0.0) >= 0.5:
        f[f"{ent.type}_after_determiner"] = 1.0  # "du César", "la Nomenklatura" read as a person or a place
    if "once" in f and "one_word" in f:
        f["one_word_once"] = 1.0
    last = text.rfind("\n\n")
    if last > body and all(m.start > last for m in named):
        f["last_paragraph_only"] = 1.0
    return f


def probability(f: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get(BIAS, 0.0) + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def last_word(res: Any, article: Article, text: str, kept: list[tuple[Entity, list[Mention]]]) -> list[Entity]:
    """The entities the model lets through (all of them without weights); dumps features when asked."""
    dump = os.environ.get(DUMP_ENV)
    weights = load_weights()
    if not dump and not weights:
        return [e for e, _ in kept]
    glued = glued_spans([(a, b) for e, _ in kept for a, b in e.spans], text)
    feats = [features(res, article, text, e, ms, glued) for e, ms in kept]
    if dump:
        page = Path(article.source.path or article.id or "").stem
        lines = "".join(json.dumps({"page": page, "name": e.name, "type": e.type, "features": f}, ensure_ascii=False)
                        + "\n" for (e, _), f in zip(kept, feats, strict=True))
        with Path(dump).open("a", encoding="utf-8") as fh:
            fh.write(lines)  # one write: worker processes append to the same file
    if not weights:
        return [e for e, _ in kept]
    threshold = weights.get(THRESHOLD, 0.5)
    return [e for (e, _), f in zip(kept, feats, strict=True) if probability(f, weights) >= threshold]
