"""Who a descriptor designates: an apposed name ("le président ukrainien, Volodimir Zelenski"),
a holder the article names, or whoever held the role at the article's date (at year or month
precision, the holder for most of the period). "Le Norvégien" goes to the nearest person named
before it of that nationality. Appositions come first: they teach the article's own role holders
and nationalities, used before the KB's dates. A descriptor in a sentence dated by a year well
before the article's ("En 1995, le président de la République …") is read at that year, and only
a holder the article names is taken then: never today's holder.
"""

from __future__ import annotations

import re
from datetime import date as _date
from typing import Any

from veille.entities.linking import Linker
from veille.entities.mention import Mention, apposed
from veille.entities.resources import EntityResources

Clusters = dict[tuple, list[Mention]]
# A year that dates the sentence: "en 1995", "en ce mois d'octobre 1995", "le 3 mai 1995" (not "la
# loi de 2019", "en vigueur depuis 2019").
_YEAR = re.compile(r"(?:\b[Ee]n|\b\d{1,2}(?:er)?)\s+(?:(?!depuis\b|de\b|du\b|des\b)[a-zéû]+(?:['’][a-zéû]+)?\s+){0,3}"
                   r"(1[89]\d\d|20\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?\n]")
_PAST_GAP = 2  # years before the article's: "il y a deux ans" is no longer today


def past_year(text: str, d: Mention, date: str | None) -> str | None:
    """The year a descriptor's sentence is set in ("en 1995", "le 3 mai 1995") when every such
    year is at least two years before the article's, else None."""
    if not date:
        return None
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, d.start)), default=0)
    end = _SENTENCE_END.search(text, d.end)
    years = [int(y) for y in _YEAR.findall(text, start, end.start() if end else len(text))]
    now = int(date[:4])
    if years and all(y <= now - _PAST_GAP for y in years):
        return str(max(years))
    return None


def overlap_days(role: Any, date: str) -> int:
    """How many days of the period ``date`` (YYYY or YYYY-MM) the role was held."""

    def day(iso: str, hi: bool) -> _date:
        parts = [int(x) for x in iso.split("-")]
        if len(parts) == 1:
            return _date(parts[0], 12, 31) if hi else _date(parts[0], 1, 1)
        if len(parts) == 2:
            if not hi:
                return _date(parts[0], parts[1], 1)
            nxt = _date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return _date.fromordinal(nxt.toordinal() - 1)
        return _date(*parts[:3])

    try:
        lo = max(day(date, False), day(role.start or "0001", False))
        hi = min(day(date, True), day(role.end, True) if role.end else _date(9999, 12, 31))
    except ValueError:
        return 0
    return max(0, (hi - lo).days + 1)


class HolderResolver:
    """Attaches descriptors to the persons they designate (see the module docstring)."""

    def __init__(self, res: EntityResources, linker: Linker) -> None:
        self.res = res
        self.kb = res.kb
        self.linker = linker

    def attach(self, found: list[Mention], text: str, clusters: Clusters, date: str | None) -> list[Mention]:
        """Adds each descriptor to the person it designates; returns those resolved."""
        kb = self.kb
        persons = sorted([m for ms in clusters.values() for m in ms
                          if (m.kb_id and kb.entries[m.kb_id]["type"] == "PER") or (not m.kb_id and m.label == "PER")],
                         key=lambda m: m.start)
        learned: dict[tuple, tuple] = {}
        nationality: dict[tuple, set[str]] = {}
        key_of = {id(m): k for k, ms in clusters.items() for m in ms}
        pending, resolved = [], []
        for d in found:
            target = apposed(d, persons, text)
            if target is not None and not self.could_hold(target, d, date):
                # "Lors d'un dîner avec X, le président américain a lancé": the comma closes a
                # phrase, not an apposition, when the KB says X is not that role's holder.
                target = None
            if target is not None:
                ckey = key_of[id(target)]
                clusters[ckey].append(d)
                resolved.append(d)
                if d.role and d.role[1]:
                    learned.setdefault(d.role, ckey)
                    if d.role[1].startswith("country:"):
                        nationality.setdefault(ckey, set()).add(d.role[1])
            else:
                pending.append(d)
        for d in pending:
            past = past_year(text, d, date) if d.role and d.role[0] != "nationality" else None
            if past:
                # "En 1995, le président de la République …": that year's holder, if named.
                ckey = self.resolve(d, clusters, {}, nationality, persons, past)
                ckey = ckey if ckey in clusters else None
            else:
                ckey = self.resolve(d, clusters, learned, nationality, persons, date)
            if ckey is not None:
                clusters.setdefault(ckey, []).append(d)
                resolved.append(d)
        return resolved

    def could_hold(self, p: Mention, d: Mention, date: str | None) -> bool:
        """False only when the KB knows both the person and the role's holders on the date and
        the person is not among them (or, for "le Norvégien", is of another nationality)."""
        if not p.kb_id or not d.role or not d.role[1] or not date or not d.dated:
            return True
        roles, of = d.role
        if roles == "nationality":
            nats = self.kb.nationalities(p.kb_id)
            return not nats or of in nats
        holders = [h for role in roles.split(",") for h in self.kb.holders(role, of) if h.covers(date)]
        return not holders or any(h.person == p.kb_id for h in holders)

    def resolve(self, d: Mention, clusters: Clusters, learned: dict, nationality: dict,
                persons: list[Mention], date: str | None) -> tuple | None:
        """The cluster of the person a descriptor without apposition designates, or None."""
        kb = self.kb
        assert d.role is not None
        roles, of = d.role
        named = {k[1]: k for k in clusters if k[0] == "kb" and kb.entries[k[1]]["type"] == "PER"}
        if roles == "nationality":
            # The nearest person named before it who belongs to that country.
            for p in reversed([p for p in persons if p.start < d.start]):
                ckey = next((k for k, ms in clusters.items() if p in ms), None)
                if ckey is None:
                    continue
                nats = set(nationality.get(ckey, set()))
                if ckey[0] == "kb":
                    nats |= kb.nationalities(ckey[1])
                if of in nats:
                    return ckey
            return None
        for role in roles.split(","):
            if (role, of) in learned:
                return learned[(role, of)]
            if of is None:
                if not d.dated:
                    return None
                # "le secrétaire général": a holder of that role the article names.
                hits = [k for pid, k in named.items() for r in self.linker.roles_of(pid)
                        if r.role == role and (not date or r.covers(date))]
                if len(set(hits)) == 1:
                    return hits[0]
                continue
            if not d.dated:
                continue
            holders = kb.holders(role, of)
            if not holders:
                continue
            in_article = [h for h in holders if h.person in named]
            if date:
                at = [h for h in holders if h.covers(date)]
                pick = [h for h in at if h.person in named] or at
                if len(pick) > 1 and len(date) < 10:
                    # A year or month holds a change of office: the holder for most of it.
                    pick = sorted(pick, key=lambda h: (overlap_days(h, date), h.start or ""))
                if pick:
                    pid = pick[-1].person
                    return named.get(pid, ("kb", pid))
                continue
            if in_article:
                pid = in_article[-1].person
                return named[pid]
        return None
