"""The quote-chain variants of ``bench/chain_perturb.py``: a speaker named once, then taken up again
by the cue subjects of their later quotes in the short forms the press uses across a chain of quotes
(issue 16, the pronoun and cue-subject rules' dev–test gap). Each variant is a list of edits
(``quote_variants.Edit``) so that a gold quote's span maps into the changed text; the words inside
quotation marks never change.

A cue subject here is a later mention (not the first in the body) of a gold person of two words or
more, outside every gold quote, in a paragraph holding a gold quote of that person, in one of three
positions: inverted after a speech verb (", a déclaré [M.] X", "», souligne X"), before a speech verb
at a sentence start ("X a ajouté", "Mme X estime"), or after "selon"/"d'après". Rewritten:

* ``pronoun-chain``: "il"/"elle" by the person's gender when the page shows it (a title "M."/"Mme",
  a determiner of a speaker noun before the name, the given-name lexicons), else left; left too when
  another person of that gender (or of none shown) is named since the person's previous mention.
  Inverted forms turn round the verb (", a-t-il déclaré", "», souligne-t-elle", "dit-il"),
  "selon lui"/"selon elle";
* ``surname-chain``: the full name becomes the surname alone (a title before it kept);
* ``role-chain``: a speaker noun the page puts before the person's name ("le ministre X", "l'avocate
  X") with its determiner, where no other person of the page is given the same noun;
* ``two-voice``: two adjacent paragraphs whose gold quotes are each one named speaker's, two
  different ones, joined into one paragraph.

Plain functions over strings (no spaCy), tested on invented text in ``tests/test_chain_perturb.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from name_variants import Mention, Person, mentions
from quote_variants import Edit

_SP = r"[ \u00a0\u202f]"
_TITLE_M = re.compile(rf"\b(?:M\.|Mr\.?|Monsieur){_SP}+$")
_TITLE_F = re.compile(rf"\b(?:Mmes?\.?|Mlle\.?|Madame){_SP}+$")
_OTHER_TITLE = re.compile(rf"\b(?:Me|Dr|Pr|Mgr){_SP}+$")
_AUX = ("a", "avait", "aurait")
_WORD = r"[\w’'-]+"


@dataclass(frozen=True)
class Words:
    """What the variants read: speech-verb forms (folded), speaker nouns (folded), given names' genders."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    given: dict[str, str]


def fold(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


@dataclass
class Cue:
    """A cue subject to rewrite: ``[start, end)`` the title (if any) and name, and how it stands."""

    start: int
    end: int
    mention: Mention
    position: str  # "inverted", "preverbal", "selon"
    verb_start: int = 0  # inverted: where the auxiliary or verb starts
    aux: str = ""
    verb: str = ""


def _title_start(text: str, start: int) -> int:
    before = text[max(0, start - 12):start]
    for pattern in (_TITLE_M, _TITLE_F, _OTHER_TITLE):
        m = pattern.search(before)
        if m:
            return start - (len(before) - m.start())
    return start


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def find_cues(text: str, people: list[Person], quote_spans: list[tuple[int, int]],
              quoted: dict[tuple[int, int], set[Person]], words: Words) -> list[Cue]:
    """The later cue subjects of ``people`` in ``text``; ``quoted`` maps a paragraph span to the
    persons with a gold quote in it."""
    out = []
    for m in mentions(text, people):
        if m.first or m.shared or m.inside or _inside(quote_spans, m.start, m.end):
            continue
        para = next((p for p in quoted if p[0] <= m.start < p[1]), None)
        if para is None or m.person not in quoted[para]:
            continue
        start = _title_start(text, m.start)
        cue = _inverted(text, start, m, words) or _preverbal(text, start, m, words) or _selon(text, start, m)
        if cue is not None:
            out.append(cue)
    return out


_INVERTED = re.compile(rf"([,»]){_SP}*(?:({'|'.join(_AUX)}){_SP}+)?({_WORD}){_SP}+$")


def _inverted(text: str, start: int, m: Mention, words: Words) -> Cue | None:
    hit = _INVERTED.search(text[max(0, start - 60):start])
    if hit is None or fold(hit.group(3)) not in words.verbs or hit.group(3)[:1].isupper():
        return None
    if text[m.end:m.end + 1].isalpha():
        return None
    base = max(0, start - 60)
    verb_start = base + (hit.start(2) if hit.group(2) else hit.start(3))
    return Cue(start, m.end, m, "inverted", verb_start, hit.group(2) or "", hit.group(3))


_SENTENCE_START = re.compile(rf"(?:^|\n|[.!?]{_SP}+|[.!?]»{_SP}+)$")
_AFTER = re.compile(rf"{_SP}+(?:(?:{'|'.join(_AUX)}){_SP}+(?:[a-zé]+{_SP}+)?)?({_WORD})")


def _preverbal(text: str, start: int, m: Mention, words: Words) -> Cue | None:
    if not _SENTENCE_START.search(text[max(0, start - 4):start]) and start != 0:
        return None
    hit = _AFTER.match(text, m.end)
    if hit is None or fold(hit.group(1)) not in words.verbs:
        return None
    return Cue(start, m.end, m, "preverbal")


_SELON = re.compile(rf"\b(?:[Ss]elon|[Dd]'après|[Dd]’après){_SP}+$")


def _selon(text: str, start: int, m: Mention) -> Cue | None:
    return Cue(start, m.end, m, "selon") if _SELON.search(text[max(0, start - 12):start]) else None


def gender(text: str, person: Person, all_mentions: list[Mention], words: Words) -> str | None:
    """"m"/"f" as the page shows it: titles and determiners before the person's mentions, else the
    given name; None when they disagree or say nothing."""
    votes = {"m": 0, "f": 0}
    for m in all_mentions:
        if m.person != person:
            continue
        before = text[max(0, m.start - 40):m.start]
        if _TITLE_M.search(before):
            votes["m"] += 1
        elif _TITLE_F.search(before):
            votes["f"] += 1
        else:
            role = role_before(before, words)
            if role and role.split()[0].lower() in ("le", "la"):
                votes["m" if role.split()[0].lower() == "le" else "f"] += 1
    if votes["m"] and votes["f"]:
        return None
    if votes["m"] or votes["f"]:
        return "m" if votes["m"] else "f"
    return words.given.get(fold(person.given.split()[0].split("-")[0]))


_ROLE = re.compile(rf"\b([Ll]e|[Ll]a|[Ll]['’]){_SP}*({_WORD})((?:{_SP}+[a-zéèêàç-]+)?){_SP}+$")


def role_before(before: str, words: Words) -> str | None:
    """"la ministre" when ``before`` ends on a determiner, a speaker noun and at most one lower-case word."""
    hit = _ROLE.search(before)
    if hit is None or fold(hit.group(2)) not in words.nouns:
        return None
    det = hit.group(1).lower().replace("’", "'")
    noun = " ".join([hit.group(2), *hit.group(3).split()])  # "Premier ministre", "ministre tchèque"
    return f"{det}{noun}" if det.endswith("'") else f"{det} {noun}"


def _pronoun(cue: Cue, g: str) -> Edit:
    pro = "il" if g == "m" else "elle"
    if cue.position == "selon":
        return (cue.start, cue.end, "lui" if g == "m" else "elle")
    if cue.position == "preverbal":  # always at a sentence start
        return (cue.start, cue.end, pro.capitalize())
    if cue.aux:
        return (cue.verb_start, cue.end, f"{cue.aux}-t-{pro} {cue.verb}")
    joint = "-t-" if cue.verb[-1:] in "ea" else "-"
    return (cue.verb_start, cue.end, f"{cue.verb}{joint}{pro}")


def pronoun_chain(text: str, people: list[Person], cues: list[Cue], words: Words) -> list[Edit]:
    found = mentions(text, people)
    genders = {p: gender(text, p, found, words) for p in people}
    edits = []
    for cue in cues:
        g = genders.get(cue.mention.person)
        if g is None:
            continue
        prev = [m for m in found if m.person == cue.mention.person and m.start < cue.mention.start]
        since = prev[-1].end if prev else 0
        rivals = [m for m in found if since <= m.start < cue.start and m.person != cue.mention.person
                  and genders.get(m.person) in (g, None)]
        if not rivals:
            edits.append(_pronoun(cue, g))
    return edits


def surname_chain(text: str, people: list[Person], cues: list[Cue], words: Words) -> list[Edit]:
    return [(c.mention.start, c.mention.end, c.mention.person.surname) for c in cues if c.mention.full]


_APPOSED = re.compile(rf",{_SP}+(?:([Ll]e|[Ll]a|[Ll]['’]){_SP}*)?({_WORD})\b")


def role_after(text: str, end: int, g: str | None, words: Words) -> str | None:
    """"la ministre" for "X, ministre de …" (the determiner by the person's gender, "l'" before a
    vowel) or "X, l'avocate de …"."""
    hit = _APPOSED.match(text, end)
    if hit is None or fold(hit.group(2)) not in words.nouns:
        return None
    det = (hit.group(1) or "").lower().replace("’", "'")
    if not det:
        if fold(hit.group(2))[:1] in "aeiouyh":
            det = "l'"
        elif g is None:
            return None
        else:
            det = "le" if g == "m" else "la"
    return f"{det}{hit.group(2)}" if det.endswith("'") else f"{det} {hit.group(2)}"


def roles(text: str, people: list[Person], words: Words) -> dict[Person, str]:
    """The one speaker noun (with its determiner) the page puts before or in apposition after each
    person's name, when no other person gets the same noun."""
    seen: dict[Person, set[str]] = {}
    found = mentions(text, people)
    genders = {p: gender(text, p, found, words) for p in people}
    for m in found:
        role = role_before(text[max(0, m.start - 40):m.start], words) or role_after(text, m.end, genders[m.person],
                                                                                  words)
        if role:
            seen.setdefault(m.person, set()).add(role.lower())
    owners: dict[str, set[Person]] = {}
    for p, rs in seen.items():
        for r in rs:
            owners.setdefault(_noun(r), set()).add(p)
    # the noun written anywhere else outside a name's reach ("M. Y, professeur", another one's role) is ambiguous
    near = [(max(0, m.start - 40), m.end + 40) for m in found]
    shared = {n for n in owners if any(not any(a <= h.start() < b for a, b in near)
                                       for h in re.finditer(rf"\b{re.escape(n)}\b", text, re.I))}
    return {p: next(iter(rs)) for p, rs in seen.items()
            if len(rs) == 1 and len(owners[_noun(next(iter(rs)))]) == 1 and _noun(next(iter(rs))) not in shared}


def _noun(role: str) -> str:
    return role.replace("'", " ").split()[1]


def role_chain(text: str, people: list[Person], cues: list[Cue], words: Words) -> list[Edit]:
    held = roles(text, people, words)
    edits = []
    for c in cues:
        role = held.get(c.mention.person)
        if role is None:
            continue
        if c.position == "preverbal":
            role = role[:1].upper() + role[1:]
        edits.append((c.start, c.end, role))
    return edits


PROSE_WORDS = 12  # a shorter paragraph, or one not ending on a sentence's end, may be a heading


def two_voice(paragraphs: list[tuple[int, int]], speakers: list[set[str | None]], text: str = "") -> list[Edit]:
    """Each pair of adjacent paragraphs of prose whose gold quotes are one named speaker's each, two
    different ones, joined by a space (``speakers``: the speakers of each paragraph's gold quotes)."""
    def prose(k: int) -> bool:
        s, e = paragraphs[k]
        words = text[s:e].split()
        return not text or (len(words) >= PROSE_WORDS and text[s:e].rstrip()[-1:] in '.!?»"”')

    edits, k = [], 0
    while k + 1 < len(paragraphs):
        a, b = speakers[k], speakers[k + 1]
        if len(a) == 1 and len(b) == 1 and None not in a | b and a != b and prose(k) and prose(k + 1):
            edits.append((paragraphs[k][1], paragraphs[k + 1][0], " "))
            k += 2
        else:
            k += 1
    return edits


CHAIN_VARIANTS: dict[str, Callable[[str, list[Person], list[Cue], Words], list[Edit]]] = {
    "pronoun-chain": pronoun_chain,
    "surname-chain": surname_chain,
    "role-chain": role_chain,
}
VARIANT_NAMES = [*CHAIN_VARIANTS, "two-voice", "aside-person", "aside-org"]
