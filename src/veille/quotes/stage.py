"""The quote stage: builds an article's state and walks its quotes in text order."""

from __future__ import annotations

import logging
from typing import Any

from veille.model import Article, Quote
from veille.quotes.blocks import credited_blocks, embedded_posts
from veille.quotes.continued_quotes import join_continued
from veille.quotes.cues import find_cues
from veille.quotes.cut_paragraphs import join_cut
from veille.quotes.dialogue_dashes import dialogue_dash_quotes
from veille.quotes.direct import cut_at_incise, direct_quote
from veille.quotes.incises import split_at_incises
from veille.quotes.indirect import indirect_clauses, indirect_quote
from veille.quotes.labelled_answers import labelled_answers
from veille.quotes.long_paragraphs import reading_paragraphs
from veille.quotes.main_voice import main_voice
from veille.quotes.marks import WORD, MarkSpan, scan_quote_marks
from veille.quotes.mentions import find_descriptors, find_mentions
from veille.quotes.open_marks import shape_open_quote
from veille.quotes.resources import QuoteResources
from veille.quotes.reversed_marks import as_written
from veille.quotes.state import ArticleState, Cue
from veille.quotes.unmarked_speech import unmarked_speech
from veille.settings import Settings

log = logging.getLogger("veille.quotes")


def collect_quotes(state: ArticleState) -> list[Quote]:
    """The article's quotes, direct and indirect, in text order, without duplicates."""
    cues = find_cues(state)
    cues.sort(key=lambda c: c.tok.idx)
    # "X a déclaré : nous partirons", "Nous partirons, a dit X": speech whose marks were lost or never set
    for m, form in unmarked_speech(state, cues):
        state.unmarked[id(m)] = (m, form)
    if state.unmarked:
        state.marks = sorted(state.marks + [m for m, _ in state.unmarked.values()], key=lambda m: m.start)
        state.quote_ranges = sorted((m.start, m.end) for m in state.marks)
    items: list[tuple[int, Quote]] = []
    # Direct quotes and indirect clauses in text order, so that the "last speaker" that a
    # descriptor, a participle or a quote without a cue falls back on is the right one.
    todo: list[tuple[int, MarkSpan | None, tuple[int, int, Cue] | None]] = \
        [(m.start, m, None) for m in state.marks] + [(c[0], None, c) for c in indirect_clauses(state, cues)]
    todo.sort(key=lambda x: (x[0], x[1] is None))
    prev_quote: tuple[MarkSpan, Quote] | None = None
    for _, m, clause in todo:
        if m is not None:
            q = direct_quote(state, m, cues, prev_quote)
            if q is not None:
                prev_quote = (m, q)
                items.append((m.start, q))
            continue
        assert clause is not None
        q = indirect_quote(state, *clause, cues=cues)
        if q is not None:
            items.append((q.start or 0, q))
    items += [(q.start or 0, q) for q in credited_blocks(state) + embedded_posts(state) + labelled_answers(state)]
    items.sort(key=lambda x: x[0])
    repeated_quotes(state, [q for _, q in items])
    seen = set()
    out = []
    for _, q in items:
        key = (q.kind, q.start, q.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(q)
    # a portrait's or an interview's one voice takes the quotes no rule gave to anyone (main_voice.py)
    main_voice(state, out)
    return out


SUBHEADING_WORDS = 14  # a paragraph this short that is (mostly) a quote reads as a subheading


def repeated_quotes(state: ArticleState, quotes: list[Quote]) -> None:
    """Example: a subheading « Nous tiendrons bon » over a paragraph where Paul Arnaud "a promis :
    « Nous tiendrons bon jusqu'au bout »": a cue-less quote set as a short paragraph of its own repeats
    words quoted elsewhere in the article, and takes the speaker of those words."""
    for q in quotes:
        if q.kind != "direct" or q.cue is not None or q.start is None:
            continue
        ps, pe = state.seg_of(q.start)
        if state.words(ps, pe) > SUBHEADING_WORDS:
            continue
        words = [w.lower() for w in WORD.findall(q.text)]
        if len(words) < 3:
            continue
        best = None
        for other in quotes:
            if other is q or other.kind != "direct" or other.start is None or ps <= other.start < pe:
                continue
            pool = {w.lower() for w in WORD.findall(other.text)}
            share = sum(1 for w in words if w in pool) / len(words)
            if share >= 0.75 and (best is None or share > best[0]):
                best = (share, other)
        if best is not None:
            q.speaker, q.speaker_text = best[1].speaker, best[1].speaker_text
            state.note_rule(q, "repeated_quote")


def open_article(res: QuoteResources, article: Article, doc: Any, segs: list[tuple[int, int]]) -> ArticleState:
    """The article's state with its indexes built: quoted ranges, mentions, descriptors."""
    state = ArticleState(res, article, doc, segs)
    # "« Nous ne pouvons plus attendre" ¶ "», a déclaré X": a paragraph the page cut mid-sentence reads
    # with the next one (cut_paragraphs.py)
    segs = state.segs = join_cut(state.text, segs)
    # A quote left open may hold its own incise ("« Nous serons prêts, a dit X. …"); a reopened paragraph
    # naming its own speaker is a new quote (open_marks.py)
    state.marks = [p for m in scan_quote_marks(state.text, segs) for p in shape_open_quote(state, m)]
    # "— Nous rouvrirons le pont, je vous le promets.": a dialogue dash sets a paragraph of speech apart
    # (its incise cut off as a quote left open: "— Nous le rouvrirons, a promis X.")
    dashed = [cut_at_incise(state, m) for m in dialogue_dash_quotes(state.text, segs, state.marks)]
    state.marks = sorted(state.marks + dashed, key=lambda m: m.start)
    state.quote_ranges = sorted((m.start, m.end) for m in state.marks)
    # « …, explique X. … »: the incise is cut out; both parts are X's
    state.marks = [p for m in state.marks for p in split_at_incises(state, m)]
    state.quote_ranges = sorted((m.start, m.end) for m in state.marks)
    # a paragraph of many sentences (blank lines lost) is read as runs of a few sentences
    people = [(s, e, ent.name) for ent in article.entities if ent.type == "PER" for s, e in (ent.spans or [])]
    state.segs = reading_paragraphs(doc, state.text, segs, state.quote_ranges, people)
    # « … ¶ « … »: the paragraphs a quote runs over read as one (continued_quotes.py)
    state.segs = join_continued(state.text, state.segs, state.marks)
    state.mentions = find_mentions(state)
    state.descriptors = find_descriptors(state)
    return state


class QuoteStage:
    """Doc stage filling ``article.quotes``; loads its resources (lexicons, the KB the settings name) once."""
    name = "quotes"
    requires = ("title", "paragraphs", "foreign", "entities")
    assigns = ("quotes",)

    def __init__(self, ctx: Any = None) -> None:
        self.ctx = ctx
        settings = Settings.coerce(getattr(ctx, "settings", None))
        self.in_title = bool(settings.quotes_in_title)
        self.explain = bool(settings.explain)
        self.res = QuoteResources(_load_kb(ctx, settings))

    def __call__(self, article: Article, doc: Any, ctx: Any = None) -> None:
        try:
            article.quotes = self.extract(article, doc)
        except Exception:  # a bug here must not cost the article its other fields
            log.exception("quotes failed for %s", article.source.path or article.id)
            article.quotes = []

    def extract(self, article: Article, doc: Any) -> list[Quote]:
        """The article's quotes (errors propagate; ``__call__`` catches them)."""
        segs = [(s, e) for kind, _, s, e in article.segments() if kind == "paragraph" or self.in_title]
        if not segs or not len(doc):
            return []
        state = open_article(self.res, article, doc, segs)
        state.explain = self.explain
        quotes = collect_quotes(state)
        return as_written(quotes) if state.marks_swapped else quotes


def _load_kb(ctx: Any, settings: Settings) -> Any | None:
    """The KB the settings name (``kb_dirs``), as the other stages read it."""
    try:
        return ctx.kb() if ctx is not None and hasattr(ctx, "kb") else settings.kb()
    except Exception:  # the quote stage works without a KB (no gender/nationality checks)
        log.warning("quotes: KB not available", exc_info=True)
        return None
