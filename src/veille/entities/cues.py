"""Organisations named right after a classifier noun: "la revue Zetagramme", "le quotidien
Blesk", "l'association Mode", "le fonds d'investissement lyonnais Orvanis Capital".

French news writing introduces a little-known organisation by apposing a common noun that says
what it is (``lexicons/entities/org_classifiers.tsv``) before its name. The noun decides the type
that NER cannot (it reads "l'hebdomadaire Marianne" as a person, "la plateforme DouYu" as a
place) and finds the names NER skips ("la revue Science", a common word as a name). The name is
the run of capitalised words after the noun (its lower-case adjectives or "de + noun" complement
in between are not part of it); every other mention of the same name in the article takes the
organisation type. A hyphenated noun the tokenizer splits ("la start-up X": "start", "-", "up") is
read as one noun, and so is a noun of two words ("le think tank X").
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IS_LOWER, LEMMA, ORTH

from veille.common.docarrays import token_columns, token_strings
from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.resources import EntityResources

CLASSIFIERS = frozenset(norm(r[0]) for r in rows("entities/org_classifiers.tsv"))
# the second words of classifiers of two words ("think tank"): the pair is looked for only when one is written
_TWO_WORDS = frozenset(w.split()[-1] for w in CLASSIFIERS if " " in w) | frozenset(w.split()[-1] + "s" for w in CLASSIFIERS if " " in w)
NAME_HEADS = frozenset(norm(r[0]) for r in rows("entities/org_classifiers.tsv") if r[1:2] == ("head",))
# Nouns whose name is its capitalised words only ("l'application Movalia sur son téléphone"): a brand's or an app's
CAPITALS_ONLY = frozenset(norm(r[0]) for r in rows("entities/org_classifiers.tsv") if r[1:2] == ("capitals",))
# Words before the noun that make it the head of a noun phrase ("la revue", "du collectif").
_DETERMINERS = frozenset({"le", "la", "l'", "l’", "les", "un", "une", "des", "du", "au", "aux", "de", "d'", "d’",
                          "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "notre", "votre",
                          "plusieurs", "quelques", "certains", "certaines", "divers", "diverses"})
_OF = frozenset({"de", "d'", "d’"})
_ARTICLES = frozenset({"le", "la", "les", "l'", "l’"})
# What may follow a sentence-case name before the punctuation that closes it ("le collectif Art
# en grève,"): lower-case nouns, adjectives, prepositions and articles, at most three.
_TAIL_POS = frozenset({"NOUN", "ADJ", "ADP", "DET"})
_MAX_TAIL = 3
# Words allowed inside a name between two capitalised words ("Du Pain et des Roses", "B&B").
_JOINERS = frozenset({"de", "du", "des", "d'", "d’", "et", "&", "-", "la", "le", "les", "l'", "l’"})
# Asides that close a clause after a name, never part of it ("les syndicats X et Y par exemple,").
_ASIDES = frozenset({"par exemple", "entre autres", "en particulier", "en tete", "de son cote", "en effet"})
_ARTICLE_TAIL = frozenset({"NOUN", "PROPN", "ADJ"})
_MAX_GAP = 4  # adjectives and complement words between the noun and the name
# nouns whose quoted name is a body's, in any case ("l'ONG « Nous sommes là »"): entities/quoted_org_nouns.tsv
QUOTED_NOUNS = frozenset(norm(r[0]) for r in rows("entities/quoted_org_nouns.tsv"))
_OPENING_QUOTES = frozenset({"«", '"', "“"})
_CLOSING_QUOTES = frozenset({"»", '"', "”"})
_MAX_QUOTED = 8


def quoted_name(doc: Any, i: int) -> tuple[int, int] | None:
    """The words between the quotation marks right after the classifier noun at ``i`` ("l'ONG «
    Nous sommes là »": "Nous sommes là"), as (start, end) indexes, when they open on a capital and
    close within eight words on the same line; None otherwise."""
    j = i + 2
    if j >= len(doc) or doc[i + 1].text not in _OPENING_QUOTES or not doc[j].text[:1].isupper():
        return None
    for k in range(j + 1, min(j + _MAX_QUOTED + 1, len(doc))):
        if "\n" in doc[k - 1].whitespace_ or doc[k].is_sent_start and doc[k].text not in _CLOSING_QUOTES:
            return None
        if doc[k].text in _CLOSING_QUOTES:
            return j, k
    return None


def _name_start(doc: Any, i: int, plural: bool = False) -> int | None:
    """The index of the capitalised word that the classifier noun at ``i`` introduces, or None
    (after a plural noun, a bracket may open the list of names: "des collectifs (X, Y et Z)")."""
    j = i + 1
    while j < len(doc) and j - i <= _MAX_GAP:
        t = doc[j]
        if t.text[:1].isupper() and (t.is_alpha or any(c.isalpha() for c in t.text)):
            return j
        if plural and t.text == "(" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            return j + 1
        if not plural and t.text == "," and j > i + 1 and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() \
                and doc[j + 1].is_alpha and not doc[j + 1].is_sent_start:
            return j + 1  # "la société de travail temporaire, Vexo, …": the name apposed after a comma
        if t.lower_ in _OF and j + 1 < len(doc) and doc[j + 1].is_lower and doc[j + 1].pos_ == "NOUN":
            j += 2  # "la chaîne d'information X"
            continue
        if t.is_lower and t.is_alpha and t.pos_ == "ADJ":
            j += 1  # "le fonds lyonnais X"
            continue
        return None
    return None


def _sentence_cut(doc: Any, k: int) -> bool:
    """Whether the word at ``k`` is a capitalised article or pronoun after a word ending on a full
    stop: the next sentence's opener, no part of a name run on before it."""
    return 0 < k < len(doc) and doc[k - 1].text.endswith(".") and doc[k].pos_ in ("DET", "PRON") \
        and doc[k].text[:1].isupper()


def _name_end(doc: Any, j: int, plural: bool, calendar: frozenset[str], given: frozenset[str] = frozenset()) -> int:
    """The end of the capitalised run starting at ``j`` (joiners kept only between capitals; no
    "et" after a plural noun: "les syndicats X et Y" are two names). A name written in sentence
    case ends at the punctuation mark after at most three lower-case words ("le collectif Art en
    grève, …"); otherwise only its capitalised words count ("la revue Nature début juin")."""
    k = j + 1
    while k < len(doc):
        t = doc[k]
        if _sentence_cut(doc, k):
            break  # "le réseau social X. La dernière offre": the article opening the next sentence
        if t.text[:1].isupper() or (t.text[:1].isdigit() and t.i > j) \
                or (t.text[:1] == "-" and t.text[1:2].isupper() and not doc[k - 1].whitespace_):
            k += 1  # ("Clar-T" read as "Clar" "-T")
            continue
        if t.lower_ in _JOINERS and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() \
                and not (plural and t.lower_ == "et") and not (t.lower_ in _OF and norm(doc[k + 1].text) in given):
            # ("le fonds X de Jean Dupont": a given name after "de" opens the owner's name)
            k += 2
            continue
        break
    tail = k
    # ("le collectif La ronce, …": a capitalised article opens a name in sentence case)
    article = k == j + 1 and doc[j].lower_ in _ARTICLES
    while tail < len(doc) and tail - k < _MAX_TAIL and doc[tail].is_lower and norm(doc[tail].text) not in calendar \
            and (doc[tail].pos_ in _TAIL_POS or (article and doc[tail].is_alpha and doc[tail].pos_ in _ARTICLE_TAIL)):
        tail += 1
    if tail > k and tail < len(doc) and norm(doc[k:tail].text) not in _ASIDES and doc[tail].is_punct and doc[tail].text not in ("'", "’", "-") \
            and doc[tail - 1].pos_ in (_ARTICLE_TAIL if article else ("NOUN", "ADJ")):
        return tail
    return k


_MAX_LISTED = 6


def _hyphenated(doc: Any, texts: list[str], lower: list[bool]) -> list[tuple[int, int, str]]:
    """Classifier nouns the tokenizer split at their hyphen ("la start-up X" read as "start", "-",
    "up"; plural "start-ups"): (first word, last word, the noun in the singular) for each."""
    out = []
    for i in range(1, len(texts) - 1):
        if texts[i] != "-" or doc[i - 1].whitespace_ or doc[i].whitespace_ or not (lower[i - 1] and lower[i + 1]):
            continue
        word = norm(f"{texts[i - 1]}-{texts[i + 1]}")
        noun = word if word in CLASSIFIERS else word[:-1] if word.endswith("s") and word[:-1] in CLASSIFIERS else None
        if noun:
            out.append((i - 1, i + 1, noun))
    return out


def _spaced(doc: Any, texts: list[str], lower: list[bool]) -> list[tuple[int, int, str]]:
    """Classifier nouns of two lower-case words ("le think tank X"): (first word, last word, the
    noun) for each."""
    out = []
    for i in range(1, len(texts)):
        if lower[i - 1] and lower[i] and doc[i - 1].whitespace_ == " ":
            noun = norm(f"{texts[i - 1]} {texts[i]}")
            noun = noun if noun in CLASSIFIERS else noun[:-1] if noun.endswith("s") and noun[:-1] in CLASSIFIERS else None
            if noun:
                out.append((i - 1, i, noun))
    return out


def _listed_names(doc: Any, j: int, plural: bool, calendar: frozenset[str],
                  given: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The name at ``j`` and, after a plural noun, the names listed after it with commas and
    "et" ("les syndicats X, Y et Z": all three are organisations), as (start, end) indexes."""
    out = [(j, _name_end(doc, j, plural, calendar, given))]
    while plural and len(out) < _MAX_LISTED:
        k = out[-1][1]
        if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "et":
            k += 1
        if k + 1 >= len(doc) or doc[k].text not in (",", "et") or not doc[k + 1].text[:1].isupper() \
                or "\n" in doc[k].whitespace_ or doc[k + 1].is_sent_start:
            break
        out.append((k + 1, _name_end(doc, k + 1, plural, calendar, given)))
    return out


def org_cue_mentions(res: EntityResources, doc: Any, text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with the organisations named after a classifier noun: a name NER missed is
    added, one NER cut or typed otherwise is replaced, and every mention of the same name is typed
    as an organisation."""
    cued: list[Mention] = []
    nouns: dict[int, str] = {}  # where a name starts -> the classifier noun before it
    # The test on every word reads the Doc's cached columns: a Token is built for a classifier only.
    texts, lemmas = token_strings(doc, ORTH), token_strings(doc, LEMMA)
    (lower,) = token_columns(doc, (IS_LOWER,))
    hits = {w for w in {*texts, *lemmas} if norm(w) in CLASSIFIERS}  # each distinct word folded once
    found_nouns = [(i, i, None) for i, low in enumerate(lower)
                   if (low or (texts[i].isupper() and norm(texts[i]) in QUOTED_NOUNS)) and (texts[i] in hits or lemmas[i] in hits)]
    spaced = _spaced(doc, texts, lower) if _TWO_WORDS & set(texts) else []
    for first, i, lemma in sorted(found_nouns + _hyphenated(doc, texts, lower) + spaced):
        t = doc[i]
        if first == 0 or doc[first - 1].lower_ not in _DETERMINERS:
            continue
        quoted = quoted_name(doc, i) if norm(lemma or t.lemma_) in QUOTED_NOUNS or norm(t.text) in QUOTED_NOUNS else None
        if quoted is not None:
            start, end = doc[quoted[0]].idx, doc[quoted[1] - 1].idx + len(doc[quoted[1] - 1])
            cued.append(Mention(start, end, text[start:end], text[start:end], "ORG", "ner"))
            nouns[start] = lemma or norm(t.lemma_)
            continue
        if not lower[i]:
            continue  # ("ONG" in capitals introduces a quoted name only)
        plural = "Plur" in t.morph.get("Number") if lemma is None else texts[i].endswith("s")
        j0 = _name_start(doc, t.i, plural)
        if j0 is None or (doc[j0].is_sent_start and (doc[j0].lower_ in _DETERMINERS or doc[j0 - 1].is_punct)):
            continue  # (the parser may open a sentence on a name right after its noun: "les collectifs Nous Autres")
        comma = doc[j0 - 1].text == ","
        if comma and first >= 2 and doc[first - 2].pos_ == "NOUN":
            continue  # "le fondateur du parti, X": a role in the body, then its holder
        capitals = (lemma or norm(t.lemma_)) in CAPITALS_ONLY or norm(t.text) in CAPITALS_ONLY
        for j, k in _listed_names(doc, j0, plural, res.calendar, res.given_names):
            while capitals and k - 1 > j and doc[k - 1].is_lower:
                k -= 1  # (no sentence-case tail after "marque", "application")
            first = doc[j]
            if comma and (k >= len(doc) or doc[k].text not in (",", "(", ".") or norm(first.text) in res.given_names
                          or (res.link and res.kb.lookup(doc[j:k].text, "PER"))):
                break  # after a comma, only a name closed as an apposition, and no person's
            if (k - j == 1 and (first.lower_ in _ARTICLES or first.pos_ == "PRON")) or norm(first.text) in res.stopwords \
                    or (k - j >= 2 and norm(first.text) in res.given_names and doc[j + 1].text[:1].isupper()):
                break  # "la société marocaine | Le viol …", "le site Internet", a person's name
            # The span never crosses a line break.
            while k - 1 > j and "\n" in text[doc[j].idx:doc[k - 1].idx]:
                k -= 1
            start, end = doc[j].idx, doc[k - 1].idx + len(doc[k - 1])
            if _sentence_cut(doc, k) and len(doc[k - 1].text) > 1:
                end -= 1  # "le réseau social X. La …": the full stop is the sentence's
            key = text[start:end]
            nkey = norm(key)
            if nkey in res.stopwords or (k - j == 1 and res.kb.lookup(key, "LOC") and not res.kb.lookup(key, "ORG")):
                break  # "le groupe Europe" names a place: leave it to the other rules
            cued.append(Mention(start, end, key, key, "ORG", "ner"))
            nouns[start] = lemma or norm(t.lemma_)
    if not cued:
        return names
    out: list[Mention] = []
    found: list[Mention] = []
    for m in names:
        key_start = m.end - len(m.key)  # (the surface may carry the classifier: "revue X")
        inside = [c for c in cued if c.start < m.end and key_start < c.end]
        if not inside:
            out.append(m)
        elif len(inside) == 1 and (inside[0].start, inside[0].end) == (key_start, m.end):
            m.label = "ORG"  # NER found the name: keep its reading, with the type
            cued.remove(inside[0])
            found.append(m)
            out.append(m)
        elif len(inside) == 1 and inside[0].end == m.end and nouns[inside[0].start] not in NAME_HEADS \
                and norm(text[key_start:inside[0].start].strip()) in CLASSIFIERS:
            m.key, m.label = inside[0].key, "ORG"  # "l'association X": the name is X
            cued.remove(inside[0])
            found.append(m)
            out.append(m)
        elif not all(c.start <= key_start and m.end <= c.end for c in inside):
            cued = [c for c in cued if c not in inside]  # NER's span runs past the name: keep NER's
            if m.label == "MISC" and len(inside) == 1 and m.start <= inside[0].start <= key_start + 4 \
                    and "\n" not in m.text:
                m.label = "ORG"  # "l'association Les Amis du lac": NER's MISC span is the whole name
                found.append(m)
            out.append(m)
    keys = {norm(c.key) for c in cued + found}
    for m in out:
        if norm(m.key) in keys and not m.kb_id:
            m.label = "ORG"
    return sorted(out + cued, key=lambda m: m.start)
