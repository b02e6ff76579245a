"""Two noun phrases joined by "et" that NER read as one name.

French institution names capitalise their first word only ("Conseil national de la transaction et de la
gestion immobilière"), so a capitalised institution noun after "et de la" that follows a lower-case
complement opens a second name: "le Musée de la marine et de la Bibliothèque des sciences" (invented)
names two bodies (a capitalised field, as in a ministry's portfolio, does not). A determiner or a
quantifier after "et" ("la Défenseure des droits et plusieurs élus") opens a noun phrase of its own. A
name coordinates two complements at most: a second "et de" goes on with the sentence ("Centre de
prévention et contrôle des maladies et du taux de …"). An "et" that ends the span, alone or with its
preposition ("Caisse nationale d'assurance maladie et de la"), belongs to the sentence, not to the
name. Words in ``lexicons/entities/conjoined_names.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import norm

_groups = lexicon.groups("entities/conjoined_names.tsv")
OPENERS = frozenset(_groups["opener"])
_OF = frozenset(_groups["of"])
HEADS = frozenset(_groups["head"])  # folded
_MIN_SECOND = 3  # words of a second name: its head, a preposition, a complement ("Cité des sciences")


def _lower(t: Any) -> str:
    return t.lower_.replace("’", "'")


def split_conjoined(ent: Any, label: str, heads: frozenset[str]) -> list[tuple[Any, str]]:
    """``ent`` cut or split at the "et" where one name ends (see the module docstring); ``heads``:
    the folded nouns that open a body's name."""
    if label not in ("ORG", "LOC") or len(ent) < 3:
        return [(ent, label)]
    doc = ent.doc
    coordinated = False
    for k in range(ent.start + 2, ent.end):
        if doc[k].lower_ != "et":
            continue
        if coordinated and k + 1 < ent.end and _lower(doc[k + 1]) in _OF:
            return [(doc[ent.start:k], label)]  # a name coordinates two complements, not three
        coordinated = True
        if k + 1 == ent.end:
            return [(doc[ent.start:k], label)]
        after = doc[k + 1]
        if _lower(after) in OPENERS:
            return [(doc[ent.start:k], label)]
        h = k + 1
        while h < ent.end and _lower(doc[h]) in _OF:
            h += 1
        if h == ent.end:  # "… maladie et de la": the span stops before the second name
            return [(doc[ent.start:k], label)]
        before = doc[k - 1]
        if h > k + 1 and h < ent.end and doc[h].text[:1].isupper() and norm(doc[h].text) in heads | HEADS \
                and before.is_alpha and before.is_lower and ent.end - h >= _MIN_SECOND \
                and any(_lower(t) in _OF for t in doc[h + 1:ent.end]):
            return [(doc[ent.start:k], label), (doc[h:ent.end], label)]
    return [(ent, label)]
