"""A person's name with lower-case particles between the given name and the surname ("Octave de la
Marvière", "Ilse van der Meulen", "Karim ben Salmi", "Anne d'Arvelle"; invented): NER often reads the
given name and the surname apart ("Octave" | "Marvière"), or one of them alone, and the person was
then named by half of the name. Two repairs, called by ``mentions.complete_person``:

- a person mention that ends on a given name, followed on its line by a chain of
  ``lexicons/entities/particle_chains.tsv`` and a capitalised word, goes on over them;
- a person mention opening on a surname, after such a chain and a capitalised given name, takes
  them in.

The word after the chain is no place or body the KB knows ("Léa de Brivac" is Léa from Brivac when
the KB knows Brivac), and when NER gave it no person's label, no dictionary word ("Léa du Collectif").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.resources import PARTICLES, EntityResources

# chains as token tuples, longest first ("de la" before "de"); an elided particle is one token ("d'")
_CHAINS = tuple(sorted({tuple(r[0].replace("’", "'").split()) for r in rows("entities/particle_chains.tsv")},
                       key=len, reverse=True))
_FIRSTS = frozenset(c[0] for c in _CHAINS)


def _chain_at(doc: Any, i: int, end: int) -> int:
    """The number of tokens of the longest particle chain written at token ``i`` (before ``end``), 0
    when none: lower case as written, a space after each word but an elided one, none across a line."""
    if i >= end or doc[i].lower_.replace("’", "'") not in _FIRSTS:
        return 0
    for chain in _CHAINS:
        k = len(chain)
        if i + k > end:
            continue
        toks = [doc[j] for j in range(i, i + k)]
        if [t.text.replace("’", "'") for t in toks] != list(chain):
            continue
        if all((t.whitespace_ == "") if t.text.endswith("'") or t.text.endswith("’") else t.whitespace_ == " "
               for t in toks):
            return k
    return 0


def _given(res: EntityResources, t: Any) -> bool:
    return t.text[:1].isupper() and (norm(t.text) in res.given_names or norm(t.text.split("-")[0]) in res.given_names)


def _surname(res: EntityResources, t: Any, name_word: Callable[[Any], bool]) -> bool:
    """Whether ``t`` may be the surname after a particle chain (see the module)."""
    if t.is_sent_start or not t.text[:1].isupper() or t.is_upper or t.lower_.replace("’", "'") in PARTICLES:
        return False  # (a surname in capitals is ``capital_surnames.py``'s; "de LA" is no name)
    if not (name_word(t) or (t.ent_type_ in ("LOC", "MISC") and t.is_alpha and not t.is_upper)):
        return False
    if t.ent_type_ != "PER" and t.lower_ in res.dictionary:
        return False
    kinds = {res.kb.entries[i]["type"] for i in res.kb.lookup(t.text)}
    return not kinds or "PER" in kinds


def over_particles(res: EntityResources, doc: Any, first: int, last: int,
                   name_word: Callable[[Any], bool]) -> int:
    """The end of a person's name ``doc[first:last]`` that stopped on a given name before a particle
    chain and the surname ("Octave | de la Marvière"); ``last`` when it did not."""
    if last >= len(doc) or "\n" in doc[last - 1].whitespace_ or not _given(res, doc[last - 1]):
        return last
    k = _chain_at(doc, last, len(doc))
    if k and last + k < len(doc) and _surname(res, doc[last + k], name_word):
        return last + k + 1
    return last


def given_before(res: EntityResources, doc: Any, first: int, name_word: Callable[[Any], bool]) -> int:
    """The start of a person's name that opened on its surname after a given name and a particle chain
    ("Octave de la | Marvière"); ``first`` when it did not."""
    if not _surname(res, doc[first], name_word):
        return first
    for k in (3, 2, 1):
        g = first - k - 1
        if g < 0 or _chain_at(doc, g + 1, first) != k:
            continue
        t = doc[g]
        if t.whitespace_ == " " and _given(res, t) and t.ent_type_ in ("", "PER"):
            return g
    return first
