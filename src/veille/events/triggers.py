"""Where an event starts: the trigger words of a sentence, matched against ``event_triggers.tsv``.

Phrases first ("appel téléphonique" is CONSULT, not the REQUEST an "appel" can be), then verbs
(pronominal and constrained readings first), then nouns. A trigger's constraints (``obj=``,
``any=``, ``noobj=``) are checked here against the parse. A new trigger is a lexicon line, not code.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, derived, token_strings
from veille.events.actors import Actor, resolve
from veille.events.attribute_adjs import attribute_verb
from veille.events.lexicon import Lexicon, Trigger
from veille.events.reaction_words import drawn_reaction
from veille.events.slot_cache import known_words, phrase_words
from veille.events.view import ArticleView, case, passive
from veille.events.walks import phrase_candidates, subtree_of, subtree_words, tokens_in_either
from veille.events.words import (
    PARTICIPLE_ER_ENDINGS,
    REFLEXIVE,
    SUBJ,
    doc_lemmas,
    doc_lowers,
    feat,
    lemma,
    lower_text,
    masculine,
    sent_start,
)


@dataclass
class Candidate:
    trigger: Trigger
    head: int
    tokens: list[int]
    sent: int
    title: bool
    source: Actor | None = None
    targets: list[Actor] = field(default_factory=list)
    mode: str = "fact"
    governor: int | None = None  # head of a governing trigger (promise, request)
    quote: Any = None
    rejected: bool = False  # governed by a refusal: the refusal is recorded, not this
    negated: bool = False  # a ``neg=`` trigger negated on its clause ("n'a pas l'intention de démissionner")


def verb_entries(view: ArticleView, tok: Any) -> list[Trigger]:
    """Verb triggers for a token's lemma, forgiving the lemmatizer's "reproche"/"accusé" slips."""
    return _verb_candidates(view, lemma(tok))


def _verb_candidates(view: ArticleView, lem: str) -> list[Trigger]:
    cands = view.lex.verbs.get(lem, [])
    if not cands and lem.endswith("e"):
        cands = view.lex.verbs.get(lem + "r", [])  # lemmatizer slip: "critique" for critiquer
    if not cands and lem.endswith("é"):
        cands = view.lex.verbs.get(lem[:-1] + "er", [])  # a participle read as an adjective
    return cands


def is_refusal(view: ArticleView, tok: Any) -> bool:
    return tok.pos_ == "VERB" and any(t.type == "REJECT" for t in verb_entries(view, tok))


def double_negative(view: ArticleView, tok: Any) -> bool:
    """"refuser d'exclure", "rejeter l'idée de ne pas": a refusal of a refusal is no refusal."""
    return any(c.dep_ in ("xcomp", "ccomp", "obj", "acl") and lemma(c) in view.lex.cue("negverb")
               for c in tok.children)


def _is_reflexive(tok: Any) -> bool:
    doc, tags, deps = tok.doc, token_strings(tok.doc, POS), token_strings(tok.doc, DEP)  # (no Token per child)
    return any(tags[ci] == "PRON" and doc_lowers(doc)[ci] in REFLEXIVE and deps[ci] not in SUBJ
               for ci in child_indices(doc)[tok.i])


def objects(tok: Any) -> list[Any]:
    """The direct objects of a verb (the subject of a passive)."""
    is_passive, doc, deps = passive(tok), tok.doc, token_strings(tok.doc, DEP)  # (a Token per object only)
    out = [doc[ci] for ci in child_indices(doc)[tok.i]
           if deps[ci] in ("obj", "iobj") or (is_passive and deps[ci] == "nsubj:pass")]
    if not out and tok.dep_ == "conj" and tok.pos_ == "VERB":
        # "a qualifié X de « vol » et promis une riposte": the parser hangs the second verb's
        # object on the first one; an object after the second verb is its own.
        out = [c for c in tok.head.children if c.dep_ == "obj" and c.i > tok.i]
    if not out and tok.pos_ != "VERB" and tok.head.i == tok.i - 1 and tok.head.lemma_ == "avoir":
        # "d'avoir violé une fillette" read as "avoir" with the object: the participle's object
        out = [c for c in tok.head.children if c.dep_ == "obj" and c.i > tok.i]
    return out


def _subtree_lemmas(doc: Any, i: int, limit: int = 40) -> frozenset[str]:
    """Lemmas and lower-case forms of the first ``limit`` + 1 words of token ``i``'s subtree (remembered
    per article: a word's every lexicon entry asks it of the same objects)."""
    memo = derived(doc, "events_subtree_words", dict)
    out = memo.get((i, limit))
    if out is None:
        out = memo[(i, limit)] = subtree_words(doc, i, limit + 1)  # (``events/walks.py``)
    return out  # type: ignore[no-any-return]


def _implicit_patient(tok: Any) -> bool:
    """A passive or participial use whose patient is not a dependent of the verb."""
    if any(c.dep_ == "nsubj:pass" for c in tok.children):
        return False
    if passive(tok) or (tok.dep_ == "acl" and feat(tok, "VerbForm") == ["Part"]):
        return True
    if _detached(tok):
        return True  # "Saluée pour son courage, la juge Ana Ruiz ...": the clause's subject undergoes it
    if tok.pos_ != "VERB" and _listed_participle(tok) and passive(tok.head):
        return True  # "a été séquestrée, violée": the listed participle shares the passive's patient
    # a participle whose doer is its "par" complement: "Frappée à Montvert par deux hommes"
    return tok.pos_ != "VERB" and not any(c.dep_ == "obj" for c in tok.children) and any(
        case(c) == "par" for c in tok.children)


def _transitive_use(tok: Any) -> bool:
    """A verb whose event reading takes no object used with one the parse does not label ``obj``:
    its patient as passive subject or as the noun its participle qualifies ("la solidarité
    manifestée par les habitants", "le soutien manifesté à X"), or an adjective read as the verb
    ("son désaccord est manifeste"). Checked for the ``noobj=1`` triggers only."""
    if any(c.dep_ in ("nsubj:pass", "obl:agent", "cop") for c in tok.children):
        return True
    # a past participle only: "des habitants manifestant contre …" are its doers
    return tok.dep_ == "acl" and feat(tok, "VerbForm") == ["Part"] and feat(tok, "Tense") == ["Past"] \
        and tok.head.pos_ == "NOUN" and tok.head.i < tok.i


def _detached(tok: Any) -> bool:
    """A past participle set before its clause, cut off by a comma, without auxiliary or object."""
    if tok.dep_ != "advcl" or tok.i >= tok.head.i or feat(tok, "VerbForm") != ["Part"] or feat(tok, "Tense") == ["Pres"]:
        return False
    if any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "nsubj:pass", "obj") for c in tok.children):
        return False
    return any(t.text == "," for t in tok.doc[tok.i + 1:tok.head.i])


def verbal_use(tok: Any) -> bool:
    """A verb, or a participle the tagger reads as an adjective ("ont été arrêtés", "a été blessé")."""
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "ADJ" and any(c.dep_ in ("aux:tense", "aux:pass") for c in tok.children)


def stance_participle(tok: Any) -> bool:
    """A participle without an object of its own that qualifies a noun or names a person by a
    stance, which the tagger reads as the verb: "un fervent opposant aux emprunts" (``opposant``
    VERB, lemma "opposer"), "des élus opposés au projet". Its adjective entry ("opposé à") is the
    stance; "le conflit opposant X à Y", "le litige l'opposant à Y" have an object and stay the verb."""
    if tok.pos_ != "VERB" or feat(tok, "VerbForm") != ["Part"] or tok.dep_ not in ("acl", "appos", "conj"):
        return False
    if tok.head.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.head.i > tok.i:
        return False
    # "le litige l'opposant à X": a clitic before it is its object, whatever the parse labels it
    # (a pronoun, or the "l'" it reads as a determiner right after the noun the participle qualifies)
    return not any(c.dep_ in ("obj", "iobj", "nsubj", "nsubj:pass", "expl:comp") or c.dep_.startswith("aux")
                   or (c.pos_ == "PRON" and c.i < tok.i) or (c.pos_ == "DET" and c.i == tok.head.i + 1 < tok.i)
                   for c in tok.children)


def predicative(tok: Any) -> bool:
    """An adjective said of someone: "X est préoccupé", "X se dit opposé", "X, inquiet de …"."""
    if tok.pos_ != "ADJ" or tok.dep_ in ("amod", "nmod", "obj"):
        return False
    return any(c.dep_ in ("cop", "nsubj") for c in tok.children) or tok.dep_ in ("xcomp", "acl", "advcl", "conj")


def predicative_noun(tok: Any) -> bool:
    """A noun said of something with its copula ("cette réforme est une honte", "c'est un
    scandale"), or standing alone as a quoted exclamation ("« Quelle honte ! »")."""
    if any(c.dep_ == "cop" for c in tok.children):
        return True
    return tok.dep_ == "ROOT" and not any(c.pos_ in ("VERB", "AUX") for c in tok.children)


def copular_verb(tok: Any) -> bool:
    """An adjective the tagger read as a verb or a bare noun, with its copula: "cette attitude est
    méprisante" (``méprisante`` VERB, lemma "mépriser"), "ce discours est hypocrite" (NOUN)."""
    if tok.pos_ == "VERB" and tok.dep_ == "xcomp" and lemma(tok.head) in ATTRIBUTE_VERBS:
        return True  # "se dit reconnaissant envers X" (``reconnaissant`` VERB under "dire")
    kids, deps = child_indices(tok.doc)[tok.i], token_strings(tok.doc, DEP)  # (no Token per child)
    if tok.pos_ not in ("VERB", "NOUN") or not any(deps[ci] == "cop" for ci in kids):
        return False
    return tok.pos_ == "VERB" or not any(deps[ci] == "det" for ci in kids)


# Verbs whose complement is an attribute of their subject: "se dire", "se montrer", "sembler".
ATTRIBUTE_VERBS = frozenset({"dire", "montrer", "déclarer", "sembler", "paraître", "sentir", "avouer"})


def _hung_complements(trig: Trigger, tok: Any) -> list[Any]:
    """The complements of an object noun that the parser hangs on its verb: in "a réitéré son appel
    à une réforme" the "à" phrase is the verb's, not the noun's. Only the prepositional phrases right
    after the noun (no other dependent of the verb between them)."""
    if trig.kind != "noun" or tok.dep_ != "obj" or tok.head.i == tok.i:
        return []
    out: list[Any] = []
    end = tok.right_edge.i
    for c in tok.head.children:
        if c.i <= tok.i or not c.dep_.startswith("obl") or c.left_edge.i != end + 1:
            continue
        out.append(c)
        end = c.right_edge.i
    return out


RELATIVE_OBJECTS = frozenset({"que", "qu'", "qu’"})
CLITIC_DETS = frozenset({"le", "la", "l'", "l’", "les"})


def _antecedent(obj: Any) -> Any:
    """The noun a relative "que" object stands for ("les familles qu'on accueillait" are families,
    "les deux hommes qu'il a abattus" men; never a personal clitic), or None for another object."""
    verb = obj.head
    if lower_text(obj) in RELATIVE_OBJECTS and verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def object_ok(view: ArticleView, trig: Trigger, tok: Any) -> bool:
    """Whether a trigger's constraints on its object (or any dependent) hold for this token."""
    if trig.finite and feat(tok, "VerbForm") != ["Fin"]:
        return False  # "craignant que …" gives a motive; "X craint que …" is the stance itself
    if trig.participle and not lower_text(tok).endswith(PARTICIPLE_ER_ENDINGS):
        return False  # "pour avoir violé", "violée"; "ils violent", "rendre violent" are other words
    if trig.plural and feat(tok, "Number") != ["Plur"]:
        return False  # "la violence", "son combat": a notion or a cause; "les violences", "les combats": acts
    # (the objects once, and only where a test below reads them: never a noun's without ``any=``)
    objs = objects(tok) if trig.any or trig.unless or trig.kind != "noun" else []
    if trig.any or trig.unless:
        # "qualifier X de « vol »", "juger X absurde", "les ministres se retrouvent": any dependent;
        # "une conférence de presse" is no meeting: no dependent of ``except=``.
        words: set[str] = set()
        for c in [*child_indices(tok.doc)[tok.i], *(o.i for o in objs), *(h.i for h in _hung_complements(trig, tok))]:
            words |= _subtree_lemmas(tok.doc, c)
        if words & trig.unless:
            return False
        if trig.any and not words & trig.any:
            return False
        if trig.any and not trig.obj and trig.obj_actor is None:
            return True
    if trig.judge and trig.kind == "noun" and not predicative_noun(tok):
        return False  # "une honte" blames only when said of something ("c'est une honte")
    if not objs and trig.kind == "verb" and _implicit_patient(tok):
        # "avant d'être arrêté", "un policier abattu": the patient is the clause's topic or the noun
        # the participle qualifies; an event verb read in the passive keeps its event reading.
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            objs = [tok.head]
        elif trig.obj_actor is not None:
            return True
    if trig.noobj:
        # "ont manifesté place de la République": a bare street name is a place, not an object;
        # "« … », cingle la maire X": the subject set after a quote, read as the object.
        return not _transitive_use(tok) and (_after_quote(tok.doc, tok.i) or not any(
            c.dep_ == "obj" and lemma(c) not in view.lex.cue("streetnoun") for c in tok.children))
    if not trig.obj and trig.obj_actor is None:
        return True
    if trig.kind == "noun":
        objs = [c for c in tok.children if c.dep_ == "nmod"]
    elif trig.obj_actor == "PER" and any(c.dep_ == "det" and c.i < tok.i and lower_text(c) in CLITIC_DETS for c in tok.children):
        return True  # "la traitant de …": the object clitic the parser read as the verb's determiner
    # "don" without article can be tagged as a noun subject or an obl: accept any nominal child.
    if not objs:
        objs = [c for c in tok.children if c.dep_ not in ("nsubj", "punct", "cc", "conj")
                and not c.dep_.startswith("aux") and c.pos_ in ("NOUN", "PROPN")]
    for o in objs:
        ante = _antecedent(o)
        if ante is not None:  # the noun alone: its subtree holds the relative clause and beyond
            ent = view.tok_entity[ante.i]
            if (trig.obj and {lemma(ante), lower_text(ante)} & trig.obj) or (
                    ent is not None and trig.obj_actor and (ent.type == "PER" or trig.obj_actor == "ACTOR")):
                return True
            continue
        if trig.obj and _subtree_lemmas(o.doc, o.i) & trig.obj:
            return True
        if trig.obj_actor == "PER" and o.pos_ == "PRON" and o.dep_ in ("obj", "nsubj:pass"):
            return True  # "deux hommes l'ont abattu": a clitic object of a verb done to people
        if trig.obj_actor == "ACTOR" and view.tok_time[o.i] is None and resolve(view, o):
            return True
        if trig.obj_actor:
            for i in subtree_of(o.doc, o.i):  # (``events/walks.py``)
                ent = view.tok_entity[i]
                if ent is not None and (ent.type == "PER" or trig.obj_actor == "ACTOR"):
                    if trig.obj_actor == "PER" or resolve(view, o):
                        return True
    return False


CLOSING_MARKS = frozenset({"»", "”", '"'})


def _after_quote(doc: Any, i: int) -> bool:
    """The word comes right after a closing quotation mark, or after the comma that follows one."""
    prev = doc[i - 1].text if i >= 1 else ""
    if prev in CLOSING_MARKS:
        return True
    return prev == "," and i >= 2 and doc[i - 2].text in CLOSING_MARKS


def misread_verb(view: ArticleView, tok: Any) -> str | None:
    """The -er verb a present-tense form stands for when the tagger read it as a noun or an adjective:
    "Le syndicat critique la réforme" (``critique`` ADJ), "Washington sanctionne trois banques"
    (``sanctionne`` NOUN). Only a form without its own determiner, that heads the sentence or sits
    between a nominal and a determiner or a name, as a verb between its subject and object does."""
    if tok.pos_ not in ("NOUN", "ADJ") or view.tok_entity[tok.i] is not None or tok.i == sent_start(tok):
        return None
    text = lower_text(tok)
    stem = text[:-2] if text.endswith("ent") else text
    verb = _er_infinitive(view.lex, stem)
    if verb is None or any(c.dep_ == "det" for c in tok.children):
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    between = doc[tok.i - 1].pos_ in ("NOUN", "PROPN") and nxt is not None and nxt.pos_ in ("DET", "PROPN", "NUM")
    # "« … », épingle (notamment) le collectif": a verb set after a quote with its subject inverted
    j = tok.i + 1 + next((k for k in range(2) if tok.i + 1 + k >= len(doc) or doc[tok.i + 1 + k].pos_ != "ADV"), 2)
    incise = j < len(doc) and doc[j].pos_ in ("DET", "PROPN") and _after_quote(doc, tok.i)
    return verb if tok.dep_ == "ROOT" or between or incise else None


def _er_infinitive(lex: Lexicon, stem: str) -> str | None:
    """The lexicon's -er verb a present form stands for: "critique" -> critiquer, and the verbs
    whose stem vowel takes a grave accent before a mute ending: "inquiète" -> inquiéter."""
    if not stem.endswith("e"):
        return None
    if stem + "r" in lex.verbs:
        return stem + "r"
    at = stem.rfind("è")
    if at >= 0:
        acute = stem[:at] + "é" + stem[at + 1:] + "r"
        if acute in lex.verbs:
            return acute
    return None


def misread_participle(view: ArticleView, tok: Any) -> str | None:
    """The -er verb a past participle stands for when the tagger read it as a noun, an adverb or an
    adjective with no auxiliary: "auraient violé l'adolescente" (``violé`` ADV), a headline "Frappée
    à Montvert par deux hommes" (``Frappée`` NOUN). Only a form without a determiner that has an
    auxiliary or a "par" agent among its dependents, as a passive or compound verb has."""
    if tok.pos_ not in ("NOUN", "ADJ", "ADV") or view.tok_entity[tok.i] is not None:
        return None
    text = lower_text(tok)
    ending = next((e for e in PARTICIPLE_ER_ENDINGS if text.endswith(e)), None)
    if ending is None or text[: -len(ending)] + "er" not in view.lex.verbs:
        return None
    kids = list(tok.children)
    if any(c.dep_ == "det" and c.pos_ != "AUX" for c in kids):
        return None  # ("après avoir été violée": the parser may label "été" a determiner)
    if any(c.dep_.startswith("aux") or c.pos_ == "AUX" for c in kids) or any(case(c) == "par" for c in kids):
        return text[: -len(ending)] + "er"
    if _after_auxiliary(tok) or _listed_participle(tok):
        return text[: -len(ending)] + "er"
    return None


def _after_auxiliary(tok: Any) -> bool:
    """"d'avoir violé une fillette": the parser made the infinitive auxiliary the verb and hung the
    participle on it as a modifier; the participle follows it at once."""
    head = tok.head
    return (head.i == tok.i - 1 and tok.dep_ in ("advmod", "obj", "obl:mod") and head.lemma_ in ("avoir", "être")
            and head.pos_ in ("VERB", "AUX"))


def _listed_participle(tok: Any) -> bool:
    """"a été séquestrée, violée et torturée": a participle listed after a verb's participle, which
    the tagger reads as a noun; it shares that verb's auxiliary."""
    head = tok.head
    if tok.dep_ not in ("conj", "obl:mod") or head.i >= tok.i or head.pos_ != "VERB" \
            or feat(head, "VerbForm") != ["Part"]:
        return False
    between = tok.doc[head.i + 1:tok.i]
    return len(between) <= 12 and any(t.text in (",", "et") for t in between) and (
        passive(head) or any(c.dep_.startswith("aux") for c in head.children))


def _adjective_entries(view: ArticleView, tok: Any, lem: str) -> list[Trigger]:
    """Adjective triggers for a lemma, its form, or the form's masculine singular ("inquiète")."""
    text = lower_text(tok)
    keys = dict.fromkeys((lem, text, *masculine(text), *masculine(lem)))
    return [t for k in keys for t in view.lex.adjs.get(k, [])]


def may_trigger(lex: Lexicon, lem: str, low: str) -> bool:
    """Whether a word with this lemma and lower-case form has any entry ``find_triggers`` reads
    (adjective, verb with its lemmatizer-slip variants, participle-as-adjective, noun). A word
    with none yields no trigger, so it is passed over without reading its parse."""
    return _lemma_may_trigger(lex, lem) or _form_may_trigger(lex, low)


def _lemma_may_trigger(lex: Lexicon, lem: str) -> bool:
    """``may_trigger`` from the lemma alone (remembered per lexicon: the trigger tables are read-only)."""
    memo = lex.memo.setdefault("lemma_may_trigger", {})
    out = memo.get(lem)
    if out is None:
        adjs, verbs = lex.adjs, lex.verbs
        out = memo[lem] = (lem in adjs or lem in verbs or lem in lex.nouns or any(m in adjs for m in masculine(lem))
                           or (lem.endswith("e") and lem + "r" in verbs)
                           or (lem.endswith("é") and lem[:-1] + "er" in verbs)
                           or (lem.endswith("er") and lem[:-2] + "é" in adjs))
    return out


def _form_may_trigger(lex: Lexicon, low: str) -> bool:
    """``may_trigger`` from the lower-case form alone (remembered per lexicon)."""
    memo = lex.memo.setdefault("form_may_trigger", {})
    out = memo.get(low)
    if out is None:
        adjs = lex.adjs
        stem = low[:-2] if low.endswith("ent") else low
        out = memo[low] = (low in adjs or low in lex.nouns or any(m in adjs for m in masculine(low))
                           or (stem.endswith("e") and stem + "r" in lex.verbs))  # misread_verb: "critiquent"
    return out


@functools.lru_cache(maxsize=65536)
def participle_infinitive(low: str) -> str | None:
    """The infinitive of a past participle form the lemmatizer kept as it is ("a uni ses forces":
    lemma "uni"), for phrases, whose first word is matched on the lemma: "unis" -> "unir",
    "portée" -> "porter"."""
    for ending in PARTICIPLE_ER_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return low[: -len(ending)] + "er"
    for ending, inf in (("ies", "ir"), ("ie", "ir"), ("is", "ir"), ("i", "ir")):
        if low.endswith(ending) and len(low) > len(ending) + 1:
            return low[: -len(ending)] + inf
    return None


def _lemma_slip(lem: str) -> str | None:
    """The -er infinitive a present-tense form stands for when the lemmatizer kept the form ("tire",
    "montre", "ferme" for tirer, montrer, fermer), for phrases, as ``verb_entries`` does for verbs:
    "Le syndicat tire la sonnette d'alarme"."""
    return lem + "r" if lem.endswith("e") and len(lem) > 2 else None


def _trigger_slots(lex: Lexicon, doc: Any) -> tuple[list[int], list[int]]:
    """Tokens of the Doc where a phrase of the lexicon may start, and tokens that ``may_trigger``:
    found once per article on the lemma and form lists, so that a sentence's other words cost nothing."""
    def build() -> tuple[list[int], list[int]]:
        lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
        # Each distinct lemma and form tested once (words repeat), then the tokens read off the sets.
        distinct_lemmas, distinct_lows = set(lemmas), set(lowers)
        phrase_lemmas = phrase_words(lex, distinct_lemmas, _lemma_slip, "phrase_lemma")  # (``slot_cache.py``)
        phrase_lows = phrase_words(lex, distinct_lows, participle_infinitive, "phrase_form")
        # (the words met before sorted by set operations: a call only for a word no article had yet)
        slot_lemmas = known_words(lex, distinct_lemmas, "lemma_may_trigger", functools.partial(_lemma_may_trigger, lex))
        slot_lows = known_words(lex, distinct_lows, "form_may_trigger", functools.partial(_form_may_trigger, lex))
        starts = tokens_in_either(lemmas, lowers, phrase_lemmas, phrase_lows)  # (``events/walks.py``)
        words = tokens_in_either(lemmas, lowers, slot_lemmas, slot_lows)
        return starts, words
    return derived(doc, f"events_trigger_slots_{id(lex)}", build)


def _bare_after_en(tok: Any) -> bool:
    """"en représailles à …": the noun names the motive of the clause's act (no determiner)."""
    kids = list(tok.children)
    return any(c.dep_ == "case" and c.lower_ == "en" for c in kids) and not any(c.dep_ == "det" for c in kids)


MAX_PHRASE_GAPS = 2  # adverbs a locution may hold: "fait entièrement confiance", "sont descendus massivement dans la rue"


NEGATION_WORDS = frozenset({"ne", "n'", "n’", "non"})


def _gapped_phrase(words: tuple[str, ...], i: int, last: int, lemmas: list[str], lowers: list[str],
                   doc: Any, lex: Lexicon) -> list[int] | None:
    """The tokens of a locution whose words an adverb or two separate, the first word matched
    already: a locution keeps its meaning when the writer puts an adverb inside it. A negation is
    never skipped over ("plaider non coupable" is not "plaider coupable")."""
    negation = lex.memo.get("phrase_negation")
    if negation is None:
        negation = lex.memo["phrase_negation"] = frozenset(lex.cue("negation") | NEGATION_WORDS)
    span, tags = [i], token_strings(doc, POS)  # (the tags from the column: no Token per word)
    k, gaps = i + 1, 0
    for w in words[1:]:
        while k < last and w not in (lemmas[k], lowers[k]) and tags[k] == "ADV" and gaps < MAX_PHRASE_GAPS \
                and lowers[k] not in negation:
            k, gaps = k + 1, gaps + 1
        if k >= last or w not in (lemmas[k], lowers[k]):
            return None
        span.append(k)
        k += 1
    return span if gaps else None


def find_triggers(view: ArticleView, sent: Any) -> list[tuple[Trigger, int, list[int]]]:
    """(trigger, head token, tokens) of every trigger in a sentence."""
    found: list[tuple[Trigger, int, list[int]]] = []
    # Lemma and lower-case keys come from the per-article lists; a Token is built only for a word
    # the lexicon may hold (``may_trigger``), not for every word of every sentence.
    doc, first, last = sent.doc, sent.start, sent.end
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    starts, words = _trigger_slots(view.lex, doc)
    phrases = view.lex.phrases
    taken: set[int] = set()
    for i in starts[bisect_left(starts, first):bisect_left(starts, last)]:
        # Phrases first: "appel téléphonique" is CONSULT, not the REQUEST an "appel" can be.
        tok = doc[i]
        slip = participle_infinitive(lowers[i])
        lem_slip = _lemma_slip(lemmas[i])
        trigs = phrase_candidates(phrases, (lemmas[i], lowers[i], slip or "", lem_slip or ""), i, last, lemmas, lowers, MAX_PHRASE_GAPS)
        # Every phrase written in a row first, then those an adverb interrupts: "plaidé non coupable"
        # is no "plaider coupable" with a gap.
        for gapped in (False, True):
            hit = False
            for trig in trigs:
                n = len(trig.words)
                if gapped:
                    span = _gapped_phrase(trig.words, i, last, lemmas, lowers, doc, view.lex) if n > 1 else None
                else:
                    end = min(i + n, last)
                    first_word = slip if trig.words[0] == slip else lem_slip if trig.words[0] == lem_slip else lemmas[i]
                    window = [first_word, *lemmas[i + 1:end]]
                    texts = lowers[i:end]
                    span = list(range(i, i + n)) if len(window) == n and all(
                        w in (a, b) for w, a, b in zip(trig.words, window, texts, strict=True)) else None
                if span is None:
                    continue
                head = next((doc[k] for k in span if doc[k].pos_ in ("NOUN", "VERB", "PROPN")), tok)
                if not object_ok(view, trig, head):
                    continue
                found.append((trig, head.i, span))
                taken.update(span)
                hit = True
                break
            if hit:
                break
    for i in words[bisect_left(words, first):bisect_left(words, last)]:
        if i in taken:
            continue
        lem = lemmas[i]
        tok = doc[i]
        adjs = _adjective_entries(view, tok, lem) if predicative(tok) or copular_verb(tok) else []
        verb = None if adjs else attribute_verb(tok)  # "s'est dite favorable à X": the verb holds X
        adjs = adjs or ([t for t in _adjective_entries(view, tok, lem) if not t.judge] if verb is not None else [])
        if not adjs and tok.dep_ == "amod" and view.tok_quote[i] is not None:
            # "« une réforme injuste »": in someone's words, an evaluative epithet is a judgement
            adjs = [t for t in _adjective_entries(view, tok, lem) if t.judge and t.type == "ACCUSE"]
        misread = None if adjs or verbal_use(tok) else (misread_verb(view, tok) or misread_participle(view, tok))
        if misread is not None:
            lem = misread
        if adjs:
            for trig in sorted(adjs, key=lambda t: not t.constrained):
                if object_ok(view, trig, verb or tok):
                    found.append((trig, (verb or tok).i, [tok.i]))
                    break
        elif misread is not None or verbal_use(tok):
            # Pronominal, then constrained readings first: "promettre une riposte" before "promettre".
            cands = sorted(_verb_candidates(view, lem), key=lambda t: (not t.reflexive, not t.constrained))
            if lem.endswith("er") and feat(tok, "VerbForm") == ["Part"] and (
                    tok.dep_ == "xcomp" or any(c.dep_ == "aux:pass" for c in tok.children)):
                # "se dit préoccupé par", "est opposé à": a passive participle read as the adjective it is.
                cands += view.lex.adjs.get(lem[:-2] + "é", [])
            elif tok.pos_ == "ADJ" and any(c.dep_ == "aux:pass" for c in tok.children):
                # "est fermement opposé à": the tagger's adjective with the passive auxiliary the
                # parser gave it instead of a copula; its adjective reading is the stance.
                cands += _adjective_entries(view, tok, lem)
            elif lem.endswith("er") and stance_participle(tok):
                # "un fervent opposant à X", "des élus opposés à X": the participle names a stance
                cands += view.lex.adjs.get(lem[:-2] + "é", [])
            refl = _is_reflexive(tok) if cands else False
            for trig in cands:
                if trig.reflexive and not refl:
                    continue
                if trig.type == "REJECT" and (double_negative(view, tok) or (
                        lem in view.lex.cue("negverb") and tok.head.i != tok.i and is_refusal(view, tok.head))):
                    break
                if object_ok(view, trig, tok):
                    found.append((trig, tok.i, [tok.i]))
                    break
        elif tok.pos_ in ("NOUN", "PROPN") and view.tok_entity[tok.i] is None:
            if (lem in view.lex.cue("motive") or lowers[i] in view.lex.cue("motive")) and _bare_after_en(tok):
                continue
            nouns = view.lex.nouns.get(lem, []) + view.lex.nouns.get(lowers[i], [])
            for trig in sorted(nouns, key=lambda t: not t.constrained):
                if object_ok(view, trig, tok) or drawn_reaction(trig, tok, nouns):  # "suscite l'opposition de X"
                    found.append((trig, tok.i, [tok.i]))
                    break
    return found
