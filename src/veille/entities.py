"""Entities: who and what an article names, resolved to canonical, time-aware identities.

Reads the shared spaCy ``Doc`` (no second parse) and builds ``article.entities``:

1. *mentions*: spaCy NER spans, cleaned (leading articles, civilities, trailing punctuation,
   descriptor words glued to a name, a verb the span ran over, "base de" before a place) and
   filtered (junk, MISC the KB does not know, anything in a foreign passage or in a clause of
   foreign function words, story credits, common words, capitalised demonym nouns "les
   Ukrainiens", weapon/treaty/currency names ``lexicons/system_names.tsv`` or names inside a noun
   phrase headed by ``lexicons/system_heads.tsv``); institutions NER reads as places
   (``lexicons/org_heads.tsv``) are organisations and keep their city; KB gazetteer matches for what NER misses (countries, organisations, places);
   country demonyms ("la pression militaire russe" -> Russie); descriptors from
   ``lexicons/roles.tsv`` ("le secrétaire général de l'OTAN", "l'homme politique norvégien") and
   organisation descriptors from the KB ("l'Alliance").
2. *linking* to the KB: exact alias (accents and case ignored), a transliteration key
   ("Volodimir Zelenski"), then fuzzy given names under an exact surname when the context agrees
   ("Jans Stoltenberg", "Andrzei Duda"). A name the KB does not know stays its own entity.
3. *merging* within the article: a surname alone or "M. Blinken" joins "Antony Blinken"; a person
   the KB does not know keeps the full name the article gives; an unnamed national body ("le
   ministère de la Défense") is the one of the country the article mentions most, when the KB has it.
4. descriptors resolve to an apposed name, to a holder the article names, or to whoever held the
   role at the article's date (``published``, else the dateline date; at year or month precision
   the holder for most of the period); "Le Norvégien" resolves like "l'homme politique norvégien".
5. *metonymy*: a capital or seat that is the subject of an action verb gets ``actor`` = the
   government or organisation it stands for ("Moscou a averti" -> Russie).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import process as rf_process
from rapidfuzz.distance import Indel
from spacy.attrs import IDX, LENGTH

from veille.kb import KB, fold, load_kb, name_words, norm, phonetic, split_name
from veille.language import function_words
from veille.model import Article, Entity

LEXICONS = Path(__file__).resolve().parent / "lexicons"

_NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_DETS = {"le", "la", "les", "l'", "du", "des", "de", "d'", "au", "aux", "un", "une", "cet", "cette", "ce"}
_NAME_PARTICLES = {"de", "du", "des", "da", "di", "van", "von", "der", "den", "ter", "la", "le", "al", "el",
                   "ben", "bin", "ibn", "abu", "dos", "do", "y", "zu", "st", "af", "ould", "ag", "bint",
                   "del", "della", "dei", "degli", "delle", "dalla", "op", "te", "ten", "vom", "zum", "zur"}
_NOT_BEFORE_ROLE = {"ancien", "ancienne", "ex", "futur", "future", "prochain", "prochaine", "vice",
                    "nouveau", "nouvelle", "premier", "premiere", "deuxieme", "anciens", "candidat",
                    "candidate"}
_OF = r"(?:de la |de l'|du |des |de |d')"
_WORDS = re.compile(r"[a-z]+")  # folded words
# Credits of a story: a bracketed line naming who reported, wrote, edited or translated it, or a
# last line "Avec AFP" / "Par X" / "Photo: X"; names there are the newsroom's, not the news'.
_AGENCY = r"(?:AFP|Reuters|Belga|AP|ATS|dpa|ANSA|EFE|Xinhua|TASS|Anadolu)"
_CREDITS = re.compile(
    # "(Reportage X ; version française Y, édité par Z)", "(Avec AFP)", "(AFP/Reuters)"
    r"\((?:(?:\s*(?:Reportage|Rédigé par|Rédaction|Texte|Avec (?:l'|l’)?(?:" + _AGENCY + r"|agences?))\b"
    r"|[^()\n]{0,200}?\b(?:[ée]dit[ée]e? par|[Vv]ersion française|[Tt]raduit par))[^()\n]{0,300}"
    r"|" + _AGENCY + r"(?:\s*[/,-]\s*\w+){0,3})\)"
    # a line of its own: "Avec AFP", "Par Jeanne Dumoulin", "Photo : X", "© X"
    r"|(?:^|\n)(?:Avec (?:l'|l’)?(?:" + _AGENCY + r"|agences?)|Par (?=[A-ZÉ][\w’'-]+ [A-ZÉ])|Photo ?:|Crédits? ?:"
    r"|Sources? ?: ?(?:" + _AGENCY + r"|agences?)|©)[^\n.]{0,80}(?=\n|$)"
    r"|[Pp]ropos recueillis par [^\n.,;]{0,60}")
_CALENDAR = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier",
             "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
             "hier", "demain", "soir", "matin"}
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_ACRONYM = re.compile(r"\s*\((\w[\w&.\-]{1,11})\)")
_PAREN = re.compile(r"\s*\([^)]*\)$")


_QUOTE_MARKS = set('«»“”"„')


def _clause_bound(tok: Any) -> bool:
    """Whether a token ends a clause: a quotation mark, a sentence end or a paragraph break."""
    return tok.text in _QUOTE_MARKS or tok.text in (".", "!", "?", "…") or "\n" in tok.text_with_ws


def _overlap_days(role: Any, date: str) -> int:
    """How many days of the period ``date`` (YYYY or YYYY-MM) the role was held."""
    from datetime import date as _d

    def day(iso: str, hi: bool) -> _d:
        parts = [int(x) for x in iso.split("-")]
        if len(parts) == 1:
            return _d(parts[0], 12, 31) if hi else _d(parts[0], 1, 1)
        if len(parts) == 2:
            if not hi:
                return _d(parts[0], parts[1], 1)
            nxt = _d(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return _d.fromordinal(nxt.toordinal() - 1)
        return _d(*parts[:3])

    try:
        lo = max(day(date, False), day(role.start or "0001", False))
        hi = min(day(date, True), day(role.end, True) if role.end else _d(9999, 12, 31))
    except ValueError:
        return 0
    return max(0, (hi - lo).days + 1)


def _read_lexicon(name: str) -> list[list[str]]:
    """Rows of a TSV lexicon, comments and blank lines skipped."""
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the surface form as it appears (civility included)
    key: str  # the name to link: no article, no civility
    label: str  # PER / ORG / LOC / MISC
    source: str  # ner | gaz | demonym | descriptor | orgdesc
    kb_ids: list[str] = field(default_factory=list)
    kb_id: str | None = None
    gender: str | None = None
    cluster: int | None = None
    # descriptors only: (role, of) to resolve, or ("nationality", country id)
    role: tuple[str, str | None] | None = None
    dated: bool = True  # False for "ancien ..." (never resolved by date)
    role_end: int = 0  # descriptors: where the role words end (before the named country/org)


@dataclass
class _Pattern:
    regex: re.Pattern
    first: str  # a literal word the text must contain (cheap pre-filter)
    roles: tuple[list[str], list[str]]  # (roles when of is a country, roles when of is an org)
    of: str | None  # a fixed of id
    slot: str | None  # "ADJ", "OF" or None


class EntityStage:
    """The doc stage building ``article.entities`` (see the module docstring)."""

    name = "entities"
    requires = ("title", "paragraphs", "published", "dateline", "foreign")
    assigns = ("entities",)

    def __init__(self, ctx: Any) -> None:
        settings = getattr(ctx, "settings", {}) or {}
        self.link = settings.get("entity_linking", True)
        self._clause_doc: Any = None  # the Doc whose per-token clause data is cached below
        self._clause_bounds: list[bool] = []
        self._clause_foreign: list[bool] = []
        self._clause_french: list[bool] = []
        kb = ctx.cache.get("kb") if hasattr(ctx, "cache") else None
        if kb is None:
            kb = load_kb(settings.get("kb_dirs"))
            if hasattr(ctx, "cache"):
                ctx.cache["kb"] = kb
        self.kb: KB = kb
        self.stopwords = {norm(r[0]) for r in _read_lexicon("entity_stopwords.tsv")}
        self.titles = {norm(r[0]): (r[1] if len(r) > 1 and r[1] in ("m", "f") else None)
                       for r in _read_lexicon("titles.tsv")}
        self.location_verbs = {r[0].strip() for r in _read_lexicon("location_verbs.tsv")}
        self.not_countries = {norm(r[0]) for r in _read_lexicon("non_country_adjectives.tsv")}
        self.generic_heads = {norm(r[0]) for r in _read_lexicon("generic_heads.tsv")}
        self.person_heads = {norm(r[0]) for r in _read_lexicon("person_heads.tsv")}
        self.system_heads = {norm(r[0]) for r in _read_lexicon("system_heads.tsv")}
        self.system_names = {norm(r[0]) for r in _read_lexicon("system_names.tsv")}
        self.org_heads = {norm(r[0]) for r in _read_lexicon("org_heads.tsv")}
        self.name_modifiers = {norm(r[0]) for r in _read_lexicon("name_modifiers.tsv")}
        # Given names (the KB's people and the quotes' given-name list): a run "<given> <Name>"
        # at the end of an organisation or place span is a person the NER glued to it.
        self.given_names = set(kb.given_names) | {norm(r[0]) for r in _read_lexicon("given_names.tsv")}
        # Function words of the other languages (none of them a French word): a name in a clause
        # made of them sits in a foreign passage the language stage did not catch.
        self.foreign_words = {w for lang, ws in function_words().items() if lang not in ("fr", "en_titles")
                              for w in ws}
        self.french_words = function_words().get("fr", set())
        self.patterns = self._compile_roles(_read_lexicon("roles.tsv"))
        self.pattern_groups: dict[str, list[tuple[int, _Pattern]]] = {}
        for order, p in enumerate(self.patterns):
            self.pattern_groups.setdefault(p.first, []).append((order, p))
        self.metonyms: dict[str, list[str]] = {}
        for row in _read_lexicon("metonyms.tsv"):
            place, target = kb.lookup(row[0]), kb.lookup(row[1]) if len(row) > 1 else []
            if place and target:
                self.metonyms.setdefault(place[0], []).append(target[0])
        self.generic_orgs = self._generic_org_index(kb)
        self.org_descriptors = [
            (re.compile(r"(?<![a-z0-9])(?:l'|la |le )" + re.escape(d) + r"(?![a-z0-9])"), d, ids)
            for d, ids in kb.descriptors.items() if d]

    @staticmethod
    def _generic_org_index(kb: KB) -> dict[str, list[tuple[str, str]]]:
        """"ministère de la defense" -> [(country id, org id), …]: the names of national
        organisations with their country taken out ("Ministère de la Défense de la Fédération de
        Russie", "ministère russe de la Défense"), to read a bare "le ministère de la Défense"."""
        index: dict[str, list[tuple[str, str]]] = {}
        for eid, e in kb.entries.items():
            cid = kb.country(e.get("country")) if e.get("type") == "ORG" else None
            if not cid:
                continue
            c = kb.entries[cid]
            country_names = sorted({norm(n) for n in [c["name"], *(c.get("aliases") or [])]}, key=len, reverse=True)
            dems = set(c.get("demonyms") or [])
            for name in [e["name"], *(e.get("aliases") or [])]:
                n = norm(name)
                for cn in country_names:
                    n = re.sub(r" (?:de la |de l'|du |des |de |d')" + re.escape(cn) + "$", "", n)
                n = " ".join(w for w in n.split() if w not in dems)
                if n != norm(name) and n:
                    pair = (cid, eid)
                    if pair not in index.setdefault(n, []):
                        index[n].append(pair)
        return index

    def _national_orgs(self, clusters: dict) -> None:
        """"le ministère de la Défense" unnamed: the ministry of the country the article is about
        (the one it mentions most, by its name, capital or demonym), when the KB has it."""
        # "Parlement d'Ankara", "Parlement de Kiev": the institution of the country of that capital.
        for k in [k for k in clusters if k[0] == "name" and k[2] in ("ORG", "LOC")]:
            mt = re.fullmatch(r"([a-z-]+) (?:de la |de l'|du |des |de |d')(.+)", k[1])
            if not mt or mt.group(1) not in self.org_heads or mt.group(1) not in self.generic_orgs:
                continue
            places = self.kb.lookup(mt.group(2), "LOC")
            cid = next((p if p.startswith("country:") else self.kb.capitals.get(p) for p in places), None)
            oid = [o for c, o in self.generic_orgs[mt.group(1)] if c == cid]
            if cid and len(oid) == 1:
                clusters.setdefault(("kb", oid[0]), []).extend(clusters.pop(k))
        keys = [k for k in clusters if k[0] == "name" and k[1] in self.generic_orgs and k[2] in ("ORG", "LOC")
                and len(k[1].split()) >= 2]
        if not keys:
            return
        count: Counter = Counter()
        for k, ms in clusters.items():
            if k[0] != "kb":
                continue
            cid = k[1] if k[1].startswith("country:") else self.kb.capitals.get(k[1])
            cid = cid or next((x for x in self.kb.explicit_stands.get(k[1], []) if x.startswith("country:")), None)
            if cid:
                count[cid] += len(ms)
        for k in keys:
            cands = dict(self.generic_orgs[k[1]])
            ranked = [(n, c) for c, n in count.most_common() if c in cands]
            if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
                continue
            oid = cands[ranked[0][1]]
            clusters.setdefault(("kb", oid), []).extend(clusters.pop(k))

    # -- lexicon -------------------------------------------------------------------------------

    def _compile_roles(self, rows: list[list[str]]) -> list[_Pattern]:
        out = []
        rows = sorted(rows, key=lambda r: -len(r[0]))  # longer phrases first
        for row in rows:
            if len(row) < 2:
                continue
            phrase, role = row[0].strip(), row[1].strip()
            of = row[2].strip() if len(row) > 2 and row[2].strip() else None
            if of and of not in self.kb.entries:
                ids = self.kb.lookup(of)
                of = ids[0] if ids else None
                if of is None:
                    continue  # the KB does not know what the phrase names: skip it
            country_part, _, org_part = role.partition("/")
            roles = (country_part.split(","), (org_part or country_part).split(","))
            words = norm(phrase.replace("{ADJ}", "ADJSLOT").replace("{OF}", "OFSLOT"))
            rx = re.escape(words)
            slot = None
            if "adjslot" in words:
                rx = rx.replace("adjslot", r"(?P<adj>[a-z]+(?: [a-z]+)?)")
                slot = "ADJ"
            if "ofslot" in words:
                rx = rx.replace(r"de\ ofslot", _OF).replace("ofslot", "")
                slot = "OF"
            rx = r"(?<![a-z0-9])" + rx + (r"(?![a-z0-9])" if slot != "OF" else "")
            first = words.split()[0]  # every phrase starts with a literal word
            out.append(_Pattern(re.compile(rx), first, roles, of, slot))
        return out

    # -- the stage -----------------------------------------------------------------------------

    def __call__(self, article: Article, doc: Any, ctx: Any) -> None:
        text = doc.text
        ntext = fold(text)
        date = self._article_date(article)
        names = self._ner_mentions(article, doc, text)
        descs: list[Mention] = []
        if self.link:
            names = self._resolve_overlaps(text, names, self._gazetteer(article, doc, text, ntext))
        # "(Reportage Jean Dupont, édité par …)", "Avec AFP": the newsroom's credits, not the news.
        credits = [mt.span() for mt in _CREDITS.finditer(text)]
        if credits:
            names = [m for m in names if not any(a <= m.start < b for a, b in credits)]
        if self.link:
            for m in names:
                self._link_exact(m)
            descs = self._find_descriptors(article, text, ntext, names)
            descs = sorted(descs + self._demonym_nouns(article, doc), key=lambda d: d.start)
            # A descriptor is not a name: "secrétaire d'État américain" read by NER as "État
            # américain", "ministre russe des Affaires étrangères" as a place.
            names = [self._after_descriptor(m, descs, text) for m in names]
            names = [m for m in names if m.kb_id or m.label == "PER"
                     or not any(d.start <= m.start < d.role_end or d.start < m.end <= d.role_end for d in descs)]
        clusters = self._cluster(text, names, date, descs)
        if self.link:
            resolved = self._attach_descriptors(descs, text, clusters, date)
            extra = self._demonyms(article, doc, text, ntext, resolved) + self._org_descriptors(article, ntext, text, clusters)
            for m in extra:
                clusters.setdefault(("kb", m.kb_id), []).append(m)
        self._full_names(clusters)
        if self.link:
            self._national_orgs(clusters)
        self._surname_sweep(article, text, ntext, clusters)
        self._merge_acronyms(text, clusters)
        article.entities = self._entities(clusters, doc, article)

    def _after_descriptor(self, m: Mention, descs: list[Mention], text: str) -> Mention:
        """"Premier ministre malien Choguel Kokalla Maïga" read by NER as one name: the words after
        the descriptor are the person's name (two capitalised words at least)."""
        if m.kb_id or m.label == "PER":
            return m
        for d in descs:
            if not (d.start <= m.start < d.end < m.end):
                continue
            rest = text[d.end:m.end]
            words = rest.split()
            if len(words) >= 2 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) \
                    and words[0][:1].isupper():
                a = d.end + len(rest) - len(rest.lstrip())
                return Mention(a, m.end, text[a:m.end], text[a:m.end], "PER", "ner", gender=m.gender)
        return m

    @staticmethod
    def _article_date(article: Article) -> str | None:
        """The date roles are read at: ``published`` (the dateline's when it is more precise and
        agrees), else the dateline's; never a date without its year ("XXXX-03-05"): a role holder
        picked on a guessed year is wrong as often as right."""
        line = article.dateline.date if article.dateline and article.dateline.date else None
        line = line if line and _ISO_DATE.fullmatch(line) else None
        date = article.published if article.published and _ISO_DATE.fullmatch(article.published) else None
        if date and line and len(line) > len(date) and line.startswith(date):
            return line  # "2022-04" from the page, "2022-04-06" in the dateline: the day is known
        return date or line

    @staticmethod
    def _merge_acronyms(text: str, clusters: dict) -> None:
        """"l'Agence internationale de l'énergie (AIE)": the acronym is the same organisation."""
        where = {m.start: k for k, ms in clusters.items() for m in ms if m.source in ("ner", "gaz")}
        for key, ms in list(clusters.items()):
            for m in list(ms):
                if m.source not in ("ner", "gaz") or m.label == "PER":
                    continue
                mt = _ACRONYM.match(text, m.end)
                if not mt:
                    continue
                other = where.get(mt.start(1))
                if other is None or other == key or other not in clusters or key not in clusters:
                    continue
                initials = "".join(w[0] for w in norm(m.key).replace("'", " ").split())
                acro = norm(mt.group(1)).replace(".", "")
                it = iter(initials)
                if not acro or acro[0] != initials[:1] or not all(c in it for c in acro):
                    continue
                # The KB-linked side keeps the identity; else the long name absorbs the acronym.
                keep, drop = (other, key) if other[0] == "kb" and key[0] != "kb" else (key, other)
                if drop[0] == "kb":
                    continue
                clusters[keep].extend(clusters.pop(drop))
                where = {x.start: k for k, xs in clusters.items() for x in xs if x.source in ("ner", "gaz")}

    def _surname_sweep(self, article: Article, text: str, ntext: str, clusters: dict) -> None:
        """Surnames NER missed once the full name is known: "Hélène Vasquier ... Vasquier a dit"."""
        kb = self.kb
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
            for sur in surnames:
                if len(sur) < 3 or sur not in ntext:
                    continue
                for mt in re.finditer(r"(?<![a-z0-9])" + re.escape(sur) + r"(?![a-z0-9])", ntext):
                    a, b = mt.start(), mt.end()
                    if not any(c.isupper() for c in text[a:b]) or any(x < b and a < y for x, y in taken):
                        continue
                    if article.in_foreign(a, b):
                        continue
                    ms.append(Mention(a, b, text[a:b], text[a:b], "PER", "sweep"))
                    taken.append((a, b))

    # -- mentions from NER ---------------------------------------------------------------------

    def _ner_mentions(self, article: Article, doc: Any, text: str) -> list[Mention]:
        out = []
        for ent in doc.ents:
            label = _NER_TYPES.get(ent.label_)
            if not label:
                continue
            for part, plabel in self._split_person_tail(ent, label):
                m = self._clean(part, plabel, text)
                if m is None or article.in_foreign(m.start, m.end) or self._foreign_clause(part[0]):
                    continue
                if out and out[-1].start <= m.start and m.end <= out[-1].end:
                    continue  # already inside the previous span (extended over a particle)
                out.append(m)
        for span in self._unlabelled_persons(doc):
            m = self._clean(span, "PER", text)
            if m is not None and not article.in_foreign(m.start, m.end) and not self._foreign_clause(span[0]) \
                    and not any(o.start < m.end and m.start < o.end for o in out):
                out.append(m)
        out.sort(key=lambda m: m.start)
        return out

    def _unlabelled_persons(self, doc: Any) -> list[Any]:
        """"… de la Fédération de Russie Sergueï Riabkov a déclaré": a known given name followed by
        capitalised words the NER left outside every entity is a person's name. The word before
        must not be a capitalised word of its own (else the name may be part of a longer one,
        "Institut Jacques Delors"), unless it ends a name the KB knows (a role's organisation)."""
        found = []
        i, n = 0, len(doc)
        while i < n - 1:
            t = doc[i]
            if t.ent_type_ or not t.text[:1].isupper() or not t.is_alpha or norm(t.text) not in self.given_names:
                i += 1
                continue
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
                ok = ent is not None and bool(self.kb.lookup(re.sub(r"^(?:l['’]|la |le |les )", "", ent.text, flags=re.I)))
            if ok:
                found.append(doc[i:j])
            i = j
        return found

    def _split_person_tail(self, ent: Any, label: str) -> list[tuple[Any, str]]:
        """"l'Alliance Jens Stoltenberg", "Fédération de Russie Sergueï Riabkov": an organisation
        or place span ending in "<given name> <Name>" is two names, the role's organisation and
        its holder (French drops the comma before the holder's name). Split only when the first
        part is a name the KB knows, so institutions named after people ("Institut Jacques
        Delors", "Centre Georges Pompidou") stay whole."""
        if label == "PER" or not self.link:
            return [(ent, label)]
        doc = ent.doc
        if len(ent) == 1 and ent[0].text[:1].isupper() and not self.kb.lookup(ent.text) \
                and (norm(ent[0].text) in self.given_names or self._role_noun_right_before(ent[0])):
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
            if doc[k].lower_ in ("en", "au", "aux") and not self.kb.lookup(ent.text):
                head, tail = doc[ent.start:k], doc[k + 1:ent.end]
                head_text = re.sub(r"^(?:l['’]|la |le |les )", "", head.text.strip(), flags=re.I)
                known_head = self.kb.lookup(head_text) or len(self.kb.descriptors.get(norm(head_text), [])) == 1
                if known_head and self.kb.lookup(tail.text, "LOC"):
                    return [(head, label), (tail, "LOC")]
                break
        toks = list(ent)
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        for i in range(1, len(toks) - 1):
            if norm(toks[i].text) not in self.given_names or not toks[i].text[:1].isupper():
                continue
            if not all(t.text[:1].isupper() or t.text in ("-",) or t.lower_ in _NAME_PARTICLES
                       for t in toks[i + 1:]):
                continue
            head, tail = doc[ent.start:toks[i].i], doc[toks[i].i:toks[-1].i + 1]
            head_text = re.sub(r"^(?:l['’]|la |le |les )", "", head.text.strip(), flags=re.I)
            known_head = self.kb.lookup(head_text) or len(self.kb.descriptors.get(norm(head_text), [])) == 1
            if self.kb.lookup(ent.text) or not known_head:
                return [(ent, label)]
            return [(head, label), (tail, "PER")]
        return [(ent, label)]

    def _clean(self, ent: Any, label: str, text: str) -> Mention | None:
        toks = list(ent)
        # A span never runs across a paragraph break.
        for i, t in enumerate(toks):
            if "\n" in t.text or (i and "\n" in text[toks[i - 1].idx + len(toks[i - 1]):t.idx]):
                toks = toks[:i] if i else toks[1:]
                break
        while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].lower_ in ("’s", "'s")
                        or (len(toks) > 1 and toks[-1].is_digit)):  # "Olympique de Marseille 2" (a score)
            toks = toks[:-1]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        # A span never runs over a verb: "l'Alliance survoleraient la Pologne" is "Alliance"
        # (and "Pologne" is read on its own by the gazetteer).
        for i, t in enumerate(toks[1:], 1):
            form = t.morph.get("VerbForm")
            # Finite verbs and infinitives only: participles belong to names ("Nations unies").
            if t.text[:1].islower() and ("Fin" in form or (t.pos_ in ("VERB", "AUX") and "Inf" in form)) \
                    and t.lower_ not in _NAME_PARTICLES:
                toks = toks[:i]
                break
        # Trailing determiners and calendar words ("Parlement d'Ankara lundi").
        while len(toks) > 1 and (toks[-1].is_punct or toks[-1].lower_ in _DETS
                                 or (toks[-1].text[:1].islower() and norm(toks[-1].text) in _CALENDAR)):
            toks = toks[:-1]
        # "Parlement | de Kiev": NER stopped before the place that completes an institution's name.
        if label != "PER" and len(toks) == 1 and norm(toks[0].text) in self.org_heads and self.link:
            nxt = toks[0].doc[toks[0].i + 1:toks[0].i + 3]
            if len(nxt) == 2 and nxt[0].lower_ in ("de", "d'", "d’", "du") and nxt[1].text[:1].isupper() \
                    and self.kb.lookup(nxt[1].text, "LOC"):
                toks = toks + list(nxt)
                label = "ORG"
        # "base de Hmeimim", "région de Koursk": the kind of place is not part of its name.
        if label != "PER" and len(toks) >= 3 and norm(toks[0].text) in self.name_modifiers \
                and toks[1].lower_ in ("de", "d'", "d’", "du") and toks[2].text[:1].isupper():
            toks = toks[2:]
        gender = None
        surf_start = toks[0].idx if toks else None
        # Leading articles: "l'", "la Russie"; a capitalised "Le"/"La" is kept when it is part of
        # the name the KB knows ("Le Caire") or of a person name ("Le Drian").
        while toks and norm(toks[0].text) in _DETS and len(toks) > 1:
            # ("Le monde voit…" is a sentence, not the newspaper: the noun must be capitalised too.)
            if toks[0].text[0].isupper() and ((self.kb.lookup(text[toks[0].idx:toks[-1].idx + len(toks[-1])])
                                               and toks[1].text[:1].isupper())
                                              or (label == "PER" and not toks[0].is_sent_start)):
                break
            toks = toks[1:]
            surf_start = toks[0].idx
        # Civilities: "M. Blinken", "Mme Kallas" (also when NER left the civility outside).
        while toks and norm(toks[0].text) in self.titles and len(toks) > 1:
            gender = gender or self.titles[norm(toks[0].text)]
            toks = toks[1:]
            label = "PER" if label in ("MISC", "LOC", "ORG") else label
        if not toks:
            return None
        first = toks[0]
        if gender is None and first.i > 0 and norm(first.nbor(-1).text) in self.titles:
            gender = self.titles[norm(first.nbor(-1).text)]
            surf_start = first.nbor(-1).idx
            label = "PER"
        # A person span that swallowed its descriptor ("Secrétaire d'État américain Antony
        # Blinken"): keep the trailing run of capitalised words (particles allowed inside).
        if label == "PER" and len(toks) > 1:
            i = len(toks) - 1
            while i > 0 and (toks[i - 1].text[:1].isupper() or toks[i - 1].lower_ in _NAME_PARTICLES
                             or toks[i - 1].text in ("-", "'", "’")):
                i -= 1
            while i < len(toks) - 1 and toks[i].lower_ in _NAME_PARTICLES:
                i += 1
            if i > 0:
                toks = toks[i:]
                surf_start = toks[0].idx
        if label == "PER" and toks and toks[-1].lower_ in _NAME_PARTICLES - {"de", "la", "le", "y"} \
                and toks[-1].i + 1 < len(toks[-1].doc) and toks[-1].nbor(1).text[:1].isupper() \
                and toks[-1].whitespace_:
            toks = toks + [toks[-1].nbor(1)]  # "Mohamed ould | Ghazaouani": NER stopped at the particle
        if label == "PER" and self.link and len(toks) >= 3 and toks[-2].lower_ in ("de", "du", "d'", "d’"):
            # "Victoire de Poutine": a preposition, not a particle, when the KB knows the surname
            # without it.
            last = norm(toks[-1].text)
            cands = self.kb.surnames.get(last, [])
            if cands and not any(f" {toks[-2].lower_.replace('’', chr(39))} {last}" in " " + norm(self.kb.name(c))
                                 for c in cands):
                toks = toks[-1:]
                surf_start = toks[0].idx
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        key = text[start:end]
        nkey = norm(key)
        if not any(c.isupper() for c in key):
            return None  # "ue", "otan" in running text are not names
        if not nkey or len(nkey) < 2 or nkey in self.stopwords:
            if not (self.link and self.kb.lookup(key)):
                return None
        if not any(c.isalpha() for c in key):
            return None
        known = bool(self.link and self.kb.lookup(key))
        if not known and (nkey in self.system_names or norm(toks[0].text) in self.system_heads or nkey in self.kb.demonyms or nkey in self.not_countries
                          or self._in_system_phrase(toks[0])):
            # A weapon, treaty or currency name ("Taurus", "traité INF", "franc CFA") is a thing;
            # a capitalised demonym ("les Ukrainiens", "le Norvégien") designates people.
            return None
        if not known and label == "LOC" and norm(toks[0].text) in self.org_heads:
            label = "ORG"  # "Mejlis des Tatars de Crimée", "Parlement d'Ankara": an institution
        if label != "PER" and not known:
            first_word = norm(toks[0].text)
            if first_word in self.generic_heads:
                return None
            if toks[0].text[:1].islower() and (first_word in self.kb.demonyms or toks[0].pos_ == "ADJ"):
                return None  # "qatari de l'Énergie": the tail of a descriptor, not a name
            if label in ("LOC", "ORG") and self._after_role_noun(toks[0]):
                label = "PER"  # "le ministre qatari de l'Énergie, Saad al-Kaabi"
        surf_start = min(surf_start if surf_start is not None else start, start)
        return Mention(surf_start, end, text[surf_start:end], key, label, "ner", gender=gender)

    def _in_system_phrase(self, first: Any) -> bool:
        """Whether a name is the proper part of a noun phrase headed by a weapon, treaty or
        currency noun: "missiles de croisière Taurus", "franc CFA", "(INF)" after "traité sur les
        forces nucléaires à portée intermédiaire"."""
        doc = first.doc
        j = first.i - 1
        bracket = j >= 0 and doc[j].text == "("
        if bracket:
            j -= 1
        lo = max(first.sent.start, first.i - (12 if bracket else 5))
        while j >= lo:
            t = doc[j]
            w = norm(t.text)
            if w in self.system_heads:
                return True
            if t.pos_ in ("VERB", "AUX", "PROPN") or t.text[:1].isupper() or (t.is_punct and t.text != "-"):
                return False
            if not bracket and (t.pos_ == "DET" or (t.pos_ == "ADP" and w not in ("de", "d'"))
                                or (j == first.i - 1 and w in ("de", "d'", "du", "des"))):
                return False  # "chars russes à Bakhmout", "drones de Russie": a place of its own
            j -= 1
        return False

    def _foreign_clause(self, span_start: Any) -> bool:
        """Whether a token sits in a clause made of another language's function words (an
        Italian or English quotation the language stage did not catch)."""
        # The clause: up to a quotation mark, a sentence end or a paragraph break (not the parser's
        # sentence bounds: it splits foreign text at odd places).
        doc = span_start.doc
        if self._clause_doc is not doc:  # once per doc: token objects are costly to build
            self._clause_doc = doc
            self._clause_bounds = [_clause_bound(t) for t in doc]
            lowers = [t.lower_ for t in doc]
            self._clause_foreign = [w in self.foreign_words for w in lowers]
            self._clause_french = [w in self.french_words for w in lowers]
        bounds, i = self._clause_bounds, span_start.i
        lo, hi = i, i
        while lo > 0 and i - lo < 40 and not bounds[lo - 1]:
            lo -= 1
        while hi < len(doc) - 1 and hi - i < 40 and not bounds[hi + 1]:
            hi += 1
        foreign = sum(self._clause_foreign[lo:hi + 1])
        french = sum(self._clause_french[lo:hi + 1])
        return foreign >= 2 and foreign > french

    def _role_noun_right_before(self, first: Any) -> bool:
        """"la présidente lituanienne X", "le ministre X": a person noun (and at most one
        lower-case adjective) written right before the token."""
        doc = first.doc
        for back in (1, 2):
            if first.i - back < 0:
                return False
            t = doc[first.i - back]
            if norm(t.text) in self.person_heads:
                return True
            if not (t.is_lower and t.pos_ == "ADJ"):
                return False
        return False

    def _after_role_noun(self, first: Any) -> bool:
        """Whether a span follows ", " closing a noun phrase headed by a person noun (apposition)."""
        if first.i < 2 or first.nbor(-1).text != ",":
            return False
        for t in reversed(list(first.doc[max(first.sent.start, first.i - 9):first.i - 1])):
            if norm(t.text) in self.person_heads:
                return True
            if t.text in (",", ";", ":") or t.pos_ in ("VERB", "AUX"):
                return False
        return False

    # -- gazetteer -----------------------------------------------------------------------------

    def _gazetteer(self, article: Article, doc: Any, text: str, ntext: str) -> list[Mention]:
        """KB names in the text, longest first, over token boundaries (cheap: string slices and
        set lookups on the folded text; token objects only for the hits)."""
        kb = self.kb
        out = []
        arr = doc.to_array([IDX, LENGTH])
        starts = arr[:, 0].tolist()
        ends = (arr[:, 0] + arr[:, 1]).tolist()
        n = len(starts)
        i = 0
        while i < n:
            first = ntext[starts[i]:ends[i]]
            if first not in kb.prefixes or not first[:1].isalpha():
                i += 1
                continue
            best = None
            for j in range(i, min(n, i + 12)):
                key = norm(ntext[starts[i]:ends[j]])
                if key not in kb.prefixes:
                    break
                if key in kb.aliases and ntext[ends[j] - 1].isalnum():
                    best = (j, ends[j], key)
            if best is None:
                i += 1
                continue
            j, end, key = best
            start = starts[i]
            surface = text[start:end]
            ids = [x for x in kb.aliases[key]
                   if any(self._case_ok(surface, w, doc, i, j) for w in kb.alias_case[(key, x)])]
            if ids and not article.in_foreign(start, end):
                out.append(Mention(start, end, surface, surface, kb.entries[ids[0]]["type"], "gaz", kb_ids=ids))
                i = j + 1
            else:
                i += 1
        return out

    @staticmethod
    def _acronym_mismatch(surface: str, written: str) -> bool:
        letters = [c for c in written if c.isalpha()]
        return written.isupper() and len(letters) <= 5 and not surface.isupper() and surface != written

    @staticmethod
    def _case_ok(surface: str, written: str, doc: Any, i: int, j: int) -> bool:
        """Whether a text span may be read as a KB name written ``written`` (case rules)."""
        letters = [c for c in written if c.isalpha()]
        if written.isupper() and len(letters) <= 5:
            # Acronyms: "UE", "ONU" only in capitals ("ue", "onu" are not names).
            return surface.isupper() or surface == written
        if not any(c.isupper() for c in written):
            return False  # "forces ukrainiennes": a description, not a name
        if written[:1].islower():
            return True  # "mer Noire" written lower case: any case
        if not surface[:1].isupper():
            return False
        ws, ss = written.split(), surface.split()
        if len(ws) > 1 and len(ss) > 1 and norm(ws[0]) in ("le", "la", "les") and ws[1][:1].isupper() \
                and not ss[1][:1].isupper():
            return False  # "Le monde voit…" opens a sentence; "Le Monde" is the newspaper
        if i == j and doc[i].is_sent_start and (doc[i].is_stop or (not doc[i].ent_type_ and doc[i].pos_ != "PROPN")):
            return False  # a sentence-initial common word ("Grenade lancée..."), not a name
        return True

    def _resolve_overlaps(self, text: str, ner: list[Mention], gaz: list[Mention]) -> list[Mention]:
        """One reading per stretch of text: the KB reading unless NER saw a longer, real name."""
        kept: list[Mention] = []
        ner_sorted = sorted(ner, key=lambda m: m.start)
        taken = [False] * len(ner_sorted)
        for g in gaz:
            overl = [k for k, m in enumerate(ner_sorted) if m.start < g.end and g.start < m.end]
            drop_gaz = False
            for k in overl:
                m = ner_sorted[k]
                if m.start <= g.start and g.end <= m.end and (m.end - m.start) > (g.end - g.start):
                    # NER span is longer: keep it when what it adds is a name ("Banque de France"),
                    # not a stray word ("Kiev face"); a PER span around a place keeps the person.
                    rest = (text[m.start:g.start] + " " + text[g.end:m.end]).split()
                    if g.label == "LOC" and norm(m.key.split()[0]) in self.org_heads \
                            and re.search(r"(?:\bde |\bdu |\bd['’])$", text[m.start:g.start]):
                        # "Parlement d'Ankara": the institution is a name, and so is its city.
                        continue
                    if m.label != "MISC" and ((m.label == "PER" and g.label != "PER") or any(w[:1].isupper() for w in rest)):
                        drop_gaz = True
                        continue
                taken[k] = True
            if not drop_gaz:
                kept.append(g)
        kept += [m for k, m in enumerate(ner_sorted) if not taken[k]]
        kept.sort(key=lambda m: m.start)
        return kept

    # -- linking -------------------------------------------------------------------------------

    def _link_exact(self, m: Mention) -> None:
        kb = self.kb
        if not m.kb_ids:
            key = norm(m.key)
            # An acronym links only when written in capitals ("Ue" is not the UE).
            m.kb_ids = [i for i in kb.lookup(m.key)
                        if not all(self._acronym_mismatch(m.key, w) for w in kb.alias_case.get((key, i), [""]))]
            if not m.kb_ids and m.label in ("PER", "MISC") and len(name_words(m.key)) >= 2:
                m.kb_ids = [i for i in kb.phonetic_names.get(phonetic(m.key), []) if kb.entries[i]["type"] == "PER"]
        if m.kb_ids and m.label in ("PER", "ORG", "LOC"):
            same = [i for i in m.kb_ids if kb.entries[i]["type"] == m.label]
            # NER often swaps ORG/LOC; a person's name read as a place is kept only if the KB agrees.
            if same:
                m.kb_ids = same
        if len(m.kb_ids) == 1:
            m.kb_id = m.kb_ids[0]

    def _given_similarity(self, given: str, cand: str) -> float:
        g, c = norm(given), norm(cand)
        if not g or not c:
            return 0.0
        if len(g.rstrip(".")) == 1 or len(c) == 1:  # an initial: "J. Stoltenberg"
            return 1.0 if g[0] == c[0] else 0.0
        return max(Indel.normalized_similarity(g, c), Indel.normalized_similarity(phonetic(g), phonetic(c)))

    def _fuzzy_person(self, text: str, m: Mention, context: set[str], date: str | None,
                      descs: list[Mention]) -> str | None:
        """A KB person for an unlinked multi-word name: exact (or near) surname, close given names.

        Close given names alone are enough ("Andrzei Duda"); looser ones ("Jans Stoltenberg")
        need the context to agree: the person is named elsewhere in the article or a descriptor
        in apposition fits them. An unknown namesake ("Erna Stoltenberg") stays unlinked.
        """
        kb = self.kb
        if len(name_words(m.key)) < 2:
            return None
        given, sur = split_name(m.key)
        cands = kb.surnames.get(sur) or kb.surnames_phonetic.get(phonetic(sur)) or []
        near_surname = False
        if not cands and len(sur) >= 5:
            # A typo in the surname ("Olaf Scholtz"): only with the very same given name.
            hit = rf_process.extractOne(sur, kb.surname_list, scorer=Indel.normalized_similarity,
                                        score_cutoff=0.85)
            if hit:
                cands = kb.surnames[hit[0]]
                near_surname = True
        best, best_score = None, 0.0
        for pid in cands:
            e = kb.entries[pid]
            for name in [e["name"], *(e.get("aliases") or [])]:
                if len(name_words(name)) < 2:
                    continue
                cgiven, csur = split_name(name)
                if not near_surname and csur != sur and phonetic(csur) != phonetic(sur):
                    continue
                score = self._given_similarity(given, cgiven)
                if score > best_score:
                    best, best_score = pid, score
        if best is None:
            return None
        if near_surname:
            return best if best_score >= 0.99 else None
        if best_score >= 0.85:
            return best
        supported = best in context or any(
            self._apposed(d, [m], text) is m and self._fits_role(best, d, date) for d in descs)
        return best if supported and best_score >= 0.6 else None

    def _fits_role(self, pid: str, d: Mention, date: str | None) -> bool:
        """Whether a descriptor could designate this KB person."""
        if not d.role:
            return False
        roles, of = d.role
        if roles == "nationality":
            return of in self.kb.nationalities(pid)
        return any(r.role in roles.split(",") and (of is None or r.of == of) for r in self._roles_of(pid))

    def _surname_person(self, m: Mention, context: set[str], date: str | None) -> str | None:
        """A KB person for a surname alone ("Poutine"), when the KB has one such person."""
        kb = self.kb
        key = norm(m.key)
        cands = kb.surnames.get(key) or kb.surnames_phonetic.get(phonetic(key)) or []
        if not cands:
            return None
        named = [c for c in cands if c in context]
        if named:
            return named[0]
        if len(key) < 4 or key in kb.given_names:
            return None  # "Michel", "Gabriel" alone are as likely given names: not enough to link
        if len(cands) == 1 and (m.label in ("PER", "MISC") or m.gender or not m.kb_ids):
            # A surname alone names the public figure only around the time they were one:
            # "Carter" in 2024 is not a defence secretary who left office in 2017.
            if date and not any(self._near(r, date) for r in self._roles_of(cands[0])):
                return None
            return cands[0]
        if date and m.label == "PER":
            active = [c for c in cands if any(r.covers(date) for r in self._roles_of(c))]
            if len(active) == 1:
                return active[0]
        return None

    @staticmethod
    def _near(role: Any, date: str, years: int = 5) -> bool:
        """Whether a role was held within ``years`` of ``date``."""
        if not date[:4].isdigit():
            return True
        y = int(date[:4])
        start = int((role.start or "0001")[:4])
        end = int(role.end[:4]) if role.end else 9999
        return start <= y + 1 and end >= y - years

    def _roles_of(self, pid: str) -> list:
        return self.kb.person_roles.get(pid, [])

    # -- clustering ----------------------------------------------------------------------------

    def _cluster(self, text: str, names: list[Mention], date: str | None,
                 descs: list[Mention] | None = None) -> dict[tuple, list[Mention]]:
        """Groups name mentions into entities: by KB id, else by person surname, else by name."""
        kb = self.kb
        context = {m.kb_id for m in names if m.kb_id}
        clusters: dict[tuple, list[Mention]] = {}
        # Full names first so that a surname alone can join them whatever the order.
        order = sorted(names, key=lambda m: (len(name_words(m.key)) < 2, m.start))
        for m in order:
            if self.link and m.kb_id is None and m.label in ("PER", "MISC") and len(name_words(m.key)) >= 2:
                pid = self._fuzzy_person(text, m, context, date, descs or [])
                if pid:
                    m.kb_id = pid
                    context.add(pid)
            if m.kb_id is None and m.kb_ids:
                m.kb_id = self._disambiguate(m, context, date)
        persons: list[tuple[tuple, str, str]] = []  # (cluster key, norm surname, phonetic surname)
        for m in order:
            words = name_words(m.key)
            if m.kb_id:
                key = ("kb", m.kb_id)
            elif len(words) == 1 and m.label in ("PER", "LOC", "ORG", "MISC"):
                key = self._join_surname(m, words[0], persons, clusters)
                if key is None and self.link and not m.kb_ids:
                    pid = self._surname_person(m, context, date)
                    if pid:
                        m.kb_id = pid
                        key = ("kb", pid)
                if key is None:
                    key = ("name", norm(m.key), m.label)
            elif m.label == "PER":
                key = self._join_person(m, words, persons) or ("name", norm(m.key), "PER")
            else:
                key = ("name", norm(m.key), m.label if m.label != "MISC" else "ORG")
            clusters.setdefault(key, []).append(m)
            etype = kb.entries[m.kb_id]["type"] if m.kb_id else m.label
            if etype == "PER" and len(words) >= 2:
                fulls = {m.key} | ({kb.name(m.kb_id)} if m.kb_id else set())
                for full in fulls:
                    given, sur = split_name(full)
                    persons.append((key, sur, phonetic(sur), given))
        return clusters

    def _full_names(self, clusters: dict) -> None:
        """A person the KB does not know keeps the full name the article gives: "Dupont" read as a
        person joins "Amélie Dupont" even when NER typed the full name as a place or MISC."""
        singles = [k for k in clusters if k[0] == "name" and k[2] == "PER" and len(name_words(k[1])) == 1]
        if not singles:
            return
        fulls: dict[str, list[tuple]] = {}
        for k, ms in clusters.items():
            if k[0] != "name" or len(name_words(k[1])) < 2:
                continue
            key = next((m.key for m in ms if m.source == "ner"), None)
            if not key or not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in key.split()):
                continue
            if norm(key.split()[0]) in self.org_heads | self.generic_heads | self.name_modifiers:
                continue
            fulls.setdefault(split_name(key)[1], []).append(k)
        for k in singles:
            cands = fulls.get(k[1], [])
            if len(cands) != 1 or cands[0] not in clusters:
                continue
            full = cands[0]
            clusters[k].extend(clusters.pop(full))
            for m in clusters[k]:
                m.label = "PER" if m.source == "ner" else m.label

    def _disambiguate(self, m: Mention, context: set[str], date: str | None) -> str | None:
        named = [i for i in m.kb_ids if i in context]
        if len(named) == 1:
            return named[0]
        if date:
            active = [i for i in m.kb_ids if any(r.covers(date) for r in self._roles_of(i))]
            if len(active) == 1:
                return active[0]
        by_type = {self.kb.entries[i]["type"] for i in m.kb_ids}
        if len(by_type) == 1 and self.kb.entries[m.kb_ids[0]]["type"] != "PER":
            return m.kb_ids[0]  # e.g. two places of one name: take the first (main) one
        return None

    @staticmethod
    def _join_surname(m: Mention, word: str, persons: list, clusters: dict) -> tuple | None:
        """The person cluster a surname alone belongs to (nearest full name before it, else any)."""
        ph = phonetic(word)
        hits = [p for p in persons if p[1] == word or p[2] == ph or p[1].endswith(" " + word)]
        if not hits and m.label in ("PER", "MISC"):
            # A given name alone ("Vladimir" after "Vladimir Poutine") is that person.
            hits = [p for p in persons if p[3] and p[3].split()[0] == word]
            if len({p[0] for p in hits}) != 1:
                return None
        if not hits:
            return None
        if m.label != "PER" and not m.gender:
            # NER read a surname as a place or an organisation: join only on an exact surname.
            hits = [p for p in hits if p[1] == word or p[1].endswith(" " + word)]
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

    def _join_person(self, m: Mention, words: list[str], persons: list) -> tuple | None:
        """An unlinked full name joins a person of the article with its surname and close given names."""
        given, sur = split_name(m.key)
        for key, psur, _, pgiven in persons:
            if psur == sur and self._given_similarity(given, pgiven) >= 0.75:
                return key
        return None

    # -- demonyms and descriptors --------------------------------------------------------------

    def _demonyms(self, article: Article, doc: Any, text: str, ntext: str,
                  resolved: list[Mention]) -> list[Mention]:
        """Country demonyms: "la pression militaire russe" -> Russie. Not inside a descriptor that
        designates a person ("le président polonais" is the president, not Poland)."""
        kb = self.kb
        out = []
        words = [m.span() for m in _WORDS.finditer(ntext)]
        skip = -1
        for k, (a, b) in enumerate(words):
            if k <= skip:
                continue
            key = ntext[a:b]
            if k + 1 < len(words) and words[k + 1][0] == b + 1:  # "nord coreen" (nord-coréen)
                two = ntext[a:words[k + 1][1]]
                if two in kb.demonyms:
                    key, b, skip = two, words[k + 1][1], k + 1
            cid = kb.demonyms.get(key)
            if not cid or key in self.not_countries:
                continue
            if any(d.start <= a < d.end for d in resolved) or article.in_foreign(a, b):
                continue
            span = doc.char_span(a, b)
            if span is None:
                continue
            tok = span.root
            if tok.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            if tok.i > 0 and tok.nbor(-1).lower_ == "en" and not tok.text[0].isupper():
                continue  # "en russe": the language
            if text[a].isupper():
                continue  # "les Ukrainiens", "le Norvégien": people, not their country
            out.append(Mention(a, b, text[a:b], text[a:b], "LOC", "demonym", kb_ids=[cid], kb_id=cid))
        return out

    def _demonym_nouns(self, article: Article, doc: Any) -> list[Mention]:
        """"Le Norvégien a indiqué…": a definite singular demonym noun designates a person of that
        nationality already named in the article (resolved like "l'homme politique norvégien")."""
        out = []
        for tok in doc:
            if not tok.text[:1].isupper() or tok.i == 0 or tok.is_sent_start:
                continue
            cid = self.kb.demonyms.get(fold(tok.text))
            if not cid or fold(tok.text) in self.not_countries:
                continue
            det = tok.nbor(-1)
            if det.lower_.replace("’", "'") not in ("le", "la", "l'") or "Plur" in tok.morph.get("Number"):
                continue
            if article.in_foreign(det.idx, tok.idx + len(tok)):
                continue
            s, e = det.idx, tok.idx + len(tok)
            out.append(Mention(s, e, doc.text[s:e], tok.text, "PER", "descriptor",
                               role=("nationality", cid), role_end=e))
        return out

    def _org_descriptors(self, article: Article, ntext: str, text: str, clusters: dict) -> list[Mention]:
        """"l'Alliance" -> OTAN, only in an article that names the organisation. A NER reading of
        the same words as an unknown name ("Alliance") gives way."""
        named = {k[1] for k in clusters if k[0] == "kb"}
        out = []
        for rx, word, ids in self.org_descriptors:
            ids = [i for i in ids if i in named]
            if not ids or word.split()[0] not in ntext:
                continue
            for mt in rx.finditer(ntext):
                s, e = mt.start(), mt.end()
                if article.in_foreign(s, e):
                    continue
                if any(m.start < e and s < m.end for m in clusters[("kb", ids[0])]):
                    continue
                for key in [k for k in clusters if k[0] == "name"]:
                    clusters[key] = [m for m in clusters[key] if not (m.start < e and s < m.end)]
                    if not clusters[key]:
                        del clusters[key]
                out.append(Mention(s, e, text[s:e], text[s:e], "ORG", "orgdesc", kb_ids=ids[:1], kb_id=ids[0]))
        return out

    def _find_descriptors(self, article: Article, text: str, ntext: str, names: list[Mention]) -> list[Mention]:
        """Role and profession descriptors of ``roles.tsv`` found in the text."""
        kb = self.kb
        by_start = {m.start: m for m in names}
        # Each pattern starts with a literal word: find that word's occurrences once, try the
        # patterns there, then read the matches in pattern order (longer patterns first).
        hits = []
        for first, group in self.pattern_groups.items():
            pos = ntext.find(first)
            while pos >= 0:
                if pos == 0 or not ntext[pos - 1].isalnum():
                    for order, p in group:
                        mt = p.regex.match(ntext, pos)
                        if mt:
                            hits.append((order, pos, p, mt))
                pos = ntext.find(first, pos + 1)
        hits.sort(key=lambda h: (h[0], h[1]))
        found: list[Mention] = []
        for _, _, p, mt in hits:
            s, e = mt.start(), mt.end()
            if any(d.start < e and s < d.end for d in found):
                continue  # a longer pattern already read this stretch
            of = p.of
            role_list = p.roles[0]
            role_end = e
            if p.slot is None and of is None and re.match(
                    r" *(?:(?:en exercice|par interim|interimaire|sortant|sortante|en fonction) )?(?:de |du |des |d')",
                    ntext[e:e + 30]):
                # "le président du Sénat", "le président en exercice de l'Union africaine": a role
                # of something the KB does not know
                continue
            if p.slot == "ADJ":
                adj = mt.group("adj")
                cid = kb.demonyms.get(adj)
                if (not cid or adj in self.not_countries) and " " in adj:
                    adj = adj.split()[0]
                    e = role_end = mt.start("adj") + len(adj)
                    cid = kb.demonyms.get(adj)
                if not cid or adj in self.not_countries:
                    continue
                of = cid
            elif p.slot == "OF":
                target = by_start.get(e) or self._descriptor_target(text, e)
                if target is not None and not target.kb_id and not target.kb_ids:
                    # "le secrétaire général de l'Alliance": an organisation descriptor the KB
                    # gives to one organisation only is that organisation here.
                    orgs = kb.descriptors.get(norm(target.key), [])
                    if len(orgs) == 1:
                        target.kb_id, target.kb_ids, target.label = orgs[0], orgs[:1], "ORG"
                if target is None or not target.kb_id or kb.entries[target.kb_id]["type"] == "PER":
                    continue
                of = target.kb_id
                is_org = kb.entries[of]["type"] == "ORG"
                role_list = p.roles[1] if is_org else p.roles[0]
                e = target.end
            if article.in_foreign(s, e):
                continue
            # Include the article before it in the surface: "le secrétaire général de l'OTAN".
            prev_word = ntext[max(0, s - 12):s].rstrip(" '").split(" ")[-1] if s else ""
            ds = s
            if prev_word in _NOT_BEFORE_ROLE and ntext[s - len(prev_word) - 1:s].rstrip(" ") == prev_word:
                ds = s - len(prev_word) - 1  # "la vice-présidente", "l'ancien président"
            before = ntext[max(0, ds - 4):ds]
            for det in ("le ", "la ", "l'", "du ", "au "):
                if before.endswith(det):
                    ds -= len(det)
                    break
            role = ("nationality", of) if role_list == ["nationality"] else (",".join(role_list), of)
            found.append(Mention(ds, e, text[ds:e], text[s:e], "PER", "descriptor", role=role,
                                 dated=prev_word not in _NOT_BEFORE_ROLE, role_end=role_end))
        found.sort(key=lambda m: m.start)
        return found

    def _descriptor_target(self, text: str, at: int) -> Mention | None:
        """"de l'Alliance" where NER saw no name: an organisation descriptor the KB gives to one
        organisation only, written with a capital, still completes the role."""
        words = list(re.finditer(r"[\w’'-]+", text[at:at + 60]))[:3]
        for n in range(len(words), 0, -1):
            end = at + words[n - 1].end()
            phrase = text[at:end]
            orgs = self.kb.descriptors.get(norm(phrase), [])
            if len(orgs) == 1 and phrase[:1].isupper():
                return Mention(at, end, phrase, phrase, "ORG", "orgdesc", kb_ids=orgs[:1], kb_id=orgs[0])
        return None

    def _attach_descriptors(self, found: list[Mention], text: str, clusters: dict,
                            date: str | None) -> list[Mention]:
        """Adds each descriptor to the person it designates; returns those resolved."""
        kb = self.kb
        # Appositions first ("le président ukrainien, Volodimir Zelenski"): they teach the article's
        # own role holders and nationalities, used before the KB's dates.
        persons = sorted([m for ms in clusters.values() for m in ms
                          if (m.kb_id and kb.entries[m.kb_id]["type"] == "PER") or (not m.kb_id and m.label == "PER")],
                         key=lambda m: m.start)
        learned: dict[tuple, tuple] = {}
        nationality: dict[tuple, set[str]] = {}
        key_of = {id(m): k for k, ms in clusters.items() for m in ms}
        pending, resolved = [], []
        for d in found:
            target = self._apposed(d, persons, text)
            if target is not None and not self._could_hold(target, d, date):
                # "Lors d'un dîner avec X, le président américain a lancé": the comma closes a
                # phrase, not an apposition, when the KB says X is not that role's holder.
                target = None
            if target is not None:
                ckey = key_of[id(target)]
                clusters[ckey].append(d)
                resolved.append(d)
                if d.role and d.role[1]:
                    learned.setdefault(d.role, ckey)
                    if d.role[1].startswith("country:"):
                        nationality.setdefault(ckey, set()).add(d.role[1])
            else:
                pending.append(d)
        for d in pending:
            ckey = self._resolve_descriptor(d, clusters, learned, nationality, persons, date)
            if ckey is not None:
                clusters.setdefault(ckey, []).append(d)
                resolved.append(d)
        return resolved

    def _could_hold(self, p: Mention, d: Mention, date: str | None) -> bool:
        """False only when the KB knows both the person and the role's holders on the date and
        the person is not among them (or, for "le Norvégien", is of another nationality)."""
        if not p.kb_id or not d.role or not d.role[1] or not date or not d.dated:
            return True
        roles, of = d.role
        if roles == "nationality":
            nats = self.kb.nationalities(p.kb_id)
            return not nats or of in nats
        holders = [h for role in roles.split(",") for h in self.kb.holders(role, of) if h.covers(date)]
        return not holders or any(h.person == p.kb_id for h in holders)

    @staticmethod
    def _apposed(d: Mention, persons: list[Mention], text: str) -> Mention | None:
        """A person name right after the descriptor, or right before it with a comma."""
        for p in persons:
            gap = text[d.end:p.start]
            if 0 <= p.start - d.end <= 3 and gap.strip() in ("", ","):
                return p
            gap = text[p.end:d.start]
            if 0 <= d.start - p.end <= 3 and gap.strip() == ",":
                return p
        return None

    def _resolve_descriptor(self, d: Mention, clusters: dict, learned: dict, nationality: dict,
                            persons: list[Mention], date: str | None) -> tuple | None:
        kb = self.kb
        assert d.role is not None
        roles, of = d.role
        named = {k[1]: k for k in clusters if k[0] == "kb" and kb.entries[k[1]]["type"] == "PER"}
        if roles == "nationality":
            # The nearest person named before it who belongs to that country.
            for p in reversed([p for p in persons if p.start < d.start]):
                ckey = next((k for k, ms in clusters.items() if p in ms), None)
                if ckey is None:
                    continue
                nats = set(nationality.get(ckey, set()))
                if ckey[0] == "kb":
                    nats |= kb.nationalities(ckey[1])
                if of in nats:
                    return ckey
            return None
        for role in roles.split(","):
            if (role, of) in learned:
                return learned[(role, of)]
            if of is None:
                if not d.dated:
                    return None
                # "le secrétaire général": a holder of that role the article names.
                hits = [k for pid, k in named.items() for r in self._roles_of(pid)
                        if r.role == role and (not date or r.covers(date))]
                if len(set(hits)) == 1:
                    return hits[0]
                continue
            if not d.dated:
                continue
            holders = kb.holders(role, of)
            if not holders:
                continue
            in_article = [h for h in holders if h.person in named]
            if date:
                at = [h for h in holders if h.covers(date)]
                pick = [h for h in at if h.person in named] or at
                if len(pick) > 1 and len(date) < 10:
                    # A year or month holds a change of office: the holder for most of it.
                    pick = sorted(pick, key=lambda h: (_overlap_days(h, date), h.start or ""))
                if pick:
                    pid = pick[-1].person
                    return named.get(pid, ("kb", pid))
                continue
            if in_article:
                pid = in_article[-1].person
                return named[pid]
        return None

    # -- output --------------------------------------------------------------------------------

    def _entities(self, clusters: dict, doc: Any, article: Article) -> list[Entity]:
        kb = self.kb
        out: list[tuple[int, Entity]] = []
        for key, ms in clusters.items():
            ms = sorted({(m.start, m.end): m for m in ms}.values(), key=lambda m: m.start)
            named = [m for m in ms if m.source in ("ner", "gaz", "sweep")]
            if key[0] == "kb":
                e = kb.entries[key[1]]
                # "Assemblée nationale (France)": the Wikipedia title's disambiguator is not the name.
                ent = Entity(name=_PAREN.sub("", e["name"]) or e["name"], type=e["type"], kb_id=key[1])
            else:
                if not named:
                    continue
                labels = Counter(m.label for m in named)
                etype = "PER" if labels.get("PER") else labels.most_common(1)[0][0]
                if etype == "MISC":
                    continue
                if etype == "PER":
                    name = max((m.key for m in named), key=lambda k: (len(k.split()), len(k)))
                else:
                    name = Counter(m.key for m in named).most_common(1)[0][0]
                ent = Entity(name=name, type=etype)
            ent.mentions = [m.text for m in ms]
            ent.spans = [[m.start, m.end] for m in ms]
            if ent.kb_id and self.link:
                ent.actor = self._actor(ent.kb_id, named, doc, clusters)
            out.append((ms[0].start, ent))
        out.sort(key=lambda x: x[0])
        return [e for _, e in out]

    def _actor(self, kb_id: str, named: list[Mention], doc: Any, clusters: dict) -> str | None:
        """The government or organisation a capital or seat stands for when it acts."""
        kb = self.kb
        if kb_id not in kb.stands_for and kb_id not in self.metonyms:
            return None
        if not any(self._is_agent(m, doc) for m in named):
            return None
        named_ids = {k[1] for k in clusters if k[0] == "kb"}
        seated = [o for o in kb.seats.get(kb_id, []) if o in named_ids]
        for group in (kb.explicit_stands.get(kb_id, []), seated, self.metonyms.get(kb_id, []),
                      [kb.capitals[kb_id]] if kb_id in kb.capitals else []):
            if group:
                return _PAREN.sub("", kb.name(group[0])) or kb.name(group[0])
        return None

    def _is_agent(self, m: Mention, doc: Any) -> bool:
        """Whether a mention is the subject of an action verb ("Moscou a averti")."""
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        dep, head = root.dep_, root.head
        if dep == "conj" and (head.dep_.startswith("nsubj") or head.dep_ == "ROOT"):
            dep, head = head.dep_, head.head
            root = root.head
        if dep.startswith("nsubj"):
            return head.pos_ in ("VERB", "AUX") and head.lemma_ not in self.location_verbs
        if dep == "ROOT" and root.pos_ == "PROPN":
            # The parser sometimes leaves "Washington et Londres ont condamné" without a subject:
            # a name opening a clause and followed by its verb still acts.
            for t in doc[span.end: span.end + 6]:
                if t.lower_ in ("et", ",") or t.pos_ == "PROPN":
                    continue
                return t.pos_ in ("AUX", "VERB") and t.head.lemma_ not in self.location_verbs \
                    and t.lemma_ not in self.location_verbs
        return False
