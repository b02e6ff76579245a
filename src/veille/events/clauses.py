"""Sentences and clauses: the units an event's text, date, place and quantities are read from.

``sentences`` glues back fragments spaCy split off; ``clause_top`` climbs from a trigger to the
verb that anchors its clause and ``clause_region`` keeps that clause without the nested clauses
that do not hold the trigger; ``governing_verb`` finds the verb an event noun belongs to.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, derived, head_indices, morph_fields, token_strings
from veille.events.view import ArticleView, case
from veille.events.words import CLAUSAL, CORE, SUPPORT_PREPS, doc_sentences, lemma


def sentences(view: ArticleView) -> list[list[Any]]:
    """spaCy sentences, with fragments that start in lower case glued back to the previous one."""
    units: list[list[Any]] = []
    for sent in doc_sentences(view.doc):  # (the Spans ``words.sentence_of`` hands out too)
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        glued = (units and first.text[:1].islower() and "\n" not in view.doc[first.i - 1].text_with_ws
                 and first.i > 0)
        if glued:
            units[-1].append(sent)
        else:
            units.append([sent])
    return units


def governing_verb(view: ArticleView, tok: Any) -> Any | None:
    """The verb a nominal trigger belongs to, when it is the event's support or setting."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        prep = case(cur) or ""
        if head.pos_ in ("VERB", "AUX"):
            core = cur.dep_ in CORE or prep in SUPPORT_PREPS
            if core and (view.is_cue(head, "light") or view.is_cue(head, "intent")):
                return head
            if prep and (prep in view.lex.cue("during") or prep.split(" ")[0] in view.lex.cue("during")):
                return head
            return None
        if head.pos_ == "ADV" and lemma(head) in view.lex.cue("during") and head.head.i != head.i:
            # "lors d'un appel": spaCy hangs the noun on the adverb "lors".
            return head.head
        if head.pos_ in ("ADJ", "VERB") and view.is_cue(head, "intent"):
            cur = head
            continue
        if head.pos_ == "NOUN" and (view.is_cue(head, "light") or view.is_cue(head, "intent")):
            cur = head
            continue
        return None
    return None


def clause_region(top: Any, keep: Any) -> frozenset[int]:
    """Tokens of a clause, without the nested clauses that do not hold the trigger. Worked out once
    per (clause, trigger) and article: the coder, the date and the place rules ask it again of the
    same pair (about twice and a half per pair on the seeds); frozen, as it is shared."""
    doc = top.doc
    memo = derived(doc, "events_clause_region", dict)
    key = (top.i, keep.i)
    region = memo.get(key)
    if region is None:
        region = memo[key] = frozenset(_clause_region(doc, top.i, keep.i))
    return region  # type: ignore[no-any-return]


def _clause_region(doc: Any, top: int, keep: int) -> set[int]:
    # Token indices and the Doc's cached columns: no Token object per word of the clause.
    heads, kids = head_indices(doc), child_indices(doc)
    deps, tags = token_strings(doc, DEP), token_strings(doc, POS)
    region: set[int] = set()
    keep_path = {keep}
    k = keep
    for _ in range(len(heads)):  # ``keep.ancestors``
        if heads[k] == k:
            break
        k = heads[k]
        keep_path.add(k)
    stack = [top]
    while stack:
        t = stack.pop()
        region.add(t)
        for c in kids[t]:
            if deps[c] in CLAUSAL and c not in keep_path and tags[c] in ("VERB", "AUX", "ADJ", "NOUN"):
                if deps[c] == "conj" and tags[c] == "NOUN":
                    stack.append(c)
                continue
            stack.append(c)
    return region


def clause_top(head: Any) -> Any:
    """Climbs from a trigger through non-finite links to the verb that anchors its clause."""
    doc = head.doc  # (the climb over the article's columns: a Token only for the verb it stops at)
    kids, deps, tags, heads = child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS), head_indices(doc)
    morph = morph_fields(doc)
    cur = head.i
    for _ in range(6):
        form = morph[cur].get("VerbForm")  # (``feat(tok, "VerbForm")``)
        if tags[cur] in ("VERB", "AUX") and form != ["Inf"] and (
                form == ["Fin"] or any(deps[c].startswith("aux") for c in kids[cur])
                or deps[cur] == "ROOT"):
            break
        if heads[cur] == cur or deps[cur] in ("acl:relcl", "parataxis"):
            break
        cur = heads[cur]
    return head if cur == head.i else doc[cur]
