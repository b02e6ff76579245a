"""The article record: the one data model every stage, store and export shares.

It follows ``shared/SCHEMA.md`` field for field; fields beyond the schema (character offsets,
modes, ids) are additions, never renames. ``Article.to_dict()`` is the JSON record written by
``veille extract`` and ``veille export``; ``Article.from_dict()`` reads it back.

Offsets (``start``/``end``) are character offsets into ``Article.nlp_text()``: the title, a blank
line, then the paragraphs separated by blank lines. It is the text the spaCy ``Doc`` is built from,
so stages that run before and after parsing share one coordinate system.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

PARAGRAPH_SEPARATOR = "\n\n"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ENTITY_TYPES = ("PER", "ORG", "LOC")


@dataclass
class Source:
    path: str | None = None
    url: str | None = None
    site: str | None = None


@dataclass
class Dateline:
    place: str | None = None
    date: str | None = None
    agency: str | None = None
    text: str | None = None  # the dateline as it stands in the input


@dataclass
class Foreign:
    text: str
    language: str
    start: int | None = None
    end: int | None = None


@dataclass
class Entity:
    name: str
    type: str
    mentions: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)  # [start, end] per mention, in nlp_text
    kb_id: str | None = None  # id in the knowledge base, when linked
    actor: str | None = None  # who acts when this place stands for a government (metonymy)
    corpus_id: str | None = None  # stable id in a store's corpus-wide entity table


@dataclass
class Quote:
    text: str
    speaker: str | None = None
    kind: str = "direct"  # "direct" | "indirect"
    cue: str | None = None
    language: str = "fr"
    speaker_text: str | None = None  # the words naming the speaker, also for unnamed sources
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # the rule that chose the speaker (kept when settings.explain is on)


@dataclass
class TimeExpr:
    text: str
    value: str | None = None
    start: int | None = None
    end: int | None = None
    spans: list[list[int]] = field(default_factory=list)  # [start, end] of every occurrence
    type: str = "DATE"  # TimeML: DATE, TIME, DURATION or SET; records without a type are DATEs
    rule: str | None = None  # "learned_span" for a span only the time tagger proposed (veille.times.learned)


@dataclass
class Quantity:
    text: str
    value: float | int | None = None
    unit: str | None = None
    start: int | None = None
    end: int | None = None
    spans: list[list[int]] = field(default_factory=list)  # [start, end] of every occurrence


@dataclass
class Event:
    type: str
    source: str | None = None
    target: str | None = None
    date: str | None = None
    place: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    text: str = ""
    mode: str = "fact"  # "fact" | "intent" | "negated" | "hypothetical" | "demanded"
    trigger: str | None = None
    source_actor: str | None = None  # country or organisation a person acts for
    quote_speaker: str | None = None  # set when the event is told inside a quote
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # the rules behind type, source and target (kept when settings.explain is on)


@dataclass
class Article:
    id: str
    source: Source = field(default_factory=Source)
    title: str | None = None
    published: str | None = None
    published_from: str | None = None
    dateline: Dateline | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    foreign: list[Foreign] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Beyond the schema: filled by the story stage and the store.
    duplicate_of: str | None = None
    syndication: str | None = None
    story: str | None = None
    related: list[str] = field(default_factory=list)
    # With ``--explain`` only: the candidate names the entity stage refused, with the row of
    # ``lexicons/entities/name_decisions.tsv`` that refused each (left out of records when empty).
    entity_refusals: list[dict[str, Any]] = field(default_factory=list)
    # Working state of the pipeline, never exported: raw input and hints from the reader.
    raw_text: str | None = field(default=None, repr=False)
    hints: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- text layout -------------------------------------------------------------------------

    def nlp_text(self) -> str:
        """The text the spaCy Doc is built from: title, then paragraphs, blank-line separated."""
        parts = ([self.title] if self.title else []) + list(self.paragraphs)
        return PARAGRAPH_SEPARATOR.join(parts)

    def segments(self) -> list[tuple[str, int, int, int]]:
        """``(kind, index, start, end)`` for the title (``"title"``, 0) and each paragraph."""
        out: list[tuple[str, int, int, int]] = []
        pos = 0
        if self.title:
            out.append(("title", 0, 0, len(self.title)))
            pos = len(self.title) + len(PARAGRAPH_SEPARATOR)
        for i, para in enumerate(self.paragraphs):
            out.append(("paragraph", i, pos, pos + len(para)))
            pos += len(para) + len(PARAGRAPH_SEPARATOR)
        return out

    def body_start(self) -> int:
        """Offset in ``nlp_text()`` where the first paragraph starts."""
        return len(self.title) + len(PARAGRAPH_SEPARATOR) if self.title else 0

    def in_foreign(self, start: int, end: int) -> bool:
        """True when the span lies inside a passage detected as foreign."""
        return any(f.start is not None and f.end is not None and f.start <= start and end <= f.end
                   for f in self.foreign)

    # -- records -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The SCHEMA.md record (plus additive fields); working state is left out."""
        out = {}
        for f in fields(self):
            if f.name in ("raw_text", "hints") or (f.name == "entity_refusals" and not self.entity_refusals):
                continue
            value = getattr(self, f.name)
            if isinstance(value, list):
                out[f.name] = [_record(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
            elif hasattr(value, "__dataclass_fields__"):
                out[f.name] = _plain(value)
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        def build(kind, value):
            if value is None:
                return None
            names = {f.name for f in fields(kind)}
            return kind(**{k: v for k, v in value.items() if k in names})

        events = []
        for ev in data.get("events") or []:
            ev = dict(ev)
            ev["quantities"] = [build(Quantity, q) for q in ev.get("quantities") or []]
            events.append(build(Event, ev))
        return cls(
            id=data["id"],
            source=build(Source, data.get("source") or {}),
            title=data.get("title"),
            published=data.get("published"),
            published_from=data.get("published_from"),
            dateline=build(Dateline, data.get("dateline")),
            language=data.get("language"),
            paragraphs=list(data.get("paragraphs") or []),
            boilerplate=list(data.get("boilerplate") or []),
            foreign=[build(Foreign, x) for x in data.get("foreign") or []],
            entities=[build(Entity, x) for x in data.get("entities") or []],
            quotes=[build(Quote, x) for x in data.get("quotes") or []],
            times=[build(TimeExpr, x) for x in data.get("times") or []],
            quantities=[build(Quantity, x) for x in data.get("quantities") or []],
            events=events,
            duplicate_of=data.get("duplicate_of"),
            syndication=data.get("syndication"),
            story=data.get("story"),
            related=list(data.get("related") or []),
        )


def _record(item: Any) -> dict[str, Any]:
    """A list item as a dict; ``rule`` only when set, so records without ``--explain`` are unchanged."""
    out = _plain(item)
    if out.get("rule", "") is None:
        del out["rule"]
    return out


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` of ``value``, the same dicts and lists: a str, number or None is kept
    as it is (``asdict`` deep-copies it, which returns the same object), anything else goes
    through ``asdict``'s own copy. Records are built for every article; ``asdict`` was most of it."""
    if isinstance(value, _SCALARS):
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is tuple:
        return tuple(_plain(v) for v in value)
    if type(value) is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        if not is_dataclass(value) or isinstance(value, type):
            return _asdict_leaf(value)
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _asdict_leaf(value: Any) -> Any:
    """What ``asdict`` makes of a value that is no dataclass, list, tuple or dict of those types."""
    return asdict(_Leaf(value))["value"]


@dataclass
class _Leaf:
    value: Any


def article_id(content: bytes) -> str:
    """Stable id: the same input bytes give the same id on every run and machine."""
    return hashlib.sha256(content).hexdigest()[:16]
