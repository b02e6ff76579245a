"""Antecedents: the person a pronoun or a descriptor ("elle", "le ministre", "le Norvégien") stands
for, among the people named earlier in the article."""

from __future__ import annotations

from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.model import Entity
from veille.quotes.coreference import topic
from veille.quotes.fronted_adjuncts import in_fronted_adjunct, pronoun_subject
from veille.quotes.gender import entity_gender, name_agrees, phrase_gender
from veille.quotes.state import ArticleState, Cue, subject_head
from veille.quotes.words import ORG_VOICES, PRONOUN_GENDER

SUBJECT_PRONOUNS = frozenset({"il", "elle"})
INSTITUTION_HEADS = lexicon.groups("quotes/organisation_nouns.tsv")["institution"]
# "l'homme", "la mère": nouns whose gender is the person's (``lexicons/quotes/natural_gender.tsv``)
NATURAL_GENDER = {bare(w): g for g, words in lexicon.groups("quotes/natural_gender.tsv").items() for w in words}


def antecedent(state: ArticleState, pos: int, plural: bool = False, gender: str | None = None,
               depth: int = 0) -> str | None:
    """The person a pronoun at ``pos`` refers to: the subject of the last sentence naming a
    person, else the last person named (mentions inside quotes are not antecedents). "elle"
    skips people known to be men, "il" people known to be women. A person named only in a
    complement of a sentence whose subject is the same pronoun is not the topic: the chain of
    that pronoun goes on (``pronoun_chain``), and so does a person named in a fronted adjunct of the
    pronoun's own clause (``fronted_adjuncts``)."""
    best = None
    sent_start = state.tok_at(pos).sent.start_char
    pron = pronoun_subject(state, pos, gender) if gender else None

    def agrees(ent: Entity) -> bool:
        eg = entity_gender(state, ent) if gender else None
        return eg is None or eg == gender

    for m in state.mentions:
        if m.start >= pos:
            break
        if m.entity.type != "PER" or m.in_quote or m.asked or not agrees(m.entity):
            continue
        if pron is not None and in_fronted_adjunct(state, m, pron):
            continue
        best = m
    if best is None:
        return state.memory.last
    chained = pronoun_chain(state, best, pos, gender, depth)
    if chained is not None:
        return chained
    # the subject of the sentence naming the last person, in the pronoun's paragraph, is the topic the
    # pronoun goes on with, whoever spoke before ("X, membre fondatrice du collectif Y, est arrivée. « … »,
    # dit-elle": X, not an earlier speaker known to be a woman)
    last_sent = state.tok_at(best.start).sent
    subj = [m for m in state.mentions if last_sent.start_char <= m.start < min(last_sent.end_char, pos)
            and m.entity.type == "PER" and not m.in_quote and m.subject and agrees(m.entity)]
    if subj and subj[0].start < sent_start and state.seg_of(subj[0].start) == state.seg_of(pos) \
            and not _noun_subject_before(state, pos):
        return subj[0].entity.name
    if gender is not None and entity_gender(state, best.entity) is None:
        # only a person of known gender named in the same paragraph as the last one competes with it
        # ("Paul Arnaud a parlé. [new paragraph] Petru Lucciani a prié. « … », dit-il": Petru Lucciani)
        known = known_gender_person(state, pos, gender, since=state.seg_of(best.start)[0])
        if known is not None:
            return known
    # prefer a subject in the same sentence as the last mention
    if subj and subj[0].start < sent_start:
        return subj[0].entity.name
    if state.memory.last and state.memory.last != best.entity.name and \
            name_agrees(state, state.memory.last, gender):
        # the speaker of the last quote stays the topic when they were named in this paragraph
        ps = state.seg_of(pos)[0]
        if any(m.entity.name == state.memory.last and ps <= m.start < pos and not m.in_quote
               for m in state.mentions) and not best.subject:
            return state.memory.last
    return best.entity.name


def pronoun_chain(state: ArticleState, best: Any, pos: int, gender: str | None, depth: int) -> str | None:
    """Example "Anne Roy publie un essai. Elle y cite, comme Lise Morel, des auteurs oubliés. « … »,
    explique-t-elle.": the last person named (Lise Morel) sits in a complement of a sentence whose
    subject is "elle" itself; the pronoun goes on with that subject's own antecedent (Anne Roy)."""
    if gender is None or best.subject or depth >= 3:
        return None
    sent = state.tok_at(best.start).sent
    pron = next((t for t in sent if t.dep_ == "nsubj" and t.idx < pos and not state.in_quote(t.idx)
                 and bare(t.text) in SUBJECT_PRONOUNS and PRONOUN_GENDER.get(bare(t.text)) == gender), None)
    named = state.tok_at(best.start)
    if pron is None or pron.idx >= best.start or not pron.head.left_edge.i <= named.i <= pron.head.right_edge.i:
        return None  # the pronoun rules the clause that names the person
    if any(c.dep_ == "mark" for c in pron.head.children) or any(
            t.pos_ == "SCONJ" for t in state.doc[sent.start:pron.i]):
        return None  # "Quand elle a vu l'appel, Anne Roy …": a pronoun in a subordinate clause points forward
    head = named
    while head.dep_ in ("flat:name", "appos", "flat") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("nsubj", "nsubj:pass") and head.head.i != pron.head.i:
        return None  # the person is the subject of a clause of their own
    return antecedent(state, pron.idx, gender=gender, depth=depth + 1)


def known_gender_person(state: ArticleState, pos: int, gender: str, since: int = 0) -> str | None:
    """Example "Anne Roy refuse l'allégeance à Morel. « Non », dit-elle.": "elle" is Anne Roy, known to be
    a woman and named often or quoted, rather than a name last written whose gender nothing tells."""
    starts = [a for a, _ in state.segs]
    ps = state.seg_of(pos)[0]
    k = starts.index(ps) if ps in starts else 0
    lo = starts[max(0, k - 2)]
    counts: dict[str, int] = {}
    last: dict[str, Entity] = {}
    for m in state.mentions:
        if m.start >= pos:
            break
        if m.entity.type == "PER" and not m.in_quote:
            counts[m.entity.name] = counts.get(m.entity.name, 0) + 1
            if m.start >= max(lo, since):
                last[m.entity.name] = m.entity
    found = [e for name, e in last.items() if entity_gender(state, e) == gender and (
        counts[name] >= 2 or name in state.memory.speakers)]
    return found[-1].name if found else None


def plural_antecedent(state: ArticleState, pos: int) -> str | None:
    """"Paul X et Claire Y ont visité le site. « … », ont-ils affirmé": a plural pronoun
    refers to the subject of the last sentence before it; when that subject names two or more
    people (or organisations, or places) the quote is theirs, given to the first named (gold
    lists each of them). An organisation whose name is the subject ("Les Verts de Vienne") or
    whose voices it is ("les experts du comité X") speaks; any other plural subject ("les
    maires", "les syndicats") or a subject naming one person or place only names nobody."""
    doc = state.doc
    sent = state.tok_at(pos).sent
    k = sent.start - 1
    for _ in range(2):  # the sentence before, or the one before it when that has no subject
        while k >= 0 and (doc[k].is_space or state.in_quote(doc[k].idx)) and not doc[k].is_punct:
            k -= 1
        if k < 0:
            return None
        prev = doc[k].sent
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and not state.in_quote(subj.idx):
            lo = min(t.idx for t in subj.subtree)
            hi = max(t.idx + len(t.text) for t in subj.subtree)
            named = [m for m in state.mentions if lo <= m.start < hi and not m.in_quote]
            names = list(dict.fromkeys(m.entity.name for m in named))
            types = {m.entity.type for m in named}
            if len(names) >= 2 and len(types) == 1:
                return names[0]
            if len(names) == 1 and types == {"ORG"} and (
                    any(m.start <= subj.idx < m.end for m in named) or bare(subj.text) in ORG_VOICES):
                return names[0]  # "Les Verts de Vienne …" / "les experts du comité …": the organisation
            return None
        k = prev.start - 1
    return None


def candidates(state: ArticleState, pos: int) -> dict[int, dict[str, Any]]:
    """The persons named (outside quotes) before ``pos``, by entity, with how often, how recently and
    whether as a clause subject."""
    cands: dict[int, dict[str, Any]] = {}
    para_start = state.seg_of(pos)[0]
    for m in state.mentions:
        if m.start >= pos:
            break
        if m.entity.type != "PER" or m.in_quote:
            continue
        c = cands.setdefault(id(m.entity), {"entity": m.entity, "count": 0, "last": -1, "subject": False})
        c["count"] += 1
        c["last"] = m.start
        c["subject"] = c["subject"] or m.subject
        c["recent"] = m.start >= para_start - 600
        # a person who is a clause subject earlier in this very paragraph is the likeliest
        c["para_subject"] = c.get("para_subject", False) or (m.subject and m.start >= para_start)
    return cands


def descriptor_speaker(state: ArticleState, cue: Cue, toks: list[Any], exclude: set[int] | None = None) -> str | None:
    """A descriptor ("le secrétaire général", "le Norvégien", "la ministre") with no entity
    on it: the last person named earlier with that role (descriptor written next to the name,
    KB profession or nationality), agreeing in gender. With no such person, "selon le
    diplomate" names nobody (null speaker, the words stay in ``speaker_text``); a verb's
    descriptor subject falls back on the paragraph's subject or the last speaker."""
    words = {bare(t.lemma_) for t in toks if t.pos_ in ("NOUN", "ADJ", "PROPN")}
    head_tok = subject_head(toks)
    head = bare(head_tok.lemma_)
    heads = {head, bare(head_tok.text)}
    gender = phrase_gender(toks)
    head_iso = next((state.res.demonyms[h] for h in heads if h in state.res.demonyms), None)
    cands = candidates(state, cue.start)
    for key in exclude or ():
        cands.pop(key, None)
    if not cands:
        return None if "prep" in cue.entry.flags else state.memory.last
    # "X est arrivée en finale. « … », dit la Lyonnaise": an epithet with no role known refers to a person
    # named in the cue's sentence or the one before it (the previous sentence outside the quote)
    near = recent_sentences_start(state, cue.start)
    scored = []
    for key, c in cands.items():
        ent = c["entity"]
        eg = entity_gender(state, ent)
        if gender == "f" and eg == "m":
            continue  # "a déclaré la ministre": not a man
        if eg is not None and any(NATURAL_GENDER.get(h, eg) != eg for h in heads):
            continue  # "a dit l'homme": not a woman, whatever a role noun's generic masculine allows
        written = state.descriptors.get(key, set())
        desc = written | kb_words(state, ent)
        dscore = (1 + len(words & desc)) if heads & desc else 0
        if not dscore and head_iso and head_iso in {state.res.demonyms.get(w) for w in desc}:
            dscore = 1  # "l'Allemande" for "la ministre allemande X" (another form of the demonym)
        # the role this article writes next to a name ("X, président du groupe") before one only the KB knows
        # ("le président" is not a former head of government named since)
        scored.append((bool(dscore), bool(heads & written), dscore, gender is None or eg is None or eg == gender,
                       c["last"] >= near,
                       c.get("para_subject", False), ent.name == state.memory.last,
                       ent.name in state.memory.speakers, c["subject"] + min(c["count"], 3),
                       c.get("recent", False), c["last"], ent.name))
    if not scored:
        return None
    scored.sort(reverse=True)
    if scored[0][0] == 0 and (("prep" in cue.entry.flags and len(scored) > 1) or exclude):
        # nobody named earlier holds that role ("selon le diplomate") and several people
        # could be meant, or the descriptor is someone's aide ("le porte-parole de X"): an
        # unnamed source (a lone person named before is unambiguous: "selon l'élu")
        return None
    best = scored[0][-1]
    ent = next(c["entity"] for c in cands.values() if c["entity"].name == best)
    if gender is not None and entity_gender(state, ent) is None:
        # "Matéo … », explique cet étudiant": the descriptor's agreement genders the person it takes up, so a
        # later "elle" does not go to him
        state.genders[id(ent)] = gender
    return best


def recent_sentences_start(state: ArticleState, pos: int) -> int:
    """Start of the sentence before the one holding ``pos``, quoted words and marks skipped (the quote a
    cue attributes is not where its speaker is named)."""
    doc = state.doc
    sent = state.tok_at(pos).sent
    k = sent.start - 1
    while k >= 0 and (state.in_quote(doc[k].idx) or doc[k].is_punct or doc[k].is_space):
        k -= 1
    return doc[k].sent.start_char if k >= 0 else sent.start_char


def kb_words(state: ArticleState, ent: Entity) -> set[str]:
    """Folded professions and demonyms of a KB person ("diplomate", "norvegien")."""
    kb = state.res.kb
    entry = kb.get(ent.kb_id) if kb is not None and ent.kb_id else None
    if not entry:
        return set()
    out: set[str] = set()
    for prof in entry.get("professions") or []:
        out.update(bare(w) for w in prof.split() if len(w) > 3)
    for role in entry.get("roles") or []:
        out.update(state.res.role_words.get(str(role.get("role", "")), ()))
    nats = set(entry.get("nationality") or [])
    if nats:
        out.update(d for d, iso in state.res.demonyms.items() if iso in nats)
    return out


def recent_speaker(state: ArticleState, pos: int) -> bool:
    """True when the last quote's speaker was quoted or named in this or the previous paragraph."""
    ps = state.seg_of(pos)[0]
    idx = [s for s, _ in state.segs].index(ps) if ps in [s for s, _ in state.segs] else 0
    lo = state.segs[max(0, idx - 1)][0]
    return any(lo <= m.start < pos and m.entity.name == state.memory.last for m in state.mentions) or \
        any(lo <= s < pos for s, _ in state.quote_ranges)


def organisation_antecedent(state: ArticleState, pos: int, gender: str | None) -> str | None:
    """Example "L'association Voix libres a porté plainte. « C'est grave », a-t-elle affirmé.": when the
    two sentences before a pronoun (in its paragraph) name no person who may be meant but name an
    organisation, the pronoun stands for that organisation, when its article or noun agrees in
    gender ("la Cour" is "elle", "le comité" is "il")."""
    doc = state.doc
    sent = state.tok_at(pos).sent
    lo = sent.start_char
    k = sent.start - 1
    for _ in range(2):
        if k < 0:
            break
        prev = doc[k].sent
        lo, k = prev.start_char, prev.start - 1
    ps = state.seg_of(pos)[0]
    if any(ps <= m.start < pos and not m.in_quote for m in state.mentions):
        lo = max(lo, ps)
    else:  # a paragraph that opens on the quote: the sentence before is the previous paragraph's last
        prev_start = state.paragraph_start_before(pos, back=1)
        prev_end = next((b for a, b in state.segs if a == prev_start), ps)
        lo = state.sent_bounds(max(prev_start, prev_end - 1))[0] if prev_start < ps else ps
    # "Interrogée par Radio Vienne, elle …": the outlet that asked is not who "elle" is
    window = [m for m in state.mentions if lo <= m.start < pos and not m.in_quote and not m.asked]
    kept = topic(state, pos, gender)
    if kept is not None and kept[1] and gender is not None:
        # "Le comité a reçu Paul Arnaud. Il y relève … « … », écrit-il": an organisation kept as the subject
        # of sentence after sentence is "il", whoever its sentences name besides
        org = next((m for m in reversed(state.mentions) if m.start < pos and m.entity.name == kept[0]
                    and m.entity.type == "ORG" and not m.in_quote), None)
        if org is not None and _written_gender(state, state.tok_at(org.start).i) in (None, gender) \
                and not _speaker_goes_on(state, pos, gender, org.entity.name):
            return org.entity.name
    if any(m.entity.type == "PER" and name_agrees(state, m.entity.name, gender) for m in window):
        return None
    # "la préfecture du Rhône", "la mairie de Vienne": an institution the entity stage read as a place
    orgs = [m for m in window if m.entity.type == "ORG" or m.entity.type == "LOC" and m.entity.name.split()
            and bare(m.entity.name.split()[0]) in INSTITUTION_HEADS]
    if not orgs:
        return None
    m = orgs[-1]
    if not m.subject:
        # "La Cour casse l'arrêt de la cour d'appel de Vienne. Elle relève que …": a subject pronoun goes on
        # with the subject of the sentence before, not with an organisation its complement names (an
        # organisation named last in a sentence of its own stays the nearest)
        sent = state.tok_at(m.start).sent
        m = next((o for o in reversed(orgs) if o.subject and sent.start_char <= o.start < m.start), m)
    if _object_of_pronoun(state, m):
        return None  # "Il prévient la mairie. « … », précise-t-il": the organisation is what "il" acted on
    if _speaker_goes_on(state, pos, gender, m.entity.name):
        return None
    g = _written_gender(state, state.tok_at(m.start).i)
    if gender is not None and g is not None and g != gender:
        return None
    return m.entity.name


def _speaker_goes_on(state: ArticleState, pos: int, gender: str | None, org: str) -> bool:
    """Example "« Le pont tiendra », a dit Paul Arnaud. Le groupe Vernal a fermé deux dépôts. Le comité ne
    s'est pas réuni. « Rien ne bouge », ajoute-t-il.": an organisation the article has never given a voice
    does not take the pronoun over from the person who spoke last, known to be of the pronoun's gender, when
    a quote or that person's name stands in this paragraph or the one before (``recent_speaker``)."""
    last = state.memory.last
    if gender is None or not last or org in state.memory.speakers:
        return False
    ent = next((m.entity for m in state.mentions if m.entity.name == last), None)
    if ent is None or ent.type != "PER" or entity_gender(state, ent) != gender:
        return False  # (a person whose gender nothing tells is no surer a reading than the organisation)
    return recent_speaker(state, pos)


def _object_of_pronoun(state: ArticleState, m: Any) -> bool:
    """The mention is the object of a verb whose subject is "il" / "elle" ("il prévient la mairie")."""
    toks = state.toks_in(m.start, m.end)
    top = next((t for t in toks if not m.start <= t.head.idx < m.end or t.head.i == t.i), None)
    if top is None or not top.dep_.startswith(("obj", "iobj", "obl")):
        return False
    return any(c.dep_ == "nsubj" and bare(c.text) in SUBJECT_PRONOUNS for c in top.head.children)


def _written_gender(state: ArticleState, first: int) -> str | None:
    """The grammatical gender the words before a name give it ("la Cour", "du Comité", "l'association X")."""
    doc = state.doc
    for t in [doc[first]] + [doc[j] for j in range(first - 1, max(-1, first - 4), -1)]:
        low = bare(t.text)
        if low in ("la", "une", "cette"):
            return "f"
        if low in ("le", "du", "au", "un", "ce"):
            return "m"
        if low in ("les", "des", "aux") and t.i < first:
            return "p"  # "les Nations unies", "des Verts": never "il" nor "elle"
        if t.pos_ in ("NOUN", "DET", "ADJ") or t.i < first:
            g = t.morph.get("Gender")
            if g in (["Fem"], ["Masc"]) and (t.pos_ == "NOUN" or t.i < first):
                return "f" if g == ["Fem"] else "m"
    return None


def _noun_subject_before(state: ArticleState, pos: int) -> bool:
    """The pronoun's sentence has a noun subject of its own before it ("Leur mère a gardé « une réserve »,
    précise-t-elle"): a person the text describes, nearer than anyone named."""
    cue = state.tok_at(pos)
    # (a noun the parser hangs on the cue's own verb, "La voix serrée, elle confie", is no other subject)
    return any(t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN" and t.idx < pos and t.head.i != cue.i
               and not state.in_quote(t.idx) for t in cue.sent)
