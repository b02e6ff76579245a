"""The agent of a verb: who does what a verb says, by the ordered rules of ``VERB_SOURCE_RULES``.

Each rule has a name (it goes into ``Event.rule``) and a docstring with an invented example; the
first rule that applies decides, even "nobody". ``announcer`` gives the speaker a clause is
reported by. How these feed an event's source is decided in ``veille.events.source_rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import child_indices, token_strings
from veille.common.fold import lower_nfc
from veille.events.actors import Actor, first, possessor, resolve, speaker_side
from veille.events.argument_words import GERUND_MARKS
from veille.events.expletives import personal_expletive
from veille.events.fragments import fragment_subject
from veille.events.reasons import reason_doer
from veille.events.roles import Found, detached_participle, request_targets
from veille.events.speech_events import quote_ending_before, reflexive_pronoun_subject
from veille.events.triggers import verb_entries
from veille.events.view import ArticleView, agent, case, passive
from veille.events.walks import children_with, first_child, has_child
from veille.events.words import (
    ANNOUNCE_PHRASES,
    DE_WORDS,
    OF_PREPS,
    SUBJ,
    doc_lowers,
    feat,
    lemma,
    lower_text,
    sentence_of,
)

# ------------------------------------------------------------------------------------------------
# The agent of a verb

# The slots an inverted subject of a speech verb gets in a misparse ("a déclaré Ana Ruiz").
INVERTED_SUBJECT_DEPS = ("appos", "obj", "nmod", "dep", "flat:name", "obl:mod")


def _first_found(view: ArticleView, tok: Any, rule: str) -> Found:
    return Found(first(view, tok), rule)


def passive_agent(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A passive verb's "par" agent: "Le traité a été signé par la Moldavie." -> Moldavie.

    A past participle with its agent is a passive without auxiliary ("une trêve négociée par
    X"); a passive without agent has no source here ("Deux diplomates ont été expulsés.")."""
    participle = feat(verb, "VerbForm") == ["Part"]
    # "ont été arrêtés et placés en détention par X": coordinated participles share the passive.
    shared = verb.dep_ == "conj" and participle and passive(verb.head)
    is_passive = passive(verb) or shared or (verb.dep_ == "acl" and agent(verb) is not None and (
        participle or has_child(verb, ("obl:agent",)))) or _trailing_participle(verb)
    if not is_passive:
        return None
    by = agent(verb)
    if by is None:
        sharing = [verb.head] if shared else [c for c in verb.children if c.dep_ == "conj" and c.i > verb.i
                                              and feat(c, "VerbForm") == ["Part"]]
        by = next((agent(v) for v in sharing if agent(v) is not None), None)
        if by is not None:
            return _first_found(view, by, "passive:par-shared")
    return _first_found(view, by, "passive:par") if by is not None else Found(None, "passive-no-agent")


def feeling_object(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A verb whose object feels the concern (``feel=1`` in the lexicon) has that object for agent:
    "La hausse des coupes inquiète le comité de l'ONU." -> the committee (ACCUSE); in the passive
    ("X n'a pas été inquiété par la justice") nobody is concerned."""
    if not any(t.feel for t in verb_entries(view, verb)):
        return None
    if passive(verb):
        if lower_nfc(lemma(verb))[:-2] + "é" in view.lex.adjs:
            # "Le comité est préoccupé par …": a participle that is a feeling adjective, its subject feels
            subj = next((c for c in verb.children if c.dep_ in SUBJ and c.i != exclude), None)
            if subj is not None:
                return _first_found(view, subj, "feeling-subject:passive")
        return Found(None, "feeling-object:passive")
    obj = first_child(verb, ("obj",))
    return _first_found(view, obj, "feeling-object") if obj is not None else None


def _trailing_participle(verb: Any) -> bool:
    """A past participle with its "par" agent set after its clause, without auxiliary: "Les ouvriers
    se sont mis en grève, soutenus par le syndicat Alpha." (Alpha supports; the clause's subject
    undergoes it)."""
    if verb.dep_ != "advcl" or verb.i < verb.head.i or agent(verb) is None:
        return False
    if feat(verb, "VerbForm") != ["Part"] or feat(verb, "Tense") == ["Pres"]:
        return False
    return not any(c.dep_.startswith("aux") or c.dep_ in SUBJ for c in verb.children)


def detached_passive(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A detached past participle is passive: its doer is its "par" agent, not the clause's subject.

    "Critiqué par l'opposition, le ministre a démissionné." -> opposition; without "par": nobody."""
    if not detached_participle(verb):
        return None
    by = agent(verb)
    return _first_found(view, by, "detached-participle:par") if by is not None else Found(None, "passive-no-agent")


def participle_no_agent(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A past participle describing a noun without "par" leaves its doer unnamed (it is passive: the
    clause it sits in did not do it): "Paul Durand a dénoncé l'attaque contre la flotte ciblée." ->
    nobody (not Paul Durand)."""
    if verb.dep_ not in ("acl", "amod") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if feat(verb, "VerbForm") != ["Part"] or feat(verb, "Tense") == ["Pres"] or agent(verb) is not None:
        return None
    if any(c.dep_.startswith("aux") or c.dep_ in SUBJ or c.dep_ == "obj" for c in verb.children):
        return None
    return Found(None, "passive-no-agent")


def headline_participle(verb: Any) -> bool:
    """A past participle heading its sentence without auxiliary, its subject before it: the
    headline's passive ("Lina Varga accusée de « fraude »", "Paul Durand arrêté à Montvert"): the
    subject undergoes it."""
    if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
        return False
    # the tagger often reads such a participle as a finite verb (or a verb as one): the ending tells
    ending = lower_text(verb).endswith(("é", "és", "ées")) or (
        lower_text(verb).endswith("ée") and not lower_text(verb).endswith(("crée", "agrée")))
    if not ending or feat(verb, "Tense") == ["Fut"]:
        return False
    if any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def headline_passive(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A headline's passive without "par" leaves its doer unnamed: "Lina Varga accusée de
    « fraude »" -> nobody (Lina Varga undergoes it)."""
    if not headline_participle(verb) or agent(verb) is not None:
        return None
    return Found(None, "passive-no-agent")


def subject(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The subject: "La Moldavie a signé le traité." -> Moldavie.

    Two subjects is a misparse of "le président finlandais X": the named one is the agent; or of a
    fronted time, "Mardi, la ministre a dénoncé …": the time is no agent."""
    doc = verb.doc
    deps = token_strings(doc, DEP)  # (the cached columns: ``Token.children`` scans the whole subtree)
    subjects = [doc[ci] for ci in child_indices(doc)[verb.i] if deps[ci] in SUBJ and ci != exclude
                and not quoted_subject(view, verb, ci)]
    if len(subjects) > 1:
        subjects.sort(key=lambda c: (view.tok_time[c.i] is not None, view.tok_entity[c.i] is None))
    return _first_found(view, subjects[0], "subject") if subjects else None


def quoted_subject(view: ArticleView, verb: Any, i: int) -> bool:
    """A verb's "subject" set before it inside a quote the verb is not in is the quote the parser
    read as subject: "« La peine est l'une des plus lourdes », se félicite Ana Ruiz." -> the incise's
    speaker acts (``incise_speaker``), not "une"."""
    quote = view.tok_quote[i]
    return quote is not None and i < verb.i and view.tok_quote[verb.i] is None


# The subject pronouns an incise puts after its verb ("déplore-t-il", "ajoute-t-elle").
INVERTED_PRONOUNS = ("-il", "-elle", "-ils", "-elles", "-on")


def inverted_pronoun_speaker(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A verb right after a quote with its subject pronoun put after it is the quote's speaker's:
    "« Nous n'avions ni casque ni gants », déplore-t-il." -> the speaker the quotes stage gave the
    quote (the parser reads "-t" or "-il" as anything from a subject to a loose dependent)."""
    if view.tok_quote[verb.i] is not None:
        return None
    lowers = doc_lowers(view.doc)  # (the two next words' forms off the column: no Span nor Token)
    if not any(w in INVERTED_PRONOUNS for w in lowers[verb.i + 1:min(verb.i + 3, len(lowers))]):
        return None
    quote = quote_ending_before(view, verb)
    if quote is None or not quote.speaker:
        return None
    return Found(speaker_side(view, quote.speaker, plural=False, tok=verb.i), "incise-pronoun-speaker")


def incise_speaker(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A verb set right after a quote with its subject put after it, which the parser read as an
    apposition or an object: "« Nous ne céderons pas », a martelé Ana Ruiz, en appelant ..." -> Ana
    Ruiz; with no name there, the speaker the quotes stage gave the quote just before."""
    if view.tok_quote[verb.i] is not None or any(c.dep_ in SUBJ and not quoted_subject(view, verb, c.i)
                                                 for c in verb.children):
        return None  # a verb inside the quote is the speaker's words, not the attribution
    quote = quote_ending_before(view, verb)
    if quote is None:
        return None
    for c in verb.children:
        if c.i > verb.i and c.dep_ in INVERTED_SUBJECT_DEPS and c.i - verb.i <= 4 and c.i != exclude:
            actors = resolve(view, c, with_conj=False)
            if actors:
                return Found(actors[0], "incise-subject")
    if quote.speaker:
        return Found(speaker_side(view, quote.speaker, plural=False, tok=verb.i), "incise-quote-speaker")
    return None


def gerund_owner(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A gerund is done by the agent of the verb it hangs on, not by the name just before it: "Le
    Chili a aidé le Pérou en livrant du riz." -> Chili (the Pérou receives)."""
    if feat(verb, "VerbForm") != ["Part"] or feat(verb, "Tense") != ["Pres"]:
        return None
    if not any(c.dep_ in ("mark", "case") and lower_text(c) in GERUND_MARKS for c in verb.children):
        return None
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    return verb_source(view, head, exclude, depth + 1).under("gerund")


def speaker_participle(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A present participle set after what someone is reported to say is the speaker's act, not the
    reported clause's: "Paul Durand a déclaré que "la partie est finie", dénonçant l'accord." ->
    Paul Durand (not "la partie")."""
    if feat(verb, "VerbForm") != ["Part"] or feat(verb, "Tense") != ["Pres"] or verb.dep_ != "advcl":
        return None
    if has_child(verb, SUBJ) or verb.i < verb.head.i:
        return None
    if lemma(verb) in view.lex.cue("speech"):
        return None  # "…, soulignant la nécessité de sanctions": what it stresses is no act of its own
    if not any(t.text == "," for t in view.doc[verb.head.i:verb.i]):
        return None
    cur = verb.head
    for _ in range(3):
        if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in view.lex.cue("speech"):
            return verb_source(view, cur.head, exclude, depth + 1).under("speaker-participle")
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def name_before_verb(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A name right before a verb without subject: "Les Pays-Bas approuvant l'envoi de chars ..."

    Also "Ankara a massé ..." when the parser split the name off as a sentence of its own."""
    participle = feat(verb, "VerbForm") == ["Part"] and feat(verb, "Tense") == ["Pres"]
    finite = feat(verb, "VerbForm") in (["Fin"], ["Part"])
    fin = feat(verb, "VerbForm") == ["Fin"]
    if not (finite and (participle or verb.dep_ not in ("acl", "acl:relcl", "xcomp", "conj", "advcl")
                        or (fin and verb.dep_ == "advcl"))):
        return None
    own = {c.i for c in verb.children if c.dep_.startswith("aux") or c.dep_.startswith("expl")
           or c.dep_ == "advmod"}
    if feat(verb, "VerbForm") == ["Part"] and feat(verb, "Tense") == ["Past"] and not any(
            c.dep_.startswith("aux") for c in verb.children):
        return None  # "Lina Varga accusée de fraude" (a headline): the name undergoes it
    for j in range(verb.i - 1, max(verb.i - 6, -1), -1):
        t = view.doc[j]
        if j in own:
            continue
        if view.tok_entity[j] is not None:
            if _qualifies_a_noun(t):
                return None  # "les déclarations à la presse valdorane en accusant X": not Valdorie
            if exclude is not None and _inside(t, exclude):
                return None  # "Les menaces contre le maire Lino Sarto se multiplient": the noun's own target
            while t.dep_ == "conj" and t.head.i < t.i and view.tok_entity[t.head.i] is not None:
                t = t.head  # "Malte et Chypre sont parvenus": the first conjunct
            actors = resolve(view, t, with_conj=False)
            if actors:
                return Found(actors[0], "name-before-verb")
        if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or (t.pos_ == "ADP" and not participle):
            break
    return None


def _inside(tok: Any, top: int) -> bool:
    """Whether ``tok`` hangs (at any depth) under the token at ``top``."""
    cur = tok
    for _ in range(12):
        if cur.i == top:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _qualifies_a_noun(tok: Any) -> bool:
    """A name that only qualifies a noun before a verb: a demonym adjective ("la presse valdorane")
    or a complement with its preposition ("les membres de la direction du parti Alvar"), not a name
    standing for the doer ("Les Pays-Bas approuvant …")."""
    if tok.pos_ == "ADJ" or tok.dep_ == "amod":
        return True
    head = tok
    while head.dep_ == "flat:name" and head.head.i != head.i:
        head = head.head  # the first word of a name carries its preposition
    return head.dep_ in ("nmod", "obl", "obl:mod") and has_child(head, ("case",))


def fragment_context(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A root verb with no subject (a fragment after a bad sentence split): the context's subject.

    "La Norvège a signé l'accord. puis a rappelé son ambassadeur." -> Norvège."""
    if verb.head.i != verb.i:
        return None
    return context_subject(view, verb)


def infinitive_owner(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The noun right before an infinitive names its agent: "la décision de Lisbonne d'envoyer des
    chars" -> Lisbonne (whether the parser hangs the infinitive on that noun or on its verb)."""
    if not (feat(verb, "VerbForm") == ["Inf"] and verb.dep_ in ("xcomp", "acl")):
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
        if c.dep_ == "det" and feat(c, "Poss") == ["Yes"] and possessor(view, c):
            return Found(possessor(view, c), "infinitive-owner:possessive")
    return None


_GOVERNED = ("xcomp", "acl", "advcl", "conj", "ccomp", "obl:arg", "obj", "nmod", "csubj")


def object_control(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """The requested or accused party acts: "La Lettonie a exhorté la Suède à livrer des chars."
    -> Suède; likewise "accuser X de", "reprocher à X de" (the accused is the alleged actor)."""
    if verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    if verb.dep_ == "advcl" and lower_text(verb).endswith(("ant", "ants")):
        return None  # "X exige le départ de Y, dénonçant …": a present participle is X's own act
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
        subj = children_with(up, SUBJ)
        if subj and up.pos_ == "ADJ":
            return _first_found(view, subj[0], "noun-climb:adjective-subject")
        up = up.head
    if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
        inner = verb_source(view, up, exclude, depth + 1)
        return inner.under("noun-climb")
    if up.dep_ in SUBJ:
        return _first_found(view, up, "noun-climb:subject-noun")
    if up.head.i == up.i:
        found = context_subject(view, verb)
        return found.under("noun-climb")
    return Found(None, "noun-climb:none")


def governing_verb_agent(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A dependent verb's agent is its governing verb's: "La Grèce a décidé de livrer des obus."
    -> Grèce (the subject of "décider")."""
    head = verb.head
    if verb.dep_ not in _GOVERNED or head.pos_ not in ("VERB", "AUX"):
        return None
    inner = verb_source(view, head, exclude, depth + 1)
    return inner.under("up")


def purpose_clause(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """An infinitive of purpose or time hung on an adverb ("afin de", "avant de") is done by the
    verb it serves: "Le Chili a dépêché un émissaire afin de négocier avec le Pérou." -> Chili."""
    head = verb.head
    if feat(verb, "VerbForm") != ["Inf"] or head.pos_ not in ("ADV", "ADP", "SCONJ") or head.i == head.head.i:
        return None
    if head.head.pos_ not in ("VERB", "AUX"):
        return None
    return verb_source(view, head.head, exclude, depth + 1).under("purpose")


VerbSourceRule = Callable[[ArticleView, Any, "int | None", int], "Found | None"]
VERB_SOURCE_RULES: list[VerbSourceRule] = [
    reason_doer, inverted_pronoun_speaker, feeling_object, passive_agent, detached_passive, participle_no_agent, headline_passive,
    subject, incise_speaker, reflexive_pronoun_subject, personal_expletive, gerund_owner, speaker_participle, name_before_verb, fragment_context, infinitive_owner, object_control,
    noun_climb, purpose_clause, governing_verb_agent,
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
    sent = sentence_of(tok)
    first_tok = next((t for t in sent if not t.is_space), None)
    if first_tok is not None and first_tok.text[:1].islower() and sent.start > 0:
        prev = sentence_of(view.doc[sent.start - 1]).root
        if prev.i != tok.i and prev.pos_ in ("VERB", "AUX") and prev.head.i == prev.i:
            found = verb_source(view, prev, depth=5).actor
            if found is not None:
                return Found(Actor(found.name, found.kind, tok.i, entity=found.entity), "context:previous-clause")
    cut = fragment_subject(view, tok)  # "Le collectif X, formé en 2019 | , s'est associé à ..."
    if cut is not None:
        return Found(cut, "context:cut-subject")
    # Otherwise only a subject just before: a name the parser split off ("Ankara. a massé").
    for pos, actor, _ in reversed(view.subjects):
        if pos < tok.i and tok.i - pos < 15:
            return Found(Actor(actor.name, actor.kind, tok.i, entity=actor.entity), "context:recent-subject")
    return Found(None, "context:none")


def announcer(view: ArticleView, verb: Any) -> Actor | None:
    """The subject of the speech verb a clause is reported by ("X a annoncé que ...")."""
    cur = verb
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ == "acl:relcl":
            return None  # "les faits qui lui sont reprochés": a relative clause is not the report
        if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in view.lex.cue("speech"):
            return verb_source(view, cur.head).actor
        if cur.dep_ == "ccomp" and f"{lemma(cur.head.head)} {lemma(cur.head)}" in ANNOUNCE_PHRASES:
            # "X a fait savoir que ...": the announcement is X's (the subject of "faire").
            return verb_source(view, cur.head.head).actor
        cur = cur.head
    return None
