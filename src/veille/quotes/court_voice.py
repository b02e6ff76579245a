"""A court's own words under a word for a part of it: "la justice a souligné que", "selon la chambre",
"a estimé la juridiction" speak for the court the article named before (the guideline: a chamber of a
court speaks as the court it belongs to). Words in ``lexicons/quotes/court_parts.tsv``."""

from __future__ import annotations

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState

_groups = lexicon.groups("quotes/court_parts.tsv")
PARTS = _groups.get("part", frozenset())
COURTS = tuple(sorted(_groups.get("court", frozenset()), key=len, reverse=True))
DEFINITE = frozenset({"la", "le", "l'", "l’", "les", "cette", "ce"})


def is_court(name: str) -> bool:
    """A named court: its name opens on a court word ("Tribunal administratif de Vienne", "Cour d'appel")."""
    low = bare(name).replace("’", "'")
    return any(low == c or low.startswith(c + " ") for c in COURTS)


def court_part(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le tribunal administratif de Vienne a suspendu l'arrêté. La justice a souligné que les
    distributions « sont insuffisantes »." -> Tribunal administratif de Vienne: a definite phrase on a word
    for a part of a court, naming no body of its own, speaks for the court the text wrote that word with
    before ("la chambre de l'instruction de la cour d'appel de Vienne … selon la chambre"), else for the only
    court named before the cue; several courts and none written with it, or none: no decision."""
    if not subj.toks or bare(subj.head.text) not in PARTS or any(m.entity.type != "LOC" for m in subj.inside):
        return None  # ("la chambre de l'instruction de Vienne": its seat may be named, no other body)
    if bare(subj.toks[0].text) not in DEFINITE or subj.toks[0].i == subj.head.i:
        return None
    courts = [m for m in state.mentions if m.start < subj.cue.start and not m.in_quote
              and m.entity.type == "ORG" and is_court(m.entity.name)]
    part = bare(subj.head.text)
    written = [m for m in courts if part in bare(state.text[max(0, m.start - WITH_PART):m.start]).split()]
    if written:
        return Decision(written[-1].entity.name)
    names = {m.entity.name for m in courts}
    return Decision(courts[-1].entity.name) if len(names) == 1 else None


WITH_PART = 40  # characters before a court's name where its part is written ("la chambre de l'instruction de la")
