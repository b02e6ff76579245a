"""Where a speech verb stands: after a comma or a closing mark (an incise, its subject after it), the
fillers written between a subject and its verb, the short phrases between an incise verb and its subject."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.report_forms import aux_before_aside
from veille.quotes.state import ArticleState
from veille.quotes.words import (
    FILLERS_BEFORE_VERB,
    INCISE_FILLER_POS,
    INCISE_PREPS,
    NEGATION,
    QUE,
    RELATIVE_PRONOUNS,
)


def pp_end(state: ArticleState, j: int) -> int | None:
    """After an incise verb, the end of a short prepositional phrase at ``j`` ("sur
    Telegram", "à la presse", "devant les députés") when a subject (an article or a name)
    follows it; None otherwise."""
    doc = state.doc
    k = j
    for _ in range(3):  # "dans un entretien au journal Le Soir": phrases in a row
        k += 1
        if k < len(doc) and doc[k].pos_ == "DET":
            k += 1
        n = 0
        while k < len(doc) and n < 4 and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and not state.in_quote(doc[k].idx):
            if n and doc[k].pos_ == "PROPN" and (doc[k - 1].pos_ != "PROPN" or starts_person(state, doc[k].idx)
                                                  or _acronym_then_name(doc[k - 1], doc[k])):
                break  # "devant les députés Jean Dupont", "à un journaliste de l'AFP Jean Dupont": the name is the subject
            k += 1
            n += 1
        if n == 0 or k >= len(doc):
            return None
        if bare(doc[k].text) in INCISE_PREPS and doc[k].pos_ == "ADP":
            continue
        return k if doc[k].pos_ in ("DET", "PROPN") and bare(doc[k].text) not in QUE else None
    return None


def _acronym_then_name(prev: Any, tok: Any) -> bool:
    """Example "a déclaré à l'AFP Tunde Okafor, porte-parole": an outlet written as an acronym, then a
    capitalised word that is no acronym: a name the entity stage did not list starts there."""
    return len(prev.text) >= 2 and prev.text.isupper() and prev.text.isalpha() and tok.text[:1].isupper() \
        and tok.text[1:].islower() and tok.text.isalpha()


def starts_person(state: ArticleState, pos: int) -> bool:
    """True when a person's mention (outside quotes) starts at ``pos``."""
    return any(m.start == pos and m.entity.type == "PER" and not m.in_quote for m in state.mentions)


def clause_before_incise(state: ArticleState, tok: Any) -> bool:
    """True when a finite verb stands between the sentence start and the comma before the
    incise verb ``tok``: the words before the comma are a clause, not the subject."""
    doc = state.doc
    j = tok.i - 1
    while j >= 0 and (doc[j].pos_ in INCISE_FILLER_POS or doc[j].text.startswith("-")):
        j -= 1
    start = tok.sent.start
    return any(doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")
               and not state.in_quote(doc[k].idx) for k in range(start, max(start, j)))


def skip_fillers_left(state: ArticleState, k: int) -> int:
    """Steps left over "quant à lui", "pour sa part", "de son côté", "à son tour", "lui aussi"
    and adverbs written between a subject and its verb."""
    doc = state.doc
    while k >= 0:
        low = [bare(t.text) for t in doc[max(0, k - 2):k + 1]]
        if len(low) == 3 and tuple(low) in FILLERS_BEFORE_VERB:
            k -= 3
        elif tuple(low[-2:]) in FILLERS_BEFORE_VERB:
            k -= 2
        elif doc[k].pos_ in ("ADV", "AUX") and bare(doc[k].text) not in NEGATION:
            k -= 1
        else:
            return k
    return k


COMME_CLITICS = frozenset({"le", "l'", "l’"})


def before_is_incise(state: ArticleState, tok: Any) -> bool:
    """True when the verb follows a comma or a closing mark (an inverted cue); a relative
    pronoun in between ("la Pologne, qui a annoncé") makes it an ordinary clause."""
    j = tok.i - 1
    while j >= 0 and (state.doc[j].pos_ in INCISE_FILLER_POS or state.doc[j].text.startswith("-")):
        if "Rel" in state.doc[j].morph.get("PronType") or bare(state.doc[j].text) in RELATIVE_PRONOUNS:
            return False
        j -= 1
    if j >= 0 and bare(state.doc[j].text) == "comme" and bare(state.doc[j + 1].text) in COMME_CLITICS:
        return True  # "comme l'a rappelé la maire": the subject follows the verb, as in an incise
    if aux_before_aside(state.doc, j):
        return False  # "Paul Arnaud a, par ailleurs, précisé que …": the comma closes an aside, no incise
    return j >= 0 and (state.doc[j].text in (",", "»", "”", '"', "«", "“") or state.in_quote(state.doc[j].idx))
