"""One ordered decision on each candidate name: the rows of ``lexicons/entities/name_decisions.tsv``.

Each row names a check of this module (``CHECKS``), the phase of the stage that asks it, and an
action: ``refuse`` (the candidate is no name) or ``keep`` (no later row of the phase is asked).
The rows of one phase are asked in the table's order and the first whose check holds decides, so
the order of the filters is read in one file, not in the order of ``if``s spread over modules.

A refused candidate records the row that refused it: with ``settings.explain`` (``veille extract
--explain``) the article's refusals are written to ``Article.entity_refusals``, so one can read why a
name is missing (``{"name", "label", "start", "end", "rule": "phase/test"}``)."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities import name_shapes as shapes
from veille.entities import non_names
from veille.entities.feminine_acronyms import feminine_body
from veille.entities.gentiles import gentile_shape, masculine_forms
from veille.entities.name_checks import (
    common_word,
    in_capitals_heading,
    in_system_phrase,
    kicker_word,
    people_noun,
    quoted_alone,
)
from veille.entities.resources import ASSEMBLY_HEADS, STREET_NOUNS, folded_words

# capitalised common nouns that name nothing alone ("la Ville", "sur la Lune"): entities/common_nouns_alone.tsv
COMMON_NOUNS_ALONE = folded_words("entities/common_nouns_alone.tsv")

PHASES = ("span", "typed", "foreign", "mention", "article", "linked", "entity")


@dataclass
class Candidate:
    """What a check reads of one candidate name: its name, type and place in the text, the tokens
    of a NER span (phases ``span``/``typed``) and what one phase adds (``context``)."""

    res: Any
    key: str
    label: str
    start: int
    end: int
    text: str
    toks: list[Any] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def known(self) -> bool:
        """A name the KB knows (asked only when a row needs it: a lookup per span costs)."""
        return bool(self.res.link and self.res.kb.lookup(self.key))

    @cached_property
    def nkey(self) -> str:
        return norm(self.key)


def _first(c: Candidate) -> str:
    return norm(c.toks[0].text)


def _in_spans(c: Candidate, name: str) -> bool:
    return any(a <= c.start < b for a, b in c.context.get(name, ()))


def _inside_descriptor(c: Candidate) -> bool:
    return any(d.start <= c.start < d.role_end or d.start < c.end <= d.role_end for d in c.context.get("descs", ()))


def _after_sign(c: Candidate) -> bool:
    """A name written right after "#" or "@" (the tokenizer reads the sign apart): "#MeToo"."""
    start = c.toks[0].idx if c.toks else c.start
    return start > 0 and c.text[start - 1] in "#@"


CHECKS: dict[str, Callable[[Candidate], bool]] = {
    "lower_case": lambda c: not any(ch.isupper() for ch in c.key),
    "handle": lambda c: not any(ch.isalpha() for ch in c.key) or c.key.startswith(("@", "#")) or _after_sign(c),
    "kb_known": lambda c: c.known,
    "feminine_acronym": lambda c: feminine_body(c.toks, c.key),
    "stopword": lambda c: not c.nkey or len(c.nkey) < 2 or c.nkey in c.res.stopwords,
    "digit_code": lambda c: c.label in ("LOC", "PER") and len(c.toks) == 1 and any(ch.isdigit() for ch in c.key),
    "short_quote": lambda c: shapes.in_short_quote(c.toks),
    "quoted_alone": lambda c: c.label in ("PER", "LOC") and quoted_alone(c.toks),
    "capitals_heading": lambda c: in_capitals_heading(c.toks),
    "kicker": lambda c: kicker_word(c.toks, c.res.dictionary),
    "common_word": lambda c: len(c.toks) == 1 and common_word(c.toks[0], c.res.dictionary, c.label),
    "street_cut": lambda c: len(c.toks) == 1 and c.toks[0].i > 0 and c.toks[0].nbor(-1).lower_ in STREET_NOUNS,
    "system_name": lambda c: c.nkey in c.res.system_names,
    "common_noun_alone": lambda c: c.nkey in COMMON_NOUNS_ALONE,
    "system_head": lambda c: _first(c) in c.res.system_heads,
    "demonym": lambda c: c.nkey in c.res.kb.demonyms,
    "not_country": lambda c: c.nkey in c.res.not_countries,
    "system_phrase": lambda c: in_system_phrase(c.res, c.toks[0]),
    "people_noun": lambda c: people_noun(c.res, c.toks),
    "org_head_alone": lambda c: len(c.toks) == 1 and c.label != "PER" and _first(c) in c.res.org_heads
    and _first(c) not in ASSEMBLY_HEADS,
    "generic_head": lambda c: c.label != "PER" and _first(c) in c.res.generic_heads,
    "descriptor_tail": lambda c: c.label != "PER" and c.toks[0].text[:1].islower()
    and (_first(c) in c.res.kb.demonyms or c.toks[0].pos_ == "ADJ"),
    "foreign_passage": lambda c: c.context["article"].in_foreign(c.start, c.end),
    "foreign_clause": lambda c: c.context["foreign_clause"](),
    "file_name": lambda c: non_names.file_name(c.text, c.start, c.end),
    # ("Lyon-2", "Paris-2024": a place the KB knows before the number is no model's code)
    "compound_adjective": lambda c: non_names.compound_adjective(
        c.key, lambda w: bool(masculine_forms(w) & c.res.dictionary) or gentile_shape(w)),
    "code_name": lambda c: non_names.code_name(c.key) and not c.res.kb.lookup(c.key.split("-")[0], "LOC"),
    "verb_pronoun": lambda c: non_names.verb_with_pronoun(c.text, c.end, c.key),
    "verb_opening": lambda c: non_names.verb_opening(c.text, c.start, c.key, c.res.verb_forms),
    "function_word": lambda c: non_names.capital_function_word(c.key),
    "field_alone": lambda c: non_names.field_alone(c.key, c.label),
    "department": lambda c: c.label != "PER" and non_names.teaching_department(c.key),
    "browser_mark": lambda c: non_names.browser_mark(c.text, c.start, c.end, c.key),
    "event_name": lambda c: c.label != "PER" and non_names.event_name(c.key),
    "credit": lambda c: _in_spans(c, "credits"),
    "idiom": lambda c: _in_spans(c, "idioms"),
    "event_place": lambda c: c.label == "LOC" and _in_spans(c, "event_places"),
    "vessel": lambda c: _in_spans(c, "vessels") or c.key in c.context.get("vessel_names", ()),
    "work_title": lambda c: (_in_spans(c, "works") or c.key in c.context.get("work_names", ())) and not c.known,
    "kb_linked": lambda c: bool(c.context.get("kb_id")),
    "person": lambda c: c.label == "PER",
    "descriptor_word": _inside_descriptor,
    "keep_model": lambda c: bool(c.context.get("model_refuses")),
}


@dataclass(frozen=True)
class Row:
    test: str
    phase: str
    refuse: bool
    phenomenon: str
    example: str
    check: Callable[[Candidate], bool]


def load_rows(name: str = "entities/name_decisions.tsv") -> dict[str, tuple[Row, ...]]:
    """The table's rows by phase, in order; a row naming an unknown check, phase or action fails."""
    out: dict[str, list[Row]] = {p: [] for p in PHASES}
    for cols in rows(name, min_columns=5):
        test, phase, action, phenomenon, example = cols[:5]
        if test not in CHECKS or phase not in out or action not in ("refuse", "keep"):
            raise ValueError(f"lexicons/{name}: bad row {cols[:3]}")
        out[phase].append(Row(test, phase, action == "refuse", phenomenon, example, CHECKS[test]))
    return {p: tuple(r) for p, r in out.items()}


ROWS = load_rows()
# the article's refusals while explaining: a context variable, so that threads sharing the stage
# (a Dask worker's threads) each record their own article's
_refusals: ContextVar[list[dict[str, Any]] | None] = ContextVar("entity_refusals", default=None)


def refusing_row(phase: str, c: Candidate) -> Row | None:
    """The row of ``phase`` that refuses the candidate, or None (kept, or no row holds): the
    first row whose check holds decides."""
    for row in ROWS[phase]:
        if row.check(c):
            recording = _refusals.get()
            if row.refuse and recording is not None:
                recording.append({"name": c.key, "label": c.label, "start": c.start, "end": c.end,
                                  "rule": f"{row.phase}/{row.test}"})
            return row if row.refuse else None
    return None


def refused(phase: str, c: Candidate) -> bool:
    return refusing_row(phase, c) is not None


def begin_explaining() -> None:
    """Record the refusals of the next article (one article at a time per thread)."""
    _refusals.set([])


def take_refusals() -> list[dict[str, Any]]:
    """The refusals recorded since ``begin_explaining``; recording stops."""
    out = _refusals.get() or []
    _refusals.set(None)
    return sorted(out, key=lambda r: (r["start"], r["end"]))
