"""The coder: the events of one article, from triggers to merged records.

For each sentence: triggers (``triggers``), then a mode for each (``modes``), then source and
target (``actor_rules``) and type (``type_rules``), then date, place and quantities
(``attributes``), then one record per event (``merge``). Every event logs at DEBUG the rules
behind its type, source and target; with ``explain`` they are kept in ``Event.rule``.
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.attrs import DEP

from veille.common.docarrays import head_indices, sentence_starts, token_strings
from veille.common.fold import lower_nfc
from veille.events.actor_core import Actor
from veille.events.actor_rules import announcer, decide_roles, target_rule_of
from veille.events.article_actors import prepare
from veille.events.attributes import event_date, event_place, event_quantities, sentence_text, split_targets
from veille.events.background import BACKGROUND, background_noun
from veille.events.binding import drop_self_clitics
from veille.events.clauses import clause_region, clause_top, governing_verb, sentences
from veille.events.condemned import condemned_doers
from veille.events.judgements import judge
from veille.events.learned import (
    eventless,
    finder,
    found_words,
    guesses_alone,
    model,
    retyped,
    sentence_guess,
)
from veille.events.lexicon import Lexicon
from veille.events.memo import folded_startswith
from veille.events.merge import WORK_ATTRS, finish
from veille.events.model.any_bound import surely_eventful
from veille.events.modes import RECORDED_MODES, is_conditional, is_future, mode_of
from veille.events.ranker import fill_roles, load_ranker
from veille.events.reactions import cause_verb, reaction_roles
from veille.events.review import load_reviewer
from veille.events.source_rules import PARTYLESS, agentless, bare_event, co_sources
from veille.events.triggers import Candidate, find_triggers
from veille.events.type_rules import REFUSABLE, dropped, event_type
from veille.events.unnamed import kept_unnamed
from veille.events.view import ArticleView, case
from veille.events.words import MUTUAL_TYPES, OF_PREPS, feat
from veille.model import EVENT_TYPES, Article, Event

log = logging.getLogger("veille.events")


def _via(rule: str, actor: Actor | None) -> str:
    """The rule that found a role, with the descriptor take-up that named its actor, if any."""
    return f"{rule}:{actor.via}" if actor is not None and actor.via else rule


def rule_text(rules: dict[str, str]) -> str:
    """``type=… source=… target=…``: the rules behind an event, as logged and explained."""
    text = f"type={rules['type']} source={rules['source']} target={rules['target']}"
    return f"{text} review={rules['review']}" if "review" in rules else text


class Coder:
    """Codes the events of one article; built per article, cheap (dictionary lookups over the Doc)."""

    def __init__(self, lex: Lexicon, article: Article, doc: Any,
                 modes: frozenset[str] | None = RECORDED_MODES, kb: Any = None, explain: bool = False) -> None:
        self.lex = lex
        self.kb = kb
        self.modes = modes  # None: keep every mode (tests and tools inspect demanded/possible events)
        self.explain = explain
        self.article = article
        self.doc = doc
        self.view = ArticleView(lex, article, doc, kb, sentence_scores=self.scores_at)
        self.model = model()
        self.finder = finder()  # unlisted trigger words (veille.events.model.finder)
        self.ranker = load_ranker()  # names the roles the rules leave empty (veille.events.ranker)
        self.reviewer = load_reviewer()  # keeps or drops each event the rules propose (veille.events.review)
        self.sent_scores: dict[int, dict[str, float]] = {}  # sentence start token -> model scores
        self.scored: dict[int, Any] = {}  # sentence start token -> sentence the model may score (on demand)
        self.candidates: list[Candidate] = []
        prepare(self.view)
        self.view.resolved = {}  # the actor state is complete: ``resolve`` may remember its answers

    def run(self) -> list[Event]:
        view = self.view
        cands: list[Candidate] = []
        units = sentences(view)
        nav = tuple(self.lex.cue("navigation"))
        for u, unit in enumerate(units):
            # A teaser of another article ("Article précédent…", "Lire aussi") tells other news.
            if nav and folded_startswith(view.text[unit[0].start_char:unit[0].end_char], nav):
                continue
            for sent in unit:
                if self.article.in_foreign(sent.start_char, sent.end_char):
                    continue
                found = 0
                for trig, head, span in find_triggers(view, sent):
                    at = view.starts[head]  # (``tok.idx`` from the article's column: no Token)
                    if self.article.in_foreign(at, at + 1):
                        continue
                    found += 1
                    cands.append(Candidate(trig, head, span, u, at < view.body_start,
                                           quote=view.tok_quote[head]))
                if self.finder is not None:
                    taken = {i for c in cands[len(cands) - found:] for i in c.tokens}
                    more = found_words(view, sent, taken, self.finder, u, sent.start_char < view.body_start)
                    cands.extend(more)
                    found += len(more)
                if self.model is not None:
                    # Scored only when read: a proposal for a sentence with a main verb and no trigger,
                    # the review of a rule event kept in it.
                    start = sent.start
                    self.scored[start] = sent
                    guess = sentence_guess(view, sent, u, sent.start_char < view.body_start, self.model,
                                           cands[len(cands) - found:], lambda t, s=start: self.proposal_scores(s, t))
                    if guess is not None:
                        cands.append(guess)
        self.candidates = cands  # kept for tools that trace where an event was lost (bench/events_triggers.py)
        # A model's guess neither governs nor absorbs a listed trigger (``veille.events.learned``).
        trigger_heads = {c.head: c for c in cands if getattr(c, "model_score", None) is None}
        for cand in cands:
            cand.mode = mode_of(view, cand, trigger_heads)
        absorbed = {c.governor for c in cands if c.governor is not None and c.mode == "intent"}
        # "a transféré son soutien à X", "a imposé des sanctions": the verb's event holds its object noun.
        # A model's guess never takes a listed trigger's place (``veille.events.learned``).
        verb_heads = {c.head for c in cands if c.trigger.kind == "verb" and getattr(c, "model_score", None) is None}
        deps, heads = token_strings(self.doc, DEP), head_indices(self.doc)  # (no Token per noun)
        absorbed |= {c.head for c in cands if c.trigger.kind == "noun" and deps[c.head] == "obj"
                     and heads[c.head] in verb_heads}
        events: list[Event] = []
        for cand in cands:
            if (cand.head in absorbed and (cand.trigger.absorb or cand.trigger.kind == "noun")) or cand.rejected:
                continue
            events.extend(self._code(cand, units))
        # Violence told without parties is the sentence's only account of it: "Une attaque de
        # drones a tué trois civils" is told by "tuer" (whatever the parse made of "attaque").
        told = {(ev.type, ev._sent) for ev in events if ev._rules["source"] not in (PARTYLESS, BACKGROUND)  # type: ignore[attr-defined]
                and not ev._rules["type"].startswith("model:")}  # type: ignore[attr-defined]
        events = [ev for ev in events if ev._rules["source"] not in (PARTYLESS, BACKGROUND)  # type: ignore[attr-defined]
                  or (ev.type, ev._sent) not in told]  # type: ignore[attr-defined]
        condemned_doers(view, events, {c.head: c.trigger.type for c in cands})
        kept = [ev for ev in finish(view, guesses_alone(view, events), self.modes) if not self._model_rejects(ev)]
        if self.model is not None:  # a type the model reads otherwise, confidently (``events.learned``)
            kept = retyped(kept, self.model, self._event_scores)
        if self.reviewer is not None:  # drops the rule readings its features call wrong (``events.review``)
            kept = self.reviewer.review(view, kept)
        debug = log.isEnabledFor(logging.DEBUG)
        for ev in kept:
            rules = rule_text(ev._rules)  # type: ignore[attr-defined]
            if debug:
                log.debug("%s: %s %s -> %s: %s", self.article.id, ev.type, ev.source, ev.target, rules)
            if self.explain:
                ev.rule = rules
            for attr in WORK_ATTRS:
                ev.__dict__.pop(attr, None)
        return kept

    def scores_at(self, start: int) -> dict[str, float] | None:
        """The model's scores of the sentence starting at token ``start`` (computed once, when first
        asked), or None for a sentence the coder passed over (foreign, a teaser of another article)."""
        scores = self.sent_scores.get(start)
        if scores is None and self.model is not None and start in self.scored:
            scores = self.sent_scores[start] = self.model.scores(self.scored[start])
        return scores

    def proposal_scores(self, start: int, threshold: float) -> dict[str, float] | None:
        """``scores_at`` for a proposal, None when no event type can reach ``threshold``
        (``SentenceModel.may_reach``: most sentences, without the model's full product)."""
        if self.model is not None and start not in self.sent_scores and start in self.scored \
                and not self.model.may_reach(self.scored[start], threshold, EVENT_TYPES):
            return None
        return self.scores_at(start)

    def _event_scores(self, ev: Event, threshold: float) -> dict[str, float] | None:
        start = self._sentence_start(ev)
        return None if start is None else self.proposal_scores(start, threshold)

    def _sentence_start(self, ev: Event) -> int | None:
        """The first token of the sentence an event's trigger is in (None without model or offsets)."""
        if self.model is None or ev.start is None:
            return None
        # An event opens on a token (its trigger's first): that token's sentence, found by its offset
        # in the article's column, as ``char_span`` would find it, without a Span and its Tokens.
        at = self.view.token_at(ev.start, ev.end)
        return None if at is None else sentence_starts(self.doc)[at]

    def _model_rejects(self, ev: Event) -> bool:
        """A rule event in a sentence the model reads as eventless (see ``veille.events.learned``)."""
        if self.model is None or ev._rules["type"].startswith("model:"):  # type: ignore[attr-defined]
            return False
        start = self._sentence_start(ev)
        if start is None:
            return False
        if start not in self.sent_scores and start in self.scored and surely_eventful(self.model, self.scored[start]):
            return False  # (sure without the model's full product: ``events/model/any_bound.py``)
        scores = self.scores_at(start)
        return scores is not None and eventless(scores, self.model)

    def _code(self, cand: Candidate, units: list[list[Any]]) -> list[Event]:
        view = self.view
        head = self.doc[cand.head]
        trig = cand.trigger
        drop = dropped(view, cand, head)
        if drop is not None:
            log.debug("%s: trigger %r dropped (%s)", self.article.id, head.text, drop)
            return []
        verbal = trig.kind == "verb" or head.pos_ == "VERB"
        gov = None if verbal else governing_verb(view, head)
        anchor = gov if gov is not None else head  # the token whose clause gives date, place and quantities
        roles = decide_roles(view, cand, head, gov)
        drop_self_clitics(roles)  # "X leur a demandé": the pronoun is not X
        reaction = cause_verb(cand, head)  # "X suscite l'opposition de Y": Y's act against X
        if reaction is not None:
            reaction_roles(roles, reaction)
        if trig.judge and not judge(view, roles):
            return []  # a judgement nobody passes is a description ("la situation est grave")
        fill_roles(view, roles, head, self.ranker)
        source, targets = roles.source.actor, roles.targets
        if source is None:
            if trig.type == "AID" and targets:
                view.recipients.setdefault(cand.sent, targets[0].name)
            if not agentless(view, cand, head, roles) and not background_noun(cand, head, roles) and reaction is None:
                return []
        own = [t for t in targets if source is not None and lower_nfc(t.name) == lower_nfc(source.name)]
        targets = [t for t in targets if t not in own]
        if own and not targets and trig.type == "REQUEST":
            # "nous avons demandé à nos forces de ...": an order, recorded as the ordered event.
            return []
        # "le retrait de l'Iran de l'accord": a withdrawal with its agent and what it leaves is complete.
        complete = trig.type == "RETREAT" and sum(
            1 for c in head.children if c.dep_ == "nmod" and case(c) in OF_PREPS) >= 2
        if not verbal and anchor.i == head.i and not targets and trig.type not in ("CONSULT", "MOBILIZE") \
                and not complete and not trig.judge and not bare_event(head, roles) and not kept_unnamed(roles) \
                and roles.source.rule != BACKGROUND and reaction is None:
            # A bare event noun ("depuis l'invasion", "les combats se poursuivent") is background
            # unless it is complete or its doer claimed it.
            return []
        quote = cand.quote
        top = clause_top(anchor)
        region = clause_region(top, head)
        time_toks = sorted(region & view.time_tokens)  # (the clause's time words: ``view.time_tokens``)
        etype, type_rule = event_type(view, cand, head)
        if getattr(cand, "model_score", None) is not None:
            name = getattr(cand, "model_name", None)  # "finder": the trigger finder; else the sentence model
            etype, type_rule = trig.type, f"model:{name + ':' if name else ''}{cand.model_score:.2f}"  # type: ignore[attr-defined]
        # (the trigger's offsets from the article's columns: ``tok.idx`` and ``len(tok.text)``, no Token)
        start, last = view.starts[cand.tokens[0]], cand.tokens[-1]
        end = view.starts[last] + len(view.words[last])
        pairs = self._pairs(roles, source, targets, time_toks, head)
        out = []
        for source, tgt, when in pairs:
            ev = Event(type=etype, source=None if roles.anonymous or source is None else source.name,
                       target=tgt.name if tgt else None, text=sentence_text(view, units[cand.sent]),
                       mode=cand.mode,
                       trigger=view.text[start:end],
                       source_actor=view.affiliation.get(source.name) if source and source.kind == "PER" else None,
                       quote_speaker=quote.speaker if quote is not None else None,
                       start=start, end=end)
            ev.date = event_date(view, cand, top, when, time_toks, head)
            ev._explicit = bool(ev.date and time_toks)  # type: ignore[attr-defined]  # a time in the text
            ev.place = event_place(view, region, tgt, head, etype)
            ev.quantities = event_quantities(view, region)
            ev._sent = cand.sent  # type: ignore[attr-defined]
            ev._title = cand.title  # type: ignore[attr-defined]
            ev._place_target = bool(tgt and tgt.place)  # type: ignore[attr-defined]
            ev._source_kind = source.kind if source else None  # type: ignore[attr-defined]
            # a descriptor take-up names itself after a colon ("subject:topic-person": the reviewer
            # reads the rule before the first colon)
            ev._rules = {"type": type_rule, "source": _via(roles.source.rule, source),  # type: ignore[attr-defined]
                         "target": _via(target_rule_of(roles, tgt), tgt)}
            out.append(ev)
        out.extend(self.refusals(cand, head, out))
        return out

    def _pairs(self, roles: Any, source: Any, targets: list[Any], time_toks: list[int], head: Any) -> list[Any]:
        """(source, target, time) of each event a candidate gives: one per target; for a mutual act
        without another party, the coordinated subjects are its two sides ("X et Y se sont
        rencontrés à Port-Lune": X->Y). Other coordinated subjects stay one event (the team's gold
        lists them as one source; the real-page gold would want one event each)."""
        split = split_targets(targets, time_toks, head)
        if roles.cand.trigger.type in MUTUAL_TYPES and all(tgt is None or tgt.place for tgt, _ in split):
            others = co_sources(self.view, roles)
            if others:
                return [(source, other, None) for other in others]
        return [(source, tgt, when) for tgt, when in split]

    def refusals(self, cand: Candidate, head: Any, events: list[Event]) -> list[Event]:
        """A denied intention is a refusal: "ne livrera pas", "aucun soldat ne serait envoyé".

        Only for cooperative acts and not for a plain past ("n'a pas livré" reports no event at all).
        In reported speech the refusal is the speaker's.
        """
        if cand.mode != "negated" or cand.rejected or cand.trigger.type not in REFUSABLE:
            return []
        verb = head if head.pos_ in ("VERB", "AUX") else clause_top(head)
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        modal = any(is_conditional(c) or is_future(c) for c in [verb, *aux])
        past = not modal and (any(c.dep_ == "aux:tense" for c in aux)
                              or feat(verb, "Tense") in (["Past"], ["Imp"]))
        if past:
            return []
        speaker = announcer(self.view, verb)
        out = []
        for ev in events:
            ref = Event(type="REJECT", source=speaker.name if speaker else ev.source, target=ev.target,
                        text=ev.text, mode="fact", trigger=ev.trigger, start=ev.start, end=ev.end,
                        source_actor=self.view.affiliation.get(speaker.name) if speaker else ev.source_actor,
                        quote_speaker=ev.quote_speaker)
            ref.date, ref.place, ref.quantities = ev.date, ev.place, list(ev.quantities)
            for attr in WORK_ATTRS:
                setattr(ref, attr, getattr(ev, attr))
            rules = ev._rules  # type: ignore[attr-defined]
            ref._rules = {"type": f"refusal<{rules['type']}",  # type: ignore[attr-defined]
                          "source": "announcer" if speaker else rules["source"], "target": rules["target"]}
            out.append(ref)
        return out


