"""An organisation's acronym the article writes with no brackets, joined to the one full name of the
article it fits ("le Parti libéral … le PLV", "le Parti socialiste valdorien … le PS", invented).

``variants.merge_spelled_acronyms`` joins an acronym of three capitals or more that is exactly the
initials of a full name. French copy builds acronyms more loosely (issue 16: dev errors on seven
sites, each acronym built otherwise): a nationality adjective left out ("Parti socialiste suisse",
"PS"), a party's region added ("PL" + the province's initial), a hyphenated or elided word
("l'Office d'études"), a word giving its first two letters, small words kept or left out, the
acronym of the name in another language (the KB's aliases). The habits are data
(``lexicons/entities/acronym_habits.tsv``); the demonyms come from the KB. An acronym is joined
only when exactly one full name of the article fits it.

An acronym the KB linked by a name other countries' bodies share ("PS", ``shared_body_names.tsv``)
joins an unlinked full name that fits it only by leaving out another country's adjective ("le PS
… le Parti socialiste valdorien", invented): that country's party, not the KB's; the link is dropped.
"""

from __future__ import annotations

import functools
import re

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.namesakes import SHARED
from veille.entities.variants import absorb_mentions, acronym_skips
from veille.kb import KB
from veille.model import Entity

_SKIP = acronym_skips("skip", "skip-loose")
_LETTERS: dict[str, tuple[str, ...]] = {norm(r[1]): tuple(r[2].split("|"))
                                        for r in rows("entities/acronym_habits.tsv", min_columns=3) if r[0] == "letters"}
_WORDS = re.compile(r"[^\W_]+|&")
MAX_LETTERS = 8  # longer runs of capitals are words shouted, not acronyms
MIN_TWO_LETTERS = 4  # the shortest acronym a word may give two letters to (of a name of three words or more)


def letters_of(name: str) -> str | None:
    """The folded letters of a name shaped as an acronym ("plq" for "PLQ", "ag2r" for "AG2R", "afd"
    for "AfD"): one word of two to eight letters and figures, at least two capitals, capitals half
    its letters or more ("McLaren" is a name); None otherwise."""
    if " " in name.strip():
        return None
    letters = [c for c in name if c.isalnum()]
    caps = sum(c.isupper() for c in letters)
    alpha = sum(c.isalpha() for c in letters)
    if not 2 <= len(letters) <= MAX_LETTERS or caps < 2 or caps * 2 < alpha:
        return None
    return norm("".join(letters))


def _words(name: str) -> tuple[str, ...]:
    # (hyphens and apostrophes split words: "Saint-Marin", "l'Office d'études")
    return tuple(_WORDS.findall(norm(name)))


@functools.lru_cache(maxsize=4096)
def _ends(letters: str, words: tuple[str, ...], demonyms: frozenset[str]) -> frozenset[tuple[int, bool]]:
    """Where the spelling of ``words`` may end in ``letters``: (letters used, a demonym left out),
    each word spelt by its initial, its first two letters (once, in a long acronym), a listed
    habit, or left out when it is a small word or (after the first letter) a nationality adjective."""
    states = {(0, False, False)}  # (letters used, two-letter word used, demonym left out)
    long_ = len(letters) >= MIN_TWO_LETTERS and sum(w not in _SKIP for w in words) >= MIN_TWO_LETTERS - 1
    for w in words:
        nxt = set()
        for j, two, dropped in states:
            if w in _SKIP or w == "&":
                nxt.add((j, two, dropped))
            if j and w in demonyms:  # (after the first word spelt: "Suisse Énergie" is no "É")
                nxt.add((j, two, True))
            spellings = {w[0]} | set(_LETTERS.get(w, ())) | ({w} if w.isdigit() else set())
            for s in spellings:
                if letters.startswith(s, j):
                    nxt.add((j + len(s), two, dropped))
            # (two letters of one word only in a long acronym of a long name: "INA" is no "Inter actualités")
            if not two and long_ and len(w) >= 3 and letters.startswith(w[:2], j):
                nxt.add((j + 2, True, dropped))
        states = nxt
        if not states:
            break
    return frozenset((j, dropped) for j, _, dropped in states)


def fits(acronym: str, name: str, demonyms: frozenset[str], places: frozenset[str] = frozenset()) -> str | None:
    """How ``acronym`` spells ``name``: "plain", "demonym" (only by leaving out a nationality
    adjective) or None. An acronym of three letters or more may end on the initials of one of
    ``places`` (folded initials of the article's setting: "PLV" for "Parti libéral" in Valdorie)."""
    letters = letters_of(acronym)
    words = _words(name)
    if letters is None or sum(w not in _SKIP for w in words) < 2:
        return None
    ends = _ends(letters, words, demonyms)
    tails = {""} | ({t for t in places if t} if len(letters) >= 3 else set())
    done = [dropped for j, dropped in ends if letters[j:] in tails]
    if not done:
        return None
    return "plain" if not all(done) else "demonym"


def _initials(name: str) -> str:
    return "".join(w[0] for w in _words(name) if w not in _SKIP)


def _setting(entities: list[Entity]) -> frozenset[str]:
    """The initials of the article's setting, the place (or places) it names most often: the region a
    party's acronym may add ("PLV" in a story set in Valdorie). Any place's initial would fit too
    often on a page naming fifty towns."""
    places = [e for e in entities if e.type == "LOC"]
    most = max((len(e.mentions) for e in places), default=0)
    return frozenset(_initials(e.name) for e in places if len(e.mentions) == most)


def merge_loose_acronyms(entities: list[Entity], kb: KB) -> list[Entity]:
    """The entities, each organisation's acronym written alone joined to the one full name of the
    article it fits (see the module docstring); the full name keeps the entity."""
    demonyms = frozenset(kb.demonyms)
    places = _setting(entities)
    fulls = [e for e in entities if e.type == "ORG"]
    gone: set[int] = set()
    for a in entities:
        if a.type not in ("ORG", "LOC") or not a.mentions or any(letters_of(m) is None for m in {a.name, *a.mentions}):
            continue
        shared = a.kb_id is not None and all(norm(m) in SHARED for m in {a.name, *a.mentions})
        if a.kb_id is not None and not shared:
            continue
        cands = [b for b in fulls if b is not a and id(b) not in gone and _fitting(a, b, kb, demonyms, places, shared)]
        if len(cands) != 1:
            continue
        keep = cands[0]
        keep.type = "ORG"
        absorb_mentions(keep, a)
        gone.add(id(a))
    return [e for e in entities if id(e) not in gone]


def _fitting(a: Entity, b: Entity, kb: KB, demonyms: frozenset[str], places: frozenset[str], shared: bool) -> bool:
    """Whether the acronym entity ``a`` is the organisation ``b``: a name of ``b`` it fits (a
    KB-linked ``a`` only by leaving out another country's adjective, ``b`` unlinked), or, ``b``
    linked, one of its KB aliases."""
    if shared:
        if b.kb_id is not None:
            return False
        return any(fits(a.name, n, demonyms) == "demonym" and _other_country(kb, a.kb_id, n) for n in _long_names(b))
    if b.kb_id is not None and norm(a.name) in {norm(x) for x in (kb.get(b.kb_id) or {}).get("aliases") or []}:
        return True
    return any(fits(a.name, n, demonyms, places) for n in _long_names(b))


def _long_names(e: Entity) -> list[str]:
    return list(dict.fromkeys(n for n in (e.name, *e.mentions) if len(n.split()) >= 2))


def _other_country(kb: KB, eid: str | None, name: str) -> bool:
    """Whether ``name`` holds the adjective of a country other than the KB body's own."""
    home = kb.country((kb.get(eid) or {}).get("country"))
    return any(kb.demonyms.get(w) not in (None, home) for w in _words(name))
