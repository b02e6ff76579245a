"""Drop rules of the events stage for words that tell no act (issue 13, precision), read with the other
drop rules of ``veille.events.type_rules`` (``DROP_RULES``). Cues in ``lexicons/events/precision_cues.tsv``:

* ``study_finding``: a verb of finding whose doer is a study, a poll or figures tells a finding, not an
  accusation: "Un sondage révèle que 60 % des habitants …" (an inquiry or a report that reveals
  misconduct stays an accusation, as the team's gold codes it);
* ``violence_kind``: a plural violence noun qualified by the kind of violence it is names a social
  problem, not acts: "les violences conjugales perdurent", "le plan contre les violences urbaines";
* ``violence_count``: a plural violence noun in a sentence that counts: "2 000 agressions ont été
  recensées", "le décompte des féminicides";
* ``called_to``: "être appelé à" with nobody calling tells what people are due to do: "Les électeurs
  sont appelés à voter dimanche", "Appelés à trancher, les juges …" ("appelés par le maire à évacuer"
  keeps its request);
* ``question_asked``: asking a question is no request: "On leur demande si …", "Il m'a demandé ce que …",
  "On me demande : « Es-tu candidate ? »" ("demander de partir", "demander que …" are requests);
* ``taken_up_violence``: a violence noun with a demonstrative and no party named in it takes up an act
  told before ("cet homicide", "ces attaques"): the act is coded where it was told; "Cette attaque
  a été revendiquée par X" (a claim) and "cette attaque de X contre Y" keep theirs;
* ``degree_participle``: a past participle with an adverb of degree is a quality: "une traductrice très
  demandée", "le quartier le plus attaqué" (nobody named as the doer);
* ``held_thing``: a verb of arrest or custody said of a thing (``veille.events.held_things``);
* ``errand_trip``: "se rendre" to an ordinary place, a trip, no meeting (``veille.events.errands``);
* ``habitual_when``: an act in a present clause of "quand"/"lorsque", a habit (``veille.events.habitual``);
* ``kind_judged``: a noun of an act, nobody named in it, as subject or attribute of a present "être": a
  kind of act judged (``veille.events.generic_kinds``);
* ``persuaded_of``: "être convaincu que", "convaincre X que …": a belief, no request
  (``veille.events.belief_senses``).

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.belief_senses import persuaded_of
from veille.events.errands import errand_trip
from veille.events.generic_kinds import kind_judged
from veille.events.habitual import habitual_when
from veille.events.held_things import held_thing
from veille.events.precision_senses import SENSE_RULES
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, agent
from veille.events.walks import has_child, sentence_lemma_in
from veille.events.words import feat, lemma

_CUES = groups("events/precision_cues.tsv")
STUDY_NOUNS = _CUES["study_noun"]
FINDING_VERBS = _CUES["finding_verb"]
VIOLENCE_KINDS = _CUES["violence_kind"]
KIND_NOUNS = _CUES["kind_noun"]
COUNT_WORDS = _CUES["count_word"]
CALLED_VERBS = _CUES["called_verb"]
ASK_VERBS = _CUES["ask_verb"]
QUESTION_WORDS = _CUES["question_word"]
REQUEST_MARKS = _CUES["request_mark"]
PARTICIPLE_DEGREES = _CUES["participle_degree"]
DEMONSTRATIVES = _CUES["demonstrative"]
CLAIM_VERBS = groups("events/role_words.tsv")["claim_verb"]
_SUPERLATIVE = frozenset({"plus", "moins"})
# the endings of a French past participle, to tell one from a present the tagger marked ``Part``
_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
                       "ites", "ise", "ises", "ert", "erte", "erts", "ertes", "int", "inte", "ints", "intes")


def _doer(head: Any) -> Any | None:
    """The subject of a verb, or its "par" agent in the passive."""
    for c in head.children:
        if c.dep_ == "nsubj":
            return c
    return agent(head)


def study_finding(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Plusieurs études révèlent que …", "Un sondage paru hier révélait que …" (invented): no
    accusation. "Un rapport révèle que …" and "L'enquête a révélé …" keep theirs."""
    trig = cand.trigger
    if trig.type != "ACCUSE" or trig.kind != "verb" or lemma(head) not in FINDING_VERBS:
        return False
    doer = _doer(head)
    return doer is not None and lemma(doer) in STUDY_NOUNS


def _violence_noun(cand: Candidate, head: Any) -> bool:
    return (cand.trigger.type == "ASSAULT" and cand.trigger.kind == "noun" and head.pos_ == "NOUN"
            and feat(head, "Number") == ["Plur"])


def violence_kind(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les violences sexistes perdurent." (invented): a social problem. "Les violences qui ont
    éclaté samedi" keeps its acts, as do the singular "l'agression sexuelle d'une passante" and a
    noun of one kind of act, "des attouchements sexuels"."""
    return _violence_noun(cand, head) and lemma(head) in KIND_NOUNS and any(
        c.dep_ == "amod" and lemma(c) in VIOLENCE_KINDS for c in head.children)


def violence_count(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Quelque 2 000 agressions ont été signalées en 2020, selon les statistiques de l'office."
    (invented): a count, not acts told."""
    return _violence_noun(cand, head) and sentence_lemma_in(head, COUNT_WORDS)  # (``walks``: the lemma column)


def taken_up_violence(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les enquêteurs cherchent un lien entre cet homicide et deux autres." (invented): the homicide
    was told before; "Cette attaque a été revendiquée par le groupe Alpha." keeps its claim."""
    trig = cand.trigger
    if trig.type != "ASSAULT" or trig.kind != "noun" or head.pos_ != "NOUN":
        return False
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in head.children):
        return False
    if lemma(head.head) in CLAIM_VERBS:
        return False
    return not any(view.tok_entity[t.i] is not None for t in head.subtree)


def _passive_participle(head: Any) -> bool:
    """A past participle read in the passive: with "être" ("sont appelés"), or bare and hung on a
    noun or a verb ("Appelés à trancher, les juges", "elle s'est sentie appelée à")."""
    if feat(head, "VerbForm") != ["Part"] or feat(head, "Tense") == ["Pres"]:
        return False
    if has_child(head, ("aux:tense",)):
        return False  # "ont appelé": a compound past, not a passive
    return has_child(head, ("aux:pass",)) or head.dep_ in ("acl", "xcomp", "advcl", "ROOT")


def called_to(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les électeurs de Montvert sont appelés à se prononcer dimanche." (invented): nobody calls."""
    return (cand.trigger.type == "REQUEST" and lemma(head) in CALLED_VERBS and _passive_participle(head)
            and agent(head) is None)


def question_asked(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Quand on leur demande si elles soutiennent le maire …", "Il m'a demandé ce que voulait dire ce
    mot.", "On me demande : « Es-tu candidate ? »" (invented). Read on the words after the verb, up to
    the first mark of a request ("de", "que") or the end of the clause, as the parse often hangs the
    question elsewhere."""
    if cand.trigger.type != "REQUEST" or lemma(head) not in ASK_VERBS and head.lower_[:6] not in ASK_VERBS:
        return False
    doc = head.doc
    end = min(head.sent.end, head.i + 8)
    nominal = False  # a noun met: a question word after it may open another clause ("le retrait si …")
    for i in range(head.i + 1, end):
        tok = doc[i]
        low = tok.lower_
        if (low in REQUEST_MARKS and (tok.dep_ == "mark" or tok.pos_ == "SCONJ")) or tok.pos_ in ("VERB", "AUX"):
            return False
        if not nominal and (low in QUESTION_WORDS or (
                low == "ce" and i + 1 < end and doc[i + 1].lower_ in ("que", "qu'", "qui")
                and doc[i - 1].lower_ != "à")):  # "demande à ce que X parte": a request (events/demands.py)
            return True
        if low == ":":  # a question quoted after a colon, the verb asking for no thing
            return not any(c.dep_ == "obj" and c.i < i for c in head.children) and any(
                t.text == "?" for t in doc[i + 1:head.sent.end])
        nominal = nominal or tok.pos_ in ("NOUN", "PROPN")
        if tok.is_punct and low not in ("«", '"'):
            return False
    return False


def degree_participle(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Dans ce domaine, la traductrice Léa Tamar est encore très demandée." (invented): in demand, not
    asked by anyone; "le quartier le plus attaqué". A feeling ("très préoccupé") keeps its event."""
    trig = cand.trigger
    if trig.kind != "verb" or trig.feel or trig.adj or feat(head, "VerbForm") != ["Part"] \
            or feat(head, "Tense") == ["Pres"] or agent(head) is not None:
        return False
    if has_child(head, ("aux:tense",)) or not head.lower_.endswith(_PARTICIPLE_ENDINGS):
        return False  # "a beaucoup demandé": a compound past; "déplore plus de cent cas": a mistagged verb
    doc = head.doc
    for c in head.children:
        if c.dep_ != "advmod" or c.lower_ not in PARTICIPLE_DEGREES:
            continue
        if c.lower_ not in _SUPERLATIVE or (c.i > 0 and doc[c.i - 1].pos_ == "DET"):
            return True  # "très demandée"; "plus" only as a superlative, "le plus attaqué"
    return False


PRECISION_RULES = [study_finding, violence_kind, violence_count, taken_up_violence, called_to, question_asked,
                   degree_participle, held_thing, errand_trip, habitual_when, kind_judged,
                   persuaded_of, *SENSE_RULES]
