"""Drop rules of the events stage for an act that is only thought of, or done by a thing (issue 13,
precision, helper evfp), read with ``veille.events.precision_senses`` (``SENSE_RULES``). Cues in
``lexicons/events/sense_cues.tsv``:

* ``unreal_passive``: an event verb as a present passive infinitive ("être frappée") brought in by a
  preposition ("pour", "de", "à", "sans") and with no "par" agent tells what could be done to someone,
  a fear, a worth or a kind, no act that took place: "Ces gardiens sont trop jeunes pour être
  frappés.", "Léa Tamar a peur d'être agressée en rentrant du stade.", "Paul Vidal n'est pas le premier
  élu à être menacé." The past infinitive keeps its act ("après avoir été frappé"), as do an agent ("avant
  d'être arrêté par la police") and a mark of sequence (``real_sequence``: "avant d'être arrêté");
* ``thing_doer``: an event verb whose doer is a thing (``thing_doer``: an exhibition, a result, a
  bill) with nobody named in its phrase tells what the thing is for, no party's act: "Au musée, deux
  expositions invitent les enfants à dessiner des oiseaux.", "Ce sont des chiffres qui demandent encore à
  être vérifiés.", "un projet de loi qui interdirait les pétards". A study that reveals is ``study_finding``'s;
* ``kind_becomes``: a plural noun of an act, with nobody named in it, as the subject of a verb of
  becoming (``kind_verb``) in the present or after a present "aller", or a noun of an act that "n'a rien
  de" a quality, says what such acts are turning into, no act that took place: "Les grèves deviennent un
  rituel pour les élèves.", "Pour Paul Vidal, les grèves vont devenir plus rares.", "La grève
  perpétuelle n'a rien de glorieux." (``generic_kinds`` reads the present "être"). "La grève devient
  illimitée." (one act, singular) keeps its event.

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.generic_kinds import names_its_party
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent
from veille.events.words import feat, lemma

_CUES = groups("events/sense_cues.tsv")
UNREAL_MARKS = _CUES["unreal_mark"]
REAL_SEQUENCE = _CUES["real_sequence"]
THING_DOERS = _CUES["thing_doer"]
KIND_VERBS = _CUES["kind_verb"]
_RELATIVES = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles"})


def unreal_passive(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Léa Tamar a peur d'être agressée en rentrant du stade." (invented): a present passive infinitive after a
    preposition, no agent. "Il a fui avant d'être arrêté." and "après avoir été frappé" keep theirs."""
    if cand.trigger.kind != "verb" or feat(head, "VerbForm") != ["Part"]:
        return False
    infinitive = marked = False
    for c in head.children:
        if c.dep_ == "aux:tense":
            return False  # "avoir été frappé": a past infinitive tells what happened
        if c.dep_ == "aux:pass" and feat(c, "VerbForm") == ["Inf"]:
            infinitive = True
        elif c.dep_ == "mark":
            if c.lower_ in REAL_SEQUENCE:
                return False
            marked = marked or c.lower_ in UNREAL_MARKS
    return infinitive and marked and agent(head) is None


def _doer(head: Any) -> Any | None:
    """The subject of the verb (the noun a relative "qui" stands for), or for a participle set on a
    noun ("un projet visant à …") that noun."""
    for c in head.children:
        if c.dep_ == "nsubj":
            if c.lower_ in _RELATIVES and head.dep_ == "acl:relcl":
                return head.head
            return c
    if head.dep_ == "acl" and feat(head, "VerbForm") == ["Part"] and head.head.pos_ == "NOUN":
        return head.head
    return None


def thing_doer(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Au musée, deux expositions invitent les enfants à dessiner des oiseaux." (invented): a thing does no act.
    "L'association de Léa Tamar invite le maire à débattre." keeps its request."""
    if cand.trigger.kind != "verb" or agent(head) is not None:
        return False
    doer = _doer(head)
    if doer is None or doer.pos_ != "NOUN" or lemma(doer) not in THING_DOERS:
        return False
    return not any(view.tok_entity[t.i] is not None for t in doer.subtree)


def _present_or_going(verb: Any) -> bool:
    """The verb is in the present indicative, or an infinitive under a present "aller" ("vont devenir",
    which the tagger may read as a future)."""
    if feat(verb, "Tense") == ["Pres"] and feat(verb, "VerbForm") == ["Fin"]:
        return True
    return (feat(verb, "VerbForm") == ["Inf"] and verb.dep_ == "xcomp" and lemma(verb.head) == "aller"
            and feat(verb.head, "Tense") in (["Pres"], ["Fut"]))


def _nothing_of(verb: Any) -> bool:
    """"n'a rien de glorieux": "avoir" in the present right before "rien" (the parser hangs "rien" on the
    verb or on the adjective)."""
    doc = verb.doc
    return (lemma(verb) == "avoir" and feat(verb, "Tense") == ["Pres"] and verb.i + 1 < len(doc)
            and doc[verb.i + 1].lower_ == "rien")


def kind_becomes(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les grèves deviennent un rituel pour les élèves." (invented): a kind of act given a quality.
    "Les grèves des cheminots de Montvert deviennent plus longues." names its doers."""
    if cand.trigger.kind != "noun" or cand.trigger.judge or head.pos_ != "NOUN" or head.dep_ != "nsubj":
        return False
    verb = head.head
    if subject_of := [c for c in verb.children if c.dep_ == "xcomp" and lemma(c) in KIND_VERBS]:
        verb = subject_of[0]  # "les grèves vont devenir …": the subject hangs on "aller"
    if not ((lemma(verb) in KIND_VERBS and feat(head, "Number") == ["Plur"] and _present_or_going(verb))
            or _nothing_of(verb)):
        return False
    return not names_its_party(view, head)
