"""Speaker rules that follow who is *salient* at a quote: the person the previous speech cue named
goes on as "il"/"elle" while nobody else is named, and a cue-less quote goes to the one person its
own sentence names. News writing chains quotes this way: a speaker is introduced once with a full
cue, then the next quotes say "a-t-il ajouté", "poursuit-elle" or nothing at all, until the text
names somebody else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.body_kinds import fitting
from veille.quotes.documents import document_author, document_head
from veille.quotes.gender import entity_gender, name_agrees
from veille.quotes.lead_subjects import lead_subject
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.state import ArticleState, Cue, head_of, subject_tokens
from veille.quotes.words import PRONOUN_GENDER, PRONOUNS_PLUR, PRONOUNS_SING, STRESSED_PRONOUNS

Resolver = Callable[[ArticleState, Cue], None]  # speaker_rules.resolve (passed in: that module imports this one)


def last_cue_before(state: ArticleState, pos: int, resolve: Resolver, exclude: Cue | None = None) -> Cue | None:
    """The nearest speech cue before ``pos`` (this paragraph or the one before) with a subject of its own,
    its speaker resolved."""
    lo = state.paragraph_start_before(pos)
    seen: dict[int, Cue] = {}
    for c in list(state.cue_at.values()) + list(state.memory.cue_of.values()):
        if c is exclude or not lo <= c.start < pos or c.subj_start is None or state.in_quote(c.start):
            continue
        if not c.resolved:
            resolve(state, c)
        if c.subj_text and c.subj_text.strip().lower() in PRONOUNS_SING | STRESSED_PRONOUNS and c.speaker is None:
            continue  # a pronoun nobody was found for: no evidence either way
        seen[id(c)] = c
    return max(seen.values(), key=lambda c: c.start) if seen else None


def someone_else_named(state: ArticleState, lo: int, hi: int, speaker: str | None) -> bool:
    """True when a person other than ``speaker`` is named (outside quotes) between ``lo`` and ``hi``."""
    return any(lo <= m.start < hi and not m.in_quote and m.entity.type == "PER" and m.entity.name != speaker
               for m in state.mentions)


def previous_cue_speaker(state: ArticleState, subj: Subject, resolve: Resolver) -> Decision | None:
    """Example "« Le pont tiendra », a assuré l'ingénieur du chantier, Paul Arnaud. « Il a été testé
    deux fois », a-t-il ajouté.": "il" in a speech cue is the speaker of the cue just before it when
    nobody else has been named since (the last sentence's grammatical subject may be someone else:
    "Claire Dubois visitait le site lorsque l'accident a eu lieu, a rapporté le chef des pompiers
    Paul Arnaud. « Elle n'a rien vu », a-t-il dit." is Paul Arnaud's)."""
    if subj.low not in PRONOUNS_SING or subj.low in STRESSED_PRONOUNS - {"elle"}:
        return None
    pos = subj.cue.start
    prev = last_cue_before(state, pos, resolve, exclude=subj.cue)
    if prev is None:
        return None
    sent_end = prev.tok.sent.end_char
    if someone_else_named(state, max(sent_end, prev.subj_end or sent_end), pos, prev.speaker):
        return None
    if prev.speaker is None:
        # "…, explique un proche. « … », ajoute-t-il"; not "les agriculteurs ont signalé …, il a rappelé …"
        return Decision(None) if prev.unnamed and _takes_up(state, prev, subj.low) else None
    ent = next((m.entity for m in state.mentions if m.entity.name == prev.speaker), None)
    gender = PRONOUN_GENDER.get(subj.low)
    if ent is None or ent.type != "PER" or not name_agrees(state, prev.speaker, gender):
        return None
    if gender and entity_gender(state, ent) is None:
        state.genders[id(ent)] = gender  # "…, a dit Anne Roy. « … », ajoute-t-elle": she is a woman from now on
    return Decision(prev.speaker)


def _takes_up(state: ArticleState, prev: Cue, pronoun: str) -> bool:
    """Example "…, ont signalé les agriculteurs. « … », a-t-il ajouté": a singular pronoun takes up the unnamed
    subject of the cue before it only when that subject is singular (a plural group is not "il"; the gender
    of a passive cue's subject is no guide: "Une réalité concédée par un commissaire. « … », dit-il")."""
    toks = subject_tokens(state, prev)
    if not toks:
        return True
    head = head_of(toks)
    return not (head.pos_ in ("NOUN", "PROPN") and "Plur" in head.morph.get("Number"))


def _sentence_people(state: ArticleState, start: int, end: int) -> list[Any]:
    return [m for m in state.mentions if start <= m.start < end and not m.in_quote and m.entity.type == "PER"]


def person_named_in_sentence(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "On prête à Paul Arnaud cette formule selon laquelle « un pont se construit à deux ».": a
    cue-less quote inside a sentence that names one person before it, and no other, is that person's
    (a sentence speaking of somebody's words: "l'affirmation de X", "X parle d'une « … »")."""
    ss, _ = state.sent_bounds(ctx.mark.start)
    lo = max(ss, ctx.para[0])
    for qs, qe in state.quote_ranges:
        if lo <= qs < ctx.mark.start and state.speech_like(qs, qe):
            return None  # another quote comes first in the sentence: the chain rules decide
    people = _sentence_people(state, lo, ctx.mark.start)
    names = {m.entity.name for m in people}
    if len(names) != 1:
        return None
    first = people[-1]
    return Decision(first.entity.name, state.text[first.start:first.end])


def chain_is_broken(state: ArticleState, ctx: Any, resolve: Resolver) -> bool:
    """True when a person other than the previous quote's speaker is named between the two quotes
    (outside quotes, after the previous quote's cue): the chain of cue-less quotes stops there."""
    if ctx.prev is None:
        return False
    pm, pq = ctx.prev
    lo = pm.end
    cue = state.memory.cue_of.get(id(pm))
    if cue is not None and cue.start >= pm.end:
        lo = max(lo, cue.tok.sent.end_char if cue.tok.sent.end_char <= ctx.mark.start else cue.end)
    if someone_else_named(state, lo, ctx.mark.start, pq.speaker):
        return True
    # "« … », a dit un porte-parole. Le médecin a reconnu une erreur. « … »": the sentence leading into
    # the quote has a subject of its own that names someone else
    tmp = lead_subject(state, ctx.mark, ctx.para[0])
    if tmp is None or tmp.subj_start is None or tmp.subj_start < lo or state.in_quote(tmp.subj_start) \
            or bare(tmp.subj_text or "") in PRONOUNS_SING | PRONOUNS_PLUR:
        return False  # ("il n'est plus reconnu": a pronoun may stand for a thing)
    resolve(state, tmp)
    return tmp.speaker is not None and tmp.speaker != pq.speaker


_org_nouns = lexicon.groups("quotes/organisation_nouns.tsv")
INSTITUTION_NOUNS = _org_nouns["institution"]
ORGANISATION_NOUNS = _org_nouns["anaphor"] | INSTITUTION_NOUNS
DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "cette", "ce"})
POSSESSIVE = frozenset({"son", "sa", "leur"})  # "a déclaré leur syndicat": only the one named next (``named_next``)


def organisation_anaphor(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "L'association Voix libres a porté plainte. « Nous irons jusqu'au bout », a indiqué
    l'association.": a definite organisation noun ("l'association", "le collectif", "l'agence", "l'ONG": a
    common noun written as an acronym) with no name of its own stands for the organisation last named before
    it (this or the two paragraphs before), preferably one written with that noun; a lone "un porte-parole"
    speaks for that organisation too."""
    if subj.inside or not subj.toks:
        return None
    head = bare(subj.head.text)
    first = bare(subj.toks[0].text)
    lone_voice = head == "porte-parole" and first in ("un", "une", "le", "la", "l'")
    # a capital makes a name ("l'Association des maires"), except a common noun written as an acronym ("l'ONG")
    named_head = subj.head.text[:1].isupper() and not (subj.head.text.isupper() and len(subj.head.text) > 1)
    after = [t for t in subj.toks if t.i > subj.head.i]
    # "La Cour constitutionnelle a tranché. « … », estime la Cour.": a body's name cut to its capitalised
    # institution noun takes up the body named with that noun, and no other
    short_name = named_head and not after and head in INSTITUTION_NOUNS
    possessive = first in POSSESSIVE and not lone_voice
    if not lone_voice and (head not in ORGANISATION_NOUNS or first not in DEFINITE | POSSESSIVE
                           or named_head and not short_name):
        return None
    if any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in after) or (
            any(t.pos_ == "ADP" for t in after) and head in INSTITUTION_NOUNS):
        return None  # "le ministère de l'Intérieur", "la cour d'appel": a name of its own (other rules)
    # ("le groupe de réflexion", "le cabinet de conseil": a common-noun complement names no one)
    lo = state.paragraph_start_before(subj.cue.start, back=2)
    orgs = [m for m in state.mentions if lo <= m.start < subj.cue.start and not m.in_quote
            and m.entity.type == "ORG" and not m.asked and not (subj.cue.subj_start or 0) <= m.start < (subj.cue.subj_end or 0)]
    quoted = quoted_names(state, head, lo, subj.cue.start)
    def written_with(m: Any) -> bool:
        near = bare(state.text[max(0, m.start - 20):m.end])
        if head in near.split() or head in bare(m.entity.name).split():
            return True
        # "le comité de l'ONU pour l'élimination du racisme (Cerd)": the acronym in brackets after a long
        # name opened by the noun names it
        before = state.text[max(0, m.start - 100):m.start].rstrip()
        return before.endswith("(") and head in bare(before.split(".")[-1]).replace("'", " ").split()
    named = [m for m in orgs if written_with(m)]
    if possessive or not orgs and head not in INSTITUTION_NOUNS and not short_name:
        # "…, a indiqué le collectif. Le collectif Voix libres (CVL) …": no organisation named before it
        ahead = named_next(state, subj.cue, written_with, subj.head.morph.get("Gender"))
        if possessive or ahead is not None:
            return Decision(ahead) if ahead is not None else None
    if short_name:
        return Decision(named[-1].entity.name) if named else None
    if quoted and (not named or quoted[-1][0] > named[-1].start):
        return Decision(quoted[-1][1])  # "le collectif « Voix libres »" … "a écrit le collectif"
    spoken = [who for who in state.memory.speakers if head in bare(who).split()]
    if spoken and not named:
        # "a annoncé le ministère freedonien des Transports. […] a précisé le ministère": the voice that spoke
        # under that noun, though no entity lists it
        return Decision(spoken[-1])
    if not orgs or not named and head in INSTITUTION_NOUNS:
        return None  # "a indiqué la police": an institution never named, not the last organisation
    pick = (named or fitting(state, head, orgs, subj.cue.start))[-1]
    return Decision(pick.entity.name)


def named_next(state: ArticleState, cue: Cue, written_with: Callable[[Any], bool], gender: list[str]) -> str | None:
    """Example "Les ventes ont chuté, a indiqué le collectif. Le collectif Voix libres (CVL) demande …": an
    organisation noun no organisation stands for before it takes up the one the next sentence names first,
    written with that noun, or as its subject when their articles agree in gender (an agency lead names
    the body after its first report; "…, a indiqué le collectif. La mairie a refusé …" is not the collective)."""
    _, end = state.sent_bounds(cue.start)
    nxt = next((t for t in state.toks_in(end, len(state.text)) if not t.is_space and t.idx >= end), None)
    if nxt is None:
        return None
    lo, hi = state.sent_bounds(nxt.idx)
    orgs = [m for m in state.mentions if lo <= m.start < hi and not m.in_quote and m.entity.type == "ORG"
            and not m.asked]
    pick = next((m for m in orgs if written_with(m) or m.subject and agrees(state, m.start, gender)), None)
    return pick.entity.name if pick is not None else None


def agrees(state: ArticleState, pos: int, gender: list[str]) -> bool:
    """The name at ``pos`` (its article, else its first word) has no gender that differs from ``gender``."""
    tok = state.tok_at(pos)
    det = state.doc[tok.i - 1] if tok.i > 0 and state.doc[tok.i - 1].pos_ == "DET" else tok
    theirs = det.morph.get("Gender")
    return not (gender and theirs and gender != theirs)


QUOTED_NAME_WORDS = 6  # a longer quote after "le collectif" is its words, not its name


def quoted_names(state: ArticleState, noun: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """(position, name) of each group named in quotation marks right after ``noun`` between ``lo`` and
    ``hi`` ("le collectif « Voix libres »"): the entity stage reads no names between quotation marks."""
    out = []
    for mk in state.marks:
        if not lo <= mk.start < hi:
            continue
        before = state.text[max(0, mk.start - len(noun) - 4):mk.start].rstrip(" \u00a0\u202f«“\"")
        name = mk.text(state.text).strip(" \u00a0\u202f")
        if bare(before).endswith(noun) and name[:1].isupper() and len(name.split()) <= QUOTED_NAME_WORDS \
                and not any(c in name for c in ".!?:;"):
            out.append((mk.start, name))
    return out


SAME = frozenset({"meme", "memes"})


def same_source(state: ArticleState, subj: Subject, resolve: Resolver) -> Decision | None:
    """Example "Le ministère de l'Intérieur a indiqué que le navire venait de Vienne. Selon la même source,
    il « transportait du bois ». / … cette même Cour a jugé que …": "la même source", "le même
    communiqué" is the voice of the cue just before (this or the previous paragraph); "cette même
    Cour" is the organisation last named with that word in its name."""
    toks = subj.toks
    k = next((i for i, t in enumerate(toks) if bare(t.text) in SAME), None)
    if k is None or k == 0 or k + 1 >= len(toks) or bare(toks[k - 1].text) not in DEFINITE or subj.persons:
        return None
    word = bare(toks[k + 1].text)
    noun = document_head(toks)
    author = document_author(state, noun, subj.cue.start) if noun is not None else None
    if author is not None:
        return Decision(author)  # "Selon un rapport de X, … Le même rapport précise que …"
    orgs = [m for m in state.mentions if m.start < subj.cue.start and not m.in_quote and m.entity.type == "ORG"
            and word in bare(m.entity.name).split()]
    if orgs:
        return Decision(orgs[-1].entity.name)
    prev = last_cue_before(state, subj.cue.start, resolve, exclude=subj.cue)
    if prev is not None and prev.speaker is None and prev.unnamed and word in bare(prev.subj_text or "").split():
        # "…, a expliqué un responsable du ministère. « … », a précisé ce même responsable": still unnamed
        subj.cue.unnamed = True
        return Decision(None)
    return Decision(prev.speaker) if prev is not None and prev.speaker is not None else None


UNBROKEN_PARAGRAPHS = 3  # how many paragraph starts a voice goes on over with nobody else named


def unbroken_voice(state: ArticleState, ctx: Any) -> Decision | None:
    """Example "« Le sommeil se soigne », explique Paul Verlaque, neurologue. [a heading, a paragraph on the
    illness, no one named] « Il faut dormir plus tôt. »": a feature quoting one expert at length goes on in
    the voice of the last quote, a few paragraphs on, while no other person is named, rather than in nobody's
    (``ctx``: the cue-less quote's context of ``speaker_rules``)."""
    if ctx.prev is None or not ctx.prev[1].speaker or ctx.prev[1].speaker != state.memory.last:
        return None
    speaker, lo, hi = ctx.prev[1].speaker, ctx.prev[0].end, ctx.mark.start
    if not any(m.entity.name == speaker and m.entity.type == "PER" for m in state.mentions):
        return None
    if sum(1 for s, _ in state.segs if lo < s <= hi) > UNBROKEN_PARAGRAPHS:
        return None
    if someone_else_named(state, lo, hi, speaker):
        return None
    return Decision(speaker)


_AFFILIATION = re.compile(r"\s*(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*|les\s+)?")


def affiliated_person(state: ArticleState, org: Any) -> Any:
    """The person mention written right before the organisation mention ``org`` as its member ("l'historienne
    Anne Roy de l'Université de Vienne", "la journaliste Claire Dubois du Courrier de Vienne", invented), else
    ``org`` itself: the person speaks, not her affiliation."""
    if org.entity.type != "ORG":
        return org
    for m in state.mentions:
        if m.entity.type == "PER" and m.end <= org.start and not m.in_quote \
                and _AFFILIATION.fullmatch(state.text, m.end, org.start):
            return m
    return org
