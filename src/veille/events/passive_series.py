"""Who undergoes a passive infinitive the parser broke: the series of participles after one "avoir
été" ("dit avoir été enlevé, battu et dépouillé"), a participle tagged as a noun with its
"été" read as a determiner, or a passive infinitive hung on a name as an oblique.

``target_rules.passive_controller`` reads the clean parse; this rule runs after it, on the parses it
cannot read, and finds the same bearer: the subject of the clause the infinitive hangs on, or the
noun its participle clause describes.
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import Actor
from veille.events.clause_bearer import bearer_above
from veille.events.roles import Roles
from veille.events.words import SUBJ, lower_text

# The words between two participles of one series: "enlevée, battue et dépouillée".
SERIES_LINKS = frozenset({",", "et", "puis", "ou"})
# Dependencies the parser gives a later participle of the series (a noun tag makes it an oblique).
SERIES_DEPS = frozenset({"conj", "obl:mod", "obl", "nmod"})


def _passive_infinitive(tok: Any) -> bool:
    """"(après) avoir été frappé", "pour être interrogé": an infinitive auxiliary and "été"/"être"
    among the word's children, whatever labels the parser gave them (it reads "été" as a
    determiner when it tags the participle as a noun)."""
    words = {lower_text(c) for c in tok.children if c.i < tok.i}
    return ("avoir" in words and "été" in words) or "être" in words


def _series_lead(head: Any) -> Any | None:
    """The passive infinitive that opens the series the trigger belongs to: the trigger itself, or
    the participle it hangs on when only commas, "et" and other participles stand between them."""
    if _passive_infinitive(head):
        return head
    lead = head.head
    if head.dep_ not in SERIES_DEPS or lead.i >= head.i or not _passive_infinitive(lead):
        return None
    doc = head.doc
    for j in range(lead.i + 1, head.i):
        tok = doc[j]
        if lower_text(tok) in SERIES_LINKS:
            continue
        if tok.head.i in (lead.i, head.i) and tok.dep_ in SERIES_DEPS | {"cc"} and not any(
                c.dep_ not in ("punct", "cc") for c in tok.children):
            continue  # another participle of the series
        return None
    return lead


def passive_series_bearer(r: Roles) -> tuple[list[Actor], str] | None:
    """The party who undergoes a passive infinitive the parse broke is the subject of the clause it
    hangs on, or the person it describes: "Lina Varga raconte avoir été enlevée, battue et
    menacée." -> Lina Varga for each participle; "Paul Durand, hospitalisé après avoir été frappé par
    Marc Lenoir, a porté plainte" with "frappé" hung on the name -> Paul Durand."""
    head = r.head
    if r.cand.trigger.type not in r.view.lex.object_target_types:
        return None
    if any(c.dep_ in SUBJ or c.dep_ == "obj" for c in head.children):
        return None
    lead = _series_lead(head)
    if lead is None:
        return None
    return bearer_above(r, lead, _describes, "passive-series-bearer")


def _describes(cur: Any, up: Any) -> bool:
    """"Paul Durand, (soigné) après avoir été frappé": the participle clause, or an oblique hung on
    a name, describes the noun above it."""
    return up.pos_ in ("NOUN", "PROPN") and (cur.dep_ in ("acl", "amod", "appos")
                                             or (cur.dep_.startswith("obl") and up.pos_ == "PROPN"))
