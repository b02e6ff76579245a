"""Speaker candidates: for one quote, everyone who might have said it, each with the evidence for it.

The ordered rules of ``speaker_rules`` give one answer per quote; this module weighs that answer
against the other people and organisations the article offers around the quote, with a linear
score over evidence features (``lexicons/quotes/speaker_weights.tsv``, fitted on the dev part of the
real-page gold by ``tools/quotes/speaker_cv.py``, checked by cross-validation grouped by site).

Candidates: the rule's choice, every person or organisation named outside quotes in the quote's
paragraph, the one before and the one after, the speakers quoted so far, and "nobody". Evidence
(French press conventions, each with an invented example):

* the cue's subject names the candidate ("« Nous tiendrons », a dit Paul Arnaud");
* the candidate is named in the quote's sentence, before or after it, as its subject or not
  ("Paul Arnaud a promis de « tenir bon »"), in the sentence before ("Claire Dubois est arrivée.
  « Tout est prêt. »") or after ("« Tout est prêt. » C'est ce qu'assure Claire Dubois.");
* the candidate spoke last, in this paragraph or earlier (quotes chain in one voice until the
  text names somebody else);
* salience: how often the article names the candidate (the main interviewee speaks most);
* a pronoun cue ("a-t-elle dit") agrees or clashes in gender with the candidate;
* a definite noun subject ("indique la Cour", "rappelle l'élue") takes the candidate up
  (``noun_subjects.py``), or the quote answers a question of a printed interview (``interview.py``);
* the candidate is named inside the quote itself (people rarely name themselves: the name is
  more often the one spoken about);
* the rule family that chose the candidate (a named subject is near certain; "last person named"
  is a guess).

Each decision stays traceable: a quote whose speaker the score changes records the rule
``model:FEATURE P (over RULE)``, FEATURE being the evidence that did most to put the winner above the
rules' choice and P the winner's share of the score mass.
"""

from __future__ import annotations

import functools
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.model import Quote
from veille.quotes.coreference import chain_features, reference_features, topic_features, weighed
from veille.quotes.evidence import article_evidence
from veille.quotes.gender import entity_gender
from veille.quotes.interview import answers, interviewee
from veille.quotes.noun_subjects import noun_features
from veille.quotes.salience import ORGANISATION_NOUNS
from veille.quotes.state import ArticleState, Cue
from veille.quotes.subject_stands import subject_gives_way
from veille.quotes.words import PRONOUN_GENDER, PRONOUNS_SING

MARGIN = "__margin__"  # the weights-file row: log odds by which a candidate must beat the rules' choice
MIN_SHARE = "__min_share__"  # the row: the share of the score mass the winner must hold to replace them
# rules right on fewer than 60% of their firings, site by site: the scorer decides among the candidates
WEAK_RULES = lexicon.groups("quotes/weak_rules.tsv").get("weak", frozenset())
DUMP_ENV = "VEILLE_SPEAKER_DUMP"  # a file to append each quote's candidates to (fitting only)

# The rule families: how much a rule's choice is worth depends on the kind of evidence it read.
RULE_GROUPS: dict[str, str] = {
    **dict.fromkeys(("person_in_subject", "listed_surname", "unlisted_full_name", "entity_on_head",
                     "unlisted_proper_noun", "words_of", "side_of_on", "organisation_voice",
                     "government_of_country", "organisation_in_subject", "same_voice", "quoted_name", "later_quote_incise",
                     "next_paragraph_credit",
                     "document_voice", "institution_as_written", "appositive_organisation", "court_part", "role_named_next",
                     "organisation_noun_subject", "government_taken_up"), "named"),
    **dict.fromkeys(("pronoun_previous_speaker", "pronoun_antecedent", "plural_pronoun",
                     "organisation_anaphor", "members_of_body", "pronoun_body_topic"), "pronoun"),
    **dict.fromkeys(("descriptor", "noun_named_before", "role_holder"), "descriptor"),
    **dict.fromkeys(("unnamed_source", "not_a_speaker", "nobody", "no_subject", "pronoun_unnamed_antecedent",
                     "no_voice_near", "pronoun_unnamed_person", "noun_unnamed_person",
                     "unnamed_person_before", "colon_unnamed_subject"),
                    "unnamed"),
    **dict.fromkeys(("governing_cue", "main_verb_subject", "last_speaker", "continuation_last_speaker"),
                    "governed"),
    **dict.fromkeys(("pour_opening", "pour_lead_sentence", "credit_line_after", "credit_after_marks", "credited_in_next_sentence",
                     "named_in_next_paragraph",
                     "colon_lead_name", "colon_lead_sentence", "credited_block", "repeated_quote", "embedded_post",
                     "interview_answer"),
                    "layout"),
    **dict.fromkeys(("subject_named_since", "own_sentence_subject", "person_named_in_sentence", "named_in_next_sentence",
                     "subject_of_next_sentence", "lead_sentence_subject"), "context"),
    **dict.fromkeys(("previous_quote_in_paragraph", "unbroken_voice"), "chain"),
    **dict.fromkeys(("recent_last_speaker",), "fallback"),
}


SUBJECT_DETERMINERS = frozenset({"le", "la", "l", "les", "ce", "cet", "cette", "ces"})
FIRST_PERSON = re.compile(r"\b(?:je|j['’]|me|moi|nous|mon|ma|mes|notre|nos)\b", re.I)
FIRST_SINGULAR = re.compile(r"\b(?:j['’]|(?:je|moi|mon|ma|mes)\b)", re.I)


@dataclass
class Candidate:
    name: str | None
    feats: dict[str, float] = field(default_factory=dict)


@functools.lru_cache(maxsize=4)
def load_weights(name: str = "quotes/speaker_weights.tsv") -> dict[str, float]:
    """Feature -> weight, from the shipped TSV (empty when the file is absent: the rules decide alone)."""
    try:
        return {r[0]: float(r[1]) for r in lexicon.rows(name, min_columns=2)}
    except lexicon.LexiconError:
        return {}


def gather(state: ArticleState, start: int, end: int, cue: Cue | None, choice: str | None,
           rule: str) -> list[Candidate]:
    """The candidates for the quote ``start``-``end`` (its cue, the rules' choice and that rule)."""
    ev = article_evidence(state)
    qsent = ev.sent(start)
    qsent_end = ev.sent(max(start, end - 1))
    para = state.seg_of(start)
    starts = [a for a, _ in state.segs]
    k = starts.index(para[0]) if para[0] in starts else 0
    lo = starts[max(0, k - 1)]
    hi = state.segs[min(len(state.segs) - 1, k + 1)][1]
    qpara = ev.para(start)
    group = RULE_GROUPS.get(rule.split("+")[0], "other")
    prefix = "c:" if cue is not None and cue.subj_start is not None else "n:"
    pron = bare((cue.subj_text or "").strip()) if cue is not None and cue.subj_start is not None else ""
    pron_gender = PRONOUN_GENDER.get(pron) if pron in PRONOUNS_SING else None
    cands: dict[str | None, Candidate] = {}

    def cand(name: str | None) -> Candidate:
        if name not in cands:
            cands[name] = Candidate(name)
        return cands[name]

    last_seen: dict[str, int] = {}  # name -> the last sentence before the quote that names it
    last_para: dict[str, int] = {}
    ents: dict[str, Any] = {}
    subj_lo = cue.subj_start if cue is not None and cue.subj_start is not None else -1
    subj_hi = (cue.subj_end or 0) if subj_lo >= 0 else -1
    para_people: set[str] = set()
    for j, m in enumerate(state.mentions):
        if m.entity.type not in ("PER", "ORG") or m.asked:
            continue  # "interrogée par Radio Vienne": the outlet asked, it does not speak
        name = m.entity.name
        ents.setdefault(name, m.entity)
        s = ev.msent[j]
        if not m.in_quote and m.start < start:
            last_seen[name] = max(last_seen.get(name, -1), s)
            last_para[name] = max(last_para.get(name, -99), ev.mpara[j])
        if m.start >= lo and m.start < hi and not m.in_quote:
            c = cand(name)
            f = c.feats
            if subj_lo <= m.start < subj_hi:
                # "le porte-parole de Paul Arnaud a dit": Paul Arnaud is the head's complement, not the speaker
                f["cue_complement" if m.complement else "cue_subject"] = 1
            if s == qsent and m.start < start:
                f[prefix + "sent_before"] = 1
                if m.subject:
                    f[prefix + "sent_subject"] = 1
            elif qsent <= s <= qsent_end and m.start >= end:
                f[prefix + "sent_after"] = 1
                if m.subject:
                    f[prefix + "sent_after_subject"] = 1  # "« … », a dit Paul Arnaud" read as subject
            elif s == qsent - 1:
                f[prefix + "prev_sent"] = 1
                if m.subject:
                    f[prefix + "prev_sent_subject"] = 1
            elif s == qsent_end + 1:
                f[prefix + "next_sent"] = 1
                if m.subject:
                    f[prefix + "next_sent_subject"] = 1
            if para[0] <= m.start < start:
                f[prefix + "para_before"] = 1
                if m.entity.type == "PER":
                    para_people.add(name)
            elif m.start < para[0]:
                f[prefix + "prev_para"] = 1
            elif m.start >= para[1]:
                f[prefix + "next_para"] = 1
            elif m.start >= end:
                f[prefix + "para_after"] = 1
        elif start <= m.start < end and m.in_quote:
            cand(name).feats["named_in_quote"] = 1
    for name in state.memory.speakers:
        cand(name)  # everyone quoted so far may speak again
    for name in ev.top + sorted(ev.in_title):
        cand(name)  # the interviewee, the portrait's subject, the headline's voice: named far from the quote
    if state.memory.last:
        f = cand(state.memory.last).feats
        f[prefix + "last_speaker"] = 1
        if any(para[0] <= qs < start for qs, _ in state.quote_ranges):
            f[prefix + "last_speaker_para"] = 1
    cand(choice).feats["rule:" + group] = 1
    none = cand(None).feats
    none["none"] = 1
    if any(c.feats.get("cue_complement") for c in cands.values() if c.name is not None):
        none["subject_of_someone"] = 1  # "le porte-parole de Paul Arnaud a dit": an unnamed voice of his
    if cue is not None and cue.unnamed:
        none["unnamed_subject"] = 1
    if cue is None:
        none["no_cue"] = 1
    if FIRST_PERSON.search(state.text, start, end):
        none["first_person"] = 1  # "« Nous avons tenu »": somebody's own words, not a text's
    # persons only: an organisation named near ("Le Crous a fermé. « On dort dehors », dit une étudiante.")
    # is more often what a quote is about than its voice, and an organisation that speaks has evidence of
    # its own (cue subject, org_noun_subject); bench/FINDINGS.md, "nobody named near counts persons"
    if not any(c.name is not None and getattr(ents.get(c.name), "type", None) == "PER"
               and (c.feats.get(prefix + "para_before") or c.feats.get(prefix + "prev_para"))
               for c in cands.values()):
        none["nobody_named_near"] = 1
    subj_words = set(bare(cue.subj_text or "").replace("'", " ").split()) if prefix == "c:" and cue else set()
    subj_words = {w for w in subj_words if len(w) >= 4}
    head_words = [w for w in bare(cue.subj_text or "").replace("'", " ").split()
                  if w not in SUBJECT_DETERMINERS] if subj_words and cue else []
    org_noun = bool(head_words) and head_words[0] in ORGANISATION_NOUNS  # the phrase's head, not a complement
    if subj_words and not org_noun and bare((cue.subj_text or "").strip()).startswith(("le ", "la ", "l'", "les ")):
        none["definite_subject"] = 1  # "a dit le médecin": a role the text may never tie to a name
    singular_i = bool(FIRST_SINGULAR.search(state.text, start, end))
    counts = ev.counts
    top = ev.top[0] if ev.top and counts.get(ev.top[0], 0) >= 3 else None
    # "indique la Cour", "rappelle l'élue": who a definite noun subject takes up (``noun_subjects``)
    taken_up = noun_features(state, cue, ents, top, lambda e: entity_gender(state, e))
    for name, extra in (taken_up or {}).items():
        if name in cands or extra.keys() & {"np_in_name", "np_written_with"}:
            cand(name).feats.update(extra)
    if taken_up is not None and not any(f.keys() & {"np_in_name", "np_written_with"} for f in taken_up.values()):
        # "selon sa famille": a kind of people the article never names; "a dit le médecin": a role it may
        # have given someone without writing the noun next to the name
        none["np_person_unnamed" if any(f.get("np_person_noun") for f in taken_up.values())
             else "np_takes_up_nobody"] = 1
    # "indique le comité", "écrit-elle" (a court), a person brought in since the last quote (``coreference``)
    if os.environ.get(DUMP_ENV) or weighed(load_weights()):
        for features in (reference_features(state, cue, lambda e: entity_gender(state, e)),
                         chain_features(state, start, cue), topic_features(state, start, cue)):
            for name, extra in features.items():
                cand(name).feats.update(extra)
    if start in answers(state):
        who = interviewee(state)
        if who is not None:
            cand(who).feats["interview_answer"] = 1  # a printed interview's answer after its question
    spoke_n: dict[str, int] = {}
    for n in state.memory.speakers:
        spoke_n[n] = spoke_n.get(n, 0) + 1
    for c in cands.values():
        if c.name is None:
            continue
        f = c.feats
        f["spoke"] = 1.0 if c.name in spoke_n else 0.0
        f["spoke_often"] = math.log1p(spoke_n.get(c.name, 0)) / 2
        f["salience"] = math.log1p(counts.get(c.name, 0)) / 2
        if c.name in last_seen:
            f["recency"] = 1 / (1 + qsent - last_seen[c.name])
            f["para_gap"] = math.log1p(max(0, qpara - last_para[c.name])) / 2
        else:
            f["not_named_before"] = 1  # named only after the quote, or only inside quotes
        if not any(k.startswith(("c:", "n:")) and not k.endswith(("last_speaker", "last_speaker_para"))
                   for k in f):
            f["far"] = 1  # offered from the article at large, not named around the quote
        if c.name in ev.in_title:
            f["in_title"] = 1
        if c.name in ev.in_lede:
            f["in_lede"] = 1
        if c.name in ev.described:
            f["described"] = 1  # "la ministre X": a title or role written next to the name
        said = ev.speech_subject.get(c.name, ())
        if said:
            f["says_somewhere"] = 1  # the subject of a speech verb somewhere in the article
            if any(qsent - 2 <= s <= qsent_end + 1 for s in said):
                f["says_near"] = 1
        if para_people == {c.name}:
            f["only_person_in_para"] = 1
        ent = ents.get(c.name)
        if subj_words and subj_words & set(bare(c.name).replace("'", " ").split()) and not f.get("cue_subject"):
            f["subject_word_in_name"] = 1  # "a jugé la Cour": a short form of "Cour constitutionnelle"
        if ent is not None and ent.type == "ORG":
            f["org"] = 1
            if org_noun:
                f["org_noun_subject"] = 1  # "l'association a indiqué": an organisation's common noun
            if singular_i:
                f["org_says_i"] = 1  # "« J'ai attendu trois mois »": a person speaks, an organisation says "nous"
        elif ent is not None and singular_i:
            f["person_says_i"] = 1
            if c.name in ev.top[:1] or c.name in ev.in_title:
                f["main_person_says_i"] = 1  # a portrait's "je" is its subject's
        if c.name == top:
            f["main_person"] = 1  # the portrait's subject, the interviewee: named most often
        if pron_gender and ent is not None:
            g = entity_gender(state, ent) if ent.type == "PER" else None
            if g is not None:
                f["gender_agree" if g == pron_gender else "gender_clash"] = 1
            if ent.type == "ORG":
                f["org_for_pronoun"] = 1
        if c.name not in counts and not f.get("rule:" + group):
            f["only_in_quotes"] = 1
        if c.name not in ents:
            f["unlisted"] = 1  # words the entity stage did not take for a name ("a dit le Discours")
    return list(cands.values())


def full_name(state: ArticleState, name: str | None) -> str | None:
    """Example "Marie Lefort de Givry a témoigné. … a ajouté de Givry": a speaker written as part of a
    name (a surname, a short form "la Cour" of "Cour de cassation") that no entity bears goes to the
    one listed person or organisation whose name holds all its words."""
    if not name or any(m.entity.name == name for m in state.mentions):
        return None
    words = set(bare(name).split())
    if not words:
        return None
    found = {m.entity.name for m in state.mentions if m.entity.type in ("PER", "ORG")
             and words <= set(bare(m.entity.name).split())}
    return found.pop() if len(found) == 1 else None


def is_weak(rule: str) -> bool:
    """A rule (``lexicons/quotes/weak_rules.tsv``) whose choice does not stand alone against the evidence."""
    return rule.split("+")[0].strip() in WEAK_RULES


def score(cands: list[Candidate], weights: dict[str, float]) -> list[float]:
    """Each candidate's share of the score mass (softmax of the linear scores)."""
    raw = [sum(weights.get(k, 0.0) * v for k, v in c.feats.items()) for c in cands]
    top = max(raw)
    exp = [math.exp(r - top) for r in raw]
    total = sum(exp)
    return [e / total for e in exp]


def reconsider(state: ArticleState, q: Quote, cue: Cue | None, rule: str) -> str:
    """Weighs the rules' speaker for ``q`` against the other candidates; sets ``q.speaker`` to the
    best-scored one and returns the rule to record."""
    if q.start is None or q.end is None:
        return rule
    full = full_name(state, q.speaker)
    if full is not None:
        q.speaker, rule = full, f"{rule}+full_name"
    cands = gather(state, q.start, q.end, cue, q.speaker, rule)
    dump = os.environ.get(DUMP_ENV)
    if dump:
        _dump(Path(dump), state, q, rule, cands, cue)
        return rule
    weights = load_weights()
    if not weights or len(cands) < 2:
        return rule
    probs = score(cands, weights)
    best = max(range(len(cands)), key=lambda i: probs[i])
    chosen = next((i for i, c in enumerate(cands) if c.name == q.speaker), best)
    # the rules keep their choice unless another candidate beats it by the margin (log odds) and holds
    # the given share of the evidence mass; a weak rule's choice keeps no margin
    margin, share = (0.0, 0.0) if is_weak(rule) else (weights.get(MARGIN, 0.0), weights.get(MIN_SHARE, 0.0))
    if cands[best].name == q.speaker or math.log(probs[best] / probs[chosen]) <= margin or probs[best] < share:
        return rule
    if not subject_gives_way(state, q, cue, rule, cands[best].name):
        return rule
    q.speaker = cands[best].name
    if q.speaker is not None:
        q.speaker_text = q.speaker
    return f"model:{top_feature(cands[best], cands[chosen], weights)} {probs[best]:.2f} (over {rule})"


def top_feature(winner: Candidate, loser: Candidate, weights: dict[str, float]) -> str:
    """The feature that did most to put ``winner`` above ``loser`` (the largest weighted difference):
    what the quote's ``rule`` names when the model overrules the rules."""
    keys = set(winner.feats) | set(loser.feats)
    gain = {k: weights.get(k, 0.0) * (winner.feats.get(k, 0.0) - loser.feats.get(k, 0.0)) for k in keys}
    return max(sorted(gain), key=lambda k: gain[k]) if gain else "none"


def _dump(path: Path, state: ArticleState, q: Quote, rule: str, cands: list[Candidate], cue: Cue | None) -> None:
    page = Path(state.art.source.path or state.art.id or "").stem
    subj = cue.subj_text if cue is not None and cue.subj_start is not None else None
    row = {"page": page, "kind": q.kind, "text": q.text, "start": q.start, "rule": rule, "subject": subj,
           "speaker": q.speaker, "cands": [[c.name, c.feats] for c in cands]}
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
