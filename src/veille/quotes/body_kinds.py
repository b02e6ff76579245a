"""A definite description that takes up a body named earlier by the kind its head noun names (issue 16).

The French press names a body once and then describes it: "l'entreprise", "le cabinet", "les experts".
Which body the description stands for is the one of the right kind, not merely the last named:

* ``fitting``: "l'entreprise" is not the union named since ("le syndicat X", "syndicat des … (X)"); an
  organisation written with a noun of another kind is set aside (read by ``salience.organisation_anaphor``);
* ``government_taken_up`` (rule): "le cabinet", "l'exécutif" alone are the government the text named
  last with its country ("le gouvernement freedonien"): that country speaks, as the gold has it;
* ``members_of_body`` (rule): "les experts", "les parlementaires" alone are the collegial body
  (comité, commission …) the text last named;
* ``pronoun_body_topic`` (rule): "il"/"elle" right after a sentence whose subject is such a body noun
  ("Le comité relève … Il se dit préoccupé") is the organisation that noun takes up.

The words are in ``lexicons/quotes/body_kinds.tsv``.
"""

from __future__ import annotations

import re
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState, Mention
from veille.quotes.words import GOVERNMENT_HEADS, PRONOUN_GENDER

_groups = lexicon.groups("quotes/body_kinds.tsv")
GOVERNMENT_WORDS = _groups["government"]
MEMBER_NOUNS = _groups["member"]
COLLEGIAL = _groups["collegial"]
KIND_OF: dict[str, str] = {w: kind for kind in ("company", "union", "press", "party", "association")
                           for w in _groups[kind]}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_CLAUSE_END = re.compile(r"[.;:!?«»\"]")
_ELIDED = ("l'", "l’", "d'", "d’")


def _words(text: str) -> list[str]:
    return [bare(w) for w in _WORD.findall(text.replace("’", " ").replace("'", " "))]


def _before_words(state: ArticleState, m: Mention) -> list[str]:
    """The words a mention is written after within its clause; after a bracket, the phrase the bracket
    follows ("le comité onusien chargé de … (X)")."""
    before = _CLAUSE_END.split(state.text[max(0, m.start - 120):m.start])[-1]
    if before.rstrip().endswith("("):
        return _words(before.rstrip()[:-1].split(",")[-1])
    return _words(before[-30:])[-1:]


def _written_kind(state: ArticleState, m: Mention) -> str | None:
    """The kind of the noun a mention is written with: its own first word ("Syndicat des pilotes"), the
    noun right before it ("le syndicat SDP", "ledit syndicat"), or the noun opening the phrase a bracket
    sets it after ("le syndicat des machinistes (SDP)")."""
    own = _words(m.entity.name)[:1]
    if own and own[0] in KIND_OF:
        return KIND_OF[own[0]]
    heads = [w for w in _before_words(state, m) if w in KIND_OF]
    return KIND_OF[heads[0]] if heads else None


def entity_kinds(state: ArticleState, entity: Any, until: int) -> set[str]:
    """The kinds every mention of an organisation before ``until`` was written with."""
    return {k for m in state.mentions if m.entity is entity and m.start < until and not m.in_quote
            for k in (_written_kind(state, m),) if k}


def fitting(state: ArticleState, head: str, orgs: list[Mention], until: int) -> list[Mention]:
    """Example "Le Syndicat des mécaniciens (SDM) refuse. L'offre d'Avicor … a déclaré l'entreprise": the
    organisations a definite noun of a kind may take up, those written with a noun of another kind set aside
    ("l'entreprise" is not the SDM); all of them when none is left or the noun names no kind."""
    kind = KIND_OF.get(head)
    if kind is None:
        return orgs
    kinds = {id(m.entity): entity_kinds(state, m.entity, until) for m in orgs}
    kept = [m for m in orgs if not kinds[id(m.entity)] or kind in kinds[id(m.entity)]]
    return kept or orgs


def _bare_noun(subj: Subject) -> bool:
    """The subject is an article and its head noun, nothing else ("le cabinet", "les experts")."""
    return len(subj.toks) == 2 and subj.toks[1] is subj.head and not subj.inside \
        and subj.head.pos_ in ("NOUN", "ADJ") and subj.head.is_lower \
        and bare(subj.toks[0].text) in ("le", "la", "les", *_ELIDED)


def government_taken_up(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le gouvernement freedonien a présenté le texte. Le cabinet a appelé à un « débat apaisé »":
    another word for a government, alone, is the government the text named last with its country's
    adjective, within this paragraph and the two before: that country speaks."""
    if not _bare_noun(subj) or bare(subj.head.text) not in GOVERNMENT_WORDS:
        return None
    lo = state.paragraph_start_before(subj.cue.start, back=2)
    doc = state.doc
    first, last = state.tok_at(lo).i, subj.toks[0].i
    for i in range(last - 1, first - 1, -1):
        t = doc[i]
        if bare(t.text) not in GOVERNMENT_HEADS | GOVERNMENT_WORDS or state.in_quote(t.idx):
            continue
        for a in doc[i + 1:min(i + 3, last)]:
            name = state.res.demonym_country.get(bare(a.text)) if a.is_lower else None
            if name:
                # the adjective is a mention of the country when the article names it ("la République
                # tchèque … le gouvernement tchèque"): the country under the article's name for it
                on = [m for m in state.mentions if m.start <= a.idx < m.end and m.entity.type == "LOC"]
                return Decision(on[0].entity.name if on else name)
        return None  # the last government named has no country written with it
    return None


def members_of_body(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le Comité des riverains a rendu son avis. « Rien n'a été fait », regrettent les experts.":
    the members of a collegial body, as a plural noun alone, are the body the text named last (a comité,
    a commission …), this paragraph or the one before, when no person was named in between."""
    if not _bare_noun(subj) or bare(subj.head.text) not in MEMBER_NOUNS:
        return None
    lo = state.paragraph_start_before(subj.cue.start, back=1)
    named = [m for m in state.mentions if lo <= m.start < subj.toks[0].idx and not m.in_quote
             and m.entity.type in ("ORG", "PER")]
    bodies = [k for k, m in enumerate(named) if m.entity.type == "ORG" and _words(m.entity.name)[:1]
              and _words(m.entity.name)[0] in COLLEGIAL]
    if not bodies or any(m.entity.type == "PER" for m in named[bodies[-1]:]):
        return None  # no body, or a person named since: "les experts" may be theirs
    return Decision(named[bodies[-1]].entity.name)


def pronoun_body_topic(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le Comité des comptes (CDC) a rendu son avis. Le comité relève des retards. Il se dit
    « très inquiet »": "il"/"elle" after a sentence whose subject is a definite body noun of its gender is
    the organisation written with that noun before it (its name's word, or the phrase a bracket sets it
    after), whoever that sentence names in its complements."""
    gender = PRONOUN_GENDER.get(subj.low)
    if gender is None or subj.low not in ("il", "elle"):
        return None
    doc = state.doc
    k = state.tok_at(subj.cue.start).sent.start - 1
    while k >= 0 and (state.in_quote(doc[k].idx) or doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k < 0 or doc[k].sent.start_char < state.paragraph_start_before(subj.cue.start, back=1):
        return None
    root = doc[k].sent.root
    # "le comité relève …" read as a noun with an adjective: the parse heads the sentence with its subject
    noun = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), root if root.pos_ == "NOUN" else None)
    if noun is None or noun.pos_ != "NOUN" or not noun.is_lower or state.in_quote(noun.idx):
        return None
    word = bare(noun.text)
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    if word not in KIND_OF and word not in COLLEGIAL or det is None or bare(det.text) not in ("le", "la", "l'", "l’") \
            or gender not in {g[0].lower() for g in noun.morph.get("Gender")}:
        return None
    if any(m.start <= noun.idx < m.end for m in state.mentions):
        return None
    named = [m for m in state.mentions if m.start < noun.idx and not m.in_quote and m.entity.type == "ORG"
             and (word in _words(m.entity.name) or word in _before_words(state, m))]
    return Decision(named[-1].entity.name) if named else None
