"""Words before a name that say it is a place: "le village de X", "originaire de X", "à X",
"vers X", and a cardinal point in brackets after it: "Valdrin (nord)" (``lexicons/entities/place_cues.tsv``). A name NER read as a person or a thing there,
that no KB entry and no given name make a person, is a place."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows

_CUES: dict[str, frozenset[str]] = {}
for _kind, _word in rows("entities/place_cues.tsv", min_columns=2):
    _CUES[_kind] = _CUES.get(_kind, frozenset()) | {norm(_word) if _kind != "preposition" else _word}
_OF = frozenset({"de", "d'", "d’"})


def place_cue_before(toks: list[Any], given_names: frozenset[str], label: str) -> bool:
    """Whether the words right before a capitalised name mark it as a place: a place noun and
    "de" (any length of name), or "à"/"vers" before a one-word name read as a person that is no
    given name, does not follow "face", "grâce" ("face à X" takes people as well) and does not
    complete a noun ("l'hommage à X" is paid to a person; a thing read as MISC after "jouer à"
    is a game)."""
    first = toks[0]
    if not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in _OF for t in toks) or first.i < 2:
        return False
    doc = first.doc
    prev, before = doc[first.i - 1], doc[first.i - 2]
    if prev.lower_ in _OF and before.is_lower and norm(before.text) in _CUES.get("noun_of", frozenset()):
        return True
    if prev.lower_ in _OF and before.is_lower and before.pos_ == "ADJ" and first.i >= 3 \
            and doc[first.i - 3].is_lower and norm(doc[first.i - 3].text) in _CUES.get("noun_of", frozenset()):
        return True  # "le maire socialiste de X": an adjective between the noun and "de"
    return label == "PER" and len(toks) == 1 and prev.lower_ in _CUES.get("preposition", frozenset()) \
        and norm(first.text) not in given_names and norm(before.text) not in _CUES.get("not_before", frozenset()) \
        and not (first.dep_ == "nmod" and first.head.pos_ == "NOUN")


def place_gloss_after(last: Any) -> bool:
    """"Valdrin (nord)", "Kessa (sud-est)": wire copy situates a town by a cardinal point in brackets."""
    doc = last.doc
    j = last.i + 1
    if j + 2 >= len(doc) or doc[j].text != "(":
        return False
    k = j + 1
    while k < len(doc) and k - j <= 3 and doc[k].text != ")":
        k += 1
    return k < len(doc) and doc[k].text == ")" and norm(doc[j + 1:k].text.replace(" ", "")) in _CUES.get("gloss_after", frozenset())
