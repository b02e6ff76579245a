"""A verb of possibility or necessity in the present, future or imperfect over an infinitive makes the
infinitive's act a possibility, not an act told: "Les deux États peuvent s'unir contre la menace",
"Il faut frapper le réseau", "Les habitants pourront compter sur une aide". Past tenses tell that the
act took place ("a pu fuir", "put s'échapper") and stay facts; "pouvoir" in the conditional was already
hypothetical (``WEAK_MODALS``). "devoir" is left out: its present tells a planned act as often as a
necessity ("doit rencontrer X mardi"), which the guidelines code as an intent.

Read by ``modes._governor_step``; the verbs are the ``possibility_modal`` group of
``lexicons/events/role_words.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.events.words import POSSIBILITY_MODALS, feat, lemma


def possibility(cur: Any, prev: Any, head: Any) -> bool:
    """``cur`` is a possibility verb in a tense that does not tell the act ``prev`` (its infinitive) as
    done; ``prev`` is the trigger ``head`` itself or the verb an event noun hangs on: a modal further up
    governs another clause ("Vous pouvez voir le mouvement qui a vu les militantes descendre dans la
    rue": the march took place)."""
    if lemma(cur) not in POSSIBILITY_MODALS or prev.head.i != cur.i or prev.dep_ != "xcomp":
        return False
    if prev.i != head.i and not (head.pos_ in ("NOUN", "PROPN") and head.head.i == prev.i):
        return False
    if feat(prev, "VerbForm") != ["Inf"] or feat(cur, "VerbForm") == ["Part"]:
        return False
    if any(c.dep_ == "aux:tense" for c in cur.children):
        return False  # "a pu fuir": a compound past tells it done
    return not (feat(cur, "VerbForm") == ["Fin"] and feat(cur, "Tense") == ["Past"])  # "put fuir"
