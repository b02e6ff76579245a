"""The events stage's column readings of round 33 give what the Token code they replaced gave
(invented sentences and people): the walks' possessive, copula and climb tests, the view's time
tokens and the text it hands ``memo.parsed_text``, the members read off the columns."""

from __future__ import annotations

from events_support import build
from veille.events.article_actors import build_members
from veille.events.memo import _joined, parsed_text
from veille.events.view import ArticleView, case
from veille.events.walks import climb_to, possessive_two_below, present_copula, sentence_lemma_in
from veille.events.words import OF_PREPS, RELATIVE_NOUNS, WORKER_NOUNS, feat, lemma

CASE = {
    "text": "« Nous avons demandé à nos unités d'être en alerte », a dit Ana Ruiz lundi. "
            "Les agressions sont fréquentes la nuit, et c'est la grève à Montvert depuis le 3 mars. "
            "Les experts de Valcor demandent l'arrêt des tirs ; les salariés de Valcor protestent. "
            "Le syndicat Forge a été critiqué mardi par la ministre Lina Varga, qui a démissionné.",
    "entities": [["Ana Ruiz", "PER"], ["Montvert", "LOC"], ["Valcor", "ORG"], ["Forge", "ORG"],
                 ["Lina Varga", "PER"]],
    "times": [["lundi", "2024-03-04"], ["le 3 mars", "2024-03-03"], ["mardi", "2024-03-05"]],
}


def test_possessive_two_below_is_the_subtree_reading(nlp):
    _, doc = build(CASE, nlp)
    found = []
    for tok in doc:
        old = [c for c in tok.subtree if c.dep_ == "det" and c.morph.get("Poss") == ["Yes"]
               and c.head.head.i == tok.i]
        assert possessive_two_below(doc, tok.i) == bool(old), tok.text
        found += [tok.i] if old else []
    assert found  # ("demandé à nos unités")


def test_present_copula_is_the_children_reading(nlp):
    _, doc = build(CASE, nlp)
    found = []
    for tok in doc:
        old = any(c.dep_ == "cop" and c.lemma_ == "être" and c.morph.get("Tense") == ["Pres"] for c in tok.children)
        assert present_copula(doc, tok.i) == old, tok.text
        found += [tok.i] if old else []
    assert found  # ("sont fréquentes", "c'est la grève")


def test_climb_to_is_the_head_climb(nlp):
    _, doc = build(CASE, nlp)
    for tok in doc:
        for top in (tok.sent.root, doc[max(tok.i - 2, 0)]):
            for steps in (0, 1, 12):
                old, cur = [], tok
                for _ in range(steps):
                    if cur.i == top.i or cur.head.i == cur.i:
                        break
                    cur = cur.head
                    old.append(cur.i)
                assert climb_to(doc, tok.i, top.i, steps) == old


def test_view_time_tokens_are_the_timed_tokens(nlp, lex):
    article, doc = build(CASE, nlp)
    view = ArticleView(lex, article, doc)
    assert view.time_tokens == {i for i, k in enumerate(view.tok_time) if k is not None} != set()


def test_parsed_text_is_the_joined_text(nlp, lex):
    article, doc = build(CASE, nlp)
    ArticleView(lex, article, doc)  # (hands the memo the article's text)
    assert parsed_text(doc) == _joined(doc) == doc.text


def test_members_read_off_the_columns(nlp, lex):
    article, doc = build(CASE, nlp)
    view = ArticleView(lex, article, doc)
    old = []
    for tok in doc:  # the Token reading the columns replaced (entity_actor left out: the same call)
        ent = view.tok_entity[tok.i]
        if tok.dep_ != "nmod" or ent is None or tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i > tok.i or case(tok) not in OF_PREPS or view.tok_entity[noun.i] is not None:
            continue
        if lemma(noun) not in RELATIVE_NOUNS and lemma(noun) not in WORKER_NOUNS and ent.type in ("ORG", "LOC"):
            old.append((noun.i, lemma(noun)))
    build_members(view)
    assert [(i, key) for i, key, _ in view.members] == old != []  # ("les experts de Valcor", not "les salariés")
    assert feat(doc[0], "Poss") == []  # (the analyses the walks read are the Token's)


def test_sentence_lemma_in_is_the_sentence_scan(nlp):
    _, doc = build(CASE, nlp)
    for words in (frozenset({"grève"}), frozenset({"alerte", "tir"}), frozenset({"jamais-vu"})):
        for tok in doc:
            assert sentence_lemma_in(tok, words) == any(lemma(t) in words for t in tok.sent), tok.text
    assert sentence_lemma_in(doc[0], frozenset({"unité"}))
