"""A party's name fused with the person's name after a partisan role noun: "le député Avenir |
Sacha Varel" (invented). French press writes the role, the party and the person with no comma
between them, and NER reads the party and the person as one span; the party is an organisation
of its own, the rest the person (``name_shapes.fused_complement`` says where the person's name
starts; the role nouns are in ``lexicons/entities/partisan_roles.tsv``).

After the first mention the press writes the party before the surname alone ("le député Avenir |
Varel", "la CGT | Varel"): a party's or union's word (a KB party, ``lexicons/entities/party_names.tsv``)
fused to the surname of a person the article names in full elsewhere is split the same way, with or
without a role noun before it; the surname then joins the person."""

from __future__ import annotations

from typing import Any

from veille.common.fold import norm
from veille.common.lexicon import rows
from veille.entities.mention import Mention
from veille.entities.name_shapes import fused_complement
from veille.entities.resources import EntityResources, folded_words

PARTISAN_ROLES = folded_words("entities/partisan_roles.tsv")
PARTY_NAMES = frozenset(r[0] for r in rows("entities/party_names.tsv", min_columns=2))


def party_word(res: EntityResources, tok: Any) -> bool:
    """Whether one capitalised word is a party's or union's name: ``party_names.tsv`` or a party
    the KB knows ("RN", "LFI": kind ``party``)."""
    if tok.text in PARTY_NAMES:
        return True
    return tok.text[:1].isupper() and any((res.kb.get(i) or {}).get("kind") == "party" for i in res.kb.lookup(tok.text, "ORG"))


def named_in_full(res: EntityResources, rest: list) -> bool:
    """Whether the words of ``rest`` are written elsewhere in the Doc right after a capitalised given
    name ("Paul Varel … Avenir Varel"): the surname alone of a person the article names in full."""
    doc, n = rest[0].doc, len(rest)
    texts = [t.text for t in rest]
    for t in doc:
        if t.i == rest[0].i or t.i == 0 or t.text != texts[0] or [w.text for w in doc[t.i:t.i + n]] != texts:
            continue
        given = doc[t.i - 1]
        if given.text[:1].isupper() and norm(given.text) in res.given_names:
            return True
    return False


def surname_split(res: EntityResources, toks: list) -> bool:
    """"(le député) Avenir | Varel", "(la) CGT | Varel": a party's word, then one or two capitalised
    words that are the surname alone of a person the article names in full."""
    rest = toks[1:]
    return 1 <= len(rest) <= 2 and toks[0].i > 0 \
        and all(t.text.replace("-", "").isalpha() and t.text[:1].isupper() and not t.is_upper and norm(t.text) not in res.given_names
                for t in rest) and party_word(res, toks[0]) and named_in_full(res, rest)


def party_split(res: EntityResources, ent: Any, label: str) -> list[tuple[Any, str]]:
    """The span, or the party's word (ORG) and the person's name (PER) when a partisan role noun
    stands right before a span that opens on one capitalised word fused to a person's name, or when
    a party's word is fused to a surname the article writes in full elsewhere (``surname_split``)."""
    toks = list(ent)
    if len(toks) >= 2 and surname_split(res, toks):
        return [(ent.doc[ent.start:ent.start + 1], "ORG"), (ent.doc[ent.start + 1:ent.end], "PER")]
    if len(toks) < 3 or toks[0].i == 0 or norm(toks[0].nbor(-1).text) not in PARTISAN_ROLES \
            or not fused_complement(res, toks):
        return [(ent, label)]
    doc = ent.doc
    return [(doc[ent.start:ent.start + 1], "ORG"), (doc[ent.start + 1:ent.end], "PER")]


def party_mention(res: EntityResources, part: Any, text: str) -> Mention | None:
    """The party's mention when ``part`` is the word ``party_split`` split off a person's name
    (one capitalised word after a partisan role noun, or a party's word, a capitalised word after
    it); else None."""
    if len(part) != 1 or part.start == 0 or part.end >= len(part.doc) or not part.doc[part.end].text[:1].isupper() \
            or norm(part[0].nbor(-1).text) not in PARTISAN_ROLES and not party_word(res, part[0]):
        return None
    start, end = part[0].idx, part[0].idx + len(part[0])
    return Mention(start, end, text[start:end], text[start:end], "ORG", "ner")
