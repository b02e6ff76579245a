"""Words in the first person singular ("je", "moi", "mon") are one person's: a quote that says "je" and has
no cue does not go on in the voice of an organisation, a place or a programme that spoke before it.
"""

from __future__ import annotations

import re

from veille.quotes.state import ArticleState

# "je", "j'", "moi", "me", "m'", "mon", "ma", "mes": the speaker speaks of themself
# an elided "j'"/"m'" is followed by its verb's first letter, a whole word by a boundary
FIRST_SINGULAR = re.compile(r"(?<![\w'’-])(?:(?:je|moi|me|mon|ma|mes)(?![\w-])|[jm]['’](?=\w))", re.I)


def singular_voice(words: str) -> bool:
    """Example "Ma mère votait à gauche, je votais comme elle." is in the first person singular; "Nous
    tiendrons." and "Les prix ont doublé." are not."""
    return FIRST_SINGULAR.search(words) is not None


def speaker_type(state: ArticleState, name: str) -> str | None:
    """Entity type ("PER", "ORG", "LOC") of the speaker called ``name``; None for a name with no entity."""
    return next((m.entity.type for m in state.mentions if m.entity.name == name), None)


def last_person_speaker(state: ArticleState) -> str | None:
    """The latest speaker so far who is a person (or a name the entity stage did not list)."""
    return next((s for s in reversed(state.memory.speakers) if speaker_type(state, s) in ("PER", None)), None)
