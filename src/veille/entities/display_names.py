"""The name an organisation or place the KB does not know goes by: the full name the article
introduces it by, not the shorter form it then repeats. The press names a body in full once, first,
and shortens it after ("le Conseil valdorien des archives régionales … le Conseil valdorien des
archives", invented): the form written most often is the short one, while the first mention of the
cluster holds it and goes on over a complement (lower-case words, "de" + a name). Only a first
mention that extends the name at its end is taken: a capitalised word glued after it ("Conseil des
archives Lundi") or before it is no complement. The two forms are one entity only where a merge
made them so (a nationality after the name, ``headed.merge_demonym_tails``; a plural, a spelling);
the name written more often stays the name otherwise."""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.model import Entity

_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_OF = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’"})
_ELIDED = re.compile(r"^([dl][’'])(.+)$", re.IGNORECASE)
_MAX_TAIL = 4  # words of a complement: "pour la sauvegarde du littoral" is as long as they go


def _words(text: str) -> list[str]:
    out: list[str] = []
    for w in _WORD.findall(text):
        m = _ELIDED.match(w)
        out.extend([m.group(1), m.group(2)] if m else [w])
    return out


def _complement(tail: list[str]) -> bool:
    """Whether the words after the name read as its complement: lower-case words, or a capitalised
    name right after "de"/"du"/"des"/an article; no punctuation, no word the run cannot end on."""
    if not tail or len(tail) > _MAX_TAIL or tail[-1].lower() in _OF:
        return False
    for i, w in enumerate(tail):
        if not w[:1].isalpha():
            return False
        if w[:1].isupper() and (i == 0 or tail[i - 1].lower() not in _OF):
            return False
    return True


def introduced_name(entities: list[Entity]) -> None:
    """Each unlinked organisation or place goes by its first mention when that mention is its name
    with a complement after it (see the module docstring)."""
    for e in entities:
        if e.kb_id or e.type not in ("ORG", "LOC") or not e.mentions:
            continue
        first = e.mentions[0].strip()
        if not first[:1].isupper() or norm(first) == norm(e.name):
            continue
        name_words, first_words = _words(e.name), _words(first)
        n = len(name_words)
        if len(first_words) <= n or [norm(w) for w in first_words[:n]] != [norm(w) for w in name_words]:
            continue
        if _complement(first_words[n:]):
            e.name = first
