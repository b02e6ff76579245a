"""A weekday named again in one article is the same day.

A news article that writes "mardi" twice speaks of one Tuesday: "Mardi, un conseil se tiendra à la
mairie. … Le conseil organisé mardi décidera du budget" (invented). Each mention's direction is read
from the verb it hangs on, and a mention on a noun ("le scrutin de dimanche") or on a participle
("organisé mardi") gets it from a verb further up, which may point the other way: the two mentions
fall a week apart. When the bare mentions of one weekday (no "dernier" / "prochain", not "depuis")
(a capitalised weekday inside a sentence is a name, a feast's, and no mention) resolve to different
days, a weak mention (on a noun, a participle without auxiliary, or nothing)
takes the day the strong ones (on a finite verb, or a participle with its auxiliary, or after a
preposition that fixes the direction: ``cue_tense``) agree on. With no strong mention nothing is
settled (a feast's name, "le troisième dimanche de …", is no report of the week), and strong mentions
that disagree are two days ("Mardi, la police a arrêté X. Le procès s'ouvrira mardi": left as read).
The article is then read again with those mentions settled, so that the clock times and parts of
the day anchored on them follow.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from veille.common.timespans import Match, patterns
from veille.times.resolve import Reference, resolve

_CLOSED_PRE = ("depuis",)  # "depuis mardi" is always the past one


class WeekdayAgreement:
    """The directions given to the bare weekday mentions of one article, and the weekdays settled."""

    def __init__(self, ref: Reference, text: str) -> None:
        self.ref = ref
        self.text = text
        self.seen: dict[tuple[int, int], tuple[bool, str | None]] = {}  # (start, weekday) -> (strong, day)
        self.settled: dict[tuple[int, int], str | None] = {}  # a weak mention -> the tense giving its day

    def weekday(self, m: Match) -> int | None:
        """The weekday number of a bare weekday mention, None for any other match."""
        if m.kind != "weekday" or m.groups.get("post"):
            return None
        if (m.groups.get("pre") or "").lower() in _CLOSED_PRE:
            return None
        word = m.groups.get("wd") or ""
        if word[:1].isupper() and not m.groups.get("pre") and not _opens_sentence(self.text, m.start):
            return None  # a capital inside a sentence: a name ("le troisième Dimanche de l'Avent")
        return patterns().weekdays.get(word.lower())

    def settles(self, m: Match) -> bool:
        """Whether this mention's direction is set by the other mentions (second reading)."""
        return (m.start, self.weekday(m)) in self.settled

    def settled_tense(self, m: Match) -> str | None:
        return self.settled.get((m.start, self.weekday(m)))

    def note(self, m: Match, tense: str | None, doc: Any, cued: bool) -> None:
        """Record the day a bare weekday mention resolves to, and whether its direction is strong
        (a preposition's cue, or a finite verb the day hangs on)."""
        wd = self.weekday(m)
        if wd is not None and (m.start, wd) not in self.seen:
            self.seen[(m.start, wd)] = (cued or _on_finite_verb(doc, m), resolve(m, self.ref, tense))

    def settle(self) -> bool:
        """Settle the weak mentions of the weekdays whose mentions fell on different days."""
        by_wd: dict[int, list[tuple[tuple[int, int], bool, str]]] = {}
        for key, (strong, day) in self.seen.items():
            if day:
                by_wd.setdefault(key[1], []).append((key, strong, day))
        for mentions in by_wd.values():
            if len({day for _s, _st, day in mentions}) < 2:
                continue
            strong = {day for _s, st, day in mentions if st}
            if len(strong) != 1:  # no finite verb to follow, or two days the verbs tell apart
                continue
            target = next(iter(strong))
            for key, st, day in mentions:
                if not st and day != target:
                    self.settled[key] = self._tense_to(target)
        return bool(self.settled)

    def _tense_to(self, day: str) -> str | None:
        """The direction that gives ``day`` from the article's date."""
        if self.ref.date is None:
            return None
        got = dt.date.fromisoformat(day)
        return "past" if got <= self.ref.date else "future"


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip()
    return not before or before[-1] in ".!?:;\n«\"“(—–-"


def _on_finite_verb(doc: Any, m: Match) -> bool:
    """Whether the day hangs on a finite verb, or on a participle with its auxiliary."""
    if doc is None:
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    if head.i == span.root.i or head.pos_ not in ("VERB", "AUX"):
        return False
    return "Fin" in head.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in head.children)
