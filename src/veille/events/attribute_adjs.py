"""A stance adjective the parser hangs beside its attribute verb (issue 13, recall of SUPPORT and
REJECT): "La sénatrice Léa Tamar s'est dite favorable à la candidature de Paul Vidal." The parser
makes "favorable" an adverb of "dite" (or, with a day between, "s'est déclaré dimanche favorable
à …", an epithet of the day) and hangs "à la candidature" on the verb, so the adjective reading
(``predicative`` in ``events/verb_forms.py``) never saw it. Here the verb is the adjective's head:
its subject is the one who takes the stance, its "à" phrase what the stance is about. Only the
verbs of ``lexicons/events/attribute_verbs.tsv`` (pronominal "se dire", "se montrer", "se
déclarer"…; "sembler", "paraître") and only adjectives after them.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import rows
from veille.events.words import lemma, lower_text

_ROWS = rows("events/attribute_verbs.tsv", min_columns=2)
REFLEXIVE_VERBS = frozenset(r[1] for r in _ROWS if r[0] == "reflexive")
PLAIN_VERBS = frozenset(r[1] for r in _ROWS if r[0] == "plain")
REFLEXIVE_PRONOUNS = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
TIME_DEPS = ("obl:mod",)


def _attribute_verb(verb: Any) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lem = lemma(verb)
    if lem in PLAIN_VERBS:
        return True
    return lem in REFLEXIVE_VERBS and any(
        c.i < verb.i and c.dep_.startswith(("expl", "obj", "iobj")) and lower_text(c) in REFLEXIVE_PRONOUNS
        for c in verb.children)


def attribute_verb(tok: Any) -> Any | None:
    """The attribute verb an adjective after it was hung on as an adverb ("s'est dite favorable") or
    as the epithet of a time word between them ("s'est déclaré dimanche favorable"), else None."""
    if tok.pos_ != "ADJ":
        return None
    head = tok.head
    if tok.dep_ == "advmod" and head.i < tok.i:
        verb = head
    elif tok.dep_ == "amod" and head.i < tok.i and head.dep_ in TIME_DEPS and head.head.i < head.i:
        verb = head.head
    else:
        return None
    return verb if _attribute_verb(verb) else None
