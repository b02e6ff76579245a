"""Linking a mention to the KB.

In order: an exact alias (accents and case ignored; an acronym only in capitals), a
transliteration key ("Volodimir Zelenski"), then, for a multi-word person name the KB does not
know as written, close given names under an exact (or near) surname, accepted when the context
agrees ("Jans Stoltenberg", "Andrzei Duda"); a surname alone links to the one KB person of that
surname active around the article's date. Several candidates are told apart by the people the
article names, then by who held a role at the date. A name the KB does not know stays unlinked.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import process as rf_process
from rapidfuzz.distance import Indel

from veille.common.fold import norm, phonetic
from veille.entities.gazetteer import acronym_mismatch
from veille.entities.mention import Mention, apposed
from veille.entities.resources import COMMON_GIVEN_NAMES, EntityResources
from veille.kb import name_words, split_name

_INITIALS = re.compile(r"[a-z]\.?(?:[ .-]+[a-z]\.?)+")  # folded initials of several given names ("j. p")


def near(role: Any, date: str, years: int = 5) -> bool:
    """Whether a role was held within ``years`` of ``date``."""
    if not date[:4].isdigit():
        return True
    y = int(date[:4])
    start = int((role.start or "0001")[:4])
    end = int(role.end[:4]) if role.end else 9999
    return start <= y + 1 and end >= y - years


def given_similarity(given: str, cand: str) -> float:
    """How alike two given names are (1.0 for a matching initial: "J. Stoltenberg")."""
    g, c = norm(given), norm(cand)
    if not g or not c:
        return 0.0
    if len(g.rstrip(".")) == 1 or len(c) == 1:
        return 1.0 if g[0] == c[0] else 0.0
    if _INITIALS.fullmatch(g) or _INITIALS.fullmatch(c):
        # "J.-P." (folded "j. p") for "Jean-Pierre": the initials of its words, one by one
        first = [w[0] for w in re.split(r"[ .-]+", g) if w]
        second = [w[0] for w in re.split(r"[ .-]+", c) if w]
        return 1.0 if first == second else 0.0
    return max(Indel.normalized_similarity(g, c), Indel.normalized_similarity(phonetic(g), phonetic(c)))


class Linker:
    """KB ids for mentions (see the module docstring)."""

    def __init__(self, res: EntityResources) -> None:
        self.res = res
        self.kb = res.kb

    def roles_of(self, pid: str) -> list:
        return self.kb.person_roles.get(pid, [])

    def link_exact(self, m: Mention) -> None:
        kb = self.kb
        if not m.kb_ids:
            key = norm(m.key)
            # An acronym links only when written in capitals ("Ue" is not the UE).
            m.kb_ids = [i for i in kb.lookup(m.key)
                        if not all(acronym_mismatch(m.key, w) for w in kb.alias_case.get((key, i), [""]))]
            if not m.kb_ids and m.label in ("PER", "MISC") and len(name_words(m.key)) >= 2:
                m.kb_ids = [i for i in kb.phonetic_names.get(phonetic(m.key), []) if kb.entries[i]["type"] == "PER"]
        if m.kb_ids and m.label in ("PER", "ORG", "LOC"):
            same = [i for i in m.kb_ids if kb.entries[i]["type"] == m.label]
            # NER often swaps ORG/LOC; a person's name read as a place is kept only if the KB agrees.
            if same:
                m.kb_ids = same
            elif m.label == "PER" and norm(m.key) in COMMON_GIVEN_NAMES:
                m.kb_ids = []  # "Dominique" read as a person (gazetteer.resolve_overlaps): not the country
        if len(m.kb_ids) == 1:
            m.kb_id = m.kb_ids[0]

    def fuzzy_person(self, text: str, m: Mention, context: set[str], date: str | None,
                     descs: list[Mention]) -> str | None:
        """A KB person for an unlinked multi-word name: exact (or near) surname, close given names.

        Close given names alone are enough ("Andrzei Duda"); looser ones ("Jans Stoltenberg")
        need the context to agree: the person is named elsewhere in the article or a descriptor
        in apposition fits them. An unknown namesake ("Erna Stoltenberg") stays unlinked.
        """
        kb = self.kb
        if len(name_words(m.key)) < 2:
            return None
        given, sur = split_name(m.key)
        cands = kb.surnames.get(sur) or kb.surnames_phonetic.get(phonetic(sur)) or []
        near_surname = False
        if not cands and len(sur) >= 5:
            # A typo in the surname ("Olaf Scholtz"): only with the very same given name.
            hit = rf_process.extractOne(sur, kb.surname_list, scorer=Indel.normalized_similarity,
                                        score_cutoff=0.85)
            if hit:
                cands = kb.surnames[hit[0]]
                near_surname = True
        best, best_score = None, 0.0
        for pid in cands:
            e = kb.entries[pid]
            for name in [e["name"], *(e.get("aliases") or [])]:
                if len(name_words(name)) < 2:
                    continue
                cgiven, csur = split_name(name)
                if not near_surname and csur != sur and phonetic(csur) != phonetic(sur):
                    continue
                score = given_similarity(given, cgiven)
                if score > best_score:
                    best, best_score = pid, score
        if best is None:
            return None
        if near_surname:
            return best if best_score >= 0.99 else None
        if best_score >= 0.85:
            return best
        supported = best in context or any(
            apposed(d, [m], text) is m and self.fits_role(best, d, date) for d in descs)
        return best if supported and best_score >= 0.6 else None

    def fits_role(self, pid: str, d: Mention, date: str | None) -> bool:
        """Whether a descriptor could designate this KB person."""
        if not d.role:
            return False
        roles, of = d.role
        if roles == "nationality":
            return of in self.kb.nationalities(pid)
        return any(r.role in roles.split(",") and (of is None or r.of == of) for r in self.roles_of(pid))

    def surname_person(self, m: Mention, context: set[str], date: str | None) -> str | None:
        """A KB person for a surname alone ("Poutine"), when the KB has one such person."""
        kb = self.kb
        key = norm(m.key)
        cands = kb.surnames.get(key) or kb.surnames_phonetic.get(phonetic(key)) or []
        if not cands:
            return None
        named = [c for c in cands if c in context]
        if named:
            return named[0]
        if len(key) < 4 or key in kb.given_names:
            return None  # "Michel", "Gabriel" alone are as likely given names: not enough to link
        if len(cands) == 1 and (m.label in ("PER", "MISC") or m.gender or not m.kb_ids):
            # A surname alone names the public figure only around the time they were one:
            # "Carter" in 2024 is not a defence secretary who left office in 2017.
            if date and not any(near(r, date) for r in self.roles_of(cands[0])):
                return None
            return cands[0]
        if date and m.label == "PER":
            active = [c for c in cands if any(r.covers(date) for r in self.roles_of(c))]
            if len(active) == 1:
                return active[0]
        return None

    def disambiguate(self, m: Mention, context: set[str], date: str | None) -> str | None:
        named = [i for i in m.kb_ids if i in context]
        if len(named) == 1:
            return named[0]
        if date:
            active = [i for i in m.kb_ids if any(r.covers(date) for r in self.roles_of(i))]
            if len(active) == 1:
                return active[0]
        by_type = {self.kb.entries[i]["type"] for i in m.kb_ids}
        if len(by_type) == 1 and self.kb.entries[m.kb_ids[0]]["type"] != "PER":
            return m.kb_ids[0]  # e.g. two places of one name: take the first (main) one
        return None
