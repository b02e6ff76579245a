"""Speaker rules for a direct quote with no cue: ``CUELESS_RULES``, tried in order after the cue rules
of ``speaker_rules.py`` (split from it: same contract, a ``Decision`` per rule, the first that decides
wins; ``no_voice_near`` always decides). Each rule's docstring gives an invented example."""

from __future__ import annotations

from dataclasses import dataclass

from veille.common.fold import bare
from veille.model import Quote
from veille.quotes.antecedents import antecedent, recent_speaker
from veille.quotes.cataphora import (
    credited_in_next_sentence,
    incise_of_later_quote,
    named_in_next_paragraph,
    named_in_next_sentence,
    subject_of_next_sentence,
)
from veille.quotes.first_person import last_person_speaker, singular_voice, speaker_type
from veille.quotes.interview import interview_answer
from veille.quotes.lead_subjects import lead_subject, pour_subject
from veille.quotes.marks import SENTENCE_END, MarkSpan
from veille.quotes.quote_runs import credit_of_next_paragraph
from veille.quotes.resources import CueEntry
from veille.quotes.rule_types import Decision, Rule, _rules
from veille.quotes.salience import (
    INSTITUTION_NOUNS,
    affiliated_person,
    chain_is_broken,
    person_named_in_sentence,
    unbroken_voice,
)
from veille.quotes.speaker_rules import GOVERNED_RULES, SUBJECT_RULES, resolve
from veille.quotes.state import ArticleState, Cue, head_of
from veille.quotes.subject_spans import np_span
from veille.quotes.unnamed_referent import unnamed_person_before
from veille.quotes.words import GOVERNMENT_HEADS, QUE, SINGULAR_STRESSED

# -- a direct quote with no cue ----------------------------------------------------------------------

@dataclass
class Context:
    """Where a cue-less quote stands: its marks, its paragraph, the direct quote before it."""

    mark: MarkSpan
    para: tuple[int, int]
    prev: tuple[MarkSpan, Quote] | None


def pour_opening(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Pour Odile Marchand, maire de Vienne, la réforme est « une chance ».": the opinion is
    the person's the sentence opens on, whoever spoke before ("Pour la première fois" names nobody)."""
    found = pour_subject(state, ctx.mark, ctx.para[0])
    if found is None:
        return None
    t0, a, b, toks = found
    low = bare(state.text[a:b])
    if low in SINGULAR_STRESSED:
        who = antecedent(state, t0.idx, gender="f" if low == "elle" else "m")
        return Decision(who, state.text[a:b]) if who else None
    head = head_of(toks)
    named = any(a <= mm.start < b and mm.entity.type in ("PER", "ORG") for mm in state.mentions)
    if not named and bare(head.text) not in state.res.person_nouns and bare(head.lemma_) not in state.res.person_nouns:
        return None
    tmp = Cue(t0, CueEntry("pour", "fr", frozenset({"prep"})), t0.idx, t0.idx + len(t0.text))
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, state.text[a:b]
    resolve(state, tmp)
    return Decision(tmp.speaker, tmp.subj_text) if tmp.speaker is not None else None


def pour_lead_sentence(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Pour Claire Dubois, le pont est une fierté. « Nous l'avons voulu et nous l'avons eu. »": the
    sentence right before the quote opens on the person whose view it gives."""
    text = state.text
    j = ctx.mark.start - 1
    while j > ctx.para[0] and (text[j].isspace() or text[j] in "«“\""):
        j -= 1
    if j <= ctx.para[0] or text[j] not in ".!?…" or state.in_quote(j):
        return None
    lead = MarkSpan(j, j, [(j, j)], "«")
    return pour_opening(state, Context(lead, ctx.para, ctx.prev))


def credit_line_after(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "« Nous ne lâcherons rien. »" then a paragraph "Paul Arnaud, maire de Vienne": a quote
    standing alone in its paragraph, credited by a short line that opens on a name (pull quotes,
    embedded posts, interview answers)."""
    ps, pe = ctx.para
    text = state.text
    if text[ps:ctx.mark.start].strip(" «“\"") or text[ctx.mark.end:pe].strip(" »”\".…!?"):
        return None
    nxt = next(((a, b) for a, b in state.segs if a >= pe and text[a:b].strip()), None)
    if nxt is None or len(text[nxt[0]:nxt[1]].split()) > 10:
        return None
    first = next((mm for mm in state.mentions if nxt[0] <= mm.start < nxt[1]), None)
    if first is None or first.entity.type not in ("PER", "ORG") or text[nxt[0]:first.start].strip(" -—–("):
        return None
    return Decision(first.entity.name, text[first.start:first.end])


def credit_after_marks(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "« Il faut s'occuper du pont. » Paul Arnaud, ingénieur à Vienne.": a name right after the
    closing mark (or a dash after it), in a verbless line, credits the quote (epigraphs, quote boxes, cited
    letters, embedded posts)."""
    text = state.text
    k = ctx.mark.end
    # "« … » — Paul Arnaud (@parnaud) 12 mars 2020": an embedded post's credit opens on a dash
    while k < ctx.para[1] and (text[k].isspace() or text[k] in "»”\".…!?—–"):
        k += 1
    first = next((mm for mm in state.mentions if k <= mm.start <= k + 1 and not mm.in_quote), None)
    if first is None or first.entity.type not in ("PER", "ORG"):
        return None
    end = SENTENCE_END.search(text, first.end, ctx.para[1])
    stop = end.start() if end else ctx.para[1]
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in state.toks_in(first.end, stop)):
        return None  # "« … » Paul Arnaud a ensuite quitté la salle.": a sentence, not a credit
    return Decision(first.entity.name, text[first.start:first.end])


def colon_lead_name(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Paul Arnaud, maire de Vienne : « Nous tiendrons. »": a quote after a colon whose lead-in
    opens on a name with no verb (live blogs, reactions listed one by one)."""
    ps = ctx.para[0]
    lead = state.text[ps:ctx.mark.start].rstrip(" «“\"")
    if not lead.endswith(":"):
        return None
    cut = max(lead.rfind(". ", 0, len(lead) - 1), lead.rfind("» ", 0, len(lead) - 1),
              lead.rfind("\" ", 0, len(lead) - 1))
    a = ps + (cut + 2 if cut >= 0 else 0)
    b = ps + len(lead) - 1
    if any(t.pos_ in ("VERB", "AUX") for t in state.toks_in(a, b)) or state.words(a, b) > 14:
        return None
    first = next((mm for mm in state.mentions if a <= mm.start < b), None)
    if first is None or first.entity.type not in ("PER", "ORG") or state.text[a:first.start].strip():
        return None
    return Decision(first.entity.name, state.text[first.start:first.end])


def colon_unnamed_subject(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Une habitante, relogée par l'Office municipal du logement, raconte : « Nous avons attendu. »":
    the subject of the sentence a colon ends is a person the text never names (``unnamed_source``,
    ``noun_unnamed_person``, a plural descriptor), so nobody: not the organisation written inside her phrase."""
    ps = ctx.para[0]
    if not state.text[ps:ctx.mark.start].rstrip(" «“\"").endswith(":"):
        return None
    tmp = lead_subject(state, ctx.mark, ps)
    if tmp is None or tmp.subj_start is None or state.in_quote(tmp.subj_start):
        return None
    # only the main clause's subject ("Conscient que des enfants …, il s'interroge :" is his, not "des
    # enfants"): no subordinating word before it in its sentence (the parse of such leads is unsure)
    tok = state.tok_at(tmp.subj_start)
    if any(t.pos_ == "SCONJ" or bare(t.text) in QUE for t in state.toks_in(max(ps, tok.sent.start_char), tok.idx)):
        return None
    resolve(state, tmp)
    return Decision(None, tmp.subj_text) if tmp.speaker is None and tmp.unnamed else None


def colon_lead_sentence(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Même ligne chez Paul Arnaud, le maire de Vienne : « Nous tiendrons. »": a quote right after
    a colon belongs to the subject of the sentence the colon ends, else to the last person or
    organisation that sentence names (not to the speaker of an earlier quote)."""
    ps = ctx.para[0]
    lead = state.text[ps:ctx.mark.start].rstrip(" «“\"")
    if not lead.endswith(":"):
        return None
    tmp = lead_subject(state, ctx.mark, ps)
    if tmp is not None and tmp.subj_start is not None and not state.in_quote(tmp.subj_start):
        resolve(state, tmp)
        if tmp.speaker is not None:
            return Decision(tmp.speaker, tmp.subj_text)
    colon = ps + len(lead) - 1
    ss = state.tok_at(colon).sent.start_char
    for qs, qe in state.quote_ranges:
        if ss <= qe <= colon and state.speech_like(qs, qe):
            ss = qe  # only what follows the sentence's last quote (a quoted title is no quote)
    named = [mm for mm in state.mentions if max(ss, ps) <= mm.start < colon and not mm.in_quote
             and not mm.asked and mm.entity.type in ("PER", "ORG")]
    pick = affiliated_person(state, named[-1]) if named else None  # a person before her affiliation
    return Decision(pick.entity.name, state.text[pick.start:pick.end]) if pick else None


def subject_named_since(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "« Nous partons », a dit Paul Arnaud. Claire Dubois, elle, reste. Elle préfère attendre :
    « Rien ne presse. »": a person named after the paragraph's previous quote and subject of the
    sentence leading into this one speaks, not the previous quote's speaker."""
    if ctx.prev is None or state.seg_of(ctx.prev[0].start) != ctx.para:
        return None
    tmp = lead_subject(state, ctx.mark, ctx.para[0], glued=True)
    if tmp is None or tmp.subj_start is None or state.in_quote(tmp.subj_start):
        return None
    resolve(state, tmp)
    if tmp.speaker is None or tmp.speaker == ctx.prev[1].speaker:
        return None
    since = any(mm.entity.name == tmp.speaker and ctx.prev[0].end <= mm.start < ctx.mark.start and not mm.in_quote
                for mm in state.mentions)
    return Decision(tmp.speaker, tmp.subj_text) if since else None


def own_sentence_subject(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Paul Arnaud présentait le projet, avec l'ambition de « changer la ville de fond en comble ».":
    a quote inside a sentence whose subject, written before it, names a speaker is that speaker's."""
    sent = state.tok_at(ctx.mark.start).sent
    subj = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None or subj.idx >= ctx.mark.start or subj.idx < ctx.para[0] or state.in_quote(subj.idx) \
            or sent.root.pos_ not in ("VERB", "AUX") or sent.root.idx >= ctx.mark.start:
        return None
    if any(sent.start_char <= qs < ctx.mark.start and state.speech_like(qs, qe) for qs, qe in state.quote_ranges):
        return None  # another quote comes first in the sentence
    tmp = Cue(sent.root, CueEntry(sent.root.lemma_.lower(), "fr", frozenset()), sent.root.idx, sent.root.idx)
    a, b = np_span(state, subj, sent.root)
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, state.text[a:b].strip(" ,")
    resolve(state, tmp)
    return Decision(tmp.speaker, tmp.subj_text) if tmp.speaker is not None else None


def later_quote_incise(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "C'est parce que, « faute d'entretien » depuis des années, « elle ne pouvait plus tenir »,
    estiment les ingénieurs.": the inverted cue of a later quote in the same sentence
    (``cataphora.incise_of_later_quote``)."""
    return incise_of_later_quote(state, ctx, resolve)


def next_paragraph_credit(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "… « Nous avons attendu. » ¶ « Le chantier a pris du retard, explique Léa Morin. »": a quote
    ending its paragraph goes to the credit of the quote opening the next (``quote_runs``)."""
    return credit_of_next_paragraph(state, ctx.mark, ctx.para, resolve)


def previous_quote_in_paragraph(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "« Nous partons », a dit Paul Arnaud. « Rien ne nous retient ici. »": a second quote in the
    paragraph goes on in the voice of the quote before it."""
    if ctx.prev is None or state.seg_of(ctx.prev[0].start) != ctx.para or chain_is_broken(state, ctx, resolve):
        return None
    return Decision(ctx.prev[1].speaker, ctx.prev[1].speaker_text)


def lead_sentence_subject(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "La présidente du club, Claire Dubois, a appelé au calme. « Personne n'a perdu. »": the
    subject of the sentence that leads into the quote, not the last speaker."""
    tmp = lead_subject(state, ctx.mark, ctx.para[0])
    if tmp is None:
        return None
    resolve(state, tmp)
    if tmp.rule == "organisation_in_subject" and _place_in_complement(state, tmp):
        return None  # "La maternité de Vienne fermera. « … »": the place of a thing that does not speak
    return Decision(tmp.speaker, tmp.subj_text) if tmp.speaker is not None else None


def _place_in_complement(state: ArticleState, cue: Cue) -> bool:
    """The subject's speaker is a place named in the complement of a noun that is no authority."""
    if not any(m.entity.name == cue.speaker and m.entity.type == "LOC" for m in state.mentions):
        return False
    return not set(bare(cue.subj_text or "").replace("'", " ").split()) & (GOVERNMENT_HEADS | INSTITUTION_NOUNS)


def recent_last_speaker(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "« C'est fini », a dit Paul Arnaud. Le public a applaudi. « Je reviendrai. »": the last
    speaker goes on when quoted or named in this or the previous paragraph."""
    if state.memory.last and recent_speaker(state, ctx.mark.start):
        last = state.memory.last
        if speaker_type(state, last) not in ("PER", None) and singular_voice(state.text[ctx.mark.start:ctx.mark.end]):
            # "« Je reviendrai. »" after a party spoke: the last person who spoke, else the last one named
            return Decision(last_person_speaker(state)) if last_person_speaker(state) else None
        return Decision(last)
    return None


def no_voice_near(state: ArticleState, ctx: Context) -> Decision | None:
    """Example "Le quartier s'est vidé en une nuit. [new paragraph] « On ne reviendra pas. »": a quote with no
    cue and no speaker going on is a voice the article does not name (a testimony, a recording, a slogan),
    not the last person named before it; the scorer weighs who else it may be (a weak rule). A rule that
    gave it to the last person named in its paragraph was right on 2 dev sites and wrong on 5
    (``tools/quotes/rule_sites.py``, speakers8): removed."""
    return Decision(None)


CUELESS_RULES: list[Rule] = _rules(interview_answer, pour_opening, pour_lead_sentence, credit_line_after, credit_after_marks, colon_lead_name,
                                   colon_unnamed_subject, colon_lead_sentence, credited_in_next_sentence,
                                   named_in_next_paragraph, subject_named_since, own_sentence_subject, later_quote_incise,
                                   next_paragraph_credit, named_in_next_sentence, subject_of_next_sentence, unnamed_person_before,
                                   previous_quote_in_paragraph, person_named_in_sentence,
                                   lead_sentence_subject,
                                   recent_last_speaker, unbroken_voice, no_voice_near)


def speaker_without_cue(state: ArticleState, m: MarkSpan,
                        prev: tuple[MarkSpan, Quote] | None) -> tuple[str | None, str | None, str]:
    """(speaker, speaker_text, rule) of a direct quote that no cue attributes."""
    ctx = Context(m, state.seg_of(m.start), prev)
    for rule in CUELESS_RULES:
        decision = rule.decide(state, ctx)
        if decision is not None:
            return decision.speaker, decision.speaker_text, rule.name
    return None, None, "nobody"  # unreachable: no_voice_near always decides


ALL_RULES: dict[str, list[Rule]] = {"subject": SUBJECT_RULES, "governed": GOVERNED_RULES, "cueless": CUELESS_RULES}
