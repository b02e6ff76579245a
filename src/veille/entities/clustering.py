"""Clustering mentions into the article's entities.

A cluster key is ``("kb", id)`` for a linked entity, else ``("name", folded name, type)``. A
surname alone or "M. Blinken" joins "Antony Blinken"; a given name alone joins the one person of
that given name; a person the KB does not know keeps the full name the article gives; surnames NER
missed are swept up once the full name is known.
"""

from __future__ import annotations

from veille.common.fold import norm, phonetic
from veille.common.regexscan import folded_word_char, whole_occurrences
from veille.entities.linking import Linker, given_similarity
from veille.entities.mention import Mention
from veille.entities.resources import NAME_SUFFIXES, PARTICLES, EntityResources
from veille.kb import name_words, split_name
from veille.model import Article

Clusters = dict[tuple, list[Mention]]


class Clusterer:
    """Groups an article's name mentions into entities (see the module docstring)."""

    def __init__(self, res: EntityResources, linker: Linker) -> None:
        self.res = res
        self.linker = linker

    def cluster(self, text: str, names: list[Mention], date: str | None,
                descs: list[Mention] | None = None) -> Clusters:
        """Groups name mentions into entities: by KB id, else by person surname, else by name."""
        kb, link, linker = self.res.kb, self.res.link, self.linker
        context = {m.kb_id for m in names if m.kb_id}
        clusters: Clusters = {}
        # Full names first so that a surname alone can join them whatever the order.
        # (longest first, so that "Konan Bédié" finds "Henri Konan Bédié" whatever the order.)
        order = sorted(names, key=lambda m: (len(name_words(m.key)) < 2, -len(name_words(m.key)), m.start))
        for m in order:
            if link and m.kb_id is None and m.label in ("PER", "MISC") and len(name_words(m.key)) >= 2:
                pid = linker.fuzzy_person(text, m, context, date, descs or [])
                if pid:
                    m.kb_id = pid
                    context.add(pid)
            if m.kb_id is None and m.kb_ids:
                m.kb_id = linker.disambiguate(m, context, date)
        persons: list[tuple[tuple, str, str, str]] = []  # (cluster key, surname, phonetic surname, given)
        first_at: dict[str, int] = {}  # one-word name -> where the article first writes it
        for m in sorted(names, key=lambda m: m.start):
            first_at.setdefault(norm(m.key), m.start)
        for m in order:
            words = name_words(m.key)
            if m.kb_id:
                key = ("kb", m.kb_id)
            elif len(words) == 1 and m.label in ("PER", "LOC", "ORG", "MISC"):
                key = join_surname(m, words[0], persons, clusters)
                if key is None and m.label == "PER" and words[0] in self.res.given_names:
                    key = join_initialled(words[0], first_at.get(norm(m.key), m.start), persons, clusters)
                if key is None and link and not m.kb_ids:
                    pid = linker.surname_person(m, context, date)
                    if pid:
                        m.kb_id = pid
                        key = ("kb", pid)
                if key is None:
                    key = ("name", norm(m.key), m.label)
            elif m.label == "PER":
                key = join_person(m, persons) or ("name", norm(m.key), "PER")
            else:
                key = surname_tail(m, words, persons) or ("name", norm(m.key), m.label if m.label != "MISC" else "ORG")
            clusters.setdefault(key, []).append(m)
            etype = kb.entries[m.kb_id]["type"] if m.kb_id else m.label
            if etype == "PER" and len(words) >= 2:
                fulls = {m.key} | ({kb.name(m.kb_id)} if m.kb_id else set())
                for full in fulls:
                    given, sur = split_name(full)
                    persons.append((key, sur, phonetic(sur), given))
                    bare = without_suffix(full)
                    if bare != full:
                        given, sur = split_name(bare)
                        persons.append((key, sur, phonetic(sur), given))
        return clusters

    def full_names(self, clusters: Clusters) -> None:
        """A person the KB does not know keeps the full name the article gives: "Dupont" read as a
        person joins "Amélie Dupont" even when NER typed the full name as a place or MISC."""
        # (a surname of two words, "El Guerrab" after "M'jid El Guerrab", joins the same way)
        singles = [k for k in clusters if k[0] == "name" and k[2] == "PER"
                   and (len(name_words(k[1])) == 1 or _particle_surname(k[1]))]
        if not singles:
            return
        not_names = self.res.org_heads | self.res.generic_heads | self.res.name_modifiers
        fulls: dict[str, list[tuple]] = {}
        for k, ms in clusters.items():
            if k[0] != "name" or len(name_words(k[1])) < 2:
                continue
            key = next((m.key for m in ms if m.source == "ner"), None)
            if not key or not all(w[:1].isupper() or w.lower() in PARTICLES for w in key.split()):
                continue
            if norm(key.split()[0]) in not_names:
                continue
            fulls.setdefault(split_name(key)[1], []).append(k)
        for k in singles:
            cands = [c for c in fulls.get(k[1], []) if c != k]
            if len(cands) != 1 or cands[0] not in clusters:
                continue
            full = cands[0]
            clusters[k].extend(clusters.pop(full))
            for m in clusters[k]:
                m.label = "PER" if m.source == "ner" else m.label

    def name_parts(self, clusters: Clusters) -> None:
        """One word of a person's name read apart as a place or an organisation ("Maëlle" in a
        title above "Maëlle Tardif", "Kossi" after "Ama Kossi Lawson", all invented) is that
        person: an unlinked one-word name joins the one person of the article whose name has
        that word (given name, middle name or surname)."""
        kb = self.res.kb
        words: dict[str, set[tuple]] = {}
        for k, ms in clusters.items():
            if k[0] == "kb" and kb.entries[k[1]]["type"] != "PER" or k[0] == "name" and k[2] != "PER":
                continue
            fulls = {m.key for m in ms if m.source == "ner"} | ({kb.name(k[1])} if k[0] == "kb" else set())
            for full in fulls:
                parts = name_words(full)
                if len(parts) >= 2:
                    for w in parts:
                        words.setdefault(w, set()).add(k)
        self._split_fused(clusters, words)
        singles = [k for k in clusters if k[0] == "name" and k[2] != "PER" and len(name_words(k[1])) == 1
                   and k[1] not in self.res.org_heads and k[1] not in self.res.dictionary]
        for k in singles:
            owners = words.get(k[1], set())
            if len(owners) != 1 or k not in clusters:
                continue
            owner = next(iter(owners))
            if owner not in clusters:
                continue
            for m in clusters[k]:
                m.label = "PER"
            clusters[owner].extend(clusters.pop(k))

    @staticmethod
    def _split_fused(clusters: Clusters, words: dict[str, set[tuple]]) -> None:
        """"le trio Morel-Varin-Lebrun" (invented): surnames of people the article names, joined by
        hyphens into one word, are a mention of each of them, not a name of its own."""
        for k in [k for k in clusters if k[0] == "name"]:
            ms = clusters[k]
            key = ms[0].key
            parts = key.split("-")
            if len(parts) < 2 or " " in key or any(m.key != key for m in ms) \
                    or not all(p[:1].isupper() for p in parts):
                continue
            owners = [words.get(norm(p), set()) for p in parts]
            if not all(len(o) == 1 for o in owners) or len({next(iter(o)) for o in owners}) != len(parts) \
                    or any(next(iter(o)) not in clusters or next(iter(o)) == k for o in owners):
                continue
            for m in clusters.pop(k):
                at = m.end - len(key)
                for part, owner in zip(parts, owners, strict=True):
                    clusters[next(iter(owner))].append(
                        Mention(at, at + len(part), part, part, "PER", m.source))
                    at += len(part) + 1

    def surname_sweep(self, article: Article, text: str, ntext: str, clusters: Clusters) -> None:
        """Surnames NER missed once the full name is known: "Hélène Vasquier ... Vasquier a dit"."""
        kb = self.res.kb
        taken = sorted((m.start, m.end) for ms in clusters.values() for m in ms)
        for key, ms in list(clusters.items()):
            if key[0] == "kb":
                if kb.entries[key[1]]["type"] != "PER":
                    continue
                full = [kb.name(key[1])]
            elif key[2:] == ("PER",):
                full = [m.key for m in ms if m.source == "ner"]
            else:
                continue
            surnames = {split_name(f)[1] for f in full if len(name_words(f)) >= 2}
            # Longest first, in a fixed order: "le maire" before "maire", whatever the hash seed.
            for sur in sorted(surnames, key=lambda s: (-len(s), s)):
                if len(sur) < 3 or sur not in ntext:
                    continue
                for a, b in whole_occurrences(ntext, sur, folded_word_char):  # no pattern compiled per name
                    if not any(c.isupper() for c in text[a:b]) or any(x < b and a < y for x, y in taken):
                        continue
                    if article.in_foreign(a, b):
                        continue
                    ms.append(Mention(a, b, text[a:b], text[a:b], "PER", "sweep"))
                    taken.append((a, b))


def without_suffix(name: str) -> str:
    """A person name without the generational suffix after its surname ("Bastien Lunel Jr."
    -> "Bastien Lunel"), when two words are left; else the name as given."""
    words = name.split()
    if len(words) >= 3 and norm(words[-1].rstrip(".")) in NAME_SUFFIXES:
        return " ".join(words[:-1])
    return name


def _particle_surname(name: str) -> bool:
    """Whether a folded name of two words is a surname opened by its particle ("el guerrab",
    "van aert")."""
    words = name.split()
    return len(words) == 2 and words[0] in PARTICLES


def join_surname(m: Mention, word: str, persons: list, clusters: Clusters) -> tuple | None:
    """The person cluster a surname alone belongs to (nearest full name before it, else any)."""
    ph = phonetic(word)
    # (a surname opened by an elided particle, "Lucien D'Haneau", is "Haneau" alone once the
    # sentence-initial "D'" is read as a preposition)
    hits = [p for p in persons if p[1] == word or p[2] == ph or p[1].endswith((" " + word, "'" + word))]
    if not hits and m.label in ("PER", "MISC"):
        # A given name alone ("Vladimir" after "Vladimir Poutine") is that person, also spelt
        # with one letter more or less when the name is long ("Khadidja" for "Khadija Oumar").
        hits = [p for p in persons if p[3] and p[3].split()[0] == word]
        if not hits and len(word) >= 6:
            hits = [p for p in persons if p[3] and one_edit(word, p[3].split()[0])
                    and len(p[3].split()[0]) >= 6]
        if len({p[0] for p in hits}) != 1:
            return None
    if not hits:
        return None
    if m.label != "PER" and not m.gender:
        # NER read a surname as a place or an organisation: join only on an exact surname.
        hits = [p for p in hits if p[1] == word or p[1].endswith((" " + word, "'" + word))]
        if not hits:
            return None
    keys = []
    for p in hits:
        if p[0] not in keys:
            keys.append(p[0])
    if len(keys) == 1:
        return keys[0]
    before = [k for k in keys if any(x.start < m.start for x in clusters.get(k, []))]
    return before[-1] if before else keys[0]


def join_initialled(given: str, since: int, persons: list, clusters: Clusters) -> tuple | None:
    """The person a given name written alone takes up when the article names them by initials only
    ("K. Ourmadi …, Khadija …", invented): the one person whose initials are its letters, named
    before the given name is first written (a given name seen first is someone else's: a child
    named before the parent "C. Varlin")."""
    # (folded initials have lost their points: "k", "j p")
    keys = {p[0] for p in persons if p[3] and all(len(w) == 1 for w in p[3].split())
            and given_similarity(given, p[3]) == 1.0}
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    return key if any(x.start < since for x in clusters.get(key, [])) else None


def surname_tail(m: Mention, words: list[str], persons: list) -> tuple | None:
    """The person whose name ends with a name of two or three words NER read as a place or an
    organisation ("Varlin Osorio" after "Théo Andrés Varlin Osorio", "El Mansour" after "Karim El
    Mansour", invented): a compound surname used alone, one person's only. The mention becomes
    that person's."""
    if m.kb_ids or not 2 <= len(words) <= 3 or not all(w[:1].isupper() or w.lower() in PARTICLES
                                                        for w in m.key.split()):
        return None
    keys = {key for key, psur, _, pgiven in persons
            if len(full := f"{pgiven} {psur}".split()) > len(words) and full[-len(words):] == words}
    if len(keys) != 1:
        return None
    m.label = "PER"
    return next(iter(keys))


def one_edit(a: str, b: str) -> bool:
    """Whether two different words differ by one inserted, deleted or replaced letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def join_person(m: Mention, persons: list) -> tuple | None:
    """An unlinked full name joins a person of the article with its surname and close given names."""
    given, sur = split_name(m.key)
    words = name_words(m.key)
    whole = " ".join(words)
    for key, psur, _, pgiven in persons:
        # A surname with its particle alone ("M. Le Bret", "Van Aert") is the whole surname.
        if psur == whole or (psur == sur and given_similarity(given, pgiven) >= 0.75):
            return key
    for key, psur, _, pgiven in persons:
        # A surname misspelt once in the article ("Viola Amerd" for "Viola Amherd"): same given
        # name, one letter added, dropped or changed in a long surname.
        if given and given == pgiven and min(len(sur), len(psur)) >= 5 and one_edit(sur, psur):
            return key
    for key, psur, _, pgiven in persons:
        # Part of a longer name given in the article: "Konan Bédié" after "Henri Konan Bédié",
        # "Amina Kolo" after "Amina Kolo Ndiaye" (names of several given names or surnames are
        # often shortened so).
        full = f"{pgiven} {psur}".split()
        if len(words) >= 2 and len(full) > len(words) and any(
                full[i:i + len(words)] == words for i in range(len(full) - len(words) + 1)):
            return key
    return None
