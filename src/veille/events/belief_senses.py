"""Drop rule of the events stage for a verb of persuading that tells a belief, not a request (issue 13,
precision, helper evspurious), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). "Convaincre
X de faire" asks X for an act; but "être convaincu que/de", "un militant convaincu" tell what someone
believes, and "convaincre les électeurs que …" persuades them of a fact: nobody is asked to do anything.
Cues in ``lexicons/events/sense_cues.tsv``: ``persuade_verb``, the verbs; ``fact_mark``, the words that
open what one is persuaded of; ``act_mark``, the words that open the act one is asked for.

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent
from veille.events.walks import has_child
from veille.events.words import feat, lemma

_CUES = groups("events/sense_cues.tsv")
PERSUADE_VERBS = _CUES["persuade_verb"]
FACT_MARKS = _CUES["fact_mark"]
ACT_MARKS = _CUES["act_mark"]
_LOOK_AHEAD = 8  # words after the verb within which its complement opens
_OPEN_QUOTES = frozenset({"«", '"', "“"})


def _believing_participle(head: Any) -> bool:
    """"est convaincu", "convaincus que", "un indépendant convaincu": a past participle in no compound
    past ("a convaincu les élus" is an act) and with no "par" agent ("convaincu par son frère" was persuaded
    by someone)."""
    if feat(head, "VerbForm") != ["Part"] or feat(head, "Tense") == ["Pres"]:
        return False
    return not has_child(head, ("aux:tense",)) and agent(head) is None


def _persuaded_of_fact(head: Any) -> bool:
    """The first complement after the verb opens a fact ("que"), not an act ("de" + infinitive). Read on the
    words, as the parser hangs "qu'ils étaient …" on the object as a relative clause."""
    doc = head.doc
    for i in range(head.i + 1, min(head.sent.end, head.i + 1 + _LOOK_AHEAD)):
        tok = doc[i]
        low = tok.lower_
        if low in FACT_MARKS:
            return True
        if low in ACT_MARKS and i + 1 < len(doc) and feat(doc[i + 1], "VerbForm") == ["Inf"]:
            return False
        if tok.is_punct and low not in _OPEN_QUOTES:
            return False
    return False


def persuaded_of(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Le maire Paul Vidal est convaincu de gagner.", "Léa Tamar tente de convaincre les électeurs
    qu'elle est la seule candidate." (invented): a belief, no request. "Léa Tamar a convaincu les élus de
    voter le projet." keeps its request."""
    trig = cand.trigger
    if trig.type != "REQUEST" or trig.kind != "verb" or lemma(head) not in PERSUADE_VERBS:
        return False
    return _believing_participle(head) or _persuaded_of_fact(head)
