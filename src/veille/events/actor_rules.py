"""Who acts and who undergoes: the rules that decide an event's source and its target.

Each rule has a name (it goes into the DEBUG log and, with ``settings.explain``, into
``Event.rule``) and a docstring with an invented example. Rules are tried in the order of their list:

* ``VERB_SOURCE_RULES``: the agent of a verb (first rule that applies decides, even "nobody");
* ``SOURCE_RULES``: an event's source, from its trigger (verb, receiving verb, event noun);
* ``VERB_TARGET_RULES`` / ``NOUN_TARGET_RULES``: its target (first rule that finds one wins);
* ``SOURCE_REVISIONS``: applied after the target, in order: a missing source taken from the
  speaker or the announcer, an order to one's own forces, an unnamed crowd.

To change who an event's source or target is, change (or insert) a rule here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from veille.events.actors import Actor, first, possessor, resolve, speaker_side
from veille.events.roles import (
    Found,
    members_target,
    noun_roles,
    request_targets,
    target_np,
    threatened_party,
)
from veille.events.triggers import Candidate, verb_entries
from veille.events.view import ArticleView, agent, case, passive
from veille.events.words import (
    ANNOUNCE_PHRASES,
    DE_WORDS,
    LOCATED_PREPS,
    OF_PREPS,
    RECEIVED_FROM,
    SUBJ,
    lemma,
)


@dataclass
class Roles:
    """The roles of one candidate event while the rules decide them."""

    view: ArticleView
    cand: Candidate
    head: Any  # the trigger's head token
    gov: Any = None  # the support verb of an event noun ("effectuer une visite")
    verbal: bool = False
    source: Found = field(default_factory=lambda: Found(None, "none"))
    targets: list[Actor] = field(default_factory=list)
    target_rule: str = "none"
    noun_targets: list[Actor] = field(default_factory=list)  # patients inside the event noun
    target_labels: dict[int, str] = field(default_factory=dict)  # actor token -> where it was found
    anonymous: bool = False  # a protest by an unnamed crowd


# ------------------------------------------------------------------------------------------------
# The agent of a verb


def _first_found(view: ArticleView, tok: Any, rule: str) -> Found:
    return Found(first(view, tok), rule)


def passive_agent(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A passive verb's "par" agent: "Le traité a été signé par la Moldavie." -> Moldavie.

    A past participle with its agent is a passive without auxiliary ("une trêve négociée par
    X"); a passive without agent has no source here ("Deux diplomates ont été expulsés.")."""
    is_passive = passive(verb) or (verb.dep_ == "acl" and agent(verb) is not None and (
        verb.morph.get("VerbForm") == ["Part"] or any(c.dep_ == "obl:agent" for c in verb.children)))
    if not is_passive:
        return None
    by = agent(verb)
    return _first_found(view, by, "passive:par") if by is not None else Found(None, "passive-no-agent")


def subject(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The subject: "La Moldavie a signé le traité." -> Moldavie.

    Two subjects is a misparse of "le président finlandais X": the named one is the agent."""
    subjects = [c for c in verb.children if c.dep_ in SUBJ and c.i != exclude]
    subjects.sort(key=lambda c: view.tok_entity[c.i] is None)
    return _first_found(view, subjects[0], "subject") if subjects else None


def name_before_verb(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A name right before a verb without subject: "Les Pays-Bas approuvant l'envoi de chars ..."

    Also "Ankara a massé ..." when the parser split the name off as a sentence of its own."""
    participle = verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"]
    finite = verb.morph.get("VerbForm") in (["Fin"], ["Part"])
    fin = verb.morph.get("VerbForm") == ["Fin"]
    if not (finite and (participle or verb.dep_ not in ("acl", "acl:relcl", "xcomp", "conj", "advcl")
                        or (fin and verb.dep_ == "advcl"))):
        return None
    own = {c.i for c in verb.children if c.dep_.startswith("aux") or c.dep_.startswith("expl")
           or c.dep_ == "advmod"}
    for j in range(verb.i - 1, max(verb.i - 6, -1), -1):
        t = view.doc[j]
        if j in own:
            continue
        if view.tok_entity[j] is not None:
            while t.dep_ == "conj" and t.head.i < t.i and view.tok_entity[t.head.i] is not None:
                t = t.head  # "Malte et Chypre sont parvenus": the first conjunct
            actors = resolve(view, t, with_conj=False)
            if actors:
                return Found(actors[0], "name-before-verb")
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or (t.pos_ == "ADP" and not participle):
            break
    return None


def fragment_context(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A root verb with no subject (a fragment after a bad sentence split): the context's subject.

    "La Norvège a signé l'accord. puis a rappelé son ambassadeur." -> Norvège."""
    if verb.head.i != verb.i:
        return None
    return context_subject(view, verb)


def infinitive_owner(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The noun right before an infinitive names its agent: "la décision de Lisbonne d'envoyer des
    chars" -> Lisbonne (whether the parser hangs the infinitive on that noun or on its verb)."""
    if not (verb.morph.get("VerbForm") == ["Inf"] and verb.dep_ in ("xcomp", "acl")):
        return None
    marks = [c for c in verb.children if c.dep_ == "mark" and lemma(c) in DE_WORDS]
    before = view.doc[marks[0].i - 1] if marks and marks[0].i > 0 else None
    noun = before.head if before is not None and before.dep_ in ("nmod", "amod") else before
    if noun is None or noun.pos_ != "NOUN" or noun.i == verb.i:
        return None
    for c in noun.children:
        if c.dep_ == "nmod" and case(c) in OF_PREPS and view.tok_entity[c.i] is not None:
            actors = resolve(view, c, with_conj=False)
            if actors:
                return Found(actors[0], "infinitive-owner:de")
        if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] and possessor(view, c):
            return Found(possessor(view, c), "infinitive-owner:possessive")
    return None


_GOVERNED = ("xcomp", "acl", "advcl", "conj", "ccomp", "obl:arg", "obj", "nmod", "csubj")


def object_control(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The requested or accused party acts: "La Lettonie a exhorté la Suède à livrer des chars."
    -> Suède; likewise "accuser X de", "reprocher à X de" (the accused is the alleged actor)."""
    if verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    if not any(t.type in ("REQUEST", "ACCUSE") for t in verb_entries(view, verb.head)):
        return None
    for t in request_targets(view, verb.head):
        return Found(t, "object-control")
    return None


def noun_climb(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """An infinitive under a noun or adjective: climb to the clause that holds it.

    "Le Chili a annoncé son intention de livrer des vivres." -> Chili; "La Suède est prête à
    étendre sa mission." -> Suède."""
    head = verb.head
    if verb.dep_ not in _GOVERNED or head.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return None
    up = head
    while up.pos_ in ("NOUN", "ADJ", "PROPN") and up.head.i != up.i and up.dep_ not in SUBJ:
        subj = [c for c in up.children if c.dep_ in SUBJ]
        if subj and up.pos_ == "ADJ":
            return _first_found(view, subj[0], "noun-climb:adjective-subject")
        up = up.head
    if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
        inner = verb_source(view, up, exclude, depth + 1)
        return Found(inner.actor, f"noun-climb>{inner.rule}")
    if up.dep_ in SUBJ:
        return _first_found(view, up, "noun-climb:subject-noun")
    if up.head.i == up.i:
        found = context_subject(view, verb)
        return Found(found.actor, f"noun-climb>{found.rule}")
    return Found(None, "noun-climb:none")


def governing_verb_agent(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A dependent verb's agent is its governing verb's: "La Grèce a décidé de livrer des obus."
    -> Grèce (the subject of "décider")."""
    head = verb.head
    if verb.dep_ not in _GOVERNED or head.pos_ not in ("VERB", "AUX"):
        return None
    inner = verb_source(view, head, exclude, depth + 1)
    return Found(inner.actor, f"up>{inner.rule}")


VerbSourceRule = Callable[[ArticleView, Any, "int | None", int], "Found | None"]
VERB_SOURCE_RULES: list[VerbSourceRule] = [
    passive_agent, subject, name_before_verb, fragment_context, infinitive_owner, object_control,
    noun_climb, governing_verb_agent,
]


def verb_source(view: ArticleView, verb: Any, exclude: int | None = None, depth: int = 0) -> Found:
    """The agent of a verb: the first rule of ``VERB_SOURCE_RULES`` that applies decides."""
    if depth > 6:
        return Found(None, "too-deep")
    for rule in VERB_SOURCE_RULES:
        found = rule(view, verb, exclude, depth)
        if found is not None:
            return found
    return Found(None, "none")


def context_subject(view: ArticleView, tok: Any) -> Found:
    """A verb with no subject at all (a fragment after a bad sentence split): the last subject."""
    # A fragment that starts in lower case continues the previous sentence: its subject acts.
    sent = tok.sent
    first_tok = next((t for t in sent if not t.is_space), None)
    if first_tok is not None and first_tok.text[:1].islower() and sent.start > 0:
        prev = view.doc[sent.start - 1].sent.root
        if prev.i != tok.i and prev.pos_ in ("VERB", "AUX") and prev.head.i == prev.i:
            found = verb_source(view, prev, depth=5).actor
            if found is not None:
                return Found(Actor(found.name, found.kind, tok.i, entity=found.entity), "context:previous-clause")
    # Otherwise only a subject just before: a name the parser split off ("Ankara. a massé").
    for pos, actor, _ in reversed(view.subjects):
        if pos < tok.i and tok.i - pos < 15:
            return Found(Actor(actor.name, actor.kind, tok.i, entity=actor.entity), "context:recent-subject")
    return Found(None, "context:none")


# ------------------------------------------------------------------------------------------------
# An event's source, from its trigger


def receiver_giver(r: Roles) -> Found | None:
    """A receiving verb's giver is its "de X" / "par X": "L'Ukraine a reçu des obus de la Finlande."
    -> Finlande (the receiver, Ukraine, is the target)."""
    if not (r.verbal and r.cand.trigger.recv):
        return None
    near = [c for c in r.head.children if c.dep_.startswith("obl")]
    for o in r.head.children:
        if o.dep_ == "obj":
            near += [c for c in o.children if c.dep_ == "nmod"]
            near += [cc for c in o.children if c.dep_ == "nmod" for cc in c.children if cc.dep_ == "nmod"]
    for t in near:
        if case(t) in RECEIVED_FROM:
            actors = resolve(r.view, t, with_conj=False)
            if actors:
                return Found(actors[0], f"receiver-giver:{case(t)}")
    return Found(None, "receiver-giver:none")


def verb_agent(r: Roles) -> Found | None:
    """A verb trigger's agent (``VERB_SOURCE_RULES``): "La Grèce a livré des obus à Chypre." -> Grèce."""
    if not r.verbal:
        return None
    return verb_source(r.view, r.head)


def noun_agent(r: Roles) -> Found | None:
    """An event noun's own agent (``noun_roles``): "La visite du ministre malien à Dakar ..." -> Mali."""
    if r.verbal:
        return None
    found, r.noun_targets = noun_roles(r.view, r.head, r.cand.trigger)
    return found if found.actor is not None else None


def support_verb_agent(r: Roles) -> Found | None:
    """An event noun without agent takes its support verb's: "Le Chili a effectué une visite au
    Pérou." -> Chili (the subject of "effectuer")."""
    if r.verbal or r.gov is None:
        return None
    inner = verb_source(r.view, r.gov, exclude=r.head.i)
    return Found(inner.actor, f"support-verb>{inner.rule}")


SourceRule = Callable[[Roles], "Found | None"]
SOURCE_RULES: list[SourceRule] = [receiver_giver, verb_agent, noun_agent, support_verb_agent]


# ------------------------------------------------------------------------------------------------
# An event's target


def _obliques(r: Roles, tok: Any, label: str) -> list[Actor]:
    """Targets among a token's obliques with a target preposition of the event's type."""
    trig = r.cand.trigger
    preps = r.view.lex.target_preps.get(trig.type, set())
    out: list[Actor] = []
    for c in tok.children:
        if c.dep_.startswith("obl") or c.dep_ in ("nmod", "iobj"):
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


def object_or_oblique(r: Roles) -> tuple[list[Actor], str] | None:
    """The object of a verb whose object is a party, and its obliques with the type's prepositions:
    "La Bolivie a accusé le Pérou." -> Pérou; "Le Togo a livré du riz au Bénin." -> Bénin."""
    view, head, trig = r.view, r.head, r.cand.trigger
    out: list[Actor] = []
    is_passive = passive(head)
    if trig.type in view.lex.object_target_types or trig.obj_actor:
        for c in head.children:
            # "accuser X de ...": the parser may read the named object as an xcomp.
            named_xcomp = c.dep_ == "xcomp" and c.pos_ == "PROPN" and view.entity_at(c) is not None
            if c.dep_ in ("obj", "iobj") or (is_passive and c.dep_ == "nsubj:pass") or named_xcomp:
                found = target_np(view, c, trig)
                out.extend(found)
                r.target_labels.update((a.token, "obj") for a in found)
    out.extend(_obliques(r, head, "obl"))
    return (out, "object-or-oblique") if out else None


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
    for o in r.head.children:
        if o.dep_ != "obj" and not (o.dep_.startswith("obl") and trig.type in ("CONSULT", "COOPERATE")):
            continue
        for c in o.children:
            prep = case(c)
            if c.dep_ == "nmod" and prep in preps and prep not in view.lex.cue("place"):
                out.extend(target_np(view, c, trig, prep))
            elif c.dep_ == "nmod" and prep in preps and trig.type in ("SANCTION", "AID"):
                # "des sanctions à la Corée du Nord": a country or body, never a city.
                out.extend(a for a in target_np(view, c, trig, prep)
                           if a.kind != "LOC" or a.entity in view.lex.countries)
    return (out, "object-partner") if out else None


def threatened(r: Roles) -> tuple[list[Actor], str] | None:
    """The party of the threatened act: "Le Mali a menacé de sanctionner le Niger." -> Niger."""
    if r.cand.trigger.type != "THREATEN":
        return None
    out = threatened_party(r.view, r.head, r.source.actor)
    return (out, "threatened-party") if out else None


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
    for c in r.head.children:
        if c.dep_ in ("nmod", "obl", "obl:arg", "acl"):
            prep = case(c)
            if prep in preps or (trig.type in ("AID", "ASSAULT") and prep in LOCATED_PREPS):
                out.extend(target_np(view, c, trig, prep))
    return (out, "noun-oblique") if out else None


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
    for c in r.head.children:
        for cc in c.children if c.dep_ == "nmod" else ():
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


TargetRule = Callable[[Roles], "tuple[list[Actor], str] | None"]
VERB_TARGET_RULES: list[TargetRule] = [
    receiver_subject, object_or_oblique, phrase_part, raised_oblique, object_partner, threatened,
    addressed_members, aid_goods_recipient,
]
NOUN_TARGET_RULES: list[TargetRule] = [
    noun_patient, receiver_subject, noun_oblique, during_adverb, goods_complement, between_nouns,
    support_verb_oblique,
]


# ------------------------------------------------------------------------------------------------
# Revisions of the source, once the target is known


def announcer(view: ArticleView, verb: Any) -> Actor | None:
    """The subject of the speech verb a clause is reported by ("X a annoncé que ...")."""
    cur = verb
    for _ in range(3):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in view.lex.cue("speech"):
            return verb_source(view, cur.head).actor
        if cur.dep_ == "ccomp" and f"{lemma(cur.head.head)} {lemma(cur.head)}" in ANNOUNCE_PHRASES:
            # "X a fait savoir que ...": the announcement is X's (the subject of "faire").
            return verb_source(view, cur.head.head).actor
        cur = cur.head
    return None


def reported_speaker(r: Roles) -> Found | None:
    """An event noun without agent in someone's words is the speaker's: "« Ce sera une menace pour
    nous », a dit Ana Ruiz." -> Ana Ruiz (threats, accusations, requests, support, rejections)."""
    if r.verbal or r.source.actor is not None:
        return None
    if r.cand.trigger.type not in ("THREATEN", "ACCUSE", "REQUEST", "SUPPORT", "REJECT"):
        return None
    quote = r.view.tok_quote[r.head.i]
    if quote is not None and quote.speaker:
        return Found(speaker_side(r.view, quote.speaker, plural=False, tok=r.head.i), "quote-speaker")
    for anc in r.head.ancestors:
        if anc.pos_ == "VERB" and lemma(anc) in r.view.lex.cue("speech"):
            inner = verb_source(r.view, anc)
            return Found(inner.actor, f"speech-verb>{inner.rule}")
    return None


def own_forces_order(r: Roles) -> Found | None:
    """A request to one's own forces is an order, the ordered act the requester's fact: "« Nous avons
    demandé à nos unités d'être en alerte », a dit Ana Ruiz." -> MOBILIZE by Ana Ruiz's body."""
    cand = r.cand
    if not (cand.mode == "demanded" and cand.governor is not None):
        return None
    gov_head = r.view.doc[cand.governor]
    own = [c for c in gov_head.subtree if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]
           and c.head.head.i == gov_head.i]
    if not own:
        return None
    cand.mode = "fact"
    inner = verb_source(r.view, gov_head)
    return Found(inner.actor, f"own-forces-order>{inner.rule}")


def reporting_announcer(r: Roles) -> Found | None:
    """An agentless passive or a denial reported by a speech verb is the announcer's: "La Bolivie a
    annoncé que deux diplomates seraient expulsés." -> Bolivie."""
    if r.source.actor is not None or r.head.pos_ != "VERB":
        return None
    if not (r.cand.mode == "negated" or (passive(r.head) and agent(r.head) is None)):
        return None
    return Found(announcer(r.view, r.head), "announcer")


def unnamed_crowd(r: Roles) -> Found | None:
    """A protest by an unnamed crowd keeps a null source: "Des milliers de personnes ont manifesté.\""""
    if r.source.actor is not None or r.cand.trigger.type != "PROTEST" or r.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "NUM") for c in r.head.children):
        return None
    r.anonymous = True
    return Found(Actor("", "ORG", r.head.i), "unnamed-crowd")


SOURCE_REVISIONS: list[SourceRule] = [reported_speaker, own_forces_order, reporting_announcer, unnamed_crowd]


# ------------------------------------------------------------------------------------------------
# All together


def decide_roles(view: ArticleView, cand: Candidate, head: Any, gov: Any) -> Roles:
    """Source, then target, then the revisions of the source, each from its ordered list."""
    r = Roles(view, cand, head, gov=gov, verbal=cand.trigger.kind == "verb" or head.pos_ == "VERB")
    for rule in SOURCE_RULES:
        found = rule(r)
        if found is not None:
            r.source = found
            break
    for target_rule in VERB_TARGET_RULES if r.verbal else NOUN_TARGET_RULES:
        hit = target_rule(r)
        if hit is not None:
            r.targets, r.target_rule = hit
            for actor in r.targets:
                r.target_labels.setdefault(actor.token, r.target_rule)
            break
    for rule in SOURCE_REVISIONS:
        found = rule(r)
        if found is not None:
            r.source = found
    return r


def target_rule_of(r: Roles, target: Actor | None) -> str:
    """The rule that found this target (``none`` without one)."""
    return "none" if target is None else r.target_labels.get(target.token, r.target_rule)
