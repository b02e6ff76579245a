"""Evidence for the speaker scorer (``candidates.py``) when a cue's subject is a definite noun phrase that
names nobody by itself: "a indiqué la Cour", "explique le quotidien", "rappelle l'élue", "déplore leur
syndicat", "selon le principal intéressé". French news names a person or an organisation once, then takes
it up by a common noun (its kind, its role, a word of its name); the ordered rules follow only the nouns
their lexicons list, and otherwise answer nobody. These features let the scorer weigh, for each candidate:

* ``np_in_name``: the noun is a word of the candidate's name ("la Cour" after "la Cour constitutionnelle");
* ``np_written_with``: the noun was written next to a mention of the candidate before the cue ("le
  syndicat IAM", "Anne Roy, élue de Vienne");
* ``np_person_noun`` / ``np_org_noun``: the noun is a person's (``speaker_nouns.tsv``) and the candidate a
  person, or an organisation's (``quotes/organisation_nouns.tsv``) and the candidate an organisation;
* ``np_gender_agree`` / ``np_gender_clash``: the noun's gender ("la députée", "le praticien") against the
  person's;
* ``np_main_person``: a person noun, and the candidate is the article's most named person (a portrait's
  "le principal intéressé", "le chanteur");
* on "nobody", when no candidate's name holds the noun nor was written with it: ``np_person_unnamed`` for
  a person's noun ("a dit le médecin": a role the article may never tie to a name), else
  ``np_takes_up_nobody`` ("a souligné sa famille": people the article never names).

Invented example: "La Cour constitutionnelle de Freedonie a rendu sa décision. « La loi est claire »,
indique la Cour." -> "la Cour" takes up the court (``np_in_name``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veille.common.fold import bare
from veille.quotes.salience import ORGANISATION_NOUNS
from veille.quotes.state import ArticleState, Cue, head_of

# determiners of a phrase that takes up someone already named ("le", "cette", "leur", "son")
TAKE_UP = frozenset({"le", "la", "l'", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"})
NEAR_TOKENS = 3  # how close before (or after, in apposition) a mention the noun must be written


@dataclass
class NounSubject:
    """The common noun heading a cue's subject, with what it tells about who speaks."""

    word: str  # folded
    lemma: str  # folded
    gender: str | None  # "f", "m" from the noun's morphology
    person: bool  # a person's noun (speaker_nouns.tsv)
    org: bool  # an organisation's noun


def noun_subject(state: ArticleState, cue: Cue | None) -> NounSubject | None:
    """The definite common noun heading ``cue``'s subject, when the subject holds no person or organisation
    mention of its own (those speak under their name: other evidence)."""
    if cue is None or cue.subj_start is None or cue.subj_end is None:
        return None
    s, e = cue.subj_start, cue.subj_end
    toks = [t for t in state.toks_in(s, e) if s < t.idx + len(t.text) and not t.is_punct]
    if not toks or bare(toks[0].text) not in TAKE_UP:
        return None
    if any(s <= m.start < e and m.entity.type in ("PER", "ORG") for m in state.mentions):
        return None
    head = head_of(toks)
    if head.pos_ not in ("NOUN", "PROPN") or head.i == toks[0].i:
        return None
    word, lemma = bare(head.text), bare(head.lemma_)
    if len(word) < 3:
        return None
    g = head.morph.get("Gender")
    gender = "f" if "Fem" in g else "m" if "Masc" in g else None
    nouns = state.res.person_nouns
    return NounSubject(word=word, lemma=lemma, gender=gender, person=word in nouns or lemma in nouns,
                       org=word in ORGANISATION_NOUNS or lemma in ORGANISATION_NOUNS)


def written_with(state: ArticleState, noun: NounSubject, before: int) -> set[str]:
    """Names of the people and organisations written with ``noun`` right before or after one of their
    mentions earlier than ``before`` ("le syndicat IAM", "Anne Roy, élue de Vienne")."""
    out: set[str] = set()
    words = {noun.word, noun.lemma}
    doc = state.doc
    for m in state.mentions:
        if m.start >= before or m.in_quote or m.entity.type not in ("PER", "ORG"):
            continue
        first, last = state.tok_at(m.start).i, state.tok_at(max(m.start, m.end - 1)).i
        near = doc[max(0, first - NEAR_TOKENS):min(len(doc), last + NEAR_TOKENS + 2)]
        if any(bare(t.text) in words or bare(t.lemma_) in words for t in near if not first <= t.i <= last):
            out.add(m.entity.name)
    return out


def noun_features(state: ArticleState, cue: Cue | None, ents: dict[str, Any], main: str | None,
                  gender_of: Any) -> dict[str, dict[str, float]] | None:
    """Name -> the features above, for the candidates ``ents`` (name -> entity); ``main`` is the article's
    most named person, ``gender_of(entity)`` a person's gender or None. None when the cue's subject is no
    definite noun phrase."""
    noun = noun_subject(state, cue)
    if noun is None or cue is None:
        return None
    near = written_with(state, noun, cue.subj_start or cue.start)
    out: dict[str, dict[str, float]] = {}
    for name, ent in ents.items():
        f: dict[str, float] = {}
        if {noun.word, noun.lemma} & set(bare(name).replace("'", " ").split()):
            f["np_in_name"] = 1
        if name in near:
            f["np_written_with"] = 1
        if ent.type == "PER" and noun.person:
            f["np_person_noun"] = 1
            g = gender_of(ent)
            if g is not None and noun.gender is not None:
                f["np_gender_agree" if g == noun.gender else "np_gender_clash"] = 1
            if name == main:
                f["np_main_person"] = 1
        elif ent.type == "ORG" and noun.org:
            f["np_org_noun"] = 1
        if f:
            out[name] = f
    return out
