"""An organisation's name of a head noun and its adjectives that the NER stopped before its last
adjective: "le Parti libéral | continental a voté", "le Parti vert | andin," (invented). French
capitalises only the first word of such a name, so the adjective that ends it is lower case and the
NER often leaves it out. The name goes on over one or two lower-case adjectives when it is a head
noun followed by lower-case adjectives only (heads listed in ``lexicons/entities/adjective_tails.tsv``),
the adjectives end at a clear bound (``complements.adjective_end``: punctuation, a finite verb, a
conjunction, a relative pronoun) and none of them situates or dates the body ("le Parti socialiste
| local,": the stop adjectives of the same file). Names of several nouns ("Centre de recherche …")
are ``complements.py``'s."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import groups
from veille.entities.complements import adjective_end, run_on
from veille.entities.mention import Mention

_groups = groups("entities/adjective_tails.tsv")
_HEADS = frozenset(norm(w) for w in _groups["head"])
_STOP_ADJECTIVES = _groups["stop_adjective"]


def _head_and_adjectives(span: Any) -> bool:
    """Whether the span is a listed head noun followed by lower-case adjectives only."""
    toks = list(span)
    return len(toks) >= 2 and toks[0].text[:1].isupper() and norm(toks[0].text) in _HEADS \
        and all(t.is_lower and t.is_alpha and t.pos_ == "ADJ" for t in toks[1:])


def extend_adjective_tails(doc: Any, text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with each organisation name of a head noun and adjectives extended over the
    lower-case adjectives the NER left after it (see the module docstring)."""
    out = []
    for m in names:
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if m.label == "ORG" else None
        if span is None or not _head_and_adjectives(span) or "\n" in doc[span.end - 1].whitespace_:
            out.append(m)
            continue
        end = adjective_end(doc, span.end)
        if end is None or any(t.lower_ in _STOP_ADJECTIVES for t in doc[span.end:end]):
            out.append(m)
            continue
        out.append(run_on(m, doc, text, names, end))
    return out
