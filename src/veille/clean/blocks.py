"""Blocks of a text dump that read like prose and are not the article: consent walls, teaser lists, threads.

The article run (``browser.py``) is the densest run of prose; several kinds of page blocks are
dense prose too, whatever the site, and are recognised by their own marks rather than by their
words (each with an invented page in ``tests/test_clean_blocks.py``):

* **A consent dialog** (cookie wall, privacy settings panel). Its notice names cookies, tracers,
  consent (``lexicons/clean/consent.tsv``, kind ``notice``); its panel explains each purpose in
  long sentences that name none of them ("Ces outils nous permettent de mesurer la fréquentation
  de nos pages."), between switches (``[X]``, ``[ ]``) and buttons ("(BUTTON) Refuser",
  "(BUTTON) Enregistrer et fermer", kind ``control``). A cookie wall that asks the reader to
  subscribe instead ("Vous avez refusé les cookies…", a paragraph on what the site's journalism
  costs, "Je m'abonne", "Connectez-vous") is one too: its calls to action are its buttons.
  ``consent_zone``: a stretch of units whose consent signs sit at most ``CONSENT_GAP`` units
  apart, holding a notice and a control, is the dialog, from its first sign to its last; switches
  a little further down (``2 * CONSENT_GAP``) still belong to its panel. Between two stretches of
  prose it is an embed the reader refused (a live blog's video): it weighs nothing
  (``consent_values``). Its lines, and a promo closed by a call to subscribe, speak to the reader
  and are never a headline (``speaks_to_reader``).
* **A news ticker** printed as one block: other articles' headlines, each with its stamp, run
  together (``is_ticker``).
* **A list of other articles' teasers** (an aggregator's or a home page's blocks, "À ne pas
  manquer"): each teaser's text is followed by its signature or its date ("par Léa Roy", "5 mars
  2024"), so the run's prose is cut by such marks from its start. ``list_run``: two groups of marks
  or more, each after some prose, with little prose (``LIST_LEAD_WORDS``) before the first: an
  article opens on a standfirst and its byline, then runs on. When another run, no list, weighs at
  least ``LIST_RIVAL`` of the list, that run is the article (``rival_run``).
* **An aggregator's page**: teasers, a menu, the article, more teasers. Kadane's run joins blocks
  over a short menu when both are heavy; ``split_at_menus`` parts the run again at every menu
  (five short bullets or forms in a row, which no article holds) and keeps the heaviest block
  that is no list.
* **Readers' comments under the article.** A short article (a paywalled page shows a few lines)
  loses to the thread under it: "6 commentaires", then "[avatar] Marc L. 5 novembre 2016 19:34"
  over each reader's text. ``comment_thread``: a run that opens under a comments heading
  (``lexicons/boilerplate.tsv``, kind ``comments_section``) and reads as a list from there (the
  readers' headers, a name and a date, cut the prose as a teaser's signature does) is the thread;
  the article is the best run above that heading. ``thread_start``: where the thread opens under
  the article (a heading, or two readers' headers close together): the readers' dates are no stamps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from veille.clean.cues import cue_kind
from veille.clean.dump import Unit, strip_images
from veille.clean.shapes import is_comment_header
from veille.clean.stamps import has_stamp_cue
from veille.clean.text import is_prose, normalize_line, word_count
from veille.common.dates import find_date_in_line
from veille.common.lexicon import rows

CONSENT_GAP = 6  # units between two signs of one dialog
CONSENT_MIN_SIGNS = 2
CALL_MAX_WORDS = 12
_CHECKBOX = re.compile(r"^\s*(?:\[[ _Xx*]\]|\([ _*]\))")
_BUTTON = re.compile(r"\((?:BUTTON|Submit)\)\s*", re.I)
_SKIP = frozenset({"header", "refresh", "http", "linkref"})

COMMENTS_REACH = 12  # units above the run where the comments heading may sit
MARK_MAX_WORDS = 12
HEADING_MAX_WORDS = 8
_TEXT_UNITS = frozenset({"text", "heading"})


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...]]:
    table = rows("clean/consent.tsv", min_columns=2)
    notices = sorted((normalize_line(c[1]) for c in table if c[0] == "notice"), key=len, reverse=True)
    controls = tuple(sorted((normalize_line(c[1]) for c in table if c[0] == "control"), key=len, reverse=True))
    notice = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in notices) + r")(?!\w)")
    # A quick test first: one of the notices that holds no other (a line holding "cookies" holds
    # "cookie"), as substring tests (cheaper than an alternation tried at every character).
    pieces = tuple(n for n in notices if not any(m != n and m in n for m in notices))
    return notice, controls, pieces


def _consent_sign(u: Unit) -> str | None:
    """"notice" for a unit naming cookies or consent, "control" for a dialog's switch or button."""
    return None if u.kind in _SKIP else _text_consent_sign(u.kind, u.text)


@lru_cache(maxsize=32768)  # (a site's menus and footers come again on each of its pages)
def _text_consent_sign(kind: str, text: str) -> str | None:
    notice, controls, quick = _cues()
    norm = normalize_line(text)
    if kind == "form":  # a button first: "(BUTTON) J'accepte tous les cookies" is the answer
        if _CHECKBOX.match(text):
            return "control"
        labels = [normalize_line(p) for p in _BUTTON.split(text) if p.strip()]
        if any(lab.startswith(c) for lab in labels for c in controls):
            return "control"
    for piece in quick:  # (substring tests first: cheap)
        if piece in norm:
            if notice.search(norm):
                return "notice"
            break
    # (at most ``CALL_MAX_WORDS`` words: the split stops past them; every call holds "vous" or "je m")
    if ("vous" in norm or "je m" in norm) and len(text.split(None, CALL_MAX_WORDS)) <= CALL_MAX_WORDS \
            and _CALL_TO_ACTION.search(norm):
        return "control"  # a wall's call to subscribe or log in ("Je m'abonne", "Connectez-vous")
    return None


def consent_zone(us: Sequence[Unit]) -> set[int]:
    """The units of the page's consent dialogs (see the module doc)."""
    signs = [(i, kind) for i, u in enumerate(us) for kind in [_consent_sign(u)] if kind]
    zone: set[int] = set()
    k = 0
    while k < len(signs):
        j = k
        while j + 1 < len(signs) and signs[j + 1][0] - signs[j][0] <= CONSENT_GAP:
            j += 1
        group = signs[k:j + 1]
        kinds = {kind for _, kind in group}
        if len(group) >= CONSENT_MIN_SIGNS and kinds == {"notice", "control"}:
            zone.update(range(group[0][0], group[-1][0] + 1))
        elif "control" in kinds and zone and 0 < group[0][0] - max(zone) <= 2 * CONSENT_GAP:
            # The panel goes on: more switches under a purpose that names no cookie.
            zone.update(range(max(zone), group[-1][0] + 1))
        k = j + 1
    return zone


LIST_LEAD_WORDS = 80
LIST_MIN_GROUPS = 2
LIST_RIVAL = 0.5


_SIGNATURE_KINDS = frozenset({"byline", "source"})
# A teaser closed by its author's name ("… sans solution. par Léa Roy").
# An embedded tweet: its text with its short links, its "— Name (@handle) date" line.
_TWEET = re.compile(r"pic\.twitter\.com/|https?://t\.co/|^[—–-]\s[^()]{1,60}\(@\w{1,30}\)")
_SIGNED = re.compile(r"\s(?:par|by)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|du\s+)?[A-ZÀ-Þ][\w'’.-]+){0,3}$")


def _list_mark(u: Unit) -> bool:
    """A teaser's or a comment's signature or date: a short line, no sentence, with a date or a
    byline cue; or a line closed by its author's name."""
    text = strip_images(u.text)
    if u.kind not in _TEXT_UNITS or not text or _TWEET.search(text):
        return False  # (an embedded tweet's date is the article's own furniture)
    if not text.rstrip().endswith(".") and _SIGNED.search(text):
        return True
    return len(text.split(None, MARK_MAX_WORDS)) <= MARK_MAX_WORDS and not is_prose(text) \
        and (cue_kind(text) in _SIGNATURE_KINDS or find_date_in_line(text) is not None)


def list_run(us: Sequence[Unit], first: int, last: int) -> bool:
    """The run is a list of teasers or comments (see the module doc)."""
    groups, lead, seen_prose, in_group = 0, 0, False, False
    for u in us[first:last + 1]:
        if u.kind not in _TEXT_UNITS:
            continue
        if _list_mark(u):
            if seen_prose and not in_group:
                groups += 1
                in_group = True
        elif is_prose(u.text) and "©" not in u.text:  # (a caption is no teaser's text)
            in_group, seen_prose = False, True
            if not groups:
                lead += word_count(u.text)
    return groups >= LIST_MIN_GROUPS and lead < LIST_LEAD_WORDS


def rival_run(us: Sequence[Unit], values: Sequence[float], run: tuple[int, int],
              best_run: Callable[[Sequence[float]], tuple[int, int] | None],
              article_run: Callable[[Sequence[Unit], Sequence[float], tuple[int, int]], tuple[int, int]],
              ) -> tuple[int, int] | None:
    """When ``run`` is a list of teasers, the best run elsewhere that is no list and weighs at
    least ``LIST_RIVAL`` of it, else None."""
    first, last = run
    if not list_run(us, first, last):
        return None
    masked = [-abs(v) if first <= i <= last else v for i, v in enumerate(values)]
    other = best_run(masked)
    if other is None:
        return None
    other = article_run(us, masked, other)
    if list_run(us, *other) or sum(values[other[0]:other[1] + 1]) < LIST_RIVAL * sum(values[first:last + 1]):
        return None
    return other


def comment_thread(us: Sequence[Unit], first: int, last: int) -> int | None:
    """The index of the comments heading over the run ``first``..``last``, or inside it, when the
    run reads as the readers' thread from there (see the module doc), else None."""
    for i in range(max(0, first - COMMENTS_REACH), last + 1):
        u = us[i]
        if u.kind in _TEXT_UNITS and len(u.text.split(None, HEADING_MAX_WORDS)) <= HEADING_MAX_WORDS \
                and cue_kind(u.text) == "comments_section" and list_run(us, i + 1, last):
            return i
    return None


THREAD_AFTER_WORDS = 60  # prose the article gives before its readers' thread may open
THREAD_REACH = 4  # units between two readers' headers of one thread


def thread_start(us: Sequence[Unit], first: int) -> int | None:
    """The unit where the readers' comments open under the article whose head starts at ``first``,
    once it has given some prose: a comments heading ("3 commentaires", "Vos réactions (7)"), or a
    reader's header (a name then a date: "Marc L. — le 5 mars 2024 à 08h12") with another one a
    few units on (a thread without a heading). The dates after it are the readers', never the
    article's. None when the page shows no thread."""
    def reader(text: str) -> bool:  # ("Publié hier à 18h30" is a stamp, no reader's name)
        return is_comment_header(text) and not has_stamp_cue(text)

    def header_after(i: int) -> bool:
        return any(v.kind in _TEXT_UNITS and reader(v.text) for v in us[i + 1:i + 1 + THREAD_REACH])

    prose = 0
    for i in range(first, len(us)):
        u = us[i]
        if u.kind not in _TEXT_UNITS:
            continue
        n = word_count(u.text)
        # (A heading right over a reader's header opens the thread wherever it is: the run may be
        # the thread itself, under a short article. Without a reader's header under it, it may be
        # a teaser's count: "14 commentaires".)
        if n <= HEADING_MAX_WORDS and cue_kind(u.text) == "comments_section" and header_after(i):
            return i
        if prose >= THREAD_AFTER_WORDS and reader(u.text) and header_after(i):
            return i
        if is_prose(u.text):
            prose += n
    return None


def above_thread(us: Sequence[Unit], values: Sequence[float], run: tuple[int, int],
                 best_run: Callable[[Sequence[float]], tuple[int, int] | None]) -> tuple[int, int] | None:
    """The densest run above the comments heading when ``run`` is (or ends on) the readers'
    thread, else None."""
    heading = comment_thread(us, *run)
    if heading is None:
        return None
    return best_run(values[:heading])


# The reader addressed: a consent notice speaks to "vous" or has the reader answer ("J'accepte").
_READER = re.compile(r"(?<!\w)(?:votre|vos|acceptez|j['’]accepte|nous utilisons)(?!\w)")
# A call to subscribe or register closing a promo, whatever its case ("…, abonnez-vous !").
_CALL_TO_ACTION = re.compile(r"(?<!\w)(?:abonnez-vous|inscrivez-vous|connectez-vous|identifiez-vous|"
                             r"je m['’]abonne|je m['’]inscris)\s*[!.…]*\s*$")


def speaks_to_reader(text: str) -> bool:
    """A line about the page, addressed to its reader, never a headline: a consent notice ("J'accepte
    tous les cookies", "Vous pouvez retirer votre consentement") or a promo closed by its call to
    action ("Pour soutenir la presse locale, abonnez-vous !")."""
    norm = normalize_line(text)
    notice, _, _ = _cues()
    return bool(notice.search(norm) and _READER.search(norm) or _CALL_TO_ACTION.search(norm))


MENU_SPLIT = 5  # consecutive menu items that part two blocks of prose


def split_at_menus(us: Sequence[Unit], values: Sequence[float], run: tuple[int, int]) -> tuple[int, int]:
    """The heaviest block of the run once it is cut at its menus: a run of prose may join, over a
    menu, a block of teasers and the article (an aggregator's page); a menu (``MENU_SPLIT`` items
    or more in a row, short, each a bullet or a form) is no part of an article. A block that reads
    as a list of teasers loses to one that does not."""
    first, last = run
    parts: list[tuple[int, int]] = []
    start, i = first, first
    while i <= last:
        j = i
        while j <= last and us[j].kind in ("bullet", "form") and values[j] < 0:
            j += 1
        if j - i >= MENU_SPLIT:
            if i > start:
                parts.append((start, i - 1))
            start = j
            i = j
        else:
            i = j + 1 if j == i else j
    if start <= last:
        parts.append((start, last))
    if len(parts) < 2:
        return run

    def weight(part: tuple[int, int]) -> tuple[bool, float]:
        return not list_run(us, *part), sum(values[part[0]:part[1] + 1])

    return max(parts, key=weight)


EMBED_REACH = 2  # units on each side of a blocked embed where the article's prose goes on


def consent_values(us: Sequence[Unit], values: list[float], zone: set[int]) -> None:
    """Weigh the consent dialogs' units in ``values`` (in place): a dialog is furniture, however
    long its paragraphs (a penalty as heavy as its words); but a dialog with prose right above and
    right below it is an embed the reader refused ("Ce contenu est bloqué car vous n'avez pas
    accepté les cookies", in a live blog between two entries): it weighs nothing, the article
    runs on across it."""
    for a, b in _segments(zone):
        above = any(values[k] > 0 for k in range(max(0, a - EMBED_REACH), a))
        below = any(values[k] > 0 for k in range(b + 1, min(len(values), b + 1 + EMBED_REACH)))
        for i in range(a, b + 1):
            values[i] = 0.0 if above and below else min(values[i], -max(3.0, float(word_count(us[i].text))))


def _segments(zone: set[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in sorted(zone):
        if out and i == out[-1][1] + 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


# A stamp of a news ticker's item, then the next item's headline: "… a brûlé 04/01/2024 Les jeux …".
_TICKER_STAMP = re.compile(r"(?<![\w/.:])(?:[0-3]?\d/[01]?\d/(?:19|20)\d\d|[0-2]?\d:[0-5]\d)\s+[«\"“A-ZÀ-Þ]")
TICKER_MIN_ITEMS = 2


def is_ticker(text: str) -> bool:
    """A news ticker a text browser printed as one block ("Incendie : la décrue s'amorce 04/01/2024
    Le pont rouvre 04/01/2024 Nuit du Nouvel-An : …"): the headlines of other articles, each
    stamped, run together; a paragraph's date is read in a sentence ("le 04/01/2024, le maire …")."""
    return ("/" in text or ":" in text) and not text.rstrip().endswith((".", "»", '"')) \
        and len(_TICKER_STAMP.findall(text)) >= TICKER_MIN_ITEMS
