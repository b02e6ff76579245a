"""Events: who did what to whom, coded as PLOVER types over the shared spaCy Doc.

The coder reads the parse the pipeline already made (no second spaCy call) and the fields the
earlier stages filled: ``entities`` (canonical names, spans, ``actor`` for metonymy), ``times``,
``quantities`` and ``quotes``. Everything language-specific is data (``lexicons/event_*.tsv`` and
``lexicons/events/``). Where to change what:

* a trigger word: ``lexicons/event_triggers.tsv`` (read by ``lexicon.py``, matched by ``triggers.py``);
* an event's source and target: the ordered rules run by ``actor_rules.py``, by family in
  ``agents.py``, ``source_rules.py`` and ``target_rules.py`` (who a phrase stands for: ``actors.py``;
  affiliations and subjects: ``article_actors.py``);
* its type when a rule overrides the trigger's: ``type_rules.py``;
* its mode (fact, intent, demanded, hypothetical, negated): ``modes.py``;
* its date, place and quantities: ``attributes.py`` (clauses: ``clauses.py``);
* one record per event: ``merge.py``; the per-article flow: ``coder.py``; the stage: ``stage.py``.

Events whose happening the text does not assert (a requested, a merely possible, an alleged
("accuse X d'avoir ...") or a denied action) are coded but not recorded: the REQUEST, the ACCUSE or
the speaker's words are; a denied intention ("ne livrera pas", "aucun soldat ne serait envoyé") is
recorded as a REJECT by its actor or the reporting speaker.

An event whose doer the text leaves unnamed keeps a null ``source`` (``source_rules.agentless``):
an attack, an arrest, a protest or a sanction told without its doer, a subject that names nobody
("certains", "un homme armé"), an agentless passive whose patient is named. A statement, a request
or a meeting whose actor the rules do not find is left out: its actor is in the text, only not
found. Unnamed doers in two sentences are not merged into one event.
"""

from __future__ import annotations

from veille.events.coder import Coder
from veille.events.lexicon import Lexicon, Trigger, extend_with_kb, load_lexicon
from veille.events.modes import MODE_RANK, RECORDED_MODES
from veille.events.stage import EventStage, code_events
from veille.events.type_rules import REFUSABLE
from veille.events.words import lemma

__all__ = ["EventStage", "Coder", "Lexicon", "Trigger", "code_events", "load_lexicon", "extend_with_kb",
           "RECORDED_MODES", "MODE_RANK", "REFUSABLE", "lemma"]
