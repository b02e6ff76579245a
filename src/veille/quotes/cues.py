"""Speech cues: the tokens of ``lexicons/speech_verbs.tsv`` that report speech in the body, with their
cue words and subject ("a-t-il ajouté", "selon X", "a tenu à préciser que")."""

from __future__ import annotations

import re
from typing import Any

from veille.common.docarrays import bare_texts, lower_lemmas
from veille.common.fold import bare
from veille.quotes.participles import adjectival_participle
from veille.quotes.report_forms import (
    INCISE_MODALS,
    aux_before_aside,
    litotes_modal,
    modal_right_before,
    third_person_subject,
    writer_voice,
)
from veille.quotes.resources import CueEntry
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subjects import find_subject
from veille.quotes.voices import ON_SUBJECTS, side_entity
from veille.quotes.words import (
    CUE_WORDS,
    FILLERS_AFTER_VERB,
    FILLERS_BEFORE_VERB,
    MODAL_LINKS,
    NEGATION,
    NEGATION_END,
    NOT_A_SOURCE,
    NOT_SPEAKERS,
    QUE,
    REFLEXIVE_NOT_SPEECH,
)

ADJUNCT_WORDS = 3  # the longest adjunct read between an auxiliary and its participle ("quant à elle")


def find_cues(state: ArticleState) -> list[Cue]:
    """Every speech cue of the body outside quotation marks, in text order; fills ``state.cue_at``."""
    cues: list[Cue] = []
    doc, res = state.doc, state.res
    # A Token is built only for a word whose form or lemma is a cue (``may_cue``), not for every word.
    forms, lemmas = bare_texts(doc), lower_lemmas(doc)
    for i in range(state.tok_at(state.body_start).i, len(doc)):
        if not res.may_cue(forms[i], lemmas[i]):
            continue
        tok = doc[i]
        entry = res.cue_entry(tok)
        if entry is None or entry.flags == frozenset({"modal"}) or state.in_quote(tok.idx):
            continue
        if re.search(r"-à-$|c'est-à-$", state.text[max(0, tok.idx - 8):tok.idx]):
            continue  # "c'est-à-dire"
        cue = make_cue(state, tok, entry)
        if cue is not None:
            cues.append(cue)
    state.cue_at = {c.tok.i: c for c in cues}
    return cues


def make_cue(state: ArticleState, tok: Any, entry: CueEntry) -> Cue | None:
    """The cue on ``tok`` with its words and subject, or None when the verb reports nothing here (negated,
    imperative, first person, a bare infinitive)."""
    doc = state.doc
    if "prep" in entry.flags:
        return prep_cue(state, tok, entry)
    # Infinitives only count under a verb that passes speech on ("a tenu à préciser que").
    infinitive = "Inf" in tok.morph.get("VerbForm") or (
        bare(tok.text).endswith(("er", "ir", "re")) and "Fin" not in tok.morph.get("VerbForm")
        and "Part" not in tok.morph.get("VerbForm"))
    after_before = False
    if infinitive:
        if not modal_before(state, tok):
            # "…, avant d'ajouter que": the same speaker goes on (like a participle)
            prev = [bare(t.text) for t in doc[max(0, tok.i - 2):tok.i]]
            if prev[-1:] in (["d'"], ["de"]) and "avant" in prev or prev[-1:] == ["avoir"]:
                after_before = True
            else:
                return None
    elif "inf" in entry.flags:
        return None  # "savoir" alone is knowing, not saying
    # The writer's own voice ("Rappelons que", "je pense que") quotes nobody.
    if "Imp" in tok.morph.get("Mood") or (
            tok.morph.get("Person") in (["1"], ["2"]) and not third_person_subject(state, tok)):
        return None
    if tok.is_sent_start and bare(tok.text).endswith("ons"):
        return None  # "Rappelons que …", "Notons que …": the tagger misses the imperative
    if writer_voice(state, tok):
        return None  # "j'ai dit que", "je veux juste signaler que"
    que_follows = any(bare(t.text) in QUE for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 16)])
    if not entry.flags & {"incise", "attitude"} and not que_follows:
        return None  # a verb that reports only through its "que" ("maintient que"): "ont été maintenus" is none
    if "inf" in entry.flags and not que_follows and not (
            tok.i > 0 and bare(doc[tok.i - 1].lemma_) in INCISE_MODALS):
        return None  # "…, a fait savoir X" is an incise; "a voulu savoir pourquoi …" reports nothing
    if bare(entry.lemma) in REFLEXIVE_NOT_SPEECH and reflexive(doc, tok):
        return None  # "la fatigue s'ajoute au stress", "la grève se poursuit": no act of speech
    # Negated cues report nothing ("n'a pas dit que").
    left = [doc[j] for j in range(max(0, tok.i - 4), tok.i)]
    right = [doc[j] for j in range(tok.i + 1, min(len(doc), tok.i + 2))]
    if any(bare(t.text) in NEGATION for t in left) and any(
            bare(t.text) in NEGATION_END for t in left + right):
        return None
    # Cue words: auxiliaries (and inverted clitics) right before the verb.
    start = tok.idx
    j = tok.i - 1
    while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")
                      or bare(doc[j].text) in CUE_WORDS) \
            and tok.i - j <= 4:
        start = doc[j].idx
        j -= 1
    aux = aux_before_adjunct(doc, j) if j >= 0 and doc[j].pos_ != "AUX" else None
    if aux is not None:
        # "», a de son côté constaté X", "a d'ailleurs rappelé": the auxiliary before the adjunct is the cue's
        start = doc[aux].idx
        j = aux - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")) and aux - j <= 2:
            start = doc[j].idx
            j -= 1
    elif aux_before_aside(doc, j):
        # "a, par ailleurs, précisé": the auxiliary before the aside is the cue's (its subject comes before)
        j = next(k for k in range(j - 1, -1, -1) if doc[k].text == ",") - 1
        start = doc[j].idx
        j -= 1
    if adjectival_participle(doc, tok, j + 1):
        return None  # "une réforme critiquée par …", "Reconnu coupable, …": an adjective, not a report
    cue = Cue(tok, entry, start, tok.idx + len(tok.text))
    cue.start_tok = j + 1
    if after_before:
        return cue  # no subject of its own: the governing cue's (resolved later)
    if infinitive and modal_right_before(state, tok):
        # "a fait savoir": the cue's words are the modal's with its auxiliary ("…, a fait savoir X")
        k = tok.i - 2
        while k >= 0 and tok.i - k <= 4 and (doc[k].pos_ == "AUX" or doc[k].text.startswith("-")):
            k -= 1
        cue.start = doc[k + 1].idx
    elif infinitive:
        cue.start = min(cue.start, tok.head.idx)
    find_subject(state, cue)
    if cue.subj_text is not None and bare(cue.subj_text) in NOT_SPEAKERS and not (
            bare(cue.subj_text) in ON_SUBJECTS and side_entity(state, cue)):
        return None  # "cela veut dire que", "on estime que": nobody is quoted (unless "du côté de X, on …")
    return cue


REFLEXIVE_CLITICS = frozenset({"se", "s'"})


def reflexive(doc: Any, tok: Any) -> bool:
    """Example "la tendance s'est confirmée", "la lassitude s'ajoute au manque de sommeil": a reflexive
    clitic right before the verb or before its auxiliaries."""
    j = tok.i - 1
    while j >= 0 and tok.i - j <= 3 and doc[j].pos_ == "AUX":
        j -= 1
    return j >= 0 and bare(doc[j].text) in REFLEXIVE_CLITICS


def aux_before_adjunct(doc: Any, j: int) -> int | None:
    """Example "« Rien n'est joué », a de son côté constaté Claire Dubois" / "a d'ailleurs rappelé X": tokens
    up to ``j`` form an adjunct written without commas between an auxiliary and the participle (adverbs, a
    multiword adverb, or a phrase of ``quotes/fillers.tsv``: "pour sa part", "quant à elle", "de son côté");
    returns the auxiliary's index, else None. Negation words ("pas", "jamais") are no adjunct."""
    words: list[str] = []
    for k in range(j, max(-1, j - ADJUNCT_WORDS), -1):
        words.insert(0, bare(doc[k].text))
        if k >= 1 and doc[k - 1].pos_ == "AUX" and (
                all((doc[x].pos_ == "ADV" or doc[x].dep_ in ("advmod", "fixed")) and bare(doc[x].text) not in NEGATION_END
                    for x in range(k, j + 1))
                or tuple(words) in FILLERS_AFTER_VERB | FILLERS_BEFORE_VERB):
            return k - 1
    return None


def after_adjunct(doc: Any, k: int) -> int:
    """The token after an adjunct opening at ``k`` (adverbs, or a phrase of ``quotes/fillers.tsv``), else ``k``:
    the other way of reading ``aux_before_adjunct``, for a participle the lexicon does not list ("», a
    ainsi ironisé X")."""
    for n in range(ADJUNCT_WORDS, 0, -1):
        if k + n < len(doc) and aux_before_adjunct(doc, k + n - 1) == k - 1:
            return k + n
    return k


def modal_before(state: ArticleState, tok: Any) -> bool:
    """The infinitive ``tok`` is governed by a verb that passes speech on ("a tenu à
    préciser", "a fait savoir"): as its head, or written just before it."""
    doc = state.doc
    cands = [tok.head] if tok.head.i != tok.i else []
    k = tok.i - 1
    while k >= 0 and tok.i - k <= 3 and bare(doc[k].text) in MODAL_LINKS:
        k -= 1
    if k >= 0:
        cands.append(doc[k])
    for h in cands:
        if litotes_modal(h):
            return True  # "n'a pas manqué de rappeler que"
        he = state.res.by_lemma.get(h.lemma_.lower())
        if he is not None and "modal" in he.flags:
            return True
    return False


def prep_cue(state: ArticleState, tok: Any, entry: CueEntry) -> Cue | None:
    """"selon X" / "d'après X": X is the source."""
    doc = state.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or bare(nxt.text).startswith(NOT_A_SOURCE):
        return None
    # the noun phrase after the preposition, up to a comma, the sentence end or a quotation mark
    # ('Selon lui "la plupart …"': straight marks too)
    j = tok.i + 1
    sent_end = tok.sent.end
    while j < sent_end and doc[j].text not in (",", ".", ";", ":", "!", "?", "«", "»", "(", ")", '"', "“", "”") \
            and not state.in_quote(doc[j].idx) and j - tok.i <= 12:
        j += 1
    if j == tok.i + 1:
        return None
    start = tok.idx if bare(tok.text) != "apres" else doc[tok.i - 1].idx
    cue = Cue(tok, entry, start, tok.idx + len(tok.text))
    cue.subj_start, cue.subj_end = doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
    cue.subj_text = state.text[cue.subj_start:cue.subj_end]
    return cue
