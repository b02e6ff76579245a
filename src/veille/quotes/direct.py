"""Direct quotes: words between quotation marks, with the cue that attributes them (before the
marks, right after them, inside them as an incise, or a continuation verb after them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from veille.common.fold import bare
from veille.model import Quote
from veille.quotes.candidates import reconsider
from veille.quotes.cueless_rules import speaker_without_cue
from veille.quotes.cues import after_adjunct
from veille.quotes.incise_position import pp_end
from veille.quotes.marks import MARK_FAMILY, SENTENCE_END, MarkSpan
from veille.quotes.named_marks import entity_in_marks, named_in_marks
from veille.quotes.poll_answers import poll_share
from veille.quotes.resources import CueEntry
from veille.quotes.shown_marks import shown_in_marks
from veille.quotes.speaker_rules import resolve, speaker_of_cue
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import is_present_participle, np_span
from veille.quotes.subjects import find_subject
from veille.quotes.terms import quoted_term
from veille.quotes.unopened import unopened_testimony
from veille.quotes.words import (
    INCISE_PREPS,
    INVERTED_SINGULAR,
    OBJECT_CLITICS,
    QUE,
    SINGULAR_CLITICS,
    SUBJECT_CLITICS,
)

PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")  # a past participle the tagger read as an adjective
SHORT_QUOTE_WORDS = 3  # scare quotes of up to this many words need a speech cue in the sentence
TERM_WORDS = 2  # a verbless quote this short that nobody is found saying is a term


def direct_quote(state: ArticleState, m: MarkSpan, cues: list[Cue],
                 prev: tuple[MarkSpan, Quote] | None) -> Quote | None:
    """The quote between the marks ``m`` with its cue and speaker, or None for a scare quote, a title or a
    name."""
    text = state.text
    ps, pe = state.seg_of(m.start)
    if named_in_marks(state, m) or entity_in_marks(state, m):
        return None  # "un livre intitulé « … »", "mis en examen pour « … »", "selon « Le Courrier »": no speech
    if shown_in_marks(state, m):
        return None  # "une banderole « on ne lâche rien »", "où l'on peut lire « … »" on a placard: no speech
    incise = state.incise_cue.get(id(m))
    if incise is not None and m.end <= incise.start:
        after = incise  # the first part of a quote cut around its incise
    else:
        after = after_cue(state, m, cues) or incise or chained_after_cue(state, m, cues)
    before = None if after else before_cue(state, m, cues)
    nwords = state.words(m.start, m.end)
    cue = after or before
    if m.missing_open and after is None and not unopened_testimony(state, m) and not (
            before is not None and text[ps:m.start].rstrip().endswith(":")):
        return None  # a stray closing mark; kept: "Il a déclaré : Nous partirons demain »" (lost_open.py)
    if cue is None and prev is not None and prev[1].cue is not None:
        # "a dénoncé une « trahison » et un « coup de poignard »": the cue before the first
        # quote of the sentence governs the next one too
        pcue = state.memory.cue_of.get(id(prev[0]))
        if pcue is not None and pcue.start < prev[0].start and \
                not SENTENCE_END.search(state.text, pcue.end, m.start) and \
                state.seg_of(prev[0].start) == (ps, pe):
            cue = pcue
    if nwords <= SHORT_QUOTE_WORDS and (cue is None or not tight_cue(state, m, cue)) and not (
            cue is None and text[ps:m.start].rstrip(" «“\"").endswith(":")):
        return None  # a scare quote, a name or a title, not speech (but "X a fini par lâcher : « je reste »")
    if quoted_term(state, m, cue):
        return None  # "elle juge la « sécurité climatique » hors de portée": a term set apart, not speech
    if nwords == 1 and name_in_marks(state, m):
        return None  # "six « Marie »", "le navire « Aurore »": a name set in marks, not speech
    if cue is None:
        cue = continuation_cue(state, m, cues) or inner_incise(state, m) or inner_named_incise(state, m)
    if cue is None and nwords < 8 and not whole_paragraph_answer(state, m) and not any(
            t.pos_ in ("VERB", "AUX") for t in state.toks_in(m.start, m.end)):
        return None  # no cue and no verb: a title or a name ("« Les Heures creuses »"), not speech
    if cue is not None:
        speaker, speaker_text, rule = speaker_of_cue(state, cue, cues)
    else:
        speaker, speaker_text, rule = speaker_without_cue(state, m, prev)
    if speaker is not None and bare(speaker) == bare(m.text(text).strip()):
        return None  # "l'association « Terre solidaire » a prévenu": the group's name, not its words
    if speaker is None and cue is not None and poll_share(cue.subj_text or speaker_text):
        return None  # "50 % des sondés estiment que « … »": the answer a poll offered, not speech
    if speaker is None and nwords <= TERM_WORDS and not re.search(r"[!?]", m.text(text)) and not any(
            t.pos_ in ("VERB", "AUX") for t in state.toks_in(m.start, m.end)):
        return None  # "les « banlieues »", "ce « patriarcat »": a term nobody is quoted saying
    q = Quote(text=m.text(text).strip(), speaker=speaker, kind="direct",
              cue=text[cue.start:cue.end] if cue else None,
              language=state.language(m.start, m.end, cue), speaker_text=speaker_text,
              start=m.start, end=m.end)
    rule = reconsider(state, q, cue, rule)
    shaped = state.open_marks.get(id(m))
    if shaped is not None and shaped[0] is m:
        rule += f"+open_mark:{shaped[1]}"  # its closing mark was lost (open_marks.py)
    unmarked = state.unmarked.get(id(m))
    if unmarked is not None and unmarked[0] is m:
        rule += f"+unmarked:{unmarked[1]}"  # printed without marks (unmarked_speech.py)
    state.memory.record(q.speaker)
    state.note_rule(q, rule)
    if cue is not None:
        state.memory.cue_of[id(m)] = cue
    return q


def name_in_marks(state: ArticleState, m: MarkSpan) -> bool:
    """Example "Le pasteur prêchait que six « Marie » seraient choisies": one capitalised noun in marks
    inside a sentence (no colon or paragraph start before it, no "!" or "?" in it) is a name or a term
    set in marks, not someone's words."""
    words = [t for t in state.toks_in(m.start, m.end) if t.is_alpha]
    if len(words) != 1 or words[0].pos_ not in ("PROPN", "NOUN") or not words[0].text[:1].isupper():
        return False
    if re.search(r"[!?]", m.text(state.text)):
        return False
    ps, _ = state.seg_of(m.start)
    before = state.text[ps:m.start].rstrip(" «“\"\u00a0\u202f")
    return bool(before) and before[-1:].isalpha()


def whole_paragraph_answer(state: ArticleState, m: MarkSpan) -> bool:
    """Example "Qu'attendez-vous de la mairie ?" then a paragraph "« Un vrai plan, tout simplement. »": a
    quote that is a whole paragraph of its own, right after a question, is an interview answer even
    without a verb (not a title or a name)."""
    ps, pe = state.seg_of(m.start)
    text = state.text
    if text[ps:m.start].strip(" \t\n«“\"") or text[m.end:pe].strip(" \t\n»”\".…!?"):
        return False
    prev = next((text[a:b].strip() for a, b in reversed(state.segs) if b <= ps and text[a:b].strip()), "")
    return prev.endswith("?") and state.words(m.start, m.end) >= 3


QUE_BEFORE = re.compile(r"\bqu(?:e\b|['’])", re.I)
TIGHT_TOKENS = 8  # a cue this close before a short quote governs it ("a dénoncé une « trahison »")


def tight_cue(state: ArticleState, m: MarkSpan, cue: Cue) -> bool:
    """A short quote is speech only when its cue governs it closely: an inverted cue after a comma
    ("« Indécence ! », répondent-ils"), or a speech verb a few words before it ("a dénoncé une
    « trahison »"), not a cue somewhere in the sentence ("les « apéros virtuels » ont été lancés",
    "selon la formule, « à son image »")."""
    if cue.start >= m.end:
        return "," in state.text[m.end:cue.start] and "Pass" not in cue.tok.morph.get("Voice")
    if "prep" in cue.entry.flags:
        # "selon l'Insee, le chômage a « nettement reculé »": a named source, not "selon la formule"
        return cue.subj_start is not None and any(
            cue.subj_start <= mm.start < (cue.subj_end or 0) and mm.entity.type in ("PER", "ORG", "LOC")
            for mm in state.mentions)
    if "que" in cue.entry.flags and QUE_BEFORE.search(state.text, cue.end, m.start):
        return True  # a partial quote inside the clause the cue reports ("a souligné que … « … »")
    first = state.tok_at(m.start).i
    if not 0 <= first - cue.tok.i <= TIGHT_TOKENS:
        return False
    # in the cue's own clause: no other finite verb between ("a appelé mercredi les pays à « agir vite »")
    return not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
                   for t in state.doc[cue.tok.i + 1:first])


def after_cue(state: ArticleState, m: MarkSpan, cues: list[Cue]) -> Cue | None:
    """An inverted cue right after the quote: "», a déclaré X", "», dit-il", "», il a dit"."""
    text = state.text
    j = m.end
    pe = state.seg_of(m.start)[1] if len(m.pieces) == 1 else state.seg_of(m.pieces[-1][0])[1]
    while j < pe and (text[j].isspace() or text[j] in MARK_FAMILY or text[j] in ",.…!?"):
        if text[j] in ".!?…" and state.in_quote(j) is False and not inside_marks(state, m, j):
            break  # a sentence ends after the quote: what follows is not its cue
        j += 1
    for c in cues:
        if c.start < j or c.start > j + 40:
            continue
        if not c.entry.flags & {"incise", "prep"} or is_present_participle(c.tok):
            continue
        if "prep" in c.entry.flags and text[c.start:c.start + 1].isupper() and \
                re.search(r"[.!?…]\s*$", m.text(text)):
            continue  # "« … J'ai eu tort. » Selon lui, …": the quote's sentence is over, "Selon" opens the next
        gap = text[j:c.start]
        # only clitics may stand between the mark and the cue: a subject ("», il a dit") or
        # an object ("», lui a répondu X")
        gap_words = bare(gap).split()
        if any(w not in SUBJECT_CLITICS and w not in OBJECT_CLITICS for w in gap_words):
            continue
        if gap_words and gap_words[0] in SUBJECT_CLITICS:
            k = j + len(gap) - len(gap.lstrip())
            c.subj_start, c.subj_end = k, k + len(gap_words[0])
            c.subj_text = text[c.subj_start:c.subj_end]
            c.resolved = False
        if c.start >= j:
            return c
    return generic_incise(state, j) or simple_incise(state, m, j) or later_incise(state, m, cues)


CHAIN_JOINERS = re.compile(r"^[\s,;»”\"«“(.…)]*(?:(?:et|mais|ou|puis|ni)\b[\s,«“\"(.…)]*)?$", re.I)


def chained_after_cue(state: ArticleState, m: MarkSpan, cues: list[Cue]) -> Cue | None:
    """« Nous avons saisi l'occasion » « (…) Nous ne citerons personne », mais « vous avez vu », a déclaré
    Paul Arnaud: quotes chained in one sentence by commas and conjunctions share the inverted cue after the
    last of them."""
    marks = sorted(state.marks, key=lambda x: x.start)
    cur = m
    for nxt in marks:
        if nxt.start <= cur.start or nxt is m:
            continue
        gap = state.text[cur.end:nxt.start]
        if not CHAIN_JOINERS.match(gap) or state.seg_of(nxt.start) != state.seg_of(m.start) \
                or re.search(r"[.!?]", re.sub(r"\([^)]*\)|\.\.\.", "", gap)):
            break  # « … ». « … », a-t-il écrit: a full stop outside the marks ends the chain
        cur = nxt
        cue = after_cue(state, cur, cues)
        if cue is not None:
            return cue
    return None


def later_incise(state: ArticleState, m: MarkSpan, cues: list[Cue]) -> Cue | None:
    """« Nous manquons de bras » dans les usines, dit Paul Arnaud: an inverted cue later in the quote's
    sentence, after a comma, with no other quote or cue between, names the quote's speaker."""
    _, se = state.sent_bounds(m.start)
    pe = state.seg_of(m.start)[1]
    for c in cues:
        if c.start <= m.end or c.start >= min(se, pe):
            continue
        if any(m.end <= qs < c.start for qs, _ in state.quote_ranges) or SENTENCE_END.search(state.text, m.end, c.start):
            return None
        if not c.inverted or "incise" not in c.entry.flags or not state.text[m.end:c.start].rstrip().endswith(","):
            return None  # the first cue after the quote decides
        return c
    return None


def inside_marks(state: ArticleState, m: MarkSpan, j: int) -> bool:
    """True when position ``j`` (just after the quoted words) is still before the closing mark."""
    return any(c in MARK_FAMILY for c in state.text[j:min(len(state.text), j + 3)]) and \
        not any(c in MARK_FAMILY for c in state.text[m.end:j])


def generic_incise(state: ArticleState, j: int) -> Cue | None:
    """Right after a quote, ", a ironisé X" / ", s'amuse-t-il": a verb in incise position is a
    speech verb even when the lexicon does not list it (the position says so)."""
    doc = state.doc
    if j >= len(state.text):
        return None
    t = state.tok_at(j)
    if t.idx < j:
        t = doc[t.i + 1] if t.i + 1 < len(doc) else t
    k = t.i
    while k < len(doc) and k - t.i < 4 and (doc[k].pos_ == "AUX" or bare(doc[k].text) in ("s'", "se")
                                             or doc[k].text.startswith("-")):
        k += 1
    aux = t.i < k < len(doc) and doc[k - 1].pos_ == "AUX"
    if aux:
        k = after_adjunct(doc, k)  # "», a ainsi ironisé X", "», a de son côté ironisé X"
    # after an auxiliary the tagger may read the participle as an adjective ("», a toutefois tempéré X")
    participle = aux and k < len(doc) and doc[k].pos_ == "ADJ" and doc[k].text.endswith(PARTICIPLE_ENDINGS)
    if k >= len(doc) or (doc[k].pos_ != "VERB" and not participle) \
            or "Fin" in doc[k].morph.get("VerbForm") and k == t.i:
        return None
    v = doc[k]
    if is_present_participle(v) or "Inf" in v.morph.get("VerbForm"):
        return None
    clitic = k + 1 < len(doc) and doc[k + 1].text.startswith("-") or any(
        x.text.startswith("-") for x in doc[t.i:k])
    if not (aux or clitic):
        return None
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    if nxt is not None and bare(nxt.text) in QUE:
        return None
    cue = Cue(v, CueEntry(v.lemma_.lower(), "fr", frozenset({"incise"})), t.idx, v.idx + len(v.text))
    cue.start_tok = t.i  # the cue's words open on the auxiliary, right after the comma
    find_subject(state, cue)
    return cue if cue.subj_start is not None else None


def simple_incise(state: ArticleState, m: MarkSpan, j: int) -> Cue | None:
    """"« … », juge l'ancienne ministre Anne Roy." / "», note, de son côté, Paul Arnaud": a verb in
    the simple present right after the quote and a comma, its subject after it. The tagger often
    reads such a form as a noun ("juge", "note", "analyse"): the speech-verb list and the position
    say it is a verb."""
    doc = state.doc
    if j >= len(state.text) or "," not in state.text[m.end:j]:
        return None
    t = state.tok_at(j)
    if t.idx < j:
        t = doc[t.i + 1] if t.i + 1 < len(doc) else t
    if bare(t.text) in ("s'", "se") and t.i + 1 < len(doc):
        t = doc[t.i + 1]  # "», s'agace X"
    low = bare(t.text)
    entry = state.res.by_form.get(low)
    listed = entry is not None and entry.lang == "fr" and "incise" in entry.flags \
        and low.endswith(("e", "ent", "it"))
    finite = t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")
    if not (listed or finite) or not t.is_lower:
        return None
    k = t.i + 1
    while k < len(doc) and k - t.i <= 18:
        word = bare(doc[k].text)
        if doc[k].pos_ == "ADV" or word in state.res.time_words:
            k += 1
        elif doc[k].text == ",":
            # ", de son côté, X" / ", dans un entretien à la radio, X": an adjunct between commas
            close = next((x for x in range(k + 1, min(len(doc), k + 14)) if doc[x].text == ","), None)
            if close is None or any(doc[x].text in (".", "!", "?", ";", "«", "»") for x in range(k + 1, close)):
                return None
            k = close + 1
        elif word in INCISE_PREPS and pp_end(state, k) is not None:
            k = pp_end(state, k)
        else:
            break
    if k >= len(doc) or state.in_quote(doc[k].idx) or bare(doc[k].text) in QUE:
        return None
    head = doc[k]
    if head.pos_ not in ("DET", "PROPN") and not (head.pos_ in ("NOUN", "X") and head.text[:1].isupper()):
        return None
    s, e = np_span(state, head, t)
    cue = Cue(t, entry or CueEntry(t.lemma_.lower(), "fr", frozenset({"incise"})), t.idx, t.idx + len(t.text))
    cue.subj_start, cue.subj_end = s, e
    cue.subj_text = state.text[s:e].strip(" ,")
    cue.inverted = True
    return cue


def before_cue(state: ArticleState, m: MarkSpan, cues: list[Cue]) -> Cue | None:
    """The nearest cue before the quote in its sentence (no other quote in between)."""
    ss, _ = state.sent_bounds(m.start)
    ps, _ = state.seg_of(m.start)
    lo = max(ss, ps)
    for qs, qe in state.quote_ranges:
        if qe <= m.start and qe > lo and qs >= ps:
            lo = max(lo, qe)
    lead = state.text[lo:m.start].rstrip(" «“\"")
    found = [c for c in cues if lo <= c.start and c.end <= m.start and (
        c.entry.flags & {"que", "attitude", "prep"} or state.text[c.end:m.start].strip().startswith(":")
        # "note encore le quotidien X : « … »": the cue's subject comes between it and the colon
        or (lead.endswith(":") and c.inverted and c.subj_end is not None and
            not state.text[c.subj_end:m.start].strip(" «“\":")))]
    # "continuer", "poursuivre" name a speaker before a quote only with a colon. The nearest
    # cue wins unless it names nobody ("Kiev a estimé que la crise révélait « … »": the
    # crisis reveals, Kyiv speaks).
    best = found[-1] if found else None
    for c in reversed(found):
        resolve(state, c)
        if c.speaker is not None or c.unnamed:
            best = c
            break
    if best is None and m.start - ps <= 2:
        # a paragraph that is only a quote, after "X a déclaré :" ending the previous paragraph
        idx = [s for s, _ in state.segs].index(ps) if ps in [s for s, _ in state.segs] else 0
        if idx > 0:
            pps, ppe = state.segs[idx - 1]
            if state.text[pps:ppe].rstrip().endswith(":"):
                for c in cues:
                    if pps <= c.start < ppe:
                        best = c
    return best


def continuation_cue(state: ArticleState, m: MarkSpan, cues: list[Cue]) -> Cue | None:
    """"« … » M. X a poursuivi …": a continuation verb opening the next sentence."""
    ps, pe = state.seg_of(m.pieces[-1][0])
    for c in cues:
        if c.start < m.end or c.start > m.end + 60 or c.start >= pe:
            continue
        if any(m.end <= qs < c.start for qs, _ in state.quote_ranges):
            return None  # "« … » X a acquiescé. « … », a-t-il insisté": the cue is the next quote's
        if "cont" in c.entry.flags and c.subj_start is not None and c.subj_start >= m.end:
            return c
    return None


def inner_incise(state: ArticleState, m: MarkSpan) -> Cue | None:
    """« Nous sommes prêts, a-t-il poursuivi, à discuter »: an incise inside the marks."""
    doc = state.doc
    for tok, entry in incise_cues(state, m):
        j = tok.i - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")):
            j -= 1
        clitic = next((t for t in doc[j + 1:tok.i + 3] if bare(t.text) in INVERTED_SINGULAR), None)
        if j < 0 or doc[j].text != "," or clitic is None:
            continue
        cue = Cue(tok, entry, doc[j + 1].idx, tok.idx + len(tok.text))
        cue.subj_start, cue.subj_end = clitic.idx + 1, clitic.idx + len(clitic.text)
        cue.subj_text = clitic.text[1:]
        cue.inverted = True
        return cue
    return None


def inner_named_incise(state: ArticleState, m: MarkSpan) -> Cue | None:
    """« Nous sommes prêts, sourit Paul Arnaud. Le reste suivra »: an incise inside the marks with the
    verb in the simple present and a named subject (the tagger may read the verb as a noun)."""
    doc = state.doc
    toks = state.toks_in(m.start + 1, m.end)
    for t in toks:
        if t.i == 0 or doc[t.i - 1].text != "," or not t.is_lower:
            continue
        low = bare(t.text)
        entry = state.res.by_form.get(low)
        if entry is None or entry.lang != "fr" or "incise" not in entry.flags or not low.endswith(("e", "ent", "it")):
            continue
        head = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if head is None or head.pos_ not in ("DET", "PROPN"):
            continue
        s, e = np_span(state, head, t)
        if not any(s <= mm.start < e and mm.entity.type in ("PER", "ORG") for mm in state.mentions):
            continue
        cue = Cue(t, entry, t.idx, t.idx + len(t.text))
        cue.subj_start, cue.subj_end = s, e
        cue.subj_text = state.text[s:e].strip(" ,")
        cue.inverted = True
        return cue
    return None


def incise_cues(state: ArticleState, m: MarkSpan) -> Iterator[tuple[Any, CueEntry]]:
    """Speech-verb tokens inside the marks that may open an incise ("…, a-t-il dit, …")."""
    for tok in state.toks_in(m.start + 1, m.end):
        entry = state.res.cue_entry(tok)
        if entry is not None and "incise" in entry.flags:
            yield tok, entry


def cut_at_incise(state: ArticleState, m: MarkSpan) -> MarkSpan:
    """A quote left open, cut before an inverted cue inside it ("« Nous serons prêts, a dit X. …")."""
    doc = state.doc
    for tok, _entry in incise_cues(state, m):
        j = tok.i - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-") or
                          bare(doc[j].text) in SINGULAR_CLITICS):
            j -= 1
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if j >= 0 and doc[j].text == "," and nxt is not None and bare(nxt.text) not in QUE \
                and (nxt.pos_ in ("DET", "PROPN", "NOUN") or nxt.text.startswith("-")
                     or bare(doc[j + 1].text) in SINGULAR_CLITICS):
            cut = doc[j].idx
            if cut <= m.start:
                continue  # "«, a-t-il dit": no word before the cue
            pieces = [(s, min(e, cut)) for s, e in m.pieces if s < cut]
            return MarkSpan(m.start, cut, pieces, m.open_char, False, m.missing_open)
    return m
