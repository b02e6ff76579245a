"""A past participle set after a person's name, which undergoes it: "après la mort de Karim Lenoir,
19 ans, tué par un gendarme", "la famille de Paul Durand, le jeune homme tué par des policiers".

The parser seldom hangs such a participle on the name: it makes it an adverbial clause of the main
verb, or a modifier of a noun higher up, so ``target_rules.described_noun`` (the participle's own
noun) does not see the name. Here the order of the words decides: the participle comes right after
a comma, an age ("19 ans,") or a definite descriptor set off by a comma ("le jeune homme"), and
the word before that is a person's name. Only persons: a body or a country named before a comma
is as often the place or the doer of another clause.
"""

from __future__ import annotations

from typing import Any

from veille.events.actors import Actor, resolve
from veille.events.roles import Roles
from veille.events.words import SUBJ, feat, lemma, lower_text

# the articles that open a descriptor set between the name and its participle ("le jeune homme")
DESCRIPTOR_DETERMINERS = {"le", "la", "l'", "l’", "les", "un", "une"}


def _participle(tok: Any) -> bool:
    """A past participle with no auxiliary, subject or object of its own (its head may come before
    or after it: the parser hangs it on the main verb, which may follow)."""
    if feat(tok, "VerbForm") != ["Part"] or feat(tok, "Tense") == ["Pres"] or lower_text(tok).endswith("ant"):
        return False
    if tok.dep_ in ("ROOT", "xcomp", "ccomp"):
        return False
    return not any(c.dep_.startswith("aux") or c.dep_ in SUBJ or c.dep_ == "obj" for c in tok.children)


def _name_before(tok: Any) -> int | None:
    """The index of the word a trailing participle follows once the comma, an age and a descriptor
    set off by a comma are passed over; None when the participle is not set off that way."""
    doc, j = tok.doc, tok.i - 1
    if j >= 0 and doc[j].text != ",":
        # "Paul Durand, le jeune homme tué par …": a determiner, at most three words, then the comma
        k = j
        while k > tok.i - 5 and k > 0 and doc[k].text != "," and lower_text(doc[k]) not in DESCRIPTOR_DETERMINERS:
            k -= 1
        if lower_text(doc[k]) not in DESCRIPTOR_DETERMINERS or k == 0 or doc[k - 1].text != ",":
            return None
        j = k - 1
    j -= 1  # past the comma
    if j >= 2 and lemma(doc[j]) == "an" and doc[j - 1].like_num and doc[j - 2].text == ",":
        j -= 3  # "Karim Lenoir, 19 ans, tué": past the age and its comma
    return j if j >= 0 else None


def trailing_patient(r: Roles) -> tuple[list[Actor], str] | None:
    """The person named right before a trailing past participle undergoes it: "Une marche a eu
    lieu après la mort de Karim Lenoir, 19 ans, tué par un gendarme." -> Karim Lenoir."""
    head = r.head
    if r.cand.trigger.type not in r.view.lex.object_target_types or not _participle(head):
        return None
    at = _name_before(head)
    if at is None or r.view.tok_entity[at] is None:
        return None
    source = r.source.actor
    out = [a for a in resolve(r.view, head.doc[at], with_conj=False)
           if a.kind == "PER" and (source is None or a.name != source.name)]
    return (out[:1], "trailing-patient") if out else None
