"""The word lists of the argument rules added for real press sentences (``lexicons/events/arguments.tsv``):
gerunds, object clitics, acts a state's authorities do, words of undergoing. Kept apart from ``veille.events.words``,
which the trigger rules share."""

from __future__ import annotations

from veille.common.lexicon import groups

_ARGUMENTS = groups("events/arguments.tsv")

GERUND_MARKS = _ARGUMENTS["gerund_mark"]
OBJECT_CLITICS = _ARGUMENTS["object_clitic"]
STATE_ACT_TYPES = frozenset(w.upper() for w in _ARGUMENTS["state_act_type"])
STATE_PLACE_PREPS = _ARGUMENTS["state_place_prep"]
UNDERGO_VERBS = _ARGUMENTS["undergo_verb"]
UNDERGO_NOUNS = _ARGUMENTS["undergo_noun"]
OWN_BODY_NOUNS = _ARGUMENTS["own_body_noun"]
THIRD_POSSESSIVES = _ARGUMENTS["third_possessive"]
ADDRESSEE_TYPES = frozenset(w.upper() for w in _ARGUMENTS["addressee_type"])
UNRANKED_TARGET_TYPES = frozenset(w.upper() for w in _ARGUMENTS["unranked_target_type"])
