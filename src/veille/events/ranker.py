"""The actor ranker: a small linear model that names an event's source or target where the rules
name nobody.

For each event candidate, the actors of its sentence are candidates (every entity mention, demonym,
pronoun or descriptor that ``resolve`` reads as an actor; the quote's speaker; the subject of the
sentence before). Each (trigger, candidate) pair is described by closed features only: the
dependency path from the trigger to the mention (labels, with the preposition of the last hop from
a closed list: "Le traité a été signé par la Moldavie." -> ``down=obl:agent+par``), side and
distance, entity type, trigger type and kind, the voice of the verb, and what the rules decided
(their rule names). No word of the sentences enters a feature, so the weights cannot memorise a
page.

Two logistic regressions (source, target) score the candidates; the rules come first and the
ranker only fills a role they leave empty ("Face à la direction, le syndicat a durci le ton." with
no rule reaching the target). A filled role says ``ranker <p>`` in ``Event.rule``. Weights ship in
``events/model/actor_ranker.npz``/``.json``, rebuilt by ``veille train actors``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, LEMMA, POS

from veille.common.docarrays import head_indices, token_strings
from veille.common.fold import lower_nfc
from veille.events.actors import Actor, demonym, resolve, speaker_side
from veille.events.argument_words import UNRANKED_TARGET_TYPES
from veille.events.context_actors import CONTEXT_KINDS, context_actors
from veille.events.model.fit import read_named_weights, write_named_weights
from veille.events.roles import Found, Roles
from veille.events.view import ArticleView, doc_cases, passive
from veille.events.words import MUTUAL_TYPES, SUBJ, doc_lowers, sentence_of

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_NAME = "actor_ranker"
# Prepositions are a closed class: the last hop of a path keeps its preposition from this list.
PREPS = frozenset({"par", "de", "à", "contre", "avec", "envers", "pour", "sur", "entre", "chez", "auprès",
                   "face", "vers", "dans", "en", "selon", "sans", "après", "avant", "depuis", "sous", "parmi"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
MAX_CANDIDATES = 20
_LOGIT_MARGIN = 1e-3  # a float32 sum of 45 weights under 3 in size is off by under 4e-4 at worst


@dataclass
class Mention:
    """One actor the sentence offers: its canonical name, the token that holds it, how it was found."""

    actor: Actor
    tok: int
    kind: str  # entity / demonym / pronoun / descriptor / speaker / previous


def _prep(doc: Any, i: int) -> str:
    words = doc_cases(doc)[i]  # (``case`` of token ``i``: no Token)
    if not words:
        return "-"
    word = lower_nfc(words.split()[0])
    return word if word in PREPS else "other"


def _ancestors(heads: list[int], i: int) -> list[int]:
    """Token ``i`` and its heads up to the root (at most 12), as token indices."""
    chain = [i]
    while heads[chain[-1]] != chain[-1] and len(chain) < 12:
        chain.append(heads[chain[-1]])
    return chain


def sentence_mentions(view: ArticleView, sent: Any, named_only: bool = False) -> list[Mention]:
    """Actors named in a sentence, once per mention (an entity's head token stands for its span);
    ``named_only``: the entities and demonyms alone (no pronoun or descriptor is resolved)."""
    out: list[Mention] = []
    doc = view.doc
    tags, heads, deps = token_strings(doc, POS), head_indices(doc), token_strings(doc, DEP)
    lowers, lemma_strings = doc_lowers(doc), token_strings(doc, LEMMA)
    for i in range(sent.start, sent.end):
        ent = view.tok_entity[i]
        tag = tags[i]
        if ent is None and tag not in NOMINAL and tag != "ADJ":
            continue  # (read from the article's columns: most words stop here, no Token is built)
        if ent is not None:  # whatever its tag: the tagger reads some names as verbs or adverbs
            h = heads[i]
            if h != i and view.tok_entity[h] is ent and sent.start <= h < sent.end:
                continue  # not the head of its mention
        # (the tag and label from the columns too: a Token only for a word that stays a candidate)
        if ent is not None:
            kind = "entity"
        elif tag == "PRON":
            if named_only or deps[i] not in SUBJ and deps[i] not in ("obj", "iobj", "obl:arg"):
                continue
            kind = "pronoun"
        elif tag == "ADJ":
            # (``lower_nfc`` of the form and of the lemma, from the article's columns: no Token per adjective)
            if lowers[i] not in view.lex.demonyms and lower_nfc(lemma_strings[i]) not in view.lex.demonyms:
                continue
            kind = "demonym"
        else:
            if named_only or deps[i] not in SUBJ and not deps[i].startswith(("obj", "obl", "nmod", "iobj", "appos")):
                continue
            kind = "descriptor"
        tok = doc[i]
        if kind == "demonym":
            actor = demonym(view, tok)
            actors = [actor] if actor is not None else []
        else:
            actors = resolve(view, tok, with_conj=False)
        for actor in actors[:2]:
            if actor.name and not actor.place:
                out.append(Mention(actor, tok.i, kind))
    return out


def _extra_mentions(view: ArticleView, head: Any, sent: Any) -> list[Mention]:
    """Actors outside the sentence: the quote's speaker, the previous sentence's subject and names
    ("Le syndicat a rejeté l'offre. Il a aussi voté la grève." leaves the second source outside)."""
    out = []
    quote = view.tok_quote[head.i]
    if quote is not None and quote.speaker:
        out.append(Mention(speaker_side(view, quote.speaker, plural=False, tok=head.i), head.i, "speaker"))
    if sent.start == 0:
        return out
    prev = sentence_of(view.doc[sent.start - 1])
    before = [(pos, actor) for pos, actor, _ in view.subjects if prev.start <= pos < sent.start]
    if before:
        out.append(Mention(before[-1][1], before[-1][0], "previous"))
    # Only its entities and demonyms count: the sentence's own list when it was built (for an event
    # of its own), else those alone (resolving its pronouns and descriptors would change nothing).
    named = view.__dict__.setdefault("_ranker_mentions", {}).get(prev.start)
    if named is None:
        cache = view.__dict__.setdefault("_ranker_named", {})
        if prev.start not in cache:
            cache[prev.start] = sentence_mentions(view, prev, named_only=True)
        named = cache[prev.start]
    out += [Mention(m.actor, m.tok, "previous-" + m.kind) for m in named if m.kind in ("entity", "demonym")]
    return out


@dataclass
class _Shared:
    """What the features of an event's candidates have in common (worked out once per event)."""

    ttype: str
    feats: tuple[str, str, str, str, str, str, str]  # ttype, tkind, mode, voice, srcrule, srcfound, tgtfound
    voice: str
    source: str | None  # the rules' source, folded
    targets: list[str]  # the rules' targets, folded


def _shared(roles: Roles, head: Any) -> _Shared:
    trig = roles.cand.trigger
    voice = "pass" if passive(head) else ("verb" if roles.verbal else "noun")
    src_rule = roles.source.rule.rsplit(">", 1)[-1].split(":")[0]
    feats = (f"ttype={trig.type}", f"tkind={trig.kind}", f"mode={roles.cand.mode}", f"voice={voice}",
             f"srcrule={src_rule}", f"srcfound={roles.source.actor is not None}", f"tgtfound={bool(roles.targets)}")
    source = lower_nfc(roles.source.actor.name) if roles.source.actor is not None else None
    return _Shared(trig.type, feats, voice, source, [lower_nfc(t.name) for t in roles.targets])


def pair_features(view: ArticleView, roles: Roles, head: Any, m: Mention, chains: dict[int, list[int]],
                  order: int, shared: _Shared | None = None) -> list[str]:
    """The closed features of one (trigger, candidate) pair (``shared``: ``_shared(roles, head)``)."""
    if shared is None:
        shared = _shared(roles, head)
    trig = roles.cand.trigger
    kind, etype = m.kind, m.actor.kind
    ttype, tkind, mode, voice_f, srcrule, srcfound, tgtfound = shared.feats
    feats = ["bias", f"kind={kind}", f"etype={etype}", ttype, tkind, f"kind={kind}|{ttype}", mode,
             voice_f, srcrule, srcfound, tgtfound]
    voice = shared.voice
    name = lower_nfc(m.actor.name)
    if shared.source is not None and shared.source == name:
        feats.append("is_rule_source")
    if name in shared.targets:
        feats.append("is_rule_target")
    feats.append(f"order={min(order, 4)}")
    if kind in CONTEXT_KINDS:  # no path: what the page names outside the sentence
        return [*feats, f"ctx={kind}|etype={etype}", f"ctx={kind}|etype={etype}|{ttype}", f"ctx={kind}|{srcfound}",
                f"ctx={kind}|{tgtfound}", f"ctx={kind}|{voice_f}", f"ctx={kind}|order={min(order, 2)}"]
    if kind == "speaker" or kind.startswith("previous"):
        dep = token_strings(view.doc, DEP)[m.tok]  # (the label from the column: no Token per mention)
        return [*feats, f"prev_dep={dep}", f"prev_dep={dep}|kind={kind}"]
    side = "before" if m.tok < head.i else "after"
    gap = abs(m.tok - head.i)
    dist = "1" if gap <= 1 else "2-3" if gap <= 3 else "4-6" if gap <= 6 else "7-12" if gap <= 12 else "far"
    feats += [f"side={side}", f"dist={dist}", f"side={side}|voice={voice}", f"side={side}|kind={kind}"]
    heads = head_indices(view.doc)
    up_ids = chains.get(head.i)
    if up_ids is None:
        up_ids = chains[head.i] = _ancestors(heads, head.i)
    down_chain = chains.get(m.tok)
    if down_chain is None:
        down_chain = chains[m.tok] = _ancestors(heads, m.tok)
    lca = next((k for k, t in enumerate(down_chain) if t in up_ids), None)
    if lca is None:
        feats.append("path=none")
        return feats
    deps = token_strings(view.doc, DEP)
    n_up = up_ids.index(down_chain[lca])
    up = [deps[t] for t in up_ids[:n_up]]
    down = [deps[t] for t in down_chain[:lca]][::-1]  # from the common ancestor down to the mention
    last = f"{down[-1]}+{_prep(view.doc, m.tok)}" if down else "self"
    up_s = "/".join(up[:2]) + ("/..." if len(up) > 2 else "")
    down_s = "/".join(down[:-1][-1:] + [last]) if down else "self"
    feats += [f"up={up_s}", f"down={down_s}", f"last={last}", f"hops={min(len(up), 3)},{min(len(down), 3)}",
              f"last={last}|voice={voice}", f"last={last}|ttype={trig.type}", f"up={up_s}|last={last}",
              f"last={last}|etype={etype}"]
    if lca < len(down_chain):
        feats.append(f"lca_pos={token_strings(view.doc, POS)[down_chain[lca]]}")
    return feats


def candidate_rows(view: ArticleView, roles: Roles, head: Any,
                   context: bool = False) -> tuple[list[Mention], list[list[str]]]:
    """The candidates of one event and the features of each (``context``: also the page's topic and
    the paragraph's main actor, ``context_actors``, after the nearest ones)."""
    sent = sentence_of(head)
    cache = view.__dict__.setdefault("_ranker_mentions", {})
    if sent.start not in cache:
        cache[sent.start] = sentence_mentions(view, sent)
    mentions = cache[sent.start] + _extra_mentions(view, head, sent)
    mentions = sorted(mentions, key=lambda m: abs(m.tok - head.i))[:MAX_CANDIDATES]
    if context:
        mentions += [Mention(actor, actor.token, kind) for kind, actor in context_actors(view, sent)]
    chains: dict[int, list[int]] = {}
    seen: dict[str, int] = {}
    rows = []
    shared = _shared(roles, head) if mentions else None
    for m in mentions:
        key = lower_nfc(m.actor.name)
        seen[key] = seen.get(key, 0) + 1
        rows.append(pair_features(view, roles, head, m, chains, seen[key], shared))
    return mentions, rows


@dataclass
class ActorRanker:
    vocab: dict[str, int]
    weights: np.ndarray  # (features, 2): source, target
    bias: np.ndarray  # (2,)
    meta: dict = field(default_factory=dict)

    @property
    def thresholds(self) -> tuple[float, float]:
        return float(self.meta.get("source_threshold", 0.5)), float(self.meta.get("target_threshold", 0.5))

    @property
    def overrides(self) -> bool:
        """Whether the ranker may replace a role the rules filled (an override threshold ≤ 1)."""
        return min(float(self.meta.get("source_override", 1.1)), float(self.meta.get("target_override", 1.1))) <= 1.0

    def scores(self, rows: list[list[str]]) -> np.ndarray:
        """(candidates, 2) probabilities of being the source and the target."""
        # All rows in one gather: each feature the model does not know, and each row's tail up to the
        # longest row, read as the zero row of weights. Added in the order of the row's features, a
        # zero changes no float32 partial sum: the same sums as one row at a time with the unknown
        # features left out, without a numpy call or a Python list per row.
        pad = len(self.weights)
        width = max(map(len, rows), default=0)
        get = self.vocab.get
        ids = chain.from_iterable(chain(map(get, feats, repeat(pad)), repeat(pad, width - len(feats))) for feats in rows)
        mat = np.fromiter(ids, dtype=np.intp, count=len(rows) * width).reshape(len(rows), width)
        out = (self.bias.astype(np.float32) + np.add.reduce(self._padded[mat], axis=1)).astype(np.float32, copy=False)
        return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(out, -30), 30)))  # (np.clip, faster)

    def none_reach(self, rows: list[list[str]], source_limit: float, target_limit: float) -> bool:
        """True when no row's source probability can reach ``source_limit`` nor its target probability
        ``target_limit`` (a limit above 1 is never reached), so that ``scores`` need not run. The
        logits are summed here in float64, off the float32 sums of ``scores`` by far less than
        ``_LOGIT_MARGIN``; a row within the margin of a limit counts as reaching it."""
        for limit, weights in ((source_limit, self._column_weights[0]), (target_limit, self._column_weights[1])):
            if limit > 1.0:
                continue
            if not 0.0 < limit < 1.0:
                return False
            bound = math.log(limit / (1.0 - limit)) - _LOGIT_MARGIN - weights[None]
            get = weights.get
            if any(sum(map(get, feats, repeat(0.0))) >= bound for feats in rows):
                return False
        return True

    @cached_property
    def _column_weights(self) -> tuple[dict[str | None, float], dict[str | None, float]]:
        """Per role (source, target): feature -> weight, and ``None`` -> the bias."""
        return tuple({**{f: float(self.weights[i, k]) for f, i in self.vocab.items()}, None: float(self.bias[k])}
                     for k in range(2))  # type: ignore[return-value]

    @cached_property
    def _padded(self) -> np.ndarray:
        """The weights and one row of zeros (the padding of ``scores``)."""
        return np.vstack([self.weights, np.zeros((1, self.weights.shape[1]), dtype=self.weights.dtype)])

    def save(self, directory: Path = MODEL_DIR) -> None:
        write_named_weights(directory, MODEL_NAME, self.vocab, self.weights, self.bias, self.meta, ["source", "target"])


@lru_cache(maxsize=1)
def load_ranker(directory: Path = MODEL_DIR) -> ActorRanker | None:
    read = read_named_weights(directory, MODEL_NAME)
    if read is None:
        return None
    vocab, meta, weights, bias = read
    return ActorRanker(vocab=vocab, weights=weights, bias=bias, meta=meta)


# Tools set this to a list to collect (view, candidate, mentions, rows, rules' roles) for training,
# and ``RECORD_CONTEXT`` to say whether the recorded candidates include the context ones.
RECORDER: list[dict] | None = None
RECORD_CONTEXT = True


def fill_roles(view: ArticleView, roles: Roles, head: Any, ranker: ActorRanker | None) -> None:
    """Names the source and the target the rules left empty, when the ranker is confident enough;
    above a higher threshold (``*_override``, chosen out of fold) it also replaces the rules' pick."""
    want_source = roles.source.actor is None and not roles.anonymous
    # A bare event noun without target is dropped as background: the ranker does not revive it.
    want_target = not roles.targets and (roles.verbal or roles.gov is not None)
    # A protest's party is written with its preposition or not at all: the ranker's pick there is a
    # place, an organiser or a cause (``unranked_target_type`` of arguments.tsv).
    ranks_target = want_target and roles.cand.trigger.type not in UNRANKED_TARGET_TYPES
    # A role whose threshold is above 1 is never filled (the shipped model leaves sources to the
    # rules): no features are computed for it alone.
    fills_source = want_source and ranker is not None and ranker.thresholds[0] <= 1.0
    if RECORDER is None and (ranker is None or not (fills_source or ranks_target or ranker.overrides)):
        return  # nothing to fill, nothing to record: no features computed (the stage stays cheap)
    context = bool(ranker.meta.get("context", False)) if ranker is not None else RECORD_CONTEXT
    mentions, rows = candidate_rows(view, roles, head, context)
    if RECORDER is not None:
        RECORDER.append({"view": view, "cand": roles.cand, "head": head.i, "names": [m.actor.name for m in mentions],
                         "rows": rows, "want": (want_source, want_target)})
    if ranker is None or not mentions:
        return
    t_src, t_tgt = ranker.thresholds
    o_src, o_tgt = float(ranker.meta.get("source_override", 1.1)), float(ranker.meta.get("target_override", 1.1))
    if ranker.none_reach(rows, t_src if want_source else o_src,
                         (t_tgt if ranks_target else o_tgt) if roles.targets or ranks_target else 1.1):
        return  # (most events: no candidate can pass a threshold, the float32 scores are not needed)
    probs = ranker.scores(rows)
    source = roles.source.actor
    best = int(np.argmax(probs[:, 0]))
    if probs[best, 0] >= (t_src if want_source else o_src) and not roles.anonymous:
        source = mentions[best].actor
        roles.source = Found(source, f"ranker {probs[best, 0]:.2f}")
    for k in np.argsort(-probs[:, 1]):
        if not (roles.targets or ranks_target) or probs[k, 1] < (t_tgt if ranks_target else o_tgt):
            break
        actor = mentions[int(k)].actor
        if source is not None and lower_nfc(actor.name) == lower_nfc(source.name):
            continue
        if ranks_target and source is not None and own_side(view, roles, source, mentions[int(k)], mentions):
            continue
        if not ranks_target and any(lower_nfc(t.name) == lower_nfc(actor.name) for t in roles.targets):
            break  # the rules' target is the ranker's too
        roles.targets = [actor]
        roles.target_rule = f"ranker {probs[k, 1]:.2f}"
        roles.target_labels[actor.token] = roles.target_rule
        break


# The links by which a name belongs to the phrase of the source it qualifies ("le ministre X",
# "les maires de A et B", "X (parti Y)").
_OWN_PHRASE_DEPS = frozenset({"appos", "flat:name", "amod", "nmod", "conj", "nummod", "det"})


def own_side(view: ArticleView, roles: Roles, source: Actor, mention: Mention,
             mentions: list[Mention]) -> bool:
    """A candidate the ranker must not name as target: the source's own side. That is the body the
    article gives the source person ("Lino Varga, ministre valdoran, ... Varga a voté contre" -> not
    Valdorie), or a name written inside a phrase of the sentence that names the source ("l'ambassadeur
    valdoran Lino Varga rejette les rumeurs" -> not Valdorie; "le conservateur Lino Varga (parti
    Alvar) s'y oppose" -> not Alvar), or another subject of the verb the source is the subject of
    ("Lino Varga et Piotr Lenz réclament des mesures"). Not for an act done together, whose partner
    may be written there ("les ministres de A et de B ont signé un accord")."""
    name = lower_nfc(mention.actor.name)
    if source.kind == "PER":
        body = view.affiliation.get(source.name)
        if body is not None and lower_nfc(body) == name:
            return True
    if roles.cand.trigger.type in MUTUAL_TYPES:
        return False
    doc = view.doc
    trigger = set(roles.cand.tokens) | {roles.head.i}
    own = lower_nfc(source.name)
    # (a token that also names the source is no spot of another name: the entities overlap there)
    taken = {m.tok for m in mentions if lower_nfc(m.actor.name) == own}
    spots = [m.tok for m in mentions if lower_nfc(m.actor.name) == name and 0 <= m.tok < len(doc)
             and m.tok not in taken]
    verb = roles.head if roles.verbal else roles.gov
    if verb is not None and roles.source.rule.endswith("subject"):
        # two subjects of one verb are a misparse of one coordinated subject ("X et Y réclament")
        subjects = [c for c in verb.children if c.dep_ in SUBJ and c.i not in trigger]
        if any(t in _phrase(c) for c in subjects for t in spots):
            return True
    for m in mentions:
        if lower_nfc(m.actor.name) != own or not 0 <= m.tok < len(doc) or m.kind.startswith("previous"):
            continue
        top = doc[m.tok]
        while (top.dep_ in _OWN_PHRASE_DEPS and top.head.i != top.i and top.head.i not in trigger
               and top.head.pos_ in NOMINAL):
            top = top.head
        if top.i in trigger or any(top.left_edge.i <= t <= top.right_edge.i for t in trigger):
            continue
        if any(t in _phrase(top) for t in spots):
            return True
    return False


def _phrase(top: Any) -> set[int]:
    """The tokens of a noun phrase, less an apposition set off by a comma: a name there is more often
    the next clause's subject misread ("tenu en échec par le parti Alvar, Lino Varga abdique") than a
    side of the phrase's own (a bracketed apposition stays: "Lino Varga (parti Alvar)")."""
    out = set(range(top.left_edge.i, top.right_edge.i + 1))
    doc = top.doc
    for t in top.subtree:
        if t.dep_ == "appos" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ",":
            out -= set(range(t.left_edge.i, t.right_edge.i + 1))
    return out
