"""Language: the article's language and the passages of its body written in another language.

Detection is cheap first, statistical second. Every sentence-sized chunk of the body (a paragraph
is cut at quotation marks and brackets, then into sentences) is scored against the function-word
lists of ``lexicons/function_words.json``; only chunks where another language's words at least equal
the article language's words (ties go to the model) go to lingua (built once, restricted to the languages of
``LANGUAGES``, low-accuracy mode: the chunks it sees are whole sentences, where that mode is as
good, and it builds in ~0.15 s instead of ~2 s). Lingua must then name a language other than the
article's. Short bracketed fragments (``[Russian President ...]``, an untranslated editor's
insertion) hold no function words and are too short for lingua: they count when two of their words
are English title words and none is French. Capitalised runs (lists of names and titles of
newspapers) never count: a plain chunk needs mostly lower-case words. A short quotation (3-12
words between quotation marks, no function word of the article's language) is foreign when two
function words of one other language say so, or when lingua is confident (``QUOTE_CONFIDENCE``).

Adjacent foreign sentences of one chunk merge into one passage; a quotation and the clause after
its closing mark stay two passages. Offsets are into ``Article.nlp_text()``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import Any

from veille.common.function_words import (
    NOT_A_LANGUAGE,
    function_words,
    languages_of_word,
    transliteration_data,
)
from veille.model import Article, Foreign

LANGUAGES = ("fr", "en", "es", "de", "it", "pt", "nl", "ru", "uk", "pl", "ar", "tr")

WORD = re.compile(r"[^\W\d_]+")
# Chunk borders: quotation marks and brackets. Pairing them is not needed (marks in scraped text
# are often missing or reversed); what lies between two marks is judged on its own.
MARKS = re.compile(r"[«»“”„\"\[\]()]")
QUOTE_OPENERS = "«“„\""
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_¿¡])")
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
MIN_WORDS = 4
# A quotation of a few words ("« We will not back down », said …") is judged on its own terms:
# from 3 to 12 words, with no function word of the article's language.
QUOTE_MIN_WORDS, QUOTE_MAX_WORDS = 3, 12
# Lingua on 3-5 words is often unsure; 0.75 keeps its clear verdicts only (French quotes of
# three words mostly come out "fr" or below this, measured on invented quotes).
QUOTE_CONFIDENCE = 0.75


class Transliteration:
    """Ukrainian or Russian written in Latin letters: lingua knows these languages in Cyrillic
    only, so a transliterated quote reads as noise to it. A chunk is transliterated when most of
    its words are function words of a transliteration or carry letter groups French spelling does
    not have ("zh", "kh", "shch", "iu"), with such a group or three such words among them (and more
    of them than French function words); the language is the
    one whose own words and groups (Ukrainian "iu", "yi", "dlia"; Russian "yu", "ya", "dlya") win."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.shared = set(data["shared_words"])
        self.shared_marks = re.compile(data["shared_marks"])
        self.langs = {lang: (set(v["words"]), re.compile(v["marks"]))
                      for lang, v in data.items() if isinstance(v, dict)}
        self._words: dict[str, tuple[bool, int, tuple[tuple[str, int], ...]]] = {}

    def _word(self, w: str) -> tuple[bool, int, tuple[tuple[str, int], ...]]:
        """One word's share of ``language``: whether it counts, how many letter groups it carries,
        the votes it gives each language. Words repeat, so the verdicts (regex searches) are kept."""
        got = self._words.get(w)
        if got is None:
            hit, marked = w in self.shared, 0
            if self.shared_marks.search(w):
                hit, marked = True, marked + 1
            votes = []
            for lang, (ws, marks) in self.langs.items():
                v = 0
                if w in ws:
                    v += 1
                    hit = True
                if marks.search(w):
                    v += 1
                    hit, marked = True, marked + 1
                votes.append((lang, v))
            got = (hit, marked, tuple(votes))
            if len(self._words) < 200_000:
                self._words[w] = got
        return got

    def language(self, words: list[str], own: int) -> str | None:
        """The transliterated language of these lower-cased words, or None."""
        known = self._words.get
        verdicts = [known(w) or self._word(w) for w in words]
        hits = sum(v[0] for v in verdicts)
        marked = sum(v[1] for v in verdicts)
        # Letter groups, or three function words of a transliteration (French has none of them);
        # and they make half the words, or two of them in words with hardly a French function
        # word (a quote of content words: "zemli", "viddast" are in no list).
        if not marked and hits < 3 or hits <= own:
            return None
        if hits * 2 < len(words) and not (hits >= 2 and marked and own <= 1):
            return None
        votes = dict.fromkeys(self.langs, 0)  # (counted only past the gates: most chunks stop there)
        for _, _, w_votes in verdicts:
            for lang, v in w_votes:
                votes[lang] += v
        best = max(votes, key=votes.get)
        if list(votes.values()).count(votes[best]) > 1 or not votes[best]:
            return None  # nothing tells the two apart
        return best


@lru_cache(maxsize=1)
def transliteration() -> Transliteration:
    return Transliteration(transliteration_data())


@lru_cache(maxsize=1)
def _scored_languages() -> tuple[str, ...]:
    """The languages ``word_scores`` counts, in the lexicon's order (``en_titles`` left out)."""
    return tuple(k for k in function_words() if k not in NOT_A_LANGUAGE)


def word_scores(words: list[str]) -> dict[str, int]:
    """How many of the (lower-cased) words are function words of each language."""
    index = languages_of_word()
    scores = dict.fromkeys(_scored_languages(), 0)
    for langs in [index[w] for w in words if w in index]:  # (most words are no function word)
        for lang in langs:
            scores[lang] += 1
    return scores


def _build_detector(cache: dict[str, Any] | None):
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if cache is not None and "lingua" in cache:
        return cache["lingua"]
    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES]
    detector = (LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
                .with_preloaded_language_models().with_low_accuracy_mode().build())
    if cache is not None:
        cache["lingua"] = detector
    return detector


def chunks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, bracketed) of the sentence-sized pieces of one paragraph."""
    out: list[tuple[int, int, bool]] = []
    bounds = [0] + [m.start() for m in MARKS.finditer(text)] + [len(text)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        start = a + 1 if a < len(text) and MARKS.match(text, a) else a
        bracketed = start > 0 and text[start - 1] in "[(" and b < len(text) and text[b] in "])"
        pos = start
        for m in SENTENCE_END.finditer(text, start, b):
            out.append((pos, m.start(), bracketed))
            pos = m.end()
        if pos < b:
            out.append((pos, b, bracketed))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n\u00a0\u202f,;:–—-":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0\u202f,;:.":
        end -= 1
    return start, end


class LanguageStage:
    name = "language"
    requires = ("title", "paragraphs")
    assigns = ("language", "foreign")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.detector = _build_detector(getattr(ctx, "cache", None))
        # The first call of a detector pays a one-off set-up: pay it at build time, not on an article.
        self.detector.compute_language_confidence_values("warm up the detector")
        self.titles = function_words()["en_titles"]
        self.translit = transliteration()

    # -- the article's language -------------------------------------------------------------

    def article_language(self, article: Article) -> str | None:
        text = "\n".join(([article.title] if article.title else []) + article.paragraphs)
        words = WORD.findall(text.lower())
        if not words:
            return None
        scores = word_scores(words)
        best = max(scores, key=scores.get)
        total = sum(scores.values())
        # Clear majority of one language's function words: no need for the model.
        if best == "fr" and scores[best] >= 5 and scores[best] >= 0.6 * total:
            return "fr"
        lang = self.detector.detect_language_of(text[:3000])
        return lang.iso_code_639_1.name.lower() if lang else best

    # -- foreign passages -------------------------------------------------------------------

    def judge(self, text: str, bracketed: bool, base: str, quoted: bool = False) -> str | None:
        """The language of one chunk when it is not ``base``, else None. ``quoted``: the chunk
        is between quotation marks, where one foreign function word and no French one is enough
        to ask the model ("Wir schaffen das nicht", a short quote holds few function words)."""
        raw_words = WORD.findall(text)
        if not raw_words:
            return None
        words = list(map(str.lower, raw_words))
        latin = sum(map(bool, map(LATIN.match, raw_words)))
        if latin < len(raw_words) / 2:  # another script (Cyrillic, Arabic...): the model decides
            if len(words) < 2:
                return None
            return self._detect(text, base, 0.5)
        if bracketed and 2 <= len(words) <= 8 and base != "en" and word_scores(words).get("fr", 0) == 0:
            if sum(1 for w in words if w in self.titles) >= 2:
                return "en"
        short_quote = quoted and QUOTE_MIN_WORDS <= len(words) <= QUOTE_MAX_WORDS
        if len(words) < MIN_WORDS and not short_quote:
            return None
        lower = sum(map(str.islower, map(itemgetter(0), raw_words)))
        if lower < len(raw_words) / 2:  # names and titles, not running text
            return None
        scores = word_scores(words)  # (after the cheap tests that need none)
        own = scores.get(base, 0)
        other = sum(v for k, v in scores.items() if k != base)
        # Transliteration needs more of its words than French function words: skip the check
        # where they make half the words or more (a cheap gate, the same verdict).
        if base not in ("uk", "ru") and own * 2 < len(words):
            translit = self.translit.language(words, own)
            if translit:
                return translit
        # A tie goes to the model: a short foreign sentence often holds a French-looking word
        # ("l'", "non") for each of its own function words.
        if short_quote and own == 0:
            return self._short_quote(text, base, scores)
        if other < own or other < 2 and not (quoted and other == 1 and own == 0):
            return None
        return self._detect(text, base, 0.6)

    def _short_quote(self, text: str, base: str, scores: dict[str, int]) -> str | None:
        """A short quotation with no function word of the article's language ("Non mollare mai",
        "Yes we can"): too short for the usual threshold, so the model's verdict counts when it
        is confident, or when it names the language whose function words the quote holds."""
        values = self.detector.compute_language_confidence_values(text)
        if not values:
            return None
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        if code == base:
            return None
        # Two function words of one language and none of another outweigh the model on a few
        # words ("we", "shall": English, whatever lingua guesses from the content words).
        ranked = sorted(((v, k) for k, v in scores.items() if k != base), reverse=True)
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[1][0] == 0):
            return ranked[0][1]
        if ranked and ranked[0][0] >= 2 and (ranked[0][1] == code or top.value >= 0.6):
            return code  # the usual verdict for a chunk with foreign function words
        return code if top.value >= QUOTE_CONFIDENCE else None

    def _detect(self, text: str, base: str, threshold: float) -> str | None:
        values = self.detector.compute_language_confidence_values(text)
        if not values:
            return None
        top = values[0]
        code = top.language.iso_code_639_1.name.lower()
        return code if code != base and top.value >= threshold else None

    def __call__(self, article: Article, ctx: Any) -> None:
        article.language = self.article_language(article)
        base = article.language or "fr"
        found: list[Foreign] = []
        for kind, index, seg_start, _ in article.segments():
            if kind != "paragraph":
                continue
            para = article.paragraphs[index]
            prev_lang, prev_chunk_end, passage_start = None, 0, 0
            for start, end, bracketed in chunks(para):
                quoted = start > 0 and para[start - 1] in QUOTE_OPENERS
                lang = self.judge(para[start:end], bracketed, base, quoted=quoted)
                if lang is None:
                    prev_lang = None
                    continue
                s, e = (start - 1, end + 1) if bracketed else _trim(para, start, end)
                # Sentences of one chunk in the same language make one passage.
                if prev_lang == lang and not MARKS.search(para, prev_chunk_end, start):
                    last = found[-1]
                    last.end = seg_start + e
                    last.text = para[passage_start:e]
                else:
                    passage_start = s
                    found.append(Foreign(text=para[s:e], language=lang, start=seg_start + s, end=seg_start + e))
                prev_lang, prev_chunk_end = lang, end
        article.foreign = found
