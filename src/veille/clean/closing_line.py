"""A dump's article closing on a short sentence of its own ("Le procès reprend lundi.").

The article's run is the densest run of prose (``browser.best_run``): a line under
``text.PARAGRAPH_MIN_WORDS`` words costs what a label or a caption costs, so a last paragraph of one
short sentence ("L'enquête se poursuit.", "Joyeux anniversaire à tous !") fell outside the run when
furniture came right under it (tags, a related list, a newsletter box). It is the article's when
it follows the run's last paragraph directly, that paragraph itself a finished sentence of prose,
and it reads as a sentence: a capital or a quotation mark first, a sentence mark last, a few
words, no figure-only or dated shape, no cue of furniture (``cues.cue_kind``), no picture credit.
Issue 11 (synthdump): the rendered dev pages lost such a last sentence on several sites in every
text-browser style; a caption set under the last paragraph is left to the paragraph model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from veille.clean.cues import cue_kind
from veille.clean.dump import Unit
from veille.clean.shapes import is_date_stamp
from veille.clean.text import is_prose, word_count

CLOSING_MIN_WORDS = 4
CLOSING_MAX_WORDS = 11  # (from 12 words a finished sentence is prose: ``text.PARAGRAPH_MIN_WORDS``)
_SENTENCE_END = re.compile(r"[.!…]\s*[»”\"]?$|»$")  # (a question under the text asks the reader)
_OPENS = re.compile(r"^[«\"“A-ZÀ-ÖØ-Þ]")
# A credit, a button, a link, a teaser's cut ("…"), a form's note ("*"), the reader addressed (the
# site's own line: "Connectez-vous pour pouvoir commenter cet article.").
_NOT_A_SENTENCE = re.compile(r"©|\(BUTTON\)|\[\d+\]|https?://|\||•|@\w|\*|\.{3}$|…$|\b(?:vous|votre|vos)\b", re.I)


def closing_sentence(us: Sequence[Unit], last: int, text_kinds: frozenset[str]) -> int:
    """``last``, or the unit right after it when that unit is the article's short closing sentence
    (see the module doc)."""
    after = last + 1
    if after >= len(us) or us[last].kind not in text_kinds or us[after].kind not in text_kinds:
        return last
    end, text = us[last].text.strip(), us[after].text.strip()
    if not (is_prose(end) and _SENTENCE_END.search(end)):
        return last
    n = word_count(text)
    if not CLOSING_MIN_WORDS <= n <= CLOSING_MAX_WORDS or not _OPENS.match(text) \
            or not _SENTENCE_END.search(text) or _NOT_A_SENTENCE.search(text):
        return last
    if is_date_stamp(text) or cue_kind(text) is not None:
        return last
    return after
