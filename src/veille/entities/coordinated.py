"""Organisation names that coordinate two complements with "et": "le Conseil national de la transaction et
de la gestion immobilière", "l'Union des Églises d'Alsace et de Lorraine". The NER often stops at "et";
the name goes on over "et" + the same kind of complement (``lexicons/entities/coordinated_names.tsv``).

French institution names are written with only their first word capitalised, so the complement after
"et" is lower-case (or, when the name ends on a place name, one more place name). A plural subject that
coordinates an organisation with others ("le ministère de la Santé et des élus ont signé") is not a name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from veille.common import lexicon
from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.resources import INSTITUTION_NOUNS

_groups = lexicon.groups("entities/coordinated_names.tsv")
JOINERS = frozenset(tuple(p.split()) for p in _groups["joiner"])  # "et de la", "et du" …
INNER = frozenset(_groups["inner"])  # "de", "la", "l'" … between the complement's words
_MAX_WORDS = 6
_OF = frozenset({"de", "du", "des", "d'", "d’"})


def _joiner_at(doc: Any, k: int) -> int:
    """Number of tokens of a joiner ("et de la") starting at ``k``, 0 when none."""
    for n in (3, 2):
        if k + n <= len(doc) and tuple(t.lower_.replace("’", "'") for t in doc[k:k + n]) in JOINERS:
            return n
    return 0


def _complement_end(doc: Any, k: int, capitalised: bool) -> int | None:
    """End index of the complement opening at ``k`` (after the joiner), or None."""
    if capitalised:
        t = doc[k] if k < len(doc) else None
        return k + 1 if t is not None and t.pos_ == "PROPN" and t.text[:1].isupper() else None
    end = None
    j = k
    while j < len(doc) and j - k < _MAX_WORDS:
        t = doc[j]
        if t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ"):
            j += 1
            end = j
        elif t.lower_.replace("’", "'") in INNER and end is not None:
            j += 1
        else:
            break
    return end


def _plural_verb_after(doc: Any, j: int) -> bool:
    while j < len(doc) and doc[j].pos_ == "ADV":
        j += 1
    return j < len(doc) and doc[j].pos_ in ("VERB", "AUX") and "Plur" in doc[j].morph.get("Number")


def extend_coordinated(doc: Any, text: str, names: list[Mention], org_heads: frozenset[str]) -> list[Mention]:
    """``names`` with each organisation name that goes on over "et" + a complement extended to it."""
    heads = org_heads | INSTITUTION_NOUNS
    out = []
    grown: list[tuple[int, int]] = []
    for m in names:
        words = m.text.split()
        # (a name that already coordinates two complements goes on no further)
        if m.label != "ORG" or len(words) < 3 or norm(words[0]) not in heads or "et" in words \
                or not any(w.lower() in _OF or w.lower().startswith(("d'", "d’")) for w in words[1:]):
            out.append(m)
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        k = span.end if span is not None else len(doc)
        n = _joiner_at(doc, k)
        last = doc[k - 1] if span is not None else None
        end = _complement_end(doc, k + n, capitalised=bool(last is not None and last.text[:1].isupper())) if n else None
        if end is not None and norm(doc[k + n].text) in heads:
            end = None  # "l'Agence de presse X et du bureau de Y": a second body, not a second complement
        if end is None or _plural_verb_after(doc, end):
            out.append(m)
            continue
        new_end = doc[end - 1].idx + len(doc[end - 1].text)
        if any(o is not m and m.end <= o.start < new_end and o.label != "LOC" for o in names):
            out.append(m)
            continue
        tail = text[m.end:new_end]
        out.append(replace(m, end=new_end, text=m.text + tail, key=m.key + tail, kb_id=None, kb_ids=[]))
        grown.append((m.start, new_end))
    # a place name now inside an extended name ("… d'Alsace et de Lorraine") is no longer a mention of its own
    return [m for m in out if not (m.label == "LOC" and any(a < m.start and m.end <= b for a, b in grown))]


_compass = lexicon.groups("entities/compass_names.tsv")
COMPASS_JOINERS = tuple(sorted(_compass["joiner"], key=len, reverse=True))
COMPASS_POINTS = frozenset(_compass["point"])


def extend_compass(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with a place name followed by a capitalised cardinal point ("le Yorkshire du Sud")
    extended to it; a mention of the cardinal point alone inside it is dropped."""
    out = []
    for m in names:
        if m.label == "LOC":
            for joiner in COMPASS_JOINERS:
                lead = " " + joiner + ("" if joiner.endswith(("'", "’")) else " ")
                if not text.startswith(lead, m.end):
                    continue
                rest = text[m.end + len(lead):]
                word = rest.split(maxsplit=1)[0].rstrip(".,;:!?)»\"") if rest.strip() else ""
                if word[:1].isupper() and word.lower() in COMPASS_POINTS:
                    tail = text[m.end:m.end + len(lead) + len(word)]
                    m = replace(m, end=m.end + len(tail), text=m.text + tail, key=m.key + tail, kb_id=None, kb_ids=[])
                break
        out.append(m)
    grown = [(m.start, m.end) for m in out if m.label == "LOC"]
    return [m for m in out if not any(a < m.start and m.end <= b for a, b in grown)]


PORTFOLIO_ROLES = "|".join(re.escape(r) for r in sorted(_groups["portfolio_role"], key=len, reverse=True))
_PORTFOLIO_TAIL = re.compile(r"(?:^|\W)(?:" + PORTFOLIO_ROLES + r")(?:\s+\w+)?\s+(?:de la|de l['’]|du|des|de|d['’])\s*"
                             r"[A-ZÉÈÀÂÎÔÛ][\w'’-]*(?:\s+[a-zéèêàâîôûç]+)?\s+et\s+(?:de la|de l['’]|du|des|de|d['’])\s*$",
                             re.IGNORECASE)


def drop_portfolio_tails(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` without the second field of a minister's portfolio ("le ministre du Commerce et de
    l'Industrie": "Industrie" is no place)."""
    return [m for m in names if m.label == "PER" or " " in m.text.strip()
            or not _PORTFOLIO_TAIL.search(text[max(0, m.start - 80):m.start])]
