"""The doer of a reason given by "pour" + past infinitive: the one the main clause is about.

"Paul Durand a été condamné à deux mois de prison pour avoir frappé Marc Lefort": the one who hit
is the one condemned (the passive subject), not Marc Lefort, whom the parser often hangs as the
infinitive's subject (a French infinitive has no subject of its own). Active, the main verb's
object ("Le tribunal a condamné Paul Durand pour avoir frappé …"), else its subject ("Il s'est
excusé pour avoir insulté …"). Hooked first in ``agents.VERB_SOURCE_RULES``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import child_indices, token_strings
from veille.events.actors import resolve
from veille.events.roles import Found
from veille.events.view import ArticleView
from veille.events.words import SUBJ, doc_lemmas, doc_lowers, feat

REASON_MARKS = frozenset({"pour"})
CLIMB = 3  # "condamné à deux mois de prison pour avoir …": the infinitive hangs on a noun


def _past_infinitive_reason(verb: Any) -> bool:
    """"pour avoir frappé": a participle with "pour" and an infinitive "avoir" of its own."""
    doc = verb.doc  # (children as indices off the article's columns: a Token only for an "avoir")
    kids, deps = child_indices(doc)[verb.i], token_strings(doc, DEP)
    lowers, lemmas = doc_lowers(doc), doc_lemmas(doc)
    marked = any(deps[c] == "mark" and lowers[c] in REASON_MARKS and c < verb.i for c in kids)
    aux = any(deps[c].startswith("aux") and lemmas[c] == "avoir" and feat(doc[c], "VerbForm") == ["Inf"] for c in kids)
    return marked and aux


def reason_doer(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The one the main clause is about does the reason it gives: "X a été condamné pour avoir
    agressé Y" -> X (the passive subject; active: the object, else the subject)."""
    if not _past_infinitive_reason(verb):
        return None
    gov = verb.head
    for _ in range(CLIMB):
        if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
            break
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX") or gov.i == verb.i:
        return None
    kids = [c for c in gov.children if c.i != exclude]
    for deps, rule in ((("nsubj:pass",), "reason:passive-subject"), (("obj",), "reason:object"),
                       (SUBJ, "reason:subject")):
        found = next((c for c in kids if c.dep_ in deps and c.pos_ != "PRON"), None)
        if found is not None:
            actors = resolve(view, found, with_conj=False)
            return Found(actors[0] if actors else None, rule)
    return None
