"""A drop rule of the events stage for a stance verb set as an incise after a quotation (issue 13,
precision), read with ``veille.events.precision_senses`` (``SENSE_RULES``). Verbs in
``lexicons/events/incise_verbs.tsv``:

* ``incise_said``: "« C'est une belle décision », se félicite Paul Vidal.", "« Il faut agir vite »,
  appuie le politologue." (invented): the verb only says how the quote was said, and the quote is its
  content; nobody is backed. "La ministre appuie la candidature de Montvert." and "« Bravo », s'est
  félicitée Léa Tamar auprès du maire." (a complement of its own) keep their events. A verb whose
  incise can tell a threat ("« Nous riposterons », a averti X") is not listed.

The test is a look at the few words before the verb (auxiliary, reflexive pronoun, comma) and at its
children: no re-scan of the sentence. Every example is invented.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import words
from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.words import lemma

INCISE_VERBS = words("events/incise_verbs.tsv")
_CLOSING = frozenset({"»", '"', "”", "’’"})
# words that may stand between the closing quote and the verb of an incise: a comma, an auxiliary,
# a reflexive pronoun ("», s'est félicité X", "", a averti X")
_BETWEEN_DEPS = frozenset({"punct", "aux", "aux:tense", "aux:pass", "expl:pv", "expl:comp", "expl", "obj", "iobj"})
# children that give the verb a content of its own besides the quote: a "de"/"à" phrase, a clause
_OWN_CONTENT = frozenset({"obl:arg", "obl", "ccomp", "xcomp", "iobj"})


def _after_quote(head: Any) -> bool:
    """The verb comes right after a closing quote mark, past a comma, its auxiliaries and a
    reflexive pronoun."""
    doc = head.doc
    i = head.i - 1
    while i >= 0 and i >= head.i - 5:
        tok = doc[i]
        if tok.text in _CLOSING:
            return True
        if tok.text != "," and not (tok.head.i == head.i and tok.dep_ in _BETWEEN_DEPS):
            return False
        i -= 1
    return False


def incise_said(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"« Il faut agir vite », appuie le politologue Paul Vidal." (invented): a verb of
    ``incise_verbs.tsv`` set as an incise after a quote, with no complement of its own."""
    trig = cand.trigger
    if trig.kind != "verb" or lemma(head) not in INCISE_VERBS or not _after_quote(head):
        return False
    # (a subject between the quote and the verb, "», il appuie", stops ``_after_quote``; one the parser
    # took from inside the quote, "« Nous avons … », se réjouit X", is no subject of the incise)
    return not any(c.dep_ in _OWN_CONTENT and c.i > head.i for c in head.children)
