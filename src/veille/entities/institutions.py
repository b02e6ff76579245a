"""Public bodies written with a lower-case head noun: "le tribunal administratif de Lille", "la
préfecture du Nord", "le ministère de la Justice", "le ministère turc des Transports", "le
parlement maltais", "le parti communiste", "la police nationale".

French typography keeps the generic noun of a ministry, a court, a prefecture or a university in
lower case in running text, and the NER model hardly ever reads such a phrase as a name. A lower-case
institution noun is a name only with what makes it one body (``lexicons/entities/institution_names.tsv``):
a definite article before it ("le", "la", "l'", "du", "au": "un tribunal de Valmont" is any court of
the town), and a seat written as a proper name ("de Lille", "du Pas-de-Calais"), a capitalised
portfolio ("de la Justice", after an optional nationality adjective), a nationality adjective
("maltais", from the KB's demonyms), a doctrine ("communiste"), or the whole phrase being one
body's name ("la préfecture de police"). A court named with its seat may be named again without it
("Le conseil des prud'hommes a jugé …"): that phrase is a mention of the same court.

The phrase found is an organisation mention (the head capitalised in its name, as the body's
official name writes it). A NER or KB mention inside it (the seat "Lille", a portfolio read as a
thing) is part of the name, not an entity of its own, and gives way; a longer NER or KB name
around it wins.
"""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.common.regexscan import with_first_chars
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources

_ROWS = rows("entities/institution_names.tsv", min_columns=2)


def _phrases(kind: str) -> list[str]:
    return sorted({r[1] for r in _ROWS if r[0] == kind}, key=len, reverse=True)


_UP = "A-ZÀ-ÖØ-Þ"
_SP = r"[ \t\u00a0\u202f]+"  # spaces of one line (a name never runs over a line break)
_APOS = "['’]"
# "de", "du", "des", "de la", "de l'", "d'" before a seat or a portfolio
_OF = rf"{_SP}(?:de{_SP}la{_SP}|de{_SP}l{_APOS}\s?|du{_SP}|des{_SP}|de{_SP}|d{_APOS}\s?)"
_OF_ARTICLE = rf"{_SP}(?:de{_SP}la{_SP}|de{_SP}l{_APOS}\s?|du{_SP}|des{_SP})"
# a capitalised word, and the words a proper name may join to it ("Pas-de-Calais", "Côte d'Azur",
# "Saint-Denis", "Val-de-Marne", "Sabancı")
_CAP_WORD = rf"[{_UP}][\w'’-]*"
_CAP_RUN = rf"{_CAP_WORD}(?:{_SP}(?:(?:de|du|des|la|le|les)\s|d{_APOS}|l{_APOS})?{_CAP_WORD})*"
_DETERMINER = re.compile(rf"(?:^|[^\w'’])(?:le|la|du|au|l{_APOS})\s*$", re.IGNORECASE)
# "… de l'Inspection générale de la | police nationale": the phrase ends a longer capitalised name
_INSIDE_NAME = re.compile(rf"[{_UP}][\w'’-]+(?:{_SP}(?!et\b|ou\b)[a-zà-ÿ][\w'’-]*){{0,2}}{_SP}de\W?$")
_NAME_BEFORE = re.compile(rf"[{_UP}][\w'’-]+(?:{_SP}(?!et\b|ou\b)[a-zà-ÿ][\w'’-]*){{0,2}}\W?$")
# a capital letter and its point before a capitalised word: the initials of a person after a seat
_INITIAL_AFTER = re.compile(rf"[{_UP}]\.(?:-[{_UP}]\.)?{_SP}[{_UP}]")
_WORD = re.compile(r"[\w'’-]+")
# a capitalised word right after the phrase: the phrase classifies a name ("le parti social-démocrate
# CSSD", "la police nationale Dupont"), left to the classifier rules (``cues.py``)
_NAME_AFTER = re.compile(rf"{_SP}(?:[{_UP}]|[«“\"]|\((?:{_SP})?[{_UP}])")
_WORD_AFTER = re.compile(rf"{_SP}([a-zà-ÿ][\w-]*)")
_CLOSED = frozenset({"fixed", "demonym", "party"})


def _phrase_rx(phrase: str) -> str:
    """A lexicon phrase as a pattern: its first letter in either case, any spaces, either apostrophe."""
    words = phrase.split()
    parts = [re.escape(w).replace("'", _APOS) for w in words]
    first = parts[0]
    parts[0] = f"[{first[0]}{first[0].upper()}]{first[1:]}"
    return _SP.join(parts)


def _alternation(phrases: list[str]) -> str:
    return "(?:" + "|".join(_phrase_rx(p) for p in phrases) + ")"


_SEAT = re.compile(rf"(?P<head>{_alternation(_phrases('seat'))}){_OF}(?P<seat>{_CAP_RUN})")
_COURT = re.compile(rf"(?P<head>{_alternation(_phrases('court'))}){_OF}(?P<seat>{_CAP_RUN})")
_ARTICLE_SEAT = re.compile(rf"(?P<head>{_alternation(_phrases('article_seat'))}){_OF_ARTICLE}(?P<seat>{_CAP_RUN})")
_FIXED = re.compile(rf"(?P<head>{_alternation(_phrases('fixed'))})(?:{_OF}(?P<seat>{_CAP_RUN}))?(?P<tail>{_SP}[a-zà-ÿ]+)?")
_PORTFOLIO = re.compile(rf"(?P<head>{_alternation(_phrases('portfolio'))})(?P<demonym>{_SP}[a-zà-ÿ]+)?"
                        rf"{_OF_ARTICLE}(?P<seat>{_CAP_WORD})")
_DEMONYM = re.compile(rf"(?P<head>{_alternation(_phrases('demonym'))}){_SP}(?P<tail>[a-zà-ÿ]+)")
_PARTY = re.compile(rf"(?P<head>{_alternation(_phrases('party'))}){_SP}(?P<doctrine>[a-zà-ÿ-]+)(?P<tail>{_SP}[a-zà-ÿ]+)?")
_PARTY_ADJECTIVES = frozenset(norm(r[1]) for r in _ROWS if r[0] == "party_adjective")
_SHORT = re.compile(rf"(?P<head>{_alternation(_phrases('short'))})(?![\w'’-])")
# The scans of the whole text behind a look-ahead on their first characters (the same matches, found faster:
# ``common.regexscan``; an alternation of phrases gets no fast skip from ``re``).
_SEAT, _COURT, _FIXED, _SHORT = map(with_first_chars, (_SEAT, _COURT, _FIXED, _SHORT))
# a portfolio goes on over its adjectives and over "et de la | des …" ("de l'Économie et des Finances")
_PORTFOLIO_ADJ = re.compile(rf"{_SP}([a-zà-ÿ][\w-]*)")
_PORTFOLIO_AND = re.compile(rf"{_SP}et{_OF_ARTICLE}({_CAP_WORD})")


# feminine and plural endings of adjectives and their masculine singular ("nationale" -> "national")
_FEMININE = (("e", ""), ("ère", "er"), ("ique", "ic"), ("elle", "el"), ("enne", "en"), ("ive", "if"),
             ("euse", "eux"), ("aux", "al"))


def _family(phrase: str) -> str:
    """The court a phrase names, "des" and "de" alike ("conseil des prud'hommes")."""
    return norm(re.sub(r"\s+", " ", phrase).replace("’", "'")).replace(" des ", " de ")


class _Finder:
    def __init__(self, res: EntityResources, text: str) -> None:
        self.res, self.text = res, text
        self.found: list[tuple[int, int, str, int]] = []  # (start, end, kind, where the seat starts)

    def opened(self, start: int) -> bool:
        """A definite article right before the head, and the head not the complement of a
        capitalised name the NER may have missed."""
        left = self.text[max(0, start - 60):start]
        if "\n" in left:
            left = left.rsplit("\n", 1)[1]
        mt = _DETERMINER.search(left)
        if not mt:
            return False
        det = _WORD.findall(mt.group(0).lower())[-1]
        before = left[:mt.start() + 1]
        if det in ("le", "la", "l'", "l’"):
            mt = _INSIDE_NAME.search(before)  # "… de l'Inspection générale de | la police nationale"
        elif det == "du":
            mt = _NAME_BEFORE.search(before)  # "… de l'Inspection générale du | tribunal …"
        else:
            return True
        return not (mt and mt.start() > 0 and before[:mt.start()].strip()[-1:] not in ".!?:;«\"")

    def is_demonym(self, word: str) -> bool:
        return norm(word) in self.res.kb.demonyms

    def is_word(self, word: str) -> bool:
        """A word of the dictionary, capitalised or in the plural ("Transports", "Armées")."""
        w = word.lower().replace("’", "'")
        dictionary = self.res.dictionary
        return not dictionary or w in dictionary or w.rstrip("sx") in dictionary

    def is_adjective(self, word: str) -> bool:
        """An adjective of the dictionary in any gender and number ("nationale", "étrangères")."""
        w = word.lower()
        forms = {w, w.removesuffix("s"), w.removesuffix("x")}
        for form in list(forms):
            for end, base in _FEMININE:
                if form.endswith(end):
                    forms.add(form[: len(form) - len(end)] + base)
        return any(f in self.res.adjectives for f in forms)

    def seat_end(self, mt: re.Match[str]) -> int | None:
        """Where a seat ends: before a person's name run into it ("l'université de Valmont Paul
        Arnel", a given name then a capitalised word, or "D. Arnel", initials); None when the seat is
        a person's name."""
        words = list(re.finditer(r"\S+", mt.group("seat")))
        for k, w in enumerate(words[:-1]):
            if norm(w.group()) in self.res.given_names and words[k + 1].group()[:1].isupper():
                if k == 0:
                    return None
                return mt.start("seat") + words[k - 1].end()
        if len(words) >= 2 and _INITIAL_AFTER.match(mt.string, mt.start("seat") + words[-1].start()):
            # "l'université de Valmont D. Varlin": a person's initials (``initials.py``)
            return mt.start("seat") + words[-2].end()
        return mt.end()

    def add(self, start: int, end: int, kind: str, seat: int = -1) -> None:
        if self.opened(start) and not (kind in _CLOSED and self.described(end)):
            self.found.append((start, end, kind, seat))

    def described(self, end: int) -> bool:
        """Whether a phrase describes the body a name after it names: "le parti nationaliste
        flamand (X)", "le parti social-démocrate X", "la police nationale « … »"."""
        text = self.text
        for _ in range(3):
            if _NAME_AFTER.match(text, end):
                return True
            mt = _WORD_AFTER.match(text, end)
            if not mt or mt.group(1) in self.res.french_words:
                return False
            end = mt.end()  # ("le parti nationaliste religieux « X »": up to two words before the name)
        return False

    def run(self) -> list[tuple[int, int, str, int]]:
        text = self.text
        for rx, kind in ((_COURT, "court"), (_SEAT, "seat"), (_ARTICLE_SEAT, "seat")):
            for mt in rx.finditer(text):
                end = self.seat_end(mt)
                if end is not None:
                    self.add(mt.start(), end, kind, mt.start("seat"))
        for mt in _FIXED.finditer(text):
            end = mt.end("seat") if mt.group("seat") else mt.end("head")
            if not mt.group("seat") and mt.group("tail") and self.is_demonym(mt.group("tail").strip()):
                end = mt.end("tail")  # "la police nationale haïtienne"
            self.add(mt.start(), end, "fixed")
        for mt in _PORTFOLIO.finditer(text):
            demonym = mt.group("demonym")
            if (demonym and not self.is_demonym(demonym.strip())) or not self.is_word(mt.group("seat")):
                continue  # ("le ministère de Jean Dupont": a minister's name, no portfolio)
            self.add(mt.start(), self.portfolio_end(mt.end()), "portfolio")
        for mt in _DEMONYM.finditer(text):
            if self.is_demonym(mt.group("tail")):
                self.add(mt.start(), mt.end(), "demonym")
        for mt in _PARTY.finditer(text):
            if norm(mt.group("doctrine")) not in _PARTY_ADJECTIVES:
                continue
            tail = mt.group("tail")
            end = mt.end("tail") if tail and self.is_demonym(tail.strip()) else mt.end("doctrine")
            self.add(mt.start(), end, "party")
        return self.found

    def portfolio_end(self, end: int) -> int:
        """The end of a portfolio: its lower-case adjectives ("de l'Éducation nationale") and the
        portfolios joined by "et" ("de l'Économie et des Finances")."""
        text = self.text
        while True:
            adjectives = 0
            while adjectives < 2:
                mt = _PORTFOLIO_ADJ.match(text, end)
                if not mt or not self.is_adjective(mt.group(1)) or self.is_demonym(mt.group(1)):
                    break
                end, adjectives = mt.end(), adjectives + 1
            mt = _PORTFOLIO_AND.match(text, end)
            if not mt or not self.is_word(mt.group(1)):
                return end
            end = mt.end()


def _key(surface: str) -> str:
    """The body's name: the surface with its head capitalised and its spaces collapsed."""
    surface = re.sub(r"\s+", " ", surface)
    return surface[:1].upper() + surface[1:]


def institution_mentions(res: EntityResources, text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with the lower-case institution names of ``text`` added (see the module)."""
    heads = {w.split()[0] for kind in ("court", "seat", "article_seat", "fixed", "portfolio", "demonym", "party")
             for w in _phrases(kind)}
    low = text.lower()
    if not any(h in low for h in heads):
        return names
    spans = sorted(set(_Finder(res, text).run()), key=lambda s: (s[0], -s[1]))
    found: list[Mention] = []
    courts: set[int] = set()  # where a court's name starts: a place read in it stays a mention
    for start, end, kind, _ in spans:
        if found and start < found[-1].end:
            continue
        surface = text[start:end]
        found.append(Mention(start, end, surface, _key(surface), "ORG", "ner"))
        if kind == "court":
            courts.add(start)
    found += _short_mentions(text, found)
    if not found:
        return names
    out: list[Mention] = []
    kept: list[Mention] = []
    for f in sorted(found, key=lambda m: m.start):
        around = [m for m in names if m.start < f.end and f.start < m.end]
        if any(m.start <= f.start and f.end <= m.end and (m.end - m.start) > (f.end - f.start) for m in around) \
                or any(m.start < f.start < m.end for m in around):
            continue  # a longer name around it ("l'Inspection générale de la police nationale")
        same = [m for m in around if (m.start, m.end) == (f.start, f.end)]
        if same:
            if not (same[0].kb_id or same[0].kb_ids):
                same[0].label = "ORG"  # NER read the name: its reading stays, as a body
            continue
        kept.append(f)
    # A name read inside the body's name gives way, but for the place a court sits in ("le tribunal
    # administratif de Valmont" names Valmont too, as the annotators mark it).
    drop = {id(m) for f in kept for m in names if f.start <= m.start < f.end
            and not (m.label == "LOC" and f.start in courts) and not (m.kb_id and m.label == "ORG" and m.end > f.end)}
    out = [m for m in names if id(m) not in drop] + kept + _rests(text, kept, [m for m in names if id(m) in drop])
    return sorted(out, key=lambda m: m.start)


def _rests(text: str, kept: list[Mention], dropped: list[Mention]) -> list[Mention]:
    """What a name read across the body's end keeps after it, when that opens on a capital ("de
    l'université de Valmont | Daniel Ferrandi", NER's "Valmont Daniel Ferrandi")."""
    out = []
    for m in dropped:
        end = max((f.end for f in kept if f.start <= m.start < f.end), default=m.end)
        rest = text[end:m.end]
        start = end + len(rest) - len(rest.lstrip())
        if m.end > end and rest.strip()[:1].isupper() and m.key.endswith(text[start:m.end]):
            out.append(Mention(start, m.end, text[start:m.end], text[start:m.end], m.label, m.source))
    return out


def _short_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """A court named with its seat, named again without it: "Le conseil des prud'hommes reconnaît …"."""
    courts: dict[str, str] = {}
    for m in found:
        mt = _SHORT.match(m.text)
        if mt:
            courts.setdefault(_family(mt.group("head")), m.key)
    if not courts:
        return []
    taken = [(m.start, m.end) for m in found]
    out = []
    for mt in _SHORT.finditer(text):
        key = courts.get(_family(mt.group("head")))
        start, end = mt.start(), mt.end()
        if key is None or any(a <= start < b for a, b in taken) or re.match(_OF, text[end:]):
            continue
        left = text[max(0, start - 12):start]
        if not _DETERMINER.search(left.rsplit("\n", 1)[-1]):
            continue
        out.append(Mention(start, end, text[start:end], key, "ORG", "ner"))
    return out
