"""Drop rule of the events stage for a kind of act named and judged in the present (issue 13, precision,
helper evspurious), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). A noun of an act
that is the subject or the attribute of "être" in the present, with nobody named in it, says what such
acts are, no act that took place: "Les agressions sont plus fréquentes la nuit.", "La grève, c'est
le dernier recours." The past keeps its event ("La manifestation était pacifique."), as does a noun
with a party ("La grève des cheminots est suivie à 40 %." has its doers) or with a demonstrative, read
by ``taken_up_violence``, and a judgement passed on someone ("C'est une faute", a ``judge=1`` line of
``lexicons/events/evaluative_triggers.tsv``).

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.events.triggers import Candidate
from veille.events.view import ArticleView
from veille.events.walks import present_copula
from veille.events.words import feat

# the dependents of a noun that belong to its own phrase, not to the clause it heads as an attribute
_PHRASE_DEPS = frozenset({"nmod", "amod", "appos", "acl", "acl:relcl", "nummod", "flat:name"})


def _present_copula(word: Any) -> bool:
    """The word has a copula in the present indicative ("sont douloureux", "c'est la grève")."""
    return present_copula(word.doc, word.i)  # (``walks``: the children's columns, no Token per child)


def kind_judged(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les agressions sont plus fréquentes la nuit.", "Pour Léa Tamar, la grève, c'est le dernier
    recours." (invented): no act told. "Les agressions de Paul Vidal sont connues." names a doer."""
    if cand.trigger.kind != "noun" or cand.trigger.judge or head.pos_ != "NOUN":
        return False  # a judgement ("c'est une faute") is a copula's attribute by its nature
    if head.dep_ == "nsubj":
        judged = _present_copula(head.head)
    else:
        judged = _present_copula(head)
    if not judged:
        return False
    return not names_its_party(view, head)


def names_its_party(view: ArticleView, head: Any) -> bool:
    """The act noun's phrase names a party ("de X", "ses", a relative naming X): a told act, no kind."""
    for c in head.children:
        if c.dep_ == "det" and feat(c, "Poss") == ["Yes"]:
            return True
        if c.dep_ in _PHRASE_DEPS and any(view.tok_entity[t.i] is not None for t in c.subtree):
            return True
    return False
