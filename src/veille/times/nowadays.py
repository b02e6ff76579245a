""""Aujourd'hui" on a predicate of the copula: what someone or something is nowadays.

"Aujourd'hui, Léa Roy est avocate", "la ferme est aujourd'hui un musée": "aujourd'hui" on a noun or an
adjective that the present-tense copula links to its subject tells a state of the present time
(TimeML PRESENT_REF), not the day of an event, whether or not the sentence names a past (the
``_nowadays_state`` rule of ``veille.times`` needs one, for verbs of lasting state). Left as the
article's day: a predicate with a preposition ("il est aujourd'hui à Lyon", "en réunion": where one
is that day), a passive participle ("est aujourd'hui attendu à Lyon"), a copula in another tense or
with an auxiliary ("a été", "sera"), and a presentative subject (``context_words.tsv`` role ``presentative``: "c'est aujourd'hui la rentrée").

"Aujourd'hui" in a present clause negated by "ne … plus" ("Aujourd'hui, la ferme ne vend plus de lait")
sets today against a state that held before: nowadays too, whatever the verb (``no_longer_nowadays``).
A clause may open after a coordinating conjunction ("Mais aujourd'hui, …", role ``clause_conj``):
``opens_clause`` is the test the contrast rules of ``veille.times`` share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from veille.common.timespans import Patterns
from veille.model import TimeExpr

# The endings of French past participles ("inauguré", "attendu", "construits", "ouverte", "peint").
_PARTICIPLE_END = re.compile(r"(?:é|i|u|is|it|ert|[aeo]int|ait)e?s?$")
_PLACE_WORDS = ("à", "au", "aux", "en", "dans", "chez", "sur", "sous", "devant", "derrière", "auprès", "hors")


def _todays(times: list[TimeExpr], doc: Any, kinds: tuple[str, ...] = ("DATE",)) -> Iterator[tuple[TimeExpr, Any]]:
    """Each "aujourd'hui" still read as the day (of a type in ``kinds``), with its words in ``doc``."""
    if doc is None:
        return
    today = Patterns.key("aujourd'hui")
    for t in times:
        if t.start is None or t.type not in kinds or Patterns.key(t.text) != today:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and len(span):
            yield t, span


def copula_nowadays(times: list[TimeExpr], doc: Any, words: dict[str, str]) -> None:
    """Turn "aujourd'hui" next to a present copula with a noun or adjective into PRESENT_REF, in place."""
    for t, span in _todays(times, doc):
        copula = _copula(doc, span)
        if copula is not None and _tells_state(doc, copula, span, words):
            t.type, t.value = "TIME", "PRESENT_REF"


def _present_etre(token: Any) -> bool:
    return token.lemma_ == "être" and "Pres" in token.morph.get("Tense") and "Ind" in token.morph.get("Mood")


def _copula(doc: Any, span: Any) -> int | None:
    """The present "être" around "aujourd'hui" (read on the words, as the parser often takes the
    copula for the main verb): "est aujourd'hui", "aujourd'hui est", "aujourd'hui, il est"."""
    sent = span.sent
    after = span.end
    while after < sent.end and doc[after].text == ",":
        after += 1
    if after < sent.end and _present_etre(doc[after]):
        return after
    if after + 1 < sent.end and doc[after].pos_ == "PRON" and _present_etre(doc[after + 1]):
        return after + 1
    if span.start - 1 >= sent.start and _present_etre(doc[span.start - 1]):
        return span.start - 1
    return None


def _tells_state(doc: Any, copula: int, span: Any, words: dict[str, str]) -> bool:
    """Whether the copula's subject is not presentative and its predicate is a noun, an adjective or
    a determiner (not a place or a passive event: "à Lyon", "inauguré")."""
    subject = doc[copula - 1] if copula - 1 >= span.sent.start else None
    if subject is not None and words.get(subject.lower_.replace("’", "'")) == "presentative":
        return False
    i = copula + 1
    while i < span.sent.end and (i in range(span.start, span.end) or doc[i].pos_ == "ADV" or doc[i].text == ","):
        i += 1
    if i >= span.sent.end:
        return False
    pred = doc[i]
    if pred.pos_ in ("ADP", "PUNCT", "AUX", "SCONJ", "CCONJ") or pred.lower_ in _PLACE_WORDS:
        return False
    if pred.pos_ == "VERB":  # a participle: a passive event ("est aujourd'hui attendu") keeps the day,
        # unless a verb of lasting state ("disparu"), or an adjective the tagger took for a participle
        return "Part" in pred.morph.get("VerbForm") and (
            words.get(pred.lemma_.lower()) == "state" or not _PARTICIPLE_END.search(pred.lower_))
    return pred.pos_ in ("DET", "NOUN", "ADJ", "PROPN", "NUM", "PRON")


def opens_clause(text: str, start: int, words: dict[str, str]) -> bool:
    """Whether the word at ``start`` opens its sentence, or follows only a coordinating conjunction
    that does (``context_words.tsv`` role ``clause_conj``: "Mais aujourd'hui, …", "Et aujourd'hui, …")."""
    opening = text[max(0, start - 20):start].rstrip(" \t«\"")
    last = re.search(r"(?<![\w'’])([^\W\d_]+)$", opening)
    if last and words.get(last.group(1).lower()) == "clause_conj":
        opening = opening[:last.start()].rstrip(" \t«\"")
    return not opening or opening[-1] in ".!?:;»\n"


def no_longer_nowadays(times: list[TimeExpr], doc: Any, words: dict[str, str]) -> None:
    """Turn "aujourd'hui" in a clause whose present verb is negated by "ne … plus" (role ``no_longer``)
    into PRESENT_REF, in place: "Aujourd'hui, les éleveurs de Lure n'espèrent plus rien", "La chorale
    ne compte plus que dix voix aujourd'hui". A compound past ("n'est plus venu aujourd'hui": one day's
    absence) keeps the day."""
    for t, span in _todays(times, doc):
        if any(_negated_present(doc, tok, words) and abs(tok.i - span.start) <= _NEGATION_REACH
               for tok in span.sent if tok.morph.get("Polarity") == ["Neg"]):
            t.type, t.value = "TIME", "PRESENT_REF"


def _compound_past(doc: Any, verb: Any, closing: Any, words: dict[str, str]) -> bool:
    """An auxiliary whose past participle follows the negation: "n'a plus appelé", "n'est plus venue"
    (an "être" verb of ``context_words.tsv``, role ``etre_verb``; "n'est plus ouverte" is a state)."""
    after = doc[closing.i + 1] if closing.i + 1 < closing.sent.end else None
    if after is None or "Part" not in after.morph.get("VerbForm") or "Past" not in after.morph.get("Tense"):
        return False
    return verb.lemma_ == "avoir" or words.get(after.lemma_.lower()) == "etre_verb"


# How far (in words) the negation may stand from "aujourd'hui" in its sentence: one clause.
_NEGATION_REACH = 8


def _negated_present(doc: Any, ne: Any, words: dict[str, str]) -> bool:
    """Whether the "ne" at ``ne`` is closed by a "no longer" word a few words on, on a present verb
    that no participle follows (a compound past), with no "pas"/"jamais" of another negation between."""
    verb = None
    for tok in doc[ne.i + 1:min(ne.i + 6, ne.sent.end)]:
        if words.get(tok.lower_) == "no_longer":
            return verb is not None and not _compound_past(doc, verb, tok, words)
        if tok.lower_ in ("pas", "jamais", "guère", "point") or tok.is_punct:
            return False
        if verb is None and tok.pos_ in ("VERB", "AUX"):
            if "Pres" not in tok.morph.get("Tense") or "Ind" not in tok.morph.get("Mood"):
                return False
            verb = tok
        elif verb is not None and "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense"):
            return False
    return False
