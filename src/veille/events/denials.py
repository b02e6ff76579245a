"""A denial told by a verb of assertion over a negated past: "X affirme ne pas avoir reçu les fonds",
"X assure qu'il n'a jamais rencontré Y", "son avocat soutient que les faits n'étaient pas établis".
The speaker rejects what is said of him (REJECT, as the annotation guidelines code an accused
person's or his lawyer's denial). The ``denial=1`` lines of ``lexicons/events/speech_act_triggers.tsv``
are read only with such a complement: a negated future ("assure que les impôts n'augmenteront pas")
is a promise, and a positive complement a plain statement.
"""

from __future__ import annotations

from typing import Any

from veille.events.words import feat, lemma

# The words that negate a clause (the "ne" alone is not enough: "ne … que" restricts).
NEGATORS = frozenset({"pas", "jamais", "nullement", "aucunement", "point", "rien", "aucun", "aucune", "personne"})
COMPLEMENTS = ("ccomp", "xcomp")
PAST_TENSES = (["Past"], ["Imp"])


def _negated(verb: Any) -> bool:
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in NEGATORS:
            return True
        if c.dep_ in ("obj", "nsubj") and (c.lower_ in NEGATORS or any(
                d.dep_ == "det" and d.lower_ in NEGATORS for d in c.children)):
            return True  # "n'a rien reçu", "n'a reçu aucune aide"
    return False


def _past(verb: Any) -> bool:
    """A past clause: a compound tense, a perfect infinitive ("ne pas avoir reçu"), an imperfect or
    a simple past."""
    if any(c.dep_ in ("aux:tense", "aux:pass") or (c.dep_ == "aux" and lemma(c) in ("avoir", "être"))
           for c in verb.children):
        return True
    cop = next((c for c in verb.children if c.dep_ == "cop"), None)
    return feat(cop if cop is not None else verb, "Tense") in PAST_TENSES


def denied_past(tok: Any) -> bool:
    """The verb of assertion ``tok`` governs a negated past clause after it."""
    return any(c.dep_ in COMPLEMENTS and c.i > tok.i and _negated(c) and _past(c) for c in tok.children)
