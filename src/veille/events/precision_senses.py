"""Drop rules of the events stage for event words used in another sense, or only mentioned (issue 13,
precision), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). Cues in
``lexicons/events/sense_cues.tsv``:

* ``met_thing``: "rencontrer" with a thing met, not a person: "rencontrer son public", "rencontrer des
  difficultés", "la violence qu'on rencontre";
* ``lecture``: a "conférence" that is a lecture: in a series ("une série de conférences"), at a place
  of teaching ("une conférence à l'université"), or given by one person ("les conférences de Paul X");
* ``participle_adjective``: a present participle qualifying a noun with no complement is a quality:
  "un documentaire saisissant" ("des habitants réclamant des travaux" keep their act);
* ``noun_use``: a verb's word the tagger reads as a noun with an article: "l'accusé", "les inculpés";
* ``quoted_word``: a word quoted after "le mot", "le terme": "le mot « tuer »" is no killing;
* ``incise_said``: a stance verb set as an incise after a quote (``veille.events.incise_senses``);
* ``unreal_passive``, ``thing_doer``, ``kind_becomes``: an act only thought of ("pour être frappées"), done
  by a thing ("deux expositions invitent les enfants à …"), or a kind of act becoming something ("les grèves deviennent
  un rituel") (``veille.events.unreal_senses``).

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import token_strings
from veille.common.lexicon import groups
from veille.events.incise_senses import incise_said
from veille.events.triggers import Candidate
from veille.events.unreal_senses import kind_becomes, thing_doer, unreal_passive
from veille.events.view import ArticleView, case
from veille.events.words import DE_WORDS, feat, lemma

_CUES = groups("events/sense_cues.tsv")
MET_THINGS = _CUES["met_thing"]
LECTURE_NOUNS = _CUES["lecture_noun"]
LECTURE_SERIES = _CUES["lecture_series"]
LECTURE_PLACES = _CUES["lecture_place"]
MENTION_NOUNS = _CUES["mention_noun"]
_COMPLEMENTS = frozenset({"obj", "iobj", "obl", "obl:arg", "obl:mod", "ccomp", "xcomp", "nsubj", "expl:comp"})
_ARTICLES = frozenset({"le", "la", "l'", "l’", "les", "un", "une", "des", "du"})
_TAKE_UP = frozenset({"celui", "celle"})
_OPENING = frozenset({"«", '"', "“"})
_CLOSING = frozenset({"»", '"', "”"})


def met_thing(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Le livre de Léa Tamar a rencontré un grand succès.", "les difficultés qu'elle rencontre"
    (invented): a thing met with, no meeting. "Le maire a rencontré les habitants." keeps its event."""
    if cand.trigger.type != "CONSULT" or cand.trigger.kind != "verb" or cand.trigger.words != ("rencontrer",):
        return False
    for c in head.children:
        if c.dep_ != "obj":
            continue
        if c.pos_ == "PRON" and head.dep_ == "acl:relcl":
            c = head.head  # "la violence qu'on rencontre": the noun the relative stands for
        if lemma(c) in MET_THINGS:
            return True
    return False


def lecture(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Le musée propose un cycle de conférences.", "lors d'une conférence à l'université de
    Montvert", "les conférences du philosophe Paul Vidal" (invented): lectures, no meeting of parties.
    "La conférence de Montvert sur le climat" keeps its event."""
    if cand.trigger.type != "CONSULT" or cand.trigger.kind != "noun" or lemma(head) not in LECTURE_NOUNS:
        return False
    if head.dep_ == "nmod" and lemma(head.head) in LECTURE_SERIES:
        return True
    for c in head.children:
        if c.dep_ != "nmod":
            continue
        if lemma(c) in LECTURE_PLACES:
            return True
        ent = view.tok_entity[c.i]
        if case(c) in DE_WORDS and ent is not None and ent.type == "PER":
            return True
    return False


def participle_adjective(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"La réalisatrice a présenté un documentaire saisissant.", "un film aussi saisissant
    qu'émouvant" (invented): a quality. "Des habitants réclamant des travaux" and "un homme menaçant
    les passants" keep their acts."""
    trig = cand.trigger
    if trig.kind != "verb" or trig.adj or head.dep_ not in ("amod", "acl") or head.head.pos_ != "NOUN":
        return False
    present = feat(head, "VerbForm") == ["Part"] and feat(head, "Tense") == ["Pres"]
    if not present and not (head.pos_ == "ADJ" and head.lower_.endswith(("ant", "ante", "ants", "antes"))):
        return False
    # a second adjective compared with it ("aussi saisissant qu'émouvant") is no complement
    return not any(c.dep_ in _COMPLEMENTS and not (c.dep_ == "ccomp" and c.pos_ == "ADJ") for c in head.children)


def noun_use(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les avocats de l'accusé ont plaidé l'acquittement.", "Il a décrit l'accusé comme un
    menteur." (invented): the defendant, no accusation. An article right before the word makes it a
    noun even when the parser reads a participle ("les accusant", a clitic, is a present participle;
    "l'a accusé" has its auxiliary)."""
    trig = cand.trigger
    if trig.kind != "verb" or trig.adj or head.i < 1 or head.pos_ not in ("NOUN", "VERB"):
        return False
    det = head.doc[head.i - 1]
    if det.head.i != head.i or det.dep_ != "det" or det.lower_ not in _ARTICLES:
        return False
    if head.pos_ == "VERB" and (feat(head, "Tense") == ["Pres"] or feat(head, "VerbForm") != ["Part"]
                                or any(c.dep_.startswith("aux") for c in head.children)):
        return False
    return True


def quoted_word(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Le mot « tuer » revient souvent dans ses chansons.", "Il préfère ce terme à celui de « tuer »."
    (invented): a word mentioned, no act."""
    doc = head.doc
    texts = token_strings(doc, ORTH)  # (the forms from the article's column: no Token for most triggers)
    for opening in range(head.i - 1, max(head.i - 3, -1), -1):
        if texts[opening] in _OPENING:
            break
    else:
        return False
    before = doc[opening - 1] if opening >= 1 else None
    if before is not None and before.lower_ in DE_WORDS and opening >= 2 and doc[opening - 2].lower_ in _TAKE_UP:
        before = doc[opening - 2]  # "celui de « tuer »": the word named before
    if before is None or (lemma(before) not in MENTION_NOUNS and before.lower_ not in _TAKE_UP):
        return False
    return any(texts[k] in _CLOSING for k in range(head.i + 1, min(head.i + 3, len(doc))))


SENSE_RULES = [met_thing, lecture, participle_adjective, noun_use, quoted_word, incise_said, unreal_passive, thing_doer,
               kind_becomes]
