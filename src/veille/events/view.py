"""One article as the event rules see it: its parse, and which token belongs to which entity,
time expression and quote (read from the fields the earlier stages filled, never from their code).

Also the small syntactic questions every rule asks of a token: its preposition, whether its verb is
passive, its "par" agent.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IDX, ORTH, POS

from veille.common.docarrays import CACHE_KEY, child_indices, derived, head_indices, token_strings
from veille.common.doctext import doc_text
from veille.common.fold import lower_nfc, norm
from veille.common.regexscan import alternation_occurrences, regex_word_char
from veille.common.timespans import calendar_date
from veille.events.lexicon import Lexicon
from veille.events.memo import know_text
from veille.events.words import (
    AGENT_PREPS,
    CONTRACTED,
    DEFINITE,
    doc_lemmas,
    doc_lowers,
    lemma,
    lower_text,
    norm_word,
)
from veille.model import Article, Entity

if TYPE_CHECKING:
    from veille.events.actors import Actor

ACTOR_TYPES = ("PER", "ORG", "LOC")

# The sentence model's scores (event type -> probability) of the sentence opening at a token, or None.
SentenceScores = Callable[[int], dict[str, float] | None]


_COMPLEMENT_OPENERS = frozenset({"de", "du", "des", "d"})


def _own_words(name: str) -> list[str]:
    """The words of an organisation's name up to its first "de" complement: "la police" does not take
    up "l'École nationale de la Police", whose complement names what it teaches, not the body."""
    words = lower_nfc(name).replace("'", " ").split()
    cut = next((k for k, w in enumerate(words) if k and w in _COMPLEMENT_OPENERS), len(words))
    return words[:cut]


class ArticleView:
    """Token maps of one article, built once; the rules read them, the coder fills the actor state."""

    def __init__(self, lex: Lexicon, article: Article, doc: Any, kb: Any = None,
                 sentence_scores: SentenceScores | None = None) -> None:
        self.lex = lex
        self.kb = kb
        self.article = article
        self.doc = doc
        # The coder's memo of the sentence model's scores (``Coder.scores_at``), which the unnamed
        # chooser reads (``unnamed.keep_unnamed``); None: no model behind this view (tests, tools).
        self.sentence_scores = sentence_scores
        self.starts = doc.to_array([IDX]).reshape(-1).tolist() if len(doc) else []
        self.n = len(doc)
        self.words = token_strings(doc, ORTH)  # the tokens' texts
        doc_lemmas(doc), doc_lowers(doc)  # built once here: the rules read them token by token
        self.text = doc_text(article, doc)
        know_text(doc, self.text)  # (``memo.parsed_text``: ``doc.text``, the same string, not joined again)
        self.tok_entity: list[Entity | None] = [None] * self.n
        self.tok_time: list[int | None] = [None] * self.n
        self.tok_quote: list[Any] = [None] * self.n
        self.names = {e.name for e in article.entities}
        self.person_names = {e.name for e in article.entities if e.type == "PER" and " " in e.name}
        # Longest spans first, so a name inside a descriptor ("le chef de l'OTAN") keeps its own entity.
        spans = sorted(((span[1] - span[0], span[0], span[1], ent) for ent in article.entities
                        if ent.type in ACTOR_TYPES for span in ent.spans if len(span) == 2),
                       key=lambda x: -x[0])
        for _, start, end, ent in spans:
            toks = self.tokens_in(start, end)
            self.tok_entity[toks.start:toks.stop] = repeat(ent, len(toks))
        self._unlisted_mentions(article)
        # The time stage may list a repeated expression once: every occurrence of its text counts.
        # ``time_tokens``: the tokens ``tok_time`` gives a time, as a set (the coder keeps those of
        # each event's clause by one intersection, not a test per word of the clause).
        timed: set[int] = set()
        for k, t in enumerate(article.times):
            # A duration, a set or a reference ("PRESENT_REF") never dates an event.
            if t.value is not None and calendar_date(t.value, getattr(t, "type", "DATE")) is None:
                continue
            # Every occurrence the time stage listed; older records carry only start/end.
            occ = [tuple(sp) for sp in (getattr(t, "spans", None) or []) if len(sp) == 2]
            for start, end in occ or self.occurrences(t.text, t.start, t.end):
                toks = self.tokens_in(start, end)
                self.tok_time[toks.start:toks.stop] = repeat(k, len(toks))
                timed.update(toks)
        self.time_tokens = frozenset(timed)
        for q in article.quotes:
            if q.start is not None and q.end is not None:
                toks = self.tokens_in(q.start, q.end)
                self.tok_quote[toks.start:toks.stop] = repeat(q, len(toks))
        self.body_start = article.body_start()
        # Filled by the coder (veille.events.actors): who each person acts for, the subjects met so
        # far (token, actor, gender), and the quote speakers merged in on first use.
        self.affiliation: dict[str, str] = {}
        self.subjects: list[tuple[int, Actor, str | None]] = []
        self.speakers: list[tuple[int, Actor, str | None]] | None = None
        self.recipients: dict[int, str] = {}  # sentence -> recipient of aid whose giver is unnamed
        # Titles the article gives its actors, in text order: (token, title noun, its words, actor), so
        # that "le syndicat" or "le ministre de la Santé" later takes up the one so introduced.
        self.titles: list[tuple[int, str, frozenset[str], Actor]] = []
        # Common nouns the article first writes with the body they belong to, in text order: (token,
        # noun lemma, actor), so that "les experts" later takes up "les experts du comité X".
        self.members: list[tuple[int, str, Actor]] = []
        self._org_words: list[tuple[int, Entity, frozenset[str]]] | None = None
        self.titled_people: set[str] = set()  # names read as places that a title of office shows are people
        self.genders: dict[str, str] = {}  # person -> "Masc" / "Fem", when the article shows it
        self.unnamed_subjects: list[tuple[int, str | None, str | None]] = []  # token, gender, number
        # ``resolve``'s answers by (token, for_place, with_conj), kept once the coder has prepared the
        # actor state above (None before: the answers change while it is built).
        self.resolved: dict[tuple[int, bool, bool], list[Actor]] | None = None
        self._posts: dict[str, set[str]] | None = None
        self.post_words: set[str] = set()  # the words of those posts: a noun outside them holds none

    def post_holders(self) -> dict[str, set[str]]:
        """Post -> the people the entity stage gave it to as a mention ("le chef de l'État" among a
        person's mentions), keyed by ``actors.post_key``; built on first use."""
        if self._posts is None:
            self._posts = {}
            for ent in self.article.entities:
                if ent.type != "PER":
                    continue
                for m in ent.mentions:
                    if any(len(w) > 3 and w[:1].islower() for w in m.split()):
                        key = post_key(m)
                        self._posts.setdefault(key, set()).add(ent.name)
                        self.post_words.update(key.split(" "))
        return self._posts

    def _unlisted_mentions(self, article: Article) -> None:
        """A name the entity stage listed once counts wherever it is written again ("le PSOE" in a
        later paragraph): every other whole-word occurrence of a capitalised surface form, on
        tokens no entity holds."""
        forms: dict[str, Entity] = {}
        for ent in article.entities:
            if ent.type in ACTOR_TYPES:
                for m in (ent.name, *ent.mentions):
                    if len(m) >= 2 and m[:1].isupper():
                        forms.setdefault(m, ent)
        if not forms:
            return
        # Longest forms first where several start at one place (no pattern compiled per article).
        ordered = sorted(forms, key=len, reverse=True)
        for start, end, form in alternation_occurrences(self.text, ordered, regex_word_char):
            toks = self.tokens_in(start, end)
            if len(toks) and all(self.tok_entity[i] is None for i in toks):
                for i in toks:
                    self.tok_entity[i] = forms[form]

    def org_mentions(self) -> list[tuple[int, Entity, frozenset[str]]]:
        """Where each organisation is named (first token of a mention) and the words of its name."""
        if self._org_words is None:
            words: dict[str, frozenset[str]] = {}
            self._org_words = []
            firsts = [j for j, ent in enumerate(self.tok_entity)
                      if ent is not None and ent.type == "ORG" and not (j > 0 and self.tok_entity[j - 1] is ent)]
            classed: dict[str, set[str]] = {}
            for j in firsts:
                noun = self._classifier(j)
                if noun:
                    classed.setdefault(self.tok_entity[j].name, set()).add(noun)  # type: ignore[union-attr]
            for j in firsts:
                ent = self.tok_entity[j]
                assert ent is not None
                if ent.name not in words:
                    words[ent.name] = frozenset(norm_word(w) for w in _own_words(ent.name)) | classed.get(ent.name, set())
                self._org_words.append((j, ent, words[ent.name] | self._spelled_out(j)))
        return self._org_words

    def _classifier(self, j: int) -> str | None:
        """The common noun an organisation's name is introduced with ("l'association Droits Égaux",
        "l'ONG (…) Terre Vive", "le collectif X"), so that "l'association" further down takes it up."""
        # (forms, tags and lemmas from the article's columns: no Token per organisation's mention)
        words, tags = self.words, token_strings(self.doc, POS)
        k = j - 1
        if k >= 2 and words[k] == ")":  # "l'organisation non gouvernementale (ONG) X": the acronym
            k -= 1
        if k < 1:
            return None
        noun = words[k]
        if tags[k] not in ("NOUN", "PROPN") or not noun[:1].islower() and not noun.isupper():
            return None
        if lower_nfc(words[k - 1]) not in DEFINITE and tags[k - 1] != "DET" and words[k - 1] != "(":
            return None
        return norm_word(doc_lemmas(self.doc)[k])

    def _spelled_out(self, j: int) -> frozenset[str]:
        """The words of the full name an acronym in brackets follows: "le Comité de l'ONU pour la
        protection des forêts (CPF)" -> {comité, onu, protection, forêt…}, so that "le comité" further
        down takes up CPF even when the full name was not recognised as a name."""
        doc = self.doc
        if j < 2 or doc[j - 1].text != "(":
            return frozenset()
        out: set[str] = set()
        for k in range(j - 2, max(j - 14, -1), -1):
            tok = doc[k]
            if tok.is_punct or tok.pos_ in ("VERB", "AUX", "PRON", "SCONJ"):
                break
            if tok.pos_ in ("NOUN", "PROPN", "ADJ"):
                out.update((norm_word(tok.text), norm_word(lemma(tok))))
        return frozenset(out)

    def occurrences(self, text: str, start: int | None, end: int | None) -> list[tuple[int, int]]:
        out = [(start, end)] if start is not None and end is not None else []
        if not text:
            return out
        pos = self.text.find(text)
        while pos != -1:
            if (pos, pos + len(text)) not in out:
                out.append((pos, pos + len(text)))
            pos = self.text.find(text, pos + 1)
        return out

    def tokens_in(self, start: int, end: int) -> range:
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i < self.n and self.starts[i] + len(self.words[i]) <= start:
            i += 1
        j = bisect_left(self.starts, end)
        return range(i, j)

    def token_at(self, start: int, end: int | None) -> int | None:
        """The first token of ``doc.char_span(start, max(end, start + 1), alignment_mode="expand")``
        for an offset that opens a token (an event's, always), found in the IDX column: no Span nor
        Token built; else that span's first token, or None without one."""
        at = bisect_left(self.starts, start)
        if at < self.n and self.starts[at] == start and self.words[at] \
                and max(end or start + 1, start + 1) <= self.starts[-1] + len(self.words[-1]):
            return at
        span = self.doc.char_span(start, max(end or start + 1, start + 1), alignment_mode="expand")
        return span[0].i if span is not None and len(span) else None

    def entity_at(self, tok: Any) -> Entity | None:
        ent = self.tok_entity[tok.i]
        if ent is not None:
            return ent
        # spaCy may attach a name's first word (appos) while the entity starts elsewhere.
        # (The children read from the article's columns: ``Token.children`` scans the whole subtree.)
        doc = tok.doc
        deps = token_strings(doc, DEP)
        for ci in child_indices(doc)[tok.i]:
            if deps[ci] in ("flat:name", "flat") and self.tok_entity[ci] is not None:
                return self.tok_entity[ci]
        return None

    def is_cue(self, tok: Any, kind: str) -> bool:
        words = self.lex.cue(kind)
        # (``lower_text``: ``lower_nfc(tok.text)`` read off the article's column)
        return lemma(tok) in words or lower_text(tok) in words


def post_key(text: str) -> str:
    """A post's lookup key: folded, without its opening article ("au chef de l'État" -> "chef de l'etat")."""
    words = norm(text).split(" ")
    while words and (words[0] in DEFINITE or words[0] in CONTRACTED):
        words = words[1:]
    if words and words[0].startswith("l'") and len(words[0]) > 2:
        words[0] = words[0][2:]
    return " ".join(words)


def case(tok: Any) -> str | None:
    """The preposition of a nominal (its ``case`` child), spelled out."""
    try:
        return tok.doc.user_data[CACHE_KEY][_CASES][tok.i]  # type: ignore[no-any-return]
    except KeyError:
        return _cases(tok.doc)[tok.i]


def doc_cases(doc: Any) -> list[str | None]:
    """``case(tok)`` of every token of ``doc`` (built once per article)."""
    try:
        return doc.user_data[CACHE_KEY][_CASES]  # type: ignore[no-any-return]
    except KeyError:
        return _cases(doc)


def _cases(doc: Any) -> list[str | None]:
    """``case`` of every token, in one pass over the Doc's columns (the rules ask it many times):
    the lemmas of its ``case``/``fixed`` children before it, in text order."""
    def build() -> list[str | None]:
        deps, heads, lemmas = token_strings(doc, DEP), head_indices(doc), doc_lemmas(doc)
        words: dict[int, list[str]] = {}  # (only the tokens that have such children: no list per word)
        for i in compress(range(len(deps)), map(_CASE_DEPS.__contains__, deps)):  # (picked in C)
            h = heads[i]
            if i < h:
                words.setdefault(h, []).append(lemmas[i])
        out: list[str | None] = [None] * len(heads)
        for h, w in words.items():
            out[h] = " ".join(w)
        return out
    return derived(doc, _CASES, build)


_CASES = "events_case"
_CASE_DEPS = frozenset({"case", "fixed"})


def passive(tok: Any) -> bool:
    """A verb with an "aux:pass" child, unless a reflexive "se" shows "être" is the auxiliary of a
    pronominal verb: "Paul Durand s'en était pris à Lina Varga." is active (Paul Durand acts)."""
    try:
        heads = tok.doc.user_data[CACHE_KEY][_PASSIVE]
    except KeyError:
        heads = derived(tok.doc, _PASSIVE, lambda: _passive_heads(tok.doc))
    return tok.i in heads


def _passive_heads(doc: Any) -> frozenset[int]:
    heads, deps, words = head_indices(doc), token_strings(doc, DEP), token_strings(doc, ORTH)
    tokens = range(len(deps))  # (the "aux:pass" and "expl…" tokens picked in C, then read one by one)
    aux = {heads[i] for i in compress(tokens, map("aux:pass".__eq__, deps)) if heads[i] != i}
    if not aux:
        return frozenset()
    pronominal = {heads[i] for i in compress(tokens, map(str.startswith, deps, repeat("expl")))
                  if heads[i] in aux and norm(words[i]) in ("se", "s'")}
    return frozenset(aux - pronominal)


_PASSIVE = "events_passive_heads"


def agent(verb: Any) -> Any | None:
    """The "par X" agent of a verb or participle."""
    doc = verb.doc
    deps = token_strings(doc, DEP)  # (children as indices: a Token only for the agent)
    for ci in child_indices(doc)[verb.i]:
        dep = deps[ci]
        if dep == "obl:agent" or (dep.startswith("obl") and _cases(doc)[ci] in AGENT_PREPS):
            return doc[ci]
    return None
