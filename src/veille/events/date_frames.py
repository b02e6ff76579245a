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

from spacy.attrs import DEP, LEMMA, POS

from veille.common.docarrays import child_indices, head_indices, morph_fields, token_strings
from veille.events.time_attachment import frame_prep
from veille.events.view import doc_cases

# The dependencies of a frame noun's participle ("un rapport publié en 2021") and of its time.
PARTICIPLE_DEPS = frozenset({"acl"})
TIME_DEPS = frozenset({"obl", "obl:mod", "obl:arg", "advmod", "nmod"})
AUXILIARIES = frozenset({"avoir", "être"})


def past_infinitive(head: Any) -> Any | None:
    """The phrase of a past infinitive the trigger heads ("(d')avoir frappé", "(après) avoir été
    arrêté"): the participle, or the infinitive auxiliary when the parser made it the verb and the
    participle its object ("avoir" <- "violé"); else None. (Analyses, labels, heads and lemmas read
    from the article's columns: every event asks it, a Token is built only for the auxiliary found.)"""
    doc, i = head.doc, head.i
    morphs = morph_fields(doc)
    if "Part" in morphs[i].get("VerbForm", ()):
        deps = token_strings(doc, DEP)
        if any(deps[c] == "aux:tense" and "Inf" in morphs[c].get("VerbForm", ()) for c in child_indices(doc)[i]):
            return head
    a = head_indices(doc)[i]
    if a < i <= a + 2 and token_strings(doc, LEMMA)[a] in AUXILIARIES and "Inf" in morphs[a].get("VerbForm", ()):
        return doc[a]
    return None


def inside(head: Any, i: int) -> bool:
    """Token ``i`` lies in the phrase of ``head``."""
    return head.left_edge.i <= i <= head.right_edge.i


def framed_times(view: Any, path: set[int]) -> list[int]:
    """The time tokens hung on a past participle that qualifies a frame noun of the event's path
    ("dans un rapport publié en 2021"): the first token of each time, in text order. (Children, tags,
    labels and analyses from the article's columns: no Token per child.)"""
    doc = view.doc
    kids, tags, deps = child_indices(doc), token_strings(doc, POS), token_strings(doc, DEP)
    cases, morphs, tok_time = doc_cases(doc), morph_fields(doc), view.tok_time
    found: list[int] = []
    for i in sorted(path):
        for noun in kids[i]:
            if tags[noun] != "NOUN" or not frame_prep(cases[noun]):
                continue
            for part in kids[noun]:
                if deps[part] not in PARTICIPLE_DEPS or "Part" not in morphs[part].get("VerbForm", ()):
                    continue
                for arg in kids[part]:
                    if deps[arg] in TIME_DEPS and tok_time[arg] is not None:
                        found.append(arg)
    return found
