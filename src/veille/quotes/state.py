"""The state of one article's walk, passed explicitly to every function of the quote stage.

* ``ArticleState``: the article, its Doc and the indexes built once (quoted ranges, entity
  mentions, descriptors), with the Doc lookups every module needs;
* ``SpeakerMemory`` (``state.memory``): what the walk has learnt so far, in text order: the last
  speaker, everyone who spoke, the cue each direct quote was attributed through. It is the only
  part that changes while quotes are found.
* ``Cue`` and ``Mention``: a speech cue with its subject, an entity mention with its role.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX

from veille.common.doctext import doc_text
from veille.model import Article, Entity, Quote
from veille.quotes.marks import WORD, MarkSpan
from veille.quotes.resources import CueEntry
from veille.quotes.reversed_marks import upright_guillemets

if TYPE_CHECKING:
    from veille.quotes.resources import QuoteResources

log = logging.getLogger("veille.quotes")


@dataclass
class Cue:
    """A speech cue found in the text, with the words naming its subject and, once resolved, its speaker."""
    tok: Any  # the speech verb (or preposition) token
    entry: CueEntry
    start: int  # char span of the cue words ("a-t-il ajouté")
    end: int
    subj_start: int | None = None
    subj_end: int | None = None
    subj_text: str | None = None
    speaker: str | None = None
    resolved: bool = False
    inverted: bool = False
    start_tok: int | None = None  # first token of the cue words
    unnamed: bool = False  # the subject is an unnamed source ("une source diplomatique")
    rule: str | None = None  # the speaker rule that resolved the subject
    via: str | None = None  # for a cue with no subject of its own: the subject rule of the verb it took its speaker from
    gap: tuple[int, int] | None = None  # the cue's own incise inside the clause it reports, left out of its text


@dataclass
class Mention:
    """One place where an entity is named, with its role in the sentence."""
    start: int
    end: int
    entity: Entity
    in_quote: bool = False
    subject: bool = False  # the mention is (part of) a clause subject or agent
    complement: bool = False  # "le porte-parole de X", "le président de la République": X is not the head
    asked: bool = False  # "interrogée par X", "au micro de X": X asked the question, X is not a voice


@dataclass
class SpeakerMemory:
    """Who has spoken so far in the article, in text order."""

    last: str | None = None
    speakers: list[str] = field(default_factory=list)
    cue_of: dict[int, Cue] = field(default_factory=dict)  # id(MarkSpan) -> the cue its speaker came from

    def record(self, speaker: str | None) -> None:
        """Remembers that ``speaker`` (when known) has just spoken."""
        if speaker:
            self.last = speaker
            self.speakers.append(speaker)


class ArticleState:
    """One article's Doc and indexes; the stage fills ``marks``, ``mentions`` … in ``open_article``."""

    def __init__(self, res: QuoteResources, article: Article, doc: Any, segs: list[tuple[int, int]]) -> None:
        self.res = res
        self.art = article
        self.doc = doc
        # guillemets set » … « over the whole article are read « … » (same length: offsets hold)
        written = doc_text(article, doc)
        self.text: str = upright_guillemets(written, segs)
        self.marks_swapped = self.text is not written
        self.segs = segs
        self.body_start = segs[0][0]
        # one array read: iterating the Doc built a Token object per word of every article
        self.tok_starts: list[int] = doc.to_array([IDX]).reshape(-1).tolist() if len(doc) else []
        self.marks: list[MarkSpan] = []
        self.quote_ranges: list[tuple[int, int]] = []
        self._starts_of: list[tuple[int, int]] | None = None  # the ranges ``_quote_starts`` was read from
        self._quote_starts: list[int] = []
        self.mentions: list[Mention] = []
        self.descriptors: dict[int, set[str]] = {}  # id(PER entity) -> descriptor words
        self.cue_at: dict[int, Cue] = {}  # token index -> the cue on it
        self.genders: dict[int, str | None] = {}  # id(entity) -> "m", "f" or None (cache)
        self.memory = SpeakerMemory()
        self.incise_cue: dict[int, Cue] = {}  # id(MarkSpan) -> the incise inside the quote it was cut from
        # id(MarkSpan) -> (that span, how its lost closing mark was placed: open_marks.py); the span is held
        # so that its id is not taken by a later one
        self.open_marks: dict[int, tuple[MarkSpan, str]] = {}
        self.unmarked: dict[int, tuple[MarkSpan, str]] = {}  # the same for speech with no marks (unmarked_speech.py)
        self.explain = False  # record each quote's rule on ``Quote.rule``
        self.rule_of: dict[int, tuple[Quote, str]] = {}  # id(quote) -> (the quote, its rule), explaining or not

    def note_rule(self, quote: Quote, rule: str) -> None:
        """Logs the speaker rule behind ``quote``; keeps it on the quote when explaining."""
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s: %s quote at %s-%s, speaker %r by rule %s", self.art.id, quote.kind,
                      quote.start, quote.end, quote.speaker, rule)
        self.rule_of[id(quote)] = (quote, rule)
        if self.explain:
            quote.rule = rule

    def tok_at(self, pos: int) -> Any:
        """The token at (or running over) character ``pos``."""
        i = max(0, bisect.bisect_right(self.tok_starts, pos) - 1)
        return self.doc[i]

    def toks_in(self, s: int, e: int) -> Any:
        """Tokens starting in [s, e) plus the one running into s (a slice of the Doc)."""
        if e <= s:
            return self.doc[0:0]
        return self.doc[self.tok_at(s).i:bisect.bisect_left(self.tok_starts, e)]

    def in_quote(self, pos: int) -> bool:
        """True when character ``pos`` lies between quotation marks."""
        ranges = self.quote_ranges
        if ranges is not self._starts_of:  # (the list is replaced, never changed in place)
            self._starts_of, self._quote_starts = ranges, [s for s, _ in ranges]
        i = bisect.bisect_right(self._quote_starts, pos) - 1  # the last range starting at or before pos
        for s, e in ranges[max(0, i - 3):i + 1]:
            if s <= pos < e:
                return True
        return False

    def seg_of(self, pos: int) -> tuple[int, int]:
        """The paragraph (start, end) holding ``pos``."""
        for s, e in self.segs:
            if s <= pos <= e:
                return s, e
        return pos, pos

    def paragraph_start_before(self, pos: int, back: int = 1) -> int:
        """Start of the paragraph ``back`` paragraphs before the one holding ``pos`` (the first
        paragraph's start when there are fewer)."""
        starts = [a for a, _ in self.segs]
        ps = self.seg_of(pos)[0]
        k = starts.index(ps) if ps in starts else 0
        return starts[max(0, k - back)]

    def sent_bounds(self, pos: int) -> tuple[int, int]:
        """Sentence around ``pos``, widened so that it never cuts a quote in two."""
        sent = self.tok_at(pos).sent
        s, e = sent.start_char, sent.end_char
        ps, pe = self.seg_of(pos)
        for qs, qe in self.quote_ranges:
            if qs < s < qe and qs >= ps:
                s = min(s, self.line_start(qs))
            if qs < e < qe and qe <= pe:
                e = qe
        return max(s, ps), min(max(e, s), pe)

    def line_start(self, qs: int) -> int:
        """Start of the sentence holding ``qs``."""
        sent = self.tok_at(qs).sent
        return sent.start_char

    def speech_like(self, s: int, e: int) -> bool:
        """True when the quoted words ``s``-``e`` read as speech: more than three words with a verb (not
        a programme title, "« Grand Débat de la Ville »", nor a scare quote)."""
        return self.words(s, e) > 3 and any(t.pos_ in ("VERB", "AUX") for t in self.toks_in(s, e))

    def words(self, s: int, e: int) -> int:
        """Number of words in ``text[s:e]``."""
        return len(WORD.findall(self.text[s:e]))

    def skip_space(self, s: int) -> int:
        """The first position from ``s`` that is neither a space nor an apostrophe."""
        while s < len(self.text) and (self.text[s].isspace() or self.text[s] in "'’"):
            s += 1
        return s

    def language(self, s: int, e: int, cue: Cue | None) -> str:
        """The language of the quote ``s``-``e``: a foreign passage covering most of it, else the cue's
        language, else French."""
        for f in self.art.foreign:
            # the passage must hold most of the quote: a foreign name inside a French quote
            # ("[Russian President Vladimir]") does not make the quote foreign
            if f.start is not None and f.end is not None and \
                    2 * (min(e, f.end) - max(s, f.start)) > (e - s):
                return f.language
        if cue is not None and cue.entry.lang != "fr":
            return cue.entry.lang
        return "fr"


def subject_tokens(state: ArticleState, cue: Cue) -> list[Any]:
    """The words of a cue's subject ("les agriculteurs" in "…, ont signalé les agriculteurs"); none
    when the cue has no subject."""
    if cue.subj_start is None or cue.subj_end is None:
        return []
    return [t for t in state.toks_in(cue.subj_start, cue.subj_end) if t.idx >= cue.subj_start]


def head_of(toks: list[Any]) -> Any:
    """The head word of a phrase: its first noun or pronoun whose head lies outside it."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                return t
    for t in toks:
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
    for t in toks:
        if t.i > 0 and t.doc[t.i - 1].pos_ == "DET" and "Part" in t.morph.get("VerbForm"):
            return t  # "le prévenu", "l'accusée": a participle made a noun by its determiner
    return toks[0]


def subject_head(toks: list[Any]) -> Any:
    """The head word of a speech cue's subject: as ``head_of``, but a determiner that heads it is taken for
    the adjective after it ("explique cet étudiant", "raconte la sexagénaire": a person's noun the tagger
    read as an adjective after an inverted speech verb)."""
    head = head_of(toks)
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.pos_ == "DET" and nxt is not None and nxt.pos_ == "ADJ" and any(t.i == nxt.i for t in toks):
        return nxt
    return head
