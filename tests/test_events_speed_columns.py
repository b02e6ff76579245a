"""The events stage's column readings give what the Token readings they replaced gave (invented
sentences and people): ``walks.has_child``, ``children_with`` and ``first_child`` against
``Token.children``, ``date_frames.past_infinitive`` and ``framed_times`` against their Token forms,
``words.feat`` against ``Token.morph.get``, an event's sentence by offset against ``char_span``."""

from __future__ import annotations

from events_support import build
from veille.common.docarrays import sentence_starts
from veille.events.date_frames import AUXILIARIES, PARTICIPLE_DEPS, TIME_DEPS, framed_times, past_infinitive
from veille.events.time_attachment import frame_prep
from veille.events.view import ArticleView, case
from veille.events.walks import children_with, first_child, has_child
from veille.events.words import SUBJ, feat

CASE = {
    "text": "Le syndicat Forge a été reconnu coupable lundi d'avoir menacé la ministre Lina Varga. "
            "Dans un rapport publié en 2021, l'association Terre Vive dénonçait les violences, "
            "et la maire Ana Ruiz, qui n'a pas été invitée, s'est dite inquiète après avoir été "
            "arrêtée mardi. Ni Paul Durand ni Léa Tamar n'ont critiqué la décision.",
    "entities": [["Forge", "ORG"], ["Lina Varga", "PER"], ["Terre Vive", "ORG"], ["Ana Ruiz", "PER"],
                 ["Paul Durand", "PER"], ["Léa Tamar", "PER"]],
}

LABELS = (SUBJ, ("obj",), ("det",), ("aux:tense", "aux:pass"), ("nmod", "amod", "appos", "flat:name"), ("cop",))


def test_child_helpers_match_token_children(nlp):
    _, doc = build(CASE, nlp)
    for tok in doc:
        for labels in LABELS:
            kept = [c for c in tok.children if c.dep_ in labels]
            assert has_child(tok, labels) == bool(kept)
            assert [c.i for c in children_with(tok, labels)] == [c.i for c in kept]
            first = first_child(tok, labels)
            assert (first.i if first is not None else None) == (kept[0].i if kept else None)


def _past_infinitive_tokens(head):
    """``past_infinitive`` as it read the Tokens."""
    if "Part" in head.morph.get("VerbForm") and any(
            c.dep_ == "aux:tense" and "Inf" in c.morph.get("VerbForm") for c in head.children):
        return head
    aux = head.head
    if aux.i < head.i <= aux.i + 2 and aux.lemma_ in AUXILIARIES and "Inf" in aux.morph.get("VerbForm"):
        return aux
    return None


def _framed_times_tokens(view, path):
    found = []
    for i in sorted(path):
        for noun in view.doc[i].children:
            if noun.pos_ != "NOUN" or not frame_prep(case(noun)):
                continue
            for part in noun.children:
                if part.dep_ not in PARTICIPLE_DEPS or "Part" not in part.morph.get("VerbForm"):
                    continue
                found += [a.i for a in part.children if a.dep_ in TIME_DEPS and view.tok_time[a.i] is not None]
    return found


def test_date_frames_match_token_readings(nlp, lex):
    article, doc = build(CASE, nlp)
    view = ArticleView(lex, article, doc)
    view.tok_time = [0 if t.like_num or t.lower_ in ("lundi", "mardi") else None for t in doc]
    acts = [past_infinitive(t) for t in doc]
    assert any(a is not None for a in acts)
    for tok, act in zip(doc, acts, strict=True):
        old = _past_infinitive_tokens(tok)
        assert (act.i if act is not None else None) == (old.i if old is not None else None), tok.text
        path = {tok.i, tok.head.i}
        assert framed_times(view, path) == _framed_times_tokens(view, path), tok.text
    everywhere = set(range(len(doc)))
    assert framed_times(view, everywhere) == _framed_times_tokens(view, everywhere) != []  # ("publié en 2021")


def test_feat_is_morph_get(nlp):
    _, doc = build(CASE, nlp)
    for tok in doc:
        for field in ("Number", "PronType", "Person", "Poss", "VerbForm", "Tense"):
            assert feat(tok, field) == tok.morph.get(field), (tok.text, field)


def test_sentence_by_offset_is_char_span(nlp):
    _, doc = build(CASE, nlp)
    starts = sentence_starts(doc)
    for tok in doc:
        span = doc.char_span(tok.idx, tok.idx + len(tok.text), alignment_mode="expand")
        assert starts[tok.i] == span[0].sent.start
