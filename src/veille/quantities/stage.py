"""Quantities: counts of the things that matter (people, forces, weapons, money, percentages).

A quantity is a number (digits with French separators ``100 000`` / ``100.000`` / ``100 000``,
a decimal comma, or words: ``trois``, ``vingt-huit``, ``une centaine``), an optional scale
(``milliards``, ``millions``, ``Md``), then what it counts:

* money: a currency of ``lexicons/currencies.tsv`` after the number (``19 milliards de dollars``,
  ``1,5 million d'euros``, ``10 M€``) or its sign before it (``$5``); ``unit`` is the ISO code;
* a percentage: ``12 %``, ``12 pour cent``; ``unit`` is ``%``;
* a noun phrase read on the shared parse: the noun and its modifiers as written (``avions de
  chasse``, ``pièces d'artillerie``, ``plates-formes blindées``). Digits count before any noun but the
  ``skip`` nouns of ``lexicons/units.tsv`` (durations, ages, times of day: ``deux jours``,
  ``45 ans``); numbers in words count before a ``count`` noun (people, forces, weapons), and before
  any other plural noun when that noun phrase is a subject or an object (``Treize membres ont
  voté``) or follows an approximation (``une vingtaine de responsables``), but not after a
  determiner (``les deux parties``) nor before a ``skip`` noun (``trois choses``, ``deux fois``);
* ``26 autres`` after a counted noun (``sept civils et blessé 26 autres``): the number counts, with
  the noun counted before it in the sentence as unit;
* nothing readable: a bare number in digits still counts after an approximation cue
  (``plus de 46 000 ...``), with the first noun close after it as unit when there is one; after
  a money amount when its scale is written out (``un budget de 1,2 milliard``); as the second count
  of a tally (``312 voix contre 198``); in ``ils étaient 300 à manifester``; as either bound of a
  change (``sont passées de 3 600 à 357``, verbs of ``units.tsv`` kind ``change``); at a clause end
  after ``en`` + verb (``en blesser trois``). A capitalised plural naming inhabitants
  (``40 000 Ukrainiens``) is a counted noun; ``les deux hommes`` refers to people already named.

Never quantities: dates and years (anything ``veille.times`` reads as a time, and a day before a
month name), times of day
(``14h30``, ``14:30``), ordinals (``1er``, ``2e``), labels (``article 5``, ``âgé de 45``), codes glued
to letters (``G20``, ``F-16``, ``COVID-19``), vague plurals (``des centaines de milliers``), and a
lone ``un``/``une``. ``une centaine de soldats`` is 100 (``une dizaine`` 10, ``un millier`` 1000):
documented approximation, the value the text gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from veille.common.dates import month_number
from veille.common.regexscan import with_first_chars
from veille.common.timespans import find_matches
from veille.model import Article, Quantity
from veille.quantities.currency import localise_currencies
from veille.quantities.elided import elided_count
from veille.quantities.nouns import noun_kind
from veille.quantities.numbers import (  # noqa: F401  (parse_number, parse_words: the stage's public parser)
    APOS,
    DIGITS,
    SPACES,
    Lexicon,
    _alt,
    _plain,
    digit_scales,
    lexicon,
    parse_number,
    parse_words,
    percent_marks,
    scale_value,
)
from veille.quantities.proportions import find_proportions, round_total
from veille.quantities.records import remember
from veille.quantities.relations import relation_sides

# -- patterns --------------------------------------------------------------------------------

class Patterns:
    def __init__(self) -> None:
        lex = lexicon()
        nums = lex.numbers
        word_forms = list(nums["units"]) + list(nums["tens"]) + nums["hundreds"] + nums["thousands"]
        w = _alt(word_forms)
        self.digits = re.compile(
            rf"(?<![\w.,\-/])(?P<num>{DIGITS})(?P<glued>(?:Mds?|Mrds?|Md|M|k)?[€$£%])?(?![\w]|[:h]\d)")
        after_tens = "(?:" + "|".join(f"(?<={t})" for t in nums["tens"]) + ")"
        # "et" joins number words only after a ten and before "un"/"une"/"onze" ("vingt et un", "soixante et onze"):
        # "entre deux et trois soldats" is two numbers, a range.
        self.words = re.compile(rf"(?<![\w\-])(?P<num>(?:{w})(?:(?:{after_tens}(?:\s+et\s+|-et-)(?=(?:un|une|onze)(?![\w]))|-|\s+)"
                                rf"(?:{w}))*)(?![\w\-])", re.I)
        # After a definite determiner the span starts at the noun ("la centaine de soldats déployés").
        self.approx = re.compile(rf"(?<![\w\-])(?:une?|quelque|(?P<definite>la|cette|sa|leur))\s+"
                                 rf"(?P<approx>{_alt(nums['approximate'])})(?![\w])", re.I)
        # The three scans of the whole text, behind a look-ahead on their first characters (the
        # same matches, found faster: ``common.regexscan``).
        self.digits, self.words, self.approx = map(with_first_chars, (self.digits, self.words, self.approx))
        scales = list(nums["scales"]) + list(nums["scale_abbreviations"]) + list(digit_scales())
        self.scale = re.compile(rf"[{SPACES}]*(?P<scale>{_alt(scales)})(?![\w])", re.I)
        self.de = re.compile(rf"[{SPACES}]+(?:de|d{APOS})[{SPACES}]*", re.I)
        self.currency = re.compile(rf"[{SPACES}]*(?P<cur>{_alt(lex.currencies)})(?![\w])", re.I)
        marks = "|".join(r"\s*".join(re.escape(w) for w in form.split()) for form in percent_marks())
        self.percent = re.compile(rf"[{SPACES}]*(?P<pc>{marks})(?![\w])", re.I)
        # A sign or an ISO code before the number ("$5", "CHF 3 millions", "USD 10 milliards").
        codes = sorted({c for c in lex.currencies.values() if re.fullmatch(r"[A-Z]{3}", c)})
        self.sign_before = re.compile(rf"(?P<sign>[$€£]|US\$|(?<![\w])(?:{'|'.join(codes)}))[ \u00a0\u202f]?$")
        befores = [k for k, v in lex.kinds.items() if v == "before"]
        self.label_before = re.compile(rf"(?<![\w])(?:{_alt(befores)})(?:[{SPACES}]+(?:de|d{APOS}))?[{SPACES}]*$", re.I)
        approx = [k for k, v in lex.kinds.items() if v == "approx"]
        self.cue_before = re.compile(rf"(?<![\w])(?:{_alt(approx)})[{SPACES}]*$", re.I)
        others = [k for k, v in lex.kinds.items() if v == "other"]
        self.other = re.compile(rf"[{SPACES}]+(?P<other>{_alt(others)})(?![\w\-])", re.I)
        self.other_end = re.compile(rf"[{SPACES}]+(?:{_alt(others)})$", re.I)
        dets = [k for k, v in lex.kinds.items() if v == "determiner"]
        self.determiner_before = re.compile(rf"(?<![\w])(?:{_alt(dets)})[{SPACES}]+$", re.I)
        # "les deux hommes", "ces trois otages": a definite determiner makes a number in words a
        # reference to people already named, even before a counted noun.
        self.definite_before = re.compile(rf"(?<![\w])(?:les|ces|ses|leurs|nos|vos|mes|tes)[{SPACES}]+$", re.I)
        changes = [k for k, v in lex.kinds.items() if v == "change"]
        self.change_from = re.compile(rf"(?<![\w])(?:{_alt(changes)})[{SPACES}]+de[{SPACES}]+$", re.I)
        self.change_to = re.compile(rf"(?<![\w])(?:{_alt(changes)})[{SPACES}]+de[{SPACES}]+(?:{DIGITS})"
                                    rf"(?:[{SPACES}]+(?:{_alt(scales)}))?"
                                    rf"[{SPACES}]+à[{SPACES}]+$", re.I)
        copulas = [k for k, v in lex.kinds.items() if v == "copula"]
        self.copula_before = re.compile(rf"(?<![\w])(?:{_alt(copulas)})[{SPACES}]+(?:(?:{_alt(approx)})[{SPACES}]*"
                                        rf"|(?:plus|près|moins)[{SPACES}]+d{APOS}[{SPACES}]*)?$", re.I)
        amounts = [k for k, v in lex.kinds.items() if v == "amount"]
        self.amount_before = re.compile(rf"(?<![\w])(?:{_alt(amounts)})(?:[{SPACES}]+[^\W\d_]+)?[{SPACES}]+"
                                        rf"(?:(?:de|à)[{SPACES}]+|d{APOS})?(?:(?:{_alt(approx)})[{SPACES}]*"
                                        rf"|(?:plus|près|moins)[{SPACES}]+d{APOS}[{SPACES}]*)?$", re.I)
        # "d'en blesser trois", "il en a tué cinq": the pronoun "en" stands for the counted noun.
        self.en_verb_before = re.compile(rf"(?<![\w])en[{SPACES}]+(?:(?:a|ont|avait|avaient|aurait|auraient)"
                                         rf"[{SPACES}]+)?[^\W\d_]{{3,}}[{SPACES}]+$", re.I)
        self.clause_end = re.compile(rf"[{SPACES}]*(?:[,.;:!?)]|$)")
        self.a_verb_after = re.compile(rf"[{SPACES}]+à[{SPACES}]+[^\W\d_]", re.I)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    return Patterns()


# -- the stage -------------------------------------------------------------------------------

@dataclass
class Number:
    start: int
    end: int
    value: Decimal
    digits: bool
    approx: bool = False


def find_numbers(text: str) -> list[Number]:
    """Every number of the text (digits, words, ``une centaine``), with any scale applied."""
    pats = patterns()
    nums = lexicon().numbers
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in pats.approx.finditer(text):
        if m.group("definite") and not pats.de.match(text, m.end()):
            continue  # "la quarantaine imposée" (a quarantine): after "la", only "la quarantaine de …" counts
        value = Decimal(nums["approximate"][m.group("approx").lower()])
        start = m.start("approx") if m.group("definite") else m.start()
        found.append(Number(start, m.end(), value, digits=False, approx=True))
        taken.append((start, m.end()))
    for m in pats.digits.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        end = m.end("num")
        found.append(Number(m.start(), end, Decimal(str(value)), digits=True))
    for m in pats.words.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = parse_words(m.group("num"))
        if value is None:
            continue
        found.append(Number(m.start(), m.end(), Decimal(value), digits=False))
    # A scale right after the number multiplies it ("19 milliards", "un million").
    for n in found:
        sm = pats.scale.match(text, n.end)
        if sm:
            scale = scale_value(sm.group("scale"), n.digits)
            glued = sm.start("scale") == n.end
            abbrev = sm.group("scale").lower() in nums["scale_abbreviations"]
            # Abbreviations ("Md", "M", "k") scale only money: "10 M€", "2 Mds de dollars".
            money_after = bool(pats.currency.match(text, (pats.de.match(text, sm.end()) or sm).end()))
            if abbrev and (not n.digits or not money_after or (sm.group("scale") in ("m", "k") and not glued)):
                scale = None
            if scale:
                n.value *= scale
                n.end = sm.end()
    # A number word a scale took ("12 mille") is no number of its own.
    found = [m for m in found if not any(n.start < m.start < n.end for n in found)]
    found.sort(key=lambda n: n.start)
    return found


# Dependency roles of a noun phrase that is counted when a number in words comes before it.
COUNTED_ROLES = frozenset({"nsubj", "nsubj:pass", "obj", "appos"})


class QuantityStage:
    name = "quantities"
    requires = ("title", "paragraphs", "foreign")
    assigns = ("quantities",)

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.lex = lexicon()
        self.pats = patterns()

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        text = article.nlp_text()  # == doc.text, which spaCy rebuilds on every access
        token_at = _TokenAt(doc)
        dates = [(m.start, m.end) for m in find_matches(text) if m.kind in ("date", "numeric", "month", "year")]
        out: list[Quantity] = []
        seen: dict[tuple, Quantity] = {}
        shares = [p for p in find_proportions(text, token_at.get) if not article.in_foreign(p.start, p.end)]
        numbers = find_numbers(text)
        for k, n in enumerate(numbers):
            if any(a < n.end and n.start < b for a, b in dates) and not self.money_or_share(text, n) \
                    or article.in_foreign(n.start, n.end):
                continue
            if any(p.start <= n.start < p.end for p in shares):
                continue  # "9 Français sur 10" is one proportion
            q = self.read(text, n, token_at)
            if q is None or q.unit is None and not pats_other(self.pats, q.text) or q.end == n.end and q.unit != "%":
                # "de 455 à 540 militaires", "entre 25 000 et 50 000 tonnes": the first bound of a
                # range counts what the second counts.
                q = self.range_head(text, n, numbers[k + 1] if k + 1 < len(numbers) else None, token_at) or q
            if q is None and n.digits and out:
                q = self.vote_count(text, n, out[-1])
            if q is None and n.digits:
                q = self.out_of(text, n, numbers[k - 1] if k else None, numbers[k + 1] if k + 1 < len(numbers) else None,
                                out[-1] if out else None)
            if q is None and n.digits:  # "4 770 personnes ont été interpellées, 4 402 placées en garde à vue"
                q = elided_count(text, n.start, n.end, _plain(n.value), out[-1] if out else None,
                                 token_at.get(_skip_space(text, n.end)))
            if q is None:
                continue
            if q.unit is None and pats_other(self.pats, q.text):
                # "blessé 26 autres": the noun counted just before in the same sentence.
                prev = out[-1] if out else None
                between = text[prev.end:q.start] if prev is not None else ""
                if prev is not None and prev.unit and len(between) < 120 and not re.search(r"[.!?]\s", between):
                    q.unit = prev.unit
            remember(q, seen, out)  # the same quantity again is one entry with every occurrence
        for p in shares:
            remember(Quantity(text=text[p.start:p.end], value=p.value, unit="%", start=p.start, end=p.end), seen, out)
        out.sort(key=lambda q: q.start if q.start is not None else 0)
        localise_currencies(out, text, article.source.site)  # "dinars" in a Tunisian context: TND
        article.quantities = out

    def read(self, text: str, n: Number, token_at: _TokenAt) -> Quantity | None:
        """What the number counts, as a Quantity, or None when it is no quantity of interest."""
        pats, lex = self.pats, self.lex
        before = text[max(0, n.start - 30):n.start]
        if pats.label_before.search(before):
            return None
        if n.digits and _month_after(text, n.end):
            return None  # "ce mardi 2 décembre": a day of the month the date scan left out
        value = _plain(n.value)
        if n.digits and n.value == 0 and not self.pats.percent.match(text, n.end):
            return None  # "0 articles", "0 €", "0 réactions": a page's counters; the press writes "aucun"
        if not n.digits and not n.approx and value < 2 and n.value == int(n.value):
            # "un"/"une" alone are articles; only a scale makes them a number ("un million").
            if text[n.start:n.end].lower() in ("un", "une"):
                return None
        if not n.digits and not n.approx and relation_sides(text, n.start, n.end):
            return None  # "l'union entre deux personnes": the sides of a relation, not a count
        # Money, with the sign before ("$5 millions") or the currency after.
        sign = pats.sign_before.search(before)
        if sign and n.digits:
            code = lex.currencies.get(sign.group("sign").lower()) or sign.group("sign")
            return Quantity(text=text[sign.start() + n.start - len(before):n.end], value=value, unit=code,
                            start=n.start - len(before) + sign.start(), end=n.end)
        glued = pats.digits.match(text, n.start)
        if glued and glued.group("glued") and glued.end() >= n.end:
            mark = glued.group("glued")[-1]
            unit = "%" if mark == "%" else lex.currencies.get(mark)
            end = glued.end()
            return Quantity(text=text[n.start:end], value=value, unit=unit, start=n.start, end=end)
        pos = n.end
        pm = pats.percent.match(text, pos)
        if pm:
            return Quantity(text=text[n.start:pm.end()], value=value, unit="%", start=n.start, end=pm.end())
        de = pats.de.match(text, pos)
        after_de = de.end() if de else pos
        cm = pats.currency.match(text, after_de)
        if cm and (de or after_de == pos):
            unit = lex.currencies[re.sub(r"\s+", " ", cm.group("cur").lower().replace("’", "'"))]
            return Quantity(text=text[n.start:cm.end()], value=value, unit=unit, start=n.start, end=cm.end())
        # "26 autres", "deux autres diplomates": "autres" stands for (or precedes) the counted noun.
        om = pats.other.match(text, pos)
        if om:
            np = self.noun_phrase(text, om.end(), token_at)
            if np is None:
                # The unit is the noun counted just before in the sentence (set by the stage).
                return Quantity(text=text[n.start:om.end()], value=value, unit=None,
                                start=n.start, end=om.end())
            pos = om.end()
        # A scaled number or an approximation takes "de" before its noun ("une centaine de soldats"),
        # as do millions in digits ("30 000 000 de francs": "million" is a noun).
        noun_pos = after_de if de and (n.approx or _scaled(text, n) or _round_millions(n)) else pos
        np = self.noun_phrase(text, noun_pos, token_at, capitals=noun_pos != pos)
        if np is not None:
            head, np_end = np
            kind = noun_kind(lex.kinds, head) or ("count" if _DEMONYM.fullmatch(head) else None)
            if kind == "skip":
                return None
            if not n.digits and kind == "count" and pats.definite_before.search(text[max(0, n.start - 12):n.start]):
                return None  # "les deux hommes": people already named, not a new count
            if not n.digits and kind != "count" and not _scaled_word(text, n) \
                    and not self.counted(text, n, token_at.get(_skip_space(text, noun_pos))):
                return None
            return Quantity(text=text[n.start:np_end], value=value, unit=text[_skip_space(text, noun_pos):np_end],
                            start=n.start, end=np_end)
        bare = Quantity(text=text[n.start:n.end], value=value, unit=None, start=n.start, end=n.end)
        if pats.copula_before.search(before) and pats.a_verb_after.match(text, n.end):
            return bare  # "ils étaient 300 à manifester", "elles sont une trentaine à signer"
        if value >= 2 and pats.en_verb_before.search(before) and pats.clause_end.match(text, n.end):
            return bare  # "un second citoyen tué, en plus d'en blesser trois"
        if n.digits and (_scaled_word(text, n) or _round_millions(n)) \
                and pats.amount_before.search(text[max(0, n.start - 45):n.start]):
            return bare  # "un budget de 1,2 milliard", "une économie attendue de 7 millions" (or "de 7 000 000")
        wide = text[max(0, n.start - 60):n.start]
        if n.digits and n.value == int(n.value) and (pats.change_to.search(wide) or pats.change_from.search(wide) and _RANGE_TO.match(text, n.end)):
            return bare  # "les admissions sont passées de 3 600 à 357": both bounds count
        cue = pats.cue_before.search(before) if n.digits else None
        if cue is None:
            return None
        # A bare number after "plus de", "près de"...: it counts; a noun close after is its unit.
        near = self.near_noun(text, pos, token_at)
        if near is not None:
            head, s, e = near
            if lex.kinds.get(head.lower()) == "skip":
                return None
            return Quantity(text=text[n.start:n.end], value=value, unit=text[s:e], start=n.start, end=n.end)
        if _ENTRE.match(cue.group(0)):
            return None  # "entre 0 et 100", "entre 13 et 15 °C": a bound counts only with its range
        return Quantity(text=text[n.start:n.end], value=value, unit=None, start=n.start, end=n.end)

    def money_or_share(self, text: str, n: Number) -> bool:
        """A currency or a percentage mark right after the number ("une amende de 2000 €"): an
        amount, not the year the calendar scan read in it."""
        pats = self.pats
        glued = pats.digits.match(text, n.start)
        return bool(n.digits and (glued and glued.group("glued") or pats.percent.match(text, n.end)
                                  or pats.currency.match(text, n.end)))

    def vote_count(self, text: str, n: Number, prev: Quantity) -> Quantity | None:
        """The second count of a tally ("adoptée par 331 voix contre 225"): the number after
        "contre" right behind a counted quantity counts the same thing."""
        if prev.unit is None or prev.end is None or not _AGAINST.fullmatch(text, prev.end, n.start):
            return None
        return Quantity(text=text[n.start:n.end], value=_plain(n.value), unit=prev.unit, start=n.start, end=n.end)

    def out_of(self, text: str, n: Number, prev: Number | None, nxt: Number | None,
               last: Quantity | None) -> Quantity | None:
        """Both numbers of a count out of a total that is not round ("adoptée par 69 sur 74", "122
        sièges sur 230"; over a round total it is a share, ``veille.quantities.proportions``'): the count, and
        the total with the count's unit. Digits only; None when the numbers are not such a pair."""
        value = _plain(n.value)
        if nxt is not None and nxt.digits and nxt.value > n.value and _OUT_OF.fullmatch(text, n.end, nxt.start):
            return None if _share_total(nxt.value) else Quantity(text=text[n.start:n.end], value=value, unit=None,
                                                           start=n.start, end=n.end)
        if prev is None or not prev.digits or prev.value >= n.value or _share_total(n.value) \
                or not _OUT_OF_WORDS.fullmatch(text, prev.end, n.start):
            return None
        unit = last.unit if last is not None and last.start == prev.start else None
        return Quantity(text=text[n.start:n.end], value=value, unit=unit, start=n.start, end=n.end)

    def range_head(self, text: str, n: Number, nxt: Number | None, token_at: _TokenAt) -> Quantity | None:
        """The first bound of a range ("de 455 à 540 militaires", "de quatre à six destroyers",
        "entre 25 000 et 50 000 tonnes", "deux ou trois chars") with the unit of the second; its
        text is the number alone. None when the next number is not the range's other bound or
        counts nothing."""
        if nxt is None or text[n.start:n.end].lower() in ("un", "une"):
            return None  # "une ou deux filles": the article, not a bound
        rm = _RANGE_TO.match(text, n.end)
        if rm is None or _skip_space(text, rm.end()) != nxt.start:
            return None
        if rm.group("link").lower() == "et" and not _RANGE_FROM_ENTRE.search(text[max(0, n.start - 8):n.start]):
            return None  # "12 morts et 40 blessés" is two counts; only "entre … et …" is a range
        second = self.read(text, nxt, token_at)
        if second is None or second.unit is None or second.unit == "%" and n.digits != nxt.digits:
            return None
        value = _plain(n.value)
        if value >= _plain(nxt.value) and not _scaled(text, nxt):
            return None  # "1 à 0", "3 ou 2": a score or a choice, not a range
        scale = _SCALE_WORD.search(text, nxt.start, nxt.end)
        if scale and not _scaled(text, n):
            # "entre 3 et 5 millions de personnes": the first bound shares the second's scale.
            value = _plain(n.value * (scale_value(scale.group(0), nxt.digits) or 1))
        return Quantity(text=text[n.start:n.end], value=value, unit=second.unit, start=n.start, end=n.end)

    def counted(self, text: str, n: Number, noun: Any) -> bool:
        """A number in words before a noun outside the lexicon: a count when the noun is plural
        and the phrase is a subject or an object ("Treize membres ont voté", "a libéré trois
        otages"), or after an approximation ("une vingtaine de responsables"). Not after a
        determiner ("les deux parties", "ses trois fils" refer to known things), nor in an
        adverbial ("en trois temps", "dans deux villes")."""
        if noun is None or noun.pos_ != "NOUN" or "Plur" not in noun.morph.get("Number"):
            return False
        if n.approx:
            return True
        if self.pats.determiner_before.search(text[max(0, n.start - 12):n.start]):
            return False
        dep = noun.head.dep_ if noun.dep_ == "conj" else noun.dep_
        return dep in COUNTED_ROLES

    # -- noun phrases on the parse ------------------------------------------------------------

    def noun_phrase(self, text: str, pos: int, token_at: _TokenAt, capitals: bool = False) -> tuple[str, int] | None:
        """(head noun, end offset) of the noun phrase starting at pos, None when there is none.

        ``capitals``: after "de" ("8 millions d'Ukrainiens") a capitalised people's name counts.
        """
        tok = token_at.get(_skip_space(text, pos))
        if tok is None:
            return None
        demonym = bool(_DEMONYM.fullmatch(tok.text)) and tok.i + 1 < len(tok.doc) \
            and not tok.doc[tok.i + 1].text[:1].isupper()
        if not demonym and not _nounish(tok, self.lex) and not (capitals and tok.is_title and tok.pos_ in ("NOUN", "PROPN")
                                                 and tok.text.endswith(("s", "x"))):
            return None
        head_text, last = _word(tok, text)
        end = last.idx + len(last.text)
        doc = tok.doc
        i = last.i + 1
        # Adjectives after the noun ("blindées"), at most two.
        adjs = 0
        while i < len(doc) and adjs < 2 and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
            _, last = _word(doc[i], text)
            end, i, adjs = last.idx + len(last.text), last.i + 1, adjs + 1
        # One "de"/"d'" complement without a determiner ("avions de chasse", "pièces d'artillerie").
        if i + 1 < len(doc) and doc[i].lower_ in ("de", "d'", "d’") and doc[i + 1].pos_ == "NOUN" \
                and doc[i + 1].text[:1].islower() and self.lex.currencies.get(doc[i + 1].lower_) is None:
            _, last = _word(doc[i + 1], text)
            end, i = last.idx + len(last.text), last.i + 1
            if i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].text[:1].islower():
                end, i = doc[i].idx + len(doc[i].text), i + 1
        # A model or type name right after the noun ("missiles Iskander", "systèmes IRIS-T",
        # "avions de combat F-16"): one capitalised word, whatever its tag (the parse often
        # takes such names for verbs or common nouns).
        if i < len(doc) and doc[i - 1].whitespace_ and doc[i].text[:1].isupper() and not doc[i].is_punct:
            name = _MODEL_NAME.match(text, doc[i].idx)  # on the text: "IRIS-T." splits oddly
            if name:
                end = name.end()
        return head_text, end

    def near_noun(self, text: str, pos: int, token_at: _TokenAt) -> tuple[str, int, int] | None:
        """The first noun phrase within four tokens after pos, before any punctuation."""
        tok = token_at.get(_skip_space(text, pos))
        if tok is None:
            return None
        doc = tok.doc
        for i in range(tok.i, min(tok.i + 4, len(doc))):
            t = doc[i]
            if t.is_punct and t.text != "-":
                return None
            if t.pos_ == "NOUN" and t.text[:1].islower():
                np = self.noun_phrase(text, t.idx, token_at)
                if np:
                    s = t.idx
                    # Take in a hyphenated start the parse split off ("plates" "-" "formes").
                    return np[0], s, np[1]
        return None


def pats_other(pats: Patterns, text: str) -> bool:
    """True when the quantity's text ends on "autres" (the counted noun is left implicit)."""
    return bool(pats.other_end.search(" " + text))


class _TokenAt:
    """The token starting at a character offset, or None (looked up only where a number is)."""

    def __init__(self, doc) -> None:
        self.doc = doc

    def get(self, pos: int):
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span) or span[0].idx != pos:
            return None
        return span[0]


# Between the bounds of a range: "à", "ou", "et" (after "entre"), maybe an approximation of the
# second bound ("de 40 000 à plus de 300 000 soldats").
_RANGE_TO = re.compile(rf"[{SPACES}]+(?P<link>à|ou|et)[{SPACES}]+(?:(?:plus|près|moins)[{SPACES}]+"
                       rf"(?:de[{SPACES}]+|d{APOS})|quelque[{SPACES}]+|environ[{SPACES}]+)?", re.I)
_RANGE_FROM_ENTRE = re.compile(r"(?<!\w)entre\s+$", re.I)
_ENTRE = re.compile(r"entre\b", re.I)
# Between a count and its total: "69 sur 74", or with the count's noun "122 sièges sur 230".
_OUT_OF = re.compile(rf"[{SPACES}]+sur[{SPACES}]+", re.I)
_OUT_OF_WORDS = re.compile(rf"[{SPACES}]+(?:[^\W\d_][\w'’-]*[{SPACES}]+){{0,2}}sur[{SPACES}]+", re.I)
_MODEL_NAME = re.compile(r"[^\W\d_][\w]*(?:-\w+)*")


# A capitalised plural naming inhabitants ("21 Lyonnais", "trois Ultramarins", "40 000 Américains").
_DEMONYM = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:ains|ins|iens|ens|ais|ois|ands|ards|ites|ols|ots|ons|aines|iennes|aises"
                      r"|oises|andes)")
_SCALE_WORD = re.compile(r"(?i)(?:million|milliard|billion)s?$")
_AGAINST = re.compile(rf"[{SPACES}]+contre[{SPACES}]+", re.I)


def _share_total(value: Decimal) -> bool:
    """A total that makes a share ("1 sur 2", "9 sur 10"), or that is no whole count ("sur 2,5")."""
    return value != int(value) or round_total(int(value))


def _month_after(text: str, pos: int) -> bool:
    m = re.compile(rf"[{SPACES}]+([^\W\d_]{{3,10}})").match(text, pos)
    return bool(m) and month_number(m.group(1)) is not None


def _scaled_word(text: str, n: Number) -> bool:
    """The number ends on a scale written out ("1,2 milliard", "trois millions")."""
    return bool(_SCALE_WORD.search(text, n.start, n.end))


def _scaled(text: str, n: Number) -> bool:
    return bool(re.search(r"(?i)(?:million|milliard|billion|md|mds|mrd|mrds|mn|mns|m|k)s?$", text[n.start:n.end]))


def _round_millions(n: Number) -> bool:
    """A number in digits that is a whole number of millions ("30 000 000")."""
    return n.digits and n.value >= 10**6 and n.value % 10**6 == 0


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SPACES:
        pos += 1
    return pos


def _nounish(tok, lex: Lexicon) -> bool:
    if not tok.text[:1].isalpha() or not tok.text[:1].islower():
        return False
    if tok.pos_ == "NOUN":
        return True
    # The parse often tags "morts", "blessés", "blindés" as adjectives or participles.
    return lex.kinds.get(tok.lower_) in ("count", "skip") and tok.pos_ in ("ADJ", "VERB", "PROPN", "NUM", "ADV")


def _word(tok, text: str):
    """The whole hyphenated word starting at tok ("plates-formes", "lance-roquettes")."""
    doc = tok.doc
    last = tok
    while last.i + 2 < len(doc) and last.whitespace_ == "" and doc[last.i + 1].text == "-" \
            and doc[last.i + 1].whitespace_ == "" and doc[last.i + 2].is_alpha:
        last = doc[last.i + 2]
    while last.i + 1 < len(doc) and last.whitespace_ == "" and doc[last.i + 1].text.startswith("-") \
            and doc[last.i + 1].text[1:].isalpha():
        last = doc[last.i + 1]
    return text[tok.idx:last.idx + len(last.text)], last
