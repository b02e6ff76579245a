"""Speaker rules: how a quote gets its speaker, as named, ordered lists of rules."""

from __future__ import annotations

from veille.common.fold import bare
from veille.quotes.antecedents import antecedent, descriptor_speaker, plural_antecedent
from veille.quotes.marks import MARK_FAMILY, MarkSpan
from veille.quotes.mentions import known_surname, unlisted_name
from veille.quotes.resources import CueEntry
from veille.quotes.state import ArticleState, Cue, head_of
from veille.quotes.subjects import np_span
from veille.quotes.words import (
    FOREIGN_PRONOUNS,
    INDEFINITE,
    NOT_SPEAKERS,
    PRONOUNS_PLUR,
    PRONOUNS_SING,
)


def resolve(run: ArticleState, cue: Cue) -> None:
    if cue.resolved:
        return
    cue.resolved = True
    if cue.subj_start is None:
        return
    s, e = cue.subj_start, cue.subj_end
    words = (cue.subj_text or "").strip()
    low = bare(words)
    toks = [t for t in run.toks_in(s, e) if s < t.idx + len(t.text)]
    if not toks:
        return
    if low in NOT_SPEAKERS:
        cue.subj_text = None
        cue.speaker = None
        cue.subj_start = None
        return
    low = FOREIGN_PRONOUNS.get(low, low) if cue.entry.lang != "fr" else low
    if low in PRONOUNS_SING or low in ("lui", "elle"):
        gender = "f" if low.lstrip("-").startswith(("elle", "celle")) else "m" if low.lstrip("-") in ("il", "celui-ci") else None
        cue.speaker = antecedent(run, cue.start, plural=False, gender=gender)
        return
    if low in PRONOUNS_PLUR or low == "eux":
        cue.speaker = plural_antecedent(run, cue.start)
        return
    # an entity written inside the subject: a person named there wins, then the entity
    # covering the phrase's head
    inside = [m for m in run.mentions if s <= m.start < e]
    head = head_of(toks)
    # a person named in the subject speaks, unless only as the complement of a descriptor
    # ("le porte-parole de X"); a mention covering the whole descriptor counts (the entity
    # stage lists descriptors as mentions)
    pers = [m for m in inside if m.entity.type == "PER" and not (m.complement and m.start > s)]
    if pers:
        cue.speaker = pers[0].entity.name
        return
    cue_excl = {id(m.entity) for m in inside if m.entity.type == "PER"}
    known = known_surname(run, toks, inside)
    if known:
        cue.speaker = known  # "sagte Scholz" with no span on that word: the listed Olaf Scholz
        return
    name = unlisted_name(run, toks, inside)
    if name:
        # "la commissaire Mirela Dobrescu" with no entity for her: keep the written name
        cue.speaker = name
        return
    on_head = [m for m in run.mentions if m.start <= head.idx < m.end]
    article = head.i > 0 and run.doc[head.i - 1].pos_ == "DET"
    if on_head and on_head[0].entity.type == "LOC" and article and (
            head.pos_ in ("NOUN", "ADJ") or bare(head.text) in run.res.demonyms):
        on_head = []  # "le Norvégien", "l'Allemande": a person described by nationality
    if on_head:
        cue.speaker = on_head[0].entity.name
        return
    first = bare(toks[0].text)
    head_low = bare(head.text)
    if (first in INDEFINITE or head_low in run.res.unnamed) and not pers:
        cue.speaker = None  # an unnamed source
        cue.unnamed = True
        return
    if head_low in run.res.person_nouns or bare(head.lemma_) in run.res.person_nouns or (
            cue.entry.lang != "fr" and not inside) or (article and head.text[:1].isupper()):
        # a descriptor; words after a foreign cue are taken as one (their parse is noise)
        cue.speaker = descriptor_speaker(run, cue, toks, exclude=cue_excl)
        return
    if head_low not in run.res.person_nouns and not article and head.pos_ == "PROPN" and not inside:
        # a name the entity stage did not list: keep its words rather than lose the speaker
        name = " ".join(t.text for t in toks if t.pos_ == "PROPN")
        cue.speaker = name or None
        return
    if inside and head_low not in run.res.person_nouns and bare(head.lemma_) not in run.res.person_nouns:
        # "le ministère russe des Affaires étrangères": an organisation phrase
        # an adjective ("l'agence officielle russe") does not make Russia the speaker
        orgs = sorted((m for m in inside if m.entity.type in ("ORG", "LOC")
                       and run.text[m.start:m.start + 1].isupper()),
                      key=lambda m: (m.entity.type != "ORG", m.start))
        if orgs:
            cue.speaker = orgs[0].entity.name
            return
    cue.speaker = None


def governing_speaker(run: ArticleState, cue: Cue, cues: list[Cue]) -> str | None:
    """The speaker of a participle cue ("…, soulignant que …"): the cue before it in the
    sentence, else the subject of the sentence's main verb, else the last speaker."""
    ss, _ = run.sent_bounds(cue.start)
    prev = [c for c in cues if ss <= c.start < cue.start and c.subj_start is not None
            and (c.entry.flags & {"que", "attitude", "prep"} or c.inverted)]
    if prev:
        resolve(run, prev[-1])
        cue.subj_text = prev[-1].subj_text
        return prev[-1].speaker
    root = cue.tok.sent.root
    for c in root.children:
        if c.dep_ == "nsubj" and c.idx < cue.start and not run.in_quote(c.idx):
            tmp = Cue(root, cue.entry, root.idx, root.idx)
            s, e = np_span(run, c, root)
            tmp.subj_start, tmp.subj_end, tmp.subj_text = s, e, run.text[s:e]
            resolve(run, tmp)
            cue.subj_text = tmp.subj_text
            return tmp.speaker
    return run.memory.last


def pour_lead(run: ArticleState, m: MarkSpan, ps: int) -> tuple[str, str | None] | None:
    """"Pour <person>, « … »" (or "Pour lui, la situation est « … »"): a sentence opening on
    "pour" and a noun phrase naming a person or an organisation, then a comma, gives the
    opinion quoted after it to that person. "Pour la première fois, « … »" names nobody."""
    doc = run.doc
    ss, _ = run.sent_bounds(m.start)
    t0 = run.tok_at(run.skip_space(max(ss, ps)))
    if bare(t0.text) != "pour" or t0.idx >= m.start:
        return None
    j = t0.i + 1
    while j < len(doc) and doc[j].idx < m.start and doc[j].text not in (",", ";", ":", ".") and j - t0.i <= 12:
        j += 1
    if j == t0.i + 1 or j >= len(doc) or doc[j].text != "," or doc[j].idx >= m.start:
        return None
    a, b = doc[t0.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
    low = bare(run.text[a:b])
    if low in ("lui", "elle"):
        who = antecedent(run, t0.idx, gender="f" if low == "elle" else "m")
        return (who, run.text[a:b]) if who else None
    toks = list(doc[t0.i + 1:j])
    head = head_of(toks)
    named = any(a <= mm.start < b and mm.entity.type in ("PER", "ORG") for mm in run.mentions)
    if not named and bare(head.text) not in run.res.person_nouns and bare(head.lemma_) not in run.res.person_nouns:
        return None
    tmp = Cue(t0, CueEntry("pour", "fr", frozenset({"prep"})), t0.idx, t0.idx + len(t0.text))
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, run.text[a:b]
    resolve(run, tmp)
    if tmp.speaker is None:
        return None
    return tmp.speaker, tmp.subj_text


def lead_subject(run: ArticleState, m: MarkSpan, ps: int) -> tuple[str, str | None] | None:
    """The speaker named as the subject of the sentence written right before a cue-less
    quote: in the same paragraph, or ending the previous one when the quote opens its own."""
    if m.start - ps < 3:
        # a paragraph that opens with the quote: the previous paragraph's last sentence leads
        # into it, when that paragraph quotes nobody (else the quoted speaker goes on)
        starts = [a for a, _ in run.segs]
        k = starts.index(ps) if ps in starts else 0
        if k == 0:
            return None
        pps, ppe = run.segs[k - 1]
        if any(pps <= qs < ppe for qs, _ in run.quote_ranges):
            return None
        ps, end = pps, ppe
    else:
        end = m.start
    prev_tok = run.tok_at(max(ps, end - 1))
    while prev_tok.i > 0 and (prev_tok.is_space or prev_tok.text in MARK_FAMILY or prev_tok.idx >= end):
        prev_tok = run.doc[prev_tok.i - 1]
    if prev_tok.idx < ps or prev_tok.text not in (".", "!", "?", ":") or run.in_quote(prev_tok.idx):
        return None
    sent = prev_tok.sent
    s0 = max(sent.start_char, ps)
    if any(s0 <= qs < prev_tok.idx for qs, _ in run.quote_ranges):
        return None  # that sentence holds a quote of its own
    root = sent.root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass") and c.idx >= s0), None)
    tmp = Cue(root, CueEntry(root.lemma_.lower(), "fr", frozenset()), root.idx, root.idx + len(root.text))
    if subj is not None and root.pos_ in ("VERB", "AUX"):
        a, b = np_span(run, subj, root)
    else:
        # the parse lost the subject (long appositions confuse it): the words from the
        # sentence start to its first verb, when they open with an article or a name
        toks = [t for t in sent if t.idx >= s0]
        verb = next((t for t in toks if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not toks or toks[0].pos_ not in ("DET", "PROPN") or verb.i - toks[0].i > 16:
            return None
        last = run.doc[verb.i - 1]
        while last.i > toks[0].i and last.pos_ in ("PUNCT", "ADV", "PRON"):
            last = run.doc[last.i - 1]
        a, b = toks[0].idx, last.idx + len(last.text)
    tmp.subj_start, tmp.subj_end, tmp.subj_text = a, b, run.text[a:b].strip(" ,")
    resolve(run, tmp)
    if tmp.speaker is None:
        return None
    return tmp.speaker, tmp.subj_text
