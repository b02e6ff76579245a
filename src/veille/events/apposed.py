"""A name set off by a comma after its common noun, which the parser read as a coordination.

"La ministre des Finances, Lina Varga, a …" and "Une association de quartier, Vie et Espoir, a …"
are appositions: the name is who the noun is. The parser often hangs the name as a ``conj`` of the
noun with no "et" (a comma only); these helpers tell that misparse from a real coordination.
"""

from __future__ import annotations

from typing import Any

from veille.events.walks import has_child
from veille.events.words import PERSON_TITLES, lemma


def comma_conj(first: Any) -> bool:
    """``first`` hangs as a coordination of a common noun before it, a comma right before it and
    no "et"/"ou" of its own: an apposition ("leur avocate, Maître Lina Varga"), one person, not
    two (``groups.lone_person``). In a list, the last member has its "et"."""
    head = first.head
    if first.dep_ != "conj" or head.pos_ != "NOUN" or head.i >= first.i:
        return False
    if has_child(first, ("cc",)):
        return False
    return first.i > 0 and first.doc[first.i - 1].text == ","


def comma_conj_title(first: Any) -> bool:
    """A person's name coordinated by a comma with the title just before it: "La ministre des
    Finances, Lina Varga, a …" (``conj`` of "ministre") is an apposition."""
    return first.pos_ == "PROPN" and lemma(first.head) in PERSON_TITLES and comma_conj(first)


def comma_named(view: Any, tok: Any) -> bool:
    """A named body or person coordinated by a comma with the noun just before it: "Une association
    turque, Solidarité Plus, a porté plainte" -> the association is Solidarité Plus."""
    ent = view.entity_at(tok)
    return ent is not None and ent.type in ("ORG", "PER") and comma_conj(tok)
