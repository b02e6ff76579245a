"""Persons whose given names are written as initials ("J. Varlin", "J.-P. Rodet", "A.-S. Le Goff",
invented), as agency copy, sports results, regional pages and lists of officials print them.

NER reads such a name less well than a full one: it leaves it out, tags the surname alone (often
as a place: "J. | Varlin"), runs a word before it into it ("Valmont J. Varlin", "la Wavebox
V. Seurin": a town, a company, a gentile noun), or calls it a thing. ``initialled_ents`` rewrites
the NER's spans before the mentions are read: the initials open the person's span. "M." and
"MM." are Monsieur and Messieurs, "J.-C." after "av." Jésus-Christ
(``lexicons/entities/initial_lookalikes.tsv``); a capital and a point glued to the next word
("A.Varlin") or after a slash ("UDPS/T.") are left alone. A capitalised word NER read into a
person's name before the initials ("Joan W. Varlin") is cut off only when the article also writes
the initialled name or that word apart, or an article opens it ("la Valdorienne J. Varlin"): else it
is a given name before a middle initial.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import token_strings
from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.resources import PARTICLES, EntityResources

INITIALS = re.compile(r"[A-ZÀ-ÝŞİ]\.(?:-?[A-ZÀ-ÝŞİ]\.){0,2}")
# (the same, as whole lines: the distinct words of an article, one a line, are sorted in one search)
_INITIALS_LINE = re.compile(rf"^(?:{INITIALS.pattern})$", re.MULTILINE)
_LOOKALIKES = {r[0]: frozenset(r[1].split()) for r in rows("entities/initial_lookalikes.tsv", 2)}
_SURNAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB"})  # (not a determiner, pronoun or preposition)


def initials(tok: Any) -> bool:
    """Whether a token is a given name's initials ("J.", "J.-P."), not an abbreviation written so."""
    text = tok.text
    if not INITIALS.fullmatch(text):
        return False
    before = _LOOKALIKES.get(text)
    if before is None:
        return True
    if "*" in before:
        return False
    prev = tok.doc[tok.i - 1] if tok.i else None
    return prev is None or norm(prev.text).rstrip(".") not in before


def _read_by_context(tok: Any) -> bool:
    """Whether a token is an abbreviation the word before it makes one ("av. J.-C.": Jésus-Christ),
    where a person's initials could be written the same."""
    before = _LOOKALIKES.get(tok.text)
    return before is not None and "*" not in before and not initials(tok)


def _name_word(res: EntityResources, tok: Any) -> bool:
    """A capitalised word that may be (part of) a surname after initials."""
    text = tok.text
    return bool(text[:1].isupper() and (tok.is_alpha or ("-" in text and text.replace("-", "").isalpha()))
                and not INITIALS.fullmatch(text) and tok.pos_ in _SURNAME_POS
                and norm(text) not in res.stopwords and norm(text) not in res.calendar
                and norm(text) not in res.titles)


def _surname_end(res: EntityResources, doc: Any, i: int, limit: int) -> int:
    """The end of the surname that starts at token ``i`` (particles, then up to three capitalised
    words, "Le Goff", "de Varlin", "Rodet-Malo"), ``i`` when none starts there."""
    j = i
    while j < limit - 1 and j - i < 2 and doc[j].lower_ in PARTICLES and doc[j].whitespace_:
        j += 1  # "de | Varlin", "Le | Goff", "van der | Meulen"
    k = j
    while k < limit and k - j < 3 and _name_word(res, doc[k]):
        k += 1
        if not doc[k - 1].whitespace_ and k < limit and doc[k].text == "-":
            break  # a hyphen right after: a word the tokenizer split, not read further
    return k if k > j else i


def _opens_name(res: EntityResources, doc: Any, i: int, limit: int) -> int:
    """The end of "initials + surname" when token ``i`` opens one (with a space after the
    initials), else 0."""
    tok = doc[i]
    if not initials(tok) or not tok.whitespace_ or "\n" in tok.whitespace_:
        return 0
    if i and not doc[i - 1].whitespace_ and not doc[i - 1].is_punct:
        return 0  # "UDPS/T.", "l'A.": glued to the word before
    if i and doc[i - 1].text in ("/", "-"):
        return 0
    j = i + 1
    while j < limit and initials(doc[j]) and doc[j].whitespace_:
        j += 1  # "A. O. Varlin", "É. L. Rodet"
    end = _surname_end(res, doc, j, limit)
    return end if end > j else 0


def _written_apart(doc: Any, ent: Any, cut: int) -> bool:
    """Whether the words before ``cut`` are no given name: the article writes the initialled name
    or those words without the other, or an article opens them ("la Valdorienne J. Varlin")."""
    text, whole = doc.text, doc.text.count(ent.text)
    if text.count(doc[cut:ent.end].text) > whole or text.count(doc[ent.start:cut].text) > whole:
        return True
    return ent.start > 0 and doc[ent.start - 1].pos_ == "DET"


def initialled_ents(res: EntityResources, doc: Any) -> list[tuple[Any, str]]:
    """The NER's spans and labels, persons written with initials put right: a span glued onto the
    initials from the left cut before them, a surname read alone taken back to its initials, an
    initialled name read as a thing typed a person, and one NER missed added."""
    out: list[tuple[Any, str]] = []
    ents = list(doc.ents)
    spots = initials_at(doc)
    if not spots:
        return [(e, e.label_) for e in ents]
    covered = [False] * len(doc)
    for e in ents:
        for k in range(e.start, e.end):
            covered[k] = True
    for e in ents:
        label = e.label_
        start = e.start
        if _read_by_context(doc[start]):
            # "52 av. J.-C. Valdorix": the era, then the name NER ran it into (or nothing)
            if e.end - start > 1:
                out.append((doc[start + 1:e.end], label))
            continue
        near = bisect_left(spots, start - 1)
        if near == len(spots) or spots[near] >= e.end:
            # no initials in the span nor right before it: no rule below can change it
            out.append((e, label))
            continue
        if start and not covered[start - 1] and _opens_name(res, doc, start - 1, e.end) == e.end \
                and not (e.end - start >= 2 and norm(doc[start].text) in res.given_names):
            # "J. | Varlin" (NER's place): the surname alone, its initials left out
            # (not "S. | François d'Assise": a full name after a saint's abbreviation)
            out.append((doc[start - 1:e.end], "PER"))
            covered[start - 1] = True
            continue
        cut = next((k for k in range(start + 1, e.end - 1)
                    if initials(doc[k]) and _opens_name(res, doc, k, e.end) == e.end
                    and doc[k - 1].text[:1].isupper() and not INITIALS.fullmatch(doc[k - 1].text)
                    and norm(doc[k - 1].text) not in res.given_names and doc[k - 1].lower_ not in PARTICLES), None)
        if cut is not None and (label != "PER" or _written_apart(doc, e, cut)):
            # "Valmont J. Varlin", "Wavebox V. Seurin": a word run into the name from the left
            # (a person's span only when the article also writes the initialled name without it:
            # "Joan W. Varlin" once is a given name and a middle initial)
            out.append((doc[start:cut], label if label != "PER" else "MISC"))
            out.append((doc[cut:e.end], "PER"))
            continue
        if label != "PER" and _opens_name(res, doc, start, e.end) == e.end:
            out.append((e, "PER"))  # "V. Seurin" read as a thing
            continue
        out.append((e, label))
    after = -1
    for i in spots:
        end = 0 if covered[i] or i < after else _opens_name(res, doc, i, len(doc))
        if end and not any(covered[k] for k in range(i, end)):
            out.append((doc[i:end], "PER"))  # NER left it out
            after = end
    out.sort(key=lambda p: (p[0].start, p[0].end))
    return out


def initials_at(doc: Any) -> list[int]:
    """The indices of the tokens written like initials (``INITIALS``), in order. A Token is built for
    none: the distinct words are matched in one search, as most articles hold none or a few."""
    strings = token_strings(doc, ORTH)
    shaped = set(_INITIALS_LINE.findall("\n".join(set(strings))))
    # (a word holding a line break gives several lines: a token counts only if its whole text is one)
    return [i for i, t in enumerate(strings) if t in shaped] if shaped else []
