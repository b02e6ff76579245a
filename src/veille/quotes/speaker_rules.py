"""Speaker rules: how a quote gets its speaker. **This is the file that decides a quote's speaker.**

Three named, ordered lists; within each the first rule that decides wins (a rule may decide
"nobody": a ``Decision`` whose speaker is None):

* ``SUBJECT_RULES``: a cue's subject words ("a-t-elle dit", "selon une source", "a déclaré le
  ministre X") -> a speaker;
* ``GOVERNED_RULES``: a cue with no subject of its own ("…, soulignant que …") takes one from
  what governs it;
* ``CUELESS_RULES`` (in ``cueless_rules.py``, split from this file): a direct quote with no cue at all
  takes its speaker from the context.

The rules' answer is then weighed against the other candidates around the quote by the evidence
scorer of ``candidates.py`` (weights fitted on dev, ``tools/quotes/speaker_cv.py``): it keeps the
rules' choice unless another candidate beats it by a margin, and then records ``model:FEATURE P (over RULE)``.

Each rule's docstring gives an invented example; the quote records the rule that chose its speaker
(``Quote.rule``; logged at DEBUG on ``veille.quotes``). To change who speaks, change a rule here;
the words it reads are in ``lexicons/`` (``speaker_nouns.tsv``, ``unnamed_sources.tsv``,
``quotes/*.tsv``).
"""

from __future__ import annotations

from typing import Any

from veille.common.fold import bare
from veille.quotes.antecedents import (
    antecedent,
    descriptor_speaker,
    organisation_antecedent,
    plural_antecedent,
)
from veille.quotes.body_kinds import government_taken_up, members_of_body, pronoun_body_topic
from veille.quotes.court_voice import court_part
from veille.quotes.detached_subjects import participle_head_subject
from veille.quotes.gender import entity_gender
from veille.quotes.mentions import known_surname, unlisted_name
from veille.quotes.organisation_subject import organisation_noun_subject
from veille.quotes.role_holder import role_holder
from veille.quotes.role_named_after import role_named_next
from veille.quotes.rule_types import Decision, Rule, Subject, _rules
from veille.quotes.salience import (
    INSTITUTION_NOUNS,
    affiliated_person,
    organisation_anaphor,
    previous_cue_speaker,
    same_source,
)
from veille.quotes.state import ArticleState, Cue, subject_head
from veille.quotes.subject_spans import np_span
from veille.quotes.titles import is_epithet, is_title_entity
from veille.quotes.unnamed_antecedent import pronoun_unnamed_antecedent
from veille.quotes.unnamed_referent import noun_unnamed_person, pronoun_unnamed_person
from veille.quotes.voices import (
    appositive_organisation,
    document_voice,
    government_of_country,
    institution_as_written,
    named_in_apposition,
    organisation_voice,
    quoted_name,
    side_of_on,
    words_of,
)
from veille.quotes.words import (
    FOREIGN_PRONOUNS,
    GOVERNMENT_HEADS,
    INDEFINITE,
    NOT_SPEAKERS,
    PRONOUN_GENDER,
    PRONOUNS_PLUR,
    PRONOUNS_SING,
)

# -- a cue's subject ---------------------------------------------------------------------------

def not_a_speaker(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "On estime que la route rouvrira": "on", "cela", "qui" name nobody; the subject is dropped."""
    if bare((subj.cue.subj_text or "").strip()) not in NOT_SPEAKERS:
        return None
    subj.cue.subj_text = None
    subj.cue.subj_start = None
    return Decision(None)


def pronoun_previous_speaker(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Le pont tiendra », a assuré l'ingénieur du chantier, Paul Arnaud. « Il a été testé deux
    fois », a-t-il ajouté.": "il" in a speech cue is the speaker of the cue just before it when nobody else
    has been named since (``salience.previous_cue_speaker``)."""
    return previous_cue_speaker(state, subj, resolve)


def same_voice(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le ministère de l'Intérieur a indiqué que le navire venait de Vienne. Selon la même source,
    il « transportait du bois ».": "la même source" speaks with the voice of the cue before it
    (``salience.same_source``)."""
    return same_source(state, subj, resolve)


def pronoun_antecedent(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Claire Dubois est arrivée. « Tout est prêt », a-t-elle dit.": a singular pronoun goes to
    the last person named outside quotes who agrees in gender (the subject of that sentence first)."""
    if subj.low not in PRONOUNS_SING:
        return None
    gender = PRONOUN_GENDER.get(subj.low)
    org = organisation_antecedent(state, subj.cue.start, gender) if subj.low not in STRESSED_ONLY else None
    who = org or antecedent(state, subj.cue.start, plural=False, gender=gender)
    if who and gender and not org:
        # "…, a commenté Anne Roy. « … », dit-elle": she is a woman for the pronouns that follow
        ent = next((m.entity for m in state.mentions if m.entity.name == who), None)
        if ent is not None and entity_gender(state, ent) is None:
            state.genders[id(ent)] = gender
    return Decision(who)


def plural_pronoun(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Paul Arnaud et Claire Dubois ont visité le site. « Il tiendra », ont-ils affirmé.": the
    first of the people the last sentence's subject coordinates; any other plural names nobody."""
    if subj.low not in PRONOUNS_PLUR:
        return None
    return Decision(plural_antecedent(state, subj.cue.start))


def person_in_subject(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le ministre Paul Arnaud a déclaré que …": a person named in the subject speaks, unless only
    as a descriptor's complement ("le porte-parole de Paul Arnaud")."""
    return Decision(subj.persons[0].entity.name) if subj.persons else None


def listed_surname(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Nous verrons », a dit Arnaud.": a family name alone goes to the one listed person who bears it."""
    known = known_surname(state, subj.toks, subj.inside)
    return Decision(known) if known else None


def unlisted_full_name(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "a déclaré la commissaire Mirela Dobrescu" with no entity for her: the name as written, in
    full, particles included ("Lefèvre de La Tour")."""
    name = unlisted_name(state, subj.toks, subj.inside)
    return Decision(name) if name else None


def entity_on_head(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "La mairie de Lyon a indiqué que …": the entity covering the subject's head speaks under its
    name; "le Norvégien" (a person described by nationality) is not the country."""
    head = subj.head
    on_head = [m for m in state.mentions if m.start <= head.idx < m.end]
    if on_head and on_head[0].entity.type == "LOC" and subj.article and (
            head.pos_ in ("NOUN", "ADJ") or bare(head.text) in state.res.demonyms):
        return None
    if on_head and is_title_entity(state, subj, on_head[0]):
        return None  # "le Directeur financier de Bravex": a capitalised post, not an organisation
    return Decision(affiliated_person(state, on_head[0]).entity.name) if on_head else None


def unnamed_source(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Une source diplomatique a affirmé que …": an indefinite phrase or an unnamed source names nobody;
    not "le journal anglais The Gazette", a source noun the organisation named after it stands in apposition to."""
    if (bare(subj.toks[0].text) in INDEFINITE or bare(subj.head.text) in state.res.unnamed) and not subj.persons \
            and not (bare(subj.toks[0].text) not in INDEFINITE and named_in_apposition(state, subj)):
        subj.cue.unnamed = True
        return Decision(None)
    return None


def descriptor(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Paul Arnaud a reçu la maire. « C'est un début », a déclaré le diplomate.": a descriptor
    (``lexicons/speaker_nouns.tsv``) goes to the last person named earlier with that role, KB
    profession or nationality, agreeing in gender; words after a foreign cue are taken as one. A capitalised
    head is a person only as a demonym ("le Norvégien"), not a text or a title ("le Code rural")."""
    head, cue = subj.head, subj.cue
    nouns = state.res.person_nouns
    if bare(head.text) in nouns or bare(head.lemma_) in nouns or (cue.entry.lang != "fr" and not subj.inside) \
            or (subj.article and head.text[:1].isupper() and is_epithet(state, head.text)):
        if head.is_lower and "Plur" in head.morph.get("Number") and bare(head.text) != bare(head.lemma_):
            subj.cue.unnamed = True  # "les auteurs de l'étude", "des militantes": several people, none named
            return Decision(None)
        exclude = {id(m.entity) for m in subj.inside if m.entity.type == "PER"}
        who = descriptor_speaker(state, cue, subj.toks, exclude=exclude)
        if who is None and noun_named_before(state, subj) is not None:
            return None  # the noun written next to a name decides (``noun_named_before``)
        return Decision(who)
    return None


def unlisted_proper_noun(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "a expliqué Dobrescu" with no entity: a name the entity stage did not list keeps its words
    rather than lose the speaker."""
    head = subj.head
    if subj.article or head.pos_ != "PROPN" or subj.inside or bare(head.text) in state.res.person_nouns:
        return None
    return Decision(" ".join(t.text for t in subj.toks if t.pos_ == "PROPN") or None)


def organisation_in_subject(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le ministère des Affaires étrangères de Freedonie a affirmé que …": an organisation (else a
    place) named in the subject; an adjective ("l'agence officielle russe") is not the country."""
    nouns = state.res.person_nouns
    if not subj.inside or bare(subj.head.text) in nouns or bare(subj.head.lemma_) in nouns:
        return None
    orgs = sorted((m for m in subj.inside if m.entity.type in ("ORG", "LOC")
                   and state.text[m.start:m.start + 1].isupper() and (m.entity.type == "ORG" or _place_speaks(subj, m))),
                  key=lambda m: (m.entity.type != "ORG", m.start))
    return Decision(orgs[0].entity.name) if orgs else None


def _place_speaks(subj: Subject, m: Any) -> bool:
    """Example "Le pasteur, originaire de Vienne, a dit que …": a place in a subject speaks only as the subject
    itself (metonymy: "Vienne a répondu", "la Freedonie estime") or as the complement of an authority ("la
    mairie de Vienne", "le gouvernement de Freedonie"); the place someone comes from or lives in never does."""
    if m.start <= subj.head.idx < m.end:
        return True
    return bool({bare(subj.head.text), bare(subj.head.lemma_)} & (GOVERNMENT_HEADS | INSTITUTION_NOUNS))


DEFINITE = frozenset({"le", "la", "l'", "l’", "ce", "cette"})
STRESSED_ONLY = frozenset({"lui", "celui qui", "celle qui"})  # only ever a person


def noun_named_before(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le collectif Voix libres a manifesté. « Rien ne change », déplore le collectif.": a
    definite noun subject ("le collectif", "la chercheuse", "le syndicat") goes to the person or
    organisation last named with that noun next to it ("le collectif Voix libres", "Anne Roy,
    chercheuse à …") or in its name ("Syndicat des pilotes"), before the cue."""
    head = subj.head
    if not subj.article or head.pos_ != "NOUN" or not head.is_lower or subj.inside:
        return None
    if bare(state.doc[head.i - 1].text) not in DEFINITE:
        return None
    word = bare(head.text)
    # "poursuit l'épidémiologiste": a person's noun is never the outlet named next to it
    kinds = ("PER",) if word in state.res.person_nouns else ("PER", "ORG")
    best = None
    for m in state.mentions:
        if m.start >= subj.cue.start or m.in_quote or m.entity.type not in kinds:
            continue
        if state.seg_of(m.start) == state.seg_of(subj.cue.start) and m.start >= subj.cue.subj_start:
            continue
        first, last = state.tok_at(m.start).i, state.tok_at(max(m.start, m.end - 1)).i
        # the noun right before the name or in its apposition ("Anne Roy, chercheuse")
        near = state.doc[max(0, first - 3):min(len(state.doc), last + 4)]
        named = word in bare(m.entity.name).split() or any(bare(t.text) == word for t in near)
        if named:
            best = m
    return Decision(best.entity.name) if best else None


def nobody(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "La décision a été saluée par beaucoup.": a subject no rule above recognises names nobody."""
    return Decision(None)


SUBJECT_RULES: list[Rule] = _rules(
    side_of_on, not_a_speaker, same_voice, organisation_noun_subject, pronoun_unnamed_antecedent, pronoun_unnamed_person,
    pronoun_previous_speaker, pronoun_body_topic, pronoun_antecedent, plural_pronoun, words_of, person_in_subject, listed_surname,
    unlisted_full_name, entity_on_head, quoted_name, organisation_voice, document_voice, government_of_country, government_taken_up,
    organisation_anaphor, court_part, members_of_body, appositive_organisation, role_named_next, unnamed_source, noun_unnamed_person, role_holder, descriptor,
    unlisted_proper_noun, organisation_in_subject, noun_named_before, institution_as_written, nobody)


def _subject(state: ArticleState, cue: Cue) -> Subject | None:
    s, e = cue.subj_start, cue.subj_end
    toks = [t for t in state.toks_in(s, e) if s < t.idx + len(t.text)]
    if not toks:
        return None
    low = bare((cue.subj_text or "").strip())
    if cue.entry.lang != "fr":
        low = FOREIGN_PRONOUNS.get(low, low)
    cut = next((k for k, t in enumerate(toks) if k and cue.start < s and t.pos_ == "PRON"
                and "Rel" in t.morph.get("PronType")), None)
    if cut is not None:
        # "…, a souligné le collectif Voix libres qui a appelé à …": the relative clause is not the subject
        toks = toks[:cut]
        e = toks[-1].idx + len(toks[-1].text)
    inside = [m for m in state.mentions if s <= m.start < e]
    head = subject_head(toks)
    return Subject(cue=cue, toks=toks, low=low, inside=inside, head=head,
                   article=head.i > 0 and state.doc[head.i - 1].pos_ == "DET",
                   persons=[m for m in inside if m.entity.type == "PER" and not (m.complement and m.start > s)])


def resolve(state: ArticleState, cue: Cue) -> None:
    """Sets ``cue.speaker`` (and ``cue.rule``) from the cue's subject words, once."""
    if cue.resolved:
        return
    cue.resolved = True
    if cue.subj_start is None:
        return
    subj = _subject(state, cue)
    if subj is None:
        return
    for rule in SUBJECT_RULES:
        decision = rule.decide(state, subj)
        if decision is not None:
            cue.speaker, cue.rule = decision.speaker, rule.name
            return


# -- a cue without a subject of its own ------------------------------------------------------------

def governing_cue(state: ArticleState, cue: Cue, cues: list[Cue]) -> Decision | None:
    """Example "Claire Dubois a salué l'accord, soulignant que « rien n'est joué ».": a participle takes
    the speaker of the cue before it in the sentence."""
    ss, _ = state.sent_bounds(cue.start)
    prev = [c for c in cues if ss <= c.start < cue.start and c.subj_start is not None
            and (c.entry.flags & {"que", "attitude", "prep"} or c.inverted)]
    if not prev:
        return None
    resolve(state, prev[-1])
    cue.subj_text, cue.via = prev[-1].subj_text, prev[-1].rule
    return Decision(prev[-1].speaker)


def main_verb_subject(state: ArticleState, cue: Cue, cues: list[Cue]) -> Decision | None:
    """Example "Claire Dubois, en visite à Lyon, a rappelé les faits en ajoutant que …": else the subject of the
    verb the participle hangs on ("c'est ainsi qu'Anne Roy a résumé …, estimant que"), or of the main verb."""
    root = cue.tok.sent.root
    verb, c = participle_head_subject(state, cue) or (root, next(
        (c for c in root.children if c.dep_ == "nsubj" and c.idx < cue.start and not state.in_quote(c.idx)), None))
    if c is None:
        return None
    tmp = Cue(verb, cue.entry, verb.idx, verb.idx)
    s, e = np_span(state, c, verb)
    tmp.subj_start, tmp.subj_end, tmp.subj_text = s, e, state.text[s:e]
    resolve(state, tmp)
    cue.subj_text, cue.via = tmp.subj_text, tmp.rule
    return Decision(tmp.speaker)


def last_speaker(state: ArticleState, cue: Cue, cues: list[Cue]) -> Decision | None:
    """Example "Elle a poursuivi. Soulignant que le calendrier tenait, …": else whoever spoke last."""
    return Decision(state.memory.last)


GOVERNED_RULES: list[Rule] = _rules(governing_cue, main_verb_subject, last_speaker)


def governing_speaker(state: ArticleState, cue: Cue, cues: list[Cue]) -> tuple[str | None, str]:
    """(speaker, rule) of a cue with no subject of its own ("…, soulignant que …"); the rule records, after
    ``+via:``, the subject rule that read the words it took the speaker from (``governing_cue+via:descriptor``:
    readers of the rule keep the part before "+")."""
    cue.via = None
    for rule in GOVERNED_RULES:
        decision = rule.decide(state, cue, cues)
        if decision is not None:
            return decision.speaker, f"{rule.name}+via:{cue.via}" if cue.via else rule.name
    return None, "nobody"  # unreachable: last_speaker always decides


def speaker_of_cue(state: ArticleState, cue: Cue, cues: list[Cue]) -> tuple[str | None, str | None, str]:
    """(speaker, speaker_text, rule) of a direct quote attributed through ``cue``."""
    resolve(state, cue)
    speaker, speaker_text, rule = cue.speaker, cue.subj_text, cue.rule or "no_subject"
    if cue.subj_start is None and not speaker_text:
        if "prep" not in cue.entry.flags:
            speaker, rule = governing_speaker(state, cue, cues)
        elif cue.entry.flags & {"cont", "incise"}:
            speaker, rule = state.memory.last, "continuation_last_speaker"
    return speaker, speaker_text, rule

