"""Where a dump's article ends inside its run of prose: the heading of a list of other articles, or
the article's share row.

Related headlines, teasers' ledes and captions read like prose, so the densest run of a page often
goes on past the article. Two signs end it once the article has given some prose:

- a heading of ``lexicons/clean/article_end.tsv`` ("Sur le même sujet", "Les plus lus"), or a
  section name followed by one ("Sport Les plus lus");
- a share row set on its own line ("Partager :", "Partager cet article", ``lexicons/clean/
  share_rows.tsv``). Most French news pages print it under the text, before the author card, the
  tags and the lists of other articles; a few print it under the chapô too, so it ends the article
  only after more prose than a heading does.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from veille.clean.dump import Unit
from veille.clean.text import is_prose, normalize_line, words
from veille.common.lexicon import rows

END_AFTER_WORDS = 60  # prose the article must have given before a related-list heading ends it
END_MAX_WORDS = 8
SHARE_AFTER_WORDS = 150  # prose before a share row ends it (some pages print one under the chapô)
_FIELDS = re.compile(r"_{4,}|\((?:BUTTON|Submit)\)")  # a form field glued to a stamp line


@lru_cache(maxsize=1)
def end_cues() -> re.Pattern[str]:
    """The headings of ``lexicons/clean/article_end.tsv`` as one pattern: a line opening with one,
    or closing with one after a section name ("Culture En continu", "Sport Les plus lus")."""
    cues = sorted((normalize_line(cols[0]) for cols in rows("clean/article_end.tsv", min_columns=2)),
                  key=len, reverse=True)
    alt = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"^(?:{alt})(?!\w)|^\w[\w'’-]*(?:\s[\w'’-]+)?\s(?:{alt})\s*:?$")


@lru_cache(maxsize=1)
def share_row() -> re.Pattern[str]:
    """A whole line that is a share row of ``lexicons/clean/share_rows.tsv`` and nothing else but
    a colon, an exclamation mark or a button marker ("Partager :", "Partager cet article (BUTTON)");
    a sentence opening with the verb ("Partagez-vous cet avis ?") is none."""
    cues = sorted((normalize_line(cols[0]) for cols in rows("clean/share_rows.tsv", min_columns=2)),
                  key=len, reverse=True)
    alt = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"^(?:{alt})\s*[:!]?\s*(?:\((?:button|submit)\))?\s*[:!]?$")


def cut_at_article_end(us: Sequence[Unit], first: int, last: int,
                       text_units: Collection[str]) -> tuple[int, int]:
    """The run ``first..last`` up to the heading of a list of other articles or the article's share
    row met once the article has given some prose (``text_units``: the unit kinds that hold text)."""
    prose_words = 0
    for i in range(first, last + 1):
        u = us[i]
        # A heading with a horizontal rule glued to it ("Sur le même thème ______") reads as a form.
        text = " ".join(_FIELDS.sub(" ", u.text).split()) if u.kind == "form" and "____" in u.text else u.text
        n = len(words(text))
        if prose_words >= END_AFTER_WORDS and 0 < n <= END_MAX_WORDS \
                and (u.kind in text_units or u.kind == "bullet" or text != u.text):
            norm = normalize_line(text)
            if end_cues().match(norm) or prose_words >= SHARE_AFTER_WORDS and share_row().match(norm):
                return first, i - 1
        if u.kind in text_units and is_prose(u.text):
            prose_words += n
    return first, last
