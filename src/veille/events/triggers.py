"""Where an event starts: the trigger words of a sentence, matched against ``event_triggers.tsv``.

Phrases first ("appel téléphonique" is CONSULT, not the REQUEST an "appel" can be), then verbs
(pronominal and constrained readings first), then nouns. A trigger's constraints (``obj=``,
``any=``, ``noobj=``) are checked against the parse by ``events/trigger_objects.py``; how the tagger
read a word (a verb read as a noun, a stance participle) is ``events/verb_forms.py``'s; where a
trigger may start, ``events/trigger_slots.py``'s. A new trigger is a lexicon line, not code.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, token_strings
from veille.events.actors import Actor
from veille.events.attribute_adjs import attribute_verb
from veille.events.lexicon import Trigger
from veille.events.reaction_words import drawn_reaction
from veille.events.trigger_objects import object_ok
from veille.events.trigger_slots import (
    MAX_PHRASE_GAPS,
    gapped_phrase,
    lemma_slip,
    participle_infinitive,
    trigger_slots,
)
from veille.events.verb_forms import (
    adjective_entries,
    copular_verb,
    double_negative,
    has_adjective_entry,
    is_reflexive,
    is_refusal,
    misread_participle,
    misread_verb,
    predicative,
    stance_participle,
    verb_candidates,
    verb_entries,
    verbal_use,
)
from veille.events.view import ArticleView
from veille.events.words import doc_lemmas, doc_lowers, feat

# ``verb_entries`` is read from here by the source, agent and speech-event rules.
__all__ = ["Candidate", "find_triggers", "verb_entries"]


@dataclass
class Candidate:
    trigger: Trigger
    head: int
    tokens: list[int]
    sent: int
    title: bool
    source: Actor | None = None
    targets: list[Actor] = field(default_factory=list)
    mode: str = "fact"
    governor: int | None = None  # head of a governing trigger (promise, request)
    quote: Any = None
    rejected: bool = False  # governed by a refusal: the refusal is recorded, not this
    negated: bool = False  # a ``neg=`` trigger negated on its clause ("n'a pas l'intention de démissionner")


def _bare_after_en(tok: Any) -> bool:
    """"en représailles à …": the noun names the motive of the clause's act (no determiner)."""
    kids = list(tok.children)
    return any(c.dep_ == "case" and c.lower_ == "en" for c in kids) and not any(c.dep_ == "det" for c in kids)



_PHRASE_HEAD_TAGS = frozenset({"NOUN", "VERB", "PROPN"})  # a phrase's head: its first such word, else its first
_PHRASE_MEMO = "trigger_phrase_openers"
_PHRASE_MEMO_LIMIT = 100_000  # (lemma, form) pairs: a long run meets ever more words


def _phrase_memo(lex: Any) -> dict[tuple[str, str], tuple[str | None, str | None, list[Trigger], frozenset[str] | None]]:
    """The run's memo of ``_phrase_openers``, kept in the lexicon's memo (its answers are the lexicon's)."""
    memo = lex.memo.get(_PHRASE_MEMO)
    if memo is None or len(memo) > _PHRASE_MEMO_LIMIT:
        memo = lex.memo[_PHRASE_MEMO] = {}
    return memo  # type: ignore[no-any-return]


def _phrase_openers(phrases: dict[str, list[Trigger]], memo: dict, key: tuple[str, str]) -> tuple[
        str | None, str | None, list[Trigger], frozenset[str] | None]:
    """For a word (lemma, lower-case form) that may open a phrase: the infinitive of its participle,
    the -er infinitive of a slipped lemma, the phrases filed under lemma, form and those two (in
    ``walks.phrase_candidates``' order), and their second words (None when one phrase is a single
    word: then no slot can be skipped on its next words). Worked out once per word for the run:
    "appel" -> (None, "appeler", [appel téléphonique, …], {"téléphonique", …})."""
    lem, low = key
    slip, lem_slip = participle_infinitive(low), lemma_slip(lem)
    listed: list[Trigger] = []
    for word in (lem, low, slip or "", lem_slip or ""):
        listed += phrases.get(word, [])
    seconds = None if any(len(t.words) < 2 for t in listed) else frozenset(t.words[1] for t in listed)
    memo[key] = out = (slip, lem_slip, listed, seconds)
    return out


def find_triggers(view: ArticleView, sent: Any) -> list[tuple[Trigger, int, list[int]]]:
    """(trigger, head token, tokens) of every trigger in a sentence."""
    found: list[tuple[Trigger, int, list[int]]] = []
    # Lemma and lower-case keys come from the per-article lists; a Token is built only for a word
    # the lexicon may hold (``may_trigger``), not for every word of every sentence.
    doc, first, last = sent.doc, sent.start, sent.end
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    starts, words = trigger_slots(view.lex, doc)
    phrases = view.lex.phrases
    taken: set[int] = set()
    tags, deps, kids = token_strings(doc, POS), token_strings(doc, DEP), child_indices(doc)  # (columns: no Token per child)
    openers = _phrase_memo(view.lex)
    for i in starts[bisect_left(starts, first):bisect_left(starts, last)]:
        # Phrases first: "appel téléphonique" is CONSULT, not the REQUEST an "appel" can be.
        key = (lemmas[i], lowers[i])
        opened = openers.get(key)
        if opened is None:
            opened = _phrase_openers(phrases, openers, key)
        slip, lem_slip, listed, seconds = opened
        stop = min(i + 2 + MAX_PHRASE_GAPS, last)
        if seconds is not None and seconds.isdisjoint(lemmas[i + 1:stop]) and seconds.isdisjoint(lowers[i + 1:stop]):
            continue  # (most slots: no phrase of theirs has its second word here, no Token nor set built)
        near = {*lemmas[i + 1:stop], *lowers[i + 1:stop]}
        # (``walks.phrase_candidates`` over the listed phrases: those whose second word is near)
        trigs = [t for t in listed if len(t.words) < 2 or t.words[1] in near]
        if not trigs:
            continue
        # Every phrase written in a row first, then those an adverb interrupts: "plaidé non coupable"
        # is no "plaider coupable" with a gap.
        for gapped in (False, True):
            hit = False
            for trig in trigs:
                n = len(trig.words)
                if gapped:
                    span = gapped_phrase(trig.words, i, last, lemmas, lowers, doc, view.lex) if n > 1 else None
                else:
                    end = min(i + n, last)
                    first_word = slip if trig.words[0] == slip else lem_slip if trig.words[0] == lem_slip else lemmas[i]
                    window = [first_word, *lemmas[i + 1:end]]
                    texts = lowers[i:end]
                    span = list(range(i, i + n)) if len(window) == n and all(
                        w in (a, b) for w, a, b in zip(trig.words, window, texts, strict=True)) else None
                if span is None:
                    continue
                head = doc[next((k for k in span if tags[k] in _PHRASE_HEAD_TAGS), i)]
                if not object_ok(view, trig, head):
                    continue
                found.append((trig, head.i, span))
                taken.update(span)
                hit = True
                break
            if hit:
                break
    for i in words[bisect_left(words, first):bisect_left(words, last)]:
        if i in taken:
            continue
        lem = lemmas[i]
        tok = doc[i]
        # (most words have no adjective entry: their adjective readings are not looked at)
        adjectival = has_adjective_entry(view.lex, lem, lowers[i])
        adjs = adjective_entries(view, tok, lem) if adjectival and (predicative(tok) or copular_verb(tok)) else []
        verb = None if adjs or not adjectival else attribute_verb(tok)  # "s'est dite favorable à X": the verb holds X
        adjs = adjs or ([t for t in adjective_entries(view, tok, lem) if not t.judge] if verb is not None else [])
        if not adjs and adjectival and deps[i] == "amod" and view.tok_quote[i] is not None:
            # "« une réforme injuste »": in someone's words, an evaluative epithet is a judgement
            adjs = [t for t in adjective_entries(view, tok, lem) if t.judge and t.type == "ACCUSE"]
        verbal = False if adjs else verbal_use(tok)  # (asked once: the branches below read it again)
        misread = None if adjs or verbal else (misread_verb(view, tok) or misread_participle(view, tok))
        if misread is not None:
            lem = misread
        if adjs:
            for trig in sorted(adjs, key=lambda t: not t.constrained):
                if object_ok(view, trig, verb or tok):
                    found.append((trig, (verb or tok).i, [tok.i]))
                    break
        elif misread is not None or verbal:
            # Pronominal, then constrained readings first: "promettre une riposte" before "promettre".
            cands = sorted(verb_candidates(view, lem), key=lambda t: (not t.reflexive, not t.constrained))
            if lem.endswith("er") and feat(tok, "VerbForm") == ["Part"] and (
                    deps[i] == "xcomp" or any(deps[c] == "aux:pass" for c in kids[i])):
                # "se dit préoccupé par", "est opposé à": a passive participle read as the adjective it is.
                cands += view.lex.adjs.get(lem[:-2] + "é", [])
            elif tags[i] == "ADJ" and any(deps[c] == "aux:pass" for c in kids[i]):
                # "est fermement opposé à": the tagger's adjective with the passive auxiliary the
                # parser gave it instead of a copula; its adjective reading is the stance.
                cands += adjective_entries(view, tok, lem)
            elif lem.endswith("er") and stance_participle(tok):
                # "un fervent opposant à X", "des élus opposés à X": the participle names a stance
                cands += view.lex.adjs.get(lem[:-2] + "é", [])
            refl = is_reflexive(tok) if cands else False
            for trig in cands:
                if trig.reflexive and not refl:
                    continue
                if trig.type == "REJECT" and (double_negative(view, tok) or (
                        lem in view.lex.cue("negverb") and tok.head.i != tok.i and is_refusal(view, tok.head))):
                    break
                if object_ok(view, trig, tok):
                    found.append((trig, tok.i, [tok.i]))
                    break
        elif tags[i] in ("NOUN", "PROPN") and view.tok_entity[i] is None:
            if (lem in view.lex.cue("motive") or lowers[i] in view.lex.cue("motive")) and _bare_after_en(tok):
                continue
            nouns = view.lex.nouns.get(lem, []) + view.lex.nouns.get(lowers[i], [])
            for trig in sorted(nouns, key=lambda t: not t.constrained):
                if object_ok(view, trig, tok) or drawn_reaction(trig, tok, nouns):  # "suscite l'opposition de X"
                    found.append((trig, tok.i, [tok.i]))
                    break
    return found
