"""A clitic or an elided article is never a speaker (issue 16): what the subject finder takes instead.

Two parser slips leave the subject finder of ``subjects.py`` with a bare clitic for the speech verb's
subject (invented examples):

* after the verb, a reflexive clitic opening the verb's infinitive complement ("Anne Roy, qui se dit
  « ravie », a indiqué s'être reposée", "celle-ci dit s'être trompée") read as an inverted subject:
  the clitic names nobody, the verb's own subject before it (by the parse) is the speaker;
* an elided article whose noun the tagger read as a verb ("…, a ajouté l'intervenant"): the noun
  phrase runs on to that word.

Reflexive clitics: group ``reflexive_clitic`` of ``lexicons/quotes/pronouns.tsv``.
"""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare

REFLEXIVE_CLITICS = lexicon.groups("quotes/pronouns.tsv").get("reflexive_clitic", frozenset())
ELIDED_ARTICLES = frozenset({"l'"})


def reflexive_after_verb(tok: Any) -> bool:
    """Example "Anne Roy dit s'être trompée": "s'" opens the infinitive after the verb, it is no subject."""
    return bare(tok.text) in REFLEXIVE_CLITICS


def elided_article_noun(doc: Any, tok: Any) -> Any | None:
    """Example "…, a ajouté l'intervenant" (the tagger reading "intervenant" as a verb): the word the elided
    article ``tok`` is written onto, None when ``tok`` is no elided article or nothing word-like follows it."""
    if bare(tok.text) not in ELIDED_ARTICLES or tok.i + 1 >= len(doc):
        return None
    nxt = doc[tok.i + 1]
    if not nxt.is_alpha or nxt.idx != tok.idx + len(tok.text) or nxt.pos_ == "AUX":  # "l'a dit": an object
        return None
    return nxt
