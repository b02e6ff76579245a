"""Who a strong pronoun after a preposition cannot stand for: its own clause's subject.

"Marc Olivar s'en est pris à elle", "Léa Tamar a porté plainte contre lui": a pronoun in an
oblique of a verb takes up someone other than that verb's subject (the subject would be "elle-même",
"lui-même", or a reflexive clitic). The backward search of ``actors.pronoun`` skips the names
inside that subject, so the event's target is not its source (which ``coder`` would then drop).
"""

from __future__ import annotations

from typing import Any

OBLIQUE_DEPS = ("obl", "obl:arg", "obl:mod", "iobj", "nmod")
SUBJECT_DEPS = ("nsubj", "nsubj:pass")


def own_subject(tok: Any) -> frozenset[int]:
    """Token indices of the subject of the verb whose oblique ``tok`` is (empty when it has none,
    or when ``tok`` is no oblique of a verb)."""
    if tok.dep_ not in OBLIQUE_DEPS or tok.head.i == tok.i or tok.head.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return frozenset(t.i for c in tok.head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree)
