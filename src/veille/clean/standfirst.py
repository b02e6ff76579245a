"""A headline and its standfirst printed on one line, split apart.

A page sets its standfirst (the "chapô") in an element that a text browser or a copy may run onto
the headline's line, with no punctuation between them: "Le marché couvert rouvre ses portes Les
commerçants de Valmorin ont retrouvé leurs étals après deux ans de travaux." Read whole, such a
line is too long and ends like a sentence: it is taken for prose and the page loses its headline.

A unit is split when it is one sentence run onto a headline: it ends with a period, the part before
the split has no sentence end of its own and its quotes are closed, and the split falls

* after a closing quote, "?" or "!" followed by a capital ("« Nous resterons » Les salariés…"), or
* before a capitalised word that opens sentences and is no name (``lexicons/clean/
  standfirst_words.tsv``: "Le", "Une", "Depuis", "L'" of "L'association", the "Vingt" of
  "Vingt-trois", not the "Notre" of "Notre-Dame"…), after a word a headline may end on (not "de", "le", "pour"…), not before
  another capitalised word (a name: "Les Tricots du cœur", "Marine Le Pen"), or
* before a person's name (two or three capitalised words, maybe after "Selon", "Pour") followed
  by a comma or a verb ("… deux rives Jeanne Vautrin, maire de Valmorin, a …"), not after a
  capitalised word or a noun a name follows in a headline ("le maire Léon Barthelet a …"), or
* before a preposition or a weekday that opens a sentence on a place or a time ("À Valmorin, …",
  "Au Japon, …", "Lundi soir, …": group ``opener_place``), a capitalised word after it or not,
  when the headline's last word is no name's (a preposition in capitals inside a name, "La
  République En Marche", follows a capitalised word).

The headline part keeps 3 to ``HEAD_MAX_WORDS`` words, the standfirst at least ``TAIL_MIN_WORDS``
and at most ``TAIL_MAX_WORDS`` (longer, it is the lede: "Encore un retard sur le chantier En 2019, …")
(a headline of its own that ends with a period, "Le maire de Valmorin démissionne.", is not split).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from veille.clean.dump import Unit, strip_images
from veille.clean.text import is_prose
from veille.common.fold import fold
from veille.common.lexicon import groups, mapping

HEAD_MIN_WORDS = 3
HEAD_MAX_WORDS = 30
TAIL_MIN_WORDS = 10
TAIL_MAX_WORDS = 60
STOP_PROSE_WORDS = 30  # a paragraph this long is the article's (a teaser or a tagline is shorter)
_CLOSES = ("?", "!", "»", '"', "”")
_ENDS = (".", "!", "?", "…")
_LEADING_MARKS = "«“\"'‘("
_SPLIT_KINDS = frozenset({"text", "heading"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {group: frozenset(fold(w) for w in ws) for group, ws in groups("clean/standfirst_words.tsv").items()}


def _keys(token: str) -> tuple[str, ...]:
    """The forms of a token looked up in the lexicon: the word ("depuis"), its elided article
    ("l'" of "L'association", "c'" of "C'est"), the first part of a compound ("vingt" of
    "Vingt-trois")."""
    key = fold(token.lstrip(_LEADING_MARKS)).lower().rstrip(",;:")
    out = [key]
    if "'" in key:
        out.append(key[:key.index("'") + 1])
    parts = token.split("-")
    if len(parts) > 1 and parts[1][:1].islower():  # "Vingt-trois", not "Notre-Dame", "Saint-Jean"
        out.append(key.replace("-", " ").split()[0])
    return tuple(out)


def _balanced(text: str) -> bool:
    return text.count("«") == text.count("»") and text.count('"') % 2 == 0 \
        and text.count("“") == text.count("”")


def _boundary(prev: str, nxt: str, after: str) -> bool:
    """Whether a standfirst may start at ``nxt`` after a headline ending on ``prev``."""
    if not nxt[:1].isupper():
        return False
    if prev.endswith(_CLOSES):
        return True
    if not prev[-1:].isalnum():
        return False  # "Valmorin :", "maire,": the line goes on
    lexicon = _words()
    keys, last = _keys(nxt), fold(prev).lower()
    if last in lexicon.get("linker", frozenset()):
        return False
    if any(k in lexicon.get("opener_place", frozenset()) for k in keys):
        # "Au lendemain", "À Valmorin" after "l'ONU"; but "… République En Marche" is a name's.
        return not after[:1].isupper() or not any(c.isupper() for c in prev)
    if not any(k in lexicon.get("opener", frozenset()) for k in keys):
        return False
    # "l'association Les Tricots du cœur", "la marque Il Gufo", "Marine Le Pen": an opener before
    # a capitalised word is a name's first word.
    return not after[:1].isupper()


NAME_MAX_WORDS = 3
APPOSITION_MAX_WORDS = 10


@lru_cache(maxsize=1)
def _name_verbs() -> frozenset[str]:
    """Compared with their accents: "a" (has) is a verb, "à" a preposition."""
    return frozenset(w.lower() for w in groups("clean/standfirst_words.tsv").get("name_verb", ()))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(fold(name).lower() for name in mapping("given_names.tsv"))


def _name_word(token: str) -> bool:
    """A capitalised word of a person's name ("Jeanne", "Marc-Antoine", "Vautrin,"), no opener."""
    word = token.rstrip(",")
    return word[:1].isupper() and word.replace("-", "").replace("'", "").replace("’", "").isalpha() \
        and not any(k in _words().get("opener", frozenset()) for k in _keys(word))


def _name_opens(tokens: list[str], i: int) -> bool:
    """Whether a standfirst opens at ``tokens[i]`` on a person's name: two or three capitalised
    words, maybe after "Selon", "Pour" (``opener_person``), then a verb (``name_verb``) or an
    apposition between commas and a verb (after "Selon X," a comma is enough):
    "… relie les deux rives Jeanne Vautrin, maire de Valmorin, a …", "… Léon Barthelet a annoncé …".
    After a capitalised word ("… de la Lisse Jeanne Vautrin, …") only when the name opens on a
    known given name (``lexicons/given_names.tsv``); never after a linker or a noun a name follows
    in a headline ("le maire Léon Barthelet a …": ``name_title``)."""
    lexicon = _words()
    prev = fold(tokens[i - 1]).lower()
    if not prev[-1:].isalnum() or prev in lexicon.get("linker", frozenset()) \
            or prev in lexicon.get("name_title", frozenset()):
        return False
    j = i + 1 if any(k in lexicon.get("opener_person", frozenset()) for k in _keys(tokens[i])) else i
    start = j
    if j == i and tokens[i - 1][:1].isupper() and fold(tokens[i]).lower().rstrip(",") not in _given_names():
        return False  # (after a capitalised word, only a known given name opens a name)
    while j < len(tokens) and j - start < NAME_MAX_WORDS and _name_word(tokens[j]):
        j += 1
        if tokens[j - 1].endswith(","):
            break
    if j - start < 2:
        return False
    if tokens[j - 1].endswith(",") and start > i:
        return True  # "Selon Jeanne Vautrin, le chantier …"
    if tokens[j - 1].endswith(","):
        # "Jeanne Vautrin, maire de Valmorin, a …": an apposition closed by a comma, then the verb
        # ("… reçoivent Léa Roy, qui …" is one sentence).
        close = next((k for k in range(j, min(len(tokens) - 1, j + APPOSITION_MAX_WORDS)) if tokens[k].endswith(",")), None)
        return close is not None and tokens[close + 1].lower() in _name_verbs()
    return j < len(tokens) and tokens[j].lower() in _name_verbs()


def split_headline(text: str) -> tuple[str, str] | None:
    """(headline, standfirst) when ``text`` is a headline run onto its standfirst, else None."""
    stripped = strip_images(text).rstrip()  # (a picture's alt between them: "… » [logo.png] Le …")
    if not stripped.endswith((".", "…")) or stripped.endswith(".."):
        return None
    tokens = stripped.split()
    if len(tokens) < HEAD_MIN_WORDS + TAIL_MIN_WORDS:
        return None
    # The head may end on the line's first sentence end ("… en douceur ?"), never go past it.
    first_end = next((j for j, t in enumerate(tokens) if t.endswith(_ENDS)), len(tokens) - 1)
    last = min(len(tokens) - TAIL_MIN_WORDS, HEAD_MAX_WORDS, first_end + 1)
    for i in range(max(HEAD_MIN_WORDS, len(tokens) - TAIL_MAX_WORDS), last + 1):
        head = " ".join(tokens[:i])
        if _balanced(head) and (_boundary(tokens[i - 1], tokens[i], tokens[i + 1]) or _name_opens(tokens, i)):
            return head, " ".join(tokens[i:])
    return None


def split_standfirsts(us: list[Unit], notice: Callable[[str], bool] = lambda text: False) -> list[Unit]:
    """The units, the headline run onto its standfirst split in two (the standfirst a text unit).
    Only above the page's first paragraph of prose (``STOP_PROSE_WORDS`` or more) that is no such
    line nor a ``notice`` (a consent banner): a question and its answer inside the article ("Est-ce efficace ? Ces jeux…")
    stay one paragraph."""
    out: list[Unit] = []
    for k, u in enumerate(us):
        parts = split_headline(u.text) if u.kind in _SPLIT_KINDS else None
        if parts is None:
            out.append(u)
            if u.kind in _SPLIT_KINDS and len(u.text.split()) >= STOP_PROSE_WORDS and is_prose(u.text) \
                    and not notice(u.text):
                return out + us[k + 1:]
            continue
        out.append(Unit(parts[0], u.kind, u.first, u.indent))
        out.append(Unit(parts[1], "text", u.first, u.indent))
    return out
