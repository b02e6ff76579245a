"""Descriptors: the phrases of ``lexicons/roles.tsv`` that designate a person by role or
nationality ("le secrétaire général de l'OTAN", "le président ukrainien", "l'homme politique
norvégien") and the demonym nouns that do the same ("Le Norvégien a indiqué"). Each becomes a
descriptor mention carrying ``role`` = (roles, of); ``holders.py`` decides who it designates.

To add a role or title: a row of ``lexicons/roles.tsv`` (pattern, role codes, optional fixed
"of"); civilities ("M.", "Mme") are ``lexicons/titles.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import token_strings
from veille.common.fold import fold, norm
from veille.entities.mention import Mention
from veille.entities.resources import (
    GRAMMAR,
    OF_FOLDED,
    PARTICLES,
    ROLE_MODIFIERS,
    ROLE_QUALIFIERS,
    EntityResources,
    folded_words,
)
from veille.kb import KB
from veille.model import Article

# "le président du Sénat", "le président en exercice de l'Union africaine": the role of
# something a pattern without a slot did not read.
_ROLE_OF_SOMETHING = re.compile(
    r" *(?:(?:" + "|".join(map(re.escape, ROLE_QUALIFIERS)) + r") )?(?:de |du |des |d')")
_BEFORE_ROLE = tuple(w if w.endswith("'") else w + " " for w in sorted(GRAMMAR["before_role"]))
_GENERIC_QUANTIFIERS = folded_words("entities/generic_quantifiers.tsv")
_CLAUSE_TAIL = re.compile(r"[^.,;:!?()«»\"\n]*$")


@dataclass
class Pattern:
    regex: re.Pattern
    first: str  # a literal word the text must contain (cheap pre-filter)
    roles: tuple[list[str], list[str]]  # (roles when of is a country, roles when of is an org)
    of: str | None  # a fixed of id
    slot: str | None  # "ADJ", "OF" or None


def compile_roles(kb: KB, rows: list[tuple[str, ...]]) -> list[Pattern]:
    """The patterns of ``roles.tsv``, longer phrases first; a row whose fixed "of" the KB does
    not know is skipped."""
    out = []
    for row in sorted(rows, key=lambda r: -len(r[0])):
        if len(row) < 2:
            continue
        phrase, role = row[0].strip(), row[1].strip()
        of = row[2].strip() if len(row) > 2 and row[2].strip() else None
        if of and of not in kb.entries:
            ids = kb.lookup(of)
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
            rx = rx.replace(r"de\ ofslot", OF_FOLDED).replace("ofslot", "")
            slot = "OF"
        rx = r"(?<![a-z0-9])" + rx + (r"(?![a-z0-9])" if slot != "OF" else "")
        first = words.split()[0]  # every phrase starts with a literal word
        out.append(Pattern(re.compile(rx), first, roles, of, slot))
    return out


class DescriptorFinder:
    """Role descriptors and demonym nouns of one article (see the module docstring)."""

    def __init__(self, res: EntityResources, rows: list[tuple[str, ...]]) -> None:
        self.res = res
        self.patterns = compile_roles(res.kb, rows)
        self.pattern_groups: dict[str, list[tuple[int, Pattern]]] = {}
        for order, p in enumerate(self.patterns):
            self.pattern_groups.setdefault(p.first, []).append((order, p))

    def find(self, article: Article, text: str, ntext: str, names: list[Mention]) -> list[Mention]:
        """Role and profession descriptors of ``roles.tsv`` found in the text."""
        kb = self.res.kb
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
            if p.slot is None and of is None and _ROLE_OF_SOMETHING.match(ntext[e:e + 30]):
                continue
            if p.slot == "ADJ":
                adj = mt.group("adj")
                cid = kb.demonyms.get(adj)
                if (not cid or adj in self.res.not_countries) and " " in adj:
                    adj = adj.split()[0]
                    e = role_end = mt.start("adj") + len(adj)
                    cid = kb.demonyms.get(adj)
                if not cid or adj in self.res.not_countries:
                    continue
                of = cid
            elif p.slot == "OF":
                target = by_start.get(e) or self.target(text, e)
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
            # (an elided article is no part of the word: "l'ancien patron du FMI" is a former holder)
            prev_word = re.split(r"[ ']", ntext[max(0, s - 12):s].rstrip(" '"))[-1] if s else ""
            ds = s
            if prev_word in ROLE_MODIFIERS and ntext[s - len(prev_word) - 1:s].rstrip(" ") == prev_word:
                ds = s - len(prev_word) - 1  # "la vice-présidente", "l'ancien président"
            before = ntext[max(0, ds - 4):ds]
            for det in _BEFORE_ROLE:
                if before.endswith(det):
                    ds -= len(det)
                    break
            role = ("nationality", of) if role_list == ["nationality"] else (",".join(role_list), of)
            # "aucun ancien ministre et Premier ministre belge n'a…": a quantified role is generic.
            clause = _CLAUSE_TAIL.search(ntext[max(0, ds - 50):ds]).group(0)
            generic = bool(_GENERIC_QUANTIFIERS & set(re.findall(r"\w+", clause)[-5:]))
            found.append(Mention(ds, e, text[ds:e], text[s:e], "PER", "descriptor", role=role,
                                 dated=prev_word not in ROLE_MODIFIERS and not generic, role_end=role_end))
        found.sort(key=lambda m: m.start)
        return found

    def target(self, text: str, at: int) -> Mention | None:
        """"de l'Alliance" where NER saw no name: an organisation descriptor the KB gives to one
        organisation only, written with a capital, still completes the role."""
        words = list(re.finditer(r"[\w’'-]+", text[at:at + 60]))[:3]
        for n in range(len(words), 0, -1):
            end = at + words[n - 1].end()
            phrase = text[at:end]
            orgs = self.res.kb.descriptors.get(norm(phrase), [])
            if len(orgs) == 1 and phrase[:1].isupper():
                return Mention(at, end, phrase, phrase, "ORG", "orgdesc", kb_ids=orgs[:1], kb_id=orgs[0])
        return None

    def demonym_nouns(self, article: Article, doc: Any) -> list[Mention]:
        """"Le Norvégien a indiqué…": a definite singular demonym noun designates a person of that
        nationality already named in the article (resolved like "l'homme politique norvégien")."""
        out = []
        # Forms from the Doc's cached column: a Token is built only for a capitalised demonym.
        for i, word in enumerate(token_strings(doc, ORTH)):
            if not word[:1].isupper() or i == 0:
                continue
            cid = self.res.kb.demonyms.get(fold(word))
            if not cid or fold(word) in self.res.not_countries:
                continue
            tok = doc[i]
            if tok.is_sent_start:
                continue
            det = tok.nbor(-1)
            if det.lower_.replace("’", "'") not in GRAMMAR["definite"] or "Plur" in tok.morph.get("Number"):
                continue
            if article.in_foreign(det.idx, tok.idx + len(tok)):
                continue
            s, e = det.idx, tok.idx + len(tok)
            out.append(Mention(s, e, doc.text[s:e], tok.text, "PER", "descriptor",
                               role=("nationality", cid), role_end=e))
        return out


def after_descriptor(m: Mention, descs: list[Mention], text: str) -> Mention:
    """"Premier ministre malien Choguel Kokalla Maïga" read by NER as one name: the words after
    the descriptor are the person's name (two capitalised words at least)."""
    if m.kb_id or m.label == "PER":
        return m
    for d in descs:
        if not (d.start <= m.start < d.end < m.end):
            continue
        rest = text[d.end:m.end]
        words = rest.split()
        if len(words) >= 2 and all(w[:1].isupper() or w.lower() in PARTICLES for w in words) \
                and words[0][:1].isupper():
            a = d.end + len(rest) - len(rest.lstrip())
            return Mention(a, m.end, text[a:m.end], text[a:m.end], "PER", "ner", gender=m.gender)
    return m
