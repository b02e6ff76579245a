"""Line text helpers of the cleaner: normalising, comparing, the shape of a sentence."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_SPACE_COLON = re.compile(r"\s+:")
_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=131072)
def normalize_line(line: str) -> str:
    """Lower case, NFKC, one apostrophe, one space, " :" written ":" (for cue matching only)."""
    s = (line if line.isascii() else unicodedata.normalize("NFKC", line)).lower()  # (ASCII is NFKC)
    if not s.isascii():
        s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    # Most lines have single spaces only: no split and join. (Every whitespace character but the
    # space is unprintable, so a printable line holds no other.)
    if not s.isprintable() or "  " in s or s[:1] == " " or s[-1:] == " ":
        s = " ".join(s.split())
    return _SPACE_COLON.sub(":", s) if " :" in s else s  # (spaces are single here)



# -- layout tests -------------------------------------------------------------------------------

COUNTER = re.compile(r"^\d[\d  .,]*\s+(.+)$")
# "Vos réactions (7)", "Commentaires (12)", "commentaires : 3": the counted word, then the number.
COUNTER_AFTER = re.compile(r"^(?:(?:vos|nos|les|des|tous les|toutes les)\s+)?(.+?)\s*(?:[(\[]\s*\d+\s*[)\]]|:\s*\d+)$")
COUNTER_ON_TITLE = re.compile(r"^\S+ (?:sur|à|a|on|to) [«\"“]")
TRAILING_MARKS = re.compile(r"[\s.!:>›»→…]+$")
WHOLE_PAREN = re.compile(r"^\s*[(\[][^()\[\]]+[)\]]\s*\.?\s*$")
TAGLINE_SPLIT = re.compile(r"\s+[-–—|]\s+")
# A number alone, or a slideshow's counter under each picture ("02 / 05", spaced: "02/05" may be a date).
LONE_NUMBER = re.compile(r"^(?:[\d  .,]{1,9}|\d{1,3} / \d{1,3})$")
FINAL_PUNCT = re.compile(r"[.!?…»\"”)\]:;]$")
SENTENCE_END = re.compile(r"[.!?»”]\s*$")
ELLIPSIS_END = re.compile(r"\s*(\.\.\.|…)\s*$")
# "Doppagne/BELGA/dpa", "Jan Kowal/Agence": a name glued to an agency by a slash is a credit.
SLASH_CREDIT = re.compile(r"\b[A-Z][\w'’-]+\s*/\s*[A-Z][\w-]+")
COLON_CLAUSE = re.compile(r":\s+\w+(?:\s+[\w'’-]+){2,}")
CRAWL_HEADER = re.compile(r"^\s*date\s*[:=]?\s*((?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?:[T ][\d:]+Z?)?\b\s*", re.I)
TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+([^|–—-]{2,40})$")

LOOKS_HTML = re.compile(r"^\s*<(!doctype|html|body|article|div|p|h1|section)\b", re.I)

TITLE_MAX_WORDS = 60
KICKER_MAX_WORDS = 3
TITLE_MIN_WORDS = 3
PARAGRAPH_MIN_WORDS = 12  # a line this long with final punctuation is prose, not a caption


def words(line: str) -> list[str]:
    # The same lines are measured again and again (run finder, headline chooser, line cleaner): a
    # copy of the kept split costs a fraction of splitting a paragraph anew (a fresh list: callers
    # may change it).
    return list(_split(line))


@lru_cache(maxsize=32768)
def _split(line: str) -> tuple[str, ...]:
    return tuple(line.split())


@lru_cache(maxsize=65536)  # (a remembered answer is a call at C speed: 185,000 calls a pass over the dumps)
def word_count(line: str) -> int:
    """``len(words(line))``, without the copy of the kept split (the most asked of the line tests)."""
    return len(line.split())


_ASCII_LOWER = re.compile(r"[a-z]")
# The capitals of the pattern ``^[A-ZÀ-ÖØ-Þ]`` the line models test each word with: a set lookup of
# the word's first character gives the same answer without a pattern call per word.
CAPITAL_LETTERS = frozenset(chr(c) for lo, hi in ((0x41, 0x5A), (0xC0, 0xD6), (0xD8, 0xDE)) for c in range(lo, hi + 1))


def all_capitals(text: str, least: int) -> bool:
    """At least ``least`` letters, every one a capital. (A lower-case ASCII letter, found at C
    speed, settles most lines without a step per character.)"""
    if _ASCII_LOWER.search(text):
        return False
    letters = list(filter(str.isalpha, text))
    return len(letters) >= least and all(map(str.isupper, letters))


@lru_cache(maxsize=131072)
def line_key(line: str) -> str:
    """Comparison key: letters and digits only."""
    # (The word runs joined by one space: each run of other characters made a space, the ends stripped.)
    return " ".join(_WORD_RUN.findall(normalize_line(line)))


def similar(a: str, b: str) -> bool:
    """Near-duplicates: the same caption written twice with small variations (apostrophes,
    a credit appended, a dash for a hyphen)."""
    ka, kb = line_key(a), line_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka, kb), key=len)
    if len(short.split()) >= 3 and long_.startswith(short):
        return True
    return fuzz.ratio(ka, kb) >= 88


@lru_cache(maxsize=8192)  # (asked of the same lines by the run finder, the headline chooser, the line cleaner)
def is_prose(line: str) -> bool:
    """A body paragraph: long enough, or a sentence that ends."""
    n = word_count(line)
    return n >= 25 or (n >= PARAGRAPH_MIN_WORDS and bool(FINAL_PUNCT.search(line)))
