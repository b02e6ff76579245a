"""Private people named by a given name alone, which NER left outside every entity, shown by the
apposition set off by commas right after the name (``lexicons/entities/apposed_person_openers.tsv``):

- "Maëlys, elle, préfère attendre": a stressed pronoun of contrast between commas;
- "Tom, leur fils de 6 ans, joue": a possessive, then a noun of person;
- "Hugo, ancien de la brigade fluviale, forme": a noun of former membership;
- "Lina, étudiante en droit, …", "Tiago, 36 ans, …": a noun of person or an age
  (``appositions.person_apposed_after``).

French press copy names witnesses, relatives and members of a unit this way (the real-page
guidelines count them as persons); NER tags such a word only now and then. The word must be a
known given name, or, before a stressed pronoun only, a capitalised word that is no French word.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import token_strings
from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.appositions import PERSON_NOUNS, person_apposed_after
from veille.entities.resources import EntityResources

_OPENERS: dict[str, str] = {norm(r[0]): r[1] for r in rows("entities/apposed_person_openers.tsv", min_columns=2)}
_OF_WORDS = frozenset({"de", "du", "des", "d'", "d’"})
# before the name: the start of a sentence, a punctuation mark or a conjunction; never a
# capitalised word (the name would be part of a longer one) nor a determiner ("la Lina" is no
# private person's opening)
_OPENING_WORDS = frozenset({"et", "ou", "mais", "puis", "quant", "alors"})


def _opens_clause(tok: Any) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return "\n" in prev.text_with_ws or prev.is_punct or prev.lower_ in _OPENING_WORDS


def _person_noun(folded: str) -> bool:
    """A noun of ``person_nouns.tsv``, singular or plural ("leurs cousins")."""
    return folded in PERSON_NOUNS or (folded.endswith("s") and folded[:-1] in PERSON_NOUNS)


def _apposition_kind(comma: Any) -> str | None:
    """The kind of apposition opened right after ``comma``: "pronoun", "possessive", "member",
    "person" (a noun of person or an age), or ``None``."""
    doc = comma.doc
    i = comma.i + 1
    if i >= len(doc) or not doc[i].is_lower:
        return None
    kind = _OPENERS.get(norm(doc[i].text))
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if kind == "pronoun" and nxt is not None and nxt.text == ",":
        return "pronoun"
    # (a noun of person only: "Florence, sa ville natale" names a town)
    if kind == "possessive" and nxt is not None and nxt.is_lower and _person_noun(norm(nxt.text)):
        return "possessive"
    if kind == "member" and nxt is not None and (nxt.lower_ in _OF_WORDS or _person_noun(norm(nxt.text))):
        return "member"
    return "person" if person_apposed_after(doc[comma.i - 1]) else None


def apposed_given_names(doc: Any, res: EntityResources) -> list[Any]:
    """The one-word spans of ``doc`` that name a person by the apposition after them (see the
    module's docstring); a word NER tagged as a person, place or body is left to the NER's mentions, one it
    called a thing (MISC) is taken."""
    found = []
    # the Doc's cached columns: Tokens are built only around a comma after a capitalised word
    texts = token_strings(doc, ORTH)
    for i in range(1, len(texts)):
        if texts[i] != "," or not texts[i - 1][:1].isupper():
            continue
        comma, tok = doc[i], doc[i - 1]
        if tok.ent_type_ not in ("", "MISC") or not tok.is_alpha or not tok.text[:1].isupper() or tok.text.isupper() \
                or len(tok.text) < 3 or not _opens_clause(tok):
            continue
        kind = _apposition_kind(comma)
        if kind is None:
            continue
        if norm(tok.text) in res.given_names or (kind == "pronoun" and tok.lower_ not in res.dictionary):
            found.append(doc[tok.i:tok.i + 1])
    return found
