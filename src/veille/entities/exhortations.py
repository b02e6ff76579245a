"""Regular first-person plural verb forms opening a sentence: an op-ed's or a guide's exhortation
("Proposons donc …", "Avançons vers le vote", "Parlons-en"), which NER reads as a person or
a place because it is capitalised and unknown. The parser's lemmatizer lists irregular forms among
its exceptions (``resources.VerbForms``); the regular ones are read here from the infinitive its
lemma list holds, by the endings of ``lexicons/entities/exhortation_endings.tsv``. Only the first
person plural is read: "-ez" forms ("Rodez") and third persons name places too often."""

from __future__ import annotations

import re
from collections.abc import Container

from veille.common.fold import norm
from veille.common.lexicon import rows

_ENDINGS = tuple(sorted(((r[0], r[1]) for r in rows("entities/exhortation_endings.tsv", min_columns=2)),
                        key=lambda r: -len(r[0])))
# "Parlons-en", "Rappelons-le": the clitic pronoun hyphenated after an imperative
_CLITIC = re.compile(r"-(?:en|y|le|la|les|nous|lui|leur)$")


class ExhortationForms:
    """``word in forms``: whether a lower-case word (with a clitic hyphenated after it or not) is the
    first person plural of a regular verb the lemma list ``infinitives`` knows ("avançons" →
    "avancer"); ``irregular`` (the lemmatizer's exceptions) is asked first."""

    def __init__(self, infinitives: frozenset[str], irregular: Container[str] = frozenset(),
                 names: Container[str] = frozenset()) -> None:
        self.infinitives, self.irregular, self.names = infinitives, irregular, names

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.irregular:
            return True
        bare = _CLITIC.sub("", word)
        if len(bare) < 6 or "-" in bare or norm(bare) in self.names:
            return False
        return any(bare.endswith(ending) and bare[: -len(ending)] + infinitive in self.infinitives
                   for ending, infinitive in _ENDINGS)
