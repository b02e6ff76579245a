"""Where the rules run out: the sentence-type model (``veille.events.model``) reviews the coder, and
the trigger finder (``veille.events.model.finder``, when shipped) proposes words the lexicon lacks.

With ``--explain`` a proposed event shows ``type=model:<score>`` (``type=model:finder:<score>``) in
``Event.rule``. A model's guess never governs, absorbs or merges into a rule event (``Coder.run``,
``guesses_alone``): it can only add an event, never change one the rules found. The sentence model:

- proposal: a sentence the trigger lexicon leaves empty but the model reads as one PLOVER type
  with a high score gets a candidate at its main verb ("Les deux syndicats ont fustigé la
  direction" with an unlisted verb); the usual actor rules then find source and target, and the
  mode rules its mode, so a sentence with no named actor still yields nothing;
- review: a rule event in a sentence the model reads as eventless ("some event" score under the
  threshold chosen out of fold) is dropped as a misreading of a background phrase;
- beside the rules (``sentence_guess``, ``retyped``; off unless the model's metadata sets their
  thresholds): a proposal in a sentence whose rule candidates are all of other types, and a rule
  event's type replaced by a confident model's. Out of site neither has gained yet
  (``bench/events_learn.py``, ``bench/FINDINGS.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.fold import lower_nfc
from veille.events.lexicon import Trigger
from veille.events.model import ANY, NO_PROPOSAL, SentenceModel, load_model
from veille.events.model.finder import SUBJECTS, TriggerFinder, has_named, is_candidate, load_finder, space_of
from veille.events.model.finder import features as finder_features
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.walks import has_child
from veille.events.words import lemma
from veille.model import EVENT_TYPES, Event


def model() -> SentenceModel | None:
    return load_model()


def main_verb(view: ArticleView, sent: Any) -> Any | None:
    """The verb that carries a sentence: its root, or what a reporting root reports."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") and not has_child(root, ("cop",)):
        verbs = [c for c in root.children if c.pos_ == "VERB" and c.dep_ in ("acl", "acl:relcl", "ccomp", "conj")]
        root = verbs[0] if verbs else root
    if root.pos_ != "VERB":
        return None
    if lemma(root) in view.lex.cue("speech"):
        reported = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
        return reported[0] if reported else None
    return root


def best_type(scores: dict[str, float], threshold: float) -> tuple[str, float] | None:
    ranked = sorted(((scores[t], t) for t in EVENT_TYPES if t in scores), reverse=True)
    if not ranked or ranked[0][0] < threshold:
        return None
    return ranked[0][1], ranked[0][0]


def proposal(view: ArticleView, sent: Any, unit: int, title: bool,
             scores: dict[str, float] | Callable[[], dict[str, float] | None], threshold: float,
             taken: set[int] | frozenset[int] = frozenset()) -> Candidate | None:
    """A candidate of the model's best type at the sentence's main verb, when it scores high enough.

    ``scores`` may be a function giving them: the model then runs only for a sentence with a main verb.
    A main verb inside a rule candidate (``taken``) is the rules' to read."""
    verb = main_verb(view, sent)
    if verb is None or verb.i in taken:
        return None
    if callable(scores):
        scores = scores() or {}
    best = best_type(scores, threshold)
    if best is None:
        return None
    trigger = Trigger(type=best[0], kind="verb", words=(lemma(verb),))
    cand = Candidate(trigger, verb.i, [verb.i], unit, title, quote=view.tok_quote[verb.i])
    cand.model_score = best[1]  # type: ignore[attr-defined]
    return cand


def sentence_guess(view: ArticleView, sent: Any, unit: int, title: bool, sentence_model: SentenceModel,
                   ruled: list[Candidate], scores_at: Callable[[float], dict[str, float] | None]) -> Candidate | None:
    """The model's proposal for one sentence: at the add threshold when the rules found no candidate
    in it; at the beside threshold when they found some, all of other types than the model's best
    ("Le ministre a rencontré son homologue et a fustigé l'opposition": CONSULT listed, ACCUSE not).
    ``scores_at(threshold)`` gives the sentence's scores, None when no type can reach ``threshold``."""
    if not ruled:
        if not sentence_model.proposes:
            return None
        add = sentence_model.add_threshold
        return proposal(view, sent, unit, title, lambda: scores_at(add), add)
    beside = sentence_model.beside_threshold
    if beside >= NO_PROPOSAL:
        return None
    guess = proposal(view, sent, unit, title, lambda: scores_at(beside), beside,
                     {i for c in ruled for i in c.tokens})
    return None if guess is None or guess.trigger.type in {c.trigger.type for c in ruled} else guess


def retyped(events: list[Event], sentence_model: SentenceModel,
            scores_of: Callable[[Event, float], dict[str, float] | None]) -> list[Event]:
    """Rule events whose type the model reads otherwise: its best type scoring at least its retype
    threshold and the rule's type under its floor ("X a frappé du poing sur la table" listed as
    ASSAULT in a sentence the model reads as REJECT). The rule is kept in ``_rules`` ("…>model:NN");
    an event equal to another once retyped is dropped. ``scores_of(event, threshold)``: the scores
    of the event's sentence, None when no type can reach ``threshold``."""
    high = sentence_model.retype_threshold
    if high >= NO_PROPOSAL:
        return events
    def key(ev: Event) -> tuple:
        return ev.type, ev.source, ev.target, getattr(ev, "_sent", None), ev.mode

    changed = set()
    for n, ev in enumerate(events):
        rules = ev._rules  # type: ignore[attr-defined]
        if rules["type"].startswith(("model:", "refusal<")):
            continue
        scores = scores_of(ev, high)
        best = None if scores is None else best_type(scores, high)
        if best is not None and best[0] != ev.type and scores.get(ev.type, 0.0) < sentence_model.retype_floor:
            ev.type = best[0]
            rules["type"] = f"{rules['type']}>model:{best[1]:.2f}"
            changed.add(n)
    if not changed:
        return events
    kept = {key(ev) for n, ev in enumerate(events) if n not in changed}
    out = []
    for n, ev in enumerate(events):
        if n in changed:
            if key(ev) in kept:
                continue
            kept.add(key(ev))
        out.append(ev)
    return out


def eventless(scores: dict[str, float], sentence_model: SentenceModel) -> bool:
    return scores.get(ANY, 1.0) < sentence_model.drop_threshold


def finder() -> TriggerFinder | None:
    return load_finder()


def found_words(view: ArticleView, sent: Any, taken: set[int], finder_model: TriggerFinder, unit: int,
                title: bool) -> list[Candidate]:
    """Candidates at the words of a sentence the lexicon does not list but the trigger finder reads
    as a trigger of one type with a probability over its threshold ("Les rebelles ont pilonné la
    ville" with "pilonner" unlisted: ASSAULT from its closeness to "bombarder"). Words already in a
    rule trigger (``taken``) are left to the rules; the actor rules then decide, as for a listed word."""
    listed = view.lex.memo.get("finder_listed")
    if listed is None:  # listed words are the rules' (their constraints keep them precise); speech verbs
        # alone are no event
        listed = view.lex.memo["finder_listed"] = (set(view.lex.verbs) | set(view.lex.nouns) | set(view.lex.adjs)
                                                   | view.lex.cue("speech"))
    if taken and finder_model.meta.get("free_sentences"):
        return []
    toks = [t for t in sent if t.i not in taken and is_candidate(t) and t.pos_ in finder_model.pos
            and view.tok_entity[t.i] is None and t.lemma_.lower() not in listed]
    if finder_model.meta.get("named_subject"):
        toks = [t for t in toks if has_named(t, view.tok_entity, SUBJECTS)]
    if not toks:
        return []
    rows = finder_features(toks, view.tok_entity, space_of(view.lex, view.doc.vocab), view.lex.cue("speech"))
    probs = finder_model.probabilities(rows)
    out = []
    for tok, row in zip(toks, probs, strict=True):
        best = int(row[1:].argmax()) + 1
        if row[best] < finder_model.threshold:
            continue
        kind = "verb" if tok.pos_ == "VERB" else "noun"
        trigger = Trigger(type=finder_model.labels[best], kind=kind, words=(lemma(tok),))
        cand = Candidate(trigger, tok.i, [tok.i], unit, title, quote=view.tok_quote[tok.i])
        cand.model_score = float(row[best])  # type: ignore[attr-defined]
        cand.model_name = "finder"  # type: ignore[attr-defined]
        out.append(cand)
    return out


def guesses_alone(view: ArticleView, events: list[Event]) -> list[Event]:
    """The events, less a model's guess of a type and source a rule event of the article already
    has: merged, it could lend the rule event a wrong target; the rules' reading stands."""
    def key(ev: Event) -> tuple[str, str]:
        name = ev.source or ""
        return ev.type, lower_nfc(view.affiliation.get(name, name))

    ruled = {key(ev) for ev in events if not ev._rules["type"].startswith("model:")}  # type: ignore[attr-defined]
    return [ev for ev in events if not ev._rules["type"].startswith("model:")  # type: ignore[attr-defined]
            or key(ev) not in ruled]
