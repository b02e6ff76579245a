"""A court's conviction or a doom read as a verbal condemnation (issue 13, justice): a drop rule read
with the others of ``veille.events.type_rules`` (``DROP_RULES``). "condamner" is ACCUSE when someone
blames someone in words ("Le parti Horizon Bleu condamne les propos du maire"); the team's
guidelines code no judicial sentence or ruling, so these are no event:

* a court or "la justice" that condemns, as subject (also through "vient de", "a décidé de") or as
  "par" agent: "La justice de Montvert vient de condamner deux hommes pour vol.";
* "condamné à" + an infinitive, a sentence to pay or a doom: "Le village est condamné à disparaître.";
* a conviction obtained: "Le syndicat Forge a obtenu la condamnation de la société Ombrel.";
* a "condamné" with no doer named in a sentence that tells an appeal against it: "Condamné pour ses
  propos, le maire Paul Vidal a fait appel.".

Words in ``lexicons/events/justice_words.tsv``; every example is invented.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent, case
from veille.events.words import feat, lemma

_WORDS = groups("events/justice_words.tsv")
COURT_WORDS = _WORDS["court_word"]
OBTAIN_VERBS = _WORDS["obtain_verb"]
APPEAL_NOUNS = _WORDS["appeal_noun"]
CONDEMN_VERB = "condamner"
CONDEMN_NOUN = "condamnation"
# Verbs a "condamner" hangs on as an infinitive while keeping their subject ("vient de condamner").
_CLIMB_DEPS = frozenset({"xcomp"})
_TO = frozenset({"à", "a"})
_BY = frozenset({"par"})
_APPEAL_TO = frozenset({"à", "au", "aux"})


def _doers(head: Any) -> list[Any]:
    """The subject or "par" agent of the verb, climbing the infinitive chain ("vient de condamner")."""
    out: list[Any] = []
    tok = head
    for _ in range(4):
        out += [c for c in tok.children if c.dep_ == "nsubj"]  # a passive subject is the one condemned
        by = agent(tok)
        if by is not None and case(by) in _BY:  # "condamné pour ces propos" is sometimes parsed as an agent
            out.append(by)
        if out or tok.dep_ not in _CLIMB_DEPS or tok.head is tok:
            break
        tok = tok.head
    return out


def _court(tok: Any) -> bool:
    """A court word as the phrase's head or its complement ("la chambre du tribunal")."""
    return lemma(tok) in COURT_WORDS or tok.lower_ in COURT_WORDS or any(
        c.dep_ in ("nmod", "flat:name") and lemma(c) in COURT_WORDS for c in tok.children)


def _to_infinitive(head: Any) -> bool:
    return any(c.pos_ in ("VERB", "AUX") and feat(c, "VerbForm") == ["Inf"]
               and any(m.lower_ in _TO and m.dep_ in ("mark", "case") for m in c.children)
               for c in head.children)


def _appeal_told(head: Any) -> bool:
    """A "faire appel" / "pourvoi" in the sentence ("faire appel à X" is a call, not an appeal)."""
    sent = head.sent
    for t in sent:
        if lemma(t) not in APPEAL_NOUNS and t.lower_ not in APPEAL_NOUNS:
            continue
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is None or nxt.lower_ not in _APPEAL_TO:
            return True
    return False


def judicial_condemnation(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """A court's conviction, a doom or a conviction obtained, read as an accusation: "La justice de
    Montvert vient de condamner deux hommes pour vol." (invented; the other cases: see the module)."""
    trig = cand.trigger
    if trig.type != "ACCUSE":
        return False
    if trig.kind == "noun":
        return (lemma(head) == CONDEMN_NOUN and head.dep_ == "obj" and lemma(head.head) in OBTAIN_VERBS
                and case(head) is None)
    if trig.kind != "verb" or lemma(head) != CONDEMN_VERB:
        return False
    if _to_infinitive(head):
        return True
    doers = _doers(head)
    if any(_court(d) for d in doers):
        return True
    agentless = not doers and feat(head, "VerbForm") == ["Part"]
    return agentless and _appeal_told(head)
