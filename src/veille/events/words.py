"""The word keys of the event coder: one lemma normalisation and the function-word lists it reads.

Everything here is read from ``lexicons/events/*.tsv``; folding is ``veille.common.fold.lower_nfc``
(lower case, NFC, one apostrophe, accents kept: "Élysée" and "élysée" meet, "été" and "ete" do not).
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.attrs import ORTH

from veille.common.docarrays import (
    CACHE_KEY,
    derived,
    lemmas_or_texts,
    morph_fields,
    sentence_spans,
    sentence_starts,
    token_strings,
)
from veille.common.fold import lower_nfc
from veille.common.lexicon import groups, mapping
from veille.common.run_memo import memo_map

ELISIONS: dict[str, str] = mapping("events/elisions.tsv")
_PRONOUNS = groups("events/pronouns.tsv")
_ENDINGS = groups("events/endings.tsv")
_ROLE_WORDS = groups("events/role_words.tsv")

REFLEXIVE = _PRONOUNS["reflexive"]
PERSONAL = _PRONOUNS["personal"]
THIRD_PERSON = _PRONOUNS["third_person"]
THIRD_SINGULAR = _PRONOUNS["third_singular"]
RELATIVE = _PRONOUNS["relative"]
FIRST_PERSON = _PRONOUNS["first_person"]
FIRST_PLURAL = _PRONOUNS["first_plural"]
FIRST_POSSESSIVE = _PRONOUNS["first_possessive"]
FIRST_PLURAL_POSSESSIVE = _PRONOUNS["first_plural_possessive"]
NEW_ACT_DETS = _PRONOUNS["new_act_det"]
NEGATION_PARTICLES = _PRONOUNS["negation_particle"]
LATEST = _PRONOUNS["latest"]
UNNAMED = _PRONOUNS["unnamed"]
TOPIC_OPENERS = _PRONOUNS["topic"]

INFINITIVE_ENDINGS = tuple(sorted(_ENDINGS["infinitive"]))
FUTURE_TAGGED_ENDINGS = tuple(sorted(_ENDINGS["future_tagged"]))
FUTURE_ENDINGS = _ENDINGS["future"]
CONDITIONAL_ENDINGS = _ENDINGS["conditional"]
PLURAL_ENDINGS = tuple(sorted(_ENDINGS["plural"]))
# (lemma ending, future stem ending) of irregular verbs, longest first: "soutenir" -> "soutiendr"
FUTURE_STEMS = tuple(sorted((tuple(e.split(":", 1)) for e in _ENDINGS["future_stem"]), key=lambda pair: -len(pair[0])))
# longest first: "violées" -> "viol" + "er", not "violé" + "er"
PARTICIPLE_ER_ENDINGS = tuple(sorted(_ENDINGS["participle_er"], key=len, reverse=True))
# (feminine or plural ending, masculine singular ending), longest first: "inquiètes" -> "inquiet"
ADJECTIVE_ENDINGS = tuple(sorted((tuple((e + ":").split(":")[:2]) for e in _ENDINGS["adjective"]),
                                 key=lambda pair: -len(pair[0])))

OF_PREPS = _ROLE_WORDS["of"]  # "de", "de le": a noun's owner or agent
SUPPORT_PREPS = _ROLE_WORDS["support_prep"]
STRONG_NEGATIONS = _ROLE_WORDS["strong_negation"]
MEMBER_BODIES = _ROLE_WORDS["member_body"]
RECEIVED_FROM = _ROLE_WORDS["received_from"]
AGENT_PREPS = _ROLE_WORDS["agent_prep"]
BETWEEN_PREPS = _ROLE_WORDS["between_prep"]
ADDRESSEE_PREPS = _ROLE_WORDS["addressee_prep"]
LOCATED_PREPS = _ROLE_WORDS["located_prep"]
DE_WORDS = _ROLE_WORDS["de_word"]
NOMINAL_NEGATIONS = _ROLE_WORDS["nominal_negation"]
NEAR_FUTURE = _ROLE_WORDS["near_future"]
WEAK_MODALS = _ROLE_WORDS["weak_modal"]
POSSIBILITY_MODALS = _ROLE_WORDS["possibility_modal"]
MEMBER_WORDS = _ROLE_WORDS["member_word"]
ANNOUNCE_PHRASES = _ROLE_WORDS["announce_phrase"]
AGENTLESS_TYPES = frozenset(w.upper() for w in _ROLE_WORDS["agentless_type"])
PARTYLESS_NOUNS = _ROLE_WORDS["partyless_noun"]
UNDERGONE_TYPES = frozenset(w.upper() for w in _ROLE_WORDS["undergone_type"])
CIRCUMSTANCE_NOUNS = _ROLE_WORDS["circumstance_noun"]
GUILT_WORDS = _ROLE_WORDS["guilt_word"]
LANDMARK_PREPS = _ROLE_WORDS["landmark_prep"]
RELATIVE_NOUNS = _ROLE_WORDS["relative_noun"]
WORKER_NOUNS = _ROLE_WORDS["worker_noun"]
CLAIM_VERBS = _ROLE_WORDS["claim_verb"]
CLAUSE_TARGET_TYPES = frozenset(w.upper() for w in _ROLE_WORDS["clause_target_type"])
MUTUAL_TYPES = frozenset(w.upper() for w in _ROLE_WORDS["mutual_type"])
AUTHORITIES = _ROLE_WORDS["authority"]
PERSON_TITLES = _ROLE_WORDS["person_title"]
LEDE_PERSONS = _ROLE_WORDS["lede_person"]
DEFINITE = _ROLE_WORDS["definite"]
CONTRACTED = _ROLE_WORDS["contracted"]

# Shared language data: the gender of frequent given names and of civilities ("Mme", "M.").
_GENDERS = {"m": "Masc", "f": "Fem"}
GIVEN_NAME_GENDER = {k: _GENDERS[v] for k, v in mapping("given_names.tsv").items() if v in _GENDERS}
CIVILITY_GENDER = {k: _GENDERS[v] for k, v in mapping("titles.tsv").items() if v in _GENDERS}

# Universal Dependencies labels (language-independent, so kept in code).
CLAUSAL = frozenset({"ccomp", "acl:relcl", "advcl", "parataxis", "csubj", "conj", "acl"})
SUBJ = ("nsubj", "nsubj:pass")
CORE = frozenset({"obj", "iobj", "nsubj", "nsubj:pass", "xcomp", "obl:arg"})


@functools.lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """A word's key: folded, with elided articles and prepositions spelled out ("l'" -> "le")."""
    key = lower_nfc(word)
    return ELISIONS.get(key, key)


@functools.lru_cache(maxsize=16384)
def masculine(word: str) -> tuple[str, ...]:
    """The possible masculine singulars of an adjective form, longest ending first ("outrées" ->
    "outré", "inquiète" -> "inquiet", "favorables" -> "favorabl", "favorable")."""
    return tuple(dict.fromkeys(word[: -len(ending)] + repl for ending, repl in ADJECTIVE_ENDINGS
                               if word.endswith(ending) and len(word) > len(ending) + 2))


@functools.lru_cache(maxsize=16384)
def future_stem(lem: str) -> str | None:
    """The irregular future (and conditional) stem of a verb lemma, None for a regular one
    ("soutenir" -> "soutiendr", "recevoir" -> "recevr", "faire" -> "fer"). Kept per lemma: the
    mode climb asks it of the same verbs for every trigger, and the endings are tried one by one."""
    for ending, stem in FUTURE_STEMS:
        if lem.endswith(ending):
            return lem[: -len(ending)] + stem
    return None


def lemma(tok: Any) -> str:
    """Normalized lemma: lower case, one apostrophe, elided articles and prepositions spelled out.

    Read from the article's list (``doc_lemmas``) once it is built: the rules ask it of the same
    tokens many times."""
    try:
        return tok.doc.user_data[CACHE_KEY][_LEMMAS][tok.i]  # type: ignore[no-any-return]
    except (KeyError, AttributeError):  # list not built yet, or not a spaCy Token
        return norm_word(tok.lemma_ or tok.text)


_LEMMAS = "events_lemmas"


def doc_lemmas(doc: Any) -> list[str]:
    """``lemma(tok)`` of every token of ``doc``, computed once per article."""
    try:  # (a hit, the usual case: the rules ask for the list hundreds of times per article)
        return doc.user_data[CACHE_KEY][_LEMMAS]  # type: ignore[no-any-return]
    except KeyError:
        return derived(doc, _LEMMAS, lambda: _each(norm_word, lemmas_or_texts(doc)))


def _each(func: Any, words: list[str]) -> list[str]:
    """``[func(w) for w in words]``, ``func`` called once per distinct word (words repeat; the cached
    functions' own lookups cost more than a plain dictionary's), without a Python loop per word.
    The answers are kept across articles (``func`` is a pure function of the word): an article's
    words met before are read off, only its new words are worked out."""
    memo = _WORD_MEMOS.get(func)
    if memo is None:
        memo = _WORD_MEMOS[func] = {}
    return memo_map(memo, words, func, _WORD_MEMO_LIMIT)  # (bounded: a long run meets ever more words)


_WORD_MEMOS: dict[Any, dict[str, str]] = {}  # func -> word -> func(word), for ``_each``
_WORD_MEMO_LIMIT = 100_000  # words per function: tens of megabytes at most


_LOWERS = "lower_nfc"


def doc_lowers(doc: Any) -> list[str]:
    """``lower_nfc(tok.text)`` of every token of ``doc``, computed once per article."""
    try:  # (a hit, the usual case)
        return doc.user_data[CACHE_KEY][_LOWERS]  # type: ignore[no-any-return]
    except KeyError:
        return derived(doc, _LOWERS, lambda: _each(lower_nfc, token_strings(doc, ORTH)))


def lower_text(tok: Any) -> str:
    """``lower_nfc(tok.text)``, read from the article's list (``doc_lowers``) once it is built."""
    try:
        return tok.doc.user_data[CACHE_KEY][_LOWERS][tok.i]  # type: ignore[no-any-return]
    except (KeyError, AttributeError):
        return lower_nfc(tok.text)


def feat(tok: Any, field: str) -> list[str]:
    """``tok.morph.get(field)`` ("Mood" -> ["Cnd"], [] when absent), read from the article's analyses
    parsed once (``veille.common.docarrays.morph_fields``): the rules ask it of the same tokens many times."""
    try:
        fields = tok.doc.user_data[CACHE_KEY]["morph_fields"][tok.i]
    except KeyError:
        fields = morph_fields(tok.doc)[tok.i]
    return list(fields.get(field, ()))


def sent_start(tok: Any) -> int:
    """``tok.sent.start``, from the article's list of sentence starts."""
    try:
        return tok.doc.user_data[CACHE_KEY]["sentence_starts"][tok.i]  # type: ignore[no-any-return]
    except KeyError:
        return sentence_starts(tok.doc)[tok.i]


_SENTENCES = "events_sentence_spans"


def sentence_of(tok: Any) -> Any:
    """``tok.sent`` (the same Span), from the article's sentences listed once: ``Token.sent`` looks
    for the sentence's bounds at each call."""
    doc = tok.doc
    try:  # (a hit, the usual case)
        by_start = doc.user_data[CACHE_KEY][_SENTENCES]
    except KeyError:
        by_start = derived(doc, _SENTENCES, lambda: {s.start: s for s in doc_sentences(doc)})
    return by_start[sent_start(tok)]


def doc_sentences(doc: Any) -> list[Any]:
    """``list(doc.sents)``, listed once per article (``docarrays.sentence_spans``, shared with
    ``sentence_starts``): spaCy walks the whole Doc at each ``doc.sents``."""
    return sentence_spans(doc)
