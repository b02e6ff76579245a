"""Resolution of the calendar matches (``veille.common.timespans``) against the article's date.

Everything is resolved against the article's own date (``published``, else the dateline's date):

* ``le 24 mars`` / ``6 avr.`` / ``mardi 15 mars 2022``: a full date. Without a year, the year of the
  article, moved one year back when a past-tense verb points before the article date (or one year
  on for a future tense), or when the date lies more than ~7 months from the article date.
* ``fin février``, ``en juin``: month precision, ``YYYY-MM``; the most recent such month for a past
  tense or a bare mention, the next one for a future tense.
* ``mercredi``, ``ce vendredi``, ``lundi dernier``: news usage. A past tense means the most recent
  such day on or before the article date, a future tense or a present (the present of news
  announcements: "le club organise samedi un loto") the next one on or after it, no verb the
  nearest one. A weekday needs an article dated to the day, else ``null``.
* ``hier``, ``demain``, ``l'an dernier``, ``le mois prochain``: offsets from the article date.
* Cue words before a date fix its direction when the verb does not: ``depuis`` (past), ``pour``,
  ``d'ici``, ``dès``, ``jusqu'à`` (future).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veille.common.lexicon import rows
from veille.common.timespans import Match, Patterns, alternation, patterns
from veille.times.clefts import cleft_que


@dataclass(frozen=True)
class Reference:
    """The article's own date: year/month/day, each None when unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Reference:
        m = re.match(r"^(\d{4}|XXXX)(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
        if not m:
            return cls()
        year = int(m.group(1)) if m.group(1).isdigit() else None
        return cls(year, int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None



# -- resolution ------------------------------------------------------------------------------

def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def resolve_day_month(day: int, month: int, year: int | None, ref: Reference,
                      tense: str | None = None) -> str | None:
    """A day and month (maybe a year) as ISO, the year chosen against the article's date."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if ref.year is None:
            return f"XXXX-{month:02d}-{day:02d}" if day <= _calendar.monthrange(2000, month)[1] else None
        year = ref.year
        if ref.month is not None:
            # Days from the article date (mid-month when only the month is known) to the
            # candidate in the article's year; Feb 29 is measured as Feb 28.
            anchor = dt.date(ref.year, ref.month, min(ref.day or 15, _calendar.monthrange(ref.year, ref.month)[1]))
            gap = (dt.date(year, month, min(day, _calendar.monthrange(year, month)[1])) - anchor).days
            if tense == "past" and gap > 7:
                year -= 1
            elif tense == "future" and gap < -7:
                year += 1
            # A bare date in news is mostly past: far ahead means last year, but a date nearly a
            # year back (a January date in a late-December article) means the coming one.
            elif tense is None and gap > 120:
                year -= 1
            elif tense is None and gap < -300:
                year += 1
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve_month(month: int, year: int | None, ref: Reference, tense: str | None = None,
                  strict: bool = False) -> str:
    """A month (maybe with a year) as YYYY-MM, the year chosen against the article's date.

    ``strict`` ("mai dernier", "juin prochain"): never the article's own month.
    """
    if year is None:
        if ref.year is None:
            return f"XXXX-{month:02d}"
        year = ref.year
        if ref.month is not None:
            if strict and month == ref.month:
                year += 1 if tense == "future" else -1
            elif tense == "future":
                if month < ref.month:
                    year += 1
            elif tense == "past" or tense is None:
                if month > ref.month and (tense == "past" or month - ref.month > 6):
                    year -= 1
    return f"{year:04d}-{month:02d}"


def resolve_weekday(weekday: int, ref: Reference, tense: str | None = None,
                    strict: bool = False) -> str | None:
    """The date of a weekday in the week around the article date (news usage), or None."""
    date = ref.date
    if date is None:
        return None
    back = (date.weekday() - weekday) % 7  # days back to the most recent such day (0 = today)
    fwd = (weekday - date.weekday()) % 7
    if strict:  # "lundi dernier" / "lundi prochain" never mean the article's own day
        back, fwd = back or 7, fwd or 7
    if tense == "past":
        delta = -back
    elif tense == "future":
        delta = fwd
    else:
        delta = -back if back <= fwd else fwd
    return (date + dt.timedelta(days=delta)).isoformat()


def _ref_date_offset(ref: Reference, days: int) -> str | None:
    date = ref.date
    return (date + dt.timedelta(days=days)).isoformat() if date else None


@lru_cache(maxsize=1)
def _verb_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The verbs of ``normalization/tense_cues.tsv`` that point one way ("remontent au" -> past)."""
    table = rows("times/normalization/tense_cues.tsv", min_columns=2)
    return tuple((d, re.compile(rf"(?<![\w-])(?:{alternation([c[0] for c in table if c[1] == d])})"
                                rf"(?:\s+(?:à|au|aux|de|du|d['’]|en))?\s*$", re.I))
                 for d in ("future", "past"))


@lru_cache(maxsize=1)
def _imperfect_before() -> re.Pattern[str]:
    """A schedule word ("prévu", "programmé", "est fixé"…) right after an imperfect or pluperfect
    auxiliary ("était prévu", "avait été programmé"): a plan told in the past, not a coming date."""
    table = rows("times/normalization/tense_cues.tsv", min_columns=2)
    aux = alternation([c[0] for c in table if c[1] == "imperfect_auxiliary"])
    return re.compile(rf"(?<![\w-])(?:{aux})\s+(?:\w+\s+)?\w+(?:\s+(?:à|au|aux|le|la|l['’]|pour))?\s*$", re.I)


@lru_cache(maxsize=1)
def _span_start_cue() -> tuple[re.Pattern[str], frozenset[str]]:
    """The prepositions of ``tense_cues.tsv`` that open a span ("dès"), right before the match, and
    the verbs of a plan that keep their dates coming ("annoncer")."""
    table = rows("times/normalization/tense_cues.tsv", min_columns=2)
    return (re.compile(rf"(?<![\w-])(?:{alternation([c[0] for c in table if c[1] == 'span_start'])})\s*$", re.I),
            frozenset(c[0] for c in table if c[1] == "plan_verb"))


def span_start_in_past(doc: Any, text: str, m: Match) -> bool:
    """"Léa Roy prévenait dès avril", "il a réagi dès dimanche": a date after a span-opening
    preposition, hung directly on a verb in a past tense, is a past date, whatever the preposition's
    usual future ("dès lundi, les écoles rouvriront"). Only the verb the date hangs on counts, not one
    further up ("a annoncé une hausse dès janvier": the coming January)."""
    cue, plans = _span_start_cue()
    words = m.text.split()
    if doc is None or not (cue.search(text[max(0, m.start - 12):m.start]) or (words and cue.search(words[0]))):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    if head.i == span.root.i or head.lemma_.lower() in plans:
        return False
    if head.pos_ not in ("VERB", "AUX"):  # "Dès mardi, Léa Roy était sur place": the copula's tense
        return _copula_tense(head, patterns()) == "past"
    return _tense_of(head, patterns()) == "past"


def cue_tense(text: str, m: Match) -> str | None:
    """A preposition before (or opening) the match that fixes the direction: 'pour', 'depuis'..."""
    pats = patterns()
    before = text[max(0, m.start - 25):m.start]
    head = m.text.split()[0] if m.text.split() else ""
    for direction, rx in _verb_cues():
        if rx.search(before):
            return _unless_imperfect(text, m, direction)
    if pats.cue_past.search(before) or head.lower() == "depuis":
        return "past"
    if pats.cue_future.search(before) or pats.cue_future.search(head + " "):
        return _unless_imperfect(text, m, "future")
    return None


def _unless_imperfect(text: str, m: Match, direction: str) -> str:
    """A future cue told under an imperfect auxiliary ("était prévu le 4 juin") tells no direction
    (``"neutral"``: the nearest such date): the plan may have been kept, moved or dropped."""
    if direction == "future" and _imperfect_before().search(text[max(0, m.start - 45):m.start]):
        return "neutral"
    return direction


def verb_tense(doc: Any, start: int, end: int, text: str | None = None) -> str | None:
    """'past' / 'future' / 'present' for the verb the span depends on, None when none is found.
    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds that string on every access)."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    pats = patterns()
    # An all-capitals headline is parsed as names (and cut into pieces): a verb found in it is
    # not to be trusted; its line is read instead.
    if text is None:
        text = doc.text
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]
    caps = _capitals_tense(line, pats)
    if caps:
        return caps
    # A cleft ("C'est samedi que les voleurs ont frappé"): the verb after "que", not the frame's copula.
    que = cleft_que(span.doc, span)
    if que is not None and (tense := _fragment_tense(span.doc[que:que + 1], text, pats)):
        return tense
    tok = span.root
    # The day as the predicate of a copula ("La date limite sera le 15 avril", "c'est mardi"): the
    # copula's tense.
    cop = _copula_tense(tok, pats)
    if cop is not None:
        return cop
    # The same participle parsed as the day's own modifier ("Le procès, ouvert lundi, doit durer").
    if span.start > 0:
        before = span.doc[span.start - 1]
        if before.head.i == tok.i and _participle_on_noun(before):
            return "past"
        # "Un cargo déjà contrôlé vendredi a été …": a past participle on a noun, the day its
        # sibling or its complement, tells its own past event whatever the parse says of the rest.
        if _reduced_relative(before) and before.head.i in (tok.i, tok.head.i):
            return "past"
    for step in range(6):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        # "La route, fermée mardi, rouvrira lundi": a participle read as an adjective, with the day
        # as its complement, tells its own past event, not the main verb's tense.
        if step == 0 and tok.i < span.start and _participle_on_noun(tok):
            return "past"
        if tok.pos_ not in ("VERB", "AUX"):
            # "Les mois de juillet et d'août ont été chauds": the tense of the copula, when it
            # points one way ("le vainqueur de l'étape de mardi est Léo Rigal" says nothing of mardi).
            cop = _copula_tense(tok, pats)
            if cop in ("past", "future"):
                return cop
            continue
        tense = _tense_of(tok, pats)
        if tense:
            return tense
        # "avant de quitter ses fonctions le 30 octobre": an infinitive clause has its own time,
        # which the main verb ("a rappelé") does not give.
        if "Inf" in tok.morph.get("VerbForm") and any(c.dep_ == "mark" for c in tok.children):
            return None
    if tok.head.i == tok.i and tok.pos_ not in ("VERB", "AUX"):
        return _fragment_tense(span, text, pats)
    return None


def _fragment_tense(span: Any, text: str, pats: Patterns) -> str | None:
    """A day the parser cut off as a verbless sentence of its own ("Samedi vers 23 h, un car a
    quitté la route"): the tense of the first verb after it, up to the end of the written sentence."""
    doc = span.doc
    for tok in doc[span.end:]:
        if tok.text in (".", "!", "?", ":", ";") or "\n" in tok.text_with_ws:
            return None
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ in ("ROOT", "cop")):
            # "Samedi, à partir de 14 h, le club fêtera …": the verb of a locution, or an
            # infinitive that tells no tense, is not the clause's verb.
            if tok.dep_ == "fixed":
                continue
            tense = _tense_of(tok, pats)
            if tense is None and "Inf" in tok.morph.get("VerbForm"):
                continue
            return tense
    return None


def _copula_tense(tok: Any, pats: Patterns) -> str | None:
    """The tense of the copula of a predicate ("sera le 15 avril", "ont été chauds"), None if none."""
    cop = next((c for c in tok.children if c.dep_ == "cop"), None)
    if cop is None:
        return None
    aux = next((c for c in tok.children if c.dep_.startswith("aux") and c.i < cop.i), None)
    if aux is not None:  # "ont été", "aura été", "avait été"
        word = aux.text.lower()
        return "future" if word.endswith(pats.future_endings) and word not in ("ai", "as", "a") else "past"
    if _passe_compose_with_etre(tok, cop):
        return "past"
    return _tense_of(cop, pats)


@lru_cache(maxsize=1)
def _etre_participles() -> frozenset[str]:
    """The participles of ``normalization/etre_participles.tsv`` ("mort", "parti", "né")."""
    return frozenset(c[0].lower() for c in rows("times/normalization/etre_participles.tsv", min_columns=2))


def _passe_compose_with_etre(predicate: Any, cop: Any) -> bool:
    """Whether "est/sont" + a word the parser read as the copula's noun or adjective is a passé
    composé: a participle of a verb conjugated with "être" ("sont morts", "est née") or any participle
    under a reflexive pronoun ("se sont ouvertes"), which no passive or state reading has."""
    if cop.lemma_ != "être" or "Pres" not in cop.morph.get("Tense") or predicate.pos_ not in ("ADJ", "NOUN"):
        return False
    word = predicate.text.lower()
    if any(c.lower_ in ("se", "s'", "s’") and c.i < cop.i for c in predicate.children):
        return is_participle(word)
    for cut in (0, 1, 2):
        stem = word[:len(word) - cut]
        if stem in _etre_participles() and (cut == 0 or word[len(stem):] in ("e", "s", "es")):
            return True
    return False


@lru_cache(maxsize=1)
def _coming_passives() -> frozenset[str]:
    """The participles of ``tense_cues.tsv`` (``coming_passive``) whose present passive looks ahead."""
    return frozenset(c[0].lower() for c in rows("times/normalization/tense_cues.tsv", min_columns=2)
                     if c[1] == "coming_passive")


def _coming_passive(word: str) -> bool:
    """Whether ``word`` is one of those participles, in any gender and number."""
    return any(word[:len(word) - cut] in _coming_passives() and word[len(word) - cut:] in ("", "e", "s", "es")
               for cut in (0, 1, 2))


def _capitals_tense(line: str, pats: Patterns) -> str | None:
    """An all-capitals headline ("LE VILLAGE FERA LA FÊTE DIMANCHE") is parsed as names, not
    verbs: read the tense from the word endings of its words instead."""
    if not line.isupper():
        return None
    for word in re.findall(r"[^\W\d_]+", line):
        low = word.lower()
        if len(low) >= 4 and low.endswith(pats.future_endings):
            return "future"
        if len(low) >= 5 and low.endswith(pats.imperfect_endings):
            return "past"
    return None


def _tense_of(verb: Any, pats: Patterns) -> str | None:
    text = verb.text.lower()
    form = verb.morph.get("VerbForm")
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    if auxes and "Part" in form:
        aux = auxes[0].text.lower()
        # "Le pont doit être inauguré en octobre": a passive infinitive under "devoir"/"aller"
        # tells a coming event, as the plain infinitive does.
        if "Inf" in auxes[0].morph.get("VerbForm") and verb.head.i != verb.i and verb.head.lemma_ in pats.future_aux:
            return "future"
        # "auraient reculé en novembre", "serait parti le 3 mai": a conditional perfect tells a past
        # (reported, unconfirmed); "aura reculé" and the passive "serait élu en juin" a future.
        if auxes[0].dep_ == "aux:tense" and aux.endswith(("rait", "raient", "rais", "rions", "riez")):
            return "past"
        if aux.endswith(pats.future_endings) and aux not in ("ai", "as", "a"):
            return "future"
        if aux in ("est", "sont") and _coming_passive(text):  # "est attendu à Dole samedi"
            return "future"
        return "past"
    if "Inf" in form:
        head = verb.head
        if head.i != verb.i and head.lemma_ in pats.future_aux:
            return "future"
        if head.i != verb.i and head.lemma_ in pats.past_aux:
            return "past"
        return None
    if "Part" in form and not is_participle(text):
        # "votera", "accueille" tagged as participles: the word's own ending tells its tense.
        return _finite_tense(text, pats)
    if "Part" in form:
        # "Le procès, ouvert lundi, doit durer": a past participle modifying a noun tells its own
        # past event ("élu dimanche", "arrêté samedi"), not the tense of the main verb.
        if "Past" in verb.morph.get("Tense") and verb.dep_ in ("acl", "amod", "advcl"):
            return "past"
        return None
    if _r_stem_past(text, verb.lemma_):
        return "past"
    if "Fut" in verb.morph.get("Tense") or "Cnd" in verb.morph.get("Mood"):
        return "future"
    if len(text) > 4 and text.endswith(pats.future_endings):
        return "future"
    if text.endswith(pats.imperfect_endings) and not text.endswith(("rait", "raient", "rais")):
        return "past"
    if verb.lemma_ in pats.future_aux and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    return "present"


def _r_stem_past(text: str, lemma: str) -> bool:
    """"titrait", "déclaraient", "ouvrait" (imperfect), "déclara", "entrai" (passé simple): a past
    tense of a verb whose stem ends in r, which the future or conditional endings ("-ra", "-rai",
    "-rait") would otherwise claim. Those keep the infinitive's r ("déclarera", "déclarerait",
    "ouvrirait"), so a form that is the stem of an -er or -ir lemma plus a past ending is a past
    ("titrait le 16 février" in an April article: that February)."""
    lemma = lemma.lower()
    if not text.endswith(("ra", "rai", "ras", "rait", "raient", "rais")) or not lemma.endswith(("er", "ir")) \
            or len(lemma) < 5:
        return False
    stem = lemma[:-2]
    if lemma.endswith("ir"):  # the passé simple of -ir verbs ("ouvrit") ends otherwise
        return text in (stem + "ait", stem + "aient", stem + "ais")
    return text in (stem + "ait", stem + "aient", stem + "ais", stem + "a", stem + "ai", stem + "as")


@lru_cache(maxsize=1)
def _verb_forms() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(participle endings, finite endings) of ``normalization/verb_forms.tsv``."""
    table = rows("times/normalization/verb_forms.tsv", min_columns=2)
    return (tuple(c[0] for c in table if c[1] == "participle_ending"),
            tuple(c[0] for c in table if c[1] == "finite_ending"))


def is_participle(word: str) -> bool:
    """Whether a word can be a past participle by its ending ("fermée", "pris"; not "votera")."""
    low = word.lower()
    participle, finite = _verb_forms()
    return not low.endswith(finite) and low.endswith(participle)


def _reduced_relative(tok: Any) -> bool:
    """A past participle without auxiliary modifying a noun ("le texte adopté", "un navire
    attaqué"), parsed as a verb."""
    return (tok.pos_ == "VERB" and tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm")
            and "Past" in tok.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in tok.children))


def _participle_on_noun(tok: Any) -> bool:
    """A participle parsed as an adjective, right after a noun or its comma ("la route, fermée",
    "le blessé transporté"); not an adjective after a number ("10 h 30 précises dimanche")."""
    if tok.pos_ != "ADJ" or tok.dep_ not in ("amod", "acl") or tok.i == 0 or not is_participle(tok.text):
        return False
    prev = tok.doc[tok.i - 1]
    return prev.text == "," or prev.pos_ in ("NOUN", "PROPN")


def _finite_tense(text: str, pats: Patterns) -> str:
    """The tense of a finite verb read from its ending alone."""
    if len(text) > 4 and text.endswith(pats.future_endings):
        return "future"
    if text.endswith(pats.imperfect_endings):
        return "past"
    return "present"


def resolve(m: Match, ref: Reference, tense: str | None) -> str | None:
    """The ISO value of one match (tense: of the verb it depends on, or a cue word)."""
    pats = patterns()
    g = m.groups
    low = pats.key(m.text)
    present = tense == "present"
    if present:
        tense = None
    if m.kind == "date":
        day = 1 if g["d"].lower() in ("1er", "premier") else int(g["d"])
        month = pats.month_of(g["m"])
        year = int(g["y"]) if g.get("y") else None
        post = (g.get("post") or "").lower()
        if post:  # "le 24 février dernier", "le 3 mai prochain"
            tense = "past" if post.startswith(("dern", "pass")) else "future"
        value = resolve_day_month(day, month, year, ref, tense) if month else None
        if post and value and ref.date and year is None:  # strictly before / after the article
            got = dt.date.fromisoformat(value)
            if tense == "future" and got <= ref.date:
                value = resolve_day_month(day, month, got.year + 1, ref)
            elif tense == "past" and got >= ref.date:
                value = resolve_day_month(day, month, got.year - 1, ref)
        return value
    if m.kind == "numeric":
        try:
            return dt.date(int(g["y"]), int(g["mo"]), int(g["d"])).isoformat()
        except ValueError:
            return None
    if m.kind == "month":
        month = pats.month_of(g["m"])
        if month is None:
            return None
        post = (g.get("post") or "").lower()
        if (g.get("pre") or "").lower().startswith("depuis") or post.startswith(("dern", "pass")):
            tense = "past"
        elif post:
            tense = "future"
        return resolve_month(month, int(g["y"]) if g.get("y") else None, ref, tense, strict=bool(post))
    if m.kind == "year":
        return g["y"]
    if m.kind == "rel_day":
        return _ref_date_offset(ref, pats.rel_days.get(low, 0))
    if m.kind == "rel_month":
        if ref.year is None or ref.month is None:
            return None
        y, mo = _shift_month(ref.year, ref.month, pats.rel_months.get(low, 0))
        return f"{y:04d}-{mo:02d}"
    if m.kind == "rel_year":
        return f"{ref.year + pats.rel_years.get(low, 0):04d}" if ref.year else None
    if m.kind == "weekday":
        wd = pats.weekdays.get(g["wd"].lower())
        pre, post = (g.get("pre") or "").lower(), (g.get("post") or "").lower()
        strict = bool(post)
        if post in pats.past_cues or pre == "depuis":
            tense = "past"
        elif post or (pats.key(pre) in pats.future_cues and tense != "past"):  # past: span_start_in_past
            tense = "future"
        elif present and tense is None:  # "le club organise samedi un loto": an announcement
            tense = "future"
        return resolve_weekday(wd, ref, tense, strict) if wd is not None else None
    return None  # vague
