"""Two forms that tell which time of a sentence dates an event, read from the parse.

- A past infinitive is an act done before the verb it hangs on ("X a été reconnu coupable lundi
  d'avoir frappé Y", "X a reconnu mardi avoir menti", "condamné pour avoir volé"): the governing
  verb's time is not its date, only a time inside its own phrase is ("d'avoir frappé Y le 3 mai").
- A participle qualifying the frame or the medium of an act ("dans un rapport publié en 2021, X
  révélait ...", "lors d'une conférence organisée mardi, X a dénoncé ..."): the medium's time dates
  the act told in it, as a time on the frame noun itself does (``time_attachment._frames_event``).

Issue 13 (evdate): over the 192 dev pages these two forms changed 3 event dates on 3 sites, all
right (two verdicts' days taken off the crimes, one report's year given).
"""

from __future__ import annotations

from typing import Any

from veille.events.time_attachment import frame_prep
from veille.events.view import case

# The dependencies of a frame noun's participle ("un rapport publié en 2021") and of its time.
PARTICIPLE_DEPS = frozenset({"acl"})
TIME_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "advmod", "nmod"})
AUXILIARIES = frozenset({"avoir", "être"})


def past_infinitive(head: Any) -> Any | None:
    """The phrase of a past infinitive the trigger heads ("(d')avoir frappé", "(après) avoir été
    arrêté"): the participle, or the infinitive auxiliary when the parser made it the verb and the
    participle its object ("avoir" <- "violé"); else None."""
    if "Part" in head.morph.get("VerbForm") and any(
            c.dep_ == "aux:tense" and "Inf" in c.morph.get("VerbForm") for c in head.children):
        return head
    aux = head.head
    if aux.i < head.i <= aux.i + 2 and aux.lemma_ in AUXILIARIES and "Inf" in aux.morph.get("VerbForm"):
        return aux
    return None


def inside(head: Any, i: int) -> bool:
    """Token ``i`` lies in the phrase of ``head``."""
    return head.left_edge.i <= i <= head.right_edge.i


def framed_times(view: Any, path: set[int]) -> list[int]:
    """The time tokens hung on a past participle that qualifies a frame noun of the event's path
    ("dans un rapport publié en 2021"): the first token of each time, in text order."""
    doc = view.doc
    found: list[int] = []
    for i in sorted(path):
        for noun in doc[i].children:
            if noun.pos_ != "NOUN" or not frame_prep(case(noun)):
                continue
            for part in noun.children:
                if part.dep_ not in PARTICIPLE_DEPS or "Part" not in part.morph.get("VerbForm"):
                    continue
                for arg in part.children:
                    if arg.dep_ in TIME_DEPS and view.tok_time[arg.i] is not None:
                        found.append(arg.i)
    return found

