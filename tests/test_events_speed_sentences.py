"""The events stage's per-sentence shortcuts give what the work they skip gave (invented sentences
and people): ``memo.sentence_holds`` against a scan of the sentence, the drop rules it gates
against the same rules on a sentence holding the cue, ``clause_region`` remembered against a fresh
walk, ``ArticleView.token_at`` against ``char_span``, ``roles.undergoer`` against its Token reading."""

from __future__ import annotations

from events_support import build
from veille.events.argument_words import UNDERGO_NOUNS, UNDERGO_VERBS
from veille.events.clauses import _clause_region, clause_region, clause_top
from veille.events.habitual import HABIT_MARKS, _time_clause_verb
from veille.events.memo import sentence_holds
from veille.events.roles import undergoer
from veille.events.view import ArticleView, case
from veille.events.words import OF_PREPS, SUBJ, doc_lemmas, lemma

CASE = {
    "text": "Chaque soir, les riverains du quartier Montvert se plaignent souvent du bruit. "
            "Lorsqu'un patron maltraite le personnel, le syndicat Forge proteste. "
            "La ministre Lina Varga a été victime d'une agression mardi, puis Paul Durand a subi une attaque. "
            "46 % des électeurs soutiennent le maire Ana Ruiz, qui a fait l'objet de sanctions.",
    "entities": [["Montvert", "LOC"], ["Forge", "ORG"], ["Lina Varga", "PER"], ["Paul Durand", "PER"],
                 ["Ana Ruiz", "PER"]],
}


def test_sentence_holds_is_a_scan_of_the_sentence(nlp, lex):
    _, doc = build(CASE, nlp)
    lemmas, lowers = doc_lemmas(doc), [t.lower_ for t in doc]
    cue = lex.cue("habitual")
    for sent in doc.sents:
        words = {t.i for t in sent}
        for i in words:
            assert sentence_holds(doc, i, "habitual", cue, (lemmas,)) == any(lemmas[k] in cue for k in words)
            assert sentence_holds(doc, i, "habit_mark", HABIT_MARKS, (lowers,)) == any(
                lowers[k] in HABIT_MARKS for k in words)
    assert sentence_holds(doc, 0, "habitual", cue, (lemmas,))  # ("chaque", "souvent")
    other = frozenset({"jamais-dit"})  # another lexicon's words under the same name: asked again
    assert not sentence_holds(doc, 0, "habitual", other, (lemmas,))


def test_gated_climbs_find_nothing_where_the_sentence_has_no_cue(nlp):
    # The gate answers False only where no cue word is in the sentence: the climb it skips would
    # have found none either (every word the climb reads is in the trigger's sentence).
    _, doc = build(CASE, nlp)
    found = [t.i for t in doc if _time_clause_verb(t) is not None]
    assert found  # ("lorsqu'un patron maltraite")
    lowers = [t.lower_ for t in doc]
    for i in found:
        sent = doc[i].sent
        assert any(lowers[k] in HABIT_MARKS for k in range(sent.start, sent.end))


def test_clause_region_remembered_is_the_walk(nlp):
    _, doc = build(CASE, nlp)
    for tok in doc:
        top = clause_top(tok)
        first = clause_region(top, tok)
        assert first == frozenset(_clause_region(doc, top.i, tok.i))
        assert clause_region(top, tok) is first  # (the second ask reads the memo)


def test_token_at_is_char_span(nlp, lex):
    article, doc = build(CASE, nlp)
    view = ArticleView(lex, article, doc)
    for tok in doc:
        for end in (tok.idx + len(tok.text), None, tok.idx):
            span = doc.char_span(tok.idx, max(end or tok.idx + 1, tok.idx + 1), alignment_mode="expand")
            assert view.token_at(tok.idx, end) == span[0].i


def _undergoer_tokens(noun):
    """``roles.undergoer`` as it read the Tokens."""
    frame = None
    head = noun.head
    if noun.dep_ in ("nmod", "obl", "obl:arg") and case(noun) in OF_PREPS and head.i != noun.i:
        if lemma(head) in UNDERGO_NOUNS:
            frame = head
        elif head.pos_ == "VERB" and any(c.dep_ == "obj" and lemma(c) in UNDERGO_NOUNS for c in head.children):
            frame = head
    elif noun.dep_ == "obj" and lemma(head) in UNDERGO_VERBS:
        frame = head
    if frame is None:
        for c in noun.children:
            if c.dep_ == "acl:relcl" and (lemma(c) in UNDERGO_NOUNS | UNDERGO_VERBS):
                frame = c
    if frame is None:
        return None
    subjects = [c for c in frame.children if c.dep_ in SUBJ]
    return subjects[0] if subjects else None


def test_undergoer_matches_token_reading(nlp):
    _, doc = build(CASE, nlp)
    answers = [undergoer(t) for t in doc]
    assert any(a is not None for a in answers)  # ("victime d'une agression", "a subi une attaque")
    for tok, got in zip(doc, answers, strict=True):
        old = _undergoer_tokens(tok)
        assert (got.i if got is not None else None) == (old.i if old is not None else None), tok.text
