"""The three event lexicons read into one ``Lexicon``: triggers, mode cues, actors (and the KB's).

* ``lexicons/event_triggers.tsv``: trigger verbs, nouns and phrases per PLOVER type, with the
  constraints that keep them precise (``renforcer`` is MOBILIZE only with troops or a presence);
* ``lexicons/events/press_triggers.tsv``: the same format, for the wording of real press articles
  (nominalisations, passives, predicative adjectives ``adj``), each line with an invented example;
* ``lexicons/events/codebook_triggers.tsv``: the same format, the verbs, nominalisations and idioms
  of each PLOVER type's definition and modes in the codebook, each line with an invented example;
* ``lexicons/events/carryover_triggers.tsv``: the same format, wording met on the second events
  dev gold (pages of new sites), each line with an invented example;
* ``lexicons/events/locution_triggers.tsv``: the same format, the verbal locutions and
  nominalisations the press uses for speech acts and meetings, built type by type from French
  usage, each line with an invented example;
* ``lexicons/events/speech_act_triggers.tsv``: the same format, the wording of accusations
  and stances met on the speech-act events of the dev gold (fearing a party's act), each
  line with an invented example;
* ``lexicons/events/evaluative_triggers.tsv``: the same format, evaluative predicates ("c'est
  inacceptable", "une honte") marked ``judge=1``: the one who says it judges the subject's party
  (``veille.events.judgements``);
* ``lexicons/events/recall_triggers.tsv``: the same format, wording the events dev gold marks that
  the other tables lacked (a survey that "révèle que", admitting "que", fighting a measure), each
  line with an invented example;
* ``lexicons/events/thesaurus_triggers.tsv``: the same format, ACCUSE, REJECT and REQUEST words
  written family by family from French (not from pages), each line with an invented example;
* ``lexicons/events/family_triggers.tsv``: the same format, words of the other types (ASSAULT,
  COERCE, PROTEST, CONSULT, RETREAT, CONCEDE, AID, COOPERATE) written family by family from French,
  each line with an invented example;
* ``lexicons/events/construction_triggers.tsv``: the same format, constructions the dev gold marks
  that the parse hid from the other tables ("pour avoir violé" with the victim hung elsewhere),
  each line with an invented example;
* ``lexicons/events/stance_triggers.tsv``: the same format, backing told from the side of the one
  who gets it ("a reçu le soutien de Y": SUPPORT Y -> X, ``recv=1``), read before the meeting's
  "recevoir";
* ``lexicons/events/sense_triggers.tsv``: the same format, typed ``-``: senses of event words
  that tell no event ("se demander si", "se manifester", "condamné à deux ans de prison"), read
  first, each line with an invented example;
* ``lexicons/event_modes.tsv``: cues of intent, possibility, negation, support verbs, speech verbs,
  the prepositions that carry targets and places, and nouns naming posts;
* ``lexicons/event_actors.tsv``: demonyms and capitals standing for countries (the shared KB's
  demonyms and capitals are added by ``extend_with_kb``).

A new trigger is one line of ``event_triggers.tsv``; nothing here needs to change for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from veille.common.fold import lower_nfc
from veille.common.lexicon import rows
from veille.events.words import PLURAL_ENDINGS

TRIGGERS = "event_triggers.tsv"
PRESS_TRIGGERS = "events/press_triggers.tsv"
CODEBOOK_TRIGGERS = "events/codebook_triggers.tsv"
CARRYOVER_TRIGGERS = "events/carryover_triggers.tsv"
LOCUTION_TRIGGERS = "events/locution_triggers.tsv"
EVALUATIVE_TRIGGERS = "events/evaluative_triggers.tsv"
SPEECH_ACT_TRIGGERS = "events/speech_act_triggers.tsv"
RECALL_TRIGGERS = "events/recall_triggers.tsv"
THESAURUS_TRIGGERS = "events/thesaurus_triggers.tsv"
FAMILY_TRIGGERS = "events/family_triggers.tsv"
CONSTRUCTION_TRIGGERS = "events/construction_triggers.tsv"
SENSE_TRIGGERS = "events/sense_triggers.tsv"
STANCE_TRIGGERS = "events/stance_triggers.tsv"
# All the trigger tables, one format, read in this order; the senses that are no event first, so
# that they are tried before the event readings of the same word.
TRIGGER_FILES = (SENSE_TRIGGERS, STANCE_TRIGGERS, TRIGGERS, PRESS_TRIGGERS, CODEBOOK_TRIGGERS, CARRYOVER_TRIGGERS, LOCUTION_TRIGGERS,
                 EVALUATIVE_TRIGGERS, SPEECH_ACT_TRIGGERS, RECALL_TRIGGERS, THESAURUS_TRIGGERS, FAMILY_TRIGGERS,
                 CONSTRUCTION_TRIGGERS)
MODES = "event_modes.tsv"
ACTORS = "event_actors.tsv"


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
    adj: bool = False  # a predicative adjective ("préoccupé"), read with a verb's roles
    unless: frozenset[str] = frozenset()  # lemmas that must not be among the dependents ("conférence de presse")
    feel: bool = False  # the object feels it ("X inquiète le comité"): the object is the source
    judge: bool = False  # a judgement ("c'est inacceptable"): the one who says it blames the subject
    finite: bool = False  # only a finite verb: "X craint que …" blames, "craignant que …" only explains
    plural: bool = False  # only a plural noun: "les combats" are fighting, "le combat pour l'égalité" a cause
    participle: bool = False  # only a past participle form: "pour avoir violé", not "ils violent"/"violent"
    done: bool = False  # only an active compound past: "X a reconnu …" admits, "reconnaît" / "est reconnu" recognise
    ask: bool = False  # only a demand: "veulent que la direction rouvre …", "veulent une enquête" (events/demands.py)

    @property
    def constrained(self) -> bool:
        return bool(self.obj or self.obj_actor or self.any or self.recv or self.ask)

    @property
    def entry(self) -> str:
        """The lexicon line this trigger comes from, as ``kind:pattern`` ("verb:se réunir")."""
        kind = "adj" if self.adj else self.kind
        return f"{kind}:{'se ' if self.reflexive else ''}{' '.join(self.words)}"


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    phrases: dict[str, list[Trigger]] = field(default_factory=dict)  # first word -> phrases
    adjs: dict[str, list[Trigger]] = field(default_factory=dict)  # predicative adjectives
    cues: dict[str, set[str]] = field(default_factory=dict)  # kind -> words
    target_preps: dict[str, set[str]] = field(default_factory=dict)
    object_target_types: set[str] = field(default_factory=set)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    # What the coder derives from the tables above and remembers across articles (which words may
    # trigger): the tables are read-only once loaded.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def cue(self, kind: str) -> set[str]:
        found = self.cues.get(kind)  # (no empty set built for the default on a hit: hundreds of calls per article)
        return found if found is not None else set()


def _plural_forms(word: str) -> set[str]:
    out = {word}
    if not word.endswith(PLURAL_ENDINGS):
        out.add(word + "s")
    return out


def _expand(spec: str, classes: dict[str, set[str]]) -> set[str]:
    out: set[str] = set()
    for item in spec.split("|") if spec else []:
        out |= classes.get(item[1:], set()) if item.startswith("@") else {lower_nfc(item)}
    return out


def _trigger(row: tuple[str, ...], classes: dict[str, set[str]]) -> tuple[Trigger, str]:
    etype, kind, pattern = row[0], row[1], lower_nfc(row[2])
    adj = kind == "adj"
    kind = "verb" if adj else kind  # an adjective said of an actor takes a verb's source and target
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
                   frozenset(_expand(opts.get("any", ""), classes)), adj,
                   frozenset(_expand(opts.get("except", ""), classes)), opts.get("feel") == "1",
                   opts.get("judge") == "1", opts.get("finite") == "1", opts.get("plural") == "1",
                   opts.get("part") == "1", opts.get("done") == "1", opts.get("ask") == "1")
    return trig, pattern


def load_lexicon() -> Lexicon:
    """Reads the three event lexicons (done once per pipeline, in the stage's ``__init__``)."""
    lex = Lexicon()
    classes: dict[str, set[str]] = {}
    trigger_rows = [row for name in TRIGGER_FILES for row in rows(name, min_columns=3)]
    for row in trigger_rows:
        if row[0] == "@class":
            classes[row[1]] = {lower_nfc(w) for w in row[2].split("|")}
    for row in trigger_rows:
        if row[0] == "@class":
            continue
        trig, pattern = _trigger(row, classes)
        table = lex.adjs if trig.adj else {"verb": lex.verbs, "noun": lex.nouns, "phrase": lex.phrases}[trig.kind]
        key = trig.words[0] if trig.kind == "phrase" else pattern
        table.setdefault(key, []).append(trig)
    for row in rows(MODES, min_columns=2):
        kind, word = row[0], lower_nfc(row[1])
        if kind == "target":
            lex.target_preps[row[1]] = {lower_nfc(p) for p in row[2].split("|")}
        elif kind == "objtarget":
            lex.object_target_types.add(row[1])
        else:
            lex.cues.setdefault(kind, set()).add(word)
    for row in rows(ACTORS, min_columns=3):
        kind, forms, canonical = row[0], row[1].split("|"), row[2]
        lex.countries.add(canonical)
        for form in forms:
            if kind == "demonym":
                for f in _plural_forms(lower_nfc(form)):
                    lex.demonyms[f] = canonical
            elif kind == "capital":
                lex.capitals[lower_nfc(form)] = canonical
    return lex


def extend_with_kb(lex: Lexicon, kb: Any) -> None:
    """Adds the KB's demonyms and capitals to the lexicon (the lexicon's own entries win)."""
    for entry in kb.entries.values():
        if entry.get("kind") != "country" or entry.get("historical"):
            continue
        lex.countries.add(entry["name"])
        for form in entry.get("demonyms") or []:
            lex.demonyms.setdefault(lower_nfc(form), entry["name"])
    for place_id, country_id in kb.capitals.items():
        place, country = kb.get(place_id), kb.get(country_id)
        if place and country:
            lex.capitals.setdefault(lower_nfc(place["name"]), country["name"])
