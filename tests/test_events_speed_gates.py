"""The events stage's word gates and per-sentence answers give what the work they skip gives
(invented sentences and people): ``actors._may_take_up`` before ``post_actors.taken_up``,
``triggers._phrase_openers`` against ``walks.phrase_candidates``, and ``surely_eventful`` asked
twice of a sentence."""

from __future__ import annotations

from events_support import build
from veille.events import Coder
from veille.events.actors import _may_take_up
from veille.events.model import load_model
from veille.events.model.any_bound import _surely_eventful, surely_eventful
from veille.events.post_actors import taken_up
from veille.events.trigger_slots import MAX_PHRASE_GAPS, lemma_slip, participle_infinitive
from veille.events.triggers import _phrase_openers
from veille.events.walks import phrase_candidates
from veille.events.words import doc_lemmas, doc_lowers, lemma

CASE = {
    "text": "Le syndicat des machinistes (IAM) a rejeté l'offre de la direction. Le syndicat a aussi "
            "appelé à la grève. Le ministre Paul Grimaud a tiré la sonnette d'alarme, et le ministre "
            "a porté plainte contre les experts du comité Valdor. Les experts ont lancé un appel "
            "téléphonique au gouvernement.",
    "entities": [["IAM", "ORG"], ["Paul Grimaud", "PER"], ["Valdor", "ORG"]],
}


def test_may_take_up_is_false_only_where_taken_up_finds_nobody(nlp, lex):
    art, doc = build(CASE, nlp)
    view = Coder(lex, art, doc).view  # (the actor state prepared: titles, members, subjects)
    nouns = [tok for tok in doc if tok.pos_ in ("NOUN", "PROPN")]
    gated = [tok for tok in nouns if not _may_take_up(view, lemma(tok))]
    assert gated and len(gated) < len(nouns)  # (the gate does skip some nouns, and not all)
    for tok in gated:
        assert taken_up(view, tok) is None, tok.text
    assert any(taken_up(view, tok) is not None for tok in nouns)


def test_phrase_openers_give_the_phrase_candidates(nlp, lex):
    art, doc = build(CASE, nlp)
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    memo: dict = {}
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            slip, lem_slip, listed, seconds = _phrase_openers(lex.phrases, memo, (lemmas[i], lowers[i]))
            assert (slip, lem_slip) == (participle_infinitive(lowers[i]), lemma_slip(lemmas[i]))
            want = phrase_candidates(lex.phrases, (lemmas[i], lowers[i], slip or "", lem_slip or ""), i,
                                     sent.end, lemmas, lowers, MAX_PHRASE_GAPS)
            near = {*lemmas[i + 1:min(i + 2 + MAX_PHRASE_GAPS, sent.end)],
                    *lowers[i + 1:min(i + 2 + MAX_PHRASE_GAPS, sent.end)]}
            got = [t for t in listed if len(t.words) < 2 or t.words[1] in near]
            assert got == want
            if seconds is not None and seconds.isdisjoint(near):
                assert not want  # (a skipped slot has no candidate)


def test_surely_eventful_once_per_sentence(nlp):
    model = load_model()
    if model is None:
        return
    doc = nlp("Le ministre Paul Grimaud a rencontré mardi son homologue à Port-Lune. Il fait beau. "
              "Les rebelles ont bombardé la ville de Montvert et tué trois civils.")
    for sent in doc.sents:
        want = _surely_eventful(model, sent)
        assert surely_eventful(model, sent) == want
        assert surely_eventful(model, sent) == want  # (the second answer read off the Doc's cache)
