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
import re._constants as _c  # the parsed-pattern opcodes, to derive each rule's gate
import re._parser as _parser
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.lexicon import json_data, rows
from veille.common.regexscan import FastSearch, necessary_part
from veille.common.timespans import alternation, counted_year, lexicon
from veille.times.gate_cache import GateMemo
from veille.times.guards import passes

# Each rule file and the TIMEX3 type of its rules: the present/past/future references are TIMEs.
RULE_FILES = (("date", "DATE"), ("time", "TIME"), ("reference", "TIME"), ("duration", "DURATION"),
              ("set", "SET"))
TABLES = ("approx_amounts", "context_words", "day_parts", "duration_units", "seasons", "references",
          "relative_days", "set_units", "vague_amounts", "holidays")
_VOCAB = re.compile(r"%(?:n:[a-z_]+|re[A-Za-z]+)")
_WORD_START = r"(?<![\w-])"
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# The low end of a range of ages ("de 18 à 25 ans": what is before it decides; "les 6-16 ans", "des 0
# à 6 ans" name an age group).
# "j'avais 20 ans", "elle a 45 ans", "ils ont entre 6 et 12 ans": an age ("il y a trois ans" is read by
# the date rules).
# An adverb may stand between the verb and the age: "elle n'avait pas 16 ans", "il a à peine 7 ans",
# "qui avait alors 7 ans", "il n'a que 17 ans".
_AGE_HAVE = re.compile(r"(?<![\w-])(?<!\by\s)(?:ai|as|a|avons|avez|ont|avait|avais|avaient|avions|aviez|aura|auras"
                       r"|aurons|aurez|auront|aurait|auraient|avoir|ayant|eu)\s+"
                       r"(?:(?:pas|plus|que|qu['’]|alors|déjà|à\s+peine|tout\s+juste|seulement|presque|juste|encore"
                       r"|aujourd['’]hui|désormais|maintenant|environ)\s*){0,2}(?:entre\s+)?$", re.I)
# The approximation of an age group: "les moins de 25 ans", "les enfants de moins de 5 ans" (the
# noun's role ``age_holder`` in ``context_words.tsv``).
_AGE_GROUP = re.compile(r"(?:(?<![\w-])(?P<det>les|des|aux)|(?P<noun>[^\W\d_]+)\s+(?:de|d['’]))\s*$", re.I)
_APPROX_AGE = re.compile(r"(?:moins|plus)\s+(?:de\s+|d['’])$", re.I)
# "A 30 ans, il a fondé…": at the head of a clause, "à N ans" is an age.
_AGE_AT = re.compile(r"(?:^|[.;:!?«»\"]\s*|\n)(?:à|a)\s+$", re.I)
_OF_AFTER = re.compile(r"\s+(?:de\s|d['’])", re.I)
# "de ses 7 à 22 ans": a possessive before the low end makes both ends ages.
_AGE_RANGE = re.compile(r"((?:^|(?<![\w-]))(de|d['’]|des|les|aux|entre)\s*(?:(?:ses|leurs|mes|tes|nos|vos)\s+)?)"
                        r"\d{1,3}\s*(?:à|et|-|–)\s*$", re.I)


@dataclass(frozen=True)
class Rule:
    name: str
    type: str  # DATE, TIME, DURATION or SET
    pattern: re.Pattern[str]
    value: str
    example: str
    guard: str = ""
    gate: frozenset[str] = frozenset()  # one of these must be in the lower-cased text
    # Most rules run case-sensitively on the lower-cased text: a pattern opening with a literal
    # is then searched ~50x faster than with re.I. A rule that needs the case ("(?-i:midi)",
    # Roman numerals) runs with re.I on the text as written.
    on_lowered: bool = True
    # A leading "(?<![\w-])" is checked after the search rather than in it: a pattern that opens
    # with a lookbehind is tried at every position of the text, one that opens with a word is not.
    word_start: bool = False
    # The same search, run faster (``common.regexscan``): the same matches.
    scan: FastSearch | None = None
    # A part every match holds, searched first (``regexscan.necessary_part``): a text without it
    # has no match, and its search is much cheaper than the rule's ("du lundi" for "X du lundi").
    need: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        search = (self.scan or self.pattern).search
        while (m := search(text, pos)) is not None:
            start = m.start()
            if self.word_start and start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
                pos = start + 1
                continue
            yield m
            pos = m.end() if m.end() > start else start + 1

    def search_in(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text.lower() if self.on_lowered else text), None)


def _required(items: Any) -> frozenset[str] | None:
    """Literal strings one of which any match must contain (None when none is known).

    Read from the parsed pattern: a run of literal characters outside optional parts, or one
    such string per branch of a required alternation; the most selective candidate is kept. A
    rule is only run on a text that has one (a substring test is ~100x cheaper than the scan).
    """
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        got: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            got = _required(arg[-1])
        elif op is _c.BRANCH:
            branches = [_required(b) for b in arg[1]]
            if all(branches):
                got = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
            got = _required(arg[2])
        if got:
            candidates.append(got)
    if run:
        candidates.append(frozenset([run]))
    if not candidates:
        return None
    # The longest shortest string, then the fewest; on a tie the later one ("plus tard": "tard"
    # is rarer than "plus").
    return max(reversed(candidates), key=lambda c: (min(map(len, c)), -len(c)))


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
    """'trois', 'dix-huit', 'vingt et un', 'quatre-vingt-dix', 'un', 'une'. French joins with
    "et" only the "un" and "onze" of a tens ("vingt et un", "soixante et onze"): "deux et trois
    ans" is two amounts, not one."""
    nums = json_data("number_words.json")
    word = alternation(list(nums["units"]) + list(nums["tens"]) + ["cent", "cents", "mille"])
    return rf"(?:{word})(?:(?:-et-|\s+et\s+)(?:une|un|onze)(?![\w-])|(?:-|\s+)(?:{word}))*"


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
        # zones.tsv: a place's standard UTC offset and its summer-time rule ("pékin" -> 8, none).
        self.zones: dict[str, tuple[float, str]] = {
            cols[0].lower().replace("’", "'"): (float(cols[1]), cols[2])
            for cols in rows("times/normalization/zones.tsv", min_columns=3)}
        lex = lexicon()
        self.vocab: dict[str, str] = {
            "%reMonth": alternation(lex["text_months"]),
            "%reWeekday": alternation(lex["text_weekdays"]),
            "%reNumberWords": _number_words_pattern(),
        }
        for name, value in data["vocabularies"].items():
            self.vocab[name] = value if isinstance(value, str) else alternation([w.lower() for w in value])
        for name, table in self.tables.items():
            self.vocab[f"%n:{name}"] = alternation(table)
        self.vocab["%n:zones"] = alternation(self.zones)
        self.zone_names = re.compile(rf"(?<![\w-])(?:{alternation(self.zones)})(?![\w-])")
        nums = json_data("number_words.json")
        self.number_words = frozenset([*nums["units"], *nums["tens"], "cent", "cents", "mille"])
        self.age_before = re.compile(rf"(?:(?:^|(?<![\w-]))(?:{self.vocab['%reAgeBefore']})|[,(])\s*$", re.I)
        spans = [w for w, role in self.tables["context_words"].items() if role == "span_after"]
        self.span_after = re.compile(rf"\s+(?:{alternation(spans)})(?![\w-])", re.I)
        self.age_owner = re.compile(rf"(?<![\w-])(?:{self.vocab['%reAgeOwner']})\s+$", re.I)
        self.celebrated = re.compile(rf"(?<![\w-])(?:{self.vocab['%reCelebrateVerb']})\s+(?:{self.vocab['%reAgeOwner']})\s+$",
                                     re.I)
        self.owned_years_spent = re.compile(rf"\s*(?:d['’]|(?:{self.vocab['%reAfterOwnedYears']})(?![\w-]))", re.I)
        self.rules: list[Rule] = []
        for kind, timex_type in RULE_FILES:
            for cols in rows(f"times/rules/{kind}.tsv", min_columns=4):
                name, pattern, value, example = cols[:4]
                guard = cols[4] if len(cols) > 4 else ""
                expanded = self.expand(pattern)
                on_lowered = "(?-i:" not in expanded
                word_start = expanded.startswith(_WORD_START)
                if word_start:
                    expanded = expanded[len(_WORD_START):]
                try:
                    rx = re.compile(expanded, 0 if on_lowered else re.I)
                except re.error as err:
                    raise ValueError(f"lexicons/times/rules/{kind}.tsv: rule {name}: {err}") from err
                gate = _required(_parser.parse(rx.pattern, rx.flags)) or frozenset()
                if gate and min(map(len, gate)) < 2:
                    gate = frozenset()
                self.rules.append(Rule(name, timex_type, rx, value, example, guard, gate, on_lowered,
                                       word_start, FastSearch(rx, word_start), necessary_part(rx)))

    def expand(self, pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            if m.group(0) not in self.vocab:
                raise ValueError(f"unknown vocabulary {m.group(0)}")
            return f"(?:{self.vocab[m.group(0)]})"

        # "aujourd'hui" in a rule matches the typographic apostrophe too.
        return _APOSTROPHE.sub("['’]", _VOCAB.sub(sub, pattern))

    def find(self, text: str, doc: Any = None) -> list[RuleMatch]:
        """Every rule's matches; ``doc`` is the parse of the text, for the guards of
        ``veille.times.guards`` ("le salon annuel", not "le quotidien régional")."""
        out: list[RuleMatch] = []
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # move
        low = lowered.replace("’", "'")
        # Which gate strings the text holds, each looked up once and only when asked (``gate_cache``).
        present = GateMemo(low)
        for rule in self.rules:
            if rule.gate and not present.holds_one(rule.gate):
                continue
            scanned = lowered if rule.on_lowered else text
            if rule.need is not None and rule.need.search(scanned) is None:
                continue
            for m in rule.finditer(scanned):
                if rule.guard and not all(self.kept(g, text, m, doc) for g in rule.guard.split(",")):
                    continue
                span = m.span("extent") if "extent" in rule.pattern.groupindex else (-1, -1)
                if span[0] < 0:  # the extent group is in a branch that did not match
                    span = m.span()
                if span[0] == span[1]:
                    continue
                out.append(RuleMatch(rule, span[0], span[1], m.groupdict(), text[span[0]:span[1]],
                                     m.start(), m.end()))
        return out

    def gate_words(self) -> frozenset[str]:
        """Every rule's gate strings (the union is rebuilt when the rule list changes)."""
        key = tuple(id(r) for r in self.rules)
        if getattr(self, "_gate_key", None) != key:
            self._gate_key = key
            self._gate_words: frozenset[str] = frozenset().union(*(r.gate for r in self.rules))
        return self._gate_words

    def kept(self, guard: str, text: str, m: re.Match[str], doc: Any) -> bool:
        """Whether a match passes one guard of its rule (a rule may name several, "not_age,unit_noun")."""
        if guard == "not_counted":
            return not counted_year(text, m.end())
        if guard == "not_age":
            return not self.is_age(text, m)
        if guard == "opens_sentence":
            return opens_sentence(text, m.start(), m.end())
        return passes(guard, m, doc, self.tables["context_words"])

    def is_age(self, text: str, m: re.Match[str]) -> bool:
        """'un homme de 38 ans', 'Léa Morin, 38 ans,', 'une femme d'une quarantaine d'années': years
        after "de" or a comma; not 'une peine de 10 ans', '15 ans de réclusion' (``context_words``)."""
        amount, unit = m.group("n").lower(), (m.group("u") or "").lower()
        approx = self.tables["approx_amounts"].get(amount)
        counted = amount.isdigit() or all(w in self.number_words for w in re.split(r"[\s-]+", amount) if w != "et")
        if approx is None and (unit not in ("an", "ans") or not counted):
            return False
        if approx is not None and unit not in ("ans", "années"):
            return False
        start = m.start("extent") if "extent" in m.re.groupindex else m.start()
        if approx is None and start < m.start("n"):  # "plus de 30 ans", unless an age group
            # "il a aujourd'hui plus de 70 ans", "elles ont au moins 30 ans": an approximate age
            # after "avoir" (not "il a plus de 20 ans de carrière").
            if _AGE_HAVE.search(text[max(0, start - 40):start]) and not _OF_AFTER.match(text, m.end()):
                return True
            return self._age_group(text, m, start)
        roles = self.tables["context_words"]
        after = re.findall(r"[\w']+", text[m.end():m.end() + 20].lower().replace("’", "'"))
        if after and (roles.get(after[0]) == "sentence_after" or roles.get(" ".join(after[:2])) == "sentence_after"):
            return False
        # "La salle a rouvert, deux ans après l'incendie": the span between two events.
        if self.span_after.match(text, m.end()):
            return False
        before = text[max(0, start - 40):start]
        low_range = _AGE_RANGE.search(before)  # "les jeunes de 18 à 25 ans"
        if low_range:
            if low_range.group(2).lower() in ("des", "les", "aux") or re.search(r"\s\w+\s+$", low_range.group(1)):
                return True
            before = before[:low_range.start() + len(low_range.group(1))]
        # "il avait 20 ans", "A 30 ans, il"; not the years "of" something: "il a encore 5 ans de mandat".
        if (_AGE_HAVE.search(before) or _AGE_AT.search(before)) and not _OF_AFTER.match(text, m.end()):
            return True
        # "le club fêtera ses vingt ans": an anniversary; "ses dix ans de mandat" stays a duration.
        if approx is None and self.age_owner.search(before) and (
                self.celebrated.search(before) or not self.owned_years_spent.match(text, m.end())):
            return True
        if not self.age_before.search(before[-12:]):
            return False
        # "Marc Ollier, vingt ans de mandat, …": after a comma, years "of" something are its length.
        if before.rstrip().endswith((",", "(")) and _OF_AFTER.match(text, m.end()):
            return False
        head = re.search(r"([^\W\d_]+)\s+(?:de|d['’])\s*$", before)
        return not (head and roles.get(head.group(1).lower()) == "sentence")

    def _age_group(self, text: str, m: re.Match[str], start: int) -> bool:
        """'les moins de 25 ans', 'les enfants de moins de 5 ans': an age group (not 'depuis plus de
        30 ans', 'une peine de plus de 10 ans', nor years of something: 'les plus de 30 ans de carrière')."""
        if not _APPROX_AGE.search(text[start:m.start("n")]) or (m.group("u") or "").lower() not in ("an", "ans"):
            return False
        if _OF_AFTER.match(text, m.end()):
            return False
        group = _AGE_GROUP.search(text[max(0, start - 40):start])
        if group is None:
            return False
        noun = group.group("noun")
        return noun is None or self.tables["context_words"].get(noun.lower()) == "age_holder"

    def lookup(self, table: str, word: str | None) -> str | None:
        if not word:
            return None
        return self.tables[table].get(re.sub(r"\s+", " ", word.lower().replace("’", "'")).strip())

    def check_examples(self) -> list[str]:
        """The rules whose own example they do not match (an empty list when all is well)."""
        return [f"{r.type.lower()}.tsv:{r.name}" for r in self.rules if not r.search_in(r.example)]


_NAME_AFTER = re.compile(r"\s+(?:\d|[A-ZÉÈÀÂÎÔ])|\s*[-–]\s*[A-ZÉ]")


def opens_sentence(text: str, start: int, end: int) -> bool:
    """A capitalised word opening a sentence or a line ("Juillet a été sec."), not followed by a
    capitalised word or a number (a first name, "Mai Nguyen"; a date read elsewhere, "Mai 68")."""
    if not text[start:start + 1].isupper() or _NAME_AFTER.match(text, end):
        return False
    return start == 0 or text[start - 1] == "\n" or (start >= 2 and text[start - 1] == " " and text[start - 2] in ".!?»:;")


@lru_cache(maxsize=1)
def engine() -> Engine:
    return Engine()


def describe() -> list[dict[str, Any]]:
    """The rules as records (name, type, value template, example), for documentation and tests."""
    return [{"name": r.name, "type": r.type, "value": r.value, "example": r.example} for r in engine().rules]
