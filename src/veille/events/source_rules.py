"""An event's source, from its trigger (``SOURCE_RULES``), and its revisions once the target is
known (``SOURCE_REVISIONS``): a missing source taken from the speaker or the announcer, an order to
one's own forces, an unnamed crowd. Each rule is named and has an invented example.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import head_indices, token_strings
from veille.common.fold import lower_nfc
from veille.events.actors import Actor, demonym, entity_actor, first, resolve, speaker_side
from veille.events.agents import announcer, headline_participle, verb_source
from veille.events.argument_words import STATE_ACT_TYPES, STATE_PLACE_PREPS
from veille.events.obviation import obviated_subject
from veille.events.possessives import owned_person_act
from veille.events.reporting_supports import reports_only
from veille.events.roles import Found, Roles, detached_participle, noun_roles, undergoer
from veille.events.speech_events import SPOKEN_TYPES, unnamed_group_subject, unnamed_speaker
from veille.events.triggers import Candidate, verb_entries
from veille.events.unnamed import keep_unnamed
from veille.events.unnamed_doers import doerless_subject_noun, unnamed_crowd_doer
from veille.events.view import ArticleView, agent, case, passive
from veille.events.walks import children_with, first_child, has_child, possessive_two_below
from veille.events.words import (
    AGENTLESS_TYPES,
    CIRCUMSTANCE_NOUNS,
    CLAIM_VERBS,
    FIRST_PERSON,
    FIRST_POSSESSIVE,
    GUILT_WORDS,
    LANDMARK_PREPS,
    NEW_ACT_DETS,
    OF_PREPS,
    PARTYLESS_NOUNS,
    RECEIVED_FROM,
    SUBJ,
    UNDERGONE_TYPES,
    UNNAMED,
    doc_lemmas,
    feat,
    lemma,
    lower_text,
)

# ------------------------------------------------------------------------------------------------
# An event's source, from its trigger


def receiver_giver(r: Roles) -> Found | None:
    """A receiving verb's giver is its "de X" / "par X": "L'Ukraine a reçu des obus de la Finlande."
    -> Finlande (the receiver, Ukraine, is the target)."""
    if not (r.verbal and r.cand.trigger.recv):
        return None
    near = [c for c in r.head.children if c.dep_.startswith("obl")]
    for o in r.head.children:
        # "bénéficie du soutien de X": what is received may be an oblique ("de" + noun).
        if o.dep_ == "obj" or (o.dep_.startswith("obl") and case(o) in RECEIVED_FROM):
            near += children_with(o, ("nmod",))
            near += [cc for c in o.children if c.dep_ == "nmod" for cc in c.children if cc.dep_ == "nmod"]
    for t in near:
        if case(t) in RECEIVED_FROM:
            actors = resolve(r.view, t, with_conj=False)
            if actors:
                return Found(actors[0], f"receiver-giver:{case(t)}")
    return Found(None, "receiver-giver:none")


def claimed_act(r: Roles) -> Found | None:
    """An act claimed by a party is that party's: "Le groupe Alpha a revendiqué l'attaque." and
    "L'attaque a été revendiquée par le groupe Alpha." -> groupe Alpha (a claim of responsibility
    names the doer of an event noun that the noun itself leaves unnamed)."""
    if r.verbal:
        return None
    doc = r.head.doc  # (the climb over the columns: Tokens only under a claim verb)
    deps, tags, heads, lemmas = token_strings(doc, DEP), token_strings(doc, POS), head_indices(doc), doc_lemmas(doc)
    t, climbs = r.head.i, 0
    while deps[t] in ("nmod", "obl", "obl:mod") and tags[heads[t]] in ("NOUN", "PROPN") and climbs < 2:
        t, climbs = heads[t], climbs + 1  # "a revendiqué dans la soirée les tirs": a misparse
    v = heads[t]
    if v == t or tags[v] != "VERB" or lemmas[v] not in CLAIM_VERBS:
        return None
    tok, verb = doc[t], doc[v]
    if tok.dep_ == "nsubj:pass" or (tok.dep_ == "nsubj" and passive(verb)):
        by = agent(verb)
        # "revendiquées par Kiev jeudi": the parser may hang the name under the date.
        actors = [a for t in (by.subtree if by is not None else ()) for a in resolve(r.view, t, with_conj=False)]
        return Found(actors[0], "claimed-by") if actors else None
    if tok.dep_ in SUBJ:
        return None
    found = verb_source(r.view, verb, exclude=r.head.i)
    return found.under("claimed")  # an unnamed claimer ("un groupe armé") leaves the doer unnamed


def feeling_adjective(r: Roles) -> Found | None:
    """A predicative adjective of feeling (``adj`` lines) is its subject's, even when the parser reads
    "être" + adjective as a passive with a "par" agent: "Le syndicat Alpha est indigné par la
    décision de Paul Durand." -> Alpha (Paul Durand is what it is indignant about)."""
    if not (r.cand.trigger.adj and passive(r.head)):
        return None
    subj = first_child(r.head, SUBJ)
    return Found(first(r.view, subj), "feeling-adjective") if subj is not None else None


def verb_agent(r: Roles) -> Found | None:
    """A verb trigger's agent (``VERB_SOURCE_RULES``): "La Grèce a livré des obus à Chypre." -> Grèce."""
    if not r.verbal:
        return None
    return verb_source(r.view, r.head)


def undergone_noun(r: Roles) -> Found | None:
    """An event noun its clause's subject undergoes: the subject is the target, the noun's own
    complement the doer: "La Moldavie a subi une attaque de drones russes." -> Russie against
    Moldavie; "Paul Durand a été victime d'une agression." -> an unnamed doer against Paul Durand."""
    if r.verbal:
        return None
    bearer = undergoer(r.head)
    if bearer is None:
        return None
    sufferers = resolve(r.view, bearer, with_conj=False)
    if not sufferers:
        return None
    found, inner = noun_roles(r.view, r.head, r.cand.trigger)
    names = {lower_nfc(a.name) for a in sufferers}
    doers = [a for a in ([found.actor] if found.actor else []) + inner if lower_nfc(a.name) not in names]
    r.noun_targets = sufferers
    return Found(doers[0], f"undergone:{found.rule}") if doers else Found(None, "undergone")


def noun_agent(r: Roles) -> Found | None:
    """An event noun's own agent (``noun_roles``): "La visite du ministre malien à Dakar ..." -> Mali."""
    if r.verbal:
        return None
    found, r.noun_targets = noun_roles(r.view, r.head, r.cand.trigger)
    return found if found.actor is not None or found.rule == "noun:par-unnamed" else None


def support_verb_agent(r: Roles) -> Found | None:
    """An event noun without agent takes its support verb's: "Le Chili a effectué une visite au
    Pérou." -> Chili (the subject of "effectuer"); not a verb that only tells of the act: "La maire
    s'est exprimée sur la grève." names nobody (``reporting_supports``)."""
    if r.verbal or r.gov is None:
        return None
    if reports_only(r.gov, r.head) is not None:
        return Found(None, "support-verb:reports")
    inner = verb_source(r.view, r.gov, exclude=r.head.i)
    return inner.under("support-verb")


def object_noun_agent(r: Roles) -> Found | None:
    """An event noun that is the object of a verb no support list knows is done by that verb's
    agent: "Le Chili a entamé des négociations avec le Pérou." -> Chili (not when the verb only
    reports it: "X a confirmé l'arrestation de Y")."""
    head = r.head
    verb = head.head
    if r.verbal or r.gov is not None or head.dep_ != "obj" or verb.pos_ != "VERB":
        return None
    if lemma(verb) in r.view.lex.cue("speech") or verb_entries(r.view, verb):
        return None
    return verb_source(r.view, verb, exclude=head.i).under("object-of")


SourceRule = Callable[[Roles], "Found | None"]
SOURCE_RULES: list[SourceRule] = [receiver_giver, feeling_adjective, obviated_subject, verb_agent, claimed_act, undergone_noun, noun_agent, support_verb_agent, object_noun_agent]

# ------------------------------------------------------------------------------------------------
# Revisions of the source, once the target is known




def reported_speaker(r: Roles) -> Found | None:
    """An event noun without agent in someone's words is the speaker's: "« Ce sera une menace pour
    nous », a dit Ana Ruiz." -> Ana Ruiz (threats, accusations, requests, support, rejections)."""
    if r.verbal or r.source.actor is not None:
        return None
    if r.cand.trigger.type not in ("THREATEN", "ACCUSE", "REQUEST", "SUPPORT", "REJECT"):
        return None
    quote = r.view.tok_quote[r.head.i]
    if quote is not None and quote.speaker and speaker_owns(r.view, quote, r.head):
        return Found(speaker_side(r.view, quote.speaker, plural=False, tok=r.head.i), "quote-speaker")
    for anc in r.head.ancestors:
        if anc.pos_ == "VERB" and lemma(anc) in r.view.lex.cue("speech"):
            inner = verb_source(r.view, anc)
            return inner.under("speech-verb")
    return None


def speaker_owns(view: ArticleView, quote: Any, head: Any) -> bool:
    """The speaker does the act a noun of their quote names when the quote speaks in the first person
    in that sentence ("« Ce sera une menace pour nous »") or the noun brings the act in with an
    indefinite determiner ("X a dit que ce serait une provocation"); a definite or counted noun
    names an act told already, someone else's ("X note que la demande des pilotes attendra",
    "La cour retient deux accusations"): 3 dev sites, none right (issue 13, helper evfam)."""
    if any(lower_text(c) in NEW_ACT_DETS and c.dep_ == "det" for c in head.children):
        return True
    person = FIRST_PERSON | FIRST_POSSESSIVE
    return any(view.tok_quote[t.i] is quote and (lower_text(t) in person or (t.pos_ == "PRON" and feat(t, "Person") == ["1"]))
               for t in head.sent)


def own_forces_order(r: Roles) -> Found | None:
    """A request to one's own forces is an order, the ordered act the requester's fact: "« Nous avons
    demandé à nos unités d'être en alerte », a dit Ana Ruiz." -> MOBILIZE by Ana Ruiz's body."""
    cand = r.cand
    if not (cand.mode == "demanded" and cand.governor is not None):
        return None
    if not possessive_two_below(r.view.doc, cand.governor):  # (``walks``: over the columns, no Token per word)
        return None
    gov_head = r.view.doc[cand.governor]
    cand.mode = "fact"
    inner = verb_source(r.view, gov_head)
    return inner.under("own-forces-order")


def reporting_announcer(r: Roles) -> Found | None:
    """An agentless passive or a denial reported by a speech verb is the announcer's: "La Bolivie a
    annoncé que deux diplomates seraient expulsés." -> Bolivie (not an attack: "La police a indiqué
    qu'un agent a été abattu." leaves the attacker unnamed)."""
    if r.source.actor is not None or r.head.pos_ != "VERB":
        return None
    if not (r.cand.mode == "negated" or (passive(r.head) and agent(r.head) is None)):
        return None
    if r.cand.trigger.type == "ASSAULT" and r.cand.mode != "negated":
        return None  # "La police a indiqué qu'un agent a été abattu": who reports a killing did not kill
    return Found(announcer(r.view, r.head), "announcer")


def state_authority(r: Roles) -> Found | None:
    """An arrest or a detention told in the passive without its doer is done by the authorities of
    the country it happens in: "Lina Varga a été placée en garde à vue en Moldavie." -> Moldavie
    (a city does not say which authority: "à Chisinau" leaves it unnamed)."""
    if r.source.actor is not None or r.cand.trigger.type not in STATE_ACT_TYPES:
        return None
    verb = r.head if r.verbal else r.gov
    if verb is None or not passive(verb) or agent(verb) is not None:
        return None
    view = r.view
    # "placé en garde à vue en Chine": the place may hang on a word of the trigger's phrase.
    near = [c for c in verb.children if c.dep_.startswith("obl")]
    near += [g for c in near if c.i in r.cand.tokens for g in c.children if g.dep_ == "nmod"]
    for c in near:
        if case(c) not in STATE_PLACE_PREPS:
            continue
        ent = view.entity_at(c)
        if ent is not None and ent.type == "LOC" and ent.name in view.lex.countries:
            actor = entity_actor(view, ent, c.i)
            if actor is not None:
                return Found(actor, "state-authority")
    return None


def unnamed_crowd(r: Roles) -> Found | None:
    """A protest by an unnamed crowd keeps a null source: "Des milliers de personnes ont manifesté.\""""
    if r.source.actor is not None or r.cand.trigger.type != "PROTEST" or r.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "NUM") for c in r.head.children):
        return None
    r.anonymous = True
    return Found(Actor("", "ORG", r.head.i), "unnamed-crowd")


SOURCE_REVISIONS: list[SourceRule] = [reported_speaker, own_forces_order, reporting_announcer, state_authority,
                                      unnamed_crowd]



def unnamed_subject(verb: Any) -> bool:
    """The subject names nobody in particular: "Certains l'accusent de mentir.", "Des
    manifestants ont bloqué la route." (an indefinite pronoun or an indefinite noun phrase)."""
    for c in verb.children:
        if c.dep_ in SUBJ:
            words = [lower_nfc(c.text)] + [lower_nfc(d.text) for d in c.children if d.dep_ in ("det", "amod", "nummod")]
            return c.pos_ in ("PRON", "NOUN", "NUM") and any(w in UNNAMED for w in words)
    return False


# Source rules whose "nobody" means an unnamed doer in the text: a subject or "par" phrase that
# names no actor ("un homme armé"), a passive without agent.
UNNAMED_DOER = ("subject", "passive-no-agent", "passive:par", "noun:par-unnamed", "undergone")


def bare_event(head: Any, roles: Roles) -> bool:
    """An attack noun kept without a target because its doer claimed it ("L'attaque a été
    revendiquée par le groupe Alpha."), or violence or riots told without any party
    (``partyless_violence``; the nouns ``partyless_noun`` of role_words.tsv: "Des émeutes ont éclaté
    à Montvert."). Never a landmark of time ("depuis le massacre de Y"), which dates another event."""
    if roles.verbal or (roles.cand.trigger.type != "ASSAULT" and lemma(head) not in PARTYLESS_NOUNS):
        return False
    if any(c.dep_ == "case" and lemma(c) in LANDMARK_PREPS for c in head.children):
        return False
    if roles.cand.trigger.type == "ASSAULT" and roles.source.rule.startswith("claimed"):
        return True
    return partyless_violence(head, roles)


# The clause slots where a violence noun is news told, not a circumstance: "Des combats ont éclaté",
# "L'armée signale une explosion".
TOLD_SLOTS = ("nsubj", "nsubj:pass", "obj", "ROOT")
PARTYLESS = "partyless"  # the source rule of such an event: kept only when its sentence tells no other


def partyless_violence(head: Any, roles: Roles) -> bool:
    """Violence told without any party, as subject or object of its clause in the body: "De
    violents combats ont éclaté près de Port-Lune.", "Une explosion a secoué un cargo au large."
    (ASSAULT, null source and target, as the real-page gold codes hostilities named without
    actors). Not in a headline, not with a party found; as a circumstance or a complement only
    when it names one act (``one_act``: "après une explosion", not "malgré les combats")."""
    if roles.cand.title or roles.source.actor is not None or roles.targets or roles.noun_targets:
        return False
    view = roles.view
    for c in head.children:
        # "une attaque de drones russes": a named doer is told, only not found ("une attaque de
        # drone" tells the weapon; "les frappes de l'armée" no one the gold would name).
        if c.dep_ == "nmod" and case(c) in OF_PREPS and any(
                view.tok_entity[t.i] is not None or demonym(view, t) is not None for t in c.subtree):
            return False
    if head.dep_ == "conj":
        head = head.head
    told = head.dep_ in TOLD_SLOTS or (lemma(head) in CIRCUMSTANCE_NOUNS and one_act(head))
    if told and head.pos_ in ("NOUN", "PROPN"):
        roles.source = Found(None, PARTYLESS)
        return True
    return False


def one_act(head: Any) -> bool:
    """An act noun outside the subject and object slots names one act told (``circumstance_noun``):
    singular with a determiner ("après une explosion au large", "secoué par le meurtre d'un
    passant"), or what someone is found guilty of ("reconnus coupables d'agressions"); not
    a notion ("la lutte contre les violences", "un procès pour agression")."""
    gov = head.head
    if lemma(gov) in GUILT_WORDS or any(lemma(c) in GUILT_WORDS for c in gov.children if c.i != head.i):
        return True
    return feat(head, "Number") == ["Sing"] and has_child(head, ("det",))


def agentless(view: ArticleView, cand: Candidate, head: Any, roles: Roles) -> bool:
    """An event whose doer the text leaves unnamed is kept with a null source when its type is one
    the press often tells so: "Deux passants ont été blessés par balle.", "Un suspect a ouvert le
    feu." (ASSAULT, source null). A statement, a request or a meeting without a named actor is
    left out (its actor is in the text, only not found)."""
    rule = roles.source.rule.rsplit(">", 1)[-1]
    if rule == "subject" and unnamed_subject(head):
        return True
    if rule == "subject" and cand.trigger.type in SPOKEN_TYPES and head.pos_ == "VERB" \
            and unnamed_group_subject(view, head):
        roles.source = roles.source.under("unnamed-group")
        return True
    if rule in ("none", "subject", "context:none") and roles.verbal and unnamed_speaker(view, head):
        roles.source = roles.source.under("unnamed-speaker")
        return True
    if rule == "obviated" and roles.targets:
        return True  # "Ils exigent que la clinique Aube …": someone unnamed asks the clinic (events/obviation.py)
    undergone = passive(head) or detached_participle(head) or headline_participle(head)
    if roles.verbal and undergone and agent(head) is None and roles.targets:
        # "Lina Varga a été critiquée", "Critiquée pour sa gestion, Lina Varga ...": the one who
        # undergoes it is named, the doer not.
        return True
    if bare_event(head, roles):
        return True  # "L'attaque a été revendiquée par le groupe Alpha."
    if cand.trigger.type in AGENTLESS_TYPES and (
            rule in UNNAMED_DOER or rule == "announcer" or (cand.trigger.kind != "noun" and roles.verbal)):
        return True
    if roles.targets and _undergone_unnamed(view, cand, head, roles, rule):
        roles.source = roles.source.under("unnamed-doer")
        return True
    if rule == "subject" and unnamed_crowd_doer(view, head):
        roles.source = roles.source.under("unnamed-crowd-doer")
        return True
    if doerless_subject_noun(view, cand, head):
        roles.source = roles.source.under("unnamed-subject-noun")
        return True
    return keep_unnamed(view, cand, head, roles)


def _undergone_unnamed(view: ArticleView, cand: Candidate, head: Any, roles: Roles, rule: str) -> bool:
    """The one who undergoes an event is named, its doers are not: a participle describing a named
    person ("Lina Varga, ancienne ministre accusée de fraude"), a "par" agent that names nobody
    ("Accusé par d'anciens employés de harcèlement, Paul Grimaud ..."), "fait l'objet de critiques",
    and for the types of ``undergone_type`` an event noun with its target alone ("les accusations
    contre Paul Grimaud")."""
    if rule == "undergone":
        return True
    if rule == "passive-no-agent":
        # only a title in apposition to a name: "un diplomate accusé de …" names nobody undergoing it
        noun = head.head
        return head.dep_ in ("acl", "amod") and noun.dep_ == "appos" and view.tok_entity[noun.head.i] is not None
    if roles.verbal and rule in ("passive:par", "detached-participle:par"):
        by = agent(head)
        return by is not None and by.pos_ != "PRON" and by.pos_ != "PROPN"
    return rule == "none" and cand.trigger.kind == "noun" and (cand.trigger.type in UNDERGONE_TYPES or owned_person_act(head))


def co_sources(view: ArticleView, roles: Roles) -> list[Actor]:
    """The other actors coordinated with a subject source: "Le Parti vert et le Parti rouge ont
    signé un accord." -> [Parti rouge]. Only for a subject (a "par" agent or a speaker is one
    party), and never the event's own targets."""
    source = roles.source.actor
    if source is None or not roles.source.rule.endswith("subject") or roles.anonymous:
        return []
    verb = roles.head if roles.verbal else roles.gov
    subjects = children_with(verb, SUBJ) if verb is not None else []
    # Two subjects are a misparse of one coordinated subject ("X et la chancelière Y").
    actors = [a for subj in subjects for a in resolve(view, subj, with_conj=True)]
    if lower_nfc(source.name) not in {lower_nfc(a.name) for a in actors}:
        return []
    seen = {lower_nfc(source.name)} | {lower_nfc(t.name) for t in roles.targets}
    out = []
    for actor in actors:
        key = lower_nfc(actor.name)
        if key not in seen and not actor.place:
            seen.add(key)
            out.append(actor)
    return out
