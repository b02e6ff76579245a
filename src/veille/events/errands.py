"""Drop rule of the events stage for "se rendre" as a trip to an ordinary place (issue 13, precision,
helper evprec2), read with ``veille.events.precision_rules`` (``PRECISION_RULES``). A visit is a
meeting when its destination is a party, a named place or a meeting ("se rendre à Moscou", "chez son
homologue", "au sommet de Montvert"); "se rendre au domicile du suspect", "dans les bureaux du journal",
"à la mairie", "à l'église" tell a trip, no meeting of parties. Cues in
``lexicons/events/sense_cues.tsv``: ``visit_noun``, a common noun that makes such a destination a
meeting (a meeting or a person met).

Every example is invented. A narrowing that would drop a true event of the dev gold is no rule here.
"""

from __future__ import annotations

from typing import Any

from veille.common.lexicon import groups
from veille.events.triggers import Candidate
from veille.events.view import ArticleView, case
from veille.events.words import lemma

VISIT_NOUNS = groups("events/sense_cues.tsv")["visit_noun"]
_DESTINATION_PREPS = frozenset({"à", "au", "aux", "dans", "en", "sur", "vers", "jusqu'à", "jusqu’à"})
_RELATIVES = frozenset({"lequel", "laquelle", "lesquels", "lesquelles"})


def errand_trip(view: ArticleView, cand: Candidate, head: Any) -> bool:
    """"Les gendarmes se sont rendus au domicile du suspect.", "Paul Vidal se rendait dans les bureaux
    de son journal." (invented): a trip. "Léa Tamar s'est rendue à Montvert.", "Le ministre se rend chez
    son homologue.", "Paul Vidal se rendra au sommet." keep their visit."""
    trig = cand.trigger
    if trig.type != "CONSULT" or trig.kind != "verb" or not trig.reflexive or trig.words != ("rendre",):
        return False
    destinations = [_place(c) for c in head.children
                    if c.dep_.startswith("obl") and case(c) in _DESTINATION_PREPS and view.tok_time[c.i] is None]
    if not destinations:
        return False  # "chez X", "auprès de X", or no destination said: the visit stands
    # the destination's own noun decides: "la mairie de Montvert" is an office, "Montvert" a place visited
    return all(d.pos_ == "NOUN" and view.tok_entity[d.i] is None and lemma(d) not in VISIT_NOUNS
               for d in destinations)


def _place(dest: Any) -> Any:
    """The noun a relative destination stands for: "l'église dans laquelle il se rend"."""
    if dest.lower_ in _RELATIVES and dest.head.dep_ == "acl:relcl":
        return dest.head.head
    return dest
