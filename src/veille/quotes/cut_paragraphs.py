"""A paragraph the page cut mid-sentence read with the paragraph that goes on with it (issue 16).

Some pages (HTML views most of all) set a sentence over two blocks: a link or an inline quotation
ends a block, and the sentence runs on in the next one ("… le pont restera fermé »," ¶ "a ajouté
la mairie"; "« Nous ne pouvons plus attendre" ¶ "», a déclaré Paul Arnaud"). The speaker rules scoped
to the paragraph then see the quote in one block and its cue or its speaker in another, and the marks
scanner pairs a block's closing mark with the next block's opening one. The gold body
of the dev who pages keeps such pairs as one paragraph; a pair is read as one when the first block
ends with no sentence end and

- it ends on a comma ("… jusqu'au printemps »," ¶ "…"), or
- the next block goes on as a sentence does, on a lowercase word or a closing sign ("… le club
  parle d'un «" ¶ "vol organisé" ¶ "». Le gardien …"), a credit's outlet line
  ("Paul Arnaud, maire" ¶ "à franceinfo", read by ``blocks.credited_blocks``) aside.

On the dev who pages as given, the two forms are 3 pairs on 3 sites and 11 pairs on 5 sites, every one
a single paragraph of the gold body.

A heading ends with no sentence end too, but is followed by a sentence that opens on a capital: it
is left alone (the census: 341 such pairs on the dev pages as given, 15 of them one gold paragraph;
an incise's verb closing the block before a name, "« … », raconte" ¶ "Léa Vautrin, …", is one site:
left).
"""

from __future__ import annotations

import re

from veille.quotes.blocks import OUTLET_LINE

OPEN_END = re.compile(r"(?:[^\W_]|,|\s[«“\"])$")  # a word, a comma or an opening mark closing the block
GOES_ON = re.compile(r"[a-zà-öø-ÿ]|[,;:.!?»”)]|\"\s*[,;:.!?a-zà-öø-ÿ]")  # the next block's opening


def join_cut(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``segs`` (sorted reading paragraphs of ``text``) with each paragraph cut mid-sentence joined to the
    next one."""
    out: list[tuple[int, int]] = []
    for s, e in segs:
        if out and _cut_between(text[out[-1][0]:out[-1][1]].rstrip(), text[s:e].lstrip()):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _cut_between(first: str, second: str) -> bool:
    """Whether block ``first`` ends mid-sentence and ``second`` goes on with it."""
    if not first or not second or not OPEN_END.search(first):
        return False
    if first.endswith(","):
        return True
    return GOES_ON.match(second) is not None and not OUTLET_LINE.match(second)
