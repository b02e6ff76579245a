"""How the tagger read a word that may trigger an event: a verb's lexicon entries (forgiving the
lemmatizer's slips), a verb the tagger read as a noun, an adjective or an adverb (``misread_verb``,
``misread_participle``), a participle naming a stance, a predicative adjective or noun. Read by
``find_triggers`` (``events/triggers.py``) and by the constraints of ``events/trigger_objects.py``.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import child_indices, token_strings
from veille.events.lexicon import Lexicon, Trigger
from veille.events.view import ArticleView, case, passive
from veille.events.walks import has_child
from veille.events.words import (
    PARTICIPLE_ER_ENDINGS,
    REFLEXIVE,
    SUBJ,
    doc_lowers,
    feat,
    lemma,
    lower_text,
    masculine,
    sent_start,
)


def verb_entries(view: ArticleView, tok: Any) -> list[Trigger]:
    """Verb triggers for a token's lemma, forgiving the lemmatizer's "reproche"/"accusé" slips."""
    return verb_candidates(view, lemma(tok))


def verb_candidates(view: ArticleView, lem: str) -> list[Trigger]:
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


def is_reflexive(tok: Any) -> bool:
    doc, tags, deps = tok.doc, token_strings(tok.doc, POS), token_strings(tok.doc, DEP)  # (no Token per child)
    return any(tags[ci] == "PRON" and doc_lowers(doc)[ci] in REFLEXIVE and deps[ci] not in SUBJ
               for ci in child_indices(doc)[tok.i])



def detached(tok: Any) -> bool:
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
    return tok.pos_ == "ADJ" and has_child(tok, ("aux:tense", "aux:pass"))


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
    return has_child(tok, ("cop", "nsubj")) or tok.dep_ in ("xcomp", "acl", "advcl", "conj")


def predicative_noun(tok: Any) -> bool:
    """A noun said of something with its copula ("cette réforme est une honte", "c'est un
    scandale"), or standing alone as a quoted exclamation ("« Quelle honte ! »")."""
    if has_child(tok, ("cop",)):
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


CLOSING_MARKS = frozenset({"»", "”", '"'})


def after_quote(doc: Any, i: int) -> bool:
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
    if verb is None or has_child(tok, ("det",)):
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    between = doc[tok.i - 1].pos_ in ("NOUN", "PROPN") and nxt is not None and nxt.pos_ in ("DET", "PROPN", "NUM")
    # "« … », épingle (notamment) le collectif": a verb set after a quote with its subject inverted
    j = tok.i + 1 + next((k for k in range(2) if tok.i + 1 + k >= len(doc) or doc[tok.i + 1 + k].pos_ != "ADV"), 2)
    incise = j < len(doc) and doc[j].pos_ in ("DET", "PROPN") and after_quote(doc, tok.i)
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
    if _after_auxiliary(tok) or listed_participle(tok):
        return text[: -len(ending)] + "er"
    return None


def _after_auxiliary(tok: Any) -> bool:
    """"d'avoir violé une fillette": the parser made the infinitive auxiliary the verb and hung the
    participle on it as a modifier; the participle follows it at once."""
    head = tok.head
    return (head.i == tok.i - 1 and tok.dep_ in ("advmod", "obj", "obl:mod") and head.lemma_ in ("avoir", "être")
            and head.pos_ in ("VERB", "AUX"))


def listed_participle(tok: Any) -> bool:
    """"a été séquestrée, violée et torturée": a participle listed after a verb's participle, which
    the tagger reads as a noun; it shares that verb's auxiliary."""
    head = tok.head
    if tok.dep_ not in ("conj", "obl:mod") or head.i >= tok.i or head.pos_ != "VERB" \
            or feat(head, "VerbForm") != ["Part"]:
        return False
    between = tok.doc[head.i + 1:tok.i]
    return len(between) <= 12 and any(t.text in (",", "et") for t in between) and (
        passive(head) or any(c.dep_.startswith("aux") for c in head.children))


def adjective_entries(view: ArticleView, tok: Any, lem: str) -> list[Trigger]:
    """Adjective triggers for a lemma, its form, or the form's masculine singular ("inquiète")."""
    text = lower_text(tok)
    keys = dict.fromkeys((lem, text, *masculine(text), *masculine(lem)))
    return [t for k in keys for t in view.lex.adjs.get(k, [])]


def has_adjective_entry(lex: Lexicon, lem: str, low: str) -> bool:
    """Whether ``adjective_entries`` finds anything for a word of this lemma and lower-case form
    (remembered per lexicon: the tables are read-only), so that a word without any is spared the
    tests of an adjective reading."""
    memo = lex.memo.setdefault("has_adjective_entry", {})
    key = (lem, low)
    out = memo.get(key)
    if out is None:
        adjs = lex.adjs
        out = memo[key] = any(k in adjs for k in (lem, low, *masculine(low), *masculine(lem)))
    return out
