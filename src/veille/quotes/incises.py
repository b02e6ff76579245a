"""Incises inside quotation marks: « Nous partons, explique Anne Roy, maire de Vienne. Rien ne va. »

French news copy often names the speaker in the middle of a quote. The incise is not the speaker's
words: the quote is split in two around it (the convention of the real-text gold), and both parts
take the speaker the incise names ("dit-elle", "explique le maire", "raconte Anne Roy à la radio").
The split runs before cues and mentions are indexed, so the incise counts as text outside quotes.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IS_LOWER, ORTH

from veille.common.docarrays import token_columns, token_strings
from veille.common.fold import bare
from veille.quotes.marks import MarkSpan
from veille.quotes.resources import CueEntry
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import is_present_participle
from veille.quotes.words import INCISE_PREPS, INVERTED_SUBJECTS, OBJECT_CLITICS, SUBJECT_END, VOCATIVES

_STOPS = frozenset(",.;:!?«»“”\"()")
_SENT_STOPS = frozenset(".!?…")


def split_at_incises(state: ArticleState, m: MarkSpan) -> list[MarkSpan]:
    """The quote ``m`` cut around the incises inside it (one part when there is none); each part's
    incise cue is kept in ``state.incise_cue``."""
    if len(m.pieces) != 1:
        return _split_first_paragraph(state, m)
    parts: list[MarkSpan] = []
    cur = m
    while True:
        found = find_incise(state, cur)
        if found is None:
            parts.append(cur)
            break
        cut, resume, cue = found
        first = MarkSpan(cur.start, cut, [(cur.start, cut)], cur.open_char, True, cur.missing_open)
        parts.append(first)
        state.incise_cue[id(first)] = cue
        if resume >= cur.end:
            break
        cur = MarkSpan(resume, cur.end, [(resume, cur.end)], cur.open_char, cur.closed, False)
        state.incise_cue[id(cur)] = cue
    return parts


def _split_first_paragraph(state: ArticleState, m: MarkSpan) -> list[MarkSpan]:
    """« Nous étions quelques-uns, se souvient Anne Roy. ¶ Puis tout a grandi. »: a quote going on over
    paragraphs whose first paragraph closes on an incise is cut there; both parts are the incise's. An
    incise inside that paragraph (« Non, explique Anne Roy. Nous … ¶ « … ») cuts it too: the words
    after it go on with the next paragraphs as one quote."""
    s, e = m.pieces[0]
    found = find_incise(state, MarkSpan(m.start, e, [(m.start, e)], m.open_char, False, m.missing_open))
    if found is None:
        return [m]
    cut, resume, cue = found
    head = MarkSpan(m.start, cut, [(m.start, cut)], m.open_char, True, m.missing_open)
    rest_pieces = ([(resume, e)] if resume < e and state.text[resume:e].strip() else []) + list(m.pieces[1:])
    rest = MarkSpan(rest_pieces[0][0], m.end, rest_pieces, m.open_char, m.closed, False)
    state.incise_cue[id(head)] = cue
    state.incise_cue[id(rest)] = cue
    return [head, *split_at_incises(state, rest)]


def find_incise(state: ArticleState, m: MarkSpan) -> tuple[int, int, Cue] | None:
    """(end of the first part, start of the rest, the incise's cue) for the first incise of ``m``."""
    doc, text = state.doc, state.text
    # The tests on every word read the Doc's cached columns: Tokens are built at a punctuation mark only.
    texts, starts = token_strings(doc, ORTH), state.tok_starts
    (lower,) = token_columns(doc, (IS_LOWER,))
    span = state.toks_in(m.start, m.end)
    for i in range(span.start, span.end):
        if i == 0 or starts[i] <= m.start or not lower[i]:
            continue
        if texts[i - 1] not in (",", "?", "!", "…") or starts[i - 1] <= m.start:
            continue
        t, prev = doc[i], doc[i - 1]
        cue = _incise_cue(state, t, m.end)
        if cue is None:
            continue
        # the first part keeps a question or exclamation mark, not the comma
        cut = prev.idx + (len(prev.text) if prev.text != "," else 0)
        while cut > m.start and text[cut - 1].isspace():
            cut -= 1
        if state.words(m.start, cut) < 1:
            continue
        end = _incise_end(state, cue, m.end)
        if end is None:
            continue
        resume = end
        while resume < m.end and (text[resume].isspace() or text[resume] in ",.;:!?…—–-"):
            resume += 1
        if not any(ch.isalnum() for ch in text[resume:m.end]):
            resume = m.end
        return cut, resume, cue
    return None


def _incise_cue(state: ArticleState, t: Any, limit: int) -> Cue | None:
    """The incise opening on ``t`` ("a-t-il ajouté", "s'interroge-t-elle", "explique à la radio Anne
    Roy"), as a cue with its subject, or None."""
    doc = state.doc
    j = t.i
    prep = state.res.cue_entry(t) if t.pos_ == "ADP" else None
    if prep is not None and "prep" in prep.flags:
        return _prep_incise(state, t, prep, limit)
    if bare(doc[j].text) in ("s'", "se") or bare(doc[j].text) in OBJECT_CLITICS:
        j += 1
    verb = clitic = None
    aux = False
    while j < len(doc) and doc[j].idx < limit and j - t.i <= 5:
        w = doc[j]
        low = bare(w.text)
        if low in INVERTED_SUBJECTS:
            clitic = w
        elif w.text == "-t" or (w.pos_ == "ADV" and verb is None and aux):
            pass
        elif verb is None and w.pos_ == "AUX" and not aux:
            aux = True
        elif verb is None and w.is_lower and w.is_alpha:
            verb = w
        else:
            break
        j += 1
    if verb is None or is_present_participle(verb) or "Inf" in verb.morph.get("VerbForm"):
        return None
    entry = state.res.cue_entry(verb) or state.res.by_form.get(bare(verb.text))
    if entry is not None and "modal" in entry.flags and "incise" not in entry.flags and j < len(doc) \
            and doc[j].idx < limit and doc[j].is_lower:
        # "…, veut croire le trésorier X.": the modal passes the incise on to its infinitive
        inf = state.res.cue_entry(doc[j]) or state.res.by_form.get(bare(doc[j].text))
        if inf is not None and "incise" in inf.flags and "Inf" in doc[j].morph.get("VerbForm"):
            verb, entry = doc[j], inf
            j += 1
    listed = entry is not None and entry.lang == "fr" and "incise" in entry.flags
    if not listed and clitic is None and _named_after(state, verb, aux, j, limit):
        listed = True  # "…, recadre Anne Roy. …": any finite verb set between a comma and a person's name
    if clitic is not None:
        if not (listed or verb.pos_ == "VERB"):
            return None
        cue = Cue(verb, entry or CueEntry(verb.lemma_.lower(), "fr", frozenset({"incise"})),
                  t.idx, max(verb.idx + len(verb.text), clitic.idx + len(clitic.text)))
        cue.subj_start, cue.subj_end = clitic.idx + 1, clitic.idx + len(clitic.text)
        cue.subj_text = clitic.text[1:]
        cue.inverted = True
        cue.start_tok = t.i
        return cue
    if not listed or (aux and "Part" not in verb.morph.get("VerbForm") and not bare(verb.text).endswith(("e", "i", "u", "t"))):
        return None
    head = _subject_start(state, j, limit)
    if head is None:
        return None
    k = head
    while k < len(doc) and doc[k].idx < limit and k - head < 12:
        w = doc[k]
        if w.text == "(":  # "le député (EPR) Anne Roy": an acronym in brackets stays in the phrase
            close = next((x for x in range(k + 1, min(len(doc), k + 6)) if doc[x].text == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        if k > head and any(doc[head].idx <= a < w.idx < b for ent in state.art.entities
                            for a, b in (tuple(sp) for sp in ent.spans or [] if len(sp) == 2)):
            k += 1  # "le député Union pour la Ville Anne Roy": a name runs over "pour"
            continue
        if w.text in _STOPS or (k > head and (w.is_lower and bare(w.text) in SUBJECT_END
                                              or w.pos_ in ("PRON", "VERB", "AUX", "SCONJ"))):
            break  # (a pronoun or a verb: the next sentence, its full stop missing)
        k += 1
    while k > head and doc[k - 1].text in ("(", ")"):
        k -= 1
    if k == head:
        return None
    words = doc[head:k]
    first = words[0]
    nouns = state.res.person_nouns | state.res.unnamed
    if not (first.pos_ == "PROPN" or first.text[:1].isupper() or any(
            x.text[:1].isupper() for x in words[1:]) or any(bare(x.lemma_) in nouns or bare(x.text) in nouns
                                                            for x in words if x.pos_ == "NOUN")):
        return None  # ", explique le phénomène": no one is named
    cue = Cue(verb, entry or CueEntry(verb.lemma_.lower(), "fr", frozenset({"incise"})), t.idx,
              verb.idx + len(verb.text))
    cue.subj_start, cue.subj_end = first.idx, words[-1].idx + len(words[-1].text)
    cue.subj_text = state.text[cue.subj_start:cue.subj_end]
    cue.inverted = True
    cue.start_tok = t.i
    return cue


def _named_after(state: ArticleState, verb: Any, aux: bool, j: int, limit: int) -> bool:
    """An unlisted verb opens an incise inside the marks when it is finite (or a participle after its
    auxiliary) and a person the article names follows it at once: the press writes "« …, recadre Anne
    Roy, présidente du club. … »" with any verb of manner, and a clause of the quote itself rarely puts
    a person's full name right after its verb with no article."""
    if verb.pos_ in ("NOUN", "ADJ") and not aux:
        # the tagger, meeting a verb before its subject, often reads it as a noun or an adjective
        # ("…, pronostique Anne Roy."); a word of address before the name is no verb ("…, chère Anne Roy.")
        low = bare(verb.text)
        return len(low) >= 4 and low.endswith(("e", "t")) and low not in state.res.person_nouns \
            and low not in VOCATIVES and _person_at(state, j, limit) is not None
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    form = verb.morph.get("VerbForm")
    if aux:
        if "Part" not in form:
            return False
    elif "Fin" not in form or "Ind" not in verb.morph.get("Mood") or "3" not in verb.morph.get("Person"):
        return False
    return _person_at(state, j, limit) is not None


def _person_at(state: ArticleState, j: int, limit: int) -> int | None:
    """The end of a person's name the article's entities start on token ``j``, or None."""
    doc = state.doc
    if j >= len(doc) or doc[j].idx >= limit or doc[j].pos_ != "PROPN" or not doc[j].text[:1].isupper():
        return None
    at = doc[j].idx
    return next((sp[1] for e in state.art.entities if e.type == "PER"
                 for sp in e.spans or [] if len(sp) == 2 and sp[0] == at and sp[1] <= limit), None)


def _prep_incise(state: ArticleState, t: Any, entry: CueEntry, limit: int) -> Cue | None:
    """« C'est indispensable, selon Anne Roy, l'organisatrice. Les coureurs … »: "selon" and a person's
    name set inside the marks attribute them as a verb's incise does."""
    end = _person_at(state, t.i + 1, limit)
    if end is None:
        return None
    nxt = state.skip_space(end)
    if nxt >= limit or state.text[nxt] not in ",.;":
        return None  # "…, selon Anne Roy qui …": the quote goes on about her
    cue = Cue(t, entry, t.idx, t.idx + len(t.text))
    cue.subj_start, cue.subj_end = state.doc[t.i + 1].idx, end
    cue.subj_text = state.text[cue.subj_start:end]
    cue.inverted = True
    cue.start_tok = t.i
    return cue


def _subject_start(state: ArticleState, j: int, limit: int) -> int | None:
    """The first token of the named subject after an incise verb, over adverbs and a short phrase
    saying to whom or where it was said ("à la radio", "au Monde", "à Reporterre")."""
    doc = state.doc
    for _ in range(4):
        if j >= len(doc) or doc[j].idx >= limit:
            return None
        w = doc[j]
        low = bare(w.text)
        if w.pos_ == "ADV" and w.is_lower or low in state.res.time_words:
            j += 1
        elif low in INCISE_PREPS and w.is_lower:
            j += 1
            if j < len(doc) and doc[j].pos_ == "DET":
                j += 1
            j += 1  # the outlet or the audience: one word ("Reporterre", "presse")
        else:
            break
    if j >= len(doc) or doc[j].idx >= limit:
        return None
    w = doc[j]
    if w.pos_ in ("DET", "PROPN") or w.text[:1].isupper():
        return j
    return None


def _incise_end(state: ArticleState, cue: Cue, limit: int) -> int | None:
    """Where the incise ends: at the comma or the full stop after its subject; a descriptor in
    apposition ("…, explique Anne Roy, du collectif Vert. …") belongs to it up to the full stop."""
    text, doc = state.text, state.doc
    pos = cue.subj_end if cue.subj_end is not None else cue.end
    k = pos
    while k < limit and text[k] not in ",.;:!?…":
        k += 1
    if text[pos:k].strip()[:1].isupper() and cue.subj_text not in ("il", "elle", "ils", "elles", "on"):
        return pos  # the next sentence follows the subject, its full stop missing
    if k >= limit:
        return limit
    if text[k] != "," or cue.subj_text in ("il", "elle", "ils", "elles", "on"):
        return k
    nxt = state.tok_at(state.skip_space(k + 1))
    if not (nxt.is_lower and nxt.pos_ in ("ADP", "DET", "NOUN", "ADJ")):
        return k
    # the apposition runs to the sentence end when no finite verb follows before it
    e = k + 1
    while e < limit and text[e] not in _SENT_STOPS:
        e += 1
    if any(x.pos_ in ("VERB", "AUX") and "Fin" in x.morph.get("VerbForm") for x in doc[nxt.i:state.tok_at(e).i]):
        return k
    return e
