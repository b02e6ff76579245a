"""The absolute participle clause of French news copy: a noun phrase set after a comma with a present
participle of its own ("…, les pompiers précisant que l'incendie était maîtrisé"). The noun phrase is the
participle's subject, not the main clause's, and the clause before the comma ends there (issue 16)."""

from __future__ import annotations

from typing import Any

from veille.quotes.state import ArticleState

NP_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM", "PRON"})  # "les autres", "l'un d'eux"
NP_OPENERS = frozenset({"DET", "PROPN"})
NP_HEADS = frozenset({"NOUN", "PROPN", "PRON", "ADJ"})  # "les autres" (the tagger reads an adjective)
MAX_NP = 8  # words of the noun phrase between the comma and the participle


def absolute_subject(state: ArticleState, tok: Any) -> tuple[int, int] | None:
    """Token indices (first, last) of the noun phrase that opens right after a comma and runs up to the
    present participle ``tok`` ("…, les jeunes du quartier considérant que …"); None when the participle
    follows its comma directly ("…, soulignant que …": the main clause's subject speaks) or anything else
    than a noun phrase stands between (a verb, a quotation mark, a relative pronoun)."""
    doc = state.doc
    j = tok.i - 1
    while j >= 0 and tok.i - j <= MAX_NP + 1:
        t = doc[j]
        if t.text == ",":
            first = j + 1
            if first >= tok.i or state.in_quote(t.idx):
                return None
            span = doc[first:tok.i]
            if span[0].pos_ not in NP_OPENERS or not any(w.pos_ in NP_HEADS for w in span):
                return None
            if span[-1].pos_ in ("ADP", "DET"):
                return None  # "…, à la demande de soulignant": no noun ends the phrase
            return first, tok.i - 1
        if t.pos_ not in NP_POS or state.in_quote(t.idx) or t.is_sent_start:
            return None
        j -= 1
    return None


def absolute_clause_at(state: ArticleState, i: int) -> bool:
    """True when token ``i`` (right after a comma) opens an absolute participle clause whose participle is a
    speech cue ("…, les pompiers précisant que …"): another party's report starts there."""
    doc = state.doc
    for k in range(i + 1, min(len(doc), i + MAX_NP + 1)):
        t = doc[k]
        if k in state.cue_at and state.cue_at[k].tok.i == k:
            present = "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") or t.text.endswith("ant")
            return present and absolute_subject(state, t) == (i, k - 1)
        if t.pos_ not in NP_POS:
            return False
    return False
