"""Organisations named without their full name: "l'Alliance" (a KB descriptor of one
organisation the article names), "le ministère de la Défense" (the national body of the country
the article is about), "Parlement d'Ankara" (the institution of that capital's country), and an
acronym in brackets after the long name ("l'Agence internationale de l'énergie (AIE)")."""

from __future__ import annotations

import re
from collections import Counter

from veille.common.fold import norm
from veille.entities.mention import Mention
from veille.entities.resources import OF_FOLDED, EntityResources
from veille.kb import KB
from veille.model import Article

Clusters = dict[tuple, list[Mention]]
_ACRONYM = re.compile(r"\s*\((\w[\w&.\-]{1,11})\)")
_OF_PLACE = re.compile(r"([a-z-]+) " + OF_FOLDED + r"(.+)")


def generic_org_index(kb: KB) -> dict[str, list[tuple[str, str]]]:
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
                n = re.sub(" " + OF_FOLDED + re.escape(cn) + "$", "", n)
            n = " ".join(w for w in n.split() if w not in dems)
            if n != norm(name) and n:
                pair = (cid, eid)
                if pair not in index.setdefault(n, []):
                    index[n].append(pair)
    return index


class Organisations:
    """The organisation rules above, with the KB indexes they need built once."""

    def __init__(self, res: EntityResources) -> None:
        self.res = res
        self.kb = res.kb
        self.generic_orgs = generic_org_index(res.kb)
        self.org_descriptors = [
            (re.compile(r"(?<![a-z0-9])(?:l'|la |le )" + re.escape(d) + r"(?![a-z0-9])"), d, ids)
            for d, ids in res.kb.descriptors.items() if d]
        # Which descriptors name each organisation: an article visits only those of the ones it names.
        self.descriptors_of: dict[str, list[int]] = {}
        for k, (_, _, ids) in enumerate(self.org_descriptors):
            for i in dict.fromkeys(ids):
                self.descriptors_of.setdefault(i, []).append(k)

    def national_orgs(self, clusters: Clusters) -> None:
        """"le ministère de la Défense" unnamed: the ministry of the country the article is about
        (the one it mentions most, by its name, capital or demonym), when the KB has it."""
        kb = self.kb
        # "Parlement d'Ankara", "Parlement de Kiev": the institution of the country of that capital.
        for k in [k for k in clusters if k[0] == "name" and k[2] in ("ORG", "LOC")]:
            mt = _OF_PLACE.fullmatch(k[1])
            if not mt or mt.group(1) not in self.res.org_heads or mt.group(1) not in self.generic_orgs:
                continue
            places = kb.lookup(mt.group(2), "LOC")
            cid = next((p if p.startswith("country:") else kb.capitals.get(p) for p in places), None)
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
            cid = k[1] if k[1].startswith("country:") else kb.capitals.get(k[1])
            cid = cid or next((x for x in kb.explicit_stands.get(k[1], []) if x.startswith("country:")), None)
            if cid:
                count[cid] += len(ms)
        for k in keys:
            cands = dict(self.generic_orgs[k[1]])
            ranked = [(n, c) for c, n in count.most_common() if c in cands]
            if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
                continue
            oid = cands[ranked[0][1]]
            clusters.setdefault(("kb", oid), []).extend(clusters.pop(k))

    def descriptor_mentions(self, article: Article, ntext: str, text: str, clusters: Clusters) -> list[Mention]:
        """"l'Alliance" -> OTAN, only in an article that names the organisation. A NER reading of
        the same words as an unknown name ("Alliance") gives way."""
        named = {k[1] for k in clusters if k[0] == "kb"}
        out = []
        for k in sorted({k for i in named for k in self.descriptors_of.get(i, ())}):
            rx, word, ids = self.org_descriptors[k]
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


_GAP_ACRONYM = re.compile(r"([^()\n.,;:!?«»\"]{1,70}?)\s*\((\w[\w&.\-]{1,11})\)")
_SMALL_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "pour", "a", "au", "aux",
                          "contre", "sur", "dans"})


def _initials(name: str, small: bool) -> str:
    words = re.sub(r"[-–'’]", " ", name).split()
    return "".join(w[0] for w in words if small or w not in _SMALL_WORDS)


def _spells(acro: str, name: str) -> bool:
    """Whether an acronym of three letters or more skips some words of a name but spells the rest in
    order, from its first word to its last (invented: "Roia" for "reseau d'observateurs independants
    sur la qualite de l'air"): its letters are initials of the name's words other than the small ones, the first and
    the last of them, and four in five of those words at least."""
    initials = _initials(name, False)
    if len(acro) < 3 or len(initials) < len(acro) or acro[0] != initials[0] or acro[-1] != initials[-1]:
        return False
    it = iter(initials)
    return all(c in it for c in acro) and len(acro) >= 0.8 * len(initials)


def complete_from_acronym(text: str, names: list[Mention]) -> list[Mention]:
    """An organisation NER cut before the end of its name, given back the words up to the acronym
    in brackets that spells the whole name ("le Conseil stratégique | et politique (CSP)",
    "Parti des peuples africains | – Côte d'Ivoire (PPA-CI)"): the initials of the extended
    name, with or without its small words, are exactly the acronym's letters (the long-form /
    short-form pairing of Schwartz and Hearst, 2003, kept strict)."""
    out = list(names)
    for m in names:
        if m.label not in ("ORG", "MISC") or m.kb_id or m not in out:
            continue
        mt = _GAP_ACRONYM.match(text, m.end)
        if not mt or len(mt.group(1).split()) > 8:
            continue
        acro = re.sub(r"[^a-z]", "", norm(mt.group(2)))
        key_start = m.end - len(m.key)
        longer = norm(text[key_start:m.end + len(mt.group(1))].strip())
        if len(acro) < 2 or acro in (_initials(norm(m.key), False), _initials(norm(m.key), True)) \
                or _spells(acro, norm(m.key)) \
                or (acro not in (_initials(longer, False), _initials(longer, True)) and not _spells(acro, longer)):
            continue
        end = m.end + len(mt.group(1).rstrip())
        out = [o for o in out if o is m or not (m.end <= o.start and o.end <= end)]
        m.end, m.key, m.text = end, text[key_start:end], text[m.start:end]
        m.label = "ORG"
    return out


# The words before "(KEY)": searched back from each "(KEY)" found by str.find (one regex scan of
# the whole text per acronym cost more than the rest of the entity stage).
_BEFORE_PAREN = re.compile(r"([^()\n.,;:!?«»\"]{1,80}?)\s*\Z")


def _spelled_out(text: str, key: str) -> list[re.Match[str]]:
    needle, out, at = f"({key})", [], text.find(f"({key})")
    while at >= 0:
        mt = _BEFORE_PAREN.search(text, max(0, at - 200), at)
        if mt:
            out.append(mt)
        at = text.find(needle, at + len(needle))
    return out


def drop_common_acronyms(text: str, names: list[Mention], heads: frozenset[str]) -> list[Mention]:
    """Acronyms the article spells out in lower case, "l'imagerie par résonance magnétique (IRM)",
    "la dysphorie de genre (DG)": the short form of a common noun, never a name; every mention
    of them is dropped. An expansion opening on an institution noun (``heads``: "l'agence
    régionale de santé (ARS)", often in lower case in the press) names a body and stays."""
    common: set[str] = set()
    for key in {m.key for m in names if not m.kb_id and m.key.isupper() and 2 <= len(m.key) <= 6 and m.key.isalpha()}:
        acro = key.lower()
        for mt in _spelled_out(text, key):
            words = re.sub(r"[-–'’]", " ", mt.group(1)).split()
            for n in range(len(acro), min(len(words), 2 * len(acro) + 2) + 1):
                tail = words[-n:]
                if tail[0][:1].lower() != acro[0] or tail[-1][:1].lower() != acro[-1] \
                        or not acronym_of(acro, norm(" ".join(tail))):
                    continue
                # the shortest long form the letters spell is the one read
                if all(w[:1].islower() for w in tail) and norm(tail[0]) not in heads:
                    common.add(key)
                break
            else:
                if _common_phrase(words, heads):
                    common.add(key)
    return [m for m in names if m.kb_id or m.key not in common]


# Words that open a noun phrase before an acronym in brackets ("le grand modèle linguistique (LLM)").
_NP_OPENERS = frozenset({"le", "la", "les", "l", "un", "une", "au", "aux", "ce", "cet", "cette", "ces",
                         "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"})
_OF_WORDS = frozenset({"de", "du", "des", "d"})


def _common_phrase(words: list[str], heads: frozenset[str]) -> bool:
    """Whether the noun phrase right before an acronym in brackets is a common noun's, written in
    lower case and in words the acronym's letters do not spell (an English term's acronym, "le grand
    modèle linguistique (LLM)", "de robots mobiles autonomes (AMR)"): the acronym names a thing, not
    a body. A phrase opening on an institution noun ("la direction des affaires maritimes (DGM)")
    names a body, and so does a body's noun anywhere in the phrase."""
    folded = [norm(w) for w in words]
    opened = [i for i, w in enumerate(folded) if w in _NP_OPENERS]
    start = opened[-1] + 1 if opened else (1 if folded and folded[0] in _OF_WORDS else 0)
    before = start - 1
    while before >= 0 and (folded[before] in _OF_WORDS or folded[before] in _NP_OPENERS):
        before -= 1
    if before >= 0 and before < start - 1 and words[before][:1].isupper():
        return False  # "le Parti de l'aube nouvelle (YSP)": the lower-case words end a name
    phrase = words[start:]
    # (a body's noun anywhere in it, "les membres du syndicat des machinistes (IAM)", names a body)
    return 1 <= len(phrase) <= 6 and all(w.isalpha() and w.islower() for w in phrase) \
        and norm(phrase[0]) not in _OF_WORDS \
        and not any(norm(w) in heads or norm(w).rstrip("sx") in heads for w in phrase)


def _tail_letters(acro: str, words: list[str]) -> bool:
    """Whether most letters of an acronym (seven in ten) are initials of the words of a name's tail."""
    initials = {w[:1] for w in words}
    letters = [c for c in acro if c.isalpha()]
    return bool(letters) and sum(c in initials for c in letters) >= 0.7 * len(letters)


def acronym_of(acro: str, name: str) -> bool:
    """Whether ``acro`` abbreviates ``name`` (both folded): its letters are initials of the name's
    words in order ("aie" for "agence internationale de l'energie"), or, for an acronym of the
    name in another language, letters of the name in order, starting with its first letter
    ("cerd" for "comite pour l'elimination de la discrimination raciale")."""
    initials = "".join(w[0] for w in name.replace("'", " ").split())
    if not acro or acro[0] != initials[:1]:
        return False
    it = iter(initials)
    if all(c in it for c in acro):
        return True
    letters = iter(name)
    return len(acro) >= 3 and all(c in letters for c in acro)


# "le Parti libéral-démocrate (PLD, au pouvoir)": the acronym opens a bracketed aside.
_LED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&\-]{1,7}),\s")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9&\-]{1,7}")


def foreign_acronym(text: str, acro: str, named: Mention, acronym_mentions: list[Mention]) -> bool:
    """Whether an acronym in brackets right after an organisation's French name is that
    organisation's acronym in its own language ("le Parti de la justice et du développement
    (AKP)", "la direction des affaires maritimes (DGM)"): capitals only, read as an organisation
    (or a thing) wherever NER met it, never as a person or a place, and set in brackets once (a
    code glossing several names, "Lavel (FRA)", "Orsini (FRA)", is nobody's acronym)."""
    later = [w for w in norm(named.key).replace("'", " ").split()[1:] if w not in _SMALL_WORDS]
    if any(w[:1] == acro[:1].lower() and _tail_letters(norm(acro), later[k:]) for k, w in enumerate(later)):
        # "Division des Forces d'action rapide (FAR)": the acronym of the name's tail, also with a
        # word the text leaves out ("(FURA)"); "Fonds des Nations unies pour la population (UNFPA)":
        # the English acronym of the whole, not the tail's
        return False
    return named.label == "ORG" and bool(_CAPITALS.fullmatch(acro)) \
        and all(x.label in ("ORG", "MISC") for x in acronym_mentions) \
        and text.count(f"({acro})") + text.count(f"({acro},") == 1


def merge_acronyms(text: str, clusters: Clusters) -> None:
    """"l'Agence internationale de l'énergie (AIE)": the acronym is the same organisation."""
    where = {m.start: k for k, ms in clusters.items() for m in ms if m.source in ("ner", "gaz")}
    for key, ms in list(clusters.items()):
        for m in list(ms):
            if m.source not in ("ner", "gaz") or m.label == "PER":
                continue
            mt = _ACRONYM.match(text, m.end) or _LED_ACRONYM.match(text, m.end)
            if not mt:
                continue
            other = where.get(mt.start(1))
            if other is None or other == key or other not in clusters or key not in clusters:
                continue
            if not acronym_of(norm(mt.group(1)).replace(".", ""), norm(m.key)) \
                    and not foreign_acronym(text, mt.group(1), m, clusters[other]):
                continue
            # The KB-linked side keeps the identity; else the long name absorbs the acronym.
            keep, drop = (other, key) if other[0] == "kb" and key[0] != "kb" else (key, other)
            if drop[0] == "kb":
                continue
            clusters[keep].extend(clusters.pop(drop))
            where = {x.start: k for k, xs in clusters.items() for x in xs if x.source in ("ner", "gaz")}
