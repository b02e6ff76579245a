"""The rule engine: TimeML rules kept as data, compiled once, run over the article's text.

Like HeidelTime's per-language resources, the French knowledge is in ``lexicons/times/``:

* ``patterns.json``: named vocabularies (``%rePartOfDay``, ``%reClockH``…), a list being an
  alternation and a string a regular expression; ``%reMonth``, ``%reWeekday`` and
  ``%reNumberWords`` are built from ``calendar.json``, ``time_expressions.json`` and
  ``number_words.json``;
* ``normalization/*.tsv``: word -> value tables (``soirée`` -> ``EV``); a rule may also use the
  words of a table as a vocabulary, ``%n:table``;
* ``rules/{date,time,duration,set}.tsv``: one named rule a line, its pattern, its value template
  (read by ``veille.times.values``), an invented ``EXAMPLE`` and an optional guard. The file gives
  the TIMEX3 type.

A group named ``extent`` gives the expression's text when the pattern needs context around it
("à 14 heures" is marked "14 heures"). Every rule's example must be matched by its own pattern:
``check_examples`` is run by the tests, so a broken edit fails there, not as a silent miss.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.lexicon import json_data, rows
from veille.common.timespans import alternation, counted_year, lexicon

TYPES = ("date", "time", "duration", "set")
TABLES = ("day_parts", "duration_units", "seasons", "references", "relative_days", "set_units",
          "vague_amounts")
_VOCAB = re.compile(r"%(?:n:[a-z_]+|re[A-Za-z]+)")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str  # DATE, TIME, DURATION or SET
    pattern: re.Pattern[str]
    value: str
    example: str
    guard: str = ""


@dataclass
class RuleMatch:
    rule: Rule
    start: int  # the expression's extent
    end: int
    groups: dict[str, str | None]
    text: str
    outer_start: int  # the whole match, context words included
    outer_end: int


def _number_words_pattern() -> str:
    """'trois', 'dix-huit', 'vingt et un', 'quatre-vingt-dix', 'un', 'une'."""
    nums = json_data("number_words.json")
    word = alternation(list(nums["units"]) + list(nums["tens"]) + ["cent", "cents", "mille"])
    return rf"(?:{word})(?:(?:-et-|\s+et\s+|-|\s+)(?:{word}))*"


class Engine:
    """Every rule compiled once; ``find`` returns the matches of all of them."""

    def __init__(self) -> None:
        data = json_data("times/patterns.json")
        self.tables: dict[str, dict[str, str]] = {
            name: {cols[0].lower().replace("’", "'"): cols[1]
                   for cols in rows(f"times/normalization/{name}.tsv", min_columns=2)}
            for name in TABLES}
        # duration_units.tsv has an amount and a designator: "semestre" is 6 M.
        self.units: dict[str, tuple[float, str]] = {
            cols[0].lower(): (float(cols[1]), cols[2])
            for cols in rows("times/normalization/duration_units.tsv", min_columns=3)}
        lex = lexicon()
        self.vocab: dict[str, str] = {
            "%reMonth": alternation(lex["text_months"]),
            "%reWeekday": alternation(lex["text_weekdays"]),
            "%reNumberWords": _number_words_pattern(),
        }
        for name, value in data["vocabularies"].items():
            self.vocab[name] = value if isinstance(value, str) else alternation(value)
        for name, table in self.tables.items():
            self.vocab[f"%n:{name}"] = alternation(table)
        self.age_before = re.compile(rf"(?:(?:^|(?<![\w-]))(?:{self.vocab['%reAgeBefore']})|[,(])\s*$", re.I)
        self.rules: list[Rule] = []
        for kind in TYPES:
            for cols in rows(f"times/rules/{kind}.tsv", min_columns=4):
                name, pattern, value, example = cols[:4]
                guard = cols[4] if len(cols) > 4 else ""
                try:
                    rx = re.compile(self.expand(pattern), re.I)
                except re.error as err:
                    raise ValueError(f"lexicons/times/rules/{kind}.tsv: rule {name}: {err}") from err
                self.rules.append(Rule(name, kind.upper(), rx, value, example, guard))

    def expand(self, pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            if m.group(0) not in self.vocab:
                raise ValueError(f"unknown vocabulary {m.group(0)}")
            return f"(?:{self.vocab[m.group(0)]})"

        return _VOCAB.sub(sub, pattern)

    def find(self, text: str, pos_at: Callable[[int, int], str | None] | None = None) -> list[RuleMatch]:
        """Every rule's matches; ``pos_at(start, end)`` gives the part of speech the parse found
        there (for the ``adjective`` guard: "le salon annuel", not "le quotidien régional")."""
        out: list[RuleMatch] = []
        for rule in self.rules:
            for m in rule.pattern.finditer(text):
                if rule.guard == "not_counted" and counted_year(text, m.end()):
                    continue
                if rule.guard == "adjective" and (pos_at is None or pos_at(m.start(), m.end()) != "ADJ"):
                    continue
                if rule.guard == "not_age" and self.is_age(text, m):
                    continue
                span = m.span("extent") if "extent" in rule.pattern.groupindex else (-1, -1)
                if span[0] < 0:  # the extent group is in a branch that did not match
                    span = m.span()
                if span[0] == span[1]:
                    continue
                out.append(RuleMatch(rule, span[0], span[1], m.groupdict(), text[span[0]:span[1]],
                                     m.start(), m.end()))
        return out

    def is_age(self, text: str, m: re.Match[str]) -> bool:
        """'un homme de 38 ans', 'Léa Morin, 38 ans,': years in digits after "de" or a comma."""
        n_start = m.start("n")
        if (m.group("u") or "").lower() not in ("an", "ans") or not m.group("n").isdigit():
            return False
        if "extent" in m.re.groupindex and m.start("extent") < n_start:  # "plus de 30 ans"
            return False
        return bool(self.age_before.search(text[max(0, n_start - 12):n_start]))

    def lookup(self, table: str, word: str | None) -> str | None:
        if not word:
            return None
        return self.tables[table].get(re.sub(r"\s+", " ", word.lower().replace("’", "'")).strip())

    def check_examples(self) -> list[str]:
        """The rules whose own example they do not match (an empty list when all is well)."""
        return [f"{r.type.lower()}.tsv:{r.name}" for r in self.rules if not r.pattern.search(r.example)]


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine()


def describe() -> list[dict[str, Any]]:
    """The rules as records (name, type, value template, example), for documentation and tests."""
    return [{"name": r.name, "type": r.type, "value": r.value, "example": r.example} for r in engine().rules]
