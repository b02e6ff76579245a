"""Speaker rules for organisations and institutions that speak without a person's name: through an
unnamed voice ("un porte-parole de X"), as a government named by its country's adjective, as the
side "on" stands for ("du côté de X, on admet que …"), or in words credited to them ("selon les
mots de X"). The conventions are those of the real-text gold (tests/data/real_pages/GUIDELINES.md).
"""

from __future__ import annotations

import re

from veille.common.fold import bare
from veille.quotes.antecedents import organisation_antecedent, recent_speaker
from veille.quotes.documents import document_author, document_head
from veille.quotes.rule_types import Decision, Subject
from veille.quotes.salience import ORGANISATION_NOUNS, quoted_names
from veille.quotes.state import ArticleState, Cue
from veille.quotes.words import (
    AUTHORED_NOUNS,
    DOCUMENT_NOUNS,
    GOVERNMENT_HEADS,
    INDEFINITE,
    ORG_VOICES,
    RELAY_PARTICIPLES,
    SIDE_NOUNS,
    SPEECH_NOUNS,
)

SINGLE_VOICES = frozenset({"porte-parole", "representant", "representante"})


def _head_words(subj: Subject) -> set[str]:
    return {bare(subj.head.text), bare(subj.head.lemma_)}


ON_SUBJECTS = frozenset({"on", "-on", "l'on", "l’on", "l'", "l’"})  # ("l'" + "on": the parser's split)


def side_of_on(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Du côté de la mairie de Vienne, on admet que les délais sont serrés." / "« … », explique-t-on
    à la mairie de Vienne.": "on" speaks for the organisation or place its sentence puts it on the side of."""
    if subj.low not in ON_SUBJECTS:
        return None
    name = side_entity(state, subj.cue)
    return Decision(name) if name else None


def side_entity(state: ArticleState, cue: Cue) -> str | None:
    """The organisation or place named as the side of an "on" cue: "du côté de X" in its sentence, or "à X"
    right after the cue."""
    sent = cue.tok.sent
    after = state.text[cue.end:cue.end + 10]
    for m in state.mentions:
        if m.in_quote or m.entity.type not in ("ORG", "LOC") or not sent.start_char <= m.start < sent.end_char:
            continue
        before = bare(state.text[max(sent.start_char, m.start - 24):m.start])
        side = re.search(r"(?:^|\s)(\w+)\s+(?:de la|de l'|de l’|du|des|de)\s*$", before)
        if side and side.group(1) in SIDE_NOUNS:
            return m.entity.name
        if re.match(r"(?:-t)?(?:-on)?\s*(?:a|à|au|aux)\s", after) and cue.end <= m.start <= cue.end + 16:
            return m.entity.name
    return earlier_side(state, cue)


ON_AFTER = re.compile(r"\s*,\s*(?:l['’])?on\b", re.I)


def earlier_side(state: ArticleState, cue: Cue) -> str | None:
    """"Du côté de la mairie, on admet que … « … », explique-t-on.": an "on" cue with no side in its own
    sentence speaks for the side an earlier "on" of its paragraph was given."""
    ps = state.seg_of(cue.start)[0]
    best = None
    for m in state.mentions:
        if m.in_quote or m.entity.type not in ("ORG", "LOC") or not ps <= m.start < cue.tok.sent.start_char:
            continue
        before = bare(state.text[max(ps, m.start - 24):m.start])
        side = re.search(r"(?:^|\s)(\w+)\s+(?:de la|de l'|de l’|du|des|de)\s*$", before)
        if side and side.group(1) in SIDE_NOUNS and ON_AFTER.match(state.text, m.end):
            best = m.entity.name
    return best


def words_of(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Rien ne change », selon les mots de Paul Arnaud.": words, remarks or a statement credited
    to a person or an organisation are theirs."""
    if not _head_words(subj) & SPEECH_NOUNS:
        return None
    named = [m for m in subj.inside if m.entity.type in ("PER", "ORG")]
    return Decision(named[0].entity.name) if named else None


def organisation_voice(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Nous porterons plainte », a confié un porte-parole de l'association Voix libres.": an
    unnamed spokesperson, the economists or the management of an organisation speak for it; a lone
    "porte-parole" speaks for the organisation named just before."""
    if not _head_words(subj) & ORG_VOICES or subj.persons:
        return None
    orgs = [m for m in subj.inside if m.entity.type == "ORG"]
    if orgs:
        return Decision(orgs[0].entity.name)
    if _head_words(subj) & SINGLE_VOICES and not subj.inside:
        org = organisation_antecedent(state, subj.cue.start, None)
        return Decision(org) if org else None
    return None


def government_of_country(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le gouvernement freedonien a indiqué que …": a government or the authorities named by their
    country's adjective speak as the country (the KB's name for it)."""
    # the adjective itself is a mention of the country when the article names it elsewhere ("le Guatemala
    # … le gouvernement guatémaltèque"); any other name in the subject decides through other rules
    if not _head_words(subj) & GOVERNMENT_HEADS or any(
            not (m.entity.type == "LOC" and state.text[m.start:m.start + 1].islower()) for m in subj.inside):
        return None
    for t in subj.toks:
        if t.pos_ == "ADJ" or t.i > subj.head.i:
            name = state.res.demonym_country.get(bare(t.text)) or state.res.demonym_country.get(bare(t.text).rstrip("s"))
            if name:
                return Decision(name)
    return None


def quoted_name(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Le collectif « Voix libres » a réaffirmé sa position : « … »": a group named in quotation
    marks after its noun (collectif, association, mouvement) speaks under that name, which the entity
    stage, reading no names between quotation marks, does not list."""
    head = bare(subj.head.text)
    if head not in ORGANISATION_NOUNS or subj.persons:
        return None
    end = subj.head.idx + len(subj.head.text)
    names = quoted_names(state, head, end, end + 4)
    return Decision(names[0][1]) if names else None


_SET_OFF = re.compile(r"[,(]\s*(?:l[ae]\s+|l['’]\s*)?$", re.IGNORECASE)


def appositive_organisation(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Une association de défense des locataires, Voix libres, a dénoncé une mesure « injuste »": an
    organisation noun opened by an indefinite ("une association", "un collectif (le …)") is named by the
    organisation set off after it by a comma or a bracket, up to the cue; it speaks, not an unnamed source."""
    cue = subj.cue
    if bare(subj.head.text) not in ORGANISATION_NOUNS or subj.persons or bare(subj.toks[0].text) not in INDEFINITE \
            or cue.subj_start is None or cue.subj_start > cue.start:
        return None
    for m in state.mentions:
        if m.entity.type == "ORG" and subj.head.idx < m.start < cue.start and not m.in_quote \
                and _SET_OFF.search(state.text[subj.head.idx:m.start]):
            return Decision(m.entity.name)
    return None


DOCUMENT_DETERMINERS = frozenset({"le", "la", "l'", "l’", "ce", "cette", "cet"})


def document_voice(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "Dans un communiqué, la mairie de Vienne assure que « rien n'est décidé ». « Les travaux
    reprendront », ajoute le texte.": a definite document noun with no name in it ("le communiqué",
    "la lettre", "le rapport") speaks for the organisation that issued it: the last speaker when quoted
    or named in this or the previous paragraph and an organisation, else the last organisation named
    there (outside quotes). "une étude de l'Insee" speaks for the author named in it; "ce texte transmis
    par le syndicat" names nobody (the syndicate passed on someone else's words)."""
    if not subj.article or _head_words(subj).isdisjoint(DOCUMENT_NOUNS | AUTHORED_NOUNS):
        return None
    if not subj.inside and not _head_words(subj).isdisjoint(AUTHORED_NOUNS):
        return None  # "selon l'article 5": a law's words, no author named
    if any(bare(t.text) in RELAY_PARTICIPLES for t in subj.toks if t.i > subj.head.i):
        subj.cue.unnamed = True
        return Decision(None)
    if subj.inside:
        # "souligne une étude de l'Insee", "selon le rapport de la Cour des comptes": its author speaks
        author = next((m for m in subj.inside if m.entity.type in ("PER", "ORG") and m.start > subj.head.idx), None)
        return Decision(author.entity.name) if author is not None else None
    if bare(subj.toks[0].text) not in DOCUMENT_DETERMINERS:
        return None
    noun = document_head(subj.toks)
    author = document_author(state, noun, subj.cue.start) if noun is not None else None
    if author is not None:
        return Decision(author)  # "Le ministère a publié un rapport. … Le rapport précise que …"
    pos = subj.cue.start
    lo = state.paragraph_start_before(pos, back=1)
    orgs = [m for m in state.mentions if lo <= m.start < pos and not m.in_quote and m.entity.type == "ORG"]
    last = state.memory.last
    if last and recent_speaker(state, pos) and any(m.entity.name == last for m in orgs):
        return Decision(last)
    return Decision(orgs[-1].entity.name) if orgs else None


NAMING_DETERMINERS = frozenset({"le", "la", "l'", "l’"})


def institution_as_written(state: ArticleState, subj: Subject) -> Decision | None:
    """Example "« Le pont rouvrira lundi », a annoncé le ministère freedonien des Transports.": a definite
    organisation noun made a name by its own words (a capitalised complement) that the entity
    stage did not list speaks under the words written, without the article ("ministère freedonien des
    Transports"); a bare "le ministère" is an anaphor (``organisation_anaphor``)."""
    head = subj.head
    if subj.inside or not subj.article or not head.is_lower or bare(head.text) not in ORGANISATION_NOUNS:
        return None
    if bare(state.doc[head.i - 1].text) not in NAMING_DETERMINERS:
        return None
    rest = [t for t in subj.toks if t.i > head.i]
    if not rest or any(t.pos_ in ("VERB", "AUX", "PRON") or t.text in ",;:(" for t in rest):
        return None
    if not any(t.text[:1].isupper() for t in rest):
        return None  # "la police locale": an institution the article does not name
    return Decision(state.text[head.idx:rest[-1].idx + len(rest[-1].text)])


def named_in_apposition(state: ArticleState, subj: Subject) -> bool:
    """Example "Le journal anglais The Gazette a déclaré que …": an organisation named right after the subject's
    head noun, adjectives between them only, is the one the noun stands for (the parser may leave a name that
    opens on an English article outside the head's phrase)."""
    after = [t for t in subj.toks if t.i > subj.head.i]
    for m in subj.inside:
        if m.entity.type != "ORG" or m.start <= subj.head.idx:
            continue
        between = [t for t in after if t.idx < m.start]
        return all(t.pos_ == "ADJ" for t in between)
    return False
