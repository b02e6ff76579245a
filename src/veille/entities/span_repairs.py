"""Repairs of NER spans that carry over from site to site (real-page phenomena of issue 16):

- a name glued to its own copy by a page's link text ("Léa RoyLéa Roy", "GoogleGoogle", also
  after a space, "Léa Roy Léa RoyDirectrice"): the dump prints a link's label and its title side
  by side; the name is read once, and a common word so doubled ("CertainsCertains") is none;
- a person's span running on over the band, club or town the person belongs to ("Gilles Marchand
  des Tourniquets", "Ibrahima Ndour de Dakar"): "des"/"du" after a full name (two capitalised
  words at least) is no nobiliary particle, nor is "de" before a place the KB knows; the person is
  cut there ("Joachim du Bellay", "Charles de Gaulle": one given name, the particle stays); so is
  "de" before an organisation the KB knows, or before two capitalised words or more, the outlet
  or body a journalist or a member is given by ("Awa Diop de Radio Kanel"; a noble tail opens on
  "Saint" or an article: "Hélie Denoix de Saint Marc");
- a person's span that ran over a glued quotation ("Dan Roy,"on …"), a rank after the name
  ("Léo Marin 9e") or a capitalised title before it ("Président Kim Su-bin"): the name alone;
- the past participle of any verb group opening a sentence ("Enfouies sous …", "Tutoyé par …"),
  which the tagger reads as a name.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.fr.stop_words import STOP_WORDS

from veille.common.fold import norm
from veille.common.names import NAME_PARTICLES
from veille.entities.mention import Mention

# "Verdan|Paul": a lower-case letter glued to a capital, where a link's copy may start
_GLUE = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
_OF_PLURAL = frozenset({"des", "du"})
_OF = frozenset({"de", "d'", "d’"})
# a nobiliary name's tail of two words opens on these ("Hélie Denoix de Saint Marc")
_NOBLE_TAILS = frozenset({"saint", "sainte", "st", "ste", "la", "le", "les"})


def unglue_double(m: Mention, text: str, dictionary: frozenset[str]) -> Mention | None:
    """The mention cut to its first copy when the text glues the name to itself right after it
    ("Léa RoyLéa Roy"); None when the doubled word is a common word ("CertainsCertains")."""
    spaced = _spaced_copy(m.text)
    if spaced:  # "Léa Roy Léa RoyDirectrice": the copy after a space, glued to the next word
        key = m.key[:len(m.key) - (len(m.text) - len(spaced))] if m.key.endswith(m.text[len(spaced):]) else spaced
        return Mention(end=m.start + len(spaced), start=m.start, text=spaced, key=key.strip() or spaced,
                       label=m.label, source=m.source, kb_ids=m.kb_ids, kb_id=m.kb_id, gender=m.gender)
    for glue in _GLUE.finditer(m.text):
        half = m.text[:glue.start()]
        if len(half) < 3 or text[m.start + len(half):m.start + 2 * len(half)] != half:
            continue
        if " " not in half and (half.lower() in dictionary or half.lower() in STOP_WORDS):
            return None
        end = m.start + len(half)
        key = m.key[:len(m.key) - (m.end - end)] if m.key.endswith(m.text[len(half):]) else half
        if m.key.startswith(half) or len(key) < 2:
            key = half
        return Mention(end=end, start=m.start, text=half, key=key.strip(), label=m.label, source=m.source,
                       kb_ids=m.kb_ids, kb_id=m.kb_id, gender=m.gender)
    return m


def _spaced_copy(text: str) -> str | None:
    """The first copy of a name of two words or more written twice with a space between ("Léa Roy
    Léa Roy", "Léa Roy Léa RoyDirectrice": a link's label then its title, glued to what follows);
    None otherwise ("Boutros Boutros-Ghali" is one name: the copy goes on over a hyphen)."""
    words = text.split(" ")
    for k in range(2, len(words) // 2 + 1):
        half = " ".join(words[:k])
        rest = text[len(half) + 1:]
        if rest.startswith(half) and (len(rest) == len(half) or rest[len(half)].isupper() or rest[len(half)] == " "):
            return half
    return None


def _capitalised(tok: Any) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text) and not tok.is_upper


def affiliation_split(kb: Any, ent: Any, label: str) -> list[tuple[Any, str]]:
    """A person's span cut before the group or place it names after the person ("Gilles Marchand
    des Tourniquets": Gilles Marchand; "Ibrahima Ndour de Dakar": the person and Dakar); the
    span as it is otherwise. The group after "des" is not kept: its name is rarely the one the
    span cuts ("les Tourniquets")."""
    if label != "PER" or len(ent) < 3 or kb.lookup(ent.text):
        return [(ent, label)]
    doc = ent.doc
    for k in range(ent.start + 1, ent.end - 1):
        of = doc[k].lower_
        if of not in _OF_PLURAL and of not in _OF:
            continue
        head, tail = doc[ent.start:k], doc[k + 1:ent.end]
        if not all(_capitalised(t) for t in head) or not _capitalised(tail[0]):
            return [(ent, label)]
        place = bool(kb.lookup(tail.text, "LOC"))
        if place and (len(head) >= 2 or of in _OF_PLURAL):
            return [(head, "PER"), (tail, "LOC")]  # "Ibrahima Ndour de Dakar", "Amadou Kanté du Mali"
        if of in _OF_PLURAL and len(head) >= 2:
            return [(head, "PER")]  # "Gilles Marchand des Tourniquets"
        if len(head) >= 2 and kb.lookup(tail.text, "ORG"):
            return [(head, "PER"), (tail, "ORG")]  # "Léa Roy de l'Unicef" read as one person
        if len(head) >= 2 and _tail_words(tail) >= 2 and all(_capitalised(t) for t in tail) \
                and norm(tail[0].text) not in _NOBLE_TAILS:
            return [(head, "PER")]  # "Awa Diop de Radio Kanel": her outlet, not a nobiliary particle
        return [(ent, label)]
    return [(ent, label)]


def _tail_words(tail: Any) -> int:
    """The capitalised words of a span's tail with those right after the span on its line
    (NER often stops one word short: "Moussa Sarr de Sud | Hebdo")."""
    doc, end = tail.doc, tail.end
    while end < len(doc) and tail.doc[end - 1].whitespace_ == " " and _capitalised(doc[end]):
        end += 1
    return end - tail.start


_PARTICIPLE = re.compile(r"(?:é|i|u)e?s?$")


def participle_of(word: str, dictionary: frozenset[str]) -> bool:
    """Whether a word is the past participle of a verb of the dictionary ("médusée" -> "méduser",
    "enfouies" -> "enfouir", "vendus" -> "vendre"): the lemma index lists verbs by their infinitive
    only."""
    match = _PARTICIPLE.search(word)
    if not match or match.start() == len(word) or len(word) - len(match.group()) < 3:
        return False
    stem, vowel = word[:match.start()], match.group()[0]
    infinitives = {"é": ("er",), "i": ("ir",), "u": ("re", "oir", "ir")}[vowel]
    return any(stem + inf in dictionary for inf in infinitives)


_GLUED_PUNCT = re.compile(r"[,;:\"«»“”(]")


def trim_person(m: Mention, text: str, person_heads: frozenset[str]) -> Mention:
    """A person's mention without a glued quotation or punctuation after the name, a rank after it
    ("9e", "12e,") and a capitalised title before it (``person_heads.tsv``: "Président"; also before a
    name with a particle, "Président Léo de Marin")."""
    if m.label != "PER" or m.kb_id:
        return m
    start, end = m.start, m.end
    cut = _GLUED_PUNCT.search(text, start, end)
    if cut and cut.start() > start:
        end = cut.start()
    words = text[start:end].split(" ")
    while len(words) > 1 and words[-1][:1].isdigit():
        words.pop()  # "Léo Marin 9e": a rank
    end = start + len(" ".join(words))
    if len(words) >= 3 and words[0][:1].isupper() and norm(words[0]) in person_heads \
            and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words[1:]) and words[-1][:1].isupper():
        start += len(words[0]) + 1  # "Président Kim Su-bin": the title, then the person
    if (start, end) == (m.start, m.end):
        return m
    key = text[start:end].strip()
    return Mention(start=start, end=start + len(key), text=key, key=key, label=m.label, source=m.source,
                   kb_ids=m.kb_ids, kb_id=m.kb_id, gender=m.gender)
