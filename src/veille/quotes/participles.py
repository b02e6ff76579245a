"""A past participle that describes a noun or opens its sentence reports no speech ("une réforme critiquée
par les syndicats", "un bilan jugé décevant", "Reconnu coupable en mars, …"): the speech verbs of
``lexicons/speech_verbs.tsv`` used as adjectives are not cues, so the quote next to them takes the cue that
does report it ("…, selon la préfecture", "…, a annoncé son avocate")."""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare

# the dependencies of a participle that qualifies a noun or stands detached before its clause's subject
NOUN_MODIFIER_DEPS = frozenset({"acl", "amod"})
DETACHED_DEPS = frozenset({"ROOT", "advcl"})
# masculine singular participles written like the present tense's third person ("dit", "écrit", "prédit",
# "craint"): the tagger's participle may be the verb itself
PRESENT_TOO = ("it", "int")


def adjectival_participle(doc: Any, tok: Any, cue_start_tok: int) -> bool:
    """Example "Cette réforme critiquée par Anne Roy « n'aboutira pas »": ``tok`` is a past participle
    with no auxiliary or inverted subject among its cue words (``cue_start_tok`` is ``tok`` itself), hung on
    a noun, or opening its sentence and closed by a comma ("Saisie en mars, la cour …"). "a jugé", "a-t-il
    estimé", "dit-elle" keep their cue."""
    if cue_start_tok != tok.i or "Part" not in tok.morph.get("VerbForm") or "Past" not in tok.morph.get("Tense"):
        return False
    if bare(tok.text).endswith(PRESENT_TOO):
        return False  # "l'autrice prédit « … »", "il écrit": the same form is the present tense
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text.startswith("-"):
        return False  # "…, dit-elle, …": an inverted subject makes it a verb the tagger read as a participle
    if tok.dep_ in NOUN_MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return True
    if tok.dep_ in DETACHED_DEPS and tok.i == tok.sent.start:
        return any(t.text == "," for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 12)])
    return False
