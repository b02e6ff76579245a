"""Where a reported clause starts and ends when the parse is no help: a closing mark left before it, a
participle with its clitic after a comma, the speaker's next act told in the speech verb's tense."""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.report_forms import FRONTED_SUB
from veille.quotes.state import ArticleState
from veille.quotes.words import OBJECT_CLITICS, QUE, REPORT_JOINERS

SENTENCE_JOINERS = lexicon.groups("quotes/indirect.tsv")["sentence_joiner"]
CLOSING = frozenset("»”\"")
MARKS = frozenset("«»“”\"")
_REFLEXIVE = frozenset({"se", "s'"})
FRONTED_SUB_TUPLES = frozenset(p for p in FRONTED_SUB if p[0] != "comme")  # ("…, comme l'a dit X": an aside)
QUE_WORDS = QUE
RELATIVES = frozenset({"qui", "dont", "ou", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels",
                       "auxquelles", "duquel", "desquels", "desquelles"})


def past_closing_mark(state: ArticleState, s: int, e: int) -> int:
    """Example "« Tout est prêt. » Les comptes seront publiés en mai, assure Léa Roy": the clause before an
    inverted cue starts after the closing mark of the quote before it, not on it. ``s`` when it opens on
    no closing mark."""
    text = state.text
    if s >= e or text[s] not in CLOSING or s + 1 >= e or not text[s + 1].isspace():
        return s
    if any(qs in (s, s + 1) for qs, _ in state.quote_ranges):
        return s  # a straight mark opening a quote of its own
    return state.skip_space(s + 1)


def clitic_participle(state: ArticleState, i: int) -> bool:
    """Example "Paul Arnaud a dit aux agents qu'ils étaient trop brusques, leur rappelant les consignes": after a
    comma, a clitic object then a present participle is the speaker's next act, as a bare participle is
    (the token at ``i`` is the clitic)."""
    doc = state.doc
    if bare(doc[i].text) not in OBJECT_CLITICS | _REFLEXIVE or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    if bare(nxt.text) in OBJECT_CLITICS and i + 2 < len(doc):
        nxt = doc[i + 2]  # "se les rappelant", "le lui rappelant"
    return nxt.pos_ in ("VERB", "AUX") and "Part" in nxt.morph.get("VerbForm") and "Pres" in nxt.morph.get("Tense")


def tense_shift_joiner(state: ArticleState, t: Any, cue_tok: Any, first: int) -> int | None:
    """Example "Claire Dubois a annoncé que la piscine fermerait en juin et a présenté un plan": indirect
    speech after a compound past shifts its tenses (imperfect, conditional, pluperfect); a verb joined by
    "et", "puis", "mais" with no subject of its own, in the speech verb's own compound past (the same
    auxiliary), is the speaker's next act whatever the parse says, when the clause's first verb is in
    another tense. The character offset where the clause ends (before the joiner), or None."""
    doc = state.doc
    if t.pos_ != "VERB" or "Part" not in t.morph.get("VerbForm") or "Past" not in t.morph.get("Tense"):
        return None
    if t.i <= first + 2 or any(ch.dep_.startswith("nsubj") and ch.i > cue_tok.i for ch in t.children):
        return None  # (a subject before the cue is the speaker's, hung on this verb by the parser)
    cue_aux = [bare(x.text) for x in doc[max(0, cue_tok.i - 3):cue_tok.i] if x.pos_ == "AUX"]
    j = t.i - 1
    while j > first and doc[j].pos_ == "ADV":
        j -= 1
    if not cue_aux or doc[j].pos_ != "AUX" or bare(doc[j].text) != cue_aux[-1]:
        return None  # exactly the cue's auxiliary ("et a été remplacé" has two: a passive in the clause)
    k = j - 1
    while k > first and doc[k].pos_ == "ADV":
        k -= 1
    if bare(doc[k].text) not in REPORT_JOINERS:
        return None
    finite = next((x for x in doc[first:k] if x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm")
                   and not state.in_quote(x.idx)), None)
    if finite is None or bare(finite.text) == cue_aux[-1]:
        return None  # "a dit qu'elle a mangé et a bu": the clause is in that tense too, both verbs are hers
    m = k - 1
    while m > first and doc[m].pos_ == "PUNCT" and doc[m].text not in CLOSING and not state.in_quote(doc[m].idx):
        m -= 1
    return doc[m].idx + len(doc[m].text)


SUBJECT_WORDS = 6  # tokens a subordinate clause's subject may hold between its subordinator and the cue


def _opener(state: ArticleState, cue_tok: Any, start_tok: int) -> bool:
    """True when the cue stands in a subordinate clause opened inside its sentence, after a comma: ",
    lorsque Paul Arnaud affirme que …", "qui, si elle annonce que …", "qu'en affirmant que …" (a gerund)."""
    doc = state.doc
    sent_start = cue_tok.sent.start
    if start_tok - 1 >= sent_start and bare(doc[start_tok - 1].text) == "en" and \
            "Part" in cue_tok.morph.get("VerbForm") and "Pres" in cue_tok.morph.get("Tense"):
        j = start_tok - 2  # a gerund: "en affirmant que"
        if j >= sent_start and bare(doc[j].text) == "tout":
            j -= 1
        return j >= sent_start and (doc[j].text == "," or bare(doc[j].text) in QUE_WORDS)
    for k in range(start_tok - 1, max(sent_start, start_tok - SUBJECT_WORDS - 3) - 1, -1):
        if doc[k].is_punct and doc[k].text != "'":
            return False
        for n in (2, 1):
            words = tuple(bare(t.text) for t in doc[k - n + 1:k + 1]) if k - n + 1 >= sent_start else ()
            if words in FRONTED_SUB_TUPLES and k - n >= sent_start and doc[k - n].text == "," and k - n > sent_start:
                return True
    return False


def subordinate_cut(state: ArticleState, cue_tok: Any, start_tok: int, s: int, e: int) -> int:
    """Example "Le maire, lorsque Paul Arnaud affirme que le pont rouvrira en juin, refuse de le croire": a
    report made inside a subordinate clause opened mid-sentence (", lorsque", ", si", a gerund "en
    affirmant que") ends at the comma where the main clause resumes with its finite verb or its subject
    and verb. ``e`` when nothing cuts."""
    if not _opener(state, cue_tok, start_tok):
        return e
    doc = state.doc
    for t in doc[cue_tok.i + 1:]:
        if t.idx >= e:
            break
        if t.idx < s or t.text != "," or state.in_quote(t.idx) or not _own_verb(state, s, t.i):
            continue
        nxt = [x for x in doc[t.i + 1:t.i + 7] if x.pos_ != "ADV" and x.text not in MARKS]
        if not nxt:
            break
        first_verb = next((i for i, x in enumerate(nxt) if x.pos_ in ("VERB", "AUX")), None)
        if first_verb is None or "Fin" not in nxt[first_verb].morph.get("VerbForm"):
            continue
        lead = nxt[:first_verb]
        if all(x.pos_ in ("DET", "NOUN", "PROPN", "PRON", "ADJ") for x in lead) and not any(
                bare(x.text) in QUE_WORDS or x.dep_ == "mark" or "Rel" in x.morph.get("PronType") for x in lead):
            # (", qui est absent, …" goes on inside the report: a relative clause, not the main one)
            return t.idx
    return e


def _own_verb(state: ArticleState, s: int, stop: int) -> bool:
    """True when the report from ``s`` to token ``stop`` has a finite verb of its own (outside quotes and
    outside a relative clause: "que le pont, qui est fermé, …" has none yet)."""
    first = state.tok_at(s).i
    for x in state.doc[first:stop]:
        if x.idx < s or state.in_quote(x.idx) or x.pos_ not in ("VERB", "AUX") or "Fin" not in x.morph.get("VerbForm"):
            continue
        head = x.head if x.pos_ == "AUX" else x
        if head.dep_ != "acl:relcl" or not any(bare(t.text) in RELATIVES for t in state.doc[first:x.i]):
            return True  # (the parser also reads a report's "que" as a relative pronoun: a relative needs "qui", "dont" …)
    return False


def trailing_aside(state: ArticleState, s: int, e: int) -> int:
    """Example "Claire Dubois a affirmé que la piscine rouvrira en mai (elle est fermée depuis 2019).": a parenthesis
    closing a reported clause, outside quotation marks, is the writer's gloss (a source reference, figures, a
    comment), not the reported words; the clause ends before it. ``e`` when it ends otherwise."""
    text = state.text
    if e - s < 2 or text[e - 1] != ")" or state.in_quote(e - 1):
        return e
    depth, k = 0, e - 1
    while k >= s:
        if text[k] == ")":
            depth += 1
        elif text[k] == "(":
            depth -= 1
            if depth == 0:
                break
        k -= 1
    if k < s or state.in_quote(k) or state.words(s, k) < 3:
        return e
    while k > s and (text[k - 1].isspace() or text[k - 1] in ",;:"):
        k -= 1
    return k
