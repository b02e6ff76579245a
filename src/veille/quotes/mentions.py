"""Who is named where: entity mentions (with their role in the clause), names the entity stage
missed, and the descriptors written next to each person ("la ministre norvégienne X")."""

from __future__ import annotations

import re
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.common.names import NAME_PARTICLES
from veille.common.regexscan import whole_occurrences, word_joiner
from veille.model import Entity
from veille.quotes.state import ArticleState, Mention
from veille.quotes.words import ARTICLE_PREFIXES, COMPLEMENT_MARKERS, TITLE_BEFORE_NAME, TITLE_THEN_PARTICLE


def name_word(w: str) -> bool:
    """A word that can be part of a person's name: capitalised ("Haugland", "O'Connell"), or a
    particle glued to a capitalised part ("al-Hamdi", "el-Sissi")."""
    return w[:1].isupper() or bool(re.match(r"^[a-z]{1,3}-[A-ZÀ-Þ]", w))


_AFTER_DE = re.compile(r"(?:^|[\s'])(?:de|d'|du|des)\s*(?:la\s|l'|le\s|les\s)?$")


def find_mentions(state: ArticleState) -> list[Mention]:
    """Every mention of the article's entities (and of persons only the parser saw), with its role:
    subject, inside a quote, descriptor's complement."""
    out: list[Mention] = []
    text = state.text
    for ent in state.art.entities:
        spans = [tuple(sp) for sp in (ent.spans or []) if len(sp) == 2]
        if not spans:  # entities without offsets: find their mentions in the text
            for m in {ent.name, *ent.mentions}:
                if not m or len(m) < 2:
                    continue
                for hit in re.finditer(r"(?<!\w)" + re.escape(m) + r"(?!\w)", text):
                    spans.append((hit.start(), hit.end()))
        for s, e in spans:
            if 0 <= s < e <= len(text):
                out.append(Mention(s, e, ent, state.in_quote(s)))
    out += unlisted_occurrences(state, out)
    things: dict[int, bool] = {}  # id(entity) -> thing_named_person, read once per entity
    for m in out:
        if id(m.entity) not in things:
            things[id(m.entity)] = thing_named_person(state, m.entity, out)
    out = [m for m in out if not things[id(m.entity)]]
    first_names_as_people(state, out)
    out += parser_persons(state, out)
    out.sort(key=lambda m: (m.start, -m.end))
    for m in out:
        tok = state.tok_at(m.start)
        head = tok
        for _ in range(3):  # climb appositions and flat names to the phrase's role
            if head.dep_ in ("flat:name", "appos", "flat") and head.head.i != head.i:
                head = head.head
            else:
                break
        m.subject = head.dep_ in ("nsubj", "nsubj:pass", "obl:agent")
        # a name after "de" ("le porte-parole de X", "le président de la République") is the
        # complement of a descriptor: the phrase speaks of someone else
        before = bare(text[max(0, m.start - 12):m.start])
        m.complement = bool(_AFTER_DE.search(before)) \
            and not bare(text[m.start:m.end]).startswith(ARTICLE_PREFIXES) \
            and not TITLE_THEN_PARTICLE.search(text[max(0, m.start - 16):m.start])
        if asked_by(text, m.start):
            m.asked, m.subject = True, False
    return out


INTERVIEW_CUES = tuple(sorted(set().union(*lexicon.groups("quotes/interview_cues.tsv").values()), key=len, reverse=True))
_SPACE_RUN = re.compile(r"\s+")
_ARTICLE_END = re.compile(r" ?(?:(?<= )le|(?<= )la|(?<= )les|(?<= )l')$")


def asked_by(text: str, start: int) -> bool:
    """Example "Interrogée par Radio Vienne, elle estime que …" / "a-t-il dit au micro de Radio Vienne":
    the name at ``start`` follows words that make it the one who asked the question
    (``lexicons/quotes/interview_cues.tsv``), an outlet or a journalist, not a voice of the article."""
    before = _SPACE_RUN.sub(" ", bare(text[max(0, start - 40):start])).rstrip()
    before = _ARTICLE_END.sub("", before)  # "contacté par le Quotidien", "au micro de l'Écho"
    return before.endswith(INTERVIEW_CUES)


NAME_NEIGHBOUR = re.compile(r"[A-ZÀ-Þ][\w'’-]*")
NAME_BEFORE = re.compile(r"[A-ZÀ-Þ][\w'’-]* $")


def unlisted_occurrences(state: ArticleState, listed: list[Mention]) -> list[Mention]:
    """Example "Romain Petit a reçu la presse. […] Romain n'a pas attendu. « On y va », raconte-t-il.": a
    person's or organisation's name written again where the entity stage gave no span (often at a
    sentence's start) is a mention too, so that "il" and the next quotes go back to it. Only the exact
    capitalised forms the entity stage listed, standing alone (not a word of a longer name)."""
    text = state.text
    taken = sorted((m.start, m.end) for m in listed)
    out: list[Mention] = []
    for ent in state.art.entities:
        if ent.type not in ("PER", "ORG") or not ent.spans:
            continue
        for form in {ent.name, *ent.mentions}:
            if not form or len(form) < 3 or not form[:1].isupper():
                continue
            for s, e in whole_occurrences(text, form, word_joiner):  # no pattern compiled per form
                if s < state.body_start or any(a < e and s < b for a, b in taken):
                    continue
                before = text[max(0, s - 40):s]
                after = text[e:e + 40]
                if NAME_BEFORE.search(before):
                    continue  # "Jean Romain": a word of another name
                nxt = NAME_NEIGHBOUR.match(after[1:] if after[:1] == " " else "~")
                if nxt and (ent.type != "PER" or " " in form):
                    continue  # "Romain Gary" for a listed "Romain Petit"
                if nxt:  # "Petru Lucciani" where only "Petru" was listed: the same person in full
                    e += 1 + nxt.end()
                taken.append((s, e))
                out.append(Mention(s, e, ent, state.in_quote(s)))
    return out


PERSON_APPOSITIONS = lexicon.groups("quotes/person_appositions.tsv")["person"]
PERSON_CLUE = re.compile(r"^(?:\*|\s*,\s*(?:\d+|[a-z-]+)\s+ans\b|\s*,\s*(?:lui|elle)\s*,|"
                         r"\s*,\s*(?:(?:un|une|le|la|l'|sa|son)\s+)?([a-z-]+))")


def first_names_as_people(state: ArticleState, mentions: list[Mention]) -> None:
    """Example "Élodie, habitante du quartier, a préparé une banderole." / "Ousmane*, lui, a perdu son emploi.":
    people quoted by their first name alone (often changed, marked with an asterisk) are easily taken for
    places; a one-word name that is a known given name and is followed once by an age, an asterisk, a
    stressed pronoun or a noun describing a person speaks as a person (for the quote stage only)."""
    shadows: dict[int, Entity] = {}
    for m in mentions:
        ent = m.entity
        if ent.type != "LOC" or " " in ent.name.strip() or bare(ent.name) not in state.res.given_gender:
            continue
        if id(ent) not in shadows:
            clue = None
            for o in mentions:
                if o.entity is ent and not o.in_quote:
                    clue = clue or PERSON_CLUE.match(bare(state.text[o.end:o.end + 40]))
                    if clue and clue.group(1) and clue.group(1) not in PERSON_APPOSITIONS \
                            and clue.group(1) not in state.res.person_nouns:
                        clue = None
            shadows[id(ent)] = Entity(name=ent.name, type="PER", mentions=list(ent.mentions)) if clue else ent
        m.entity = shadows[id(ent)]


def thing_named_person(state: ArticleState, ent: Entity, mentions: list[Mention]) -> bool:
    """A PER entity only ever written as one capitalised word after an article ("la
    République", "la Justice") is a thing, not a person: it must never speak."""
    if ent.type != "PER" or " " in ent.name.strip():
        return False
    own = [m for m in mentions if m.entity is ent]
    if not own:
        return False
    for m in own:
        before = bare(state.text[max(0, m.start - 5):m.start])
        if not re.search(r"(?:^|\W)(?:la|le|les|du|l')\s*$", before):
            return False
    return True


ELIDED_WORD = re.compile(r"(?:C|D|J|L|M|N|S|T|Qu|Lorsqu|Puisqu|Jusqu)['’ʼ`´][a-zà-ÿ]")
_DETACHED = re.compile(r"\s*,\s*(?:il|elle|ils|elles|on)\s+[a-zà-ÿ]")


def _detached_opener(state: ArticleState, start: int, name: str) -> bool:
    """A single capitalised word opening its sentence, set off by a comma before a subject pronoun
    ("Tactile, elle palpe les tissus.", invented): an adjective or participle detached before the
    subject, not a name (a known given name stays a name: "Léa, elle sait")."""
    if bare(name) in state.res.given_gender or not state.tok_at(start).is_sent_start:
        return False
    return bool(_DETACHED.match(state.text, start + len(name)))


def parser_persons(state: ArticleState, known: list[Mention]) -> list[Mention]:
    """Persons the parser's NER saw but ``article.entities`` does not cover: a family name
    joins the listed person who bears it, else the name stands for itself. They only serve as
    antecedents and speakers when the entity stage missed someone."""
    out: list[Mention] = []
    people = [e for e in state.art.entities if e.type == "PER"]
    extra: dict[str, Entity] = {}
    for ent in state.doc.ents:
        if ent.label_ != "PER" or ent.start_char < state.body_start or state.in_quote(ent.start_char):
            continue  # words inside quotation marks (often foreign ones) are not names
        if any(m.start < ent.end_char and ent.start_char < m.end for m in known):
            continue
        if ent.start_char > 0 and state.text[ent.start_char - 1] in "#@":
            continue  # a hashtag or an account ("#MeToo"), as the entity stage reads it: nobody
        name = TITLE_BEFORE_NAME.sub("", ent.text.strip())
        # the NER span often runs on into the next words ("Zelensky during"): a name stops
        # at its first lower-case word that is not a particle
        kept: list[str] = []
        for w in name.split():
            if not name_word(w) and bare(w) not in NAME_PARTICLES:
                break
            kept.append(w)
        while kept and not name_word(kept[-1]):
            kept.pop()
        name = " ".join(kept)
        if " " not in name and bare(name) in state.res.person_nouns:
            continue  # a post alone ("le Roi a dit"): nobody's name; the descriptor rules find its holder
        if len(name) < 3 or not name[:1].isupper() or "\n" in name:
            continue
        if " " not in name and bare(state.text[ent.start_char + len(name):ent.start_char + len(name) + 5]) == " par ":
            continue  # "Contactée par Radio Vienne, elle …": a participle opening the sentence, not a name
        if " " not in name and _detached_opener(state, ent.start_char, name):
            continue  # "Tactile, elle palpe …", "Prudent, il attend": a word set before the subject, not a name
        if ELIDED_WORD.match(name):
            continue  # "Cʼest", "Lʼan": an elided word written with another apostrophe, not a name
        words = set(name.split())
        owner = next((e for e in people if words & set(e.name.split()) == words), None)
        if owner is None:
            owner = extra.setdefault(name, Entity(name=name, type="PER", mentions=[name]))
        off = ent.text.find(name)
        end = ent.start_char + off + len(name) if off >= 0 else ent.end_char
        out.append(Mention(ent.start_char, end, owner, state.in_quote(ent.start_char)))
    return out


def find_descriptors(state: ArticleState) -> dict[int, set[str]]:
    """For each PER entity (by id), the content words of the descriptors written next to its
    name ("le secrétaire d'État américain Antony Blinken", "Jens Stoltenberg, le chef …")."""
    out: dict[int, set[str]] = {}
    for m in state.mentions:
        if m.entity.type != "PER" or m.in_quote:
            continue
        tok = state.tok_at(m.start)
        words: set[str] = set()
        # name in apposition to a noun, or a noun in apposition to the name
        head = tok
        while head.dep_ in ("flat:name", "flat") and head.head.i != head.i:
            head = head.head
        nouns = []
        if head.dep_ in ("appos", "nmod") and head.head.pos_ == "NOUN":
            nouns.append(head.head)
        nouns += [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        # descriptor written right before the name without a comma
        j = tok.i - 1
        doc = state.doc  # (each word read once: a Token is built at every doc[j])
        while j >= 0 and (w := doc[j]).pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN") \
                and w.idx >= m.start - 80 and not w.ent_type_ == "PER":
            if w.pos_ in ("NOUN", "ADJ"):
                words.add(bare(w.lemma_))
            j -= 1
        if tok.i >= 2 and doc[tok.i - 1].text == ",":
            # "la maire de Marseille, Sandrine Bellec": the phrase before the comma
            k = tok.i - 2
            while k >= 0 and tok.i - k <= 9 and (w := doc[k]).pos_ in ("NOUN", "ADJ", "ADP", "DET", "PROPN"):
                if w.pos_ in ("NOUN", "ADJ", "PROPN"):
                    words.add(bare(w.lemma_))
                if w.pos_ == "DET" and doc[k - 1].pos_ != "ADP":
                    break
                k -= 1
        words |= _apposition_after(state, m.end)
        for n in nouns:
            for t in n.subtree:
                if t.idx < m.start or t.idx >= m.end:
                    if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.idx < m.start + 200:
                        words.add(bare(t.lemma_))
        if words:
            out.setdefault(id(m.entity), set()).update(words)
    return out


def _apposition_after(state: ArticleState, end: int) -> set[str]:
    """The nouns and adjectives of the phrase set after a name by a comma ("Paul Verlaque, neurologue
    lyonnais, …", invented), whatever the parser made of it (it often reads it as a conjunct); a person
    noun written right after the name without the comma."""
    doc = state.doc
    tok = state.tok_at(max(0, end - 1))
    j = tok.i + 1
    if j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower and (
            bare(doc[j].text) in state.res.person_nouns or bare(doc[j].lemma_) in state.res.person_nouns):
        # "Anne Roy professeure de lettres à Vienne" (invented): the comma the press often leaves out
        return {bare(doc[j].lemma_), bare(doc[j].text)}
    if j >= len(doc) or doc[j].text != ",":
        return set()
    j += 1
    if j < len(doc) and doc[j].pos_ == "DET" and doc[j].is_lower:
        j += 1
    if j >= len(doc) or doc[j].pos_ != "NOUN" or not doc[j].is_lower:
        return set()
    out: set[str] = set()
    for t in doc[j:min(len(doc), j + 6)]:
        if t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ"):
            break
        if t.pos_ in ("NOUN", "ADJ") and t.is_lower:
            out.add(bare(t.lemma_))
    return out


def known_surname(state: ArticleState, toks: list[Any], inside: list[Mention]) -> str | None:
    """A capitalised word of the subject, not covered by any mention, that is the family name
    of exactly one listed person (not after "de": "le porte-parole de X" is someone else)."""
    for t in toks:
        if not t.text[:1].isupper() or len(t.text) < 3 or any(m.start <= t.idx < m.end for m in inside):
            continue
        if t.i > 0 and bare(state.doc[t.i - 1].text) in COMPLEMENT_MARKERS:
            continue
        owners = {e.name for e in state.art.entities if e.type == "PER" and len(e.name.split()) >= 2
                  and bare(e.name.split()[-1]) == bare(t.text)}
        if len(owners) == 1:
            return owners.pop()
    return None


def unlisted_name(state: ArticleState, toks: list[Any], inside: list[Mention]) -> str | None:
    """A first name and a name that no entity covers, written in full: capitalised words
    ("Jean-Pierre", "O'Connell") and the particles between them ("Lefèvre de La Tour",
    "ben Salah al-Hamdi"), widened to the parser's own PER span when that is longer."""
    def cap(t: Any) -> bool:
        return name_word(t.text) and t.pos_ in ("PROPN", "NOUN", "X") and \
            all(ch.isalpha() or ch in "-'’" for ch in t.text) and bare(t.text) not in state.res.person_nouns

    name_run: list[Any] = []
    best: list[Any] = []
    i = 0
    while i <= len(toks):
        t = toks[i] if i < len(toks) else None
        if t is not None and not any(m.start <= t.idx < m.end for m in inside):
            if cap(t):
                name_run.append(t)
                i += 1
                continue
            # a particle counts only between two capitalised words
            if name_run and bare(t.text) in NAME_PARTICLES and i + 1 < len(toks) and cap(toks[i + 1]):
                name_run.append(t)
                i += 1
                continue
        if len(name_run) >= 2 and not best and not (
                name_run[0].i > 0 and bare(state.doc[name_run[0].i - 1].text) in COMPLEMENT_MARKERS):
            best = name_run  # (a name after "de" is a descriptor's complement: "le porte-parole de X")
        name_run = []
        i += 1
    if not best:
        return None
    s, e = best[0].idx, best[-1].idx + len(best[-1].text)
    for ent in state.doc.ents:
        if ent.label_ == "PER" and ent.start_char < e and s < ent.end_char and \
                ent.end_char - ent.start_char > e - s and not state.in_quote(ent.start_char):
            s, e = min(s, ent.start_char), max(e, ent.end_char)
    return TITLE_BEFORE_NAME.sub("", state.text[s:e].strip())
