"""An event's target: ``VERB_TARGET_RULES`` for a verb trigger, ``NOUN_TARGET_RULES`` for an event
noun; the first rule that finds one wins. Each rule is named and has an invented example.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import child_indices, token_strings
from veille.common.fold import lower_nfc
from veille.events.actors import Actor, entity_actor, resolve
from veille.events.agents import headline_participle
from veille.events.argument_words import GERUND_MARKS
from veille.events.clause_bearer import bearer_above
from veille.events.demands import request_clauses
from veille.events.passive_series import passive_series_bearer
from veille.events.roles import Roles, detached_participle, members_target, target_np, threatened_party
from veille.events.trailing_patient import trailing_patient
from veille.events.view import agent, case, doc_cases, passive
from veille.events.walks import children_with, has_child
from veille.events.words import (
    BETWEEN_PREPS,
    CLAUSE_TARGET_TYPES,
    LOCATED_PREPS,
    MUTUAL_TYPES,
    SUBJ,
    feat,
    lemma,
    lower_text,
)

# ------------------------------------------------------------------------------------------------
# An event's target


def _obliques(r: Roles, tok: Any, label: str) -> list[Actor]:
    """Targets among a token's obliques with a target preposition of the event's type."""
    trig = r.cand.trigger
    preps = r.view.lex.target_preps.get(trig.type, set())
    out: list[Actor] = []
    doc = tok.doc
    deps = token_strings(doc, DEP)  # (children as indices: a Token only for an oblique)
    for ci in child_indices(doc)[tok.i]:
        if deps[ci].startswith("obl") or deps[ci] in ("nmod", "iobj"):
            c = doc[ci]
            prep = case(c)
            if prep in preps:
                found = target_np(r.view, c, trig, prep)
                out.extend(found)
                r.target_labels.update((a.token, f"{label}:{prep}") for a in found)
    return out


def receiver_subject(r: Roles) -> tuple[list[Actor], str] | None:
    """A receiving verb's subject is the target: "L'Ukraine a reçu des obus de la Finlande." -> Ukraine.

    It decides alone, even when it finds nobody."""
    if not r.cand.trigger.recv:
        return None
    out: list[Actor] = []
    for c in r.head.children:
        if c.dep_ in SUBJ:
            out.extend(resolve(r.view, c, with_conj=False))
    return out, "receiver-subject"


def feeling_cause(r: Roles) -> tuple[list[Actor], str] | None:
    """A verb whose object feels the concern (``feel=1``) is about the actor its subject names: "Les
    violences en Valdonie inquiètent le comité." -> Valdonie. It decides alone, even with nobody."""
    if not r.cand.trigger.feel:
        return None
    source = r.source.actor
    for c in r.head.children:
        if c.dep_ not in ("nsubj", "obl:agent") and case(c) != "par":
            continue
        for t in c.subtree:
            ent = r.view.tok_entity[t.i]
            actor = entity_actor(r.view, ent, t.i) if ent is not None else None
            if actor is not None and (source is None or actor.name != source.name):
                return [actor], "feeling-cause"
    return [], "feeling-cause"


def adjective_cause(r: Roles) -> tuple[list[Actor], str] | None:
    """A feeling adjective read as a passive is about the actor its "par" phrase names: "Le syndicat
    Alpha est indigné par la décision de Paul Durand." -> Paul Durand (none named: no target)."""
    if not (r.cand.trigger.adj and passive(r.head)):
        return None
    by = agent(r.head)
    source = r.source.actor
    for t in by.subtree if by is not None else ():
        ent = r.view.tok_entity[t.i]
        actor = entity_actor(r.view, ent, t.i) if ent is not None else None
        if actor is not None and (source is None or actor.name != source.name):
            return [actor], "adjective-cause"
    return [], "adjective-cause"


def object_or_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """The object of a verb whose object is a party, and its obliques with the type's prepositions:
    "La Bolivie a accusé le Pérou." -> Pérou; "Le Togo a livré du riz au Bénin." -> Bénin."""
    view, head, trig = r.view, r.head, r.cand.trigger
    out: list[Actor] = []
    is_passive = passive(head)
    headline = headline_participle(head)
    if trig.type in view.lex.object_target_types or trig.obj_actor:
        for c in head.children:
            if lower_text(c) == "où":
                continue  # "la salle où Paul Durand s'en est pris à Lina Varga": a place, never a party
            # "accuser X de ...": the parser may read the named object as an xcomp; "a critiqué
            # Montvert" as an oblique without preposition.
            named = c.pos_ == "PROPN" and view.entity_at(c) is not None
            named_xcomp = c.dep_ == "xcomp" and named
            bare_oblique = c.dep_ == "obl:arg" and named and case(c) is None
            undergoer = (is_passive and c.dep_ == "nsubj:pass") or (headline and c.dep_ == "nsubj")
            if c.dep_ in ("obj", "iobj") or undergoer or named_xcomp or bare_oblique:
                found = target_np(view, c, trig)
                out.extend(found)
                r.target_labels.update((a.token, "obj") for a in found)
    out.extend(_obliques(r, head, "obl"))
    return (out, "object-or-oblique") if out else None


def participle_bearer(r: Roles) -> tuple[list[Actor], str] | None:
    """A detached past participle is undergone by its clause's subject: "Critiqué pour sa gestion,
    le ministre Paul Durand a démissionné." -> ACCUSE (unnamed) -> Paul Durand."""
    if r.cand.trigger.type not in r.view.lex.object_target_types or not detached_participle(r.head):
        return None
    out = [a for c in r.head.head.children if c.dep_ in SUBJ for a in resolve(r.view, c)]
    return (out, "participle-bearer") if out else None


def described_noun(r: Roles) -> tuple[list[Actor], str] | None:
    """A past participle describing a noun is undergone by what the noun names: "La flotte
    moldave ciblée en mer Noire." -> Moldavie; "le journaliste arrêté par la police" (unnamed)."""
    head = r.head
    if r.cand.trigger.type not in r.view.lex.object_target_types or head.dep_ not in ("acl", "amod"):
        return None
    if head.head.pos_ not in ("NOUN", "PROPN") or feat(head, "VerbForm") != ["Part"] or feat(head, "Tense") == ["Pres"]:
        return None
    if any(c.dep_.startswith("aux") or c.dep_ in SUBJ or c.dep_ == "obj" for c in head.children):
        return None
    source = r.source.actor
    noun = head.head
    found = resolve(r.view, noun, with_conj=False)
    if not found and noun.dep_ == "appos":
        # "Lina Varga, ancienne ministre accusée de fraude": the title in apposition is the person's.
        found = resolve(r.view, noun.head, with_conj=False)
    out = [a for a in found if source is None or a.name != source.name]
    return (out, "described-noun") if out else None


def passive_controller(r: Roles) -> tuple[list[Actor], str] | None:
    """A passive infinitive without a subject of its own is undergone by the subject of the clause
    it hangs on (or the noun its participle clause describes): "Paul Durand, hospitalisé après avoir
    été frappé par Marc Lenoir, a porté plainte." -> Paul Durand."""
    head = r.head
    if r.cand.trigger.type not in r.view.lex.object_target_types or not passive(head):
        return None
    if has_child(head, SUBJ):
        return None
    if not any(c.dep_.startswith("aux") and feat(c, "VerbForm") == ["Inf"] for c in head.children):
        return None  # "après avoir été frappé", "pour être interrogé": an infinitive
    return bearer_above(r, head, _describes_noun, "passive-controller")


def _describes_noun(cur: Any, up: Any) -> bool:
    """"Paul Durand, hospitalisé après avoir été frappé": the participle clause describes the name."""
    return cur.dep_ in ("acl", "amod", "appos") and up.pos_ in ("NOUN", "PROPN")


def gerund_beneficiary(r: Roles) -> tuple[list[Actor], str] | None:
    """Aid given by a gerund goes to the party the verb it hangs on helps: "Le Chili a soutenu le
    Pérou en débloquant une aide." -> Pérou."""
    if r.cand.trigger.type != "AID":
        return None
    verb = r.head if r.verbal else r.gov
    if verb is None or feat(verb, "VerbForm") != ["Part"] or verb.head.i == verb.i:
        return None
    if not any(c.dep_ in ("mark", "case") and lower_text(c) in GERUND_MARKS for c in verb.children):
        return None
    source = r.source.actor
    out = [a for c in verb.head.children if c.dep_ == "obj" for a in resolve(r.view, c)
           if source is None or a.name != source.name]
    return (out, "gerund-beneficiary") if out else None


def clause_subject(r: Roles) -> tuple[list[Actor], str] | None:
    """A request or a reproach bearing on what someone else does or did names that party as the
    subject of its "que" clause: "La Lettonie souhaite que la Suède livre des chars." -> Suède;
    "Le comité regrette que la France n'ait pas répondu." -> France."""
    if r.cand.trigger.type not in CLAUSE_TARGET_TYPES:
        return None
    for c in request_clauses(r.head):
        for s in c.children:
            if s.dep_ in SUBJ and r.view.tok_time[s.i] is None:
                out = [a for a in resolve(r.view, s) if r.source.actor is None or a.name != r.source.actor.name]
                if out:
                    r.target_labels.update((a.token, "clause-subject") for a in out)
                    return out, "clause-subject"
    return None


def phrase_part(r: Roles) -> tuple[list[Actor], str] | None:
    """The party hangs on another word of a phrase trigger: "Le Kenya a mis en garde l'Ouganda."."""
    view, trig = r.view, r.cand.trigger
    if not (trig.kind == "phrase" and trig.type in view.lex.object_target_types):
        return None
    out: list[Actor] = []
    for i in r.cand.tokens:
        for c in view.doc[i].children if i != r.head.i else ():
            if c.dep_ in ("nmod", "obj") and c.i not in r.cand.tokens and case(c) is None:
                out.extend(target_np(view, c, trig))
    return (out, "phrase-part") if out else None


def raised_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """The parser hung the recipient on the governing verb: "Le Ghana va fournir du riz au Togo."."""
    head = r.head
    if not (head.dep_ == "xcomp" and head.head.pos_ == "VERB"):
        return None
    preps = r.view.lex.target_preps.get(r.cand.trigger.type, set())
    out: list[Actor] = []
    for c in head.head.children:
        prep = case(c)
        if c.dep_.startswith("obl") and prep in preps:
            out.extend(target_np(r.view, c, r.cand.trigger, prep))
    return (out, "raised-oblique") if out else None


def object_partner(r: Roles) -> tuple[list[Actor], str] | None:
    """The partner hangs on the object: "Le Chili a signé un accord avec le Pérou." -> Pérou (also
    on an oblique of a meeting: "... par téléphone avec X")."""
    view, trig = r.view, r.cand.trigger
    preps = view.lex.target_preps.get(trig.type, set())
    out: list[Actor] = []
    doc = r.head.doc
    kids, deps, cases = child_indices(doc), token_strings(doc, DEP), doc_cases(doc)  # (a Token for a party only)
    for o in kids[r.head.i]:
        if deps[o] != "obj" and not (deps[o].startswith("obl") and trig.type in ("CONSULT", "COOPERATE")):
            continue
        for c in kids[o]:
            prep = cases[c]
            if deps[c] == "nmod" and prep in preps and prep not in view.lex.cue("place"):
                out.extend(target_np(view, doc[c], trig, prep))
            elif deps[c] == "nmod" and prep in preps and trig.type in ("SANCTION", "AID"):
                # "des sanctions à la Corée du Nord": a country or body, never a city.
                out.extend(a for a in target_np(view, doc[c], trig, prep)
                           if a.kind != "LOC" or a.entity in view.lex.countries)
    return (out, "object-partner") if out else None


def threatened(r: Roles) -> tuple[list[Actor], str] | None:
    """The party of the threatened act: "Le Mali a menacé de sanctionner le Niger." -> Niger."""
    if r.cand.trigger.type != "THREATEN":
        return None
    out = threatened_party(r.view, r.head, r.source.actor)
    return (out, "threatened-party") if out else None


def refused_party(r: Roles) -> tuple[list[Actor], str] | None:
    """The party of the refused act: "Le Mali refuse de laisser le Niger siéger." -> Niger;
    "Le Chili a refusé de rencontrer le Pérou." -> Pérou."""
    if r.cand.trigger.type != "REJECT" or not r.verbal:
        return None
    out = threatened_party(r.view, r.head, r.source.actor)
    return (out, "refused-party") if out else None


def addressed_members(r: Roles) -> tuple[list[Actor], str] | None:
    """Members addressed by the body's head: "Le chef de l'alliance a appelé les alliés à ..."
    -> the alliance."""
    if r.source.actor is None:
        return None
    out = members_target(r.view, r.head, r.source.actor)
    return (out, "members") if out else None


def aid_goods_recipient(r: Roles) -> tuple[list[Actor], str] | None:
    """The recipient hangs inside the goods: "Le Chili a fait don de deux avions au Pérou." -> Pérou."""
    if r.cand.trigger.type != "AID":
        return None
    preps = r.view.lex.target_preps.get("AID", set())
    for t in r.head.subtree:
        if t.dep_ == "nmod" and case(t) in preps and t.head.i != r.head.i:
            out = target_np(r.view, t, r.cand.trigger, case(t))
            return (out, "aid-goods-recipient") if out else None
    return None


def noun_patient(r: Roles) -> tuple[list[Actor], str] | None:
    """Patients inside the event noun (``noun_roles``): "l'accord entre le Chili et le Pérou" -> Pérou."""
    return (list(r.noun_targets), "noun:patient") if r.noun_targets else None


def noun_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """An event noun's complement with the type's preposition: "l'aide du Chili au Pérou" -> Pérou
    (also "en X" for aid and attacks: "l'offensive en Casamance")."""
    view, trig = r.view, r.cand.trigger
    preps = view.lex.target_preps.get(trig.type, set())
    out: list[Actor] = []
    doc = r.head.doc
    deps, cases = token_strings(doc, DEP), doc_cases(doc)  # (the children's columns: a Token for a party only)
    for c in child_indices(doc)[r.head.i]:
        if deps[c] in ("nmod", "obl", "obl:arg", "acl"):
            prep = cases[c]
            if prep in preps or (trig.type in ("AID", "ASSAULT") and prep in LOCATED_PREPS):
                out.extend(target_np(view, doc[c], trig, prep))
    return (out, "noun-oblique") if out else None


def participle_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """The place visited hangs on the participle that describes a meeting noun: "la visite
    effectuée en Moldavie par Paul Durand" -> Moldavie (other acts' participles are not read: "le
    soutien apporté à X par des livraisons" is too often misparsed)."""
    if r.cand.trigger.type != "CONSULT":
        return None
    out: list[Actor] = []
    for c in r.head.children:
        if c.dep_ == "acl" and c.pos_ == "VERB" and feat(c, "VerbForm") == ["Part"]:
            out.extend(_obliques(r, c, "participle"))
    source = r.source.actor
    out = [a for a in out if source is None or a.name != source.name]
    return (out, "participle-oblique") if out else None


def during_adverb(r: Roles) -> tuple[list[Actor], str] | None:
    """An event noun under "lors": "lors d'un appel avec le Pérou" -> Pérou."""
    view, head = r.view, r.head
    if not (head.head.pos_ == "ADV" and lemma(head.head) in view.lex.cue("during")):
        return None
    preps = view.lex.target_preps.get(r.cand.trigger.type, set())
    out: list[Actor] = []
    for c in head.head.children:
        prep = case(c)
        if c.i != head.i and prep in preps:
            out.extend(target_np(view, c, r.cand.trigger, prep))
    return (out, "during-adverb") if out else None


def goods_complement(r: Roles) -> tuple[list[Actor], str] | None:
    """The recipient hangs on the goods: "l'envoi d'armes au Pérou" -> Pérou."""
    view, trig = r.view, r.cand.trigger
    preps = view.lex.target_preps.get(trig.type, set())
    out: list[Actor] = []
    doc = r.head.doc
    kids, deps = child_indices(doc), token_strings(doc, DEP)  # (indices: a Token only under a "nmod")
    for ci in kids[r.head.i]:
        for cc in [doc[k] for k in kids[ci]] if deps[ci] == "nmod" else ():
            prep = case(cc)
            if cc.dep_ == "nmod" and (prep in preps or (trig.type == "AID" and prep in LOCATED_PREPS)):
                out.extend(target_np(view, cc, trig, prep))
    return (out, "goods-complement") if out else None


def between_nouns(r: Roles) -> tuple[list[Actor], str] | None:
    """The recipient hangs on a noun between the event noun and its support verb: "Le Chili a
    annoncé un paquet d'aide militaire pour le Pérou." -> Pérou."""
    if r.gov is None:
        return None
    preps = r.view.lex.target_preps.get(r.cand.trigger.type, set())
    out: list[Actor] = []
    mid = r.head.head
    while not out and mid.i != r.gov.i and mid.pos_ in ("NOUN", "ADJ") and mid.head.i != mid.i:
        for c in mid.children:
            prep = case(c)
            if c.dep_ in ("nmod", "obl", "obl:arg") and c.i != r.head.i and prep in preps:
                out.extend(target_np(r.view, c, r.cand.trigger, prep))
        mid = mid.head
    return (out, "between-nouns") if out else None


def support_verb_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """The support verb's oblique: "Le Chili a rendu visite au Pérou." -> Pérou."""
    if r.gov is None:
        return None
    preps = r.view.lex.target_preps.get(r.cand.trigger.type, set())
    out: list[Actor] = []
    for c in r.gov.children:
        if c.dep_.startswith("obl") or c.dep_ == "iobj":
            prep = case(c)
            if prep in preps:
                out.extend(target_np(r.view, c, r.cand.trigger, prep))
    return (out, "support-verb-oblique") if out else None


def support_verb_object(r: Roles) -> tuple[list[Actor], str] | None:
    """The support verb's object is the party: "La police a placé Marc Dubois en détention." ->
    Marc Dubois; "Le Chili a mis le Pérou en garde." -> Pérou."""
    if r.gov is None or r.cand.trigger.type not in r.view.lex.object_target_types:
        return None
    out: list[Actor] = []
    for c in r.gov.children:
        if c.dep_ in ("obj", "iobj") and c.i != r.head.i:
            out.extend(target_np(r.view, c, r.cand.trigger))
    return (out, "support-verb-object") if out else None


def mutual_partner(r: Roles) -> tuple[list[Actor], str] | None:
    """A mutual act's other party is coordinated with its doer: "Le Chili et le Pérou ont signé un
    accord." -> Chili with Pérou (meetings, agreements, cooperation)."""
    if r.cand.trigger.type not in MUTUAL_TYPES or r.source.actor is None:
        return None
    subjects = children_with(r.head, SUBJ)
    out = [a for c in subjects for a in resolve(r.view, c) if a.name != r.source.actor.name]
    return (out, "mutual-partner") if out else None


# Stances taken on a pact: its parties are the ones judged.
STANCE_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def pact_parties(r: Roles) -> tuple[list[Actor], str] | None:
    """A stance on what two parties do together is a stance on each: "Paul Durand a dénoncé
    l'alliance entre le Parti vert et le Parti bleu." -> Parti vert, Parti bleu (also one level
    down: "la formation d'une alliance entre X et Y")."""
    if r.cand.trigger.type not in STANCE_TYPES:
        return None
    objs = [c for c in r.head.children if c.dep_ == "obj" and c.pos_ == "NOUN"]
    if not objs:
        return None
    # "entre X et Y" on the object, on its "de" noun, or hung by the parser on the verb itself.
    holders = [r.head, *objs, *(c for o in objs for c in o.children if c.dep_ == "nmod" and c.pos_ == "NOUN")]
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("nmod", "obl:arg", "obl:mod") and case(c) in BETWEEN_PREPS:
                parties = resolve(r.view, c)
                if len(parties) >= 2:
                    return parties, "pact-parties"
    return None


TargetRule = Callable[[Roles], "tuple[list[Actor], str] | None"]
# Prepositions the parser reads as a verb with an object ("solidarité envers le Maroc": "envers"
# tagged as a verb whose object is "Maroc").
VERB_READ_PREPS = frozenset({"envers"})


def preposition_read_as_verb(r: Roles) -> tuple[list[Actor], str] | None:
    """A target after a preposition the parser took for a verb, hung on the trigger or on its
    support verb: "Ana Ruiz a exprimé sa solidarité envers la Moldavie." -> Moldavie."""
    view, trig = r.view, r.cand.trigger
    preps = view.lex.target_preps.get(trig.type, set())
    if preps.isdisjoint(VERB_READ_PREPS):
        return None  # (no such preposition takes this type's targets: no child to read)
    holders = [r.head] + ([r.gov] if r.gov is not None else []) + (
        [r.head.head] if r.head.dep_ == "obj" and r.head.head.i != r.head.i else [])
    out: list[Actor] = []
    for holder in holders:
        for c in holder.children:
            word = lower_nfc(c.text)
            if word in VERB_READ_PREPS and word in preps and c.i > r.head.i:
                for o in c.children:
                    if o.dep_ in ("obj", "nmod", "obl", "obl:arg"):
                        out.extend(target_np(view, o, trig, word))
    source = r.source.actor
    out = [a for a in out if source is None or lower_nfc(a.name) != lower_nfc(source.name)]
    return (out, "preposition-read-as-verb") if out else None


# "avec le soutien de X", "grâce à l'appui de X": the backing is given to the clause's subject.
BACKED_BY_PREPS = frozenset({"avec", "grâce", "grâce à"})


def backed_subject(r: Roles) -> tuple[list[Actor], str] | None:
    """Support named as the means of what the clause's subject does or undergoes goes to that
    subject: "Ana Ruiz a été élue avec le soutien du Parti vert." -> Ana Ruiz (the Parti vert,
    the noun's "de" complement, is the source)."""
    head = r.head
    if r.verbal or r.cand.trigger.type != "SUPPORT" or not head.dep_.startswith("obl"):
        return None
    if lower_nfc(case(head) or "") not in BACKED_BY_PREPS or head.head.pos_ not in ("VERB", "AUX"):
        return None
    out: list[Actor] = []
    for c in head.head.children:
        if c.dep_ in ("nsubj", "nsubj:pass"):
            out.extend(resolve(r.view, c, with_conj=False))
    source = r.source.actor
    out = [a for a in out if source is None or lower_nfc(a.name) != lower_nfc(source.name)]
    return (out[:1], "backed-subject") if out else None


VERB_TARGET_RULES: list[TargetRule] = [
    receiver_subject, feeling_cause, adjective_cause, participle_bearer, object_or_oblique, pact_parties, described_noun, passive_controller, passive_series_bearer,
    clause_subject, phrase_part,
    raised_oblique, object_partner, threatened, refused_party, addressed_members, aid_goods_recipient, mutual_partner,
    preposition_read_as_verb, gerund_beneficiary, trailing_patient,
]
NOUN_TARGET_RULES: list[TargetRule] = [
    noun_patient, receiver_subject, noun_oblique, backed_subject, participle_oblique, during_adverb, goods_complement, between_nouns,
    support_verb_oblique, support_verb_object, preposition_read_as_verb, gerund_beneficiary,
]

