"""Events: who did what to whom, coded as PLOVER types over the shared spaCy Doc.

The coder reads the parse the pipeline already made (no second spaCy call) and the fields the
earlier stages filled: ``entities`` (canonical names, spans, ``actor`` for metonymy), ``times``,
``quantities`` and ``quotes``. Everything language-specific is data:

* ``lexicons/event_triggers.tsv``: trigger verbs, nouns and phrases per PLOVER type, with the
  constraints that keep them precise (``renforcer`` is MOBILIZE only with troops or a presence);
* ``lexicons/event_modes.tsv``: cues of intent, possibility, negation, support verbs, speech verbs,
  the prepositions that carry targets and places, and nouns naming posts;
* ``lexicons/event_actors.tsv``: demonyms and capitals standing for countries (the shared KB's
  demonyms, capitals and the offices people hold are added when the KB is available).

For each sentence the coder finds triggers, takes the source and target from the dependency tree
(subject / ``par`` agent, object / ``à`` / ``avec`` / ``contre``, ``de X`` and demonyms of nouns,
antecedents of ``qui``, controllers of infinitives, pronouns resolved to the last compatible
subject), resolves them to canonical actors, then attaches a mode, a date, a place and the
quantities of the trigger's clause. Events whose happening the text does not assert (a requested,
a merely possible, an alleged ("accuse X d'avoir ...") or a denied action) are coded but not
recorded: the REQUEST, the ACCUSE or the speaker's words are; a denied intention ("ne livrera pas",
"aucun soldat ne serait envoyé") is recorded as a REJECT by its actor or the reporting speaker.
An action reported in a passive clause without agent ("X a annoncé que des troupes seraient
déployées") is the speaker's; a protest by an unnamed crowd keeps a null source.
One record per event per article: the same type, source (a person and the body they act for
count as one) and target told twice, or in the headline and the body, are merged.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.attrs import IDX

from veille.model import Article, Entity, Event, Quantity

log = logging.getLogger(__name__)
LEXICONS = Path(__file__).resolve().parent / "lexicons"
ACTOR_TYPES = ("PER", "ORG", "LOC")
# Modes recorded in the article; "demanded" and "hypothetical" events are not asserted facts, and a
# denied event is no event (a denied intention is recorded as a REJECT, see Coder._refusals).
RECORDED_MODES = frozenset({"fact", "intent"})
# A denied act of these types is coded as a refusal (REJECT) when it is an intention, not a past fact.
REFUSABLE = frozenset({"AID", "MOBILIZE", "AGREE", "SUPPORT", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"})
MODE_RANK = {"negated": 4, "demanded": 3, "hypothetical": 2, "intent": 1, "fact": 0}

_APOS = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELIDED = {"d'": "de", "l'": "le", "la": "le", "les": "le", "s'": "se", "n'": "ne", "qu'": "que",
           "j'": "je", "m'": "me", "t'": "te", "jusqu'": "jusque", "du": "de", "des": "de", "au": "à",
           "aux": "à"}
_REFLEXIVE = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous"}
_CLAUSAL = {"ccomp", "acl:relcl", "advcl", "parataxis", "csubj", "conj", "acl"}
_SUBJ = ("nsubj", "nsubj:pass")
_CORE = {"obj", "iobj", "nsubj", "nsubj:pass", "xcomp", "obl:arg"}
_PERSONAL = {"il", "elle", "ils", "elles", "lui", "eux", "la", "le", "les", "leur"}


@functools.lru_cache(maxsize=131072)
def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().translate(_APOS).strip()


@functools.lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    lem = _fold(word)
    return _ELIDED.get(lem, lem)


def lemma(tok: Any) -> str:
    """Normalized lemma: lower case, one apostrophe, elided articles and prepositions spelled out."""
    return _norm(tok.lemma_ or tok.text)


# ------------------------------------------------------------------------------------------------
# Lexicons


@dataclass
class Trigger:
    type: str
    kind: str  # verb | noun | phrase
    words: tuple[str, ...]
    reflexive: bool = False
    obj: frozenset[str] = frozenset()
    obj_actor: str | None = None  # "PER" / "ACTOR": the object must be a person / an actor
    noobj: bool = False
    de_role: str = "agent"
    recv: bool = False
    neg_type: str | None = None  # "-": a negated trigger is no event ("n'a pas exclu")
    absorb: bool = False
    any: frozenset[str] = frozenset()  # lemmas required anywhere among the non-subject dependents

    @property
    def constrained(self) -> bool:
        return bool(self.obj or self.obj_actor or self.any or self.recv)


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    phrases: dict[str, list[Trigger]] = field(default_factory=dict)  # first word -> phrases
    cues: dict[str, set[str]] = field(default_factory=dict)  # kind -> words
    target_preps: dict[str, set[str]] = field(default_factory=dict)
    object_target_types: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)

    def cue(self, kind: str) -> set[str]:
        return self.cues.get(kind, set())


def _rows(path: Path) -> Iterable[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _plural_forms(word: str) -> set[str]:
    out = {word}
    if not word.endswith(("s", "x")):
        out.add(word + "s")
    return out


def _expand(spec: str, classes: dict[str, set[str]]) -> set[str]:
    out: set[str] = set()
    for item in spec.split("|") if spec else []:
        out |= classes.get(item[1:], set()) if item.startswith("@") else {_fold(item)}
    return out


def load_lexicon(directory: Path = LEXICONS) -> Lexicon:
    """Reads the three event lexicons (done once per pipeline, in the stage's ``__init__``)."""
    lex = Lexicon()
    classes: dict[str, set[str]] = {}
    rows = list(_rows(directory / "event_triggers.tsv"))
    for row in rows:
        if row[0] == "@class":
            classes[row[1]] = {_fold(w) for w in row[2].split("|")}
    for row in rows:
        if row[0] == "@class":
            continue
        etype, kind, pattern = row[0], row[1], _fold(row[2])
        opts = dict(o.split("=", 1) for o in (row[3].split(",") if len(row) > 3 and row[3] else []))
        reflexive = False
        if kind == "verb" and (pattern.startswith("se ") or pattern.startswith("s'")):
            reflexive, pattern = True, pattern[3:] if pattern.startswith("se ") else pattern[2:]
        obj: set[str] = set()
        obj_actor = None
        for item in opts.get("obj", "").split("|") if opts.get("obj") else []:
            names = [item]
            if item.startswith("@") and item[1:] in classes:
                names = list(classes[item[1:]])
            for name in names:
                if name.upper() in ("@PER", "@ACTOR"):
                    obj_actor = "PER" if name.upper() == "@PER" and obj_actor != "ACTOR" else "ACTOR"
                else:
                    obj.add(name)
        trig = Trigger(etype, kind, tuple(pattern.split()), reflexive, frozenset(obj), obj_actor,
                       opts.get("noobj") == "1", opts.get("de", "agent"), opts.get("recv") == "1",
                       opts.get("neg"), opts.get("absorb") == "1",
                       frozenset(_expand(opts.get("any", ""), classes)))
        table = {"verb": lex.verbs, "noun": lex.nouns, "phrase": lex.phrases}[kind]
        key = trig.words[0] if kind == "phrase" else pattern
        table.setdefault(key, []).append(trig)
    for row in _rows(directory / "event_modes.tsv"):
        kind, word = row[0], _fold(row[1])
        if kind == "target":
            lex.target_preps[row[1]] = {_fold(p) for p in row[2].split("|")}
        elif kind == "objtarget":
            lex.object_target_types.add(row[1])
        else:
            lex.cues.setdefault(kind, set()).add(word)
    for row in _rows(directory / "event_actors.tsv"):
        kind, forms, canonical = row[0], row[1].split("|"), row[2]
        lex.countries.add(canonical)
        for form in forms:
            if kind == "demonym":
                for f in _plural_forms(_fold(form)):
                    lex.demonyms[f] = canonical
            elif kind == "capital":
                lex.capitals[_fold(form)] = canonical
    return lex


# ------------------------------------------------------------------------------------------------
# The coder


@dataclass
class Actor:
    name: str
    kind: str  # PER / ORG / LOC
    token: int  # token index of the mention
    place: bool = False  # came from a place preposition (visite à Kiev)
    entity: str | None = None  # entity name when the actor is an entity mention


@dataclass
class Candidate:
    trigger: Trigger
    head: int
    tokens: list[int]
    sent: int
    title: bool
    source: Actor | None = None
    targets: list[Actor] = field(default_factory=list)
    mode: str = "fact"
    governor: int | None = None  # head of a governing trigger (promise, request)
    quote: Any = None
    rejected: bool = False  # governed by a refusal: the refusal is recorded, not this


class Coder:
    """Codes the events of one article; built per article, cheap (dictionary lookups over the Doc)."""

    def __init__(self, lex: Lexicon, article: Article, doc: Any,
                 modes: frozenset[str] | None = RECORDED_MODES, kb: Any = None) -> None:
        self.lex = lex
        self.kb = kb
        self.modes = modes  # None: keep every mode (tests and tools inspect demanded/possible events)
        self.article = article
        self.doc = doc
        self.starts = doc.to_array([IDX]).reshape(-1).tolist() if len(doc) else []
        self.n = len(doc)
        self.tok_entity: list[Entity | None] = [None] * self.n
        self.tok_time: list[int | None] = [None] * self.n
        self.tok_quote: list[Any] = [None] * self.n
        self.names = {e.name for e in article.entities}
        # Longest spans first, so a name inside a descriptor ("le chef de l'OTAN") keeps its own entity.
        spans = sorted(((span[1] - span[0], span[0], span[1], ent) for ent in article.entities
                        if ent.type in ACTOR_TYPES for span in ent.spans if len(span) == 2),
                       key=lambda x: -x[0])
        for _, start, end, ent in spans:
            for i in self._tokens_in(start, end):
                self.tok_entity[i] = ent
        self.text = doc.text
        # The time stage may list a repeated expression once: every occurrence of its text counts.
        for k, t in enumerate(article.times):
            # Every occurrence the time stage listed; older records carry only start/end.
            occ = [tuple(sp) for sp in (getattr(t, "spans", None) or []) if len(sp) == 2]
            for start, end in occ or self._occurrences(t.text, t.start, t.end):
                for i in self._tokens_in(start, end):
                    self.tok_time[i] = k
        for q in article.quotes:
            if q.start is not None and q.end is not None:
                for i in self._tokens_in(q.start, q.end):
                    self.tok_quote[i] = q
        self.body_start = article.body_start()
        self.affiliation: dict[str, str] = {}
        self._build_affiliations()
        self._kb_affiliations()
        self.subjects: list[tuple[int, Actor, str | None]] = []  # (token, actor, gender)
        self._speakers: list[tuple[int, Actor, str | None]] | None = None  # built on first use
        self.recipients: dict[int, str] = {}  # sentence -> recipient of aid whose giver is unnamed
        self._build_subjects()
        self._speakers = None  # a pronoun met while the subjects were built must not freeze them

    # -- token helpers --------------------------------------------------------------------------

    def _occurrences(self, text: str, start: int | None, end: int | None) -> list[tuple[int, int]]:
        out = [(start, end)] if start is not None and end is not None else []
        if not text:
            return out
        pos = self.text.find(text)
        while pos != -1:
            if (pos, pos + len(text)) not in out:
                out.append((pos, pos + len(text)))
            pos = self.text.find(text, pos + 1)
        return out

    def _tokens_in(self, start: int, end: int) -> range:
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i < self.n and self.starts[i] + len(self.doc[i].text) <= start:
            i += 1
        j = bisect_left(self.starts, end)
        return range(i, j)

    def _case(self, tok: Any) -> str | None:
        """The preposition of a nominal (its ``case`` child), spelled out."""
        words = [lemma(c) for c in tok.children if c.dep_ in ("case", "fixed") and c.i < tok.i]
        if not words:
            return None
        return " ".join(words)

    # -- actors ---------------------------------------------------------------------------------

    def _entity_actor(self, ent: Entity, tok: int, for_place: bool = False) -> Actor | None:
        if ent.type == "LOC" and not for_place:
            name = ent.actor or self.lex.capitals.get(_fold(ent.name))
            if name is None:
                if ent.name in self.lex.countries or _fold(ent.name) in {_fold(c) for c in self.lex.countries}:
                    name = ent.name
                else:
                    return None
            return Actor(self._canonical(name), "LOC", tok, entity=ent.name)
        if ent.type == "LOC":
            return Actor(ent.name, "LOC", tok, place=True, entity=ent.name)
        if ent.actor and not for_place:
            return Actor(self._canonical(ent.actor), ent.type, tok, entity=ent.name)
        return Actor(ent.name, ent.type, tok, entity=ent.name)

    def _canonical(self, name: str) -> str:
        """A country name as the article's entities spell it, when they do."""
        if name in self.names:
            return name
        folded = _fold(name)
        for n in self.names:
            if _fold(n) == folded:
                return n
        return name

    def _demonym(self, tok: Any) -> Actor | None:
        country = self.lex.demonyms.get(_fold(tok.text)) or self.lex.demonyms.get(lemma(tok))
        if country and tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            return Actor(self._canonical(country), "LOC", tok.i)
        return None

    def _entity_at(self, tok: Any) -> Entity | None:
        ent = self.tok_entity[tok.i]
        if ent is not None:
            return ent
        # spaCy may attach a name's first word (appos) while the entity starts elsewhere.
        for c in tok.children:
            if c.dep_ in ("flat:name", "flat") and self.tok_entity[c.i] is not None:
                return self.tok_entity[c.i]
        return None

    def resolve(self, tok: Any, depth: int = 0, for_place: bool = False,
                with_conj: bool = True) -> list[Actor]:
        """Actors a nominal stands for (several when coordinated or listed in apposition)."""
        if depth > 4:
            return []
        out: list[Actor] = []
        if tok.pos_ == "PRON" and self.tok_entity[tok.i] is None:
            actor = self._pronoun(tok)
            out = [actor] if actor else []
        else:
            ent = self._entity_at(tok)
            people = self._demonym(tok) if ent is None and tok.pos_ in ("NOUN", "PROPN") else None
            if people is not None:
                out = [people]  # "les Géorgiens"
            elif ent is not None:
                actor = self._entity_actor(ent, tok.i, for_place)
                out = [actor] if actor else []
                # "le président polonais, A, et le Premier ministre britannique, B": B hangs as appos.
                for c in tok.children:
                    other = self._entity_at(c) if c.dep_ == "appos" else None
                    if other is not None and other is not ent and other.type == ent.type == "PER":
                        out.append(Actor(other.name, "PER", c.i, entity=other.name))
            else:
                out = self._descriptor(tok, depth)
        if with_conj:
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                    out.extend(self.resolve(c, depth + 1, for_place, with_conj=True))
        return out

    def _descriptor(self, tok: Any, depth: int) -> list[Actor]:
        """A common noun phrase: a named person in apposition, a post, "de X", a demonym."""
        persons = []
        for c in tok.children:
            # A name after its title: appos, or a comma "conj" without "et" (a frequent misparse).
            named = c.dep_ == "appos" or (c.dep_ in ("conj", "flat:name", "nmod") and c.pos_ == "PROPN"
                                          and not any(x.dep_ in ("cc", "case") for x in c.children))
            if named:
                ent = self._entity_at(c)
                if ent is not None and ent.type == "PER":
                    persons.append(Actor(ent.name, "PER", c.i, entity=ent.name))
                elif c.pos_ == "NOUN":
                    for cc in c.children:
                        if cc.dep_ == "appos":
                            e2 = self._entity_at(cc)
                            if e2 is not None and e2.type == "PER":
                                persons.append(Actor(e2.name, "PER", cc.i, entity=e2.name))
        if persons:
            return persons
        inner = self._inner_actor(tok)
        if inner is None:
            for c in tok.children:
                if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]:
                    owner = self._possessor(c)
                    return [owner] if owner else []
            return []
        # "le chef de l'OTAN" is the person the article introduced as holding that post.
        if lemma(tok) in self.lex.cue("role") and tok.morph.get("Number") != ["Plur"]:
            holders = [p for p, a in self.affiliation.items() if _fold(a) == _fold(inner.name)]
            if len(holders) == 1:
                return [Actor(holders[0], "PER", tok.i, entity=holders[0])]
        return [inner]

    def _inner_actor(self, tok: Any) -> Actor | None:
        """The first actor inside a noun phrase: "de X" complements and demonyms, breadth first."""
        queue = [(tok, 0)]
        seen = {tok.i}
        while queue:
            cur, d = queue.pop(0)
            for c in cur.children:
                if c.i in seen:
                    continue
                seen.add(c.i)
                if c.dep_ == "amod" or (c.dep_ == "acl" and c.pos_ == "ADJ"):
                    # "des drones russes": the parser sometimes hangs the adjective as an acl.
                    actor = self._demonym(c)
                    if actor is None and self.tok_entity[c.i] is not None:
                        actor = self._entity_actor(self.tok_entity[c.i], c.i)
                    if actor:
                        return actor
                elif (c.dep_ == "acl" and c.pos_ == "VERB" and d == 0 and lemma(cur) in self.lex.nouns
                      and self._agent(c) is not None):
                    # "une attaque menée par X" (an event noun; not "le bloc dirigé par X").
                    actors = self.resolve(self._agent(c), with_conj=False)
                    if actors:
                        return actors[0]
                elif c.dep_ in ("nmod", "flat:name", "appos") or (c.dep_ == "conj" and d > 0):
                    prep = self._case(c)
                    if c.dep_ == "nmod" and prep not in (None, "de", "de le"):
                        continue
                    ent = self._entity_at(c)
                    if ent is not None and ent.type == "LOC" and lemma(cur) in self.lex.cue("named"):
                        continue  # "le document de Vienne", "l'accord de Minsk": a name, not a government
                    if ent is not None:
                        actor = self._entity_actor(ent, c.i)
                        if actor:
                            return actor
                    elif c.pos_ in ("NOUN", "PROPN") and self._demonym(c):
                        return self._demonym(c)
                    if d < 3:
                        queue.append((c, d + 1))
        return None

    def _pronoun(self, tok: Any) -> Actor | None:
        text = _fold(tok.text)
        if tok.morph.get("PronType") == ["Rel"] or text in ("qui", "que", "lequel", "laquelle", "auquel"):
            return self._antecedent(tok)
        quote = self.tok_quote[tok.i]
        person = tok.morph.get("Person")
        if quote is not None and quote.speaker and (person == ["1"] or text in ("nous", "je", "j'", "on")):
            return self._speaker_side(quote.speaker, plural=text in ("nous", "on"), tok=tok.i)
        if text in _PERSONAL and tok.dep_ not in _SUBJ:
            gender = (tok.morph.get("Gender") or [None])[0]
            for j in range(tok.i - 1, max(tok.i - 200, -1), -1):
                ent = self.tok_entity[j]
                if ent is None or (j + 1 < self.n and self.tok_entity[j + 1] is ent):
                    continue
                g = (self.doc[j].morph.get("Gender") or [None])[0]
                if gender and g and g != gender:
                    continue
                actor = self._entity_actor(ent, tok.i)
                if actor is not None:
                    return actor
            return None
        if text in ("il", "elle", "ils", "elles", "lui", "eux"):
            gender = (tok.morph.get("Gender") or [None])[0]
            singular = text in ("il", "elle", "lui")
            for pos, actor, g in reversed(self._pronoun_subjects(singular)):
                if pos >= tok.i:
                    continue
                if tok.i - pos > 400:
                    break
                # A subject inside someone's quote is not what a pronoun outside it refers to:
                # "« ces troupes russes ... », a dit X. Elle a demandé" -> X, not Russia.
                inside = self.tok_quote[pos]
                if inside is not None and inside is not quote:
                    continue
                if gender and g and g != gender and actor.kind != "PER":
                    continue
                return Actor(actor.name, actor.kind, tok.i, entity=actor.entity)
        return None

    def _pronoun_subjects(self, singular: bool) -> list[tuple[int, Actor, str | None]]:
        """Subjects a pronoun may take up; a singular one also the person speaking a quote just
        before, at the quote's end (the inverted "», a déclaré X" is often not parsed as subject)."""
        if not singular:
            return self.subjects
        if self._speakers is None:
            people = {e.name for e in self.article.entities if e.type == "PER"}
            found = []
            for q in self.article.quotes:
                if q.speaker in people and q.start is not None and q.end is not None:
                    pos = self._tokens_in(q.start, q.end).stop
                    found.append((pos, Actor(q.speaker, "PER", pos, entity=q.speaker), None))
            # Merged once: subjects are all built before any pronoun is resolved.
            self._speakers = sorted(self.subjects + found, key=lambda x: x[0]) if found else self.subjects
        return self._speakers

    def _possessor(self, det: Any) -> Actor | None:
        text = _fold(det.text)
        quote = self.tok_quote[det.i]
        if quote is not None and quote.speaker and text in ("notre", "nos", "mon", "ma", "mes"):
            return self._speaker_side(quote.speaker, plural=text in ("notre", "nos"), tok=det.i)
        return None

    def _speaker_side(self, speaker: str, plural: bool, tok: int) -> Actor:
        if plural and speaker in self.affiliation:
            org = self.affiliation[speaker]
            return Actor(org, "ORG", tok, entity=org)
        kind = next((e.type for e in self.article.entities if e.name == speaker), "PER")
        return Actor(speaker, kind, tok, entity=speaker)

    def _antecedent(self, rel: Any) -> Actor | None:
        clause = rel.head
        while clause.dep_ not in ("acl:relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "acl:relcl":
            return None
        actors = self.resolve(clause.head, with_conj=False)
        return actors[0] if actors else None

    def _build_affiliations(self) -> None:
        """Who each person acts for, from the way the article introduces them."""
        for ent in self.article.entities:
            if ent.type != "PER":
                continue
            for span in ent.spans:
                toks = list(self._tokens_in(span[0], span[1]))
                if not toks:
                    continue
                # A descriptor in the mention itself: "le secrétaire général de l'OTAN", "le président polonais".
                found = None
                for i in toks:
                    other = self.tok_entity[i]
                    if other is not None and other is not ent and other.type in ("ORG", "LOC"):
                        found = self._entity_actor(other, i)
                    elif self.doc[i].dep_ == "amod":
                        found = self._demonym(self.doc[i])
                    if found is not None:
                        break
                if found is not None and found.name != ent.name:
                    self.affiliation.setdefault(ent.name, found.name)
                    break
                first = self.doc[toks[0]]
                holder = None
                if first.dep_ == "appos" and first.head.pos_ == "NOUN":
                    holder = first.head
                    # Only the name right after its title: "le président polonais, A, et le ministre, B".
                    earlier = [c for c in holder.children if c.dep_ == "appos" and c.i < first.i]
                    if earlier:
                        continue
                else:
                    for c in first.children:
                        if c.dep_ == "appos" and c.pos_ == "NOUN":
                            holder = c
                if holder is None:
                    continue
                inner = self._inner_actor(holder)
                if inner is not None and inner.name != ent.name:
                    self.affiliation.setdefault(ent.name, inner.name)
                    break

    def _kb_affiliations(self) -> None:
        """Offices the KB knows a person held at the article's date ("Jens Stoltenberg" -> OTAN)."""
        if self.kb is None:
            return
        date = self.article.published
        for ent in self.article.entities:
            if ent.type != "PER" or not ent.kb_id or ent.name in self.affiliation:
                continue
            roles = self.kb.person_roles.get(ent.kb_id, [])
            # At the article's date; undated, the offices still held (no end) come first.
            roles = [r for r in roles if r.covers(date)] if date else sorted(roles, key=lambda r: r.end is not None)
            for role in roles:
                of = self.kb.get(role.of)
                if of is not None:
                    self.affiliation[ent.name] = self._canonical(of["name"])
                    break

    def _build_subjects(self) -> None:
        for tok in self.doc:
            if tok.dep_ in _SUBJ and tok.pos_ != "PRON":
                for actor in self.resolve(tok, with_conj=False)[:1]:
                    gender = None
                    if actor.kind != "PER":
                        gender = (self.doc[actor.token].morph.get("Gender") or [None])[0]
                    self.subjects.append((tok.i, actor, gender))

    # -- triggers -------------------------------------------------------------------------------

    def _is_reflexive(self, tok: Any) -> bool:
        return any(_fold(c.text) in _REFLEXIVE and c.dep_ not in _SUBJ and c.pos_ == "PRON"
                   for c in tok.children)

    def _objects(self, tok: Any) -> list[Any]:
        passive = self._passive(tok)
        out = [c for c in tok.children if c.dep_ in ("obj", "iobj") or (passive and c.dep_ == "nsubj:pass")]
        if not out and tok.dep_ == "conj" and tok.pos_ == "VERB":
            # "a qualifié X de « vol » et promis une riposte": the parser hangs the second verb's
            # object on the first one; an object after the second verb is its own.
            out = [c for c in tok.head.children if c.dep_ == "obj" and c.i > tok.i]
        return out

    def _subtree_lemmas(self, tok: Any, limit: int = 40) -> set[str]:
        out = set()
        for k, t in enumerate(tok.subtree):
            if k > limit:
                break
            out.add(lemma(t))
            out.add(_fold(t.text))
        return out

    def _object_ok(self, trig: Trigger, tok: Any) -> bool:
        if trig.any:
            # "qualifier X de « vol »", "juger X absurde", "les ministres se retrouvent": any dependent.
            words: set[str] = set()
            for c in [*tok.children, *self._objects(tok)]:
                words |= self._subtree_lemmas(c)
            if not words & trig.any:
                return False
            if not trig.obj and trig.obj_actor is None:
                return True
        objs = self._objects(tok)
        if trig.noobj:
            # "ont manifesté place de la République": a bare street name is a place, not an object.
            return not any(c.dep_ == "obj" and lemma(c) not in self.lex.cue("streetnoun") for c in tok.children)
        if not trig.obj and trig.obj_actor is None:
            return True
        if trig.kind == "noun":
            objs = [c for c in tok.children if c.dep_ == "nmod"]
        # "don" without article can be tagged as a noun subject or an obl: accept any nominal child.
        if not objs:
            objs = [c for c in tok.children if c.dep_ not in ("nsubj", "punct", "cc", "conj")
                    and not c.dep_.startswith("aux") and c.pos_ in ("NOUN", "PROPN")]
        for o in objs:
            if trig.obj and self._subtree_lemmas(o) & trig.obj:
                return True
            if trig.obj_actor == "ACTOR" and self.tok_time[o.i] is None and self.resolve(o):
                return True
            if trig.obj_actor:
                for t in o.subtree:
                    ent = self.tok_entity[t.i]
                    if ent is not None and (ent.type == "PER" or trig.obj_actor == "ACTOR"):
                        if trig.obj_actor == "PER" or self.resolve(o):
                            return True
        return False

    def find_triggers(self, sent: Any) -> list[tuple[Trigger, int, list[int]]]:
        found: list[tuple[Trigger, int, list[int]]] = []
        toks = list(sent)
        lemmas = [lemma(t) for t in toks]
        taken: set[int] = set()
        for k, tok in enumerate(toks):
            # Phrases first: "appel téléphonique" is CONSULT, not the REQUEST an "appel" can be.
            for trig in self.lex.phrases.get(lemmas[k], []) + self.lex.phrases.get(_fold(tok.text), []):
                n = len(trig.words)
                window = lemmas[k:k + n]
                texts = [_fold(t.text) for t in toks[k:k + n]]
                if len(window) == n and all(w in (a, b) for w, a, b in zip(trig.words, window, texts, strict=True)):
                    span = [t.i for t in toks[k:k + n]]
                    head = next((t for t in toks[k:k + n] if t.pos_ in ("NOUN", "VERB", "PROPN")), tok)
                    if not self._object_ok(trig, head):
                        continue
                    found.append((trig, head.i, span))
                    taken.update(span)
                    break
        for k, tok in enumerate(toks):
            if tok.i in taken:
                continue
            lem = lemmas[k]
            verbal = tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and any(c.dep_ == "aux:tense" for c in tok.children))
            if verbal:
                cands = self.lex.verbs.get(lem, [])
                if not cands and lem.endswith("e"):
                    cands = self.lex.verbs.get(lem + "r", [])  # lemmatizer slip: "critique" for critiquer
                if not cands and lem.endswith("é"):
                    cands = self.lex.verbs.get(lem[:-1] + "er", [])  # a participle read as an adjective
                refl = self._is_reflexive(tok) if cands else False
                # Pronominal, then constrained readings first: "promettre une riposte" before "promettre".
                for trig in sorted(cands, key=lambda t: (not t.reflexive, not t.constrained)):
                    if trig.reflexive and not refl:
                        continue
                    if trig.type == "REJECT" and (self._double_negative(tok) or (
                            lem in self.lex.cue("negverb") and tok.head.i != tok.i and self._refusal(tok.head))):
                        break
                    if self._object_ok(trig, tok):
                        found.append((trig, tok.i, [tok.i]))
                        break
            elif tok.pos_ in ("NOUN", "PROPN") and self.tok_entity[tok.i] is None:
                nouns = self.lex.nouns.get(lem, []) + self.lex.nouns.get(_fold(tok.text), [])
                for trig in sorted(nouns, key=lambda t: not t.constrained):
                    if self._object_ok(trig, tok):
                        found.append((trig, tok.i, [tok.i]))
                        break
        return found

    def _verb_entries(self, tok: Any) -> list[Trigger]:
        """Verb triggers for a token's lemma, forgiving the lemmatizer's "reproche"/"accusé" slips."""
        lem = lemma(tok)
        cands = self.lex.verbs.get(lem, [])
        if not cands and lem.endswith("e"):
            cands = self.lex.verbs.get(lem + "r", [])
        if not cands and lem.endswith("é"):
            cands = self.lex.verbs.get(lem[:-1] + "er", [])
        return cands

    def _refusal(self, tok: Any) -> bool:
        return tok.pos_ == "VERB" and any(t.type == "REJECT" for t in self._verb_entries(tok))

    def _double_negative(self, tok: Any) -> bool:
        """"refuser d'exclure", "rejeter l'idée de ne pas": a refusal of a refusal is no refusal."""
        return any(c.dep_ in ("xcomp", "ccomp", "obj", "acl") and lemma(c) in self.lex.cue("negverb")
                   for c in tok.children)

    # -- roles ----------------------------------------------------------------------------------

    def _passive(self, tok: Any) -> bool:
        return any(c.dep_ == "aux:pass" for c in tok.children)

    def _agent(self, verb: Any) -> Any | None:
        for c in verb.children:
            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and self._case(c) == "par"):
                return c
        return None

    def verb_source(self, verb: Any, exclude: int | None = None, depth: int = 0) -> Actor | None:
        """The agent of a verb: its subject, its "par" agent, or the controller of an infinitive."""
        if depth > 6:
            return None
        # A past participle with its agent is a passive without auxiliary: "une trêve négociée par X".
        passive = self._passive(verb) or (verb.dep_ == "acl" and self._agent(verb) is not None and (
            verb.morph.get("VerbForm") == ["Part"] or any(c.dep_ == "obl:agent" for c in verb.children)))
        if passive:
            agent = self._agent(verb)
            if agent is not None:
                actors = self.resolve(agent, with_conj=False)
                return actors[0] if actors else None
        else:
            subjects = [c for c in verb.children if c.dep_ in _SUBJ and c.i != exclude]
            # Two subjects is a misparse of "le président finlandais X": the named one is the agent.
            subjects.sort(key=lambda c: self.tok_entity[c.i] is None)
            for c in subjects[:1]:
                actors = self.resolve(c, with_conj=False)
                return actors[0] if actors else None
        if passive:
            return None
        # A verb with no subject of its own right after a name: "les États-Unis approuvant ...",
        # or "Pékin a massé ..." when the parser split the name off as a sentence of its own.
        participle = verb.morph.get("VerbForm") == ["Part"] and verb.morph.get("Tense") == ["Pres"]
        finite = verb.morph.get("VerbForm") in (["Fin"], ["Part"])
        fin = verb.morph.get("VerbForm") == ["Fin"]
        if finite and (participle or verb.dep_ not in ("acl", "acl:relcl", "xcomp", "conj", "advcl")
                       or (fin and verb.dep_ == "advcl")):
            own = {c.i for c in verb.children if c.dep_.startswith("aux") or c.dep_.startswith("expl")
                   or c.dep_ == "advmod"}
            for j in range(verb.i - 1, max(verb.i - 6, -1), -1):
                t = self.doc[j]
                if j in own:
                    continue
                if self.tok_entity[j] is not None:
                    while t.dep_ == "conj" and t.head.i < t.i and self.tok_entity[t.head.i] is not None:
                        t = t.head  # "Israël et le Hamas sont parvenus": the first conjunct
                    actors = self.resolve(t, with_conj=False)
                    if actors:
                        return actors[0]
                if t.is_punct or t.pos_ in ("VERB", "AUX", "SCONJ") or (t.pos_ == "ADP" and not participle):
                    break
        head = verb.head
        if head.i == verb.i:
            return self._context_subject(verb)
        # "la décision de Londres d'envoyer": the noun right before the infinitive names the agent,
        # whether the parser hangs the infinitive on that noun or on the verb governing it.
        if verb.morph.get("VerbForm") == ["Inf"] and verb.dep_ in ("xcomp", "acl"):
            marks = [c for c in verb.children if c.dep_ == "mark" and lemma(c) == "de"]
            before = self.doc[marks[0].i - 1] if marks and marks[0].i > 0 else None
            noun = before.head if before is not None and before.dep_ in ("nmod", "amod") else before
            if noun is not None and noun.pos_ == "NOUN" and noun.i != verb.i:
                for c in noun.children:
                    if c.dep_ == "nmod" and self._case(c) in ("de", "de le") and self.tok_entity[c.i] is not None:
                        actors = self.resolve(c, with_conj=False)
                        if actors:
                            return actors[0]
                    if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] and self._possessor(c):
                        return self._possessor(c)
        if verb.dep_ in ("xcomp", "acl", "advcl", "conj", "ccomp", "obl:arg", "obj", "nmod", "csubj"):
            # Object control: "exhorter X à", "demander à X de" -> the requested party acts.
            # Likewise "accuser X de", "reprocher à X de": the accused is the alleged actor.
            if verb.dep_ in ("xcomp", "acl", "advcl") and any(
                    t.type in ("REQUEST", "ACCUSE") for t in self._verb_entries(head)):
                for t in self._request_targets(head):
                    return t
            if head.pos_ in ("NOUN", "ADJ", "PROPN"):
                # "son intention de faire", "prête à étendre": climb to the clause holding the noun.
                up = head
                while up.pos_ in ("NOUN", "ADJ", "PROPN") and up.head.i != up.i and up.dep_ not in _SUBJ:
                    subj = [c for c in up.children if c.dep_ in _SUBJ]
                    if subj and up.pos_ == "ADJ":
                        actors = self.resolve(subj[0], with_conj=False)
                        return actors[0] if actors else None
                    up = up.head
                if up.pos_ in ("VERB", "AUX") and up.i != verb.i:
                    return self.verb_source(up, exclude, depth + 1)
                if up.dep_ in _SUBJ:
                    actors = self.resolve(up, with_conj=False)
                    return actors[0] if actors else None
                if up.head.i == up.i:
                    return self._context_subject(verb)
                return None
            if head.pos_ in ("VERB", "AUX"):
                return self.verb_source(head, exclude, depth + 1)
        return None

    def _context_subject(self, tok: Any) -> Actor | None:
        """A verb with no subject at all (a fragment after a bad sentence split): the last subject."""
        # A fragment that starts in lower case continues the previous sentence: its subject acts.
        sent = tok.sent
        first = next((t for t in sent if not t.is_space), None)
        if first is not None and first.text[:1].islower() and sent.start > 0:
            prev = self.doc[sent.start - 1].sent.root
            if prev.i != tok.i and prev.pos_ in ("VERB", "AUX") and prev.head.i == prev.i:
                found = self.verb_source(prev, depth=5)
                if found is not None:
                    return Actor(found.name, found.kind, tok.i, entity=found.entity)
        # Otherwise only a subject just before: a name the parser split off ("Pékin. a massé").
        for pos, actor, _ in reversed(self.subjects):
            if pos < tok.i and tok.i - pos < 15:
                return Actor(actor.name, actor.kind, tok.i, entity=actor.entity)
        return None

    def _request_targets(self, verb: Any) -> list[Actor]:
        out: list[Actor] = []
        for c in verb.children:
            named_xcomp = c.dep_ == "xcomp" and c.pos_ == "PROPN" and self._entity_at(c) is not None
            if c.dep_ in ("obj", "iobj") or named_xcomp or (c.dep_.startswith("obl") and self._case(c) == "à"):
                out.extend(self.resolve(c))
        return out

    def noun_agent(self, noun: Any, trig: Trigger) -> tuple[Actor | None, list[Actor]]:
        """Agent and patients inside a nominal trigger: demonym, "de X", "par X", possessive, "entre"."""
        source = None
        targets: list[Actor] = []
        for c in noun.children:
            if c.dep_ == "acl" and c.pos_ == "VERB" and source is None and self._agent(c) is not None:
                # "un accord négocié par X", "une attaque menée par X": the participle's agent acts.
                actors = self.resolve(self._agent(c), with_conj=False)
                source = actors[0] if actors else None
            if c.dep_ == "nsubj" and source is None:
                # "les enseignants sont en grève": the noun is the predicate of its own subject.
                actors = self.resolve(c, with_conj=False)
                source = actors[0] if actors else None
            elif c.dep_ == "amod" and source is None:
                source = self._demonym(c)
            elif c.dep_ == "det" and c.morph.get("Poss") == ["Yes"] and source is None:
                source = self._possessor(c)
            elif c.dep_ in ("nmod", "obl", "obl:arg"):
                prep = self._case(c)
                if prep == "entre":
                    actors = self.resolve(c)
                    if actors:
                        source = source or actors[0]
                        targets.extend(actors[1:2])
                elif prep == "par":
                    actors = self.resolve(c, with_conj=False)
                    source = actors[0] if actors else source
                elif prep in ("de", "de le"):
                    ent = self._entity_at(c)
                    if (trig.type == "CONSULT" and ent is not None and ent.type == "LOC"
                            and ent.name not in self.lex.countries):
                        continue  # "le sommet de Vilnius": the venue, not the host
                    actors = self.resolve(c, with_conj=False)
                    if not actors and c.pos_ == "NOUN":
                        # "l'offensive en cours de Moscou": one level down.
                        for cc in c.children:
                            if cc.dep_ == "nmod" and self._case(cc) in ("de", "de le"):
                                actors = self.resolve(cc, with_conj=False)
                                break
                    if actors:
                        if trig.de_role == "patient" and (source is not None or any(
                                x.dep_ == "amod" and self._demonym(x) for x in noun.children)):
                            targets.extend(actors)
                        elif trig.de_role == "patient":
                            targets.extend(actors)
                        elif source is None:
                            source = actors[0]
        return source, targets

    def targets_of(self, cand: Candidate, head: Any, source: Actor | None) -> list[Actor]:
        trig = cand.trigger
        preps = self.lex.target_preps.get(trig.type, set())
        out: list[Actor] = []
        if trig.recv:
            for c in head.children:
                if c.dep_ in _SUBJ:
                    out.extend(self.resolve(c, with_conj=False))
            return out
        if trig.kind == "verb" or head.pos_ == "VERB":
            passive = self._passive(head)
            if trig.type in self.lex.object_target_types or trig.obj_actor:
                for c in head.children:
                    # "accuser Moscou de ...": the parser may read the named object as an xcomp.
                    named_xcomp = c.dep_ == "xcomp" and c.pos_ == "PROPN" and self._entity_at(c) is not None
                    if c.dep_ in ("obj", "iobj") or (passive and c.dep_ == "nsubj:pass") or named_xcomp:
                        out.extend(self._target_np(c, trig))
            for c in head.children:
                if c.dep_.startswith("obl") or c.dep_ in ("nmod", "iobj"):
                    prep = self._case(c)
                    if prep in preps:
                        out.extend(self._target_np(c, trig, prep))
            if not out and trig.kind == "phrase" and trig.type in self.lex.object_target_types:
                # "mettre en garde Pékin contre": the party hangs on a word of the phrase.
                for i in cand.tokens:
                    for c in self.doc[i].children if i != head.i else ():
                        if c.dep_ in ("nmod", "obj") and c.i not in cand.tokens and self._case(c) is None:
                            out.extend(self._target_np(c, trig))
            if not out and head.dep_ == "xcomp" and head.head.pos_ == "VERB":
                # "va fournir des chars à Kiev": the parser may hang the recipient on "va".
                for c in head.head.children:
                    prep = self._case(c)
                    if c.dep_.startswith("obl") and prep in preps:
                        out.extend(self._target_np(c, trig, prep))
            if not out:
                # "signer un accord avec la Russie": the partner hangs on the object.
                for o in head.children:
                    # "... par téléphone avec X": also a partner hanging on an oblique.
                    if o.dep_ != "obj" and not (o.dep_.startswith("obl") and trig.type in ("CONSULT", "COOPERATE")):
                        continue
                    for c in o.children:
                        prep = self._case(c)
                        if c.dep_ == "nmod" and prep in preps and prep not in self.lex.cue("place"):
                            out.extend(self._target_np(c, trig, prep))
                        elif c.dep_ == "nmod" and prep in preps and trig.type in ("SANCTION", "AID"):
                            # "des sanctions à la Corée du Nord": a country or body, never a city.
                            out.extend(a for a in self._target_np(c, trig, prep)
                                       if a.kind != "LOC" or a.entity in self.lex.countries)
            if not out and trig.type == "THREATEN":
                # "menacer de sanctionner X", "menacer de faire payer X": the threatened act's party.
                out.extend(self._threatened_party(head, source))
            if not out and source is not None:
                out.extend(self._members_target(head, source))
            if not out and trig.type == "AID":
                # "faire don de 28 avions à l'Ukraine": the recipient can hang inside the goods.
                for t in head.subtree:
                    if t.dep_ == "nmod" and self._case(t) in preps and t.head.i != head.i:
                        out.extend(self._target_np(t, trig, self._case(t)))
                        break
        else:
            for c in head.children:
                if c.dep_ in ("nmod", "obl", "obl:arg", "acl"):
                    prep = self._case(c)
                    if prep in preps or (trig.type == "AID" and prep == "en") or (
                            trig.type == "ASSAULT" and prep == "en"):
                        out.extend(self._target_np(c, trig, prep))
            if not out and head.head.pos_ == "ADV" and lemma(head.head) in self.lex.cue("during"):
                for c in head.head.children:
                    prep = self._case(c)
                    if c.i != head.i and prep in preps:
                        out.extend(self._target_np(c, trig, prep))
            if not out:
                # "l'envoi d'armes lourdes en Ukraine": the recipient hangs on the goods.
                for c in head.children:
                    for cc in c.children if c.dep_ == "nmod" else ():
                        prep = self._case(cc)
                        if cc.dep_ == "nmod" and (prep in preps or (trig.type == "AID" and prep == "en")):
                            out.extend(self._target_np(cc, trig, prep))
        return out

    def _threatened_party(self, head: Any, source: Actor | None) -> list[Actor]:
        """The object (or "à X") of the infinitive a threat announces, two verbs deep at most."""
        frontier = [c for c in head.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                    and c.morph.get("VerbForm") == ["Inf"]]
        for _ in range(2):
            nxt = []
            for verb in frontier:
                for c in verb.children:
                    if c.dep_ in ("obj", "iobj") or (c.dep_.startswith("obl") and self._case(c) == "à"):
                        if self.tok_time[c.i] is not None:
                            continue
                        actors = [a for a in self.resolve(c) if source is None or a.name != source.name]
                        if actors:
                            return actors[:1]
                    elif c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
                        nxt.append(c)
            frontier = nxt
        return []

    def _members_target(self, head: Any, source: Actor) -> list[Actor]:
        """"Le chef de l'Otan a appelé les pays membres / les alliés à ...": the body the speaker leads."""
        org = self.affiliation.get(source.name) if source.kind == "PER" else (
            source.name if source.kind == "ORG" else None)
        if org is None:
            return []
        kids = list(head.children)
        # "a appelé mercredi les pays membres à": the parser often hangs the object on the date.
        kids += [g for c in kids if self.tok_time[c.i] is not None and c.dep_.startswith("obl")
                 for g in c.children if g.dep_ in ("nmod", "obj") and self._case(g) is None]
        for c in kids:
            direct = c.head.i == head.i  # not one hung on the date (taken above as it is)
            if direct and c.dep_ not in ("obj", "iobj") and not (c.dep_.startswith("obl") and self._case(c) == "à"):
                continue
            words = {lemma(t) for t in c.subtree}
            if lemma(c) in self.lex.cue("members") or (words & {"membre"} and lemma(c) in ("pays", "état")):
                return [Actor(org, "ORG", c.i, entity=org)]
        return []

    def _target_np(self, tok: Any, trig: Trigger, prep: str | None = None) -> list[Actor]:
        place_prep = prep in self.lex.cue("place")
        # A meeting's destination is a place ("visite à Kiev"), not the government it houses.
        actors = self.resolve(tok, for_place=place_prep and trig.type == "CONSULT")
        if not actors and tok.pos_ == "NOUN" and trig.type in ("ACCUSE", "REJECT", "SANCTION", "SUPPORT"):
            inner = self._inner_actor(tok)
            actors = [inner] if inner else []
        if not actors and trig.type == "CONSULT" and place_prep:
            ent = self._entity_at(tok)
            if ent is not None and ent.type == "LOC":
                actors = [Actor(ent.name, "LOC", tok.i, place=True, entity=ent.name)]
        if place_prep and trig.type == "CONSULT":
            for a in actors:
                a.place = a.kind == "LOC"
        return actors

    # -- clauses, modes, dates ------------------------------------------------------------------

    def governing_verb(self, tok: Any) -> Any | None:
        """The verb a nominal trigger belongs to, when it is the event's support or setting."""
        cur = tok
        for _ in range(4):
            head = cur.head
            if head.i == cur.i:
                return None
            prep = self._case(cur) or ""
            if head.pos_ in ("VERB", "AUX"):
                core = cur.dep_ in _CORE or prep in ("en", "à", "dans", "sous")
                if core and (self._is_cue(head, "light") or self._is_cue(head, "intent")):
                    return head
                if prep and (prep in self.lex.cue("during") or prep.split(" ")[0] in self.lex.cue("during")):
                    return head
                return None
            if head.pos_ == "ADV" and lemma(head) in self.lex.cue("during") and head.head.i != head.i:
                # "lors d'un appel": spaCy hangs the noun on the adverb "lors".
                return head.head
            if head.pos_ in ("ADJ", "VERB") and self._is_cue(head, "intent"):
                cur = head
                continue
            if head.pos_ == "NOUN" and (self._is_cue(head, "light") or self._is_cue(head, "intent")):
                cur = head
                continue
            return None
        return None

    @staticmethod
    def _future(tok: Any) -> bool:
        # The tagger confuses present and future ("renforçons" Fut, "livrerons" Pres): check the form.
        text, lem = _fold(tok.text), lemma(tok)
        if tok.morph.get("Tense") == ["Fut"] and text.endswith(("rai", "ras", "ra", "rons", "rez", "ront")):
            return True
        stem = lem[:-1] if lem.endswith("re") else lem
        return (tok.pos_ in ("VERB", "AUX") and lem.endswith(("er", "ir", "re")) and text.startswith(stem)
                and text[len(stem):] in ("ai", "as", "a", "ons", "ez", "ont"))

    @staticmethod
    def _conditional(tok: Any) -> bool:
        if tok.morph.get("Mood") == ["Cnd"]:
            return True
        text, lem = _fold(tok.text), lemma(tok)
        stem = lem[:-1] if lem.endswith("re") else lem
        return (tok.pos_ in ("VERB", "AUX") and lem.endswith(("er", "ir", "re")) and text.startswith(stem)
                and text[len(stem):] in ("ais", "ait", "ions", "iez", "aient"))

    def _reported(self, tok: Any) -> bool:
        """A clause told by a speech verb: "a ajouté que la Pologne fournirait" (future in the past)."""
        cur = tok
        for _ in range(4):
            if cur.dep_ in ("ccomp", "parataxis", "advcl") and lemma(cur.head) in self.lex.cue("speech"):
                return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _is_cue(self, tok: Any, kind: str) -> bool:
        words = self.lex.cue(kind)
        return lemma(tok) in words or _fold(tok.text) in words

    def mode_of(self, cand: Candidate, trigger_heads: dict[int, Candidate]) -> str:
        head = self.doc[cand.head]
        mode = "fact"

        demanded = False

        def bump(m: str) -> None:
            nonlocal mode, demanded
            demanded = demanded or m == "demanded"
            if MODE_RANK[m] > MODE_RANK[mode]:
                mode = m

        cur = head
        prev = head
        first_finite = None
        steps = 0
        while steps < 8:
            steps += 1
            if cur.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                kids = list(cur.children)
                has_ne = any(_fold(c.text) in ("ne", "n'") for c in kids)
                # "aucun soldat ne serait envoyé": the negation sits on the subject or the object.
                nominal_neg = [g for c in kids if c.dep_ in ("nsubj", "nsubj:pass", "obj") for g in c.children
                               if g.dep_ == "det" and lemma(g) == "aucun"] if has_ne else []
                for c in kids + nominal_neg:
                    lc = lemma(c)
                    if c.dep_ in ("advmod", "det", "mark", "case") and lc in self.lex.cue("negation"):
                        if lc in ("aucun", "sans", "nullement") or has_ne:
                            if first_finite is None or cur.i == first_finite.i:
                                bump("negated")
                    if c.dep_ == "mark" and lc in self.lex.cue("condition"):
                        bump("hypothetical")
                    if (c.dep_ == "mark" and lc in self.lex.cue("purpose") and cur.morph.get("VerbForm") == ["Inf"]
                            and not any(x.dep_ == "aux:tense" for x in kids)
                            and cand.trigger.type != "CONSULT" and not self._pledge_of(cur.head, trigger_heads)):
                        # "pour garantir sa sécurité": a goal, not an act ("pour avoir livré" is a cause);
                        # but "se rendre à Paris pour rencontrer X": the trip is that meeting, and
                        # "se mettre d'accord pour accorder un prêt": the agreement's content.
                        bump("hypothetical")
                    if c.dep_.startswith("aux") and lemma(c) in self.lex.cue("expect") and self._conditional(c):
                        bump("hypothetical")  # "devrait se réunir": a forecast, even in reported speech
                    if c.dep_.startswith("aux"):
                        if self._conditional(c):
                            bump("intent" if self._reported(cur) else "hypothetical")
                        if self._future(c):
                            bump("intent")
                        if lemma(c) == "aller" and cur.morph.get("VerbForm") == ["Inf"]:
                            bump("intent")
                if cur.pos_ in ("VERB", "AUX"):
                    if self._conditional(cur):
                        # In reported speech the conditional is the future seen from the past.
                        expect = cur.i != head.i and lemma(cur) in self.lex.cue("expect")
                        bump("intent" if self._reported(cur) and not expect else "hypothetical")
                    # "les alliés doivent s'engager à": an obligation to commit is a demand, not a pledge.
                    obliged = lemma(cur) in self.lex.cue("obligation") or any(
                        c.dep_.startswith("aux") and lemma(c) in self.lex.cue("obligation") for c in kids)
                    def pledge(t: Any) -> bool:
                        return (self._is_cue(t, "intent") or (t.i == head.i and cand.trigger.absorb)
                                or (t.i in trigger_heads and trigger_heads[t.i].trigger.absorb))
                    if obliged and (pledge(cur) or (cur.i != head.i and pledge(prev))) and not self._conditional(cur):
                        bump("demanded")
                    if self._future(cur):
                        bump("intent")
                    if first_finite is None and (cur.morph.get("VerbForm") == ["Fin"] or any(
                            c.dep_.startswith("aux") for c in cur.children)):
                        first_finite = cur
            if cur.i != head.i:
                lc = lemma(cur)
                gov = trigger_heads.get(cur.i)
                if gov is not None:
                    if gov.trigger.type == "REQUEST":
                        bump("demanded")
                        cand.governor = cur.i
                    elif gov.trigger.absorb:
                        bump("intent")
                        cand.governor = cur.i
                    elif gov.trigger.type == "THREATEN":
                        bump("hypothetical")
                    elif gov.trigger.type == "REJECT":
                        bump("negated")  # "a refusé de signer": the refusal is the event
                        cand.rejected = True
                    elif gov.trigger.type == "ACCUSE" and prev.pos_ in ("VERB", "AUX") and prev.dep_ in (
                            "xcomp", "acl", "advcl", "ccomp", "obl:arg"):
                        # "accuse Moscou d'avoir déployé": the accusation is the event, the act alleged.
                        bump("hypothetical")
                if self._is_cue(cur, "intent"):
                    bump("intent")
                elif lc in self.lex.cue("hypothetical"):
                    if lc != "pouvoir" or cur.morph.get("Mood") == ["Cnd"] or any(
                            c.morph.get("Mood") == ["Cnd"] for c in cur.children):
                        bump("hypothetical")
            if cur.dep_ in ("acl:relcl", "parataxis") or cur.head.i == cur.i:
                break
            if cur.dep_ == "conj" and cur.pos_ == "VERB" and first_finite is not None:
                break  # a coordinated clause has its own mode
            if cur.dep_ == "ccomp" and lemma(cur.head) in self.lex.cue("speech"):
                break
            prev = cur
            cur = cur.head
        if mode == "negated" and demanded:
            return "demanded"  # "demander de ne pas livrer": a demand, not a refusal
        if cand.trigger.neg_type and mode == "negated":
            return "fact"
        if cand.trigger.type == "THREATEN" and mode != "negated":
            return "fact"  # a threat is about a possible future; the threat itself is made
        return mode

    def _pledge_of(self, tok: Any, trigger_heads: dict[int, Candidate]) -> bool:
        """An agreement or a commitment whose purpose clause is its content."""
        gov = trigger_heads.get(tok.i)
        if gov is not None and (gov.trigger.type in ("AGREE", "CONSULT") or gov.trigger.absorb):
            return True
        return self._is_cue(tok, "intent")

    def clause_region(self, top: Any, keep: Any) -> set[int]:
        """Tokens of a clause, without the nested clauses that do not hold the trigger."""
        region: set[int] = set()
        keep_path = {t.i for t in [keep, *keep.ancestors]}
        stack = [top]
        while stack:
            t = stack.pop()
            region.add(t.i)
            for c in t.children:
                if c.dep_ in _CLAUSAL and c.i not in keep_path and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                    if c.dep_ == "conj" and c.pos_ == "NOUN":
                        stack.append(c)
                    continue
                stack.append(c)
        return region

    def clause_top(self, head: Any) -> Any:
        """Climbs from a trigger through non-finite links to the verb that anchors its clause."""
        cur = head
        for _ in range(6):
            if cur.pos_ in ("VERB", "AUX") and cur.morph.get("VerbForm") != ["Inf"] and (
                    cur.morph.get("VerbForm") == ["Fin"] or any(c.dep_.startswith("aux") for c in cur.children)
                    or cur.dep_ == "ROOT"):
                return cur
            if cur.head.i == cur.i or cur.dep_ in ("acl:relcl", "parataxis"):
                return cur
            cur = cur.head
        return cur

    # -- main -----------------------------------------------------------------------------------

    def sentences(self) -> list[list[Any]]:
        """spaCy sentences, with fragments that start in lower case glued back to the previous one."""
        units: list[list[Any]] = []
        for sent in self.doc.sents:
            first = next((t for t in sent if not t.is_space), None)
            if first is None:
                continue
            glued = (units and first.text[:1].islower() and "\n" not in self.doc[first.i - 1].text_with_ws
                     and first.i > 0)
            if glued:
                units[-1].append(sent)
            else:
                units.append([sent])
        return units

    def run(self) -> list[Event]:
        cands: list[Candidate] = []
        units = self.sentences()
        nav = tuple(self.lex.cue("navigation"))
        for u, unit in enumerate(units):
            # A teaser of another article ("Article précédent…", "Lire aussi") tells other news.
            if nav and _fold(unit[0].text).startswith(nav):
                continue
            for sent in unit:
                if self.article.in_foreign(sent.start_char, sent.end_char):
                    continue
                for trig, head, span in self.find_triggers(sent):
                    if self.article.in_foreign(self.doc[head].idx, self.doc[head].idx + 1):
                        continue
                    cands.append(Candidate(trig, head, span, u, self.doc[head].idx < self.body_start,
                                           quote=self.tok_quote[head]))
        trigger_heads = {c.head: c for c in cands}
        for cand in cands:
            cand.mode = self.mode_of(cand, trigger_heads)
        absorbed = {c.governor for c in cands if c.governor is not None and c.mode == "intent"}
        # "a transféré son soutien à X", "a imposé des sanctions": the verb's event holds its object noun.
        verb_heads = {c.head for c in cands if c.trigger.kind == "verb"}
        absorbed |= {c.head for c in cands if c.trigger.kind == "noun" and self.doc[c.head].dep_ == "obj"
                     and self.doc[c.head].head.i in verb_heads}
        events: list[tuple[Candidate, Event]] = []
        for cand in cands:
            if (cand.head in absorbed and (cand.trigger.absorb or cand.trigger.kind == "noun")) or cand.rejected:
                continue
            events.extend((cand, ev) for ev in self._code(cand, units))
        return self._finish(events)

    def _code(self, cand: Candidate, units: list[list[Any]]) -> list[Event]:
        head = self.doc[cand.head]
        trig = cand.trigger
        if trig.neg_type == "-" and self._negated(head):
            return []  # "n'a pas exclu d'envoyer": not a refusal
        if (trig.kind == "noun" and head.dep_ == "nmod" and self._case(head) == "de"
                and not any(c.dep_ == "det" for c in head.children)
                and (lemma(head.head) in self.lex.cue("gathering")
                     or any(t.type == "CONSULT" for t in self.lex.nouns.get(lemma(head.head), [])))):
            return []  # "une conférence de soutien à X": the meeting's topic, not an act of its own
        anchor = head  # the token whose clause gives date, place and quantities
        source: Actor | None = None
        targets: list[Actor] = []
        if trig.kind == "verb" or head.pos_ == "VERB":
            if trig.recv:
                agent = None
                near = [c for c in head.children if c.dep_.startswith("obl")]
                for o in head.children:
                    if o.dep_ == "obj":
                        near += [c for c in o.children if c.dep_ == "nmod"]
                        near += [cc for c in o.children if c.dep_ == "nmod" for cc in c.children
                                 if cc.dep_ == "nmod"]
                for t in near:
                    if self._case(t) in ("de", "de le", "par"):
                        agent = self.resolve(t, with_conj=False)
                        if agent:
                            break
                source = agent[0] if agent else None
            else:
                source = self.verb_source(head)
            targets = self.targets_of(cand, head, source)
        else:
            source, targets = self.noun_agent(head, trig)
            gov = self.governing_verb(head)
            if gov is not None:
                anchor = gov
                if source is None:
                    source = self.verb_source(gov, exclude=head.i)
            targets = targets or self.targets_of(cand, head, source)
            if not targets and gov is not None:
                # "un paquet d'aide militaire pour l'Ukraine": the recipient may hang on a noun between.
                preps = self.lex.target_preps.get(trig.type, set())
                mid = head.head
                while not targets and mid.i != gov.i and mid.pos_ in ("NOUN", "ADJ") and mid.head.i != mid.i:
                    for c in mid.children:
                        prep = self._case(c)
                        if c.dep_ in ("nmod", "obl", "obl:arg") and c.i != head.i and prep in preps:
                            targets.extend(self._target_np(c, trig, prep))
                    mid = mid.head
            if not targets and gov is not None:
                for c in gov.children:
                    if c.dep_.startswith("obl") or c.dep_ == "iobj":
                        prep = self._case(c)
                        if prep in self.lex.target_preps.get(trig.type, set()):
                            targets.extend(self._target_np(c, trig, prep))
            if source is None and trig.type in ("THREATEN", "ACCUSE", "REQUEST", "SUPPORT", "REJECT"):
                source = self._speech_source(head)
        # A request to one's own forces is an order: the ordered action is the requester's fact.
        if cand.mode == "demanded" and cand.governor is not None:
            gov_head = self.doc[cand.governor]
            own = [c for c in gov_head.subtree if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]
                   and c.head.head.i == gov_head.i]
            if own:
                cand.mode = "fact"
                source = self.verb_source(gov_head)
        if source is None and head.pos_ == "VERB" and (cand.mode == "negated" or (
                self._passive(head) and self._agent(head) is None)):
            # "Moscou a annoncé que deux diplomates seraient expulsés": the announcer acts.
            source = self._announcer(head)
        anonymous = False
        if source is None and trig.type == "PROTEST" and head.pos_ == "VERB" and any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "NUM") for c in head.children):
            # "des milliers de personnes ont manifesté": a protest by an unnamed crowd (source null).
            anonymous = True
            source = Actor("", "ORG", head.i)
        if source is None:
            if trig.type == "AID" and targets:
                self.recipients.setdefault(cand.sent, targets[0].name)
            return []
        own = [t for t in targets if _fold(t.name) == _fold(source.name)]
        targets = [t for t in targets if t not in own]
        if own and not targets and trig.type == "REQUEST":
            # "nous avons demandé à nos forces de ...": an order, recorded as the ordered event.
            return []
        # "le retrait de l'Iran de l'accord": a withdrawal with its agent and what it leaves is complete.
        complete = trig.type == "RETREAT" and sum(
            1 for c in head.children if c.dep_ == "nmod" and self._case(c) in ("de", "de le")) >= 2
        if (trig.kind != "verb" and head.pos_ != "VERB" and anchor.i == head.i and not targets
                and trig.type not in ("CONSULT", "MOBILIZE") and not complete):
            # A bare event noun ("depuis l'invasion russe") is background unless it is complete.
            return []
        quote = cand.quote
        top = self.clause_top(anchor)
        region = self.clause_region(top, head)
        time_toks = sorted(i for i in region if self.tok_time[i] is not None)
        groups = self._split_targets(targets, time_toks, head)
        out = []
        for tgt, when in groups:
            ev = Event(type=trig.neg_type if (trig.neg_type and self._negated(head)) else trig.type,
                       source=None if anonymous else source.name, target=tgt.name if tgt else None,
                       text=self._sentence_text(units[cand.sent]), mode=cand.mode,
                       trigger=self.text[self.doc[cand.tokens[0]].idx:self.doc[cand.tokens[-1]].idx
                                         + len(self.doc[cand.tokens[-1]].text)],
                       source_actor=self.affiliation.get(source.name) if source.kind == "PER" else None,
                       quote_speaker=quote.speaker if quote is not None else None,
                       start=self.doc[cand.tokens[0]].idx,
                       end=self.doc[cand.tokens[-1]].idx + len(self.doc[cand.tokens[-1]].text))
            ev.date = self._date(cand, top, when, time_toks, head)
            ev._explicit = bool(ev.date and time_toks)  # type: ignore[attr-defined]  # a time in the text
            ev.place = self._place(region, tgt, head)
            ev.quantities = self._quantities(region)
            ev._sent = cand.sent  # type: ignore[attr-defined]
            ev._title = cand.title  # type: ignore[attr-defined]
            ev._place_target = bool(tgt and tgt.place)  # type: ignore[attr-defined]
            ev._source_kind = source.kind  # type: ignore[attr-defined]
            out.append(ev)
        out.extend(self._refusals(cand, head, out))
        return out

    def _refusals(self, cand: Candidate, head: Any, events: list[Event]) -> list[Event]:
        """A denied intention is a refusal: "ne livrera pas", "aucun soldat ne serait envoyé".

        Only for cooperative acts and not for a plain past ("n'a pas livré" reports no event at all).
        In reported speech the refusal is the speaker's.
        """
        if cand.mode != "negated" or cand.rejected or cand.trigger.type not in REFUSABLE:
            return []
        verb = head if head.pos_ in ("VERB", "AUX") else self.clause_top(head)
        aux = [c for c in verb.children if c.dep_.startswith("aux")]
        modal = any(self._conditional(c) or self._future(c) for c in [verb, *aux])
        past = not modal and (any(c.dep_ == "aux:tense" for c in aux)
                              or verb.morph.get("Tense") in (["Past"], ["Imp"]))
        if past:
            return []
        speaker = self._announcer(verb)
        out = []
        for ev in events:
            ref = Event(type="REJECT", source=speaker.name if speaker else ev.source, target=ev.target,
                        text=ev.text, mode="fact", trigger=ev.trigger, start=ev.start, end=ev.end,
                        source_actor=self.affiliation.get(speaker.name) if speaker else ev.source_actor,
                        quote_speaker=ev.quote_speaker)
            ref.date, ref.place, ref.quantities = ev.date, ev.place, list(ev.quantities)
            for attr in ("_sent", "_title", "_place_target", "_source_kind", "_explicit"):
                setattr(ref, attr, getattr(ev, attr))
            out.append(ref)
        return out

    def _announcer(self, verb: Any) -> Actor | None:
        """The subject of the speech verb a clause is reported by ("X a annoncé que ...")."""
        cur = verb
        for _ in range(3):
            if cur.head.i == cur.i:
                return None
            if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in self.lex.cue("speech"):
                return self.verb_source(cur.head)
            if cur.dep_ == "ccomp" and lemma(cur.head) == "savoir" and lemma(cur.head.head) == "faire":
                # "X a fait savoir que ...": the announcement is X's (the subject of "faire").
                return self.verb_source(cur.head.head)
            cur = cur.head
        return None

    def _negated(self, head: Any) -> bool:
        kids = list(head.children)
        has_ne = any(_fold(c.text) in ("ne", "n'") for c in kids)
        # "ne renoncerait à aucun de ses objectifs": the negation sits on the complement.
        deps = [g for c in kids if c.dep_ in ("obj", "obl", "obl:arg") for g in c.subtree
                if g.i <= c.i and lemma(g) == "aucun"]
        return has_ne and any(lemma(c) in self.lex.cue("negation") for c in kids + deps)

    def _speech_source(self, tok: Any) -> Actor | None:
        quote = self.tok_quote[tok.i]
        if quote is not None and quote.speaker:
            return self._speaker_side(quote.speaker, plural=False, tok=tok.i)
        for anc in tok.ancestors:
            if anc.pos_ == "VERB" and lemma(anc) in self.lex.cue("speech"):
                return self.verb_source(anc)
        return None

    def _split_targets(self, targets: list[Actor], time_toks: list[int],
                       head: Any) -> list[tuple[Actor | None, int | None]]:
        """One event per target when each has its own time ("lundi X, et jeudi Y"), else one."""
        if not targets:
            return [(None, None)]
        dedup: list[Actor] = []
        for t in sorted(targets, key=lambda a: a.place):
            if all(t.name != d.name for d in dedup):
                dedup.append(t)
        if len(dedup) > 1 and time_toks:
            groups = []
            for t in dedup:
                before = [i for i in time_toks if head.i < i < t.token]
                groups.append((t, before[-1] if before else None))
            whens = {w for _, w in groups}
            if len(whens) == len(groups) and None not in whens:
                return groups
        return [(dedup[0], None)]

    def _time_value(self, tok_i: int) -> tuple[bool, str | None]:
        k = self.tok_time[tok_i]
        t = self.article.times[k]
        prev = self.doc[tok_i - 1] if tok_i > 0 else None
        # The first token of this occurrence (an expression can occur several times).
        first = tok_i
        while first > 0 and self.tok_time[first - 1] == k:
            first -= 1
        before = self.doc[first - 1] if first > 0 else prev
        for tok in (before, self.doc[first]):
            if tok is not None and lemma(tok) in self.lex.cue("nosource"):
                return False, None
        return True, t.value

    def _date(self, cand: Candidate, top: Any, when: int | None, time_toks: list[int], head: Any) -> str | None:
        if when is not None:
            ok, value = self._time_value(when)
            if ok:
                return value
        usable = []
        blocked = False
        seen_times: set[int] = set()
        for i in time_toks:
            k = self.tok_time[i]
            if k in seen_times:
                continue
            seen_times.add(k)
            ok, value = self._time_value(i)
            if ok:
                usable.append((abs(i - head.i), value))
            else:
                blocked = True
        if usable:
            return min(usable, key=lambda x: x[0])[1]
        if blocked or cand.mode != "fact" or cand.quote is not None:
            return None
        published = self.article.published
        if not published:
            return None
        # The article's own date only for news told in the present or the perfect of a main clause.
        if top.pos_ not in ("VERB", "AUX"):
            return None
        if top.dep_ not in ("ROOT", "conj") and not (top.dep_ == "ccomp" and top.head.dep_ == "ROOT"):
            return None
        if top.dep_ == "conj" and top.head.dep_ != "ROOT":
            return None
        tense = top.morph.get("Tense")
        aux = [c for c in top.children if c.dep_.startswith("aux")]
        if aux:
            tense = aux[0].morph.get("Tense")
        if tense != ["Pres"]:
            return None
        return published

    def _place(self, region: set[int], tgt: Actor | None, head: Any) -> str | None:
        if tgt is not None and tgt.place:
            return tgt.entity or tgt.name
        best = None
        for i in sorted(region):
            ent = self.tok_entity[i]
            tok = self.doc[i]
            if ent is None or ent.type != "LOC" or tok.dep_ not in ("obl", "obl:arg", "obl:mod", "nmod"):
                continue
            prep = self._case(tok)
            if prep in self.lex.cue("place") and tok.head.i in (head.i, self.clause_top(head).i):
                best = ent.name
                break
        return best

    def _quantities(self, region: set[int]) -> list[Quantity]:
        out = []
        for q in self.article.quantities:
            occ = [tuple(sp) for sp in (getattr(q, "spans", None) or []) if len(sp) == 2]
            for start, end in occ or self._occurrences(q.text, q.start, q.end):
                toks = list(self._tokens_in(start, end))
                if toks and all(i in region for i in toks):
                    out.append(Quantity(text=q.text, value=q.value, unit=q.unit, start=start, end=end))
                    break
        return out

    def _sentence_text(self, unit: list[Any]) -> str:
        return self.text[unit[0].start_char:unit[-1].end_char].strip()

    # -- dedupe ---------------------------------------------------------------------------------

    def _group(self, name: str | None) -> str | None:
        if name is None:
            return None
        return _fold(self.affiliation.get(name, name))

    def _finish(self, items: list[tuple[Candidate, Event]]) -> list[Event]:
        events = [ev for _, ev in items if (self.modes is None or ev.mode in self.modes)
                  and (ev.source or ev.type == "PROTEST")]
        events = [ev for ev in events if ev.target is None or _fold(ev.source or "") != _fold(ev.target)]
        self._fill_aid_targets(events)
        body = [e for e in events if not e._title]  # type: ignore[attr-defined]
        title = [e for e in events if e._title]  # type: ignore[attr-defined]
        kept: list[Event] = []
        for ev in body:
            match = None
            for k in kept:
                if k.type != ev.type or self._group(k.source) != self._group(ev.source):
                    continue
                if k._explicit and ev._explicit and k.date != ev.date:  # type: ignore[attr-defined]
                    continue  # the same kind of act on two different days: two events
                same_target = self._group(k.target) == self._group(ev.target)
                one_open = k.target is None or ev.target is None
                same_unit = k._sent == ev._sent  # type: ignore[attr-defined]
                place_pair = same_unit and (k._place_target or ev._place_target)  # type: ignore[attr-defined]
                if same_target or one_open or place_pair:
                    match = k
                    break
            if match is None:
                kept.append(ev)
            else:
                self._merge(match, ev)
        for ev in title:
            match = next((k for k in kept if k.type == ev.type
                          and self._group(k.source) == self._group(ev.source)), None)
            if match is None:
                # A headline repeats a body event, often with a role the terse headline parse got
                # wrong: the same type with the same target (or none) is that event, not a new one.
                match = next((k for k in kept if k.type == ev.type and (
                    ev.target is None or self._group(k.target) == self._group(ev.target))), None)
                if match is not None:
                    continue
            if match is None:
                kept.append(ev)
            else:
                self._merge(match, ev)
        for ev in kept:
            if ev.target is not None and _fold(ev.source or "") == _fold(ev.target):
                ev.target = None  # a merge can bring in a target that is the source itself
            for attr in ("_sent", "_title", "_place_target", "_source_kind", "_explicit"):
                ev.__dict__.pop(attr, None)
        return kept

    def _merge(self, keep: Event, other: Event, keep_target: bool = False) -> None:
        if keep._place_target and not other._place_target and other.target:  # type: ignore[attr-defined]
            keep.place = keep.place or keep.target
            keep.target = other.target
            keep._place_target = False  # type: ignore[attr-defined]
            keep.date = other.date or keep.date
        if keep.target is None and other.target is not None and not keep_target:
            keep.target = other.target
        # A date is only carried over from the same sentence or from the headline of the same news.
        same = keep._sent == other._sent or other._title  # type: ignore[attr-defined]
        if keep.date is None and other.date is not None and same and keep.mode == other.mode:
            keep.date = other.date
        keep.place = keep.place or other.place
        have = {q.text for q in keep.quantities}
        keep.quantities.extend(q for q in other.quantities if q.text not in have)

    def _fill_aid_targets(self, events: list[Event]) -> None:
        """Aid without a named recipient goes to the recipient of the aid just mentioned."""
        last: tuple[int, str] | None = None
        for ev in sorted(events, key=lambda e: (e.start or 0)):
            if ev.type != "AID":
                continue
            sent = ev._sent  # type: ignore[attr-defined]
            if ev.target is None and sent in self.recipients and self.recipients[sent] != ev.source:
                ev.target = self.recipients[sent]
            if ev.target is not None:
                last = (sent, ev.target)
            elif last is not None and sent - last[0] <= 1 and last[1] != ev.source:
                ev.target = last[1]


def extend_with_kb(lex: Lexicon, kb: Any) -> None:
    """Adds the KB's demonyms and capitals to the lexicon (the lexicon's own entries win)."""
    for entry in kb.entries.values():
        if entry.get("kind") != "country" or entry.get("historical"):
            continue
        lex.countries.add(entry["name"])
        for form in entry.get("demonyms") or []:
            lex.demonyms.setdefault(_fold(form), entry["name"])
    for place_id, country_id in kb.capitals.items():
        place, country = kb.get(place_id), kb.get(country_id)
        if place and country:
            lex.capitals.setdefault(_fold(place["name"]), country["name"])


class EventStage:
    """Doc stage: ``article.events`` from the parse and the entities, times, quantities, quotes."""

    name = "events"
    requires = ("title", "paragraphs", "published", "foreign", "entities", "times", "quantities", "quotes")
    assigns = ("events",)

    def __init__(self, ctx: Any) -> None:
        settings = getattr(ctx, "settings", None) or {}
        self.kb = None
        try:  # the shared KB (read through its public API): offices held, demonyms, capitals
            from veille.kb import load_kb

            self.kb = load_kb(settings.get("kb_dirs"))
        except Exception:  # no KB: the lexicons alone still code events
            log.warning("events: knowledge base not available", exc_info=True)
        cache = getattr(ctx, "cache", None)
        key = ("event_lexicon", id(self.kb))
        if cache is not None and key in cache:
            self.lex = cache[key]
        else:
            self.lex = load_lexicon()
            if self.kb is not None:
                extend_with_kb(self.lex, self.kb)
            if cache is not None:
                cache[key] = self.lex

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        try:
            article.events = Coder(self.lex, article, doc, kb=self.kb).run()
        except Exception:  # a parse the coder cannot read costs the events, never the article
            log.warning("event coding failed for %s", article.id, exc_info=True)
            article.events = []


def code_events(article: Article, doc: Any, lex: Lexicon | None = None) -> list[Event]:
    """Convenience for tests and tools: the events of one parsed article."""
    return Coder(lex or load_lexicon(), article, doc).run()


__all__ = ["EventStage", "Coder", "Lexicon", "Trigger", "code_events", "load_lexicon"]
