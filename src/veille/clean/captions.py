"""A picture's caption set as a line of its own with the credit closing it ("Le pont rouvert lundi.
Photo Léa Roy", "… le 3 mai. (LP/Awa Koné)", "… lundi. Jean Dupin, AFP"): furniture, however much it
reads like a sentence. The credit is the line's tail after a sentence end or a spaced dash (any of
them: a stray mark opening the line, a closing guillemet inside the caption do not hide it), or a
bracket closing the line: a credit word of ``lexicons/clean/caption_credits.tsv`` with its capital
and a few words, a photographer and agency set apart by a slash in brackets (or a photographer and
a studio by a spaced dash, three words at least), or a name and an agency of
``lexicons/agencies.tsv`` after a comma or a slash. A paragraph of the text never ends that way: its
last sentence has a verb and ends on a stop."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.text import words
from veille.common.datelines import agencies
from veille.common.lexicon import rows

CAPTION_MAX_WORDS = 60  # a caption is short; a paragraph ending on a credit-like tail is text
CREDIT_MAX_WORDS = 8  # words of the credit itself
CAPTION_MIN_WORDS = 3  # the caption before the credit
BRACKET_MAX_WORDS = 6
DASH_CREDIT_MIN_WORDS = 3  # a photographer and a studio either side of a dash

# The last sentence end of the caption, then the tail: "… au quotidien. Photo X", "… Saly. / Crédits : X".
_SEPARATOR = re.compile(r"(?:[.!?…»\"”)]|\s[/|–—-])\s+")
_TAIL = re.compile(r"[^.!?…»«\"”]+?\.{0,2}\s*")
_BRACKET_TAIL = re.compile(r"[(\[](?P<inner>[^()\[\]]{2,80})[)\]]\s*(?P<stop>\.?)\s*$")
_CAP_WORD = re.compile(r"^[A-ZÀ-Þ0-9@]")
# A bracketed credit's two parts (photographer, agency or studio): a slash, or a spaced dash.
_BRACKET_SPLIT = re.compile(r"/|\s[-–—]\s")
_NAME_PARTICLES = frozenset({"de", "du", "des", "la", "le", "les"})  # inside a studio's name


@lru_cache(maxsize=1)
def _credit_head() -> re.Pattern[str]:
    """A credit word with its capital (or in capitals), then a colon, a slash or a space."""
    alts = []
    for cols in rows("clean/caption_credits.tsv", min_columns=2):
        word = cols[0]
        alts.append(re.escape(word[0].upper() + word[1:]))
        alts.append(re.escape(word.upper()))
    alts.sort(key=len, reverse=True)
    return re.compile(rf"^(?:{'|'.join(alts)})(?:\s*[:/]\s*|\s+|$)")


@lru_cache(maxsize=1)
def _agency_tail() -> re.Pattern[str]:
    """A name then an agency: "Jean Dupin, AFP", "JEAN DUPIN/AFP", "afp.com/Jean Dupin"."""
    names = sorted({a for a in agencies() if len(a) >= 2}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    name = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}"
    return re.compile(rf"^(?:{name}\s*(?:,|/)\s*(?i:{alt})|(?i:{alt})(?:\.com)?\s*/\s*{name})$")


TAG_CREDIT_MAX_WORDS = 4  # a credit after a tag: "Photo d'illustration Ph. A.", "… Image d'illustration Léa Roy"


@lru_cache(maxsize=1)
def _tags() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The caption tags: (bracketed and closing the line, after the caption's last sentence end)."""
    alts = []
    for cols in rows("clean/caption_tags.tsv", min_columns=2):
        tag = re.escape(cols[0]).replace("'", "['’]").replace(r"\ ", r"\s+").replace(" ", r"\s+")
        alts.append(tag if len(cols[0]) <= 2 else f"(?i:{tag})")
    alt = "|".join(alts)
    return (re.compile(rf"[(\[]\s*(?:{alt})\s*[)\]]\s*\.?\s*$"),
            re.compile(rf"[.!?…»\"”)]\s+(?:{alt})(?P<credit>(?:\s+\S+)*?)\s*\.?\s*$"))


def tag_tail(text: str) -> bool:
    """The line closes on a caption tag (``caption_tags.tsv``) after a caption of a few words."""
    bracket, after = _tags()
    m = bracket.search(text)
    if m and len(words(text[:m.start()])) >= CAPTION_MIN_WORDS:
        return True
    m = after.search(text)
    return bool(m and len(words(text[:m.start()])) >= CAPTION_MIN_WORDS
                and len(m.group("credit").split()) <= TAG_CREDIT_MAX_WORDS)


def _credit_words(text: str) -> bool:
    """A credit's words: the credit word and what it credits ("Photo DR"), a few words; a credit
    word alone is a label or a headline's tag ("Mentions légales / Crédits", "… [PHOTO]")."""
    return 2 <= len(words(text)) <= CREDIT_MAX_WORDS


def credit_tail(line: str) -> bool:
    """The line is a caption closed by its picture credit (see the module doc)."""
    n = len(words(line))
    if n > CAPTION_MAX_WORDS or n < CAPTION_MIN_WORDS + 1:
        return False
    text = line.strip()
    if tag_tail(text):
        return True
    m = _BRACKET_TAIL.search(text)
    if m and len(words(text[:m.start()])) >= CAPTION_MIN_WORDS:
        inner = m.group("inner").strip()
        if _credit_head().match(inner) and _credit_words(inner):
            return True
        # "(LP/Awa Koné)", "[AGENCE/JEAN DUPIN - Exemple]", "(Léa Roy - La Maison de Production)";
        # "(CDU/CSU)" names parties (no lower case); "(Paris - Lyon)", two words, is a route.
        parts = _BRACKET_SPLIT.sub(" ", inner).split()
        if _BRACKET_SPLIT.search(inner) and not m.group("stop") and any(c.islower() for c in inner) \
                and ("/" in inner or len(parts) >= DASH_CREDIT_MIN_WORDS) and len(parts) <= BRACKET_MAX_WORDS \
                and all(_CAP_WORD.match(w) or w in _NAME_PARTICLES for w in parts if w[0].isalpha()):
            return True
    return any(_credited(text, sep.end()) for sep in _SEPARATOR.finditer(text))


def _credited(text: str, start: int) -> bool:
    """From ``start`` (after a sentence end or a spaced dash) to the line's end runs a credit, after
    a caption of a few words."""
    if not _TAIL.fullmatch(text, start) or len(words(text[:start])) < CAPTION_MIN_WORDS:
        return False
    tail = text[start:].strip().rstrip(".").lstrip("/|–—- ").strip()
    if not _credit_words(tail):
        return False
    return bool(_credit_head().match(tail) or _agency_tail().match(tail))


# A picture's file name or address printed for its alt text: "IMG_2034.jpg", "vue-du-port-02",
# "https://exemple.org/files/la_cour_du_port.jpg" (wrapped: its tail on the next line).
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)(?:\?\S*)?$", re.I)
_JOINED = re.compile(r"^[^\W_]+(?:[-_][^\W_]+){2,}$")
FILE_MAX_TOKENS = 2


def is_file_name(line: str) -> bool:
    """A line that is a picture's file name or address, not words: one or two tokens ending on an
    image extension, or one token of three pieces or more joined by dashes or underscores, one of
    them a number or the joints underscores ("Saint-Jean-de-Luz" is a name)."""
    tokens = line.split()
    if not tokens or len(tokens) > FILE_MAX_TOKENS:
        return False
    if _IMAGE_FILE.search(tokens[-1]):
        return True
    token = tokens[0]
    return len(tokens) == 1 and _JOINED.match(token) is not None and (
        "_" in token or any(piece.isdigit() for piece in re.split(r"[-_]", token)))
