"""Quotes: who said what, in quotation marks (direct) or reported after a speech verb (indirect).

Two parts:

* ``scan_quote_marks`` finds the words between quotation marks (« », “ ”, „ “, " ", ‹ ›) in a
  text, paragraph by paragraph. It copes with what real copy does: a closing mark that is missing
  (the quote ends at the first sentence end when a new quote opens in the same paragraph, else at
  the paragraph end), reversed (``« … «``), a quote running over several paragraphs (French
  convention: each continued paragraph opens with « and only the last one closes), nested quotes,
  and a missing opening mark at the start of a paragraph. It is a plain function over a string so
  it can be tested on its own (hypothesis property tests).
* ``QuoteStage`` (a doc stage, after entities, times and quantities) walks the shared spaCy Doc to
  find the speech cues of ``lexicons/speech_verbs.tsv``: the cue before a quote ("a déclaré : «"),
  the inverted cue after it ("», a ajouté le ministre"), the reported clause after "que"
  ("a souligné que …"), the clause before an inverted cue, "selon X, …". The speaker is the cue's
  subject, resolved to an entity of ``article.entities`` by its spans (names, descriptors,
  pronouns); unnamed sources (``lexicons/unnamed_sources.tsv``) give a null speaker and keep
  their words in ``speaker_text``.

Everything is regex and token walks over the already parsed Doc: no second spaCy call.
"""

from __future__ import annotations

import bisect
import functools
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.model import Article, Entity, Quote

LEXICONS = Path(__file__).parent / "lexicons"
log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# The quote-mark scanner
# --------------------------------------------------------------------------------------------

# Mark -> family. „ opens a curly quote that “ or ” closes (German/Polish style).
_FAMILY = {"«": "guil", "»": "guil", "“": "curly", "”": "curly", "„": "curly", '"': "straight",
           "‹": "single", "›": "single"}
_NATURAL_OPEN = frozenset("«“„‹")
_NATURAL_CLOSE = frozenset("»”›")
# A mark followed by one of these (or by the paragraph end) cannot open a quote: it closes one.
_AFTER_CLOSE = frozenset(",.;:!?)]…")
# A closing-looking mark preceded by one of these (or by the paragraph start) opens a quote.
_BEFORE_OPEN = frozenset(":—–-([")
_SENTENCE_END = re.compile(r"[.!?…][\"»”)]*\s+(?=[^\w]{0,3}[A-ZÀ-ÖØ-Þ])")
_WORD = re.compile(r"\w+")


@dataclass
class MarkSpan:
    """Words between quotation marks: offsets of the words themselves (marks excluded)."""

    start: int
    end: int
    pieces: list[tuple[int, int]]  # one (start, end) per paragraph the quote runs over
    open_char: str
    closed: bool = True  # False when the closing mark was missing or the quote was cut
    missing_open: bool = False  # the opening mark was missing (quote from paragraph start)

    def text(self, full: str) -> str:
        return " ".join(full[s:e] for s, e in self.pieces)


def _paragraph_segments(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in re.split(r"(\n\s*\n)", text):
        if part and not re.fullmatch(r"\n\s*\n", part):
            out.append((pos, pos + len(part)))
        pos += len(part)
    return out


def _prev_char(text: str, i: int, lo: int) -> str | None:
    j = i - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return text[j] if j >= lo else None


def _next_char(text: str, i: int, hi: int) -> str | None:
    j = i + 1
    while j < hi and text[j].isspace():
        j += 1
    return text[j] if j < hi else None


def _strip_piece(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _FAMILY):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _FAMILY):
        e -= 1
    return s, e


@dataclass
class _Open:
    open_pos: int
    char: str
    family: str
    piece_start: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    stack: list[str] = field(default_factory=list)  # families of nested quotes still open


def scan_quote_marks(text: str, segments: list[tuple[int, int]] | None = None) -> list[MarkSpan]:
    """Quoted passages of ``text``, in order. ``segments`` are the paragraphs (start, end);
    by default the text is split at blank lines. Never raises on any string."""
    if segments is None:
        segments = _paragraph_segments(text)
    out: list[MarkSpan] = []
    carry: _Open | None = None
    for k, (s, e) in enumerate(segments):
        marks = [j for j in range(s, e) if text[j] in _FAMILY]
        idx = 0
        cur: _Open | None = None
        emitted_here = False
        if carry is not None:
            # The paragraph starts with the continuation mark (checked before carrying).
            cur, carry = carry, None
            cur.piece_start = marks[0] + 1
            cur.stack = []
            idx = 1
        while idx < len(marks):
            j = marks[idx]
            ch = text[j]
            fam = _FAMILY[ch]
            prev, nxt = _prev_char(text, j, s), _next_char(text, j, e)
            can_open = nxt is not None and nxt not in _AFTER_CLOSE
            can_close = prev is not None and prev not in "(["
            if cur is None:
                opens = False
                if ch in _NATURAL_OPEN or ch == '"':
                    opens = can_open
                elif can_open and (prev is None or prev in _BEFORE_OPEN or not can_close):
                    opens = True  # a reversed mark opening a quote ("» Nous …" at a paragraph start)
                if opens:
                    cur = _Open(open_pos=j, char=ch, family=fam, piece_start=j + 1)
                elif can_close and not emitted_here and ch not in _NATURAL_OPEN:
                    # A closing mark with no opening one: the quote ran from the paragraph start.
                    ps, pe = _strip_piece(text, s, j)
                    if len(_WORD.findall(text[ps:pe])) >= 4:
                        out.append(MarkSpan(ps, pe, [(ps, pe)], ch, True, missing_open=True))
                        emitted_here = True
                idx += 1
                continue
            top = cur.stack[-1] if cur.stack else cur.family
            # What role does this mark play here?
            if ch == '"':
                is_close = top == "straight" or (cur.family == "straight" and can_close and not can_open)
            elif ch in _NATURAL_CLOSE:
                is_close = True
            elif ch == "“" and top == "curly" and cur.char == "„" and not cur.stack:
                is_close = True
            else:  # a natural opening mark: closes only when nothing can follow it (reversed)
                is_close = not can_open and can_close
            if is_close:
                if cur.stack and fam == cur.stack[-1]:
                    cur.stack.pop()
                elif fam == cur.family:
                    cur.pieces.append((cur.piece_start, j))
                    _emit(out, text, cur, closed=True)
                    emitted_here = True
                    cur = None
                idx += 1
                continue
            # An opening mark inside an open quote.
            if fam == cur.family and not cur.stack:
                boundary = _SENTENCE_END.search(text, cur.piece_start, j)
                if boundary:
                    # The first quote was never closed: it ends with its first sentence and
                    # everything after is scanned again (it may hold quotes of its own).
                    cur.pieces.append((cur.piece_start, boundary.start() + 1))
                    _emit(out, text, cur, closed=False)
                    emitted_here = True
                    cur = None
                    idx = bisect.bisect_left(marks, boundary.end())
                    continue
            cur.stack.append(fam)
            idx += 1
        if cur is not None:
            cur.pieces.append((cur.piece_start, e))
            nxt_seg = segments[k + 1] if k + 1 < len(segments) else None
            first = _next_char(text, nxt_seg[0] - 1, nxt_seg[1]) if nxt_seg else None
            if first is not None and first in _FAMILY and _FAMILY[first] == cur.family and (
                    first in _NATURAL_OPEN or first == '"'):
                # French convention: a quote going on in the next paragraph reopens it.
                carry = cur
                continue
            _emit(out, text, cur, closed=False)
    if carry is not None:
        _emit(out, text, carry, closed=False)
    return out


def _emit(out: list[MarkSpan], text: str, cur: _Open, closed: bool) -> None:
    pieces = []
    for s, e in cur.pieces:
        s, e = _strip_piece(text, s, e)
        if e > s:
            pieces.append((s, e))
    if pieces and any(c.isalnum() for s, e in pieces for c in text[s:e]):
        out.append(MarkSpan(pieces[0][0], pieces[-1][1], pieces, cur.char, closed))


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case, one apostrophe, no accents (tokens repeat: the cache keeps this cheap)."""
    word = word.lower().replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@dataclass
class CueEntry:
    lemma: str
    lang: str
    flags: frozenset[str]


def _french_forms(lemma: str) -> list[str]:
    """Regular inflections of a first- or second-group verb (the forms a cue takes in news)."""
    if lemma.endswith("er"):
        st = lemma[:-2]
        soft = st + "e" if st.endswith("g") else st  # jugeant, jugeait
        cedil = st[:-1] + "ç" if st.endswith("c") else st  # lançant
        base = [st + x for x in ("e", "es", "ent", "é", "ée", "és", "ées", "era", "eront", "erait",
                                 "eraient", "er")]
        base += [(soft if st.endswith("g") else cedil) + x for x in ("ant", "ait", "aient", "a")]
        return base
    if lemma.endswith("ir"):
        st = lemma[:-2]
        return [st + x for x in ("it", "is", "issent", "i", "ie", "issant", "issait", "issaient",
                                 "ira", "irait", "ir")]
    return [lemma]


def load_speech_verbs(path: Path | None = None) -> tuple[dict[str, CueEntry], dict[str, CueEntry]]:
    """(lemma -> entry, folded surface form -> entry) from ``speech_verbs.tsv``."""
    by_lemma: dict[str, CueEntry] = {}
    by_form: dict[str, CueEntry] = {}
    for line in (path or LEXICONS / "speech_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        lemma = re.sub(r"^(s'|se )", "", cols[0].strip())
        entry = CueEntry(lemma, cols[1].strip(), frozenset(f.strip() for f in cols[2].split(",")))
        forms = [f.strip() for f in cols[3].split(",")] if len(cols) > 3 and cols[3].strip() else []
        if entry.lang == "fr":
            by_lemma[lemma] = entry
            if "prep" not in entry.flags:
                forms += _french_forms(lemma)
        for f in forms:
            by_form.setdefault(_fold(f), entry)
    return by_lemma, by_form


def _load_words(name: str) -> dict[str, str]:
    out = {}
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            out[cols[0].strip().lower()] = cols[1].strip() if len(cols) > 1 else ""
    return out


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------

_PRONOUNS_SING = {"il", "elle", "-il", "-elle", "celui-ci", "celle-ci", "lui"}
_PRONOUNS_PLUR = {"ils", "elles", "-ils", "-elles", "eux"}
_NOT_SPEAKERS = {"cela", "ca", "ce", "ceci", "c'", "on", "-on", "qui", "tout", "rien", "ceux-ci"}
_INDEFINITE = {"un", "une", "des", "plusieurs", "certains", "certaines", "d'autres", "de"}
_QUE = {"que", "qu'", "qu’"}
_NEGATION_END = {"pas", "jamais", "guère", "nullement", "plus"}
# Words between a quote's end and its inverted cue: auxiliaries, clitic subjects, adverbs.
_INCISE_FILLER_POS = {"AUX", "PRON", "ADV", "PART"}
# Time words besides weekday names (those come from lexicons/calendar.json).
_TIME_FILLERS = {"hier", "soir", "matin", "midi", "apres-midi", "aujourd'hui", "dernier", "encore", "aussi",
                 "egalement", "ensuite", "enfin", "alors", "deja", "lui-meme", "elle-meme"}
_OBJECT_CLITICS = {"lui", "leur", "nous", "vous", "me", "m'", "te", "t'", "y", "en", "l'", "le", "la", "les"}
# Spanish and English: auxiliaries before a cue, subject pronouns, words ending a subject phrase.
_FOREIGN_AUX = {"ha", "han", "habia", "has", "have", "had", "hubo"}
_FOREIGN_PRONOUNS = {"he": "il", "she": "elle", "el": "il", "ella": "elle", "they": "ils", "ellos": "ils"}
_FOREIGN_STOPS = {"en", "in", "on", "at", "tras", "durante", "during", "after", "before", "antes", "despues",
                  "con", "with", "a", "to", "que", "that", "por", "by", "desde", "from", "y", "and"}
_SHORT_QUOTE_WORDS = 3  # scare quotes of up to this many words need a speech cue in the sentence
_CLAUSE_COVER = 0.7  # an indirect clause mostly made of a direct quote is left to the direct one


@dataclass
class _Cue:
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


@dataclass
class _Mention:
    start: int
    end: int
    entity: Entity
    in_quote: bool = False
    subject: bool = False  # the mention is (part of) a clause subject or agent


class QuoteStage:
    name = "quotes"

    def __init__(self, ctx: Any = None) -> None:
        self.ctx = ctx
        self.by_lemma, self.by_form = load_speech_verbs()
        self.unnamed = {_fold(w) for w in _load_words("unnamed_sources.tsv")}
        self.person_nouns = {_fold(w) for w in _load_words("speaker_nouns.tsv")}
        calendar = json.loads((LEXICONS / "calendar.json").read_text(encoding="utf-8"))
        # words that may stand between an inverted cue and its subject ("a indiqué lundi X")
        self.time_words = {_fold(w) for w in calendar.get("weekdays", {}) if w.isalpha()} | _TIME_FILLERS
        self.in_title = bool((getattr(ctx, "settings", None) or {}).get("quotes_in_title", False))

    # -- entry point ---------------------------------------------------------------------------

    def __call__(self, article: Article, doc: Any, ctx: Any = None) -> None:
        try:
            article.quotes = self.extract(article, doc)
        except Exception:  # a bug here must not cost the article its other fields
            log.exception("quotes failed for %s", article.source.path or article.id)
            article.quotes = []

    def extract(self, article: Article, doc: Any) -> list[Quote]:
        segs = [(s, e) for kind, _, s, e in article.segments() if kind == "paragraph" or self.in_title]
        if not segs or not len(doc):
            return []
        run = _Run(self, article, doc, segs)
        return run.quotes()

    # -- lexicon lookups -------------------------------------------------------------------------

    def cue_entry(self, tok: Any) -> CueEntry | None:
        pos = tok.pos_
        if pos not in ("VERB", "ADP", "ADV", "NOUN", "ADJ", "PROPN", "X", "AUX"):
            return None  # punctuation, determiners, pronouns: never a cue
        low = _fold(tok.text)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        inverted = nxt is not None and nxt.text.startswith("-")
        if low in ("selon", "d'apres"):
            return self.by_form.get(low)
        if low == "apres" and tok.i > 0 and _fold(tok.nbor(-1).text) in ("d'", "d"):
            return self.by_form.get("d'apres")
        if tok.pos_ not in ("VERB",) and not inverted:
            # the French parser tags foreign words at random: a foreign cue is taken on its form
            entry = self.by_form.get(low)
            return entry if entry is not None and entry.lang != "fr" else None
        entry = self.by_lemma.get(tok.lemma_.lower())
        if entry is None:
            entry = self.by_form.get(low)
        return entry


def _is_present_participle(tok: Any) -> bool:
    form = tok.morph.get("VerbForm")
    return ("Part" in form and "Pres" in tok.morph.get("Tense")) or (
        tok.pos_ == "VERB" and not form and _fold(tok.text).endswith("ant"))


class _Run:
    """The work on one article (keeps the per-article indexes together)."""

    def __init__(self, stage: QuoteStage, article: Article, doc: Any, segs: list[tuple[int, int]]):
        self.st = stage
        self.art = article
        self.doc = doc
        self.text = doc.text
        self.segs = segs
        self.body_start = segs[0][0]
        self.tok_starts = [t.idx for t in doc]
        # A quote left open may hold its own inverted cue ("« Nous serons prêts, a dit X. …").
        self.marks = [m if m.closed else self._cut_at_incise(m) for m in scan_quote_marks(self.text, segs)]
        self.quote_ranges = sorted((m.start, m.end) for m in self.marks)
        self.mentions = self._mentions()
        self.last_speaker: str | None = None
        self.speakers_so_far: list[str] = []
        self.descriptors = self._descriptors()

    # -- small helpers --------------------------------------------------------------------------

    def tok_at(self, pos: int) -> Any:
        i = max(0, bisect.bisect_right(self.tok_starts, pos) - 1)
        return self.doc[i]

    def toks_in(self, s: int, e: int) -> Any:
        """Tokens starting in [s, e) plus the one running into s (a slice of the Doc)."""
        if e <= s:
            return self.doc[0:0]
        return self.doc[self.tok_at(s).i:bisect.bisect_left(self.tok_starts, e)]

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_ranges, (pos, float("inf"))) - 1
        return any(s <= pos < e for s, e in self.quote_ranges[max(0, i - 3):i + 1])

    def seg_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.segs:
            if s <= pos <= e:
                return s, e
        return pos, pos

    def sent_bounds(self, pos: int) -> tuple[int, int]:
        """Sentence around ``pos``, widened so that it never cuts a quote in two."""
        sent = self.tok_at(pos).sent
        s, e = sent.start_char, sent.end_char
        ps, pe = self.seg_of(pos)
        for qs, qe in self.quote_ranges:
            if qs < s < qe and qs >= ps:
                s = min(s, self._line_start(qs))
            if qs < e < qe and qe <= pe:
                e = qe
        return max(s, ps), min(max(e, s), pe)

    def _line_start(self, qs: int) -> int:
        sent = self.tok_at(qs).sent
        return sent.start_char

    def words(self, s: int, e: int) -> int:
        return len(_WORD.findall(self.text[s:e]))

    # -- entity mentions --------------------------------------------------------------------------

    def _mentions(self) -> list[_Mention]:
        out: list[_Mention] = []
        text = self.text
        for ent in self.art.entities:
            spans = [tuple(sp) for sp in (ent.spans or []) if len(sp) == 2]
            if not spans:  # entities without offsets: find their mentions in the text
                for m in {ent.name, *ent.mentions}:
                    if not m or len(m) < 2:
                        continue
                    for hit in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text):
                        spans.append((hit.start(), hit.end()))
            for s, e in spans:
                if 0 <= s < e <= len(text):
                    out.append(_Mention(s, e, ent, self.in_quote(s)))
        out += self._parser_persons(out)
        out.sort(key=lambda m: (m.start, -m.end))
        for m in out:
            tok = self.tok_at(m.start)
            head = tok
            for _ in range(3):  # climb appositions and flat names to the phrase's role
                if head.dep_ in ("flat:name", "appos", "flat") and head.head is not head:
                    head = head.head
                else:
                    break
            m.subject = head.dep_ in ("nsubj", "nsubj:pass", "obl:agent")
        return out

    def _parser_persons(self, known: list[_Mention]) -> list[_Mention]:
        """Persons the parser's NER saw but ``article.entities`` does not cover: a family name
        joins the listed person who bears it, else the name stands for itself. They only serve as
        antecedents and speakers when the entity stage missed someone."""
        out: list[_Mention] = []
        people = [e for e in self.art.entities if e.type == "PER"]
        extra: dict[str, Entity] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PER" or ent.start_char < self.body_start:
                continue
            if any(m.start < ent.end_char and ent.start_char < m.end for m in known):
                continue
            name = re.sub(r"^(M\.|Mme|Mlle|Dr|Me)\s+", "", ent.text.strip())
            if len(name) < 3 or not name[:1].isupper() or "\n" in name:
                continue
            words = set(name.split())
            owner = next((e for e in people if words & set(e.name.split()) == words), None)
            if owner is None:
                owner = extra.setdefault(name, Entity(name=name, type="PER", mentions=[name]))
            out.append(_Mention(ent.start_char, ent.end_char, owner, self.in_quote(ent.start_char)))
        return out

    def _descriptors(self) -> dict[int, set[str]]:
        """For each PER entity (by id), the content words of the descriptors written next to its
        name ("le secrétaire d'État américain Antony Blinken", "Jens Stoltenberg, le chef …")."""
        out: dict[int, set[str]] = {}
        for m in self.mentions:
            if m.entity.type != "PER" or m.in_quote:
                continue
            tok = self.tok_at(m.start)
            words: set[str] = set()
            # name in apposition to a noun, or a noun in apposition to the name
            head = tok
            while head.dep_ in ("flat:name", "flat") and head.head is not head:
                head = head.head
            nouns = []
            if head.dep_ in ("appos", "nmod") and head.head.pos_ == "NOUN":
                nouns.append(head.head)
            nouns += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            # descriptor written right before the name without a comma
            j = tok.i - 1
            while j >= 0 and self.doc[j].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN") \
                    and self.doc[j].idx >= m.start - 80 and not self.doc[j].ent_type_ == "PER":
                if self.doc[j].pos_ in ("NOUN", "ADJ"):
                    words.add(_fold(self.doc[j].lemma_))
                j -= 1
            if tok.i >= 2 and self.doc[tok.i - 1].text == ",":
                # "la maire de Marseille, Sandrine Bellec": the phrase before the comma
                k = tok.i - 2
                while k >= 0 and tok.i - k <= 9 and self.doc[k].pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
                    if self.doc[k].pos_ in ("NOUN", "ADJ", "PROPN"):
                        words.add(_fold(self.doc[k].lemma_))
                    if self.doc[k].pos_ == "DET" and self.doc[k - 1].pos_ != "ADP":
                        break
                    k -= 1
            for n in nouns:
                for t in n.subtree:
                    if t.idx < m.start or t.idx >= m.end:
                        if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.idx < m.start + 200:
                            words.add(_fold(t.lemma_))
            if words:
                out.setdefault(id(m.entity), set()).update(words)
        return out

    # -- cues ----------------------------------------------------------------------------------

    def find_cues(self) -> list[_Cue]:
        cues: list[_Cue] = []
        for tok in self.doc[self.tok_at(self.body_start).i:]:
            entry = self.st.cue_entry(tok)
            if entry is None or entry.flags == frozenset({"modal"}) or self.in_quote(tok.idx):
                continue
            if re.search(r"-à-$|c'est-à-$", self.text[max(0, tok.idx - 8):tok.idx]):
                continue  # "c'est-à-dire"
            cue = self._make_cue(tok, entry)
            if cue is not None:
                cues.append(cue)
        self.cue_at = {c.tok.i: c for c in cues}
        return cues

    def _make_cue(self, tok: Any, entry: CueEntry) -> _Cue | None:
        doc = self.doc
        if "prep" in entry.flags:
            return self._prep_cue(tok, entry)
        # Infinitives only count under a verb that passes speech on ("a tenu à préciser que").
        infinitive = "Inf" in tok.morph.get("VerbForm") or (
            _fold(tok.text).endswith(("er", "ir", "re")) and "Fin" not in tok.morph.get("VerbForm")
            and "Part" not in tok.morph.get("VerbForm"))
        after_before = False
        if infinitive:
            if not self._modal_before(tok):
                # "…, avant d'ajouter que": the same speaker goes on (like a participle)
                prev = [_fold(t.text) for t in doc[max(0, tok.i - 2):tok.i]]
                if prev[-1:] in (["d'"], ["de"]) and "avant" in prev or prev[-1:] == ["avoir"]:
                    after_before = True
                else:
                    return None
        elif "inf" in entry.flags:
            return None  # "savoir" alone is knowing, not saying
        # Negated cues report nothing ("n'a pas dit que").
        left = [doc[j] for j in range(max(0, tok.i - 4), tok.i)]
        right = [doc[j] for j in range(tok.i + 1, min(len(doc), tok.i + 2))]
        if any(_fold(t.text) in ("ne", "n'") for t in left) and any(
                _fold(t.text) in _NEGATION_END for t in left + right):
            return None
        # Cue words: auxiliaries (and inverted clitics) right before the verb.
        start = tok.idx
        j = tok.i - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")
                          or _fold(doc[j].text) in ("encore", "aussi", "egalement", "ensuite", "alors",
                                                    "deja", "enfin", "notamment", "s'", "se")) \
                and tok.i - j <= 4:
            start = doc[j].idx
            j -= 1
        cue = _Cue(tok, entry, start, tok.idx + len(tok.text))
        cue.start_tok = j + 1
        if after_before:
            return cue  # no subject of its own: the governing cue's (resolved later)
        if infinitive:
            cue.start = min(cue.start, tok.head.idx)
        self._subject(cue)
        if cue.subj_text is not None and _fold(cue.subj_text) in _NOT_SPEAKERS:
            return None  # "cela veut dire que", "on estime que": nobody is quoted
        return cue

    def _modal_before(self, tok: Any) -> bool:
        """The infinitive ``tok`` is governed by a verb that passes speech on ("a tenu à
        préciser", "a fait savoir"): as its head, or written just before it."""
        doc = self.doc
        cands = [tok.head] if tok.head is not tok else []
        k = tok.i - 1
        while k >= 0 and tok.i - k <= 3 and _fold(doc[k].text) in ("a", "à", "de", "d'", "se", "s'"):
            k -= 1
        if k >= 0:
            cands.append(doc[k])
        for h in cands:
            he = self.st.by_lemma.get(h.lemma_.lower())
            if he is not None and "modal" in he.flags:
                return True
        return False

    def _prep_cue(self, tok: Any, entry: CueEntry) -> _Cue | None:
        """"selon X" / "d'après X": X is the source."""
        doc = self.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or _fold(nxt.text).startswith(("lequel", "laquelle", "lesquel", "moi", "nous")):
            return None
        # the noun phrase after the preposition, up to a comma or the sentence end
        j = tok.i + 1
        sent_end = tok.sent.end
        while j < sent_end and doc[j].text not in (",", ".", ";", ":", "!", "?", "«", "»", "(", ")") \
                and j - tok.i <= 12:
            j += 1
        if j == tok.i + 1:
            return None
        start = tok.idx if _fold(tok.text) != "apres" else doc[tok.i - 1].idx
        cue = _Cue(tok, entry, start, tok.idx + len(tok.text))
        cue.subj_start, cue.subj_end = doc[tok.i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
        cue.subj_text = self.text[cue.subj_start:cue.subj_end]
        return cue

    def _foreign_subject(self, cue: _Cue) -> None:
        """Subject of a Spanish or English cue, read from the words (the French parse of foreign
        text is noise): a pronoun before it ("she said"), else the phrase after it ("ha señalado
        el ex primer ministro noruego en un mensaje")."""
        doc, tok = self.doc, cue.tok
        k = tok.i - 1
        while k >= 0 and _fold(doc[k].text) in _FOREIGN_AUX:
            cue.start = doc[k].idx
            k -= 1
        if k >= 0 and _fold(doc[k].text) in _FOREIGN_PRONOUNS:
            cue.subj_start, cue.subj_end = doc[k].idx, doc[k].idx + len(doc[k].text)
            cue.subj_text = doc[k].text
            return
        words = []
        j = tok.i + 1
        while j < len(doc) and len(words) < 8 and doc[j].is_alpha and _fold(doc[j].text) not in _FOREIGN_STOPS:
            words.append(doc[j])
            j += 1
        if words:
            cue.subj_start, cue.subj_end = words[0].idx, words[-1].idx + len(words[-1].text)
            cue.subj_text = self.text[cue.subj_start:cue.subj_end]
            cue.inverted = True

    def _subject(self, cue: _Cue) -> None:
        """The words naming who speaks: the verb's nsubj (before or after it), an inverted clitic,
        or, for a participle ("soulignant que"), nothing (taken from the governing cue later)."""
        tok, doc = cue.tok, self.doc
        if cue.entry.lang != "fr":
            self._foreign_subject(cue)
            return
        # inverted clitic: "dit-il", "a-t-elle ajouté", "estime-t-il"
        for t in list(doc[tok.i + 1:tok.i + 3]) + list(doc[max(0, tok.i - 3):tok.i]):
            low = _fold(t.text)
            if low in ("-il", "-elle", "-ils", "-elles", "-on"):
                cue.subj_start, cue.subj_end, cue.subj_text = t.idx + 1, t.idx + len(t.text), low[1:]
                cue.inverted = True
                return
        if _is_present_participle(tok):
            return  # "…, soulignant que": the speaker is the governing cue's (resolved later)
        subj = None
        if "Inf" in tok.morph.get("VerbForm") and tok.head is not tok:
            tok = tok.head  # "a tenu à préciser": the subject is the governing verb's
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and not self.in_quote(c.idx) \
                    and not c.text.startswith("-"):
                subj = c
                break
        incise = self._before_is_incise(tok)
        if subj is not None and incise and subj.i < tok.i and (
                _fold(subj.text) in _OBJECT_CLITICS or self._clause_before_incise(tok)):
            # "<clause>, a indiqué X": the parser took a word of the reported clause for the subject
            subj = None
        if subj is None and incise:
            # inverted subject not parsed as one ("», a déclaré l'homme politique norvégien",
            # "a répondu en souriant l'entraîneur", "a indiqué lundi la porte-parole")
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= 4:
                low = _fold(doc[j].text)
                three = [_fold(t.text) for t in doc[j:j + 3]]
                if three in (["pour", "sa", "part"], ["pour", "son", "part"], ["de", "son", "cote"],
                             ["a", "son", "tour"], ["quant", "a", "lui"], ["quant", "a", "elle"]):
                    j += 3
                elif low in self.st.time_words or doc[j].pos_ == "ADV":
                    j += 1
                elif low == "en" and j + 1 < len(doc) and _is_present_participle(doc[j + 1]):
                    j += 2
                else:
                    break
            nxt = doc[j] if j < len(doc) else None
            if nxt is not None and nxt.pos_ in ("DET", "PROPN", "NOUN", "PRON", "X", "ADJ") \
                    and _fold(nxt.text) not in _QUE and not self.in_quote(nxt.idx):
                subj = nxt
        if subj is None and tok.dep_ == "conj" and tok.head is not tok:
            # "X a dénoncé … et a affirmé que": the subject of the first verb
            for c in tok.head.children:
                if c.dep_ in ("nsubj", "expl:subj") and c.i < tok.i and not self.in_quote(c.idx):
                    subj = c
                    break
        if subj is not None and "Rel" in subj.morph.get("PronType") and tok.dep_ == "acl:relcl":
            subj = tok.head  # "la commissaire Laura Conti, qui a ajouté que …"
        if subj is None and not incise:
            # the parse lost the subject (it sometimes even ends the sentence before the verb):
            # take the noun phrase written right before the verb and its auxiliaries
            k = cue.start_tok - 1 if cue.start_tok is not None else tok.i - 1
            toks = []
            while k >= 0 and len(toks) < 8 and doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP") \
                    and not self.in_quote(doc[k].idx):
                toks.append(doc[k])
                k -= 1
            toks.reverse()
            while toks and toks[0].pos_ == "ADP":
                toks.pop(0)
            if toks and any(t.pos_ in ("PROPN", "NOUN") for t in toks):
                cue.subj_start, cue.subj_end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
                cue.subj_text = self.text[cue.subj_start:cue.subj_end]
            return
        if subj is None:
            return
        s, e = self._np_span(subj, tok)
        cue.subj_start, cue.subj_end = s, e
        cue.subj_text = self.text[s:e].strip(" ,")
        cue.inverted = subj.i > tok.i

    def _clause_before_incise(self, tok: Any) -> bool:
        """True when a finite verb stands between the sentence start and the comma before the
        incise verb ``tok``: the words before the comma are a clause, not the subject."""
        doc = self.doc
        j = tok.i - 1
        while j >= 0 and (doc[j].pos_ in _INCISE_FILLER_POS or doc[j].text.startswith("-")):
            j -= 1
        start = tok.sent.start
        return any(doc[k].pos_ in ("VERB", "AUX") and "Fin" in doc[k].morph.get("VerbForm")
                   and not self.in_quote(doc[k].idx) for k in range(start, max(start, j)))

    def _before_is_incise(self, tok: Any) -> bool:
        """True when the verb follows a comma or a closing mark (an inverted cue); a relative
        pronoun in between ("la Pologne, qui a annoncé") makes it an ordinary clause."""
        j = tok.i - 1
        while j >= 0 and (self.doc[j].pos_ in _INCISE_FILLER_POS or self.doc[j].text.startswith("-")):
            if "Rel" in self.doc[j].morph.get("PronType") or _fold(self.doc[j].text) in ("qui", "que", "qu'"):
                return False
            j -= 1
        return j >= 0 and (self.doc[j].text in (",", "»", "”", '"', "«", "“") or self.in_quote(self.doc[j].idx))

    def _np_span(self, head: Any, verb: Any) -> tuple[int, int]:
        """Char span of the noun phrase headed by ``head`` (its subtree, stopping at the verb and
        at prepositional adjuncts after an inverted subject)."""
        doc = self.doc
        if head.i > verb.i:
            # inverted subject: up to a comma closing an apposition pair, or a preposition
            j = head.i
            end = head.i
            commas = 0
            # not the parser's sentence end: it sometimes splits inside a name ("Air | Horizon")
            seg_end = self.seg_of(verb.idx)[1]
            sent_end = len(doc)
            while j < sent_end and doc[j].idx < seg_end:
                t = doc[j]
                if t.text in (".", ";", ":", "!", "?", "«", "»", "(", ")"):
                    break
                if t.text == ",":
                    commas += 1
                    nt = doc[j + 1] if j + 1 < sent_end else None
                    # "le secrétaire général de l'OTAN, Jens Stoltenberg, dans un message"
                    if commas > 2 or nt is None or nt.pos_ not in ("PROPN", "DET", "NOUN", "ADJ"):
                        break
                    if commas == 2:
                        break
                elif _fold(t.text) in ("en", "lors", "dans", "sur", "pendant", "durant",
                                                          "tras", "in", "on", "at", "avant", "apres",
                                                          "devant", "depuis", "a", "au", "aux", "pour"):
                    break
                elif t.pos_ in ("VERB", "AUX", "SCONJ") and j > head.i:
                    break
                end = j
                j += 1
            first = head.left_edge if verb.i < head.left_edge.i <= head.i else head
            return first.idx, doc[end].idx + len(doc[end].text)
        left = head.left_edge
        right = head.right_edge
        if right.i >= verb.i:
            right = doc[verb.i - 1]
        while right.i > left.i and (right.pos_ in ("PUNCT", "AUX") or right.text.startswith("-")
                                    or "Rel" in right.morph.get("PronType")):
            right = doc[right.i - 1]
        # a sentence-initial adjunct is not part of the subject
        return left.idx, right.idx + len(right.text)

    # -- speaker resolution -----------------------------------------------------------------------

    def resolve(self, cue: _Cue) -> None:
        if cue.resolved:
            return
        cue.resolved = True
        if cue.subj_start is None:
            return
        s, e = cue.subj_start, cue.subj_end
        words = (cue.subj_text or "").strip()
        low = _fold(words)
        toks = [t for t in self.toks_in(s, e) if s < t.idx + len(t.text)]
        if not toks:
            return
        if low in _NOT_SPEAKERS:
            cue.subj_text = None
            cue.speaker = None
            cue.subj_start = None
            return
        low = _FOREIGN_PRONOUNS.get(low, low) if cue.entry.lang != "fr" else low
        if low in _PRONOUNS_SING or low in ("lui", "elle"):
            cue.speaker = self.antecedent(cue.start, plural=False)
            return
        if low in _PRONOUNS_PLUR or low == "eux":
            cue.speaker = None
            return
        # an entity written inside the subject: a person named there wins, then the entity
        # covering the phrase's head
        inside = [m for m in self.mentions if s <= m.start < e]
        head = self._head_of(toks)
        pers = [m for m in inside if m.entity.type == "PER"]
        if pers:
            cue.speaker = pers[0].entity.name
            return
        name = self._unlisted_name(toks, inside)
        if name:
            # "la commissaire Mirela Dobrescu" with no entity for her: keep the written name
            cue.speaker = name
            return
        on_head = [m for m in self.mentions if m.start <= head.idx < m.end]
        if on_head:
            cue.speaker = on_head[0].entity.name
            return
        first = _fold(toks[0].text)
        head_low = _fold(head.text)
        if (first in _INDEFINITE or head_low in self.st.unnamed) and not pers:
            cue.speaker = None  # an unnamed source
            return
        if head_low in self.st.person_nouns or _fold(head.lemma_) in self.st.person_nouns or (
                cue.entry.lang != "fr" and not inside):
            # a descriptor; words after a foreign cue are taken as one (their parse is noise)
            cue.speaker = self.descriptor_speaker(cue, toks)
            return
        if head.pos_ == "PROPN" and not inside:
            # a name the entity stage did not list: keep its words rather than lose the speaker
            name = " ".join(t.text for t in toks if t.pos_ == "PROPN")
            cue.speaker = name or None
            return
        if inside and head_low not in self.st.person_nouns:
            # "le ministère russe des Affaires étrangères": an organisation phrase
            # an adjective ("l'agence officielle russe") does not make Russia the speaker
            orgs = sorted((m for m in inside if m.entity.type in ("ORG", "LOC")
                           and self.text[m.start:m.start + 1].isupper()),
                          key=lambda m: (m.entity.type != "ORG", m.start))
            if orgs:
                cue.speaker = orgs[0].entity.name
                return
        cue.speaker = None

    def _unlisted_name(self, toks: list[Any], inside: list[_Mention]) -> str | None:
        """A first name and a name (two or more capitalised proper nouns in a row) that no entity
        covers."""
        run: list[Any] = []
        best: list[Any] = []
        for t in toks + [None]:
            if t is not None and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.is_alpha \
                    and not any(m.start <= t.idx < m.end for m in inside):
                run.append(t)
                continue
            if len(run) >= 2 and not best:
                best = run
            run = []
        return " ".join(t.text for t in best) if best else None

    def _head_of(self, toks: list[Any]) -> Any:
        ids = {t.i for t in toks}
        for t in toks:
            if t.head.i not in ids or t.head is t:
                if t.pos_ in ("NOUN", "PROPN", "PRON"):
                    return t
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                return t
        return toks[0]

    def _candidates(self, pos: int) -> dict[int, dict[str, Any]]:
        cands: dict[int, dict[str, Any]] = {}
        para_start = self.seg_of(pos)[0]
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.entity.type != "PER" or m.in_quote:
                continue
            c = cands.setdefault(id(m.entity), {"entity": m.entity, "count": 0, "last": -1, "subject": False})
            c["count"] += 1
            c["last"] = m.start
            c["subject"] = c["subject"] or m.subject
            c["recent"] = m.start >= para_start - 600
        return cands

    def antecedent(self, pos: int, plural: bool = False) -> str | None:
        """The person a pronoun at ``pos`` refers to: the subject of the last sentence naming a
        person, else the last person named (mentions inside quotes are not antecedents)."""
        best = None
        sent_start = self.tok_at(pos).sent.start_char
        for m in self.mentions:
            if m.start >= pos:
                break
            if m.entity.type != "PER" or m.in_quote:
                continue
            best = m
        if best is None:
            return self.last_speaker
        # prefer a subject in the same sentence as the last mention
        last_sent = self.tok_at(best.start).sent
        subj = [m for m in self.mentions if last_sent.start_char <= m.start < min(last_sent.end_char, pos)
                and m.entity.type == "PER" and not m.in_quote and m.subject]
        if subj and subj[0].start < sent_start:
            return subj[0].entity.name
        if self.last_speaker and self.last_speaker != best.entity.name:
            # the speaker of the last quote stays the topic when they were named in this paragraph
            ps = self.seg_of(pos)[0]
            if any(m.entity.name == self.last_speaker and ps <= m.start < pos and not m.in_quote
                   for m in self.mentions) and not best.subject:
                return self.last_speaker
        return best.entity.name

    def descriptor_speaker(self, cue: _Cue, toks: list[Any]) -> str | None:
        """A descriptor ("le secrétaire général", "l'homme politique norvégien") with no entity on
        it: the person it describes among those already named."""
        words = {_fold(t.lemma_) for t in toks if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        head = _fold(self._head_of(toks).lemma_)
        cands = self._candidates(cue.start)
        if not cands:
            return self.last_speaker
        scored = []
        for key, c in cands.items():
            desc = self.descriptors.get(key, set())
            dscore = (1 + len(words & desc)) if head in desc else 0
            scored.append((dscore, c["entity"].name == self.last_speaker,
                           c["entity"].name in self.speakers_so_far, c["subject"] + min(c["count"], 3),
                           c.get("recent", False), c["last"], c["entity"].name))
        scored.sort(reverse=True)
        return scored[0][-1]

    # -- quotes --------------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        cues = self.find_cues()
        cues.sort(key=lambda c: c.tok.idx)
        items: list[tuple[int, Quote]] = []
        # Direct quotes and indirect clauses in text order, so that the "last speaker" that a
        # descriptor, a participle or a quote without a cue falls back on is the right one.
        todo: list[tuple[int, MarkSpan | None, tuple[int, int, _Cue] | None]] = \
            [(m.start, m, None) for m in self.marks] + [(c[0], None, c) for c in self.indirect_clauses(cues)]
        todo.sort(key=lambda x: (x[0], x[1] is None))
        prev_quote: tuple[MarkSpan, Quote] | None = None
        for _, m, clause in todo:
            if m is not None:
                q = self.direct_quote(m, cues, prev_quote)
                if q is not None:
                    prev_quote = (m, q)
                    items.append((m.start, q))
                continue
            assert clause is not None
            q = self.indirect_quote(*clause, cues=cues)
            if q is not None:
                items.append((q.start or 0, q))
        items.sort(key=lambda x: x[0])
        seen = set()
        out = []
        for _, q in items:
            key = (q.kind, q.start, q.end)
            if key in seen:
                continue
            seen.add(key)
            out.append(q)
        return out

    def indirect_quote(self, s: int, e: int, cue: _Cue, cues: list[_Cue]) -> Quote | None:
        inner = [m for m in self.marks if s <= m.start and m.end <= e + 1]
        if inner:
            # a clause that is mostly a direct quote is left to the direct quote
            quoted = sum(self.words(m.start, m.end) for m in inner)
            total = self.words(s, e)
            if total - quoted < 3 or quoted >= _CLAUSE_COVER * total:
                return None
        if sum(1 for w in _WORD.finditer(self.text, s, e) if not self.in_quote(w.start())) < 3:
            return None  # the clause is a direct quote: it is reported as one
        if cue.subj_start is None and "prep" not in cue.entry.flags and not cue.resolved:
            cue.speaker = self.governing_speaker(cue, cues)  # "…, soulignant que …"
            cue.resolved = True
        self.resolve(cue)
        if cue.speaker:
            self.last_speaker = cue.speaker
            self.speakers_so_far.append(cue.speaker)
        return Quote(text=self.text[s:e].strip(), speaker=cue.speaker, kind="indirect",
                     cue=self.text[cue.start:cue.end], language=self.language(s, e, cue),
                     speaker_text=cue.subj_text, start=s, end=e)

    def language(self, s: int, e: int, cue: _Cue | None) -> str:
        for f in self.art.foreign:
            # the passage must hold most of the quote: a foreign name inside a French quote
            # ("[Russian President Vladimir]") does not make the quote foreign
            if f.start is not None and f.end is not None and \
                    2 * (min(e, f.end) - max(s, f.start)) > (e - s):
                return f.language
        if cue is not None and cue.entry.lang != "fr":
            return cue.entry.lang
        return "fr"

    def direct_quote(self, m: MarkSpan, cues: list[_Cue],
                     prev: tuple[MarkSpan, Quote] | None) -> Quote | None:
        text = self.text
        ps, pe = self.seg_of(m.start)
        after = self.after_cue(m, cues)
        before = None if after else self.before_cue(m, cues)
        nwords = self.words(m.start, m.end)
        cue = after or before
        if cue is None and nwords <= _SHORT_QUOTE_WORDS:
            return None  # a scare quote, a name or a title, not speech
        if m.missing_open and after is None:
            return None
        speaker = None
        speaker_text = None
        if cue is None:
            cue = self.continuation_cue(m, cues) or self._inner_incise(m)
        if cue is not None:
            self.resolve(cue)
            speaker, speaker_text = cue.speaker, cue.subj_text
            if cue.subj_start is None and cue.entry.flags & {"cont", "incise"} and not speaker_text:
                speaker = self.last_speaker
            if cue.subj_start is None and "prep" not in cue.entry.flags and not speaker_text:
                speaker = self.governing_speaker(cue, cues)
        else:
            if prev is not None and self.seg_of(prev[0].start) == (ps, pe):
                speaker, speaker_text = prev[1].speaker, prev[1].speaker_text
            elif self.last_speaker and self._recent_speaker(m.start):
                speaker = self.last_speaker
            else:
                speaker = self.antecedent(m.start)
        q = Quote(text=m.text(text).strip(), speaker=speaker, kind="direct",
                  cue=text[cue.start:cue.end] if cue else None,
                  language=self.language(m.start, m.end, cue), speaker_text=speaker_text,
                  start=m.start, end=m.end)
        if speaker:
            self.last_speaker = speaker
            self.speakers_so_far.append(speaker)
        return q

    def _inner_incise(self, m: MarkSpan) -> _Cue | None:
        """« Nous sommes prêts, a-t-il poursuivi, à discuter »: an incise inside the marks."""
        doc = self.doc
        for tok in self.toks_in(m.start + 1, m.end):
            entry = self.st.cue_entry(tok)
            if entry is None or "incise" not in entry.flags:
                continue
            j = tok.i - 1
            while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-")):
                j -= 1
            clitic = next((t for t in doc[j + 1:tok.i + 3] if _fold(t.text) in ("-il", "-elle")), None)
            if j < 0 or doc[j].text != "," or clitic is None:
                continue
            cue = _Cue(tok, entry, doc[j + 1].idx, tok.idx + len(tok.text))
            cue.subj_start, cue.subj_end = clitic.idx + 1, clitic.idx + len(clitic.text)
            cue.subj_text = clitic.text[1:]
            cue.inverted = True
            return cue
        return None

    def _recent_speaker(self, pos: int) -> bool:
        """True when the last quote's speaker was quoted or named in this or the previous paragraph."""
        ps = self.seg_of(pos)[0]
        idx = [s for s, _ in self.segs].index(ps) if ps in [s for s, _ in self.segs] else 0
        lo = self.segs[max(0, idx - 1)][0]
        return any(lo <= m.start < pos and m.entity.name == self.last_speaker for m in self.mentions) or \
            any(lo <= s < pos for s, _ in self.quote_ranges)

    def _cut_at_incise(self, m: MarkSpan) -> MarkSpan:
        doc = self.doc
        for tok in self.toks_in(m.start + 1, m.end):
            entry = self.st.cue_entry(tok)
            if entry is None or "incise" not in entry.flags:
                continue
            j = tok.i - 1
            while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text.startswith("-") or
                              _fold(doc[j].text) in ("il", "elle")):
                j -= 1
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if j >= 0 and doc[j].text == "," and nxt is not None and _fold(nxt.text) not in _QUE \
                    and (nxt.pos_ in ("DET", "PROPN", "NOUN") or nxt.text.startswith("-")
                         or _fold(doc[j + 1].text) in ("il", "elle")):
                cut = doc[j].idx
                pieces = [(s, min(e, cut)) for s, e in m.pieces if s < cut]
                return MarkSpan(m.start, cut, pieces, m.open_char, False, m.missing_open)
        return m

    def after_cue(self, m: MarkSpan, cues: list[_Cue]) -> _Cue | None:
        """An inverted cue right after the quote: "», a déclaré X", "», dit-il", "», il a dit"."""
        text = self.text
        j = m.end
        pe = self.seg_of(m.start)[1] if len(m.pieces) == 1 else self.seg_of(m.pieces[-1][0])[1]
        while j < pe and (text[j].isspace() or text[j] in _FAMILY or text[j] in ",.…!?"):
            if text[j] in ".!?…" and self.in_quote(j) is False and not self._inside_marks(m, j):
                break  # a sentence ends after the quote: what follows is not its cue
            j += 1
        for c in cues:
            if c.start < j or c.start > j + 40:
                continue
            if not c.entry.flags & {"incise", "prep"} or _is_present_participle(c.tok):
                continue
            gap = text[j:c.start]
            # only clitics may stand between the mark and the cue: a subject ("», il a dit") or
            # an object ("», lui a répondu X")
            gap_words = _fold(gap).split()
            if any(w not in ("il", "elle", "ils", "elles") and w not in _OBJECT_CLITICS for w in gap_words):
                continue
            if gap_words and gap_words[0] in ("il", "elle", "ils", "elles"):
                k = j + len(gap) - len(gap.lstrip())
                c.subj_start, c.subj_end = k, k + len(gap_words[0])
                c.subj_text = text[c.subj_start:c.subj_end]
                c.resolved = False
            if c.start >= j:
                return c
        return self._generic_incise(j)

    def _inside_marks(self, m: MarkSpan, j: int) -> bool:
        """True when position ``j`` (just after the quoted words) is still before the closing mark."""
        return any(c in _FAMILY for c in self.text[j:min(len(self.text), j + 3)]) and \
            not any(c in _FAMILY for c in self.text[m.end:j])

    def _generic_incise(self, j: int) -> _Cue | None:
        """Right after a quote, ", a ironisé X" / ", s'amuse-t-il": a verb in incise position is a
        speech verb even when the lexicon does not list it (the position says so)."""
        doc = self.doc
        if j >= len(self.text):
            return None
        t = self.tok_at(j)
        if t.idx < j:
            t = doc[t.i + 1] if t.i + 1 < len(doc) else t
        k = t.i
        while k < len(doc) and k - t.i < 4 and (doc[k].pos_ == "AUX" or _fold(doc[k].text) in ("s'", "se")
                                                 or doc[k].text.startswith("-")):
            k += 1
        if k >= len(doc) or doc[k].pos_ != "VERB" or "Fin" in doc[k].morph.get("VerbForm") and k == t.i:
            return None
        v = doc[k]
        if _is_present_participle(v) or "Inf" in v.morph.get("VerbForm"):
            return None
        aux = k > t.i and doc[k - 1].pos_ == "AUX"
        clitic = k + 1 < len(doc) and doc[k + 1].text.startswith("-") or any(
            x.text.startswith("-") for x in doc[t.i:k])
        if not (aux or clitic):
            return None
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and _fold(nxt.text) in _QUE:
            return None
        cue = _Cue(v, CueEntry(v.lemma_.lower(), "fr", frozenset({"incise"})), t.idx, v.idx + len(v.text))
        self._subject(cue)
        return cue if cue.subj_start is not None else None

    def before_cue(self, m: MarkSpan, cues: list[_Cue]) -> _Cue | None:
        """The nearest cue before the quote in its sentence (no other quote in between)."""
        ss, _ = self.sent_bounds(m.start)
        ps, _ = self.seg_of(m.start)
        lo = max(ss, ps)
        for qs, qe in self.quote_ranges:
            if qe <= m.start and qe > lo and qs >= ps:
                lo = max(lo, qe)
        best = None
        for c in cues:
            if lo <= c.start and c.end <= m.start:
                best = c
        if best is None and m.start - ps <= 2:
            # a paragraph that is only a quote, after "X a déclaré :" ending the previous paragraph
            idx = [s for s, _ in self.segs].index(ps) if ps in [s for s, _ in self.segs] else 0
            if idx > 0:
                pps, ppe = self.segs[idx - 1]
                if self.text[pps:ppe].rstrip().endswith(":"):
                    for c in cues:
                        if pps <= c.start < ppe:
                            best = c
        return best

    def continuation_cue(self, m: MarkSpan, cues: list[_Cue]) -> _Cue | None:
        """"« … » M. X a poursuivi …": a continuation verb opening the next sentence."""
        ps, pe = self.seg_of(m.pieces[-1][0])
        for c in cues:
            if c.start < m.end or c.start > m.end + 60 or c.start >= pe:
                continue
            if "cont" in c.entry.flags and c.subj_start is not None and c.subj_start >= m.end:
                return c
        return None

    def governing_speaker(self, cue: _Cue, cues: list[_Cue]) -> str | None:
        """The speaker of a participle cue ("…, soulignant que …"): the cue before it in the
        sentence, else the subject of the sentence's main verb, else the last speaker."""
        ss, _ = self.sent_bounds(cue.start)
        prev = [c for c in cues if ss <= c.start < cue.start and c.subj_start is not None]
        if prev:
            self.resolve(prev[-1])
            cue.subj_text = prev[-1].subj_text
            return prev[-1].speaker
        root = cue.tok.sent.root
        for c in root.children:
            if c.dep_ == "nsubj" and c.idx < cue.start:
                tmp = _Cue(root, cue.entry, root.idx, root.idx)
                s, e = self._np_span(c, root)
                tmp.subj_start, tmp.subj_end, tmp.subj_text = s, e, self.text[s:e]
                self.resolve(tmp)
                cue.subj_text = tmp.subj_text
                return tmp.speaker
        return self.last_speaker

    # -- indirect clauses ---------------------------------------------------------------------------

    def indirect_clauses(self, cues: list[_Cue]) -> list[tuple[int, int, _Cue]]:
        out = []
        doc, text = self.doc, self.text
        for c in cues:
            if "prep" in c.entry.flags:
                span = self._prep_clause(c)
                if span:
                    out.append((*span, c))
                continue
            if "que" in c.entry.flags:
                que = self._que_after(c)
                if que is not None:
                    s = que.idx + len(que.text)
                    e = self._clause_end(s, c, cues)
                    if self.words(s, e) >= 3:
                        out.append((self._skip_space(s), e, c))
                    continue
            if "incise" in c.entry.flags and c.subj_start is not None and c.inverted \
                    and not _is_present_participle(c.tok) \
                    and self._before_is_incise(c.tok):
                span = self._clause_before(c)
                if span:
                    out.append((*span, c))
        del doc, text
        return out

    def _skip_space(self, s: int) -> int:
        while s < len(self.text) and self.text[s].isspace():
            s += 1
        return s

    def _que_after(self, c: _Cue) -> Any | None:
        doc = self.doc
        tok = c.tok
        # the parse: a ccomp child marked by "que"
        for ch in tok.children:
            if ch.dep_ == "ccomp":
                for g in ch.children:
                    if g.dep_ == "mark" and _fold(g.text) in _QUE and g.i > tok.i:
                        if g.i - tok.i <= 16:
                            return g
        # the words: "que" within a few tokens, with no verb in between
        for j in range(tok.i + 1, min(len(doc), tok.i + 16)):
            t = doc[j]
            if t.is_sent_start and j > tok.i + 1:
                return None
            if _fold(t.text) in _QUE:
                # the parser often reads "devant les députés que …" as a relative clause; it is
                # one only when the speech verb already has its object ("a reconnu les faits que")
                has_obj = any(c.dep_ == "obj" and tok.i < c.i < j for c in tok.children)
                return None if t.pos_ == "PRON" and has_obj else t
            if t.pos_ == "VERB" or t.text in (".", ";", ":", "!", "?", "«", "»", "“", "”", '"') \
                    or self.in_quote(t.idx):
                return None
        return None

    def _clause_end(self, s: int, c: _Cue, cues: list[_Cue]) -> int:
        """End of a reported clause: the sentence end, or before what starts something else
        (a participle after a comma, another cue, ", selon …", a ", a-t-il ajouté")."""
        doc, text = self.doc, self.text
        _, se = self.sent_bounds(s)
        first = self.tok_at(s)
        if first.idx < s:
            first = doc[first.i + 1] if first.i + 1 < len(doc) else first
        end = se
        i = first.i
        while i < len(doc) and doc[i].idx < se:
            t = doc[i]
            if self.in_quote(t.idx):
                i += 1
                continue
            prev = doc[i - 1] if i > 0 else None
            low = _fold(t.text)
            if low == "tout" and i + 2 < len(doc) and _fold(doc[i + 1].text) == "en" \
                    and _is_present_participle(doc[i + 2]):
                end = t.idx  # "… tout en insistant …" hangs on the speech verb
                break
            if prev is not None and prev.text == "," and not self.in_quote(prev.idx):
                # ", soulignant …", ", étant donné …", ", tout en …", ", selon …"
                if t.pos_ in ("VERB", "AUX") and "Part" in t.morph.get("VerbForm") and \
                        "Pres" in t.morph.get("Tense"):
                    end = prev.idx
                    break
                if low in ("tout", "en", "selon", "ajoutant", "soulignant", "dans", "avant", "apres") and (
                        low not in ("tout", "en", "dans", "avant", "apres")
                        or self._participle_follows(i) or low in ("dans", "avant", "apres")
                        and self._adjunct_of_cue(t, c)):
                    end = prev.idx
                    break
            if t.i > c.tok.i + 1 and t.i in self.cue_at and self.cue_at[t.i] is not c and \
                    self._starts_new_report(t):
                # "… et a ajouté que …", "…, a-t-il ajouté": the clause ended before
                j = t.i - 1
                while j > first.i and (doc[j].pos_ in ("AUX", "CCONJ", "PUNCT", "PRON", "ADV")
                                       or doc[j].text.startswith("-")):
                    j -= 1
                end = doc[j].idx + len(doc[j].text)
                break
            i += 1
        e = end
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.!?"):
            e -= 1
        return e

    def _participle_follows(self, i: int) -> bool:
        doc = self.doc
        for j in range(i, min(len(doc), i + 3)):
            if doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm") and \
                    "Pres" in doc[j].morph.get("Tense"):
                return True
        return False

    def _adjunct_of_cue(self, t: Any, c: _Cue) -> bool:
        """", dans l'espoir de …" hanging on the speech verb, not on the reported clause."""
        return t.head.head is c.tok or t.head is c.tok or _fold(t.text) in ("dans",) and \
            _fold(t.nbor(1).text if t.i + 1 < len(t.doc) else "") in ("l'", "l’", "le", "un", "une")

    def _starts_new_report(self, t: Any) -> bool:
        entry = self.st.cue_entry(t)
        if entry is None:
            return False
        doc = self.doc
        j = t.i - 1
        while j >= 0 and (doc[j].pos_ in ("AUX", "ADV") or doc[j].text.startswith("-")):
            j -= 1
        return j >= 0 and (_fold(doc[j].text) in ("et", ",", "puis", "mais") or doc[j].text == ",")

    def _clause_before(self, c: _Cue) -> tuple[int, int] | None:
        """"<clause>, a ajouté le chef de l'OTAN." -> the clause (when not in quotation marks)."""
        doc = self.doc
        j = c.tok.i - 1
        while j >= 0 and (doc[j].pos_ in _INCISE_FILLER_POS or doc[j].text.startswith("-")):
            j -= 1
        if j < 0 or doc[j].text != ",":
            return None
        comma = doc[j]
        ss, _ = self.sent_bounds(comma.idx)
        ps, _ = self.seg_of(comma.idx)
        s = max(ss, ps)
        for b in _SENTENCE_END.finditer(self.text, s, comma.idx):
            if not self.in_quote(b.start()):
                s = b.end()  # the parser missed a sentence end (quotation marks confuse it)
        # start after the last quote or sentence end before the comma
        s = self._skip_space(s)
        e = comma.idx
        if e - s < 10 or self.words(s, e) < 4:
            return None
        return s, e

    def _prep_clause(self, c: _Cue) -> tuple[int, int] | None:
        """"Selon X, <clause>." or "<clause>, selon X." -> the clause, when X can speak."""
        if c.subj_start is None:
            return None
        self.resolve(c)
        low = _fold(c.subj_text or "")
        toks = [t for t in self.toks_in(c.subj_start, c.subj_end) if t.idx >= c.subj_start]
        if not toks:
            return None
        head = self._head_of(toks)
        speakerish = c.speaker is not None or low in ("lui", "elle", "eux", "elles") or \
            _fold(head.text) in self.st.unnamed | self.st.person_nouns or \
            any(m for m in self.mentions if c.subj_start <= m.start < c.subj_end and m.entity.type in ("PER", "ORG"))
        if not speakerish:
            return None
        if low in ("lui", "elle"):
            c.speaker = self.antecedent(c.start)
        ss, se = self.sent_bounds(c.start)
        ps, pe = self.seg_of(c.start)
        ss, se = max(ss, ps), min(se, pe)
        text = self.text
        if c.start <= self._skip_space(ss) + 1 or text[ss:c.start].strip() in ("", "Mais", "Or", "Et"):
            s = c.subj_end
            while s < se and text[s] in " ,":
                s += 1
            e = se
        elif text[ss:c.start].rstrip().endswith(","):
            s = self._skip_space(ss)
            e = len(text[:c.start].rstrip().rstrip(","))
            after = text[c.subj_end:se].strip()
            if after not in ("", ".", "!", "?", ")") and not after.startswith((".", ";")):
                return None
        else:
            return None
        while e > s and text[e - 1] in " .;!?":
            e -= 1
        if self.words(s, e) < 4:
            return None
        return s, e
