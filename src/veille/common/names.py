"""Name particles: the lower-case words that may stand inside a person's or place's name.

One list for every stage, read from ``lexicons/common/name_particles.tsv``.
"""

from __future__ import annotations

from veille.common.lexicon import words

NAME_PARTICLES: frozenset[str] = words("common/name_particles.tsv")
