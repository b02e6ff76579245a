"""The name variants of ``bench/name_perturb.py``: each rewrites the person names of a text into another
form the French press uses, as a list of edits (``quote_variants.Edit``) so any offset of the text maps
into the changed text, and says what the gold's name of each person becomes.

A person is a gold ``PER`` entity of two words or more: given names, then the surname (its last word
with the lower-case particles before it, "Ursula von der Leyen" -> "von der Leyen"). Its mentions are
the full name, and the surname alone; a surname two persons of the page share is left alone.

Plain functions over strings (no corpus, no spaCy), tested on invented text in
``tests/test_name_perturb.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Edit = tuple[int, int, str]

PARTICLES = frozenset("abu al ben bin d' da de del della der des di du el ibn la le van von".split())
_SPACE = r"[ \u00a0\u202f]+"
_TITLED = re.compile(r"(?:\b(?:M|Mme|Mlle|Me|Mes|Dr|Pr|Mgr|Rav|Maîtres?|Monseigneur|[DPM]\^(?:r|e|es|me|lle|gr))\.?"
                     r"|\b(?:le|la|du|de la|au|à la)(?: \w+){1,3})[ \u00a0\u202f]+$")
# the capitalised word just before a surname ("Lea" before "Valbrune" for "Léa Valbrune", "d’Hiroko")
_WORD_BEFORE = re.compile(r"(\w[\w-]*)[ \u00a0\u202f]+$")
TITLES = ("le général", "Me", "Dr")
# the other titles the press writes before a name, abbreviated or in full ("title-other")
OTHER_TITLES = ("le Pr", "Mgr", "le docteur", "Maître", "la juge", "le colonel")
PARTICLE_FORMS = ("de", "Le", "van der")
# Latin spellings of Cyrillic names: the French press and the English one, either way
_TRANSLIT = (("sky", "ski"), ("ski", "sky"), ("ï", "i"), ("iy", "i"), ("ou", "u"), ("tch", "ch"), ("ch", "sh"),
             ("kh", "h"))
# a surname that looks Slavic: only these names are respelt
_SLAVIC = re.compile(r"(?:ov|ev|ova|eva|ine|sky|ski|enko|ouk|uk|ko|itch|ich|vitch|vich|yi|ine)$", re.I)


@dataclass(frozen=True)
class Person:
    given: str  # "Jean-Marc"
    surname: str  # "Dupont", "von der Leyen"

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


def person_of(name: str) -> Person | None:
    """The given names and surname of a gold person name, ``None`` for one word or a lower-case start."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return Person(" ".join(words[:i]), " ".join(words[i:]))


def _pattern(words: str) -> str:
    return r"(?<![\w'’-])" + _SPACE.join(re.escape(w) for w in words.split()) + r"(?![\w-])"


@dataclass
class Mention:
    start: int
    end: int
    person: Person
    full: bool  # the full name, else the surname alone
    first: bool  # the person's first mention in the text
    titled: bool = False  # a title stands before it already ("M.", "Mme", "le président")
    shared: bool = False  # another person of the page has the same surname
    inside: bool = False  # a surname after a given name the gold spells otherwise ("Lea Valbrune", "Dan X")


def mentions(text: str, people: list[Person]) -> list[Mention]:
    """Every mention of ``people`` in ``text``, in text order; a surname two of them share is skipped."""
    surnames = [p.surname for p in people]
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for person in people:
        for m in re.finditer(_pattern(person.name), text):
            found.append(Mention(m.start(), m.end(), person, True, False))
            taken.append(m.span())
    for person in people:
        if surnames.count(person.surname) > 1:
            continue
        for m in re.finditer(_pattern(person.surname), text):
            if not any(s <= m.start() < e for s, e in taken):
                found.append(Mention(m.start(), m.end(), person, False, False))
    found.sort(key=lambda m: m.start)
    for m in found:
        m.shared = surnames.count(m.person.surname) > 1
        m.titled = bool(_TITLED.search(text[max(0, m.start - 40):m.start]))
        m.inside = not m.full and _given_before(text[max(0, m.start - 40):m.start], m.person)
    seen: set[Person] = set()
    for m in found:
        m.first = m.person not in seen
        seen.add(m.person)
    return found


def _given_before(before: str, person: Person) -> bool:
    """True when ``before`` ends with a capitalised word that opens like one of the person's given
    names: another spelling of the full name ("Lea" for "Léa", "Dan" for "Daniel"), not the
    surname alone."""
    m = _WORD_BEFORE.search(before)
    if m is None or not m.group(1)[:1].isupper():
        return False
    return plain(m.group(1))[:1].lower() in {plain(w)[:1].lower() for w in re.split(r"[\s-]+", person.given) if w}


def plain(text: str) -> str:
    """``text`` without its diacritics."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def initials(given: str) -> str:
    """"Jean-Marc" -> "J.-M.", "Anne Marie" -> "A. M."."""
    return " ".join("-".join(part[:1] + "." for part in word.split("-")) for word in given.split())


_ROMAN = re.compile(r"[IVXL]+")


def initialable(person: Person, people: list[Person]) -> bool:
    """Whether the press would write ``person`` with initials: not a sovereign's or pope's name
    with its number ("Albert II": "A. II" is no press form), nor a name with an epithet ("Antoine
    le Grand"), nor one of two persons of the page whose initials and surname would be the same
    ("Adama" and "Assa X" both "A. X": the page then writes at least one in full)."""
    words = person.name.split()
    if any(_ROMAN.fullmatch(w) for w in words) or words[-2:-1] in (["le"], ["la"]):
        return False
    twins = [p for p in people if p.surname == person.surname and initials(p.given) == initials(person.given)]
    return len(twins) < 2


def translit(word: str) -> str:
    """The other Latin spelling of a Cyrillic name: the first rule that applies, French to English
    first ("Sergueï" -> "Serguei"… "Zelensky" -> "Zelenski"); ``word`` when none does."""
    lower = word.lower()
    for a, b in _TRANSLIT:
        if a in lower:
            i = lower.index(a)
            rep = b if word[i:i + 1].islower() else b[:1].upper() + b[1:]
            return word[:i] + rep + word[i + len(a):]
    return word


@dataclass(frozen=True)
class Variant:
    """How a variant writes a mention, and the gold names of a person after it."""

    write: Callable[[Mention, int], str | None]  # mention, person's index -> new text (None: unchanged)
    gold: Callable[[Person, int], list[str]]  # person, index -> [name, aliases...]; [] keeps the gold


def _caps(m: Mention, _: int) -> str:
    return f"{m.person.given} {m.person.surname.upper()}" if m.full else m.person.surname.upper()


def _initial(m: Mention, _: int) -> str | None:
    # ("M. Dupont" is Monsieur Dupont: a given name on M is left whole)
    return f"{initials(m.person.given)} {m.person.surname}" if m.full and not m.person.given.startswith("M") else None


def _compound(m: Mention, _: int) -> str | None:
    return f"{m.person.given.replace('-', ' ')} {m.person.surname}" if m.full and "-" in m.person.given else None


def _particle(p: Person, i: int) -> Person:
    return Person(p.given, f"{PARTICLE_FORMS[i % len(PARTICLE_FORMS)]} {p.surname}")


def _particled(m: Mention, i: int) -> str | None:
    if any(w.lower() in PARTICLES for w in m.person.surname.split()[:-1]):
        return None
    p = _particle(m.person, i)
    return p.name if m.full else p.surname


def _plain(m: Mention, _: int) -> str | None:
    new = plain(m.person.name if m.full else m.person.surname)
    return new if new != (m.person.name if m.full else m.person.surname) else None


def _translit_person(p: Person) -> Person:
    if not _SLAVIC.search(p.surname):
        return p
    return Person(" ".join(translit(w) for w in p.given.split()), " ".join(translit(w) for w in p.surname.split()))


def _translit(m: Mention, _: int) -> str | None:
    p = _translit_person(m.person)
    if p == m.person:
        return None
    return p.name if m.full else p.surname


def _titled(titles: tuple[str, ...]) -> Callable[[Mention, int], str | None]:
    def write(m: Mention, i: int) -> str | None:
        # (no title between a given name and the surname: "Lea Me Valbrune" is no press form)
        if m.titled or m.inside:
            return None
        return f"{titles[i % len(titles)]} {m.person.name if m.full else m.person.surname}"
    return write


_title = _titled(TITLES)


def _surname_after_first(m: Mention, _: int) -> str | None:
    return m.person.surname if m.full and not m.first and not m.shared else None


_VOWEL = re.compile(r"[AEIOUYHÀÂÉÈÊÎÔÛaeiouyhàâéèêîôû]")
_FRENCH = frozenset({"de", "du", "des", "de la"})


@dataclass(frozen=True)
class Form:
    """A surname form: what goes before the surname in the full name (``full``), before the surname
    written alone without a title (``alone``: "" drops it), and whether it is glued to the surname
    ("al-X", "O'X") or sets it in capitals ("de LEMARIN")."""

    full: str
    alone: str
    glued: bool = False
    caps: bool = False

    def write(self, surname: str, lead: str) -> str:
        core = surname.upper() if self.caps else surname
        if not lead:
            return core
        if lead == "de":
            return f"d'{core}" if _VOWEL.match(surname) else f"de {core}"
        return f"{lead}{core}" if self.glued else f"{lead} {core}"

    def before(self, surname: str) -> Form:
        """The form a surname opening on a vowel takes: the French particles elide ("d'Arvel", not
        "du Arvel"), "d'" then dropped alone as "de" is."""
        return Form("de", "", caps=self.caps) if self.full.lower() in _FRENCH and _VOWEL.match(surname) else self


# the forms the press writes, by the language the name comes from (typographic usage: the French "de"
# and "d'" are dropped before a surname written alone without a title, "du", "des" and "de la" kept with
# a capital; Dutch "van" and "ten" take a capital alone, German "von" and "zu" do not)
FORMS: dict[str, tuple[Form, ...]] = {
    "particle-fr": (Form("de", ""), Form("du", "Du"), Form("des", "Des"), Form("de la", "La")),
    "particle-nl": (Form("van", "Van"), Form("van der", "Van der"), Form("von", "von"), Form("ten", "Ten"),
                    Form("zu", "zu")),
    "particle-it": (Form("di", "Di"), Form("da", "Da"), Form("dos", "dos"), Form("del", "del"),
                    Form("de los", "de los")),
    "particle-ar": (Form("ben", "Ben"), Form("bin", "bin"), Form("ould", "Ould"), Form("al-", "al-", glued=True),
                    Form("el-", "el-", glued=True), Form("Abou", "Abou")),
    "particle-mac": (Form("Mac", "Mac", glued=True), Form("Mc", "Mc", glued=True), Form("O'", "O'", glued=True)),
    "caps-particle": (Form("de", "", caps=True), Form("de LA", "LA", caps=True), Form("du", "DU", caps=True),
                      Form("van der", "VAN DER", caps=True)),
}
# invented second surnames ("X Y-Z", "X Y Z") and middle given names ("X W Y")
SECOND_SURNAMES = ("Castellac", "Morvane", "Brévillon", "Kerdavid", "Sauvanel")
MIDDLE_NAMES = ("Marie", "Louis", "Anne", "Pierre", "Claire")


def _has_particle(p: Person) -> bool:
    return any(w.lower() in PARTICLES for w in p.surname.split()[:-1])


def _formed(p: Person, form: Form) -> Person:
    form = form.before(p.surname)
    return Person(p.given, form.write(p.surname, form.full))


def _form_writer(forms: tuple[Form, ...]) -> Callable[[Mention, int], str | None]:
    def write(m: Mention, i: int) -> str | None:
        if _has_particle(m.person):
            return None
        form = forms[i % len(forms)].before(m.person.surname)
        if m.full:
            return _formed(m.person, form).name
        # a title keeps the particle ("M. de X"); so does a surname after another spelling of the given name
        return form.write(m.person.surname, form.full if m.titled or m.inside else form.alone)
    return write


def _form_gold(forms: tuple[Form, ...]) -> Callable[[Person, int], list[str]]:
    def gold(p: Person, i: int) -> list[str]:
        return [] if _has_particle(p) else [_formed(p, forms[i % len(forms)]).name]
    return gold


def _second(p: Person, i: int, joint: str) -> Person:
    return Person(p.given, f"{p.surname}{joint}{SECOND_SURNAMES[i % len(SECOND_SURNAMES)]}")


def _two_surnames(joint: str) -> Variant:
    def write(m: Mention, i: int) -> str | None:
        if _has_particle(m.person):
            return None
        p = _second(m.person, i, joint)
        return p.name if m.full else p.surname
    return Variant(write, lambda p, i: [] if _has_particle(p) else [_second(p, i, joint).name])


def _middle(p: Person, i: int) -> Person:
    names = [n for n in MIDDLE_NAMES if n != p.given]
    return Person(f"{p.given} {names[i % len(names)]}", p.surname)


def _three_part(m: Mention, i: int) -> str | None:
    return _middle(m.person, i).name if m.full and " " not in m.person.given else None


VARIANTS: dict[str, Variant] = {
    "caps": Variant(_caps, lambda p, i: []),
    "initial": Variant(_initial, lambda p, i: [] if p.given.startswith("M")
                       else [f"{initials(p.given)} {p.surname}", p.name]),
    "compound-spaced": Variant(_compound, lambda p, i: [f"{p.given.replace('-', ' ')} {p.surname}"]
                               if "-" in p.given else []),
    "particle": Variant(_particled, lambda p, i: [] if any(w.lower() in PARTICLES for w in p.surname.split()[:-1])
                        else [_particle(p, i).name]),
    "no-diacritics": Variant(_plain, lambda p, i: []),
    "translit": Variant(_translit, lambda p, i: [] if _translit_person(p) == p else [_translit_person(p).name, p.name]),
    "title": Variant(_title, lambda p, i: []),
    "title-other": Variant(_titled(OTHER_TITLES), lambda p, i: []),
    "surname-after-first": Variant(_surname_after_first, lambda p, i: []),
    **{name: Variant(_form_writer(forms), _form_gold(forms)) for name, forms in FORMS.items()},
    "surname-hyphen": _two_surnames("-"),
    "surname-double": _two_surnames(" "),
    "three-part": Variant(_three_part, lambda p, i: [] if " " in p.given else [_middle(p, i).name]),
}
# the variants that make a name no one has: only the persons the knowledge base does not know
UNKNOWN_ONLY = frozenset({"particle", *FORMS, "surname-hyphen", "surname-double", "three-part"})


def edits_for(text: str, people: list[Person], variant: Variant) -> list[Edit]:
    """The edits ``variant`` makes to the mentions of ``people`` in ``text``."""
    index = {p: i for i, p in enumerate(people)}
    out: list[Edit] = []
    for m in mentions(text, people):
        new = variant.write(m, index[m.person])
        if new is not None and new != text[m.start:m.end]:
            out.append((m.start, m.end, new))
    return out
