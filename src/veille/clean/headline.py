"""The headline of a page agrees with the page: signals independent of any site's layout.

A news headline announces what the first paragraphs tell (the inverted pyramid: the lede
restates the headline's who and what), and a page states its headline more than once (the
breadcrumb's last item, the share line, the ``<h1>``). A menu label, a button, a consent line
or a section name shares no word with the article below it and is printed once as a headline
would be. These helpers weigh a candidate line of a text dump by those two agreements:

* ``lede_agreement``: how many of the candidate's content words (not function words, four
  letters or more, compared on their first six letters so that "inondations" meets
  "inondation") the first prose below it repeats. "Deux lycéens attaquent l'État pour
  discrimination" over "Contrôlés en gare, deux lycéens de Bobigny ont saisi la justice pour
  discrimination…" agrees on three words; "Veuillez entrer une adresse e-mail valide" on none.
* ``repeated``: the same line printed again a few units away (a breadcrumb item, a share line).

And by shapes no headline has, whatever the site (``not_a_headline``, ``shape_penalty``):

* a menu whose links a text browser printed without a space between them ("ImmoEmploiJeux
  Boutique", "En ce momentProcès de Paul DurandMarché de Noël"): three words glued lower to upper;
* a related link's arrow opening the line (">> Crues : la décrue s'amorce", "→ À voir");
* an item of a numbered list ("3. Léo Martin (Équipe X) à 7''"), a short sentence closed by a
  period (a caption: "La sociologue Léa Roy."): possible headlines, unlikely ones.

And by its neighbour: a line printed right under a bare hour ("18:03", "14h05", "Il y a 12 min")
is an entry of a live feed or a "Fil info" box, not the page's headline (``live_entry``).

And a headline printed far above the text, behind a toolbar, captions and link lists: a line
that the breadcrumb's last item repeats and that agrees with the lede (``far_headline``), read
when no line near the text reads well as the headline.

Also here: the breadcrumb's last item repeating a line (``crumb_repeats``: that line is the page's
headline, not a caption), and the section names a dump prints before the headline on its line
(``strip_menu_labels``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.shapes import is_section_name
from veille.clean.standfirst import split_headline
from veille.clean.text import is_prose, line_key, normalize_line, word_count, words
from veille.clean.ui_lines import ui_kind
from veille.common.dates import find_date_in_line
from veille.common.fold import fold
from veille.common.function_words import function_words
from veille.common.lexicon import words as lexicon_words

STEM = 6  # letters compared: a plural, a feminine, a verb's person meet
LEDE_WORDS = 120  # words of prose below the candidate read as its lede
LEDE_UNITS = 8  # text units below the candidate looked at
AGREE_PER_WORD = 0.6
AGREE_MAX = 2.5
NO_AGREEMENT = -0.75  # a line sharing no word with a lede of some length: rarely the headline
NO_AGREEMENT_MIN_LEDE = 30
REPEAT_REACH = 12
QUOTED_MIN_CHARS = 20
GLUED_MIN = 3
SHORT_SENTENCE_WORDS = 8
# A word of four letters or more glued to a capital ("EmploiJeux"; "YouTube", "TikTok" are names).
# (Found from the capital back: a pattern opening on any letter is tried at every letter.)
_GLUED = re.compile(r"[A-ZÀ-Þ](?<=[A-Za-zÀ-ÿ][a-zà-ÿ]{3}[A-ZÀ-Þ])")
_LINK_ARROW = re.compile(r"^\s*(?:>>|»\s|→|►|▶|›\s|⇒)")
_LIST_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
# Capitalised segments of a few words separated by commas, and nothing else: a map's place tag.
_PLACE_TAG = re.compile(r"^[A-ZÀ-Þ][^,.!?:;]{0,30}(?:,\s*[A-ZÀ-Þ][^,.!?:;]{0,30}){2,}$")
_NUMERIC_DATE = re.compile(r"\b[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d\b")
NUMERIC_DATE_MAX_WORDS = 8
# One or two words then a year, nothing else: the tag of a dossier or an event over a headline.
_YEAR_TAG = re.compile(r"^\s*[A-ZÀ-Þ][\w'’-]*(?:\s+[\w'’-]+)?\s+(?:19|20)\d\d\s*$")
# A photo credit closing a caption, after the caption's last sentence (glued or not).
_CREDIT_TAIL = re.compile(r"[.!?»]\s*(?:Photos?|Crédits?|Crédit photo|Illustration|Image)\s*:?\s*(?:©\s*)?"
                          r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}\s*(?:/\s*[\w .-]+)?$")
# A numeric date, maybe with its hour, closing a line.
_TRAILING_STAMP = re.compile(r"\s+[0-3]?\d[/.][01]?\d[/.](?:19|20)?\d\d(?:\s*(?:à|-|,)?\s*[0-2]?\d[h:][0-5]\d)?\s*$")
TRAILING_STAMP_MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]{4,}")
_TEXT_UNITS = frozenset({"text", "heading"})


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(fold(w) for w in function_words().get("fr", ()))


def content_stems(text: str) -> set[str]:
    """The stems of the content words of a line (see the module doc)."""
    return set(_stems(text))


@lru_cache(maxsize=16384)  # (asked of the same lines for every candidate headline above them)
def _stems(text: str) -> frozenset[str]:
    stop = _function_words()
    return frozenset(w[:STEM] for w in _WORD.findall(fold(text).lower()) if w not in stop)


def lede_stems(us: Sequence[Unit], i: int, first: int) -> tuple[set[str], int]:
    """Stems of the prose under unit ``i`` (from the article run's first unit at the earliest),
    and how many words that prose has."""
    out: set[str] = set()
    n = seen = 0
    for u in us[max(i + 1, first):]:
        if u.kind not in _TEXT_UNITS:
            continue
        seen += 1
        if seen > LEDE_UNITS or n >= LEDE_WORDS:
            break
        if is_prose(u.text):
            out |= _stems(u.text)
            n += word_count(u.text)
    return out, n


CAPS_AGREE_MIN = 2  # content words of a headline in capitals its lede repeats


@lru_cache(maxsize=1)
def _credit_openers() -> frozenset[str]:
    return frozenset(fold(w).lower() for w in lexicon_words("clean/credit_openers.tsv"))


def caps_headline(text: str, lede: set[str], anchored: bool = False) -> bool:
    """A short headline set in capitals ("FRAUDE AU PÉAGE DE VALMORIN"), told from a site name or a
    section label in capitals ("POLITIQUE", "RADIO DU MONDE") by its lede: at least two of its
    content words, and half of them, come back in the prose under it; or by the article's byline or
    stamp printed right under it (``anchored``), where a label of two words may sit but not one
    of three."""
    letters = [c for c in text if c.isalpha()]
    if word_count(text) < 3 or not letters or not all(c.isupper() for c in letters) \
            or fold(text.split()[0]).lower() in _credit_openers():
        return False  # (nor a credit: "PHOTO JEANNE VAUTRIN, LE COURRIER")
    if anchored:
        return True
    mine = _stems(text)
    matched = len(mine & lede)
    return matched >= CAPS_AGREE_MIN and 2 * matched >= len(mine)


def quoted_in_body(text: str, body_keys: Sequence[str]) -> bool:
    """The line is a sentence of the body printed apart (a pull quote, a caption quoting the
    text): its words stand, in order, inside a longer paragraph of the article."""
    key = line_key(text)
    return len(key) >= QUOTED_MIN_CHARS and any(len(k) > len(key) and key in k for k in body_keys)


def lede_agreement(text: str, lede: set[str], lede_words: int, body_keys: Sequence[str] = ()) -> float:
    """A bonus growing with the words the candidate shares with its lede, weighed by the share of
    its words they are; a penalty when it shares none with a lede of some length. A pull quote
    (``quoted_in_body``) shares all its words with the text and gets nothing."""
    mine = _stems(text)
    if not mine or not lede or quoted_in_body(text, body_keys):
        return 0.0
    matched = len(mine & lede)
    if not matched:
        return NO_AGREEMENT if lede_words >= NO_AGREEMENT_MIN_LEDE and len(mine) >= 2 else 0.0
    return min(AGREE_MAX, AGREE_PER_WORD * matched) * matched / len(mine)


def repeated(us: Sequence[Unit], i: int) -> bool:
    """The line printed again, word for word, a few units away (not right next to it, where a
    caption doubles its alt text), once: a line printed three times or more is a slideshow's
    caption or a teaser, and a sentence closed by a period is a caption."""
    key = line_key(us[i].text)
    if len(key) < 15 or us[i].text.rstrip().endswith("."):
        return False
    lo, hi = max(0, i - REPEAT_REACH), min(len(us), i + REPEAT_REACH + 1)
    same = [j for j in range(lo, hi) if j != i and (line_key(us[j].text) == key or key in line_key(us[j].text))]
    return len(same) == 1 and abs(same[0] - i) >= 2


def glued_menu(text: str, words_per_glue: int = 8) -> bool:
    """Links printed without a space between them (see the module doc): three glued words or
    more, at least one every ``words_per_glue`` words ("YouTube, LinkedIn et TikTok" in a
    paragraph is not a menu)."""
    glued = len(_GLUED.findall(text))
    return glued >= GLUED_MIN and glued * words_per_glue >= word_count(text)


def not_a_headline(text: str) -> bool:
    """A glued menu, a related link's line (see the module doc), a caption closed by its photo
    credit ("… devant la mairie. Photo Léa Roy", "…, à Valmorin.Crédit : Agence Azur"), a line of
    the page's interface (buttons: "Copier le lien Lien copié", ``ui_lines.ui_kind``)."""
    return glued_menu(text) or bool(_LINK_ARROW.match(text)) or bool(_CREDIT_TAIL.search(text)) \
        or ui_kind(text) is not None


DOUBLED_MIN_WORDS = 3


def undouble(text: str) -> str:
    """"Le pont rouvre Le pont rouvre" -> "Le pont rouvre": a line printing the same words twice
    (a picture's alt text then its caption, a link's text and title), once."""
    ws = text.split()
    half = len(ws) // 2
    if len(ws) % 2 == 0 and half >= DOUBLED_MIN_WORDS and ws[:half] == ws[half:]:
        return " ".join(ws[:half])
    return text


def slideshow_double(us: Sequence[Unit], i: int) -> bool:
    """Unit ``i`` and a neighbour both print their words twice: a slideshow's captions."""
    return undouble(us[i].text) != us[i].text and any(
        undouble(v.text) != v.text for k, v in enumerate(us[max(0, i - 1):i + 2], max(0, i - 1)) if k != i)


def strip_trailing_stamp(text: str) -> str:
    """"Crues : la décrue s'amorce 15/10/2022 14:36" -> the headline without the stamp a template
    printed on its line (the stamp is read apart); a line that is only a stamp stays."""
    m = _TRAILING_STAMP.search(text)
    if m and word_count(text[:m.start()]) >= TRAILING_STAMP_MIN_WORDS:
        return text[:m.start()].rstrip(" ,|-–—")
    return text


def shape_penalty(text: str) -> float:
    """What a numbered list item, a short sentence closed by a period, a place tag ("Place du
    Marché, Valmorin, France"), a short line with a numeric date ("Société Monde 13/03/2023") or
    a dossier's tag ("Législatives 2022") costs a candidate."""
    penalty = 0.0
    if _PLACE_TAG.match(text) or word_count(text) <= NUMERIC_DATE_MAX_WORDS and _NUMERIC_DATE.search(text):
        penalty -= 1.5
    if _LIST_ITEM.match(text):
        penalty -= 1.0
    if _YEAR_TAG.match(text):
        penalty -= 1.0  # a dossier's or an event's tag ("Municipales 2020", "Euro 2024"), no headline
    stripped = text.rstrip()
    if stripped.endswith(".") and not stripped.endswith("..") and word_count(text) < SHORT_SENTENCE_WORDS:
        penalty -= 1.0
    return penalty


CRUMB_REACH = 10
CRUMB_MIN_CHARS = 20


def crumb_repeats(us: list[Unit], i: int) -> bool:
    """A bullet a few units above unit ``i`` says the same words (the breadcrumb's last item)."""
    key = line_key(us[i].text)
    return len(key) >= CRUMB_MIN_CHARS and any(
        v.kind == "bullet" and line_key(v.text) == key for v in us[max(0, i - CRUMB_REACH):i])


LABEL_MAX_WORDS = 3
LABELS_MAX = 3
LABELLED_MIN_WORDS = 5
_LABEL_SEP = re.compile(r"^\s*(?:[-–—|/.]\s+|\s)")


def strip_menu_labels(title: str, us: list[Unit], title_at: int | None) -> str:
    """"Santé - Bien-être Faire du sport …" -> "Bien-être Faire du sport …": section names of the
    page's menus (its bullets) printed before the headline on its line, a separator or a space
    after each, when a capitalised headline of some length follows (a colon after the label
    keeps it: "Football : …" is the headline's own rubric)."""
    labels = {normalize_line(u.text) for i, u in enumerate(us)
              if u.kind == "bullet" and i != title_at and 0 < word_count(u.text) <= LABEL_MAX_WORDS}
    rest, cut = title, 0
    while cut < LABELS_MAX:
        head = next((lab for lab in sorted(labels, key=len, reverse=True)
                     if normalize_line(rest[:len(lab)]) == lab and len(rest) > len(lab)), None)
        if head is None:
            break
        m = _LABEL_SEP.match(rest[len(head):])
        if not m:
            break
        after = rest[len(head) + m.end():]
        if not after[:1].isupper() and after[:1] not in "«\"“" or word_count(after) < LABELLED_MIN_WORDS:
            break
        rest, cut = after, cut + 1
    return rest if cut else title



# A bare hour, or a relative stamp of minutes or hours: the time of a live feed's entry.
_BARE_HOUR = re.compile(r"^\s*(?:[0-2]?\d\s?[h:]\s?[0-5]\d|il y a \d{1,2}\s?(?:min\w*|h\w*))\s*$", re.I)


def live_entry(us: Sequence[Unit], i: int) -> bool:
    """The text unit right above unit ``i`` is a bare hour: ``i`` is a live feed's entry."""
    prev = next((u for u in reversed(us[max(0, i - 2):i]) if u.kind in _TEXT_UNITS), None)
    return prev is not None and bool(_BARE_HOUR.match(prev.text))


FAR_REACH = 150  # units above the article's first paragraph where a far headline may sit
FAR_MIN_AGREEMENT = 0.5


def far_headline(us: list[Unit], run_start: int, reach_from: int, body_keys: Sequence[str] = ()) -> int | None:
    """The last text line between ``FAR_REACH`` units above the run and ``reach_from`` that the
    breadcrumb repeats (``crumb_repeats``) and that agrees with the run's lede, or None."""
    lede, lede_words = lede_stems(us, run_start - 1, run_start)
    found = None
    for i in range(max(0, run_start - FAR_REACH), max(0, reach_from)):
        u = us[i]
        if u.kind in _TEXT_UNITS and 3 <= word_count(u.text) <= 35 and crumb_repeats(us, i) \
                and lede_agreement(u.text, lede, lede_words, body_keys) >= FAR_MIN_AGREEMENT:
            found = i
    return found


CREDITED_MAX_WORDS = 6


def credited_name(text: str, credited: list[str]) -> bool:
    """A short line that a copyright line of the page names ("Le Courrier de Valmorin" and, in the
    footer, "© 2024 Le Courrier de Valmorin"; ``credited``: those lines' keys, space-padded):
    the site's name, not a headline."""
    key = line_key(text)
    return bool(key) and word_count(text) <= CREDITED_MAX_WORDS and any(f" {key} " in c for c in credited)


def next_text(us: list[Unit], i: int, reach: int = 4) -> int:
    """The index of the first text unit under unit ``i`` (within ``reach``), or -1."""
    return next((k for k in range(i + 1, min(len(us), i + 1 + reach)) if us[k].kind in _TEXT_UNITS), -1)


# "Awa Koné, le 3 mars 2023": a name then ", le" and the date, the way an author signs a piece.
_SIGNED = re.compile(r"^[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){0,3},\s+le\s+\S")
SIGNED_MAX_WORDS = 12
# "Un article par Awa Koné, le 3 mars 2023", "Chronique publiée par Léo Roy le 3 mars 2023": the
# byline's "par", a name and "le" with the date, after words naming the piece (a byline cue must
# open its line, these open on the genre); a sentence ends on its period.
_BY_SIGNED = re.compile(r"(?:^|\s)[Pp]ar\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:de\s+|le\s+)?[A-ZÀ-Þ][\w'’.-]+){0,3},?\s+le\s+\d")


def dated_byline(text: str) -> bool:
    """An author's byline with a full date ("Par Awa Koné, le 3 mars 2023", "Awa Koné, le 3 mars
    2023", "Un article par Awa Koné, le 3 mars 2023")."""
    short = word_count(text) <= SIGNED_MAX_WORDS
    if cue_kind(text) != "byline" and not (short and _SIGNED.match(text)) and not (
            short and not text.rstrip().endswith((".", "!", "?")) and _BY_SIGNED.search(text)):
        return False
    parts = find_date_in_line(text)
    return parts is not None and bool(parts.year)


LONG_HEADLINE_WORDS = 25
BROKEN_MAX_CHARS = 50  # a headline's line a forced break ends, far from the dump's width
_CLOSING = (".", "!", "?", ":", ";", "»", '"', "”", "…")


def broken_headline(us: list[Unit], i: int) -> str:
    """The headline of unit ``i`` with the other half of a headline the page breaks over two lines
    (a ``<br>`` in the ``<h1>``, centred or not): the line right above or right under it, when
    the upper one is short, closes on no mark, and the lower one opens in lower case ("Le Vercorin
    adopte" / "un budget tourné vers les transports")."""
    text = us[i].text

    def joined(upper: Unit, lower: Unit) -> bool:
        return lower.first == upper.first + 1 and upper.kind in _TEXT_UNITS and lower.kind in _TEXT_UNITS \
            and lower.text[:1].islower() and len(upper.text) <= BROKEN_MAX_CHARS \
            and not upper.text.rstrip().endswith(_CLOSING) and cue_kind(lower.text) is None  # ("par X": a byline)

    if i > 0 and joined(us[i - 1], us[i]):
        return f"{us[i - 1].text} {text}"
    if i + 1 < len(us) and joined(us[i], us[i + 1]):
        return f"{text} {us[i + 1].text}"
    if word_count(text) > LONG_HEADLINE_WORDS and not text.rstrip().endswith(_CLOSING):
        # A headline line this long, run onto a standfirst that closes on no period (a chapô set
        # in the headline's element): split where the standfirst opens (``standfirst.split_headline``).
        parts = split_headline(text + ".")
        return parts[0] if parts else text
    return text


DEK_MIN_WORDS = 15  # a standfirst set as a heading runs longer than most headlines
DEK_RATIO = 2  # and twice as long as the headline over it
HEAD_OVER_DEK_MIN_WORDS = 5  # a kicker over a headline is shorter ("LIGUE 1", "Santé")
SHORT_HEAD_OVER_DEK_WORDS = 2  # down to two words when the short line reads as a headline (``_short_head``)


def dek_under_headline(us: Sequence[Unit], i: int) -> bool:
    """Unit ``i`` is a standfirst set right under its headline: the unit just above is a line of
    headline length (five words or more, not closed by a period or a colon: no kicker, no
    sentence) and ``i`` runs at least twice as long, with no period at its end either (the page
    sets its dek as a second heading). The standfirst comes under the headline, never above it.
    A shorter line above (two to four words) is a headline too when it reads as one, not as a
    kicker: not every word capitalised (a section label, "Société • Justice"), no section name
    ("Faits divers", ``shapes.is_section_name``), not in the margin over a longer line set as the
    page's heading; and set as the page's heading over a dek in the margin, or taken up by the dek
    or the prose under it
    ("Colère à Valmorin" over "Les parents d'élèves de Valmorin dénoncent …"; a rubric "Faits
    divers" shares none)."""
    if i == 0 or us[i].kind not in _TEXT_UNITS or us[i - 1].kind not in _TEXT_UNITS:
        return False
    n, above = word_count(us[i].text), us[i - 1].text.rstrip()
    m = word_count(above)
    if not (n >= max(DEK_MIN_WORDS, DEK_RATIO * m) and m >= SHORT_HEAD_OVER_DEK_WORDS
            and not above.endswith((".", ":", ";", ",")) and not us[i].text.rstrip().endswith(".")
            and not cue_kind(above) and find_date_in_line(above) is None):
        return False
    return m >= HEAD_OVER_DEK_MIN_WORDS or _short_head(above, us, i)


def dek_under_short_headline(us: Sequence[Unit], i: int) -> bool:
    """``dek_under_headline`` under a headline of two to four words: a short headline wins fewer
    points by its shape than its longer standfirst does (five to twenty-five words), so the dek
    owes more (weight ``dek_short``)."""
    return dek_under_headline(us, i) and word_count(us[i - 1].text) < HEAD_OVER_DEK_MIN_WORDS


def _short_head(above: str, us: Sequence[Unit], i: int) -> bool:
    """A short line over a dek (``dek_under_headline``) that reads as its headline."""
    ws = words(above)
    if all(w[:1].isupper() or not w[:1].isalpha() for w in ws) or is_section_name(above):
        return False  # (a section label, a rubric in capitals, "Faits divers")
    if us[i].kind == "heading" and us[i - 1].kind != "heading":
        return False  # (the longer line is set as the page's heading, the short one in the margin: a kicker)
    if us[i - 1].kind == "heading" and us[i].kind != "heading":
        return True  # (set as the page's heading, its dek as text under it)
    mine = _stems(above)
    return bool(mine) and bool(mine & (_stems(us[i].text) | lede_stems(us, i, 0)[0]))
