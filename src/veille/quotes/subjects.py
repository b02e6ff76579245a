"""The subject of a speech cue: the words naming who speaks, from the dependency parse with
word-pattern fallbacks where the parse fails (inverted subjects, fillers, foreign cues)."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.absolute import absolute_subject
from veille.quotes.elided_subjects import elided_article_noun, reflexive_after_verb
from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.report_forms import RELATIVE_OPENERS, aux_before_aside, modal_right_before
from veille.quotes.resources import CueEntry
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import (
    DOCUMENT_NOUNS,
    FILLERS_AFTER_VERB,
    FILLERS_BEFORE_VERB,
    FOREIGN_AUX,
    FOREIGN_PRONOUNS,
    FOREIGN_STOPS,
    INCISE_FILLER_POS,
    INCISE_PREPS,
    INVERTED_SUBJECTS,
    NEGATION,
    NEVER_SUBJECTS,
    OBJECT_CLITICS,
    QUE,
    RELATIVE_PRONOUNS,
    STRESSED_PRONOUNS,
    SUBJECT_CLITICS,
    SUBJECT_END,
)


def is_present_participle(tok: Any) -> bool:
    """True for a present participle ("soulignant"), also when the tagger left out its form."""
    form = tok.morph.get("VerbForm")
    return ("Part" in form and "Pres" in tok.morph.get("Tense")) or (
        tok.pos_ == "VERB" and not form and bare(tok.text).endswith("ant"))


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
                and not c.text.startswith("-"):
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
        # disait que …")
        k = subj.i - 1
        if k >= 0 and doc[k].text == ",":
            k -= 1
        ante = doc[k] if k >= 0 else None
        while ante is not None and ante.dep_.startswith("flat") and ante.head.i < ante.i:
            ante = ante.head
        if ante is not None and ante.pos_ in ("NOUN", "PROPN") and not state.in_quote(ante.idx):
            subj, antecedent = ante, True
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


def foreign_subject(state: ArticleState, cue: Cue) -> None:
    """Subject of a Spanish or English cue, read from the words (the French parse of foreign
    text is noise): a pronoun before it ("she said"), else the phrase after it ("ha declarado
    la ministra sueca de Defensa en una entrevista")."""
    doc, tok = state.doc, cue.tok
    k = tok.i - 1
    while k >= 0 and bare(doc[k].text) in FOREIGN_AUX:
        cue.start = doc[k].idx
        k -= 1
    if k >= 0 and bare(doc[k].text) in FOREIGN_PRONOUNS:
        cue.subj_start, cue.subj_end = doc[k].idx, doc[k].idx + len(doc[k].text)
        cue.subj_text = doc[k].text
        return
    words = []
    j = tok.i + 1
    while j < len(doc) and len(words) < 8 and doc[j].is_alpha and bare(doc[j].text) not in FOREIGN_STOPS:
        words.append(doc[j])
        j += 1
    if words:
        cue.subj_start, cue.subj_end = words[0].idx, words[-1].idx + len(words[-1].text)
        cue.subj_text = state.text[cue.subj_start:cue.subj_end]
        cue.inverted = True


def noun_after_det(doc: Any, j: int) -> bool:
    """Example "a indiqué son exploitant Paul Arnaud" / "a tenté le prévenu": a word in -ant or a past
    participle right after a determiner is a noun ("l'exploitant", "les habitants", "l'accusée", "les
    élus") that the tagger read as a verb form."""
    t = doc[j]
    if not (t.pos_ in ("VERB", "AUX") and j > 0 and doc[j - 1].pos_ == "DET"):
        return False
    return bare(t.text).endswith(("ant", "ants")) or (
        "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense"))


def authored_by(doc: Any, j: int) -> bool:
    """True when ``doc[j]`` is a past participle followed by "par" ("un sondage réalisé par l'institut X",
    "un sondage réalisé par l'institut Y"): after a document noun, the agent phrase belongs to the inverted
    subject (not after people: "les experts interrogés par le journal" are not the journal's voice)."""
    t = doc[j]
    return "Part" in t.morph.get("VerbForm") and "Pres" not in t.morph.get("Tense") \
        and j + 1 < len(doc) and bare(doc[j + 1].text) == "par" \
        and j > 0 and (bare(doc[j - 1].lemma_) in DOCUMENT_NOUNS or bare(doc[j - 1].text) in DOCUMENT_NOUNS)


def np_span(state: ArticleState, head: Any, verb: Any) -> tuple[int, int]:
    """Char span of the noun phrase headed by ``head`` (its subtree, stopping at the verb and
    at prepositional adjuncts after an inverted subject)."""
    doc = state.doc
    if head.i > verb.i:
        # inverted subject: up to a comma closing an apposition pair, or a preposition
        j = head.i
        end = head.i
        commas = 0
        # not the parser's sentence end: it sometimes splits inside a name ("Air | Horizon")
        seg_end = state.seg_of(verb.idx)[1]
        sent_end = len(doc)
        while j < sent_end and doc[j].idx < seg_end:
            t = doc[j]
            if j > head.i and inside_name(state, t, doc[head.i].idx):
                end = j  # "le député Union pour la Ville Paul Arnaud": a name runs over "pour"
                j += 1
                continue
            close = next((x for x in range(j + 1, min(sent_end, j + 5)) if doc[x].text == ")"), None)
            if t.text == "(" and close is not None and close + 1 < sent_end and doc[close + 1].pos_ == "PROPN":
                end = j = close + 1  # "le député de l'Union pour la Ville (UV) Paul Arnaud": an acronym
                continue
            if t.text in (".", ";", ":", "!", "?", "«", "»", "(", ")"):
                break
            if t.text == ",":
                commas += 1
                nt = doc[j + 1] if j + 1 < sent_end else None
                # "le président du Conseil européen, Charles Michel, dans une vidéo"
                if commas > 2 or nt is None or nt.pos_ not in ("PROPN", "DET", "NOUN", "ADJ"):
                    break
                if commas == 2:
                    break
            elif bare(t.text) in SUBJECT_END:
                break
            elif t.pos_ in ("VERB", "AUX", "SCONJ") and j > head.i and not noun_after_det(doc, j) \
                    and not authored_by(doc, j):
                break
            elif j > head.i and bare(t.text) in state.res.time_words and t.is_lower:
                break  # "a déclaré Paul Arnaud mardi soir": the time is not part of the name
            end = j
            j += 1
        first = head.left_edge if verb.i < head.left_edge.i <= head.i else head
        return first.idx, doc[end].idx + len(doc[end].text)
    left = head.left_edge
    right = head.right_edge
    if right.i >= verb.i:
        right = doc[verb.i - 1]
    while right.i > left.i and (right.pos_ in ("PUNCT", "AUX") or right.text.startswith("-")
                                or "Rel" in right.morph.get("PronType")):
        right = doc[right.i - 1]
    # a sentence-initial adjunct is not part of the subject
    return left.idx, right.idx + len(right.text)


def inside_name(state: ArticleState, tok: Any, since: int) -> bool:
    """True when ``tok`` lies inside an entity mention that started at or after ``since`` (and before it)."""
    return any(since <= m.start < tok.idx < m.end for m in state.mentions)


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


# -- the subject of a sentence leading into a cue-less quote -------------------------------------

def pour_subject(state: ArticleState, m: MarkSpan, ps: int) -> tuple[Any, int, int, list[Any]] | None:
    """"Pour <phrase>, « … »": the token "pour" opening the quote's sentence and the phrase
    between it and the comma (start, end, tokens); None when the sentence opens otherwise."""
    doc = state.doc
    ss, _ = state.sent_bounds(m.start)
    t0 = state.tok_at(state.skip_space(max(ss, ps)))
    for _ in range(4):  # "Mais pour X, …", "D'autant que pour X, …": a connective may open the sentence
        if bare(t0.text) == "pour" or t0.pos_ not in ("CCONJ", "SCONJ", "ADV", "ADP") or t0.i + 1 >= len(doc):
            break
        t0 = doc[t0.i + 1]
    if bare(t0.text) != "pour" or t0.idx >= m.start:
        return None
    j = t0.i + 1
    while j < len(doc) and doc[j].idx < m.start and doc[j].text not in (",", ";", ":", ".") and j - t0.i <= 12:
        j += 1
    if j == t0.i + 1 or j >= len(doc) or doc[j].text != "," or doc[j].idx >= m.start:
        return None
    a, b = doc[t0.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return t0, a, b, list(doc[t0.i + 1:j])


def lead_subject(state: ArticleState, m: MarkSpan, ps: int, glued: bool = False) -> Cue | None:
    """The subject of the sentence written right before a cue-less quote, as a cue on that
    sentence's main verb (not resolved): in the same paragraph, or ending the previous one when
    the quote opens its own."""
    if m.start - ps < 3:
        # a paragraph that opens with the quote: the previous paragraph's last sentence leads
        # into it, when that paragraph quotes nobody (else the quoted speaker goes on)
        starts = [a for a, _ in state.segs]
        k = starts.index(ps) if ps in starts else 0
        if k == 0:
            return None
        pps, ppe = state.segs[k - 1]
        if any(pps <= qs < ppe for qs, _ in state.quote_ranges):
            return None
        ps, end = pps, ppe
    else:
        end = m.start
    prev_tok = state.tok_at(max(ps, end - 1))
    while prev_tok.i > 0 and (prev_tok.is_space or prev_tok.text in MARK_FAMILY or prev_tok.idx >= end):
        prev_tok = state.doc[prev_tok.i - 1]
    if prev_tok.idx < ps or state.in_quote(prev_tok.idx) or (
            prev_tok.text not in (".", "!", "?", ":") and not (glued and prev_tok.is_alpha)):
        return None  # (``glued``: the quote may also follow its lead-in with no punctuation at all)
    sent = prev_tok.sent
    s0 = max(sent.start_char, ps)
    if any(s0 <= qs < prev_tok.idx and state.speech_like(qs, qe) for qs, qe in state.quote_ranges):
        return None  # that sentence holds a quote of its own
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.idx >= s0), None)
    tmp = Cue(root, CueEntry(root.lemma_.lower(), "fr", frozenset()), root.idx, root.idx + len(root.text))
    if subj is not None and root.pos_ in ("VERB", "AUX"):
        a, b = np_span(state, subj, root)
    else:
        # the parse lost the subject (long appositions confuse it): the words from the
        # sentence start to its first verb, when they open with an article or a name
        toks = [t for t in sent if t.idx >= s0]
        verb = next((t for t in toks if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not toks or toks[0].pos_ not in ("DET", "PROPN") or verb.i - toks[0].i > 16:
            return None
        last = state.doc[verb.i - 1]
        while last.i > toks[0].i and last.pos_ in ("PUNCT", "ADV", "PRON"):
            if last.pos_ == "PRON" and bare(last.text) in SUBJECT_CLITICS and state.doc[last.i - 1].text == ",":
                break  # "Tactile, elle palpe …": a detached word opens the sentence, the pronoun is the subject
            last = state.doc[last.i - 1]
        a, b = toks[0].idx, last.idx + len(last.text)
        if bare(last.text) in SUBJECT_CLITICS and last.i > toks[0].i:
            a = last.idx
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, state.text[a:b].strip(" ,")
    return tmp
