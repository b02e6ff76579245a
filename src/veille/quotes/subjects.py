"""The subject of a speech cue: the words naming who speaks, from the dependency parse with
word-pattern fallbacks where the parse fails (inverted subjects, fillers, foreign cues)."""

from __future__ import annotations

from veille.common.fold import bare
from veille.quotes.absolute import absolute_subject
from veille.quotes.detached_subjects import (
    apposition_before,
    named_before_apposition,
    owner_of_apposition,
    participle_head_subject,
    relative_aside_subject,
)
from veille.quotes.elided_subjects import elided_article_noun, reflexive_after_verb
from veille.quotes.foreign_subjects import foreign_subject
from veille.quotes.incise_position import (
    before_is_incise,
    clause_before_incise,
    pp_end,
    skip_fillers_left,
    starts_person,
)
from veille.quotes.lead_subjects import lead_subject, pour_subject
from veille.quotes.marks import MARK_FAMILY
from veille.quotes.relative_antecedent import completed_noun
from veille.quotes.report_forms import modal_right_before
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_spans import (
    authored_by,
    inside_name,
    is_present_participle,
    noun_after_det,
    np_span,
)
from veille.quotes.words import (
    FILLERS_AFTER_VERB,
    INCISE_PREPS,
    INVERTED_SUBJECTS,
    NEVER_SUBJECTS,
    OBJECT_CLITICS,
    QUE,
    STRESSED_PRONOUNS,
    SUBJECT_CLITICS,
)

# (the helpers moved to the modules above stay importable from here)
__all__ = [
    "apposition_before", "authored_by", "before_is_incise", "clause_before_incise", "find_subject",
    "foreign_subject", "inside_name", "is_present_participle", "lead_subject", "named_before_apposition",
    "noun_after_det", "np_span", "owner_of_apposition", "participle_head_subject", "pour_subject",
    "pp_end", "relative_aside_subject", "skip_fillers_left", "starts_person",
]


def find_subject(state: ArticleState, cue: Cue) -> None:
    """The words naming who speaks: the verb's nsubj (before or after it), an inverted clitic,
    or, for a participle ("soulignant que"), nothing (taken from the governing cue later)."""
    tok, doc = cue.tok, state.doc
    if cue.entry.lang != "fr":
        foreign_subject(state, cue)
        return
    # inverted clitic: "dit-il", "a-t-elle ajouté", "estime-t-il"
    for t in list(doc[tok.i + 1:tok.i + 3]) + list(doc[max(0, tok.i - 3):tok.i]):
        low = bare(t.text)
        if low in INVERTED_SUBJECTS:
            cue.subj_start, cue.subj_end, cue.subj_text = t.idx + 1, t.idx + len(t.text), low[1:]
            cue.inverted = True
            return
    if is_present_participle(tok):
        np = absolute_subject(state, tok)
        if np is not None:  # "…, les pompiers précisant que": the phrase before is the participle's subject
            cue.subj_start, cue.subj_end = doc[np[0]].idx, doc[np[1]].idx + len(doc[np[1]].text)
            cue.subj_text = state.text[cue.subj_start:cue.subj_end]
        return  # "…, soulignant que": the speaker is the governing cue's (resolved later)
    subj = None
    if "Inf" in tok.morph.get("VerbForm") and modal_right_before(state, tok):
        # "…, a fait savoir la mairie": the modal written before the infinitive carries the subject (the
        # parser may hang the infinitive on the clause before)
        tok = doc[tok.i - 1]
    elif "Inf" in tok.morph.get("VerbForm") and tok.head.i != tok.i:
        tok = tok.head  # "a tenu à préciser": the subject is the governing verb's
    # the subject hangs on the verb, or (a parser slip) on its auxiliary
    # (an auxiliary the tagger read as a verb, "a pour sa part évoqué", is one by its relation)
    verbs = [tok] if tok is cue.tok else [tok, cue.tok]
    heads = verbs + [c for v in verbs for c in v.children
                     if (c.pos_ == "AUX" or c.dep_.startswith("aux")) and c.i < v.i]
    for c in (c for h in heads for c in h.children):
        if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and not state.in_quote(c.idx) \
                and not c.text.startswith("-") and c.text not in MARK_FAMILY:
            # (a quotation mark the parser made the subject, "“Nous …”, a dit X": the quote, not a voice)
            if c.i > 0 and bare(c.text) in STRESSED_PRONOUNS and \
                    bare(doc[c.i - 1].text) == "a":
                continue  # "L'Allemande a quant à elle affirmé": the subject is before
            if bare(c.text) in NEVER_SUBJECTS:
                continue  # "X, dont Paul Arnaud a dit que …": the subject is the next nsubj
            subj = c
            break
    if subj is not None and subj.i < tok.i and subj.pos_ == "NOUN":
        # "Les larmes aux yeux, elle confie :": a detached phrase before the subject pronoun
        clitic = next((c for h in heads for c in h.children if c.dep_ == "nsubj" and subj.i < c.i < tok.i
                       and bare(c.text) in SUBJECT_CLITICS), None)
        if clitic is not None and any(t.text == "," for t in doc[subj.i:clitic.i]):
            subj = clitic
    dropped = None
    incise = before_is_incise(state, tok) or (
        cue.start_tok is not None and cue.start_tok < tok.i and before_is_incise(state, doc[cue.start_tok]))
    # ("», a de son côté constaté X": the cue's words, auxiliary and adjunct, follow the comma)
    if subj is not None and incise and subj.i < tok.i and (
            bare(subj.text) in OBJECT_CLITICS or clause_before_incise(state, tok)):
        # "<clause>, a indiqué X": the parser took a word of the reported clause for the subject
        dropped, subj = subj, None
    if subj is None and incise:
        # inverted subject not parsed as one ("», a déclaré la diplomate finlandaise",
        # "a répondu en souriant l'entraîneur", "a indiqué lundi la porte-parole"; after the infinitive a
        # modal passes the report to: "…, a fait savoir la mairie")
        j = max(tok.i, cue.tok.i) + 1
        while j < len(doc) and j - tok.i <= 12:
            low = bare(doc[j].text)
            three = [bare(t.text) for t in doc[j:j + 3]]
            if tuple(three) in FILLERS_AFTER_VERB:
                j += 3
            elif low in state.res.time_words or doc[j].pos_ == "ADV" or (
                    doc[j].like_num and j > tok.i + 1 and bare(doc[j - 1].text) in state.res.time_words):
                j += 1  # "a indiqué dimanche 7 octobre 2024 la préfecture"
            elif low == "en" and j + 1 < len(doc) and is_present_participle(doc[j + 1]):
                j += 2
            elif low == "en" and j + 2 < len(doc) and doc[j + 1].is_lower and doc[j + 1].is_alpha \
                    and doc[j + 2].pos_ in ("DET", "PROPN"):
                j += 2  # "a lancé en swahili le diplomate X": the language it was said in
            elif low in INCISE_PREPS and pp_end(state, j) is not None:
                j = pp_end(state, j)  # "a écrit sur Telegram le ministre", "a dit à la presse X"
            else:
                break
        nxt = doc[j] if j < len(doc) else None
        if nxt is not None and nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "X", "ADJ") \
                and bare(nxt.text) not in QUE and not state.in_quote(nxt.idx):
            subj = dropped if reflexive_after_verb(nxt) else nxt  # "X dit s'être …": "s'" is nobody
    if subj is None and tok.dep_ == "conj" and tok.head.i != tok.i and state.res.cue_entry(tok.head):
        # "X a dénoncé … et a affirmé que": the subject of the first speech verb
        for c in tok.head.children:
            if c.dep_ in ("nsubj", "expl:subj") and c.i < tok.i and not state.in_quote(c.idx):
                subj = c
                break
    antecedent = False
    if subj is not None and "Rel" in subj.morph.get("PronType") and subj.i < tok.i:
        # "la commissaire Laura Conti, qui a ajouté que …": the noun written right before "qui" (the
        # parser may hang the relative clause on the main verb: "… en écho aux propos de Paul Arnaud qui
        # disait que …"), or the noun that word only completes ("l'homme d'affaires, qui": relative_antecedent)
        k = subj.i - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        ante = doc[k] if k >= 0 else None
        while ante is not None and ante.dep_.startswith("flat") and ante.head.i < ante.i:
            ante = ante.head
        if ante is not None and ante.pos_ in ("NOUN", "PROPN") and not state.in_quote(ante.idx):
            subj, antecedent = completed_noun(state, ante), True
        elif tok.dep_ == "acl:relcl":
            subj, antecedent = tok.head, True
    k = (cue.start_tok if cue.start_tok is not None else tok.i) - 1
    if subj is None and k >= 0 and bare(doc[k].text) in SUBJECT_CLITICS and not state.in_quote(doc[k].idx):
        # "Dans le rapport (…), ils écrivent que": a subject clitic right before the verb, which the
        # parser hung elsewhere
        cue.subj_start, cue.subj_end, cue.subj_text = doc[k].idx, doc[k].idx + len(doc[k].text), doc[k].text
        return
    if subj is None and incise:
        aside = relative_aside_subject(state, cue)
        if aside is not None:
            cue.subj_start, cue.subj_end = aside
            cue.subj_text = state.text[aside[0]:aside[1]]
            return
    if subj is None and (not incise or apposition_before(state, cue)):
        # the parse lost the subject (it sometimes even ends the sentence before the verb):
        # take the noun phrase written right before the verb and its auxiliaries
        k = cue.start_tok - 1 if cue.start_tok is not None else tok.i - 1
        k = skip_fillers_left(state, k)
        if k > 0 and bare(doc[k].text) in ("s'", "se"):
            k -= 1  # "s'est dit"
        if k > 0 and doc[k].text == "," and doc[k - 1].pos_ in ("NOUN", "ADJ", "PROPN"):
            k -= 1  # "X, le patron des ingénieurs, s'est dit …": the apposition closes before the verb
        if k >= 0 and doc[k].text == ")":
            # "le Bureau des affaires humanitaires (OCHA) note que": an acronym in brackets
            opening = next((b for b in range(k - 1, max(-1, k - 6), -1) if doc[b].text == "("), None)
            if opening is not None:
                k = opening - 1
        toks = []
        while k >= 0 and len(toks) < 8 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP") \
                and not state.in_quote(doc[k].idx):
            toks.append(doc[k])
            k -= 1
        toks.reverse()
        while toks and toks[0].pos_ == "ADP":
            toks.pop(0)
        if toks and any(t.pos_ in ("PROPN", "NOUN") for t in toks):
            noun = next(t for t in toks if t.pos_ in ("PROPN", "NOUN"))
            cue.subj_start, cue.subj_end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            cue.subj_start = named_before_apposition(state, noun, cue.subj_start)
            cue.subj_text = state.text[cue.subj_start:cue.subj_end]
        return
    if subj is None:
        return
    s, e = np_span(state, subj, tok)
    noun = elided_article_noun(doc, subj)  # "a ajouté l'intervenant", the noun tagged as a verb
    e = max(e, noun.idx + len(noun.text)) if noun is not None else e
    if subj is dropped:  # "Le maire, qui se dit « … », a indiqué s'être …": the noun phrase before its comma
        e = min(e, next((t.idx for t in doc[subj.i:tok.i] if t.text == ","), e))
    if antecedent:
        # "un revers pour l'entreprise, qui a prévenu que …": the antecedent is the noun phrase, not the
        # preposition that governs it in the main clause
        first = state.tok_at(s)
        while first.pos_ == "ADP" and first.i < subj.i:
            first = doc[first.i + 1]
        s = max(s, first.idx)
    if subj.i < tok.i:
        # "le tabloïd Blesk révèle": the parser may give a noun and the name after it one nsubj each
        for c in subj.head.children:
            if c.i > subj.i and c.dep_ == "nsubj" and c.left_edge.idx <= e + 1 and c.i < tok.i \
                    and not state.in_quote(c.idx):
                e = max(e, np_span(state, c, tok)[1])
        s = named_before_apposition(state, subj, s)
    cue.subj_start, cue.subj_end = s, e
    cue.subj_text = state.text[s:e].strip(" ,")
    cue.inverted = subj.i > tok.i
