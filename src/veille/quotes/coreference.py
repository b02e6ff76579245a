"""Evidence for the speaker scorer (``candidates.py``): who a cue's subject takes up when it names nobody
itself, by the way French news refers back to someone it named before, and who the text has brought in
since the last quote.

* A definite description ("a indiqué le comité", "rappelle la députée", "selon le quotidien") takes up
  the nearest one named before it that the noun may describe: a person for a person's noun
  (``speaker_nouns.tsv``), agreeing in gender when both are known; an organisation for an organisation's
  noun (``quotes/organisation_nouns.tsv``, ``quotes/reference_nouns.tsv``). Features ``ref_nearest``
  (the nearest such one), ``ref_nearest_subject`` (the nearest such one written as a clause subject),
  ``ref_rank`` (1, 1/2, 1/3 … by recency among them).
* A subject pronoun ("a-t-il ajouté", "estime-t-elle") takes up a person of its gender, or an
  organisation whose name its article or head noun makes of that gender ("la Cour" is "elle", "le
  comité" is "il"): ``pron_nearest`` / ``pron_nearest_subject`` / ``pron_rank`` over people and
  organisations alike, and ``pron_org_nearest`` when the nearest such one is an organisation and no
  person of that gender was named after it; ``pron_org_clash`` for a recent organisation whose article
  says another gender or the plural ("les Nations unies … a-t-il dit": not the United Nations).
* French news keeps one topic as the subject of sentence after sentence, taking it up by "il"/"elle" or
  a definite noun ("Le Comité des riverains a publié son rapport. Le comité y relève … Il se dit
  inquiet … « … », écrit-il."): ``topic`` for the one named as subject at the end of that chain of
  subjects, read back from the quote (``topic_chain`` when the chain passed through a pronoun or a
  definite noun), for a quote whose cue subject is such a pronoun or noun, or that has no cue.
* A quote with no cue of its own continues the last speaker's words unless the text has brought
  someone else in since the last quote: ``new_since_quote`` for a person or organisation written as a
  clause subject between the previous quote and this one, ``voice_interrupted`` on the last speaker when
  someone else was.

Invented examples: "Le Comité des riverains de Vienne a publié son rapport. « Le bruit a doublé »,
indique le comité." -> the committee (``ref_nearest``); "La Cour d'appel de Vienne a tranché. « La
demande est rejetée », écrit-elle." -> the court (``pron_org_nearest``); "« Rien ne bouge », dit Paul
Arnaud. Claire Dubois a répondu à la tribune. « Tout avance. »" -> Claire Dubois (``new_since_quote``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from veille.common import lexicon
from veille.common.fold import bare
from veille.quotes.noun_subjects import noun_subject
from veille.quotes.state import ArticleState, Cue, Mention

PRONOUN_GENDER = {"il": "m", "elle": "f"}
TAKE_UP = frozenset({"le", "la", "l'", "ce", "cet", "cette", "son", "sa", "leur"})
TOPIC_SENTENCES = 5  # how many sentences back a chain of subjects is followed
RANKED = 3  # how many of the compatible ones named before get a rank (the nearest first)


@functools.lru_cache(maxsize=1)
def reference_nouns() -> dict[str, frozenset[str]]:
    """Group ("organisation", "person") -> folded nouns that take up one named before."""
    return {k: frozenset(bare(w) for w in v) for k, v in lexicon.groups("quotes/reference_nouns.tsv").items()}


def _written_gender(state: ArticleState, m: Mention) -> str | None:
    """The gender the words before an organisation's name, or its own head noun, give it ("la Cour",
    "du comité", "l'association X"); "p" for a plural name ("les Nations unies", "des Verts")."""
    doc = state.doc
    first = state.tok_at(m.start).i
    for j in range(first - 1, max(-1, first - 3), -1):
        low = bare(doc[j].text)
        if low in ("la", "une", "cette", "sa"):
            return "f"
        if low in ("le", "du", "au", "un", "ce", "cet", "son"):
            return "m"
        if low in ("les", "des", "aux", "ces", "ses"):
            return "p"
        if doc[j].pos_ not in ("ADJ",):
            break
    t = doc[first]
    g = t.morph.get("Gender")
    if t.pos_ == "NOUN" and g in (["Fem"], ["Masc"]):
        return "f" if g == ["Fem"] else "m"
    return None


def _before(state: ArticleState, pos: int, complements: bool = False) -> list[Mention]:
    """Mentions of people and organisations outside quotes before ``pos``, nearest first (one per name);
    those named as a complement ("le porte-parole de X") only when ``complements``."""
    seen: set[str] = set()
    out: list[Mention] = []
    for m in reversed(state.mentions):
        if m.start >= pos or m.in_quote or m.asked or (m.complement and not complements) \
                or m.entity.type not in ("PER", "ORG"):
            continue
        if m.entity.name in seen:
            continue
        seen.add(m.entity.name)
        out.append(m)
    return out


# The feature names this module gives: ``pron_*`` and ``ref_*`` ranks, the chain and the topic.
_FEATURE_PREFIXES = ("pron_", "ref_")
_FEATURES = frozenset({"new_since_quote", "voice_interrupted", "topic", "topic_chain"})


def weighed(weights: dict[str, float]) -> bool:
    """Whether the shipped scorer weighs any of these features: until a refit does, they are not
    computed outside the candidate dump (they would cost every quote and change nothing)."""
    return any(k in _FEATURES or k.startswith(_FEATURE_PREFIXES) for k in weights)


def _ranked(found: list[Mention], prefix: str) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for rank, m in enumerate(found[:RANKED]):
        f = out.setdefault(m.entity.name, {})
        f[prefix + "rank"] = 1 / (1 + rank)
        if rank == 0:
            f[prefix + "nearest"] = 1
    subj = next((m for m in found[:RANKED] if m.subject), None)
    if subj is not None:
        out.setdefault(subj.entity.name, {})[prefix + "nearest_subject"] = 1
    return out


def reference_features(state: ArticleState, cue: Cue | None,
                       gender_of: Callable[[Any], str | None]) -> dict[str, dict[str, float]]:
    """Name -> the reference features above for ``cue``'s subject (empty when it names someone itself or
    is neither a definite description nor "il"/"elle"); ``gender_of(entity)`` is a person's gender."""
    if cue is None or cue.subj_start is None:
        return {}
    pos = cue.subj_start
    word = bare((cue.subj_text or "").strip())
    if word in PRONOUN_GENDER:
        g = PRONOUN_GENDER[word]

        def agrees(m: Mention) -> bool:
            other = gender_of(m.entity) if m.entity.type == "PER" else _written_gender(state, m)
            return other is None or other == g

        before = _before(state, pos)
        found = [m for m in before if agrees(m)]
        out = _ranked(found, "pron_")
        for m in _before(state, pos, complements=True)[:RANKED]:
            if m.entity.type == "ORG" and not agrees(m):
                # "les Nations unies" is never "il", "la Cour" never "il"
                out.setdefault(m.entity.name, {})["pron_org_clash"] = 1
        if found and found[0].entity.type == "ORG":
            out[found[0].entity.name]["pron_org_nearest"] = 1
        return out
    noun = noun_subject(state, cue)
    if noun is None:
        return {}
    extra = reference_nouns()
    org = noun.org or noun.word in extra.get("organisation", ()) or noun.lemma in extra.get("organisation", ())
    person = noun.person or noun.word in extra.get("person", ()) or noun.lemma in extra.get("person", ())
    if org == person:
        return {}  # a noun that says nothing of who it is ("le texte"), or both ("le cabinet")

    def fits(m: Mention) -> bool:
        if org:
            return m.entity.type == "ORG"
        if m.entity.type != "PER":
            return False
        g = gender_of(m.entity)
        return g is None or noun.gender is None or g == noun.gender

    return _ranked([m for m in _before(state, pos) if fits(m)], "ref_")


def chain_features(state: ArticleState, start: int, cue: Cue | None) -> dict[str, dict[str, float]]:
    """Name -> ``new_since_quote`` / ``voice_interrupted`` for a quote at ``start`` with no named cue
    subject: who the text brought in since the previous quote ended (in this paragraph or the one
    before)."""
    if cue is not None and cue.subj_start is not None:
        return {}
    prev_end = max((e for s, e in state.quote_ranges if e <= start), default=None)
    if prev_end is None:
        return {}
    lo = max(prev_end, state.paragraph_start_before(start, back=1))
    new = {m.entity.name for m in state.mentions
           if lo <= m.start < start and m.subject and not m.in_quote and not m.asked and not m.complement
           and m.entity.type in ("PER", "ORG")}
    out: dict[str, dict[str, float]] = {n: {"new_since_quote": 1} for n in new if n != state.memory.last}
    last = state.memory.last
    if last and out:
        out.setdefault(last, {})["voice_interrupted"] = 1
    return out


def _subject_of(sent: Any) -> Any:
    return next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")), None)


def topic(state: ArticleState, pos: int, gender: str | None) -> tuple[str, bool] | None:
    """The person or organisation the sentences before ``pos`` (this paragraph and the one before) keep
    as their subject: read back sentence by sentence, through subjects "il"/"elle" (of ``gender`` when
    given) and definite nouns, to the first subject that names someone. With whether the chain passed
    through such a pronoun or noun. None when a subject names nobody and is no pronoun or noun of that
    kind (a person the text only describes breaks the chain: "Une voisine a appelé les secours")."""
    doc = state.doc
    lo = state.paragraph_start_before(pos, back=1)
    k = state.tok_at(pos).sent.start - 1
    linked = False
    for _ in range(TOPIC_SENTENCES):
        if k < 0:
            return None
        sent = doc[k].sent
        k = sent.start - 1
        if sent.end_char <= lo:
            return None
        subj = _subject_of(sent)
        if subj is None or state.in_quote(subj.idx) or subj.idx >= pos:
            continue
        first = min(t.idx for t in subj.subtree)
        last = max(t.idx + len(t.text) for t in subj.subtree)
        named = [m for m in state.mentions if first <= m.start < last and not m.in_quote and not m.complement
                 and m.entity.type in ("PER", "ORG")]
        if named:
            m = next((m for m in named if m.start <= subj.idx < m.end), named[0])
            return m.entity.name, linked
        word = bare(subj.text)
        if word in PRONOUN_GENDER:
            if gender is not None and PRONOUN_GENDER[word] != gender:
                return None
            linked = True
            continue
        det = next((c for c in subj.children if c.dep_ == "det"), None)
        if subj.pos_ == "NOUN" and det is not None and bare(det.text) in TAKE_UP:
            # "Le comité y relève …": a word of a name written before ("Comité des riverains") ends the chain
            words = {bare(subj.text), bare(subj.lemma_)}
            named = next((m for m in _before(state, first) if words & set(bare(m.entity.name).split())), None)
            if named is not None:
                return named.entity.name, True
            linked = True
            continue
        if subj.pos_ in ("NOUN", "PROPN"):
            return None
    return None


def topic_features(state: ArticleState, start: int, cue: Cue | None) -> dict[str, dict[str, float]]:
    """Name -> ``topic`` (and ``topic_chain``) for the quote at ``start``: when its cue's subject is
    "il"/"elle" or a definite noun naming nobody itself, or when it has no cue subject."""
    gender = None
    pos = start
    if cue is not None and cue.subj_start is not None:
        word = bare((cue.subj_text or "").strip())
        if word in PRONOUN_GENDER:
            gender = PRONOUN_GENDER[word]
        elif noun_subject(state, cue) is None:
            return {}
        pos = min(start, cue.subj_start)
    found = topic(state, pos, gender)
    if found is None:
        return {}
    name, linked = found
    return {name: {"topic": 1, **({"topic_chain": 1} if linked else {})}}
