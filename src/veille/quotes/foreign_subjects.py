"""The subject of a Spanish or English speech cue, read from the words (the French parse of foreign text
is noise)."""

from __future__ import annotations

from veille.common.fold import bare
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import FOREIGN_AUX, FOREIGN_PRONOUNS, FOREIGN_STOPS


def foreign_subject(state: ArticleState, cue: Cue) -> None:
    """Subject of a Spanish or English cue, read from the words (the French parse of foreign
    text is noise): a pronoun before it ("she said"), else the phrase after it ("ha declarado
    la ministra sueca de Defensa en una entrevista")."""
    doc, tok = state.doc, cue.tok
    k = tok.i - 1
    while k >= 0 and bare(doc[k].text) in FOREIGN_AUX:
        cue.start = doc[k].idx
        k -= 1
    if k >= 0 and bare(doc[k].text) in FOREIGN_PRONOUNS:
        cue.subj_start, cue.subj_end = doc[k].idx, doc[k].idx + len(doc[k].text)
        cue.subj_text = doc[k].text
        return
    words = []
    j = tok.i + 1
    while j < len(doc) and len(words) < 8 and doc[j].is_alpha and bare(doc[j].text) not in FOREIGN_STOPS:
        words.append(doc[j])
        j += 1
    if words:
        cue.subj_start, cue.subj_end = words[0].idx, words[-1].idx + len(words[-1].text)
        cue.subj_text = state.text[cue.subj_start:cue.subj_end]
        cue.inverted = True
