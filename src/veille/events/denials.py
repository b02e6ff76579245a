"""A denial said through an assertion verb: "X assure n'avoir jamais reçu d'argent", "X affirme
qu'il n'était pas au courant" (REJECT of the claim, GUIDELINES "Denials"). The assertion verb is
no event by itself; what makes it a denial is the negation of its complement clause. Read by
``triggers.object_ok`` for the lexicon lines marked ``negcomp=1``."""

from __future__ import annotations

from typing import Any

from veille.events.view import ArticleView
from veille.events.words import feat, lemma, lower_text

# "ne" in its spellings, and the negation words that need no "ne" to be read as one with it
_NE = frozenset({"ne", "n'", "n’"})
_EXTRA_NEGATION = frozenset({"rien", "personne"})


def negated_complement(view: ArticleView, tok: Any) -> bool:
    """Whether the verb's complement clause ("que …" or an infinitive) is negated with "ne …" and
    is not a verb whose negation the lexicon already reads as a refusal ("il assure qu'il ne
    démissionnera pas" is the REJECT of ``démissionner``; a second one would only repeat it)."""
    negation = view.lex.cue("negation") | _EXTRA_NEGATION
    for comp in tok.children:
        if comp.dep_ not in ("ccomp", "xcomp") or comp.i < tok.i:
            continue
        if any(t.neg_type for t in view.lex.verbs.get(lemma(comp), [])):
            continue
        # the parser may hang "ne" on the auxiliary ("qu'il n'a rien promis")
        kids = [k for c in comp.children for k in (c, *(c.children if c.dep_.startswith(("aux", "cop")) else ()))]
        verbs = [comp, *(c for c in comp.children if c.dep_.startswith(("aux", "cop")))]
        if any(feat(v, "Tense") == ["Fut"] or feat(v, "Mood") == ["Cnd"] for v in verbs):
            continue  # "affirme que la réforme ne passera pas" foretells; a denial is of what is or was
        if any(lower_text(c) in _NE for c in kids) and any(
                lemma(c) in negation or lower_text(c) in negation for c in kids):
            return True
    return False
