"""Mention finding from the NER: spaCy's entities, split where two names were glued, plus the
persons it left unlabelled; every span cleaned and filtered by ``spans.clean_span``, and none in
a foreign passage or in a clause made of another language's function words."""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ENT_TYPE, IS_ALPHA, ORTH

from veille.common.docarrays import token_columns, token_strings
from veille.common.fold import norm
from veille.entities.apposed_names import apposed_given_names
from veille.entities.branches import split_branch
from veille.entities.columns import clause_columns
from veille.entities.conjoined import split_conjoined
from veille.entities.decisions import Candidate, refused
from veille.entities.initials import initialled_ents
from veille.entities.mention import Mention
from veille.entities.name_shapes import glued_prefix_name as _glued_prefix_name
from veille.entities.non_names import clause_opener_cut
from veille.entities.particle_names import given_before, over_particles
from veille.entities.parties import party_mention, party_split
from veille.entities.resources import GRAMMAR, INSTITUTION_NOUNS, NER_LABELS, PARTICLES, EntityResources
from veille.entities.span_repairs import affiliation_split, trim_person, unglue_double
from veille.entities.spans import clean_span, role_noun_right_before
from veille.entities.titled_names import untitled
from veille.model import Article

_QUOTE_MARKS = frozenset('«»“”"„')
_OF_WORDS = frozenset({"de", "du", "d'", "d’"})
_ARTICLES = frozenset({"la", "l'", "l’"})
_LEADING_ARTICLE = re.compile(r"^(?:l['’]|la |le |les )", flags=re.I)


def _clause_bound(text: str) -> bool:
    """Whether a token (its text) ends a clause: a quotation mark, a sentence end or a paragraph
    break (the trailing space of ``text_with_ws`` is never a newline, so the text alone says it)."""
    return text in _QUOTE_MARKS or text in (".", "!", "?", "…") or "\n" in text


# Capitalised particles that open a surname even at the start of a sentence ("Van Aert a
# gagné"); "De", "Le", "La", "Du" there are more often an article or a preposition.
_SENTENCE_END = frozenset({".", "!", "?", "…", ":"})
_SURNAME_OPENERS = frozenset({"van", "von", "ben", "bin", "ibn", "el", "al", "abu", "mac", "ould", "da", "di", "del"})


def _name_word(res: EntityResources, t: Any) -> bool:
    """A capitalised word that may go on a person's name (not a civility, a weekday or month,
    a pronoun or a word NER gave to another kind of name)."""
    return bool(t.text[:1].isupper() and t.is_alpha and t.ent_type_ in ("", "PER") and t.pos_ not in ("PRON", "DET", "ADP")
                and norm(t.text) not in res.titles and norm(t.text) not in res.calendar
                and norm(t.text) not in res.stopwords)


def complete_person(res: EntityResources, doc: Any, text: str, m: Mention) -> Mention:
    """A person's name NER cut short, given back its missing parts: a given name before it
    ("d'Henri | Konan Bédié"), a particle ("toujours Van | Aert", "le général de | Gaulle" when
    the KB writes the surname with it), capitalised words after it on the same line ("Amina
    Kolo | Ndiaye.") and the part after a hyphen ("Alexandria Ocasio | -Cortez")."""
    key_start = m.end - len(m.key)
    span = doc.char_span(key_start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return m
    first, last = span.start, span.end
    if first >= 1 and _glued_prefix_name(doc[first - 1], doc[first]):
        first -= 1  # "M’ | jid Alaoui": the tokenizer read the name's "M’" as an elided "me"
    elif first >= 2 and _glued_prefix_name(doc[first - 2], doc[first - 1]):
        first -= 2  # "N’guessan | Yao Kouamé"
    elif first > 0:
        t = doc[first - 1]
        low = t.lower_.replace("’", "'")
        if t.text[:1].isupper() and not t.whitespace_ == "" and _name_word(res, t) and norm(t.text) in res.given_names \
                and norm(doc[first].text) not in res.given_names:
            first -= 1
        elif t.text[:1].isupper() and low in PARTICLES and (low in _SURNAME_OPENERS or not t.is_sent_start):
            first -= 1
        elif t.is_lower and low in ("de", "d'") and first - 2 >= 0 and doc[first - 2].is_lower and (
                (low == "de" and last - first == 1 and (norm(doc[first - 2].text) in res.titles
                                                        or norm(doc[first - 2].text) in res.person_heads)) or any(f" {low} {norm(doc[first].text)}".replace("' ", "'") in " " + norm(res.kb.name(c))
                        for c in res.kb.surnames.get(norm(doc[first].text), []))):
            # "le général de Gaulle", "M. de Villepin": after a title, or where the KB writes the
            # surname with its particle
            first -= 1
    if first == span.start:  # "Octave de la | Marvière" (``particle_names.py``)
        first = given_before(res, doc, first, lambda t: _name_word(res, t))
    last = over_particles(res, doc, first, last, lambda t: _name_word(res, t))  # "Octave | de la Marvière"
    added = 0
    while last < len(doc) and added < 2 and "\n" not in doc[last - 1].whitespace_:
        t = doc[last]
        if t.text == "-" and not doc[last - 1].whitespace_ and not t.whitespace_ and last + 1 < len(doc) \
                and _name_word(res, doc[last + 1]):
            last += 2
        elif doc[last - 1].whitespace_ and _name_word(res, t) and doc[last - 1].text not in _SENTENCE_END \
                and (t.pos_ == "PROPN" or t.lower_ not in res.dictionary) \
                and (norm(t.text) not in res.given_names or norm(doc[last - 1].text) in res.given_names):
            # (a given name after a surname opens the next person's name: "de Kassovitz | Romain X")
            last += 1
        else:
            break
        added += 1
    if (first, last) == (span.start, span.end):
        return m
    start = doc[first].idx
    end = doc[last - 1].idx + len(doc[last - 1])
    surf = min(m.start, start)
    return Mention(surf, end, text[surf:end], text[start:end], "PER", m.source, gender=m.gender)


def _country(kb: Any, name: str) -> bool:
    return any(i.startswith("country:") for i in kb.lookup(name, "LOC"))


class MentionFinder:
    """Name mentions of one Doc from the NER (see the module docstring)."""

    def __init__(self, res: EntityResources) -> None:
        self.res = res
        self._heads = res.org_heads | INSTITUTION_NOUNS  # nouns opening a body's name (``conjoined.py``)
        self._clause_doc: Any = None  # the Doc whose per-token clause data is cached below
        self._clause_bounds: list[bool] = []
        self._clause_foreign: list[int] = []
        self._clause_french: list[int] = []  # (running counts of the words of either kind)
        self._clause_before: list[int] = []  # per word, the last clause bound before it (-1: none)
        self._clause_after: list[int] = []  # per word, the first clause bound after it (len(doc): none)

    def ner_mentions(self, article: Article, doc: Any, text: str) -> list[Mention]:
        out: list[Mention] = []
        for ent, ner_label in initialled_ents(self.res, doc):  # "J. Varlin" (``initials.py``)
            label = ner_label if ner_label in NER_LABELS else None
            if not label:
                continue
            parts = [p for part, plabel in party_split(self.res, ent, label) for p in self.split_person_tail(part, plabel)]
            parts = [p for part, plabel in parts for p in self.split_org_chain(part, plabel)]
            parts = [p for part, plabel in parts for p in self.split_pair(part, plabel)]
            parts = [p for part, plabel in parts for p in split_branch(self.res, part, plabel, text)]
            parts = [p for part, plabel in parts for p in split_conjoined(part, plabel, self._heads)]
            for part, plabel in parts:
                # (a party's word split off a person's span is a name by its place: ``parties.py``)
                m = party_mention(self.res, part, text) if len(parts) > 1 and plabel == "ORG" else None
                m = m or clean_span(self.res, part, plabel, text)
                if m is None or self._refused(article, m, text, part[0], ("foreign", "mention")):
                    continue  # a foreign clause, a picture's file name, an event's name (``decisions.py``)
                m = clause_opener_cut(m)  # "Parlement | On l'oublie"
                if m.label == "PER":
                    m = complete_person(self.res, doc, text, m)
                    while out and m.start <= out[-1].start and out[-1].end <= m.end:
                        out.pop()  # a name part NER read apart ("Henri | Konan Bédié")
                m = unglue_double(m, text, self.res.dictionary)  # "Léa RoyLéa Roy": a link's copy
                if m is None:
                    continue
                m = trim_person(m, text, self.res.person_heads)  # "Léo Marin 9e", "Président Kim Su-bin"
                m = untitled(m, self.res.titles)  # "Me Valmont 9e": no title in the name (``titled_names.py``)
                if m is None:
                    continue
                if out and out[-1].start <= m.start and m.end <= out[-1].end:
                    continue  # already inside the previous span (extended over a particle)
                out.append(m)
        for span in self.unlabelled_persons(doc) + apposed_given_names(doc, self.res):
            m = clean_span(self.res, span, "PER", text)
            m = untitled(m, self.res.titles) if m is not None else None
            if m is not None and span[0].ent_type_ == "MISC":  # "Tom, leur fils": NER's thing is the person
                out = [o for o in out if (o.start, o.end, o.label) != (m.start, m.end, "MISC")]
            if m is not None and not self._refused(article, m, text, span[0], ("foreign",)) \
                    and not any(o.start < m.end and m.start < o.end for o in out):
                out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def unlabelled_persons(self, doc: Any) -> list[Any]:
        """"… de la Fédération de Russie Sergueï Riabkov a déclaré": a known given name followed by
        capitalised words the NER left outside every entity is a person's name. The word before
        must not be a capitalised word of its own (else the name may be part of a longer one,
        "Institut Jacques Delors"), unless it ends a name the KB knows (a role's organisation)."""
        given_names = self.res.given_names
        found = []
        i, n = 0, len(doc)
        # The first test reads the Doc's cached columns: a Token is built only for a given name.
        texts = token_strings(doc, ORTH)
        ent_types, alpha = token_columns(doc, (ENT_TYPE, IS_ALPHA))
        while i < n - 1:
            word = texts[i]
            if ent_types[i] or not word[:1].isupper() or not alpha[i] or norm(word) not in given_names:
                i += 1
                continue
            t = doc[i]
            j = i + 1
            while j < n and j - i <= 3 and not doc[j].ent_type_ and doc[j].text[:1].isupper() \
                    and (doc[j].is_alpha or "-" in doc[j].text):
                j += 1
            if j == i + 1:
                i += 1
                continue
            prev = doc[i - 1] if i else None
            ok = prev is None or not prev.text[:1].isupper() or not prev.is_alpha or t.is_sent_start
            if not ok and prev.ent_type_ and (prev.i + 1 == n or doc[prev.i + 1].ent_iob_ != "I"):
                ent = next((e for e in doc.ents if e.start <= prev.i < e.end), None)
                ok = ent is not None and bool(self.res.kb.lookup(_LEADING_ARTICLE.sub("", ent.text)))
            if ok:
                found.append(doc[i:j])
            i = j
        return found

    def _refused(self, article: Article, m: Mention, text: str, first: Any, phases: tuple[str, ...]) -> bool:
        """Whether a row of ``phases`` (``lexicons/entities/name_decisions.tsv``) refuses the mention."""
        cand = Candidate(self.res, m.key, m.label, m.start, m.end, text,
                         context={"article": article, "foreign_clause": lambda: self.foreign_clause(
                             first, m.end if m.label == "PER" else None)})
        return any(refused(phase, cand) for phase in phases)

    def _known_head(self, head: Any) -> bool:
        head_text = _LEADING_ARTICLE.sub("", head.text.strip())
        kb = self.res.kb
        return bool(kb.lookup(head_text)) or len(kb.descriptors.get(norm(head_text), [])) == 1

    def _proper_head(self, head: Any) -> bool:
        """Whether the words before a person's name are a proper name of their own ("la police
        de Las Pinas | Jaime Santos"): capitalised words, none of them a common word (the head
        noun of "Lycée Jean Moulin", "Stade Pierre Mauroy") or a given name (a longer person's
        name)."""
        res = self.res
        return all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in res.dictionary
                   and norm(t.text) not in res.given_names and norm(t.text) not in res.org_heads
                   and norm(t.text) not in INSTITUTION_NOUNS for t in head)

    def split_person_tail(self, ent: Any, label: str) -> list[tuple[Any, str]]:
        """"l'Alliance Jens Stoltenberg", "Fédération de Russie Sergueï Riabkov": an organisation
        or place span ending in "<given name> <Name>" is two names, the role's organisation and
        its holder (French drops the comma before the holder's name). Split only when the first
        part is a name the KB knows, so institutions named after people ("Institut Jacques
        Delors", "Centre Georges Pompidou") stay whole."""
        kb = self.res.kb
        if not self.res.link:
            return [(ent, label)]
        doc = ent.doc
        if label == "PER":  # (then "X Y des Z": the person without the group, ``span_repairs.py``)
            return [p for part, plabel in self.split_title_before_person(ent) for p in affiliation_split(kb, part, plabel)]
        if len(ent) == 1 and ent[0].text[:1].isupper() and not kb.lookup(ent.text) \
                and (norm(ent[0].text) in self.res.given_names or role_noun_right_before(self.res, ent[0])):
            # "la présidente lituanienne Dalia | Grybauskaite": the NER kept the given name alone
            # (as a thing); the capitalised words right after it are the rest of a person's name.
            j = ent.end
            while j < len(doc) and j - ent.end < 3 and doc[j].is_alpha and doc[j].text[:1].isupper() \
                    and not doc[j].ent_type_:
                j += 1
            if j > ent.end:
                return [(doc[ent.start:j], "PER")]
        if len(ent) < 3:
            return [(ent, label)]
        for k in range(ent.start + 1, ent.end - 1):
            # "l'Alliance en Irak": a known organisation and a known place joined by "en"/"au" is
            # a mission's whereabouts, not one name ("Mission des Nations unies en X" stays whole
            # when the KB does not know its first part)
            if doc[k].lower_ in GRAMMAR["within"] and not kb.lookup(ent.text):
                head, tail = doc[ent.start:k], doc[k + 1:ent.end]
                if self._known_head(head) and kb.lookup(tail.text, "LOC"):
                    return [(head, label), (tail, "LOC")]
                break
        toks = list(ent)
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        for i in range(1, len(toks) - 1):
            if norm(toks[i].text) not in self.res.given_names or not toks[i].text[:1].isupper():
                continue
            if not all(t.text[:1].isupper() or t.text in ("-",) or t.lower_ in PARTICLES
                       for t in toks[i + 1:]):
                continue
            head, tail = doc[ent.start:toks[i].i], doc[toks[i].i:toks[-1].i + 1]
            if kb.lookup(ent.text) or not (self._known_head(head) or self._proper_head(head)):
                return [(ent, label)]
            return [(head, label), (tail, "PER")]
        return [(ent, label)]

    def split_title_before_person(self, ent: Any) -> list[tuple[Any, str]]:
        """"explique à Gazetta Lucien, du collectif …" (invented): a person span opening with an
        organisation the KB knows (a newspaper, a party) and going on with a given name is the
        organisation and the person (French drops the comma there)."""
        kb, given = self.res.kb, self.res.given_names
        doc = ent.doc
        if len(ent) < 2 or kb.lookup(ent.text) or norm(ent[0].text) in given:
            return [(ent, "PER")]
        for k in range(ent.start + 1, min(ent.end, ent.start + 4)):
            t = doc[k]
            if t.text[:1].isupper() and norm(t.text) in given and kb.lookup(doc[ent.start:k].text, "ORG") \
                    and not kb.lookup(doc[ent.start:k].text, "PER"):
                return [(doc[ent.start:k], "ORG"), (doc[k:ent.end], "PER")]
        return [(ent, "PER")]

    def split_pair(self, ent: Any, label: str) -> list[tuple[Any, str]]:
        """"l'accord UE-Valdorie", "le sommet OTAN-Brescan" (invented): two parties joined by a
        hyphen, one of them an organisation the KB knows, are two names; so are two countries
        ("le commerce Chine-États-Unis", "la frontière Valdorie-Brescanie" once both are known),
        cut at the hyphen that leaves a country on either side (not when the KB knows the whole:
        "Guinée-Bissau", "Bosnie-Herzégovine"). An acronym in brackets with its region's letters
        after a hyphen ("(SSP-RN)") is one name, even when the KB knows the letters as another body."""
        kb = self.res.kb
        if not self.res.link or len(ent) < 3 or any(t.whitespace_ for t in ent[:-1]) \
                or not all(t.text == "-" if k % 2 else t.text[:1].isupper() for k, t in enumerate(ent)) \
                or len(ent) % 2 == 0 or kb.lookup(ent.text):
            return [(ent, label)]
        left, right = kb.lookup(ent[0].text, "ORG"), kb.lookup(ent[-1].text, "ORG")
        bracketed = f"({ent.text})" in ent.doc.text  # (spelled out once: every "SSP-RN" is that acronym)
        if len(ent) == 3 and (left or right) and not (bracketed and not (left and right)):
            # ("Syndicat … de la région de X (SSP-RX)": an acronym with its region's letters, one name)
            return [(ent[0:1], label), (ent[2:3], label)]
        for k in range(1, len(ent), 2):
            left, right = ent[:k], ent[k + 1:]
            if _country(kb, left.text) and _country(kb, right.text):
                return [(left, "LOC"), (right, "LOC")]
        return [(ent, label)]

    def split_org_chain(self, ent: Any, label: str) -> list[tuple[Any, str]]:
        """"Institut de santé globale de l'université de Genève", "Commission des comptes publics
        de la Chambre des communes": a body of another one, both named; NER read them as one
        span. Cut before the second institution noun (``lexicons/org_heads.tsv``) that follows
        "de"/"du"/"de la"/"de l'", unless the KB knows the whole name."""
        if label not in ("ORG", "LOC") or len(ent) < 4 or norm(ent[0].text) not in self.res.org_heads \
                or self.res.kb.lookup(ent.text):
            return [(ent, label)]
        for k in range(ent.start + 2, ent.end - 1):
            t = ent.doc[k]
            if t.lower_ not in _OF_WORDS:
                continue
            h = k + 1
            if ent.doc[h].lower_ in _ARTICLES and h + 1 < ent.end:
                h += 1
            if norm(ent.doc[h].text) in self.res.org_heads and h + 1 < ent.end:
                return [(ent.doc[ent.start:k], "ORG"), (ent.doc[h:ent.end], "ORG")]
        return [(ent, label)]

    def foreign_clause(self, span_start: Any, person_end: int | None = None) -> bool:
        """Whether a token sits in a clause made of another language's function words (an
        Italian or English quotation the language stage did not catch). A person's own lower-case
        particles (up to ``person_end``: "Odile van der Marchal", invented) are not counted."""
        # The clause: up to a quotation mark, a sentence end or a paragraph break (not the parser's
        # sentence bounds: it splits foreign text at odd places).
        doc = span_start.doc
        if self._clause_doc is not doc:  # once per doc, from the cached columns (``columns.py``)
            self._clause_doc = doc
            (self._clause_bounds, self._clause_foreign, self._clause_french, self._clause_before,
             self._clause_after) = clause_columns(doc, _clause_bound, self.res.foreign_words, self.res.french_words)
        # The clause: at most 40 words either side of i, not past a bound.
        i = span_start.i
        lo = max(0, i - 40, self._clause_before[i] + 1)
        hi = min(len(doc) - 1, i + 40, self._clause_after[i] - 1)
        foreign = self._clause_foreign[hi + 1] - self._clause_foreign[lo]
        if person_end is not None:
            foreign -= sum(1 for t in doc[i:i + 8] if t.idx < person_end and t.is_lower
                           and t.lower_ in PARTICLES and t.lower_ in self.res.foreign_words)
        french = self._clause_french[hi + 1] - self._clause_french[lo]
        return foreign >= 2 and foreign > french
