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
  threshold chosen out of fold) is dropped as a misreading of a background phrase.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from veille.common.fold import lower_nfc
from veille.events.lexicon import Trigger
from veille.events.model import ANY, SentenceModel, load_model
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
