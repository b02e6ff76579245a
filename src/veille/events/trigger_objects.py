"""A trigger's constraints on its object (``obj=``, ``any=``, ``noobj=``, ``except=`` of the trigger
tables) checked against the parse: ``object_ok``, with the objects a verb has (``objects``) and the
patient a passive or participle leaves implicit. Read by ``find_triggers`` (``events/triggers.py``).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, POS

from veille.common.docarrays import CACHE_KEY, child_indices, derived, token_strings
from veille.events.actors import resolve
from veille.events.demands import demand_complement
from veille.events.lexicon import Trigger
from veille.events.verb_forms import after_quote, detached, listed_participle, predicative_noun
from veille.events.view import ArticleView, case, passive
from veille.events.walks import children_with, has_child, subtree_of, subtree_words
from veille.events.words import (
    PARTICIPLE_ER_ENDINGS,
    feat,
    lemma,
    lower_text,
)


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
    try:  # (a hit, the usual case)
        memo = doc.user_data[CACHE_KEY][_SUBTREE_WORDS]
    except KeyError:
        memo = derived(doc, _SUBTREE_WORDS, dict)
    out = memo.get((i, limit))
    if out is None:
        out = memo[(i, limit)] = subtree_words(doc, i, limit + 1)  # (``events/walks.py``)
    return out  # type: ignore[no-any-return]


_SUBTREE_WORDS = "events_subtree_words"


def _implicit_patient(tok: Any) -> bool:
    """A passive or participial use whose patient is not a dependent of the verb."""
    if has_child(tok, ("nsubj:pass",)):
        return False
    if passive(tok) or (tok.dep_ == "acl" and feat(tok, "VerbForm") == ["Part"]):
        return True
    if detached(tok):
        return True  # "Saluée pour son courage, la juge Ana Ruiz ...": the clause's subject undergoes it
    if tok.pos_ != "VERB" and listed_participle(tok) and passive(tok.head):
        return True  # "a été séquestrée, violée": the listed participle shares the passive's patient
    # a participle whose doer is its "par" complement: "Frappée à Montvert par deux hommes"
    return tok.pos_ != "VERB" and not has_child(tok, ("obj",)) and any(
        case(c) == "par" for c in tok.children)


def _transitive_use(tok: Any) -> bool:
    """A verb whose event reading takes no object used with one the parse does not label ``obj``:
    its patient as passive subject or as the noun its participle qualifies ("la solidarité
    manifestée par les habitants", "le soutien manifesté à X"), or an adjective read as the verb
    ("son désaccord est manifeste"). Checked for the ``noobj=1`` triggers only."""
    if has_child(tok, ("nsubj:pass", "obl:agent", "cop")):
        return True
    # a past participle only: "des habitants manifestant contre …" are its doers
    return tok.dep_ == "acl" and feat(tok, "VerbForm") == ["Part"] and feat(tok, "Tense") == ["Past"] \
        and tok.head.pos_ == "NOUN" and tok.head.i < tok.i



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
    if lower_text(obj) not in RELATIVE_OBJECTS:
        return None  # (most objects: no Token for their head)
    verb = obj.head
    if verb.dep_ == "acl:relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _dependents_pass(trig: Trigger, tok: Any, objs: list[Any]) -> bool:
    """Whether the words of the dependents (children, objects, hung complements) hold an ``any=``
    word (when the trigger has some) and no ``except=`` word: the test of their union, each
    dependent's words read apart so that it may stop early."""
    doc, unless, wanted = tok.doc, trig.unless, trig.any
    found = not wanted

    def settled(indices: Any) -> bool | None:
        nonlocal found
        for c in indices:
            words = _subtree_lemmas(doc, c)
            if unless and not unless.isdisjoint(words):
                return False
            if not found and not wanted.isdisjoint(words):
                found = True
                if not unless:
                    return True
        return None

    for group in (child_indices(doc)[tok.i], [o.i for o in objs]):
        answer = settled(group)
        if answer is not None:
            return answer
    answer = settled(h.i for h in _hung_complements(trig, tok))
    return found if answer is None else answer


def object_ok(view: ArticleView, trig: Trigger, tok: Any) -> bool:
    """Whether a trigger's constraints on its object (or any dependent) hold for this token."""
    if trig.finite and feat(tok, "VerbForm") != ["Fin"]:
        return False  # "craignant que …" gives a motive; "X craint que …" is the stance itself
    if trig.participle and not lower_text(tok).endswith(PARTICIPLE_ER_ENDINGS):
        return False  # "pour avoir violé", "violée"; "ils violent", "rendre violent" are other words
    if trig.plural and feat(tok, "Number") != ["Plur"]:
        return False  # "la violence", "son combat": a notion or a cause; "les violences", "les combats": acts
    if trig.done and not active_compound_past(tok):
        return False  # "X a reconnu une erreur" admits; "le pays reconnaît l'union", "reconnu coupable" do not
    if trig.ask and not demand_complement(view, tok):
        return False  # "veulent une enquête" asks; "veut la paix", "veut partir" wish
    # (the objects once, and only where a test below reads them: never a noun's without ``any=``)
    objs = objects(tok) if trig.any or trig.unless or trig.kind != "noun" else []
    if trig.any or trig.unless:
        # "qualifier X de « vol »", "juger X absurde", "les ministres se retrouvent": any dependent;
        # "une conférence de presse" is no meeting: no dependent of ``except=``.
        # (each dependent's words tested apart, no union built: an ``except=`` word anywhere says
        # no at once; without ``except=``, the first dependent holding an ``any=`` word settles it,
        # and the parser's hung complements are looked for only when the dependents held none)
        if not _dependents_pass(trig, tok, objs):
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
        return not _transitive_use(tok) and (after_quote(tok.doc, tok.i) or not any(
            c.dep_ == "obj" and lemma(c) not in view.lex.cue("streetnoun") for c in tok.children))
    if not trig.obj and trig.obj_actor is None:
        return True
    if trig.kind == "noun":
        objs = children_with(tok, ("nmod",))
    elif trig.obj_actor == "PER" and any(c.dep_ == "det" and c.i < tok.i and lower_text(c) in CLITIC_DETS for c in tok.children):
        return True  # "la traitant de …": the object clitic the parser read as the verb's determiner
    # "don" without article can be tagged as a noun subject or an obl: accept any nominal child.
    if not objs:  # (the children's labels and tags from the columns: a Token per nominal kept only)
        doc = tok.doc
        deps, tags = token_strings(doc, DEP), token_strings(doc, POS)
        objs = [doc[c] for c in child_indices(doc)[tok.i] if deps[c] not in ("nsubj", "punct", "cc", "conj")
                and not deps[c].startswith("aux") and tags[c] in ("NOUN", "PROPN")]
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


def active_compound_past(tok: Any) -> bool:
    """A past participle with "avoir" and no passive auxiliary: "a reconnu", "avait reconnu"."""
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    return any(c.dep_ != "aux:pass" and lemma(c) == "avoir" for c in aux) and not any(c.dep_ == "aux:pass" for c in aux)
