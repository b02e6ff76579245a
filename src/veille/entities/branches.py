"""A local branch of a named organisation: "un Café Lumo de Varennes", "la Caisse Rivoire de
Tullins" (named alone elsewhere). NER reads the brand and the town as one name (often a
person's: "Tim | de | X"); the article names two entities, the organisation and the town.

Split "<Name> de <Town>" when the name is no institution noun keeping its seat ("Université de
Genève", "Parlement de Malte", ``lexicons/org_heads.tsv``), no business noun ("Auberge de X"),
no single given name ("Pierre de Coubertin") and no single dictionary word ("Opéra de Paris"),
and one sign says it is a brand: an indefinite article before it ("un Café Lumo de Varennes": a
person is not "un X"), the name written alone elsewhere in the article, or a town the KB knows
(a descriptive name, with lower-case words, keeps its seat: "Foire du livre de Brive",
"Police régionale de Peel" are one name each). A person's span needs the indefinite
article.
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.fold import norm
from veille.entities.businesses import BUSINESS_HEADS
from veille.entities.resources import EntityResources

_OF = frozenset({"de", "d'", "d’"})
_INDEFINITE = frozenset({"un", "une"})


def split_branch(res: EntityResources, ent: Any, label: str, text: str) -> list[tuple[Any, str]]:
    """[(name, ORG), (town, LOC)] for a branch span, else [(ent, label)]."""
    if label not in ("ORG", "MISC", "PER") or len(ent) < 3 or res.kb.lookup(ent.text):
        return [(ent, label)]
    doc = ent.doc
    k = next((i for i in range(ent.end - 2, ent.start, -1) if doc[i].lower_ in _OF), None)
    if k is None or k + 1 >= ent.end or ent.end - (k + 1) > 2:
        return [(ent, label)]
    head, tail = doc[ent.start:k], doc[k + 1:ent.end]
    if not all(t.text[:1].isupper() and (t.is_alpha or "-" in t.text) for t in tail):
        return [(ent, label)]
    first = norm(head[0].text)
    if first in res.org_heads or first in BUSINESS_HEADS or first in res.name_modifiers or first in res.person_heads \
            or first in res.generic_heads or norm(tail.text) in res.given_names:
        return [(ent, label)]
    if any(t.is_lower and t.is_alpha for t in head):
        return [(ent, label)]  # a descriptive name keeps its seat: "Police régionale de Peel"
    if len(head) == 1 and (first in res.given_names or head[0].lower_ in res.dictionary):
        return [(ent, label)]
    if any(res.kb.entries[i]["type"] != "LOC" for i in res.kb.lookup(tail.text)):
        return [(ent, label)]
    indefinite = ent.start > 0 and doc[ent.start - 1].lower_ in _INDEFINITE
    if label == "PER" and not indefinite:
        return [(ent, label)]
    alone = len(re.findall(r"(?<!\w)" + re.escape(head.text) + r"(?!\w)", text)) > text.count(ent.text)
    if indefinite or alone or res.kb.lookup(tail.text, "LOC"):
        return [(head, "ORG"), (tail, "LOC")]
    return [(ent, label)]
