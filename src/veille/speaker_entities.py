"""The record-level check that every quote's speaker is an entity of the article (SCHEMA: "speaker is
the canonical name of an entity in ``entities``, or null"), run once after every stage.

The quote stage may name a speaker the entity stage did not list: a person only the parser saw, a
family name alone, or a bare title ("le Roi a dit", "Mme" with no name). Here such a speaker is
resolved to the one entity that holds it (a person whose name ends on the family name, the person a
mention calls by that title); a full name nobody holds is listed as a person; anything else (a post
alone, a stray capitalised word) is set to null. ``rule`` (``--explain``) says which and why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from veille.common import lexicon
from veille.common.fold import bare
from veille.common.names import NAME_PARTICLES
from veille.model import Article, Entity

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(bare(text))


def _title_words() -> frozenset[str]:
    """Posts and civilities that are no one's name ("roi", "professeur", "mme")."""
    nouns = {bare(w) for w in lexicon.mapping("speaker_nouns.tsv")}
    titles = {bare(w).rstrip(".") for w in lexicon.mapping("titles.tsv")}
    return frozenset(nouns | titles)


def _contains(seq: list[str], part: list[str]) -> bool:
    n = len(part)
    return n > 0 and any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


def holder(speaker: str, entities: list[Entity], titles: frozenset[str]) -> Entity | None:
    """Example "Roi" in an article whose entity Arno Valdis has the mention "le roi Arno Valdis": that
    entity; "Valdis": the one person whose name ends on it; a word nobody holds, or several hold: None."""
    words = [w.rstrip(".") for w in _words(speaker)]
    if not words:
        return None
    if len(words) == 1 and words[0] in titles:
        # a bare title: the person a mention writes with it ("le roi X", "Mme X")
        found = {id(e): e for e in entities if e.type == "PER"
                 for m in e.mentions if len(_words(m)) > 1 and _contains([w.rstrip(".") for w in _words(m)], words)}
    else:
        found = {id(e): e for e in entities if e.type == "PER" and _words(e.name)[-len(words):] == words}
        if not found:  # a name written as one of the entity's own mentions ("l'Agence" for an organisation)
            found = {id(e): e for e in entities if e.type in ("PER", "ORG")
                     and any(_words(m) == _words(speaker) for m in e.mentions)}
    return next(iter(found.values())) if len(found) == 1 else None


def named_in(speaker_text: str | None, entities: list[Entity]) -> Entity | None:
    """Example speaker words "le président Arno Valdis" and the entity Arno Valdis: the one person or
    organisation whose name (or a many-word mention) the words naming the speaker hold."""
    words = _words(speaker_text or "")
    if len(words) < 2:
        return None
    found = {id(e): e for e in entities if e.type in ("PER", "ORG")
             for form in (e.name, *e.mentions) if len(_words(form)) > 1 and _contains(words, _words(form))}
    return next(iter(found.values())) if len(found) == 1 else None


_NAME_WORD = re.compile(r"[A-ZÀ-Þ]\w*(?:[-'’][A-ZÀ-Þa-zß-ÿ]\w*)*")
_INITIALS = re.compile(r"[A-ZÀ-Þ]\.(?:-[A-ZÀ-Þ]\.)*")  # "A.", "J.-P.": given names written as initials


def full_name(speaker: str, titles: frozenset[str]) -> bool:
    """Example "Arno Valdis", "A. Valdis", "Arno van der Valdis": two or more capitalised words (the
    given names may be initials, a particle of ``NAME_PARTICLES`` may stand inside), none a post,
    nothing else ("Good Games Don’", "Info - Valbrume", "Parole de Dieu" are not): a person the quote
    stage named that the entity stage missed."""
    words = speaker.split()
    if len(words) < 2 or not _NAME_WORD.fullmatch(words[-1]) or any(bare(w).rstrip(".") in titles for w in words):
        return False
    given = 0
    while given < len(words) - 1 and _INITIALS.fullmatch(words[given]):
        given += 1
    inner = words[given:-1]
    if not all(_NAME_WORD.fullmatch(w) or w in NAME_PARTICLES for w in inner):
        return False
    if not any(w in NAME_PARTICLES for w in inner):
        return given > 0 or all(_NAME_WORD.fullmatch(w) for w in inner)
    # a particle inside ("Parole de Dieu" is no one): initials, or a given name, open the name
    return given > 0 or (_NAME_WORD.fullmatch(inner[0]) is not None and bare(inner[0].split("-")[0]) in _given_names())


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(bare(r[0]) for name in ("given_names.tsv", "entities/given_names.tsv") for r in lexicon.rows(name))


def check_speakers(article: Article) -> None:
    """Every quote's speaker made an entity's canonical name, or null (the reason added to ``rule``)."""
    names = {e.name for e in article.entities}
    titles: frozenset[str] | None = None
    for q in article.quotes:
        if q.speaker is None or q.speaker in names:
            continue
        titles = titles if titles is not None else _title_words()
        ent = named_in(q.speaker_text, article.entities) or holder(q.speaker, article.entities, titles)
        if ent is None and full_name(q.speaker, titles):
            # a full name the parser saw and the entity stage did not list: listed now, so the quote keeps it
            article.entities.append(Entity(name=q.speaker, type="PER", mentions=[q.speaker]))
            names.add(q.speaker)
            if q.rule is not None:
                q.rule = f"{q.rule} +speaker_entity_added"
            continue
        note = f"speaker_entity:{q.speaker}->{ent.name}" if ent is not None else f"speaker_not_entity:{q.speaker}"
        q.speaker = ent.name if ent is not None else None
        if q.rule is not None:
            q.rule = f"{q.rule} +{note}"
