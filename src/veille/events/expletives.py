"""A subject pronoun the parser read as expletive: "Il se dit préoccupé par ...", "Il craint que ..."
come out of the parser with "Il" as ``expl:subj`` (the label of the impersonal "il" of "il faut"), so
the verb seems to have no subject at all and its event no source.

``personal_expletive`` takes such a pronoun for the verb's subject when nothing says the clause is
impersonal: "elle", "ils", "elles" never are; "il" is not when its verb is not one that takes an
impersonal subject (``lexicons/events/impersonal_verbs.tsv``), is not passive ("il a été décidé
que"), has no "y" ("il y a") and is not "il se <verbe> que" ("il se dit que": it is said that).
The pronoun is then followed to its antecedent as any subject pronoun is (``actors.resolve``); as
the parser doubted it was anyone, only a person or a body is taken (not a place), and never inside
a quote.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import words
from veille.events.actors import first
from veille.events.roles import Found
from veille.events.view import ArticleView, passive
from veille.events.walks import has_child
from veille.events.words import REFLEXIVE, SUBJ, THIRD_PERSON, lemma, lower_text

IMPERSONAL_VERBS = words("events/impersonal_verbs.tsv")
# "il" alone may be impersonal; the other third-person subject pronouns never are.
_MAYBE_IMPERSONAL = frozenset({"il"})
_TAKEN_KINDS = ("PER", "ORG")


def _impersonal(verb: Any) -> bool:
    if lemma(verb) in IMPERSONAL_VERBS or passive(verb):
        return True
    kids = list(verb.children)
    if any(lower_text(c) in ("y", "en") and c.dep_.startswith(("expl", "obl", "advmod", "iobj")) for c in kids):
        return True  # "il y a", "il en va de"
    reflexive = any(lower_text(c) in REFLEXIVE and c.dep_.startswith("expl") for c in kids)
    said_that = any(c.dep_ == "ccomp" and any(lower_text(m) in ("que", "qu'") for m in c.children
                                              if m.dep_ == "mark") for c in kids)
    return reflexive and said_that  # "il se dit que", "il se murmure que"


def personal_expletive(view: ArticleView, verb: Any, exclude: int | None, depth: int) -> Found | None:
    """A third-person pronoun labelled expletive is the subject of a verb that is not impersonal:
    "L'Union des pêcheurs a tenu son congrès. Elle se dit inquiète ..." -> l'Union des pêcheurs."""
    if has_child(verb, SUBJ):
        return None
    pron = next((c for c in verb.children if c.dep_ == "expl:subj" and c.i < verb.i and c.i != exclude
                 and lower_text(c) in THIRD_PERSON), None)
    if pron is None or (lower_text(pron) in _MAYBE_IMPERSONAL and _impersonal(verb)):
        return None
    if view.tok_quote[pron.i] is not None:
        return None  # inside a quote "il" is someone of the speaker's story, not the article's subject
    actor = first(view, pron)
    # The parser doubted this pronoun was anyone: only a person or a body is taken, never a place
    # ("la France a été examinée. Il se dit préoccupé" is the committee, not France).
    if actor is None or actor.kind not in _TAKEN_KINDS:
        return None
    return Found(actor, "expletive-pronoun-subject")
