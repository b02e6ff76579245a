"""Why a gold trigger got no candidate: its words are in no trigger table, or listed and kept out.

Read by ``bench/events_triggers.py`` for each ``no-trigger`` gold event. The gates follow the order
``find_triggers`` (``src/veille/events/triggers.py``) tries a word in:

- ``verb-object``: a verb of the tables whose every entry's constraint (``obj=``, ``any=``,
  ``except=``, reflexive, finite…) fails on this parse ("soutenir" with an object no list names);
- ``verb-form``: a verb of the tables the tagger did not read as a verb (a noun, an auxiliary);
- ``noun-object``: a noun of the tables whose every entry's constraint fails;
- ``noun-form``: a noun of the tables tagged otherwise, or inside a named entity;
- ``adjective``: a predicative adjective of the tables not read as predicative;
- ``phrase-part``: only a phrase of the tables opens on one of its words, and the words after it
  are not that phrase's ("coup d'État" where "coup de fil" is listed);
- ``unlisted``: no table holds any of its words.

A tool of the bench: it asks the same lexicon and constraint checks the stage asks, on the Doc the
traced run kept, and prints nothing of the pages.
"""

from __future__ import annotations

from typing import Any

from veille.events.trigger_objects import object_ok
from veille.events.verb_forms import (
    is_reflexive,
    misread_participle,
    misread_verb,
    verb_candidates,
    verbal_use,
)

CONTENT = ("NOUN", "VERB", "ADJ", "PROPN")  # ("à", "se", "être" open many phrases: not counted)
GATES = ("verb-object", "verb-form", "noun-object", "noun-form", "adjective", "phrase-part", "unlisted")


def _verb_gate(view: Any, tok: Any, lem: str) -> str | None:
    entries = verb_candidates(view, lem)
    if not entries:
        return None
    if not (verbal_use(tok) or misread_verb(view, tok) or misread_participle(view, tok)):
        return "verb-form"
    refl = is_reflexive(tok)
    held = [t for t in entries if not (t.reflexive and not refl) and object_ok(view, t, tok)]
    return None if held else "verb-object"


def _noun_gate(view: Any, tok: Any, lem: str) -> str | None:
    entries = view.lex.nouns.get(lem, []) + view.lex.nouns.get(tok.lower_, [])
    if not entries:
        return None
    if tok.pos_ not in ("NOUN", "PROPN") or view.tok_entity[tok.i] is not None:
        return "noun-form"
    return None if any(object_ok(view, t, tok) for t in entries) else "noun-object"


def gate_of(view: Any, doc: Any, start: int, end: int) -> str:
    """The first gate (``GATES`` order) that kept one of the words of ``doc.text[start:end]`` out."""
    span = doc.char_span(start, end, alignment_mode="expand")
    found: set[str] = set()
    for tok in span or []:
        lem = tok.lemma_.lower()
        for gate in (_verb_gate(view, tok, lem), _noun_gate(view, tok, lem)):
            if gate is not None:
                found.add(gate)
        if lem in view.lex.adjs:
            found.add("adjective")
        if tok.pos_ in CONTENT and (lem in view.lex.phrases or tok.lower_ in view.lex.phrases):
            found.add("phrase-part")
    return next((g for g in GATES if g in found), "unlisted")
