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
article. A school after its lower-case noun and before its town ("au lycée Marcel Davrin
d'Épinay-sur-Seine", ``school_nouns.tsv``) is split the same way, whatever NER read; so is a
hall followed by its city without "de" ("Velora Arena Lyon", ``venue_words.tsv``).
"""

from __future__ import annotations

import re
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.businesses import BUSINESS_HEADS
from veille.entities.resources import SCHOOL_NOUNS, EntityResources

_OF = frozenset({"de", "d'", "d’"})
_INDEFINITE = frozenset({"un", "une"})
VENUE_WORDS = frozenset(r[0] for r in rows("entities/venue_words.tsv"))
# "Épinay-sur-Seine", "Saint-Aubin": the shape of a French commune's name
_COMMUNE = re.compile(r"(?:Saint|Sainte|Le|La|Les)-[\w'’-]+|[\w'’-]+-(?:sur|sous|en|lès|lez|aux)-[\w'’-]+")


def split_branch(res: EntityResources, ent: Any, label: str, text: str) -> list[tuple[Any, str]]:
    """[(name, ORG), (town, LOC)] for a branch span, else [(ent, label)]."""
    if len(ent) >= 3 and ent[-2].text in VENUE_WORDS and res.kb.lookup(ent[-1].text, "LOC") \
            and not res.kb.lookup(ent.text):
        return [(ent[:-1], "LOC"), (ent[-1:], "LOC")]  # "Velora Arena Lyon": the hall, then its city
    school = ent[0].is_lower and norm(ent[0].text) in SCHOOL_NOUNS
    if (label not in ("ORG", "MISC", "PER") and not school) or len(ent) < 3 or res.kb.lookup(ent.text):
        return [(ent, label)]
    doc = ent.doc
    k = next((i for i in range(ent.end - 2, ent.start, -1) if doc[i].lower_ in _OF), None)
    if k is None or k + 1 >= ent.end or ent.end - (k + 1) > 2:
        return [(ent, label)]
    head, tail = doc[ent.start:k], doc[k + 1:ent.end]
    if not all(t.text[:1].isupper() and (t.is_alpha or "-" in t.text) for t in tail):
        return [(ent, label)]
    if head[0].is_lower and norm(head[0].text) in SCHOOL_NOUNS and len(head) > 1:
        head = head[1:]  # (NER's span may open on the school noun: "lycée Marcel Davrin de Valmont")
    if head.start > 0 and doc[head.start - 1].is_lower and norm(doc[head.start - 1].text) in SCHOOL_NOUNS \
            and (res.kb.lookup(tail.text, "LOC") or _COMMUNE.fullmatch(tail.text)) and all(t.text[:1].isupper() or t.text == "-" for t in head):
        return [(head, "ORG"), (tail, "LOC")]  # "au lycée Marcel Davrin de Valmont": the school and its town
    head = doc[ent.start:k]
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
