"""Mention finding from the KB: the KB's names (countries, organisations, places, people) found
in the text where NER missed them, with the case rules that keep "ue" or "Le monde voit…" out, and
the choice between a KB reading and a NER reading of one stretch of text."""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IDX, LENGTH

from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.name_shapes import SQUARE_NOUNS
from veille.entities.resources import GRAMMAR, NUMBERED_HEADS, EntityResources, given_name_as_person
from veille.model import Article

_AFTER_OF = re.compile(r"(?:\bde |\bdu |\bd['’])$")
_ELIDED = re.compile(r"l['’]", flags=re.I)
_ARTICLE = re.compile(r"(?:les?|la)\s+|l['’]", flags=re.I)


def gazetteer(res: EntityResources, article: Article, doc: Any, text: str, ntext: str) -> list[Mention]:
    """KB names in the text, longest first, over token boundaries (cheap: string slices and
    set lookups on the folded text; token objects only for the hits)."""
    kb = res.kb
    out = []
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist()
    ends = (arr[:, 0] + arr[:, 1]).tolist()
    n = len(starts)
    prefixes = kb.prefixes
    # The words that may open a KB name, found in one pass; the rest of the loop visits them only.
    opening = [i for i, (a, b) in enumerate(zip(starts, ends, strict=True)) if ntext[a:b] in prefixes]
    after = 0  # the first word not inside the last name found
    for i in opening:
        if i < after or not ntext[starts[i]:ends[i]][:1].isalpha():
            continue
        best = None
        for j in range(i, min(n, i + 12)):
            key = norm(ntext[starts[i]:ends[j]])
            if key not in kb.prefixes:
                break
            if key in kb.aliases and ntext[ends[j] - 1].isalnum():
                best = (j, ends[j], key)
        if best is None:
            continue
        j, end, key = best
        start = starts[i]
        if glued_to_a_name(kb, text, start, end):
            continue
        surface = text[start:end]
        ids = [x for x in kb.aliases[key]
               if any(case_ok(surface, w, doc, i, j) for w in kb.alias_case[(key, x)])
               or lower_case_brand(res, kb.entries[x], surface)]
        if ids and not article.in_foreign(start, end):
            out.append(Mention(start, end, surface, surface, kb.entries[ids[0]]["type"], "gaz", kb_ids=ids))
            after = j + 1
    return out


_GLUED_AFTER = re.compile(r"-([A-ZÀ-Ý][\w&]*)")
_GLUED_BEFORE = re.compile(r"([A-ZÀ-Ý][\w&]*)-$")


def glued_to_a_name(kb: Any, text: str, start: int, end: int) -> bool:
    """Whether a KB name is one half of a hyphenated name ("Valdoria-Press", "Studio-Valdoria",
    invented): the capitalised word joined to it is no KB name and is never written alone in the
    article ("Russie-Ukraine", "l'accord Valdorie-Mercana … le Mercana" join two names); an
    acronym joined so is its own name ("l'accord UE-Mercana"), unless the whole is an acronym the
    article spells out in brackets ("(SSP-RN)": the region's letters, not the party RN)."""
    after = _GLUED_AFTER.match(text, end)
    before = _GLUED_BEFORE.search(text, max(0, start - 30), start)
    word = after.group(1) if after else before.group(1) if before else None
    if word is None:
        return False
    whole = f"{text[start:end]}-{word}" if after else f"{word}-{text[start:end]}"
    if f"({whole})" in text:
        return True  # "… de la région de X (SSP-RN) … le SSP-RN": an acronym with its region's letters
    if norm(word) in kb.aliases or text[start:end].isupper():
        return False
    return not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text)


def lower_case_brand(res: EntityResources, entry: dict, surface: str) -> bool:
    """"interrogé par franceinfo": a news brand of one word that its owner writes in lower case,
    found in lower case too (a KB media name, not a word of the dictionary)."""
    return entry.get("kind") == "media" and surface.islower() and surface.isalpha() and len(surface) >= 6 \
        and surface not in res.dictionary


def acronym_mismatch(surface: str, written: str) -> bool:
    """Whether ``surface`` is a KB acronym written in another case ("Ue" is not the UE)."""
    letters = [c for c in written if c.isalpha()]
    return written.isupper() and len(letters) <= 5 and not surface.isupper() and surface != written


def case_ok(surface: str, written: str, doc: Any, i: int, j: int) -> bool:
    """Whether a text span may be read as a KB name written ``written`` (case rules)."""
    letters = [c for c in written if c.isalpha()]
    if written.isupper() and len(letters) <= 5:
        # Acronyms: "UE", "ONU" only in capitals ("ue", "onu" are not names).
        return surface.isupper() or surface == written
    if not any(c.isupper() for c in written):
        return False  # "forces ukrainiennes": a description, not a name
    if written[:1].islower():
        return True  # "mer Noire" written lower case: any case
    if not surface[:1].isupper():
        return lower_article(surface, written)
    ws, ss = written.split(), surface.split()
    if len(ws) > 1 and len(ss) > 1 and norm(ws[0]) in GRAMMAR["definite_name"] and ws[1][:1].isupper() \
            and not ss[1][:1].isupper():
        return False  # "Le monde voit…" opens a sentence; "Le Monde" is the newspaper
    elided_w, elided_s = _ELIDED.match(written), _ELIDED.match(surface)
    if elided_w and elided_s and written[elided_w.end():][:1].isupper() and not surface[elided_s.end():][:1].isupper():
        return False  # "L'équipe de France" opens a sentence; "L'Équipe" is the sports daily
    if i == j and doc[i].is_sent_start and (doc[i].is_stop or (not doc[i].ent_type_ and doc[i].pos_ != "PROPN")):
        return False  # a sentence-initial common word ("Grenade lancée..."), not a name
    return True


def lower_article(surface: str, written: str) -> bool:
    """"dans « le Monde »", "à l'Express": a title or party whose name opens with an article
    ("Le Monde", "L'Express") keeps it in lower case inside a sentence; the word after the article
    keeps its capital."""
    mw, ms = _ARTICLE.match(written), _ARTICLE.match(surface)
    return bool(mw and ms and written[:1].isupper() and surface[ms.end():ms.end() + 1].isupper())


def resolve_overlaps(res: EntityResources, text: str, ner: list[Mention], gaz: list[Mention]) -> list[Mention]:
    """One reading per stretch of text: the KB reading unless NER saw a longer, real name."""
    kept: list[Mention] = []
    ner_sorted = sorted(ner, key=lambda m: m.start)
    taken = [False] * len(ner_sorted)
    for g in gaz:
        overl = [k for k, m in enumerate(ner_sorted) if m.start < g.end and g.start < m.end]
        drop_gaz = False
        for k in overl:
            m = ner_sorted[k]
            if (m.start, m.end) == (g.start, g.end) and g.label == "LOC" and given_name_as_person(text, m):
                drop_gaz = True  # "Dominique, 54 ans, …": the person NER read, not the country
                continue
            if m.start <= g.start and g.end <= m.end and (m.end - m.start) > (g.end - g.start):
                # NER span is longer: keep it when what it adds is a name ("Banque de France"),
                # not a stray word ("Kiev face"); a PER span around a place keeps the person.
                rest = (text[m.start:g.start] + " " + text[g.end:m.end]).split()
                if g.label == "LOC" and (norm(m.key.split()[0]) in res.org_heads or m.text.split()[0] in SQUARE_NOUNS) \
                        and _AFTER_OF.search(text[m.start:g.start]):  # (or "place de Valmont": a square)
                    # "Parlement d'Ankara": the institution is the name; its city is no mention of
                    # its own (an entity only when the article names it elsewhere).
                    drop_gaz = True
                    continue
                if g.label == "LOC" and norm(m.key.split()[0]) in NUMBERED_HEADS and rest[-1][:1].isdigit():
                    drop_gaz = True  # "l'université Valdor 2": the numbered university, no mention of the city
                    continue
                if m.label != "MISC" and ((m.label == "PER" and g.label != "PER") or any(w[:1].isupper() for w in rest)):
                    drop_gaz = True
                    continue
            taken[k] = True
        if not drop_gaz:
            kept.append(g)
    kept += [m for k, m in enumerate(ner_sorted) if not taken[k]]
    kept.sort(key=lambda m: m.start)
    return kept
