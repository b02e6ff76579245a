"""A person written with the family name in capitals: "Octave LEMARIN", "Anne LE GOFF", "Paul
DE VARLIN" (invented names). Press releases, lists of signatories and many francophone outlets set
the surname so; NER, trained on mixed case, misses such a name or glues a word onto it ("Intérieur
Octave LEMARIN"). A known given name (``EntityResources.given_names``) followed by a surname in
capitals (one to three words: "DAL VERNO") is a person mention whose key writes the surname in mixed case ("Octave Lemarin"), so the
person clusters with "M. Lemarin", is linked to the knowledge base and is named as a name; the
surname in capitals alone elsewhere ("LEMARIN a répondu") is a mention of it too. A given name the
list lacks opens such a name when NER read exactly those words as a name of any type and the capitals
spell a word (not "Groupama FDJ"). A mention NER made
over the same words is replaced. A capitalised acronym after a given name ("Jean ONU") is no surname:
the surname word has three letters or more, is no word the stage refuses as a name (``stopwords``:
common acronyms) and no organisation or place of the knowledge base.
"""

from __future__ import annotations

import re

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.common.regexscan import FastSearch
from veille.entities.mention import Mention
from veille.kb import KB

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
# particles set in capitals inside a surname: "LE GOFF" keeps "Le", "DE VARLIN" writes "de"
_PARTICLES = rows("entities/surname_particles.tsv", min_columns=2)
# (the press also writes the particle in lower case before the capitals: "Jean de LA VARLIN", "Ilse van
# der MEULEN"; the lower-case forms of the same rows)
_PARTICLE = "(?:" + "|".join(re.escape(p) for p in sorted({f for p, *_ in _PARTICLES for f in (p, p.lower())},
                                                         key=lambda p: (-len(p), p))) + ")"
_LOWER_PARTICLES = frozenset(p.lower() for p, how, *_ in _PARTICLES if how == "lower")
_LOWER_FORMS = "|".join(re.escape(p) for p in sorted(_LOWER_PARTICLES, key=lambda p: (-len(p), p)))
_SURNAME_WORD = rf"[{_UP}](?:[{_UP}]|['’-][{_UP}])+"
_NAME = re.compile(
    rf"(?<![\w’'-])(?P<given>[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?)[ \u00a0]+"
    rf"(?P<surname>(?:{_PARTICLE}(?:[ \u00a0]+|(?<=['’])))*{_SURNAME_WORD}(?:[ \u00a0]+{_SURNAME_WORD}){{0,2}})"
    rf"(?![\w’'-])")
_NAME_SCAN = FastSearch(_NAME)  # (the same matches: re skips to the capitals in C)
_WORD_GAP = re.compile(r"[ \u00a0]+")


def mixed_case(surname: str) -> str:
    """"LE GOFF" -> "Le Goff", "DE VARLIN" -> "de Varlin", "O'DONNELL" -> "O'Donnell",
    "DUPOND-MORETTI" -> "Dupond-Moretti"."""
    words = surname.split()
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        if i < len(words) - 1 and lower in _LOWER_PARTICLES:
            out.append(lower)
            continue
        if lower[:2] in ("d'", "d’") and len(lower) > 2 and word[:1] == "d":  # "d'ARVEL" as written: "d'Arvel"
            out.append(lower[:2] + lower[2:].capitalize())
            continue
        out.append(re.sub(rf"[{_UP}{_LOW}]+", lambda m: m.group(0).capitalize(), lower))
    return " ".join(out)


def _surname_ok(surname: str, not_names: frozenset[str], kb: KB | None) -> bool:
    last = re.split(r"[ \u00a0'’]", surname)[-1]
    letters = re.sub(r"[^\w]", "", last)
    if len(letters) < 3 or norm(last) in not_names:
        return False
    return kb is None or not any(kb.entries[i]["type"] != "PER" for i in kb.lookup(last))


_VOWELS = re.compile(r"[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ü]")


def _spelt_word(surname: str) -> bool:
    """Whether capitals read as a word, not an acronym: four letters or more with two vowels or more
    ("CHERKI", not "RATP"), or a consonant, a vowel, a consonant ("YAN", not "FDJ", "SFR")."""
    letters = re.sub(r"[^\w]", "", surname)
    if len(letters) == 3:
        return [bool(_VOWELS.match(c)) and c != "Y" for c in letters] == [False, True, False]
    return len(letters) >= 4 and len(_VOWELS.findall(surname)) >= 2


_GIVEN_BEFORE = re.compile(rf"([{_UP}][{_LOW}’']*(?:-[{_UP}][{_LOW}]+)?)[ \u00a0]+$")
MAX_GIVEN = 3  # "Henri Konan BÉDIÉ", "Luis Ricardo FALERO": given names before the one the match holds


def _given_start(text: str, start: int, names: list[Mention], given_names: frozenset[str],
                 not_given: frozenset[str]) -> int:
    """Where the given names open: further left over the capitalised words before ``start`` that are
    given names, or that a person mention of NER opens on and ``not_given`` (the dictionary's words and
    the civilities) does not hold ("Fanny Estelle X"; not "Kurde Mahsa X", "Intérieur Gérald X", "Mme Anne X")."""
    ner_starts = {n.start for n in names if n.label == "PER" and n.start < start < n.end}
    for _ in range(MAX_GIVEN - 1):
        m = _GIVEN_BEFORE.search(text, max(0, start - 40), start)
        if m is None:
            break
        word = norm(m.group(1).split("-")[0])
        if word in given_names or (m.start() in ner_starts and word not in not_given):
            start = m.start()
        else:
            break
    return start


def _alone_forms(surname: str) -> str:
    """The pattern of a capital surname written alone: as in the full name, its particles in capitals
    ("du MORVAL" -> "DU MORVAL"), or without the lower-case particles before the capitals ("de LA
    VARLIN" -> "LA VARLIN", "de VARLIN" -> "VARLIN", "d'ARVEL" -> "ARVEL": French drops "de" before a
    surname written alone)."""
    forms = {surname, surname.upper()}
    bare = re.sub(rf"^(?:(?:{_LOWER_FORMS})(?:[ \u00a0]+|(?<=['’])))+", "", surname)
    if bare != surname and bare.upper() == bare and re.search(rf"[{_UP}]{{3}}", bare):
        forms.add(bare)
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def capital_surnames(text: str, names: list[Mention], given_names: frozenset[str],
                     not_names: frozenset[str], kb: KB | None = None,
                     not_given: frozenset[str] = frozenset()) -> list[Mention]:
    """``names`` with every "Given SURNAME" person of the text a mention (see the module), and its
    surname in capitals alone wherever else the text writes it (unless two persons found share it);
    NER mentions overlapping them go."""
    found: list[tuple[Mention, str, str]] = []  # (mention, given names, surname as written)
    # a given name the list lacks ("Nora", "Ilkay") still opens a name NER read over exactly those
    # words, whatever it typed them (it often reads "Nora CHERKI" as a place), unless it is a common
    # word or the capitals look like an acronym ("Groupama FDJ", "Webmail SFR": short, few vowels)
    ner_spans = {(n.start, n.end) for n in names if n.source == "ner"}
    for m in _NAME_SCAN.finditer(text):
        given, surname = m.group("given"), m.group("surname")
        first = norm(given.split("-")[0])
        if first not in given_names and ((m.start(), m.end()) not in ner_spans or first in not_given
                                         or not _spelt_word(surname)):
            continue
        # a double surname ("DAL BUSCO") keeps its words; an acronym after the name ("LEMARIN PDG") does not
        words = _WORD_GAP.split(surname)
        while words and not _surname_ok(words[-1], not_names, kb):
            words.pop()
        if not words or all(re.fullmatch(_PARTICLE, w) for w in words):
            continue
        last = list(_WORD_GAP.finditer(surname))  # (where each kept word ends in the text)
        end = m.start("surname") + (last[len(words) - 1].start() if len(words) <= len(last) else len(surname))
        surname = text[m.start("surname"):end]
        start = _given_start(text, m.start(), names, given_names, not_given)
        given = " ".join(text[start:m.start("surname")].split())
        key = f"{given} {mixed_case(surname)}"
        found.append((Mention(start, end, text[start:end], key, "PER", "ner"), given, surname))
    if not found:
        return names
    mentions = [f for f, _, _ in found]
    taken = [(f.start, f.end) for f in mentions]
    givens: dict[str, set[str]] = {}
    for _, given, surname in found:
        givens.setdefault(surname, set()).add(given)
    for surname in [s for s, names_of in givens.items() if len(names_of) == 1]:
        for m in re.finditer(rf"(?<![\w’'-])(?:{_alone_forms(surname)})(?![\w’'-])", text):
            before = _GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if before is not None and norm(before.group(1)) not in not_given:
                continue  # another given name before it ("Malamine CAMARA" beside "Richard CAMARA"): not this person
            if not any(s <= m.start() < e for s, e in taken):
                mentions.append(Mention(m.start(), m.end(), m.group(0), mixed_case(surname), "PER", "ner"))
                taken.append(m.span())
    kept = [n for n in names if not any(n.start < e and s < n.end for s, e in taken)]
    return sorted(kept + mentions, key=lambda x: x.start)
