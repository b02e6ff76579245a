"""The mode of an event: asserted ("fact"), intended, demanded, hypothetical or negated.

``mode_of`` climbs from the trigger to the top of its clause and keeps the strongest cue met
(negation > demand > possibility > intention > fact): a negation, "si", a purpose "pour" (intent, unless
the act it is the goal of is told as past: ``told_done``), a
conditional or future, a governing trigger (a request demands, a promise intends, a threat makes
possible, a refusal negates, an accusation alleges), the cue words of ``event_modes.tsv``.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, head_indices, token_strings
from veille.common.fold import lower_nfc
from veille.common.lexicon import json_data
from veille.events.possibility import possibility
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.walks import subtree_of
from veille.events.words import (
    CONDITIONAL_ENDINGS,
    DE_WORDS,
    FUTURE_ENDINGS,
    FUTURE_TAGGED_ENDINGS,
    INFINITIVE_ENDINGS,
    NEAR_FUTURE,
    NEGATION_PARTICLES,
    NOMINAL_NEGATIONS,
    STRONG_NEGATIONS,
    SUBJ,
    WEAK_MODALS,
    doc_lemmas,
    doc_lowers,
    feat,
    future_stem,
    lemma,
    lower_text,
    sentence_of,
)

# Modes recorded in the article; "demanded" and "hypothetical" events are not asserted facts, and a
# denied event is no event (a denied intention is recorded as a REJECT, see coder.refusals).
RECORDED_MODES = frozenset({"fact", "intent"})
MODE_RANK = {"negated": 4, "demanded": 3, "hypothetical": 2, "intent": 1, "fact": 0}


def _stem(lem: str) -> str:
    return lem[:-1] if lem.endswith("re") else lem


def _tag(tok: Any) -> str:
    """``tok.pos_`` read off the article's column (the property looks its string up at each read)."""
    return token_strings(tok.doc, POS)[tok.i]


def is_future(tok: Any) -> bool:
    # The tagger confuses present and future ("renforçons" Fut, "livrerons" Pres): check the form.
    text, lem = lower_text(tok), lemma(tok)
    if feat(tok, "Tense") == ["Fut"] and text.endswith(FUTURE_TAGGED_ENDINGS):
        return True
    if _tag(tok) not in ("VERB", "AUX"):
        return False
    stem = _stem(lem)
    if lem.endswith(INFINITIVE_ENDINGS) and text.startswith(stem) and text[len(stem):] in FUTURE_ENDINGS:
        return True
    # an irregular stem the tagger may read as a past ("recevra", "viendront"), as for the conditional
    irregular = future_stem(lem)
    return irregular is not None and text.startswith(irregular) and text[len(irregular):] in FUTURE_ENDINGS


# Every conditional is a future stem ending in "r" + an imperfect ending ("livrerait", "ferait",
# "soutiendrait"): a form tagged conditional without that "r" is an imperfect the tagger misread
# ("il bénéficiait", "il dénonçait" read Mood=Cnd).
R_CONDITIONAL_ENDINGS = tuple("r" + e for e in CONDITIONAL_ENDINGS)


def is_conditional(tok: Any) -> bool:
    text, lem = lower_text(tok), lemma(tok)
    if feat(tok, "Mood") == ["Cnd"]:
        return text.endswith(R_CONDITIONAL_ENDINGS)
    if _tag(tok) not in ("VERB", "AUX"):
        return False
    stem = _stem(lem)
    if lem.endswith(INFINITIVE_ENDINGS) and text.startswith(stem) and text[len(stem):] in CONDITIONAL_ENDINGS:
        return True
    # an irregular stem: "soutiendrait", "recevraient" (the tagger reads them as imperfects)
    irregular = future_stem(lem)
    return irregular is not None and text.startswith(irregular) and text[len(irregular):] in CONDITIONAL_ENDINGS


@functools.lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    cal = json_data("calendar.json")
    return frozenset(lower_nfc(w) for key in ("months", "weekdays") for w in cal[key])


def _que_clause(view: ArticleView, tok: Any) -> bool:
    """A finite clause opened by "que" that cannot be a relative: the conjunction ("qu'il
    demanderait"), or a "que" whose antecedent is a date ("lundi qu'elle demanderait": no verb takes
    a weekday as its object there; a relative after a time noun is "où")."""
    for c in tok.children:
        if lemma(c) in ("que", "qu'"):
            if c.dep_ == "mark" and c.pos_ == "SCONJ":
                return True
            head = tok.head
            return view.tok_time[head.i] is not None or lemma(head) in _calendar_words()
    return False


def _speech_above(view: ArticleView, tok: Any) -> bool:
    """A speech verb governs this clause: its head, or the verb above a noun the parser hung it on
    ("a annoncé dans la nuit de lundi qu'il demanderait": the clause read as a relative of "lundi")."""
    gov = tok.head
    for _ in range(4):
        if lemma(gov) in view.lex.cue("speech"):
            return True
        if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
            return False
        gov = gov.head
    return False


def is_reported(view: ArticleView, tok: Any) -> bool:
    """A clause told by a speech verb: "a ajouté que la Pologne fournirait" (future in the past)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("ccomp", "parataxis", "advcl") and lemma(cur.head) in view.lex.cue("speech"):
            return True
        if cur.dep_ == "acl:relcl" and _que_clause(view, cur) and _speech_above(view, cur):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def is_negated(view: ArticleView, head: Any) -> bool:
    """"ne ... pas" on the trigger itself, "ne ... aucun" on its complement, or "ni ... ni ... ne"
    ("Ni X ni Y n'ont critiqué Z", "il n'a critiqué ni X ni Y": a "ni" in the sentence of a verb
    that carries "ne")."""
    kids = list(head.children)
    has_ne = any(lower_text(c) in NEGATION_PARTICLES for c in kids)
    if has_ne and _ni_negation(head):
        return True
    # "ne renoncerait à aucun de ses objectifs": the negation sits on the complement.
    doc, lemmas = head.doc, doc_lemmas(head.doc)
    deps = [doc[i] for c in kids if c.dep_ in ("obj", "obl", "obl:arg") for i in subtree_of(doc, c.i)
            if i <= c.i and lemmas[i] in NOMINAL_NEGATIONS] if has_ne else []  # (``events/walks.py``)
    return has_ne and any(lemma(c) in view.lex.cue("negation") for c in kids + deps)


def _ni_negation(verb: Any) -> bool:
    """A "ni" in the sentence of a verb that carries "ne": "Ni X ni Y n'ont critiqué Z", "il n'a
    critiqué ni X ni Y" (the parse may hang the "ni" anywhere)."""
    sent = sentence_of(verb)  # (the sentence listed once and its words' forms from the column: no Token per word)
    return "ni" in doc_lowers(verb.doc)[sent.start:sent.end]


def _said_of_event(view: ArticleView, cand: Candidate, cur: Any, head: Any) -> bool:
    """An event noun subject of a negated predicate that is no verb of happening: "la saisie n'est
    pas la première", "les négociations n'ont pas été faciles" deny something of an event that did
    happen; "la rencontre n'a pas eu lieu" denies the event (``occur`` cues)."""
    return (cand.trigger.kind == "noun" and head.head.i == cur.i and head.dep_ in SUBJ
            and lemma(cur) not in view.lex.cue("occur"))


def _determined(noun: Any) -> bool:
    """A definite, demonstrative or possessive determiner on the noun: "l'agression", "cette
    agression", "leur refus" (not "une", "des", "aucune")."""
    return any(c.dep_ == "det" and (feat(c, "Definite") == ["Def"] or feat(c, "PronType") == ["Dem"]
                                    or feat(c, "Poss") == ["Yes"]) for c in noun.children)


def presupposed(view: ArticleView, cand: Candidate, cur: Any, head: Any, trigger_heads: dict[int, Candidate]) -> str:
    """An event noun taken as given by the clause of a negated verb that does not do it: a
    determined noun ("l'", "cette", "leur") in a nominal complement of a verb that is no support,
    happening, partaking nor trigger verb ("Le vieux cheval ne s'est jamais remis de cette agression",
    "La mairie ignore toujours leurs requêtes", "Après l'assassinat du gardien, les enquêteurs
    n'excluent pas un lien avec un vol", invented):
    the negation bears on the verb's act, the noun's event took place. Returns the dependency the
    noun's phrase takes under ``cur`` ("" when the noun is not presupposed)."""
    if cand.trigger.kind not in ("noun", "phrase") or cur.i == head.i or cur.i in trigger_heads or head.pos_ != "NOUN":
        return ""
    lc = lemma(cur)
    if lc in view.lex.cue("light") or lc in view.lex.cue("occur") or lc in view.lex.cue("partake"):
        return ""
    if not _determined(head):
        return ""
    step = head
    for _ in range(4):
        if step.head.i == cur.i:
            return step.dep_ if step.dep_ in ("obj", "obl", "obl:arg", "obl:mod", "iobj") else ""
        if step.head.i == step.i or step.head.pos_ not in ("NOUN", "PROPN"):
            return ""
        step = step.head
    return ""


def _pledge_of(view: ArticleView, tok: Any, trigger_heads: dict[int, Candidate]) -> bool:
    """An agreement or a commitment whose purpose clause is its content."""
    gov = trigger_heads.get(tok.i)
    if gov is not None and (gov.trigger.type in ("AGREE", "CONSULT") or gov.trigger.absorb):
        return True
    return view.is_cue(tok, "intent")


# The dependents of a governing trigger that do its act rather than tell its content.
DOER_DEPS = frozenset({"nsubj", "obl:agent"})


def reduced_relative(tok: Any) -> bool:
    """A participle set off by a comma after the noun it qualifies, a relative clause without
    "qui": "la pétition, soutenue par X, …". Like a relative clause it has a mode of its own: the
    request or threat the noun stands in does not govern it ("réclame des armes livrées d'ici
    juin", without the comma, keeps the demand)."""
    return tok.dep_ == "acl" and feat(tok, "VerbForm") == ["Part"] and tok.head.i < tok.i - 1 \
        and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.doc[tok.i - 1].text == ","


class _Climb:
    """The strongest mode met so far while climbing from a trigger (and whether a demand was met)."""

    def __init__(self) -> None:
        self.mode = "fact"
        self.demanded = False
        self.alleged = False  # the content of an accusation ("accuse X d'avoir menacé Y")
        self.noun_clause = False  # climbed out of a "de" + infinitive clause the parse hung on a noun

    def bump(self, m: str) -> None:
        self.demanded = self.demanded or m == "demanded"
        if MODE_RANK[m] > MODE_RANK[self.mode]:
            self.mode = m


def _dependents(view: ArticleView, cand: Candidate, cur: Any, head: Any, first_finite: Any,
                trigger_heads: dict[int, Candidate], climb: _Climb) -> None:
    """Cues among the dependents of one step of the climb: negation, "si", "pour", auxiliaries."""
    # Children read as indices off the article's columns: a Token only for an auxiliary.
    doc = cur.doc
    children, deps = child_indices(doc), token_strings(doc, DEP)
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    kids = children[cur.i]
    has_ne = not NEGATION_PARTICLES.isdisjoint(map(lowers.__getitem__, kids))  # (tested in C: no generator step per child)
    # "aucun soldat ne serait envoyé": the negation sits on the subject or the object.
    nominal_neg = [g for c in kids if deps[c] in ("nsubj", "nsubj:pass", "obj") for g in children[c]
                   if deps[g] == "det" and lemmas[g] in NOMINAL_NEGATIONS] if has_ne else []
    given = presupposed(view, cand, cur, head, trigger_heads) if has_ne else ""
    for c in kids + nominal_neg:
        lc = lemmas[c]
        if deps[c] in ("advmod", "det", "mark", "case") and lc in view.lex.cue("negation"):
            if lc in STRONG_NEGATIONS or has_ne:
                if cur.i != head.i and lemma(cur) in view.lex.cue("negverb"):
                    if given == "obl:mod":
                        continue  # "Après l'assassinat du gardien, les enquêteurs n'excluent pas …": it took place
                    # "n'exclut pas de livrer": a refusal denied leaves the act possible
                    climb.bump("hypothetical")
                elif (first_finite is None or cur.i == first_finite.i) and not _said_of_event(view, cand, cur, head) \
                        and not given:
                    climb.bump("negated")
        if deps[c] == "mark" and lc in view.lex.cue("condition"):
            climb.bump("hypothetical")
    if has_ne and (first_finite is None or cur.i == first_finite.i) and _ni_negation(cur) \
            and not _said_of_event(view, cand, cur, head) and not given:
        climb.bump("negated")
    for ci in kids:
        lc, dep = lemmas[ci], deps[ci]
        if (dep == "mark" and lc in view.lex.cue("purpose") and feat(cur, "VerbForm") == ["Inf"]
                and not any(deps[x] == "aux:tense" for x in kids)
                and cand.trigger.type != "CONSULT" and not _pledge_of(view, cur.head, trigger_heads)
                and not told_done(cur.head)):
            # "se sont rassemblés pour exiger sa démission": the goal the agent acts for is what it
            # intends (a planned act, as "prêt à"), not a mere possibility ("pour avoir livré" is a
            # cause); "se rendre à Paris pour rencontrer X": the trip is that meeting, and
            # "se mettre d'accord pour accorder un prêt": the agreement's content.
            climb.bump("intent")
        if not dep.startswith("aux"):
            continue
        c = doc[ci]
        conditional = is_conditional(c)  # (asked once: a pure test of the auxiliary)
        if lc in view.lex.cue("expect") and conditional:
            climb.bump("hypothetical")  # "devrait se réunir": a forecast, even in reported speech
        if conditional:
            climb.bump("intent" if is_reported(view, cur) else "hypothetical")
        if is_future(c):
            climb.bump("intent")
        if lc in NEAR_FUTURE and feat(cur, "VerbForm") == ["Inf"]:
            climb.bump("intent")


def _verb_step(view: ArticleView, cand: Candidate, cur: Any, prev: Any, head: Any,
               trigger_heads: dict[int, Candidate], climb: _Climb) -> None:
    """Cues of a verb on the climb: conditional, future, an obligation to commit."""
    doc = cur.doc
    deps, lemmas = token_strings(doc, DEP), doc_lemmas(doc)
    kids = child_indices(doc)[cur.i]  # (indices: no Token per child)
    if is_conditional(cur):
        # In reported speech the conditional is the future seen from the past.
        expect = cur.i != head.i and lemma(cur) in view.lex.cue("expect")
        climb.bump("intent" if is_reported(view, cur) and not expect else "hypothetical")
    # "les alliés doivent s'engager à": an obligation to commit is a demand, not a pledge.
    obliged = lemma(cur) in view.lex.cue("obligation") or any(
        deps[c].startswith("aux") and lemmas[c] in view.lex.cue("obligation") for c in kids)

    def pledge(t: Any) -> bool:
        return (view.is_cue(t, "intent") or (t.i == head.i and cand.trigger.absorb)
                or (t.i in trigger_heads and trigger_heads[t.i].trigger.absorb))

    if obliged and (pledge(cur) or (cur.i != head.i and pledge(prev))) and not is_conditional(cur):
        climb.bump("demanded")
    if is_future(cur):
        climb.bump("intent")


def told_done(verb: Any) -> bool:
    """The verb a goal clause hangs on tells its act as past: a compound past, an imperfect, a simple
    past ("Les douaniers de Valdor ont bloqué le port afin de saisir une cargaison", "Le comité Aube
    écrivait chaque semaine au préfet pour réclamer un local", invented). The goal of an act told as done is told as done with it, a fact
    (the team's gold on four dev sites); a present, a future or a present passive ("Des équipes sont
    lancées pour arrêter les suspects") keeps the goal an intent."""
    if _tag(verb) not in ("VERB", "AUX") or is_conditional(verb):
        return False
    kids = list(verb.children)
    if any(c.dep_ == "aux:tense" for c in kids):
        return True
    if feat(verb, "VerbForm") == ["Fin"]:
        return feat(verb, "Tense") in (["Imp"], ["Past"])
    return feat(verb, "VerbForm") == ["Part"] and any(
        c.dep_ == "aux:pass" and feat(c, "Tense") in (["Imp"], ["Past"]) and not is_conditional(c) for c in kids)


def _purpose_adverb(view: ArticleView, cand: Candidate, cur: Any, prev: Any,
                    trigger_heads: dict[int, Candidate]) -> bool:
    """"afin de" + infinitive, which the parser hangs on the adverb "afin": a goal the agent acts
    for, as "pour" + infinitive is (``_dependents``): "Le syndicat a manifesté afin d'exiger sa
    démission" is an intent, as "pour exiger" is, not a mere possibility."""
    return (_tag(cur) == "ADV" and lemma(cur) in view.lex.cue("purpose") and prev.pos_ == "VERB"
            and feat(prev, "VerbForm") == ["Inf"] and not any(x.dep_ == "aux:tense" for x in prev.children)
            and cand.trigger.type != "CONSULT" and not _pledge_of(view, cur.head, trigger_heads)
            and not told_done(cur.head))


def _noun_clause(cur: Any) -> bool:
    """A "de" + infinitive clause the parse hung on a noun ("accuse la société d'avoir menacé")."""
    if cur.dep_ != "acl" or cur.pos_ != "VERB" or cur.head.pos_ not in ("NOUN", "PROPN"):
        return False
    heads = [cur, *(c for c in cur.children if c.dep_.startswith("aux"))]  # "d'" may hang on "avoir"
    return any(c.dep_ == "mark" and lemma(c) in DE_WORDS for h in heads for c in h.children)


def alleged_of_object(view: ArticleView, cur: Any, prev: Any, climb: _Climb) -> bool:
    """The act an accusation blames its object or addressee for, when the parse hung the "d'avoir"
    clause on that noun: "Le syndicat Forge accuse la société Ombrel d'avoir menacé les grévistes",
    "Le parti Aube reproche à la ministre Léa Tamar d'avoir arrêté des opposants" (invented). The
    noun must name a party: "condamne la décision de Y d'envoyer des troupes" keeps the decision's."""
    if not (climb.noun_clause and prev.dep_ in ("obj", "obl:arg", "iobj") and prev.head.i == cur.i):
        return False
    named = [prev, *(c for c in prev.children if c.dep_ in ("appos", "flat:name", "nmod") and c.pos_ == "PROPN")]
    return any(view.tok_entity[t.i] is not None for t in named)


def _own_participle(prev: Any, cur: Any) -> bool:
    """A present participle (or gerund) adverbial hung on ``cur`` itself."""
    return (prev.dep_ == "advcl" and prev.head.i == cur.i and prev.pos_ == "VERB"
            and lower_text(prev).endswith(("ant", "ants")) and feat(prev, "VerbForm") != ["Inf"])


def _governor_step(view: ArticleView, cand: Candidate, cur: Any, prev: Any,
                   trigger_heads: dict[int, Candidate], climb: _Climb) -> None:
    """A word above the trigger: another trigger governing it, or a cue of intent or possibility."""
    lc = lemma(cur)
    gov = trigger_heads.get(cur.i)
    if gov is not None and _own_participle(prev, cur):
        # "Condamnant l'attaque, X a appelé au calme", "X a appelé au calme en condamnant l'attaque":
        # a present participle on the governing act is its doer's other act, not its content
        return
    if gov is not None and prev.dep_ in DOER_DEPS:
        # "les frappes menacent la trêve", "menacée par les frappes": an event doing the governing
        # act is its doer, not its content (the strikes took place); what governs that act still
        # counts, higher up the climb
        return
    if gov is not None:
        if gov.trigger.type == "REQUEST":
            climb.bump("demanded")
            cand.governor = cur.i
        elif gov.trigger.absorb:
            climb.bump("intent")
            cand.governor = cur.i
        elif gov.trigger.type == "THREATEN":
            climb.bump("hypothetical")
        elif gov.trigger.type == "REJECT":
            climb.bump("negated")  # "a refusé de signer": the refusal is the event
            cand.rejected = True
        elif gov.trigger.type == "ACCUSE" and (prev.pos_ in ("VERB", "AUX") and prev.dep_ in (
                "xcomp", "acl", "advcl", "ccomp", "obl:arg") or alleged_of_object(view, cur, prev, climb)):
            # "accuse X d'avoir déployé": the accusation is the event, the act alleged.
            climb.bump("hypothetical")
            climb.alleged = True
    offered = prev.i == cand.head and prev.dep_ == "obj" and view.is_cue(cur, "offer")  # "a offert son soutien"
    if (view.is_cue(cur, "intent") and not offered) or _purpose_adverb(view, cand, cur, prev, trigger_heads):
        climb.bump("intent")
    elif lc in view.lex.cue("hypothetical"):
        if lc not in WEAK_MODALS or is_conditional(cur) or any(is_conditional(c) for c in cur.children):
            climb.bump("hypothetical")
    if possibility(cur, prev, cur.doc[cand.head]):
        climb.bump("hypothetical")  # "peuvent s'unir", "il faut frapper": events/possibility.py


def mode_of(view: ArticleView, cand: Candidate, trigger_heads: dict[int, Candidate]) -> str:
    """The mode of a candidate; also sets ``cand.governor`` and ``cand.rejected``."""
    doc = view.doc
    head = doc[cand.head]
    # (tags, labels, heads and lemmas of the climb read from the article's columns: a Token per step only)
    kids, deps, tags, heads, lemmas = (child_indices(doc), token_strings(doc, DEP), token_strings(doc, POS),
                                       head_indices(doc), doc_lemmas(doc))
    climb = _Climb()
    cur = head
    prev = head
    first_finite = None
    steps = 0
    while steps < 8:
        steps += 1
        at, pos, dep = cur.i, tags[cur.i], deps[cur.i]
        # a verb trigger the tagger misread ("auraient violé" as an adverb) is read as the verb it is
        misread = (at == head.i and cand.trigger.kind == "verb" and not cand.trigger.adj
                   and pos not in ("VERB", "AUX", "ADJ"))
        if pos in ("VERB", "AUX", "NOUN", "ADJ") or misread:
            _dependents(view, cand, cur, head, first_finite, trigger_heads, climb)
            if pos in ("VERB", "AUX") or misread:
                _verb_step(view, cand, cur, prev, head, trigger_heads, climb)
                if first_finite is None and (feat(cur, "VerbForm") == ["Fin"] or any(
                        deps[c].startswith("aux") for c in kids[at])):
                    first_finite = cur
        if at != head.i:
            _governor_step(view, cand, cur, prev, trigger_heads, climb)
        # (``_noun_clause`` and ``reduced_relative`` hold of an "acl" only: asked of no other step)
        climb.noun_clause = climb.noun_clause or (dep == "acl" and _noun_clause(cur))
        if dep in ("acl:relcl", "parataxis") or heads[at] == at or (dep == "acl" and reduced_relative(cur)):
            break
        if dep == "conj" and pos == "VERB" and first_finite is not None:
            break  # a coordinated clause has its own mode
        if dep == "ccomp" and lemmas[heads[at]] in view.lex.cue("speech"):
            break
        prev = cur
        cur = doc[heads[at]]
    mode = climb.mode
    if mode == "negated" and climb.demanded:
        return "demanded"  # "demander de ne pas livrer": a demand, not a refusal
    if cand.trigger.neg_type and mode == "negated":
        # "n'a pas l'intention de démissionner": the negation of the intent is the trigger's own
        cand.negated = True
        return "fact"
    if cand.trigger.type == "THREATEN" and mode != "negated" and not climb.alleged:
        return "fact"  # a threat is about a possible future; the threat itself is made (unless alleged)
    return mode
