"""Clauses reported by an inverted incise written without quotation marks ("<clause>, a ajouté X.",
"<part>, souligne le rapport, <part>."), and the clause tests they share with ``quotes/indirect.py``:
a finite verb outside relatives and quotes, a title abbreviation that is no sentence end."""

from __future__ import annotations

import re
from typing import Any

from veille.common.fold import bare
from veille.quotes.marks import SENTENCE_END
from veille.quotes.report_forms import COMPARISON, incise_verb, opens_on_subordinator, reflexive_incise
from veille.quotes.state import ArticleState, Cue, head_of, subject_tokens
from veille.quotes.words import (
    INCISE_FILLER_POS,
    PLAIN_SUBJECTS,
    QUE,
    RELATIVE_PRONOUNS,
    STRESSED_PRONOUNS,
    SUBJECT_CLITICS,
)

CLOSING_MARKS = "»”\"’› \u00a0\u202f"
SPEAKING_SELF = frozenset({"je", "j'", "nous", "tu", "vous", "on"})
SINGULAR_NT = ("vient", "tient")
SPLIT_STOPS = frozenset({"qui", "que", "qu'", "dont", "ou", "selon", "avant", "tout", "alors", "tandis", "ce"})


def abbreviation_before(state: ArticleState, s: int, stop: int) -> bool:
    """True when the full stop at ``stop`` closes a short title abbreviation ("M.", "Mme.", "St."), not an
    acronym ("… à l'ONU. Le …" ends a sentence)."""
    word = re.search(r"(\w+)$", state.text[max(s, stop - 12):stop])
    w = word.group(1) if word is not None else ""
    return 0 < len(w) <= 3 and w[0].isupper() and (len(w) == 1 or w[1:].islower())

def clause_before(state: ArticleState, c: Cue) -> tuple[int, int] | None:
    """"<clause>, a ajouté le chef de l'OTAN." -> the clause (when not in quotation marks)."""
    doc = state.doc
    verb = incise_verb(state, c)
    j = verb.i - 1
    while j >= 0 and (doc[j].pos_ in INCISE_FILLER_POS or doc[j].text.startswith("-")):
        j -= 1
    if j < 0 or doc[j].text != ",":
        return None
    comma = doc[j]
    if any(bare(t.text) in SUBJECT_CLITICS or bare(t.text) in PLAIN_SUBJECTS for t in doc[j + 1:verb.i]):
        return None  # ", elle annonçait …", ", on reprend le travail": an ordinary clause, not an incise
    if number_disagrees(state, c) or relative_resumes(state, comma) or reflexive_incise(state, c.tok):
        return None  # "…, soulignent l'importance du tri": the noun after the verb is its object
    if c.subj_start is not None and bare(c.subj_text or "") in STRESSED_PRONOUNS \
            and not state.text[max(0, c.subj_start - 1):c.subj_start] == "-":
        return None  # "…, publiés en mai, concluent eux aussi à …": a stressed pronoun, not an incise
    ss, _ = state.sent_bounds(comma.idx)
    ps, _ = state.seg_of(comma.idx)
    s = max(ss, ps)
    lead = state.text[state.skip_space(s):state.skip_space(s) + 1]
    if s > ps and (lead in ",;)-–—" or lead.islower()):
        s = ps  # the parser cut the sentence at a comma or a dash ("La prévention, auprès des jeunes…, reste …")
    for b in SENTENCE_END.finditer(state.text, s, comma.idx):
        if not state.in_quote(b.start()) and not abbreviation_before(state, s, b.start()):
            s = b.end()  # the parser missed a sentence end (quotation marks confuse it)
    # start after the last quote or sentence end before the comma
    s = state.skip_space(s)
    e = comma.idx
    for qs, qe in state.quote_ranges:
        if s <= qs and qe <= e:
            after = state.text[qe:e].lstrip(CLOSING_MARKS)
            if after.startswith(","):
                return None  # "« … », dit X à la radio, rapporte Y": the quote's own incise
            if not after and state.speech_like(qs, qe):
                # "Les lunettes comptent : « moi, j'en porte toujours », dit X": an incise right after
                # the closing mark attributes the quoted words (speech, not a word or two), not the
                # clause before them
                return None
    split = split_incise(state, c, s, e)
    if split is not None:
        c.gap = (e, split[2])
        return split[0], split[1]
    if e - s < 10 or state.words(s, e) < 4:
        return None
    quoted = sum(state.words(qs, qe) for qs, qe in state.quote_ranges if s <= qs and qe <= e)
    if 2 * quoted >= state.words(s, e):
        return None  # "Tout va bien, « … » en librairie, dit X": the cue attributes the quote only
    if not finite_clause(state, s, e):
        return None  # "Les travaux de l'équipe, publiés mardi, concluent …": a subject, not a clause
    return s, e


def number_disagrees(state: ArticleState, c: Cue) -> bool:
    """Example "Les riverains, qui ont manifesté lundi, soulignent l'importance du marché": an inverted
    subject agrees with its verb; a singular noun after a plural verb (or the reverse) is the verb's
    object, and the verb no incise. Names and coordinations ("X et Y") are not checked."""
    if c.subj_start is None or c.subj_end is None or c.subj_text is None or c.subj_text.startswith("-"):
        return False
    toks = subject_tokens(state, c)
    if not toks or any(t.pos_ == "CCONJ" or t.text == "," for t in toks):
        return False
    head = head_of(toks)
    if head.pos_ != "NOUN":
        return False
    doc = state.doc
    finite = [t for t in doc[max(0, c.tok.i - 3):c.tok.i + 1] if "Fin" in t.morph.get("VerbForm")
              and t.pos_ in ("VERB", "AUX")]
    verb_number, noun_number = (finite[-1].morph.get("Number") if finite else []), head.morph.get("Number")
    form = finite[-1].text.lower() if finite else ""
    if verb_number == ["Plur"] and (not form.endswith("nt") or form.endswith(SINGULAR_NT)):
        # every plural third person ends in "-nt", and none in "-vient", "-tient": "prévient", "soutient"
        # tagged plural are singular
        verb_number = ["Sing"]
    return bool(verb_number) and bool(noun_number) and verb_number != noun_number


def relative_resumes(state: ArticleState, comma: Any) -> bool:
    """Example "Les riverains qui, comme Claire Dubois, dénoncent le projet": the verb after the comma
    is the relative clause's, resumed after an aside opened right after "qui"; no incise."""
    doc = state.doc
    j = comma.i - 1
    while j >= 0 and comma.i - j <= 10 and doc[j].text != "," and not doc[j].is_sent_start:
        if doc[j].pos_ in ("VERB", "AUX"):
            return False
        j -= 1
    return j > 0 and doc[j].text == "," and bare(doc[j - 1].text) in ("qui", "que", "qu'", "dont")


def comparison_que(state: ArticleState, t: Any) -> bool:
    """True when ``t`` is the "que" of a comparison ("plus de femmes que d'hommes"), not a relative."""
    doc = state.doc
    return bare(t.text) in QUE and t.pos_ != "PRON" and any(
        bare(x.text) in COMPARISON for x in doc[max(0, t.i - 4):t.i])


def finite_clause(state: ArticleState, s: int, e: int) -> bool:
    """True when ``text[s:e]`` holds a finite verb outside quotes and outside a relative clause."""
    relative = False
    for t in state.toks_in(s, e):
        if t.idx < s or state.in_quote(t.idx):
            continue
        if t.i > 0 and bare(t.doc[t.i - 1].text) in ("et", "mais", "ou") and bare(t.text) in QUE:
            relative = False  # "… » et que la ville paiera": a second reported clause, no relative
        elif (bare(t.text) in RELATIVE_PRONOUNS and not comparison_que(state, t)) \
                or "Rel" in t.morph.get("PronType"):
            relative = True
        elif t.text == ",":
            relative = False
        elif t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not relative \
                and not participle_form(t):
            return True
    return False


def participle_form(tok: Any) -> bool:
    """True when ``tok`` is written as a past participle the tagger took for a finite verb ("Interrogée à la
    radio jeudi, …", "Questionné sur ce point, …"): no finite form of a French verb ends in
    "é" or "és", and "ée(s)" only for verbs in "-éer" ("elle crée")."""
    word = tok.text.lower()
    if word.endswith(("ée", "ées")):
        return not bare(tok.lemma_).endswith("eer")
    return word.endswith(("é", "és"))


def split_incise(state: ArticleState, c: Cue, s: int, comma: int) -> tuple[int, int, int] | None:
    """Example "Les prix, souligne le rapport, ont doublé en dix ans.": an inverted incise set inside the
    sentence, without quotation marks, between a part that is no clause of its own (a subject, a fronted
    "lorsque …") and the rest of the sentence; (start, end, where the second part starts) or None. ``s`` is where
    the sentence starts, ``comma`` the comma before the incise."""
    text, doc = state.text, state.doc
    first = text[state.skip_space(s):comma].lstrip()
    if state.words(s, comma) < 2 or not first[:1].isalnum() or bare(c.subj_text or "") in SPEAKING_SELF:
        return None  # "» …" (a quote's own incise), "Ha, dis-je, …" (the writer speaks)
    after = max(c.end, c.subj_start or c.end)
    k = state.tok_at(after).i
    while k < len(doc) and doc[k].idx < after:
        k += 1
    while k < len(doc) and doc[k].text != "," and doc[k].idx - after < 60 and not doc[k].is_sent_start \
            and not (doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")):
        k += 1  # the inverted subject runs to the comma ("le rapport", "les journalistes")
    if k + 1 >= len(doc) or doc[k].text != "," or state.in_quote(doc[k].idx):
        return None
    nxt = doc[k + 1]
    if bare(nxt.text) in SPLIT_STOPS or nxt.i in state.cue_at or "Part" in nxt.morph.get("VerbForm") \
            or state.in_quote(nxt.idx) or nxt.text in OPENING:
        return None  # ", qui a ajouté que …", ", selon …", ", estimant …": no second part of the clause
    b = nxt.idx
    _, se = state.sent_bounds(b)
    e = se
    for m in SENTENCE_END.finditer(text, b, se):
        if not state.in_quote(m.start()) and not abbreviation_before(state, b, m.start()):
            e = m.start()
            break
    while e > b and (text[e - 1].isspace() or text[e - 1] in ",;:.!?"):
        e -= 1
    if state.words(b, e) < 3 or not finite_clause(state, b, e) or any(qs < e and b < qe for qs, qe in state.quote_ranges):
        return None
    if finite_clause(state, s, comma) and not opens_on_subordinator(state, s):
        return None  # "Les prix ont doublé, souligne le rapport, et …": the first part is the clause
    if any(qs < comma and s < qe for qs, qe in state.quote_ranges):
        return None
    if c.subj_start is not None and c.subj_end is not None and c.subj_end > doc[k].idx > c.subj_start:
        c.subj_end = doc[k - 1].idx + len(doc[k - 1].text)  # the subject stops at the incise's comma
        c.subj_text = text[c.subj_start:c.subj_end]
    return s, e, b


OPENING = frozenset({"«", "“", '"', "‹", "„"})
