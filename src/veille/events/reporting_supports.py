"""A support verb that only tells of the act its event noun names (issue 13, helper evnoun2).

An event noun without an agent of its own takes its support verb's subject ("Le Chili a effectué une
visite au Pérou." -> Chili: ``source_rules.support_verb_agent``). Some support verbs only speak of
the act or bring it to light: "La maire s'est exprimée sur la grève des éboueurs." (the dustmen
strike, not the mayor), "Le comité met en exergue les expulsions de locataires par la préfecture."
(the committee expels nobody). Their subject is no doer of the noun: ``reports_only`` tells such a
use from the verb's lemma and a mark of ``lexicons/events/reporting_supports.tsv`` (the event noun
in the verb's "sur" phrase, or the words right after the verb). Examples are invented.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import rows
from veille.events.view import case
from veille.events.walks import climb_to
from veille.events.words import lemma, lower_text

# verb lemma -> its marks ("sur", or words right after the verb: ("en", "exergue"))
_MARKS: dict[str, list[tuple[str, ...]]] = {}
for _verb, _mark, *_ in rows("events/reporting_supports.tsv", 3):
    _MARKS.setdefault(_verb, []).append(tuple(_mark.split()))
# tokens that may stand between the verb and a fixed mark ("a mis clairement en exergue")
_GAP = 2


def _phrase_on(gov: Any, noun: Any) -> Any | None:
    """The dependent of ``gov`` that holds ``noun`` (the noun itself, or the phrase it hangs on),
    six heads up at most."""
    path = [noun.i, *climb_to(gov.doc, noun.i, gov.i, 6)]
    return gov.doc[path[-2]] if len(path) > 1 and path[-1] == gov.i else None


def _words_after(gov: Any, mark: tuple[str, ...]) -> bool:
    """``mark`` is written right after ``gov``, an adverb or two between at most."""
    doc = gov.doc
    for start in range(gov.i + 1, min(gov.i + 2 + _GAP, len(doc))):
        span = doc[start:start + len(mark)]
        if len(span) == len(mark) and tuple(lower_text(t) for t in span) == mark:
            return True
        if doc[start].pos_ not in ("ADV", "PRON", "AUX"):
            return False
    return False


def reports_only(gov: Any, noun: Any) -> str | None:
    """The mark by which support verb ``gov`` only tells of the act of event noun ``noun`` ("sur",
    "en exergue"), or None when it may do it: "Le préfet a fait le point sur les manifestations." ->
    "sur"; "Le préfet a fait une visite au port." -> None."""
    marks = _MARKS.get(lemma(gov))
    if not marks:
        return None
    phrase = _phrase_on(gov, noun)
    for mark in marks:
        if mark == ("sur",):
            if phrase is not None and case(phrase) == "sur":
                return "sur"
        elif _words_after(gov, mark):
            return " ".join(mark)
    return None
