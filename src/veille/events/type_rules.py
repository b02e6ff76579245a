"""What type an event is: the trigger's lexicon entry (``event_triggers.tsv``), unless a rule says
otherwise. The rules, in order:

* ``dropped``: a trigger that is no event here (a negated "ne pas exclure", a meeting's topic, a
  practice told as a habit; a study's finding, violence named as a social problem or counted:
  ``veille.events.precision_rules``; a court's conviction read as a condemnation: ``veille.events.justice``);
* ``event_type``: the entry's type, or its ``neg=`` type when negated ("ne pas ratifier" -> REJECT);
* a denied intention of a cooperative act is recorded as a refusal (REJECT, ``REFUSABLE`` types),
  see ``veille.events.coder.refusals``.

A new trigger word is a lexicon line; a new reason to change or drop a type is a rule here.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ORTH

from veille.common.docarrays import child_indices, head_indices, token_strings
from veille.events.clauses import clause_top
from veille.events.justice import judicial_condemnation
from veille.events.memo import sentence_holds
from veille.events.modes import is_negated
from veille.events.precision_rules import PRECISION_RULES
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent, case
from veille.events.walks import habit_cue_at, has_child
from veille.events.words import DE_WORDS, doc_lemmas, feat, lemma

# A denied act of these types is coded as a refusal (REJECT) when it is an intention, not a past fact.
REFUSABLE = frozenset({"AID", "MOBILIZE", "AGREE", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"})
# The nouns of these types are acts of violence: what they endanger is not threatened by anyone.
VIOLENCE_TYPES = frozenset({"ASSAULT"})


def _negated(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """Negated on the trigger ("ne démissionnera pas") or on the intent above it, as the mode rules
    found ("n'a pas l'intention de démissionner", "ne compte pas démissionner")."""
    return cand.negated or is_negated(view, head)


def negated_non_event(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A negated trigger marked ``neg=-`` is no event: "Le Chili n'a pas exclu d'envoyer des vivres."."""
    return cand.trigger.neg_type == "-" and _negated(view, cand, head)


def meeting_topic(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """An event noun naming a meeting's topic: "une conférence de soutien au Pérou" (the meeting is
    the event, not the support)."""
    trig = cand.trigger
    return (trig.kind == "noun" and head.dep_ == "nmod" and case(head) in DE_WORDS
            and not has_child(head, ("det",))
            and (lemma(head.head) in view.lex.cue("gathering")
                 or any(t.type == "CONSULT" for t in view.lex.nouns.get(lemma(head.head), []))))


def positive_non_event(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A trigger typed ``-`` is an event only when negated: "La ministre ne démissionnera pas."."""
    return cand.trigger.type == "-" and not (cand.trigger.neg_type and _negated(view, cand, head))


def endangered_by_violence(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A threat verb whose "par" agent is itself an act of violence tells what is endangered, not a
    threat made: "Plusieurs musées sont menacés par les bombardements." (the bombing is the event,
    read from its own noun)."""
    if cand.trigger.type != "THREATEN" or cand.trigger.kind != "verb":
        return False
    by = agent(head)
    return by is not None and by.pos_ == "NOUN" and any(
        t.type in VIOLENCE_TYPES for t in view.lex.nouns.get(lemma(by), []))


def _habit_tense(verb: Any) -> bool:
    deps = token_strings(verb.doc, DEP)  # (no Token per child)
    if any(deps[c] == "aux:tense" for c in child_indices(verb.doc)[verb.i]):
        return False  # a compound past: "a souvent critiqué"
    return feat(verb, "Tense") == ["Pres"] or feat(verb, "VerbForm") == ["Inf"]


def habitual(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A practice told as a habit is no event (the team's guidelines): "Les riverains se plaignent
    souvent du bruit.", "Chaque jour, des policiers contrôlent les passants." (invented). The cue is
    looked for on the trigger and the verbs above it, up to the top of its clause; only in the present,
    the tense of a habit: "a souvent critiqué" tells acts that took place, and "Chaque soir, les
    habitants applaudissaient" a real series of past events, which the guidelines code once."""
    doc, cue = head.doc, view.lex.cue("habitual")
    if not sentence_holds(doc, head.i, "habitual", cue, (doc_lemmas(doc),)):
        return False  # (most sentences: no cue word anywhere, the climb below cannot find one)
    heads, deps = head_indices(doc), token_strings(doc, DEP)  # (the climb over the columns: no Token per step)
    cur = head.i
    for _ in range(4):
        if habit_cue_at(doc, cur, cue):  # an adverb of habit, or "chaque" before a time noun
            return _habit_tense(clause_top(head))
        if heads[cur] == cur or deps[cur] in ("acl:relcl", "parataxis", "ccomp", "conj"):
            return False
        cur = heads[cur]
    return False


def poll_share(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A share of a population as the doer, in the present or the imperfect, is a poll's figure, not
    an act: "46 % des électeurs soutiennent le maire", "deux tiers des habitants approuvaient le
    projet", "58 % des habitants sont favorables au tramway" (invented); in a past tense it is a vote
    that took place ("64 % des membres se sont prononcés contre l'accord")."""
    share = view.lex.cue("share")
    doc = head.doc  # (children, labels, lemmas and heads from the article's columns: no Token per child)
    if not sentence_holds(doc, head.i, "share", share, (doc_lemmas(doc), token_strings(doc, ORTH))):
        return False  # (most sentences: no share word, so no share subject below)
    kids, deps, heads, lemmas, texts = (child_indices(doc), token_strings(doc, DEP), head_indices(doc),
                                        doc_lemmas(doc), token_strings(doc, ORTH))
    # (the share subject looked for first: most triggers have none, and then the tense is not read)
    cur = head.i
    for _ in range(6):
        if any(deps[c] in ("nsubj", "nsubj:pass") and (lemmas[c] in share or texts[c] in share) for c in kids[cur]):
            break
        if heads[cur] == cur:
            return False
        cur = heads[cur]
    else:
        return False
    verb = clause_top(head)
    # "58 % des habitants sont favorables au projet": an adjective's tense is its copula's
    tensed = next((doc[c] for c in kids[verb.i] if deps[c] == "cop"), verb) if verb.pos_ != "VERB" else verb
    return not (any(deps[c] == "aux:tense" for c in kids[verb.i]) or feat(tensed, "Tense") not in (["Pres"], ["Imp"]))


def adjectival_participle(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A present participle used as an adjective names a quality, not an act: after a copula or
    with an adverb of degree ("Ce qui est frappant, c'est …", "le détail le plus frappant", "un
    ton très menaçant", invented). "Un homme frappant un passant" keeps its act."""
    if cand.trigger.kind != "verb" or feat(head, "VerbForm") != ["Part"] or feat(head, "Tense") != ["Pres"]:
        return False
    degree = view.lex.cue("degree")
    return any(c.dep_ == "cop" or (c.dep_ == "advmod" and lemma(c) in degree) for c in head.children)


DROP_RULES = [negated_non_event, positive_non_event, meeting_topic, endangered_by_violence, habitual, poll_share,
              adjectival_participle, *PRECISION_RULES, judicial_condemnation]


def dropped(view: ArticleView, cand: Candidate, head: Any) -> str | None:
    """The name of the first rule of ``DROP_RULES`` that drops this trigger, or None."""
    for rule in DROP_RULES:
        if rule(view, cand, head):
            return rule.__name__.replace("_", "-")
    return None


def event_type(view: ArticleView, cand: Candidate, head: Any) -> tuple[str, str]:
    """(type, rule): the trigger's type, or its ``neg=`` type when the trigger is negated."""
    trig = cand.trigger
    if trig.neg_type and _negated(view, cand, head):
        return trig.neg_type, f"trigger:{trig.entry}>negated:{trig.neg_type}"
    return trig.type, f"trigger:{trig.entry}"
