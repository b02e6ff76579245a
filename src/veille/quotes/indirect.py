"""Indirect quotes: the clause a speech verb reports ("a souligné que …", "<clause>, a ajouté X")."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.model import Quote
from veille.quotes.absolute import absolute_clause_at
from veille.quotes.candidates import reconsider
from veille.quotes.clause_bounds import (
    clitic_participle,
    past_closing_mark,
    subordinate_cut,
    tense_shift_joiner,
    trailing_aside,
)
from veille.quotes.hidden_subjects import hidden_subject
from veille.quotes.incise_position import before_is_incise
from veille.quotes.inverted_clauses import abbreviation_before, clause_before, finite_clause, number_disagrees
from veille.quotes.marks import SENTENCE_END, WORD
from veille.quotes.report_forms import (
    COMPARISON,
    addressee_verb,
    as_report_clause,
    aside_cue,
    bare_participle,
    causal_subjunctive,
    clause_break,
    fronted_participle,
    impersonal_passive,
    incise_verb,
    main_clause_cut,
    not_a_report,
    object_before_que,
    predicate_adjective,
    question,
    reflexive_incise,
    time_noun,
    writer_aside,
)
from veille.quotes.speaker_rules import governing_speaker, resolve
from veille.quotes.state import ArticleState, Cue, head_of, subject_tokens
from veille.quotes.subject_spans import is_present_participle, np_span
from veille.quotes.words import (
    CLAUSE_ADJUNCTS,
    COMPARATIVES,
    NEGATION,
    NEGATION_END,
    PARTICIPLE_LEADS,
    QUE,
    QUE_LOCUTIONS,
    REPORT_JOINERS,
)

QUOTED_SHARE = 0.75  # a clause this much in marks is reported as its direct quote only


def indirect_quote(state: ArticleState, s: int, e: int, cue: Cue, cues: list[Cue]) -> Quote | None:
    """The reported clause ``s``-``e`` of ``cue`` as an indirect quote, or None when it is a direct quote
    but for a word or two, or a thing's finding."""
    s = past_closing_mark(state, s, e)
    words = [not state.in_quote(w.start()) for w in WORD.finditer(state.text, s, e)]
    outside = sum(words)
    if outside < 3 or outside <= len(words) * (1 - QUOTED_SHARE):
        # the clause is a direct quote but for a word or two ("les membres « … »"), or quoted whole
        # ("estimant que « … »"): it is reported as the direct quote only (the real-page guidelines:
        # every span in quotation marks that reports someone's words is a direct quote; the seed gold
        # lists such a clause once, as the direct quote); so is a clause whose words are three quarters
        # in marks, only its subject outside them ("qui estime que le ministre « ne fait pas honneur à
        # sa fonction, qui exige de la retenue »")
        return None
    first = WORD.search(state.text, s, e)
    if first is not None and state.in_quote(first.start()) and not finite_clause(state, s, e):
        # "a estimé que « … », la plateforme de X": the quote is the clause; what follows it
        # (an apposition, a purpose phrase, a parenthesis) holds no verb of the report
        return None
    if cue.subj_start is None and "prep" not in cue.entry.flags and not cue.resolved:
        fronted_participle_subject(state, cue, e)
    hidden = False
    if cue.subj_start is None and "prep" not in cue.entry.flags and not cue.resolved:
        cue.speaker, cue.rule = governing_speaker(state, cue, cues)  # "…, soulignant que …"
        cue.resolved = True
        if cue.rule == "last_speaker":
            hidden = hidden_subject(state, cue)  # the parse hung the subject elsewhere ("X a, par ailleurs, dit que")
            if not hidden:
                # "Un document lui confirmant que …", "Ce « reçu » mentionnait que …": a verb with no
                # subject in its sentence and no speech verb governing it reports nobody's words
                return None
    resolve(state, cue)
    if hidden:
        cue.rule = f"{cue.rule or 'nobody'}+hidden_subject"
    if impersonal_passive(state, cue):
        cue.speaker, cue.rule = None, "impersonal_passive"  # "il a été annoncé que …": nobody named
    if cue.speaker is None and not cue.unnamed and thing_subject(state, cue):
        return None  # "l'enquête a révélé que …", "le texte prévoit que …": a finding, not speech
    if cue.speaker is None and cue.entry.flags & {"opinion", "request"} and not described_person(cue):
        return None  # "beaucoup considèrent que …", "l'on constate que …": nobody's words are reported
    text = state.text[s:e].strip()
    if cue.gap is not None and s <= cue.gap[0] < cue.gap[1] <= e:
        # "Les prix, souligne le rapport, ont doublé": the incise is left out of the reported words
        text = state.text[s:cue.gap[0]].strip() + " " + state.text[cue.gap[1]:e].strip()
    q = Quote(text=text, speaker=cue.speaker, kind="indirect",
              cue=state.text[cue.start:cue.end], language=state.language(s, e, cue),
              speaker_text=cue.subj_text, start=s, end=e)
    rule = cue.rule if cue.rule == "impersonal_passive" else reconsider(state, q, cue, cue.rule or "no_subject")
    state.memory.record(q.speaker)
    state.note_rule(q, rule)
    return q


def fronted_participle_subject(state: ArticleState, cue: Cue, e: int) -> None:
    """Example "Soulignant que le texte est prêt, le ministre Paul Arnaud a rappelé …": a present participle
    opening its sentence takes the subject of the main clause after its reported clause (ending at ``e``)."""
    if not fronted_participle(cue.tok):
        return
    # the first subject after the clause whose verb follows it (the parser may make the participle the root)
    subj = next((t for t in cue.tok.sent if t.idx > e and t.dep_ == "nsubj" and t.head.i > t.i
                 and t.head.pos_ in ("VERB", "AUX") and not state.in_quote(t.idx)), None)
    if subj is None:
        return
    cue.subj_start, cue.subj_end = np_span(state, subj, subj.head)
    cue.subj_text = state.text[cue.subj_start:cue.subj_end]


DESCRIPTOR_LEADS = ("le ", "la ", "l'", "l’", "son ", "sa ")
PLURAL_LEADS = ("les ", "ses ", "leurs ")
CLOSING_MARKS = "»”\"’› \u00a0\u202f"
OPENING_MARKS = frozenset({"«", "“", '"', "‹", "„"})


def described_person(cue: Cue) -> bool:
    """True when the cue's subject is a short definite phrase ("le docteur", "son commissaire"): someone
    the text described, even when the speaker rules could not tell who."""
    text = bare((cue.subj_text or "").strip())
    if cue.subj_start is None or is_present_participle(cue.tok) or text in ("l'on", "l’on"):
        return False  # a participle's borrowed subject; "l'on" is "on"
    leads = DESCRIPTOR_LEADS + PLURAL_LEADS if cue.inverted else DESCRIPTOR_LEADS
    # (a plural group only as an inverted subject: "…, exigent les riverains" names who asks; "Les
    # habitants s'inquiètent de …" in front may hold no report at all)
    lead = next((d for d in leads if text.startswith(d)), None)
    rest = text[len(lead):].strip() if lead else ""
    return bool(rest) and rest != "on" and len(text.split()) <= 6


def thing_subject(state: ArticleState, cue: Cue) -> bool:
    """True when the cue's subject is headed by a thing (``lexicons/non_speaker_heads.tsv``)."""
    toks = subject_tokens(state, cue)
    if not toks:
        return False
    head = head_of(toks)
    return head.pos_ == "NOUN" and (bare(head.lemma_) in state.res.non_speakers
                                    or bare(head.text) in state.res.non_speakers)


def indirect_clauses(state: ArticleState, cues: list[Cue]) -> list[tuple[int, int, Cue]]:
    """(start, end, cue) of every clause a cue reports: after "que", or before an inverted cue."""
    out = []
    doc, text = state.doc, state.text
    for c in cues:
        if "prep" in c.entry.flags:
            # "Selon X, <clause>" attributes a claim but reports no speech act: the schema's
            # indirect quote is the clause after a speech verb, and gold never requires these
            # (they are optional at most). The cue still names who a partial quote inside the
            # clause belongs to (direct quotes read it).
            continue
        if aside_cue(state, c):
            continue  # "…, ce que contestent les syndicats": the writer's aside reports no clause
        if "incise" in c.entry.flags or "que" in c.entry.flags:
            span = as_report_clause(state, c)  # "Comme l'a rappelé X, <clause>"
            if span is not None:
                e = clause_end(state, span[0], c, cues)
                if state.words(span[0], e) >= 3:
                    out.append((span[0], e, c))
                continue
        if "que" in c.entry.flags:
            if not_a_report(state, c) or question(state, c) or bare_participle(state, c) \
                    or reflexive_incise(state, c.tok):
                continue  # "espère que …", "il se dit que …", "a-t-il dit que … ?", "reconnu pour …",
                # "s'y ajoute le fait que …" (a speech verb made reflexive says what happens)
            que = que_after(state, c)
            if que is not None:
                s = que.idx + len(que.text)
                e = main_clause_cut(state, c, s, clause_end(state, s, c, cues))
                e = subordinate_cut(state, c.tok, c.start_tok if c.start_tok is not None else c.tok.i, s, e)
                e = trailing_aside(state, s, e)
                while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
                    e -= 1
                s = state.skip_space(s)
                while s < e and text[s] in ",;:" :
                    s = state.skip_space(s + 1)  # "a souligné que, malgré tout, …": the clause, not its comma
                if state.words(s, e) >= 3 and not causal_subjunctive(state, c, s, e):
                    out.append((s, e, c))
                continue
        if "incise" in c.entry.flags and c.subj_start is not None and c.inverted \
                and not is_present_participle(c.tok) \
                and before_is_incise(state, incise_verb(state, c)):
            span = clause_before(state, c)
            if span:
                out.append((*span, c))
    del doc
    kept, seen = [], set()
    for s, e, c in out:
        if reports_a_report(s, e, c, out):
            continue
        ss, se = state.sent_bounds(s)
        key = (" ".join(text[min(ss, c.start):max(se, e)].split()).lower(), " ".join(text[s:e].split()).lower())
        if key in seen:
            # a sentence the page prints twice (a caption repeating the text): one report; the same
            # clause reported by two different sentences (the standfirst and the body) is two
            continue
        seen.add(key)
        kept.append((s, e, c))
    return kept


def reports_a_report(s: int, e: int, c: Cue, clauses: list[tuple[int, int, Cue]]) -> bool:
    """Example "La préfète a indiqué que les travaux commenceront en mars, a rapporté la radio": the clause
    before an inverted cue holds a report of its own; that inner report is the quote, and the inverted cue
    only names who passed it on (an opinion inside, "Les enquêteurs estiment que …, a indiqué une source",
    may have no holder to be quoted: the whole clause stays the inverted cue's)."""
    return c.inverted and c.tok.idx >= e and any(
        o is not c and s <= o.tok.idx < e and s <= s2 < e
        and (not o.entry.flags & {"opinion", "request"} or named_subject(o))
        for s2, _, o in clauses)


def named_subject(c: Cue) -> bool:
    """True when the cue's subject holds a capitalised word after its first ("son camarade Paul", "la
    ministre Claire Dubois"): someone named holds the opinion."""
    words = (c.subj_text or "").split()
    return any(w[:1].isupper() for w in words[1:])


def que_after(state: ArticleState, c: Cue) -> Any | None:
    """The "que" token that opens the clause ``c`` reports, by the parse or a few words on; None when there
    is none."""
    doc = state.doc
    tok = c.tok
    if any(bare(t.text) in NEGATION and not bare(doc[t.i + 1].lemma_) == "cesser"
           for t in doc[max(0, tok.i - 4):tok.i]):
        # "ne … que" restricts ("n'a été annoncée que dimanche"): nothing is reported ("ne cesse de
        # répéter que" is no negation: "ne" alone with "cesser")
        return None
    if predicate_adjective(state, c):
        return None  # "a jugé inacceptable que …": an opinion of a fact
    if "Sub" in tok.morph.get("Mood") or any(bare(t.text) == "comme" for t in doc[max(0, tok.i - 3):tok.i]):
        return None  # "on aurait aimé qu'il rappelle que", "comme en témoignent …": no report
    # the parse: a ccomp child marked by "que"
    for ch in tok.children:
        if ch.dep_ == "ccomp":
            for g in ch.children:
                if g.dep_ == "mark" and bare(g.text) in QUE and g.i > tok.i:
                    # (long place and occasion phrases come between: "a déclaré à l'issue
                    # d'une conférence de soutien à X, à Y, que …")
                    if g.i - tok.i <= 24:
                        return g
    # the words: "que" within a few tokens, with no verb in between
    for j in range(tok.i + 1, min(len(doc), tok.i + 22)):
        t = doc[j]
        if t.is_sent_start and j > tok.i + 1:
            return None
        if bare(t.text) in QUE and j > tok.i + 1 and bare(doc[j - 1].text) in QUE_LOCUTIONS:
            return None  # "…, rapporte la radio, alors que X …": a conjunction, not a report
        if bare(t.text) in QUE and restrictive_ne(doc, tok.i + 1, j):
            return None  # "…, il n'y avait qu'à lire …": "ne … que" restricts; it opens no report
        if bare(t.text) in QUE and bare(doc[j - 1].text) == "ce":
            return None  # "a raconté ce que la ville a vécu": "ce que" opens a relative, the verb's object
        if bare(t.text) in QUE and bare(doc[j - 1].text) in COMPARISON:
            continue  # "estiment, plus que jamais, que …": a comparison's "que", the report's comes later
        if bare(t.text) in QUE:
            # the parser often reads "devant les députés que …" as a relative clause; it is
            # one only when the speech verb already has its object ("a reconnu les faits que")
            has_obj = not addressee_verb(c) and any(
                ch.dep_ == "obj" and tok.i < ch.i < j and not time_noun(state, ch) for ch in tok.children)
            if t.pos_ == "PRON" and has_obj or object_before_que(state, c, t):
                return None
            return t
        if title_in_marks(state, t):
            continue  # "a affirmé dans « Le Progrès » que …": the paper's name set in marks
        if bare(t.text) in COMPARATIVES and j == tok.i + 1 and j + 1 < len(doc) and bare(doc[j + 1].text) in QUE:
            continue  # "murmurent même que …": "même" stresses the report, it compares nothing
        if t.pos_ == "VERB" or t.text in (".", ";", ":", "!", "?", "«", "»", "“", "”", '"') \
                or state.in_quote(t.idx) or bare(t.text) in COMPARATIVES:
            return None  # (a comparison: "relèvent du même régime que …")
    return None


def restrictive_ne(doc: Any, a: int, b: int) -> bool:
    """True when tokens ``a``-``b`` hold a "ne" with no "pas", "plus", "jamais" after it: the "que" at ``b``
    closes a "ne … que" (only), not the report's conjunction ("note, et elle n'est pas seule, que" keeps it)."""
    ne = next((k for k in range(a, b) if bare(doc[k].text) in NEGATION), None)
    return ne is not None and not any(bare(doc[k].text) in NEGATION_END for k in range(ne + 1, b))


TITLE_PREPS = frozenset({"dans", "a", "au", "sur"})


def title_in_marks(state: ArticleState, t: Any) -> bool:
    """True when ``t`` is a mark or a word of a name of one to four words set in marks after a
    preposition ("a déclaré dans « Le Progrès » que", "a dit sur « Radio Ville » que")."""
    rng = next(((qs, qe) for qs, qe in state.quote_ranges if qs - 2 <= t.idx <= qe + 1), None)
    if rng is None:
        return False
    qs, qe = rng
    if state.words(qs, qe) > 4:
        return False
    before = state.text[max(0, qs - 12):qs].rstrip(" «“\"\u00a0")
    return bool(before) and bare(before.split()[-1]) in TITLE_PREPS


def clause_end(state: ArticleState, s: int, c: Cue, cues: list[Cue]) -> int:
    """End of a reported clause: the sentence end, or before what starts something else
    (a participle after a comma, another cue, ", selon …", a ", a-t-il ajouté")."""
    doc, text = state.doc, state.text
    _, se = state.sent_bounds(s)
    se = full_stop_before(state, s, se)
    first = state.tok_at(s)
    if first.idx < s:
        first = doc[first.i + 1] if first.i + 1 < len(doc) else first
    end = se
    i = first.i
    starts = state.tok_starts  # (character offsets read once: no Token built for a quoted word)
    while i < len(doc) and starts[i] < se:
        if state.in_quote(starts[i]):
            i += 1
            continue
        t = doc[i]
        prev = doc[i - 1] if i > 0 else None
        low = bare(t.text)
        if t.text == ":" and i + 1 < len(doc) and (doc[i + 1].text in OPENING_MARKS or state.in_quote(starts[i + 1])) \
                and state.words(s, t.idx) >= 3:
            end = t.idx  # "… que la piste est fermée : « … »": the quoted words that follow are a direct quote
            break
        if low == "tout" and i + 2 < len(doc) and bare(doc[i + 1].text) == "en" \
                and is_present_participle(doc[i + 2]):
            end = t.idx  # "… tout en insistant …" hangs on the speech verb
            break
        if prev is not None and prev.text == "," and not state.in_quote(prev.idx) and state.words(s, prev.idx) > 0:
            # (a comma right after "que" opens an adjunct of the clause: "a expliqué que, selon lui, …")
            # ", soulignant …", ", étant donné …", ", tout en …", ", selon …"
            if t.pos_ in ("VERB", "AUX") and "Part" in t.morph.get("VerbForm") and \
                    "Pres" in t.morph.get("Tense") or clitic_participle(state, i):
                end = prev.idx
                break
            if low == "selon" or (low in PARTICIPLE_LEADS and participle_follows(state, i)) or absolute_clause_at(state, i) or (
                    low in CLAUSE_ADJUNCTS and adjunct_of_cue(state, t, c)) or (
                    (clause_break(state, i) or writer_aside(state, i)) and finite_clause(state, s, prev.idx)):
                end = prev.idx
                break
        if t.i > c.tok.i + 1 and t.i in state.cue_at and state.cue_at[t.i] is not c:
            joiner = new_speaker_joiner(state, state.cue_at[t.i], first.i)
            if joiner is not None:
                end = joiner  # "… était signé, mais la mairie dément": another party's report
                break
        joiner = main_verb_joiner(state, t, c, first.i)
        if joiner is None and t.i > c.tok.i:
            joiner = tense_shift_joiner(state, t, c.tok, first.i)
        if joiner is not None:
            end = joiner  # "a prévenu qu'elle perdrait de l'argent et a fait état d'une perte": the speaker's act
            break
        if t.i > c.tok.i + 1 and t.i in state.cue_at and state.cue_at[t.i] is not c and \
                state.words(s, t.idx) > 0 and \
                starts_new_report(state, t) and not number_disagrees(state, state.cue_at[t.i]):
            # "… et a ajouté que …", "…, a-t-il ajouté": the clause ended before
            j = t.i - 1
            if j - 1 > first.i and bare(doc[j].text) in ("de", "d'") and bare(doc[j - 1].text) == "avant":
                j -= 2  # "…, avant d'ajouter que": the clause ends before "avant"
                while j > first.i and doc[j].pos_ == "PUNCT":
                    j -= 1
            else:
                # the cue's own words ("a-t-il", "a également"), then its joiner (", et"), and no further:
                # "… la réforme est juste, a rapporté X" keeps "est juste" (an ADV the tagger saw)
                while j > first.i and (doc[j].pos_ in ("AUX", "PRON", "ADV") or doc[j].text.startswith("-")):
                    j -= 1
                while j > first.i and doc[j].pos_ in ("CCONJ", "PUNCT"):
                    j -= 1
                j = joined_subject_start(state, state.cue_at[t.i], j, first.i)
            end = doc[j].idx + len(doc[j].text)
            break
        i += 1
    e = end
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.!?" or text[e - 1] in "«“„‹"):
        e -= 1  # (an opening mark at the end belongs to the quote that follows: "… perplexité. «")
    return e


def new_speaker_joiner(state: ArticleState, o: Cue, first: int) -> int | None:
    """Example "Paul Arnaud a affirmé que le contrat était signé, mais la mairie dément": a speech verb
    whose own subject follows a joiner ("et", "mais", "puis", ";") inside the clause starts another
    report (another party's, or the same speaker's again: "… et il a ajouté que …"); the character
    offset where the clause ends (before the joiner), or None."""
    doc = state.doc
    if o.inverted or "prep" in o.entry.flags:
        return None
    left = None
    if o.subj_start is not None and o.subj_start < o.tok.idx:
        left = state.tok_at(o.subj_start)
    else:
        subj = next((ch for ch in o.tok.children if ch.dep_ in ("nsubj", "nsubj:pass") and ch.i < o.tok.i), None)
        left = subj.left_edge if subj is not None else None
    if left is None or left.i - 1 <= first:
        return None
    j = left.i - 1
    if bare(doc[j].text) not in REPORT_JOINERS and doc[j].text != ";":
        return None
    k = j - 1
    while k > first and doc[k].pos_ == "PUNCT":
        k -= 1
    return doc[k].idx + len(doc[k].text)


def joined_subject_start(state: ArticleState, o: Cue, j: int, first: int) -> int:
    """Example "Les policiers assurent que les jeunes étaient partis et leur avocat, Me Paul Arnaud, affirme
    que …": the speech verb after a comma has its subject (set off by commas) right after a joiner; the
    clause ends before the joiner, not at the comma. ``j`` (the clause's last token) when there is none."""
    doc = state.doc
    if o.inverted:
        return j
    k = j
    while k > first and j - k <= 10 and doc[k].pos_ not in ("VERB", "AUX") and not state.in_quote(doc[k].idx):
        if bare(doc[k].text) in REPORT_JOINERS and doc[k + 1].pos_ in ("DET", "PROPN"):
            m = k - 1
            while m > first and doc[m].pos_ == "PUNCT":
                m -= 1
            return m
        k -= 1
    return j


def main_verb_joiner(state: ArticleState, t: Any, c: Cue, first: int) -> int | None:
    """Example "La société a prévenu qu'elle perdrait de l'argent et a fait état d'une perte record": a verb
    without a subject of its own, joined to the speech verb (by the parse) and in the same form (the
    same auxiliary, or the same tense and person), is the speaker's next act, not the reported words;
    the character offset where the clause ends (before the joiner), or None."""
    doc = state.doc
    if t.i <= first + 1 or t.dep_ != "conj" or t.head.i != c.tok.i or t.pos_ != "VERB":
        return None
    if any(ch.dep_.startswith("nsubj") for ch in t.children):
        return None
    j = t.i - 1
    aux = []
    while j > first and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text.startswith("-")):
        if doc[j].pos_ == "AUX":
            aux.append(bare(doc[j].text))
        j -= 1
    if bare(doc[j].text) not in REPORT_JOINERS or j <= first:
        return None
    cue_aux = [bare(x.text) for x in doc[max(0, c.tok.i - 3):c.tok.i] if x.pos_ == "AUX"]
    if aux or cue_aux:
        if not aux or not cue_aux or aux[-1] != cue_aux[-1]:
            return None
    elif any(t.morph.get(f) != c.tok.morph.get(f) for f in ("Tense", "Mood", "Number", "Person")):
        return None
    k = j - 1
    while k > first and doc[k].pos_ == "PUNCT":
        k -= 1
    return doc[k].idx + len(doc[k].text)


def full_stop_before(state: ArticleState, s: int, e: int) -> int:
    """``e``, or the first full stop outside quotation marks between ``s`` and ``e``: a reported clause
    never runs into the next sentence, even where the parser (misled by a quote that follows) joins
    the two ("Il estime que les livres sont chers. « Trop chers », dit-il." ends at "chers")."""
    for m in SENTENCE_END.finditer(state.text, s, e):
        if state.in_quote(m.start()):
            continue
        if abbreviation_before(state, s, m.start()):
            continue  # "M. Faure", "Mme. X", "St. Louis": an abbreviation, not a sentence end
        return m.start()
    return e


def participle_follows(state: ArticleState, i: int) -> bool:
    """True when a present participle follows within three tokens of ``i``."""
    doc = state.doc
    for j in range(i, min(len(doc), i + 3)):
        if doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm") and \
                "Pres" in doc[j].morph.get("Tense"):
            return True
    return False


def adjunct_of_cue(state: ArticleState, t: Any, c: Cue) -> bool:
    """", dans l'espoir de …" hanging on the speech verb (by the parse), not on the reported
    clause."""
    return c.tok.i in (t.head.i, t.head.head.i)  # (spaCy builds a new Token each time: compare indices)


def starts_new_report(state: ArticleState, t: Any) -> bool:
    """True when ``t`` is a speech verb joined by "et", "puis", "mais" or a comma: a new report starts."""
    entry = state.res.cue_entry(t)
    if entry is None:
        return False
    doc = state.doc
    j = t.i - 1
    aux = False
    while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text.startswith("-")):
        if doc[j].dep_ == "aux:pass":
            return False  # "l'enquête, ouverte lundi, était confiée à …": a passive reports nobody's words
        aux = aux or doc[j].pos_ == "AUX" or doc[j].text.startswith("-")
        j -= 1
    if not aux and "Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense"):
        return False  # "les chiffres, publiés en juillet, …": a participle without auxiliary describes a noun
    if j >= 1 and bare(doc[j].text) in ("de", "d'") and bare(doc[j - 1].text) == "avant":
        return True  # "…, avant d'ajouter que …": the same speaker goes on with a new report
    return j >= 0 and (bare(doc[j].text) in REPORT_JOINERS or doc[j].text == ",")
