"""The site's promotions printed inside or under an article: a newsletter sign-up, a subscription
offer, a donation appeal, "add us on Google News" ("Recevez notre newsletter chaque matin dans votre
boîte mail", "Soutenez-nous : faites un don"). They read like prose, so the run of prose carries
them; they speak to the reader about the site, never about the story. A paragraph is one when it
is short, holds a cue of ``lexicons/clean/reader_calls.tsv`` and speaks to the reader (second
person, or an imperative of ``lexicons/clean/reader_imperatives.tsv``). The short form lines that
follow the last one to the article's end (a field's label, a button) go with it; a button opening on
a first-person cue ("Je soutiens Le Courrier de Valmorin", "J'en profite") is one without a second person. Quoted speech is
never one: a person may talk about a newsletter."""

from __future__ import annotations

import re
from functools import lru_cache

from veille.clean.text import normalize_line, words
from veille.common.lexicon import rows

CALL_MAX_WORDS = 70
FORM_MAX_WORDS = 12  # a label or button of the promotion's form, after its last paragraph
BUTTON_MAX_WORDS = 6  # a button opening on a first-person cue ("Je soutiens …") needs no "vous"
_SECOND_PERSON = r"vous|votre|vos|tu|ton|ta|tes|t'"
_QUOTED = re.compile(r"^\s*[«\"“—–-]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = sorted((normalize_line(c[0]) for c in rows("clean/reader_calls.tsv", min_columns=2)), key=len, reverse=True)
    verbs = sorted(normalize_line(c[0]) for c in rows("clean/reader_imperatives.tsv", min_columns=2))
    cue = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(c) for c in cues)})(?!\w)")
    # (The elided "t'" goes with the word after it: "pour t'abonner".)
    reader = re.compile(rf"(?<!\w)(?:(?:{_SECOND_PERSON}|{'|'.join(re.escape(v) for v in verbs)})(?!\w)|t'(?=\w))")
    return cue, reader


def is_reader_call(text: str) -> bool:
    """A paragraph of the site's promotion (see the module doc)."""
    if len(words(text)) > CALL_MAX_WORDS or _QUOTED.match(text):
        return False
    norm = normalize_line(text)
    cue, reader = _patterns()
    found = cue.search(norm)
    return bool(found and (reader.search(norm) or found.start() == 0 and found.group().startswith(("je ", "j'"))
                           and len(words(text)) <= BUTTON_MAX_WORDS))


def drop_reader_calls(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the site's promotions, and the promotions (with the short form lines
    after the last one, when nothing but such lines follows it)."""
    calls = [i for i, p in enumerate(paragraphs) if is_reader_call(p)]
    if not calls:
        return paragraphs, []
    dropped = set(calls)
    last = calls[-1]
    tail = range(last + 1, len(paragraphs))
    if all(len(words(paragraphs[i])) <= FORM_MAX_WORDS for i in tail):
        dropped.update(tail)
    return ([p for i, p in enumerate(paragraphs) if i not in dropped],
            [p for i, p in enumerate(paragraphs) if i in dropped])
