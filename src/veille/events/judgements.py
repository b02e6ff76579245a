"""A judgement passed on something: an evaluative predicate read as an accusation (or, for praise,
as support) by the one who judges ("judge=1" lines of ``lexicons/events/evaluative_triggers.tsv``).

In "« Cette réforme est inacceptable », a lancé Ana Ruiz." the adjective's subject is not its doer:
the one who blames is whoever says it (the quote's speaker, the "pour X" / "selon X" of the clause,
or the subject of the opinion verb above it: "Ana Ruiz estime que la réforme est injuste"), and the
one blamed is the party the subject names ("la réforme du ministre Paul Durand" -> Paul Durand), or
nobody ("C'est inadmissible"). Without anyone judging, a predicate is description, not an event
("La situation est catastrophique").
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import lower_nfc
from veille.events.actors import Actor, inner_actor, resolve, speaker_side
from veille.events.agents import verb_source
from veille.events.judged_party import party_in_sentence
from veille.events.roles import Found, Roles
from veille.events.view import ArticleView, case
from veille.events.words import feat, lemma, lower_text, sent_start

# "Pour Ana Ruiz, c'est inacceptable", "selon le syndicat": who holds the judgement.
HOLDER_PREPS = ("pour", "selon", "d'après")
# Verbs of opinion above the predicate whose subject judges ("Ana Ruiz juge que …"), besides speech verbs.
OPINION_VERBS = frozenset({"estimer", "juger", "trouver", "considérer", "penser", "croire", "dénoncer",
                           "regretter", "déplorer", "fustiger", "critiquer", "rappeler", "répondre",
                           "répliquer", "rétorquer", "lancer", "réagir", "tonner", "cingler", "ironiser"})


def _holder(view: ArticleView, head: Any) -> Actor | None:
    """The "pour X" / "selon X" phrase of the predicate's clause that names an actor, or the one
    opening its sentence before a comma (the parser often hangs it elsewhere)."""
    for c in head.children:
        if c.dep_.startswith("obl") and lower_nfc(case(c) or "") in HOLDER_PREPS:
            actors = resolve(view, c, with_conj=False)
            if actors:
                return actors[0]
    doc = head.doc
    start = sent_start(head)
    if lower_text(doc[start]) not in HOLDER_PREPS:
        return None
    for j in range(start + 1, min(start + 8, head.i)):
        if doc[j].text == ",":
            break
        if view.tok_entity[j] is not None:
            actors = resolve(view, doc[j], with_conj=False)
            if actors:
                return actors[0]
    return None


def _opinion_verb(view: ArticleView, tok: Any) -> bool:
    """A verb of saying or opinion, also when the lemmatizer kept a present form ("estime")."""
    if tok.pos_ != "VERB":
        return False
    lem = lemma(tok)
    speech = view.lex.cue("speech")
    slip = lem + "r" if lem.endswith("e") else None  # "estime" -> "estimer"
    return lem in OPINION_VERBS or lem in speech or (slip is not None and (slip in OPINION_VERBS or slip in speech))


def _opinion_subject(view: ArticleView, head: Any) -> Found | None:
    """The subject of a verb of saying or opinion the predicate's clause depends on, or of one set
    after it as an incise ("X a menti, a affirmé Y": the parser hangs "affirmé" under the clause)."""
    for c in head.children:
        if c.dep_ == "parataxis" and c.i > head.i and _opinion_verb(view, c):
            found = verb_source(view, c)
            if found.actor is not None:
                return found
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "parataxis", "conj") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if _opinion_verb(view, tok):
            found = verb_source(view, tok)
            return found if found.actor is not None else None
    return None


def _self_blame(head: Any) -> bool:
    """A blamed deed told in the first person ("« J'ai menti »") or as the judge's own infinitive
    ("X reconnaît avoir menti") is a confession, not an accusation."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects:
        return head.dep_ == "xcomp"
    return any(c.pos_ == "PRON" and "1" in feat(c, "Person") for c in subjects)


def judge(view: ArticleView, roles: Roles) -> bool:
    """Gives an evaluative predicate its roles: the one judging as source, the subject's party as
    target. False when nobody judges it (no event)."""
    head = roles.head
    deed = roles.cand.trigger.kind == "verb" and not roles.cand.trigger.adj  # "Y a menti", not "Y est injuste"
    if deed and _self_blame(head):
        return False
    # "la politique de X est injuste" -> X (the subject's party); "« l'injuste politique de X »" -> X
    judged = inner_actor(view, head.head) if head.dep_ == "amod" else roles.source.actor
    found: Found | None = None
    quote = view.tok_quote[head.i]
    if quote is not None and quote.speaker:
        found = Found(speaker_side(view, quote.speaker, plural=False, tok=head.i), "judge:quote-speaker")
    if found is None:
        holder = _holder(view, head)
        if holder is not None:
            found = Found(holder, "judge:holder")
    if found is None:
        opinion = _opinion_subject(view, head)
        if opinion is not None:
            found = opinion.under("judge:opinion")
    if found is None or found.actor is None:
        return False
    roles.source = found
    speaker = lower_nfc(found.actor.name)
    rule = "judged-subject"
    if deed:
        # A blamed deed names its doer or nobody ("on nous a menti"): no party from the context,
        # and a deed of the judge's own side is owned, not blamed.
        if judged is not None and lower_nfc(judged.name) == speaker:
            return False
    elif judged is None or lower_nfc(judged.name) == speaker:
        # the party the sentence itself blames first ("X note que Y a mené une politique injuste")
        named = party_in_sentence(view, head, speaker)
        if named is not None:
            roles.targets, roles.target_rule = named
            roles.target_labels = {a.token: roles.target_rule for a in roles.targets}
            return True
        judged, rule = _party_in_view(view, head, speaker), "judged-context"
    roles.targets = [judged] if judged is not None else []
    roles.target_rule = rule if roles.targets else "none"
    roles.target_labels = {a.token: roles.target_rule for a in roles.targets}
    return True


def _party_in_view(view: ArticleView, head: Any, speaker: str) -> Actor | None:
    """The party the text was last about before the judgement's sentence (the last subject naming an
    actor other than the speaker): "Le ministre Paul Durand a fermé l'usine. « C'est une faute »,
    a réagi Ana Ruiz." -> Paul Durand."""
    start = sent_start(head)
    for pos, actor, _ in reversed(view.subjects):
        if pos < start and lower_nfc(actor.name) != speaker:
            return actor
    return None
