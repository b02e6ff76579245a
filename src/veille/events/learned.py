"""Where the rules run out: the sentence-type model (``veille.events.model``) reviews the coder.

Two uses; with ``--explain`` a proposed event shows ``type=model:<score>`` in ``Event.rule``:

- proposal: a sentence the trigger lexicon leaves empty but the model reads as one PLOVER type
  with a high score gets a candidate at its main verb ("Les deux syndicats ont fustigé la
  direction" with an unlisted verb); the usual actor rules then find source and target, and the
  mode rules its mode, so a sentence with no named actor still yields nothing;
- review: a rule event in a sentence the model reads as eventless ("some event" score under the
  threshold chosen out of fold) is dropped as a misreading of a background phrase.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.events.lexicon import Trigger
from veille.events.model import ANY, SentenceModel, load_model
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.words import lemma
from veille.model import EVENT_TYPES


def model() -> SentenceModel | None:
    return load_model()


def main_verb(view: ArticleView, sent: Any) -> Any | None:
    """The verb that carries a sentence: its root, or what a reporting root reports."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in root.children):
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
             scores: dict[str, float] | Callable[[], dict[str, float] | None], threshold: float) -> Candidate | None:
    """A candidate of the model's best type at the sentence's main verb, when it scores high enough.

    ``scores`` may be a function giving them: the model then runs only for a sentence with a main verb."""
    verb = main_verb(view, sent)
    if verb is None:
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


def eventless(scores: dict[str, float], sentence_model: SentenceModel) -> bool:
    return scores.get(ANY, 1.0) < sentence_model.drop_threshold
