"""A speech verb's subject set apart from it: a relative clause or an apposition between them, a name
before a descriptor in apposition, the subject of the verb a participle hangs on."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.report_forms import RELATIVE_OPENERS
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import QUE

NP_WORDS = ("PROPN", "NOUN", "ADJ", "DET", "ADP")
DEMONSTRATIVE_SUBJECTS = frozenset({"c'", "c’", "ce", "cela", "ca"})


def participle_head_subject(state: ArticleState, cue: Cue) -> tuple[Any, Any] | None:
    """Example "« Un échec », c'est ainsi qu'Anne Roy a résumé la saison, estimant que …": (verb, subject)
    of the verb a participle with no subject hangs on (by the parse), the subject closest to that verb
    ("Anne Roy", not "c'"); None when there is none, or it is a relative pronoun."""
    tok = cue.tok
    head = tok.head
    if head.i >= tok.i or tok.dep_ not in ("advcl", "advmod", "conj", "acl"):
        return None
    for c in reversed(list(head.children)):
        if c.dep_ == "nsubj" and c.i < tok.i and not state.in_quote(c.idx) and c.pos_ in ("PRON", "PROPN", "NOUN") \
                and bare(c.text) not in DEMONSTRATIVE_SUBJECTS:
            return None if "Rel" in c.morph.get("PronType") else (head, c)
    return None


def relative_aside_subject(state: ArticleState, cue: Cue) -> tuple[int, int] | None:
    """Example "Anne Roy, qui dirige l'école du village depuis dix ans, souligne que …": a relative clause
    set off by commas stands between the subject and its speech verb (the parser often hangs the verb on
    the relative clause); the noun phrase before ", qui" (", où", ", dont"), which opens the sentence or
    follows a comma, is the subject. Its (start, end) offsets, or None."""
    doc = state.doc
    k = (cue.start_tok if cue.start_tok is not None else cue.tok.i) - 1
    if k < 3 or doc[k].text != "," or state.in_quote(doc[k].idx):
        return None
    # (the parser often starts a sentence at the comma or the relative pronoun: the sentence's
    # bounds are read from the punctuation, not from the parse)
    for r in range(k - 2, max(0, k - 40), -1):
        if state.in_quote(doc[r].idx) or _sentence_break(doc[r]):
            return None
        if not (bare(doc[r].text) in RELATIVE_OPENERS or doc[r].lower_ == "où") or doc[r - 1].text != ",":
            continue
        if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc[r + 1:k]):
            return None
        j = r - 2
        toks = []
        while j >= 0 and len(toks) < 12 and (doc[j].pos_ in NP_WORDS or _glued_hyphen(doc, j)) \
                and not state.in_quote(doc[j].idx):
            toks.append(doc[j])
            j -= 1
        toks.reverse()
        if not toks or toks[0].pos_ == "ADP" or not any(t.pos_ in ("PROPN", "NOUN") for t in toks):
            return None
        if j >= 0 and doc[j].text != "," and not _sentence_break(doc[j]):
            return None  # the phrase must open the sentence or follow a comma
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return None


def _glued_hyphen(doc: Any, j: int) -> bool:
    """True for a hyphen inside a compound name ("Ville-Haute"), no space on either side."""
    return doc[j].text == "-" and j > 0 and not doc[j - 1].whitespace_ and not doc[j].whitespace_


def _sentence_break(tok: Any) -> bool:
    return tok.text in (".", "!", "?", ";", ":", "«", "»") or (tok.is_space and "\n" in tok.text)


def apposition_before(state: ArticleState, cue: Cue) -> bool:
    """"…, le patron des ingénieurs, s'est dit « … »": the comma before the verb closes an apposition
    (a noun before it, a quotation mark or nothing after the verb), not an inverted cue."""
    doc = state.doc
    k = (cue.start_tok if cue.start_tok is not None else cue.tok.i) - 1
    nxt = doc[cue.tok.i + 1] if cue.tok.i + 1 < len(doc) else None
    if not (k > 0 and doc[k].text == "," and doc[k - 1].pos_ in ("NOUN", "ADJ", "PROPN") and not state.in_quote(doc[k].idx)
            and nxt is not None and (nxt.text in ("«", "“", '"', ":") or bare(nxt.text) in QUE)):
        return False
    j = k - 1
    while j > 0 and k - j <= 10 and doc[j].pos_ in ("NOUN", "ADJ", "DET", "ADP", "PROPN"):
        j -= 1
    # the phrase opens on an article right after "Name,"
    return doc[j].text == "," and doc[j + 1].pos_ in ("DET", "NOUN") and any(
        m.end == doc[j].idx and m.entity.type in ("PER", "ORG") and not m.in_quote for m in state.mentions)


def named_before_apposition(state: ArticleState, subj: Any, s: int) -> int:
    """"Claire Dubois, la présidente du club, a déclaré …": the parser often takes the descriptor in
    apposition for the subject; the name written just before it, followed by a comma, is the subject's
    start (so that the person, not the descriptor, is looked up). "Me Anne Roy, avocate de Paul
    Arnaud, a estimé …": the parser may take the client, named in the apposition's complement."""
    if subj.pos_ == "PROPN" and s:
        return owner_of_apposition(state, s)
    if subj.pos_ != "NOUN" or not s or state.text[:s].rstrip()[-1:] != ",":
        return s
    comma = len(state.text[:s].rstrip()) - 1
    for m in state.mentions:
        # "Joint par Le Quotidien, le maire a dit": the outlet that asked owns no apposition
        if m.end == comma and not m.in_quote and not m.asked and m.entity.type in ("PER", "ORG"):
            return owner_of_apposition(state, m.start) if m.entity.type == "PER" else m.start
    return s


def owner_of_apposition(state: ArticleState, s: int) -> int:
    """Example "Me Anne Roy, avocate de Paul Arnaud, a estimé que …": a subject name that is the complement
    of a descriptor in apposition ("avocate de", "le fils de") is not who speaks; the person named
    before the apposition's comma is, and the subject starts there."""
    doc = state.doc
    k = state.tok_at(s).i - 1
    if k < 2 or bare(doc[k].text) not in ("de", "d'", "d’", "du"):
        return s
    j = k - 1
    while j > 0 and k - j <= 4 and doc[j].pos_ in ("NOUN", "ADJ", "DET") and doc[j].is_lower:
        j -= 1
    if j == k - 1 or doc[j].text != "," or not any(
            bare(t.lemma_) in state.res.person_nouns or bare(t.text) in state.res.person_nouns for t in doc[j + 1:k]):
        return s
    for m in state.mentions:
        if m.end == doc[j].idx and not m.in_quote and m.entity.type == "PER":
            return m.start
    return s
