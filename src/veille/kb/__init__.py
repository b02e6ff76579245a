"""The knowledge base: canonical names, aliases, demonyms, capitals, seats and dated roles.

The format is documented in ``README.md`` beside this file. ``load_kb()`` merges every ``*.jsonl``
of this folder with the user KB (``veille kb import``) and builds the lookup tables the entity
stage needs once per process: folded alias -> ids, surname -> people, demonym -> country,
(role, of) -> dated holders, place -> the government or organisation it can stand for.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veille.common.fold import fold, norm, phonetic
from veille.common.names import NAME_PARTICLES

KB_DIR = Path(__file__).resolve().parent
TYPES = ("PER", "ORG", "LOC")
ROLE_CODES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister",
              "secretary_general", "president", "high_representative", "spokesperson",
              "interior_minister", "director_general", "commander_in_chief", "chief_of_general_staff")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z]+:[^\s]+$")

def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


# -- entries ----------------------------------------------------------------------------------

@dataclass
class Role:
    role: str
    of: str
    start: str | None
    end: str | None
    person: str  # the holder's id

    def covers(self, date: str) -> bool:
        """True when the role was held at some point of ``date`` (ISO, any precision)."""
        return _lo(self.start or "0001") <= _hi(date) and _lo(date) <= _hi(self.end or "9999")


def _lo(date: str) -> str:
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def _hi(date: str) -> str:
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10]


@dataclass
class KB:
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # norm(alias) -> ids
    alias_case: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (norm, id) -> as written
    prefixes: set[str] = field(default_factory=set)  # word-boundary prefixes of aliases
    phonetic_names: dict[str, list[str]] = field(default_factory=dict)  # phonetic(full name) -> person ids
    surnames: dict[str, list[str]] = field(default_factory=dict)  # norm(surname) -> person ids
    surnames_phonetic: dict[str, list[str]] = field(default_factory=dict)
    surname_list: list[str] = field(default_factory=list)
    given_names: set[str] = field(default_factory=set)  # folded given names of KB people
    demonyms: dict[str, str] = field(default_factory=dict)  # norm(demonym) -> country id
    roles: dict[tuple[str, str], list[Role]] = field(default_factory=dict)
    person_roles: dict[str, list[Role]] = field(default_factory=dict)  # person id -> roles
    descriptors: dict[str, list[str]] = field(default_factory=dict)  # norm(descriptor) -> org ids
    stands_for: dict[str, list[str]] = field(default_factory=dict)  # place id -> country/org ids
    explicit_stands: dict[str, list[str]] = field(default_factory=dict)  # the entry's own stands_for
    capitals: dict[str, str] = field(default_factory=dict)  # capital place id -> country id
    seats: dict[str, list[str]] = field(default_factory=dict)  # place id -> organisations seated there
    by_iso2: dict[str, str] = field(default_factory=dict)

    # -- building ---------------------------------------------------------------------------

    def add(self, entry: dict[str, Any]) -> None:
        self.entries[entry["id"]] = entry

    def build(self) -> KB:
        """(Re)builds every index from ``entries``."""
        for name in ("aliases", "phonetic_names", "surnames", "surnames_phonetic", "demonyms", "roles",
                     "descriptors", "stands_for", "by_iso2", "alias_case", "explicit_stands", "capitals", "person_roles",
                     "seats"):
            getattr(self, name).clear()
        self.prefixes.clear()
        self.given_names.clear()
        aliases: dict[str, list[str]] = defaultdict(list)
        stands: dict[str, list[str]] = defaultdict(list)
        seats: dict[str, list[str]] = defaultdict(list)
        for eid, e in self.entries.items():
            names = [e["name"], *(e.get("aliases") or [])]
            for a in names:
                key = norm(a)
                if not key:
                    continue
                if eid not in aliases[key]:
                    aliases[key].append(eid)
                forms = self.alias_case.setdefault((key, eid), [])
                if a not in forms:
                    forms.append(a)
            if e.get("iso2"):
                self.by_iso2[e["iso2"].upper()] = eid
            if e["type"] == "PER":
                for a in names:
                    self.phonetic_names.setdefault(phonetic(a), [])
                    if eid not in self.phonetic_names[phonetic(a)]:
                        self.phonetic_names[phonetic(a)].append(eid)
                    words = name_words(a)
                    if len(words) >= 2:
                        self.given_names.add(words[0])
                        sur = surname_of(words)
                        self.surnames.setdefault(sur, [])
                        if eid not in self.surnames[sur]:
                            self.surnames[sur].append(eid)
                        ps = phonetic(sur)
                        self.surnames_phonetic.setdefault(ps, [])
                        if eid not in self.surnames_phonetic[ps]:
                            self.surnames_phonetic[ps].append(eid)
                for r in e.get("roles") or []:
                    if r.get("role") and r.get("of"):
                        role = Role(r["role"], r["of"], r.get("start"), r.get("end"), eid)
                        self.roles.setdefault((role.role, role.of), []).append(role)
                        self.person_roles.setdefault(eid, []).append(role)
            if not e.get("historical"):
                for d in e.get("demonyms") or []:
                    self.demonyms.setdefault(norm(d), eid)
            for d in e.get("descriptors") or []:
                key = re.sub(r"^(?:l'|le |la |les )", "", norm(d)).strip()
                if key and eid not in self.descriptors.setdefault(key, []):
                    self.descriptors[key].append(eid)
            if e.get("capital") and not e.get("historical"):
                stands[e["capital"]].append(eid)
            if e.get("seat"):
                seats[e["seat"]].append(eid)
        # What a place (or a seat like the Kremlin) can stand for when it acts: what the entry
        # says itself (``stands_for``), its country when it is a capital, the organisations
        # seated there (the place's ``seat_of`` order first).
        for eid, e in self.entries.items():
            explicit = e.get("stands_for") or []
            explicit = [explicit] if isinstance(explicit, str) else list(explicit)
            explicit = [c for c in (self.country(x) if not str(x).count(":") else x for x in explicit)
                        if c in self.entries]
            if explicit:
                self.explicit_stands[eid] = explicit
            cap = e.get("capital_of")
            cid = self.country(str(cap)) if cap else None
            if cid is None and stands.get(eid):
                cid = stands[eid][0]
            if cid:
                self.capitals[eid] = cid
            orgs = [o for o in list(e.get("seat_of") or []) + seats.get(eid, []) if o in self.entries]
            if orgs:
                self.seats[eid] = list(dict.fromkeys(orgs))
            order = explicit + ([cid] if cid else []) + self.seats.get(eid, [])
            if order:
                self.stands_for[eid] = list(dict.fromkeys(order))
        self.aliases = dict(aliases)
        self.surname_list = sorted(self.surnames)
        # Prefixes at every place a tokenizer may cut: before a space, after an apostrophe
        # ("europe de l'" on the way to "europe de l'est").
        for key in self.aliases:
            for k in range(1, len(key) + 1):
                if k == len(key) or key[k] == " " or key[k - 1] == "'":
                    self.prefixes.add(key[:k].strip())
        for holders in self.roles.values():
            holders.sort(key=lambda r: r.start or "")
        return self

    # -- lookups ----------------------------------------------------------------------------

    def get(self, eid: str | None) -> dict[str, Any] | None:
        return self.entries.get(eid) if eid else None

    def name(self, eid: str) -> str:
        return self.entries[eid]["name"]

    def lookup(self, text: str, etype: str | None = None) -> list[str]:
        """Ids whose name or alias equals ``text`` (accents, case, hyphens ignored)."""
        ids = self.aliases.get(norm(text), [])
        return [i for i in ids if etype is None or self.entries[i]["type"] == etype]

    def country(self, ref: str | None) -> str | None:
        """The country id for an ISO2 code or a country id."""
        if not ref:
            return None
        if ref.startswith("country:"):
            return ref if ref in self.entries else None
        return self.by_iso2.get(ref.upper())

    def holders(self, role: str, of: str, date: str | None = None) -> list[Role]:
        """Who held ``role`` of ``of``: on ``date`` when given, else everyone (oldest first)."""
        found = self.roles.get((role, of), [])
        return [r for r in found if r.covers(date)] if date else list(found)

    def nationalities(self, eid: str) -> set[str]:
        """Country ids a person belongs to: listed nationality plus countries they held office in."""
        e = self.entries.get(eid) or {}
        out = {c for c in (self.country(n) for n in e.get("nationality") or []) if c}
        for r in e.get("roles") or []:
            if str(r.get("of", "")).startswith("country:") and r.get("role") != "spokesperson":
                out.add(r["of"])
        return out


def name_words(name: str) -> list[str]:
    """Folded words of a person name; a hyphenated part stays one word ("kosiniak kamysz")."""
    return [w for w in (norm(x) for x in name.replace(" ", " ").split()) if w]


def split_name(name: str) -> tuple[str, str]:
    """``(given names, surname)`` of a person name, folded: ("jens", "stoltenberg")."""
    words = name_words(name)
    if not words:
        return "", ""
    sur = surname_of(words)
    n = len(words) - _count_words(words, sur)
    return " ".join(words[:n]), sur


def _count_words(words: list[str], sur: str) -> int:
    acc = ""
    for k in range(1, len(words) + 1):
        acc = " ".join(words[-k:])
        if acc == sur:
            return k
    return 1


def surname_of(words: list[str]) -> str:
    """The surname part of a folded, split person name: the last word plus its particles
    (``common/names.NAME_PARTICLES``: "Ursula von der Leyen" -> "von der leyen")."""
    i = len(words) - 1
    while i > 1 and words[i - 1] in NAME_PARTICLES:
        i -= 1
    return " ".join(words[i:])


# -- validation and files ---------------------------------------------------------------------

def validate_entry(entry: Any) -> list[str]:
    """Problems with one KB entry (empty when it is valid)."""
    if not isinstance(entry, dict):
        return ["not a JSON object"]
    errs = []
    for key in ("id", "name", "type"):
        if not isinstance(entry.get(key), str) or not entry.get(key).strip():
            errs.append(f"missing or empty {key!r}")
    if isinstance(entry.get("id"), str) and not _ID.match(entry["id"]):
        errs.append(f"id {entry['id']!r} is not 'kind:slug'")
    if entry.get("type") not in TYPES:
        errs.append(f"type {entry.get('type')!r} is not one of {', '.join(TYPES)}")
    for key in ("aliases", "demonyms", "descriptors", "professions", "nationality", "seat_of", "members"):
        value = entry.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            errs.append(f"{key!r} must be a list of strings")
    roles = entry.get("roles")
    if roles is not None:
        if not isinstance(roles, list):
            errs.append("'roles' must be a list")
        else:
            for r in roles:
                if not isinstance(r, dict) or r.get("role") not in ROLE_CODES or not r.get("of"):
                    errs.append(f"bad role {r!r} (role must be one of {', '.join(ROLE_CODES)}, 'of' required)")
                    continue
                for k in ("start", "end"):
                    if r.get(k) is not None and not _DATE.match(str(r[k])):
                        errs.append(f"role date {k}={r[k]!r} is not YYYY[-MM[-DD]]")
    return errs


def read_jsonl(path: str | Path) -> Iterable[tuple[int, Any]]:
    """``(line number, parsed object)`` for every entry line; comments and blanks skipped."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            s = line.strip()
            if not s or s.startswith("#") or s.startswith("//"):
                continue
            try:
                yield n, json.loads(s)
            except json.JSONDecodeError as exc:
                yield n, ValueError(f"invalid JSON: {exc}")


def user_kb_dir() -> Path:
    """Where ``veille kb import`` writes: $VEILLE_KB_DIR, else $XDG_DATA_HOME/veille/kb."""
    if os.environ.get("VEILLE_KB_DIR"):
        return Path(os.environ["VEILLE_KB_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "veille" / "kb"


def kb_files(dirs: Iterable[str | Path] | None = None) -> list[Path]:
    if dirs is None:
        dirs = [KB_DIR, user_kb_dir()]
    out: list[Path] = []
    for d in dirs:
        p = Path(d)
        if p.is_dir():
            out.extend(sorted(p.glob("*.jsonl")))
        elif p.is_file():
            out.append(p)
    return out


def build_kb(dirs: Iterable[str | Path] | None = None) -> KB:
    """A KB from the given folders/files (default: this package's folder plus the user KB).

    Invalid lines are skipped (``veille kb import`` refuses them up front; the shipped files are
    checked by the tests), so one bad line never stops a run.
    """
    kb = KB()
    for path in kb_files(dirs):
        for _, entry in read_jsonl(path):
            if not validate_entry(entry):
                kb.add(entry)
    return kb.build()


@functools.lru_cache(maxsize=4)
def _cached(key: tuple[str, ...] | None) -> KB:
    return build_kb(list(key) if key is not None else None)


def load_kb(dirs: Iterable[str | Path] | None = None) -> KB:
    """The merged KB, built once per process for a given set of folders."""
    return _cached(tuple(str(d) for d in dirs) if dirs is not None else None)


def import_entries(path: str | Path, target_dir: str | Path | None = None) -> tuple[int, Path]:
    """Validates every entry of ``path`` and merges them into ``user.jsonl`` of the user KB.

    Raises ``ValueError`` naming the first bad lines; nothing is written then.
    """
    entries, errors = [], []
    for n, entry in read_jsonl(path):
        if isinstance(entry, Exception):
            errors.append(f"line {n}: {entry}")
            continue
        problems = validate_entry(entry)
        if problems:
            errors.append(f"line {n}: " + "; ".join(problems))
        else:
            entries.append(entry)
    if errors:
        raise ValueError("\n".join(errors[:20]))
    target = Path(target_dir) if target_dir else user_kb_dir()
    target.mkdir(parents=True, exist_ok=True)
    out = target / "user.jsonl"
    merged: dict[str, Any] = {}
    if out.exists():
        for _, e in read_jsonl(out):
            if isinstance(e, dict) and "id" in e:
                merged[e["id"]] = e
    for e in entries:
        merged[e["id"]] = e
    tmp = out.with_suffix(".jsonl.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("# user KB written by `veille kb import`; format: veille/kb/README.md\n")
        for e in merged.values():
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    tmp.replace(out)
    _cached.cache_clear()
    return len(entries), out


__all__ = ["KB", "Role", "ROLE_CODES", "build_kb", "fold", "import_entries", "kb_files", "load_kb", "norm",
           "name_words", "phonetic", "split_name", "surname_of", "user_kb_dir", "validate_entry", "slug"]
