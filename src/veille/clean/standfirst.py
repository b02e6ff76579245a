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
* before a given name (``lexicons/given_names.tsv``) and a capitalised surname closed by a comma
  or followed by a verb ("a", "est", "dit"…): the standfirst's subject, after a headline word in
  lower case ("… rouvre ses portes Jeanne Vautrin, maire de Valmorin, a …"), or
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
from veille.common.dates import parse_date
from veille.common.fold import fold
from veille.common.lexicon import groups, mapping, rows

HEAD_MIN_WORDS = 3
HEAD_MAX_WORDS = 30
TAIL_MIN_WORDS = 10
TAIL_MAX_WORDS = 60
STOP_PROSE_WORDS = 30  # a paragraph this long is the article's (a teaser or a tagline is shorter)
STOP_PARAGRAPHS = 2  # such paragraphs seen: the body has begun (after one, which may be the site's notice
# above the headline, only headings are split)
_CLOSES = ("?", "!", "»", '"', "”")
_ENDS = (".", "!", "?", "…")
_LEADING_MARKS = "«“\"'‘("
_SPLIT_KINDS = frozenset({"text", "heading"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {group: frozenset(fold(w) for w in ws) for group, ws in groups("clean/standfirst_words.tsv").items()}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(fold(name).lower() for name in mapping("given_names.tsv"))


_SUBJECT_VERBS = frozenset({"a", "avait", "aura", "est", "était", "sera", "va", "vient", "dit", "estime", "explique"})


def _opens_on_name(tokens: list[str], i: int) -> bool:
    """A standfirst opening on a person's given name and surname as its subject ("Jeanne Vautrin,
    maire de …, a …", "Léon Barthelet a annoncé …") after a headline closing on a word in lower case
    (not a name's: "… Marine Le Pen"); a name set after a verb ("a reçu mardi Jean Dupont à …") is
    the sentence's object."""
    prev = tokens[i - 1]
    if i + 2 >= len(tokens) or not prev[-1:].isalnum() \
            or fold(prev).lower() in _words().get("linker", frozenset()):
        return False
    first, surname = fold(tokens[i].split("-")[0]).lower(), tokens[i + 1]
    if first not in _given_names() or not surname[:1].isupper():
        return False
    if any(c.isupper() for c in prev):
        # After a capitalised word ("… à Toronto", "… l'ONU"), only a name set in apposition with
        # a role ("Awa Kerbrat, avocate au barreau …", "…, la maire de …": ``speaker_nouns.tsv``):
        # a name run on ("le patron de Renault Carlos Ghosn a été …", "…, arrêté lundi", "Marine
        # Le Pen") is no standfirst's subject; the headline's own last word is no given name.
        return surname.endswith(",") and _role_word(tokens[i + 2:i + 4]) \
            and fold(prev.split("-")[0]).lower() not in _given_names()
    return surname.endswith(",") or tokens[i + 2] in _SUBJECT_VERBS


_DETERMINERS = frozenset({"le", "la", "l'", "un", "une", "son", "sa"})


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    return frozenset(fold(row[0]).lower() for row in rows("speaker_nouns.tsv"))


def _role_word(ws: list[str]) -> bool:
    """The words after a name's comma open on a role ("avocate", "la maire", "l'élue"), with its
    determiner or not."""
    if not ws:
        return False
    first = fold(ws[0]).lower().rstrip(",")
    if "'" in first and first[:first.index("'") + 1] in _DETERMINERS:
        first = first[first.index("'") + 1:]
    elif first in _DETERMINERS and len(ws) > 1:
        first = fold(ws[1]).lower().rstrip(",")
    return first in _role_nouns()


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


DATE_TOKENS = 4  # "Mardi 4 mars 2025": a weekday, a day, a month and a year


def _opens_on_date(tokens: list[str], i: int) -> bool:
    """The words from ``i`` open on a date with its year ("Mardi 4 mars 2025, 13:05 …"): a
    stamp glued to the line, no standfirst ("Lundi soir, les élus …", "Lundi 3 mars, …" are)."""
    for n in range(3, DATE_TOKENS + 1):
        parts = parse_date(" ".join(tokens[i:i + n]).rstrip(",;:"))
        if parts is not None and parts.year is not None:
            return True
    return False


def split_headline(text: str, past_prose: bool = False) -> tuple[str, str] | None:
    """(headline, standfirst) when ``text`` is a headline run onto its standfirst, else None.
    ``past_prose``: a line under a paragraph of prose, which may be the body's: split before an
    opening word only, never after a "?" or "!" (a paragraph's question meets its answer there) nor
    before a name ("… en imitant Léa Roy, la ministre …" goes on)."""
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
        if past_prose and tokens[i - 1].endswith(("?", "!")):
            continue
        if _balanced(head) and (_boundary(tokens[i - 1], tokens[i], tokens[i + 1])
                                or not past_prose and _opens_on_name(tokens, i)) and not _opens_on_date(tokens, i):
            return head, " ".join(tokens[i:])
    return None


HEADLINE_ABOVE_MIN_WORDS = 5


def _under_headline(us: list[Unit], k: int) -> bool:
    """Unit ``k`` comes right under a headline of its own: a heading of some length closing on no
    period or colon (a kicker, "LIGUE 1", is shorter). Then ``k`` is the standfirst, whatever
    question opens it ("Faut-il rouvrir la ligne ? Les élus en débattent…"), not a headline run
    onto one."""
    prev = us[k - 1] if k > 0 else None
    return prev is not None and prev.kind == "heading" and us[k].kind == "heading" \
        and len(prev.text.split()) >= HEADLINE_ABOVE_MIN_WORDS and not prev.text.rstrip().endswith((".", ":"))


def _stops(u: Unit, notice: Callable[[str], bool]) -> bool:
    """A paragraph of prose (``STOP_PROSE_WORDS`` words or more) that is no ``notice``: the body's,
    or a site's notice above the headline ("Le contenu de ce site est le fruit du travail de …")."""
    return u.kind in _SPLIT_KINDS and len(u.text.split()) >= STOP_PROSE_WORDS and is_prose(u.text) \
        and not notice(u.text)


def split_standfirsts(us: list[Unit], notice: Callable[[str], bool] = lambda text: False) -> list[Unit]:
    """The units, the headline run onto its standfirst split in two (the standfirst a text unit).
    Above the page's first paragraph of prose (``_stops``); past it, up to the second paragraph (the
    body), a heading (a text browser's headline at the margin: the paragraph was a site's notice
    above it) and a line that no margin tells from the text (w3m, a copy: the paragraph was a
    caption, a form's notice or a teaser above the headline) before an opening word only (not after
    its "?" or "!" nor before a name there: a question and its answer inside the article, "Est-ce
    efficace ? Ces jeux…", stay one paragraph).
    Nowhere before a date with its year ("… présenté depuis Valmorin Mardi 4 mars 2025, 13:05 avec …"):
    a stamp run onto a line opens no standfirst."""
    out: list[Unit] = []
    paragraphs = 0
    for k, u in enumerate(us):
        parts = split_headline(u.text, past_prose=paragraphs > 0 and u.kind != "heading") \
            if u.kind in _SPLIT_KINDS and not _under_headline(us, k) else None
        if parts is None:
            out.append(u)
            if _stops(u, notice):
                paragraphs += 1
                if paragraphs >= STOP_PARAGRAPHS:
                    return out + us[k + 1:]
            continue
        out.append(Unit(parts[0], u.kind, u.first, u.indent))
        out.append(Unit(parts[1], "text", u.first, u.indent))
    return out
