"""The events stage's early stops give what the work they skip gives (invented sentences and people):
``trigger_objects._dependents_pass`` against the union of the dependents' words it replaced,
``verb_forms.has_adjective_entry`` against ``adjective_entries``, and the clause climb of
``habitual._time_clause_verb`` over the columns against the same climb over Tokens."""

from __future__ import annotations

from events_support import build
from veille.events.habitual import _CLAUSE_EDGES, HABIT_MARKS, _time_clause_verb
from veille.events.trigger_objects import _dependents_pass, _hung_complements, _subtree_lemmas, objects
from veille.events.verb_forms import adjective_entries, has_adjective_entry
from veille.events.words import doc_lemmas, doc_lowers

CASE = {
    "text": "Le syndicat Forge a qualifié de « vol » la réforme de la ministre Lina Varga, qui s'est dite "
            "favorable à une conférence de presse. Lorsqu'un patron maltraite le personnel, le syndicat "
            "proteste. Quand la police est arrivée, les manifestants inquiets ont appelé au calme et "
            "la maire Ana Ruiz a réitéré son appel à une réforme.",
    "entities": [["Forge", "ORG"], ["Lina Varga", "PER"], ["Ana Ruiz", "PER"]],
}


def _union_pass(trig, tok, objs) -> bool:
    """The test ``object_ok`` made before: the union of every dependent's words, then ``except=`` and ``any=``."""
    words: set[str] = set()
    for c in [*(k.i for k in tok.children), *(o.i for o in objs), *(h.i for h in _hung_complements(trig, tok))]:
        words |= _subtree_lemmas(tok.doc, c)
    if words & trig.unless:
        return False
    return not (trig.any and not words & trig.any)


def _entries(lex) -> list:
    out = []
    for table in (lex.verbs, lex.nouns, lex.adjs, lex.phrases):
        for trigs in table.values():
            out += [t for t in trigs if t.any or t.unless]
    return out


def test_dependents_pass_is_the_union_test(nlp, lex):
    _, doc = build(CASE, nlp)
    entries = _entries(lex)
    assert any(t.unless for t in entries) and any(t.any and not t.unless for t in entries)
    checked = 0
    for tok in doc:
        objs = objects(tok)
        for trig in entries:
            assert _dependents_pass(trig, tok, objs) == _union_pass(trig, tok, objs), (tok.text, trig.entry)
            checked += 1
    assert checked


def test_no_adjective_entry_means_no_adjective_reading(nlp, lex):
    _, doc = build(CASE, nlp)
    lemmas, lowers = doc_lemmas(doc), doc_lowers(doc)
    flags = [has_adjective_entry(lex, lemmas[i], lowers[i]) for i in range(len(doc))]
    assert any(flags) and not all(flags)
    for tok, flag in zip(doc, flags, strict=True):
        assert flag == bool(adjective_entries(_View(lex), tok, lemmas[tok.i])), tok.text


class _View:
    def __init__(self, lex) -> None:
        self.lex = lex


def _token_climb(head):
    """``_time_clause_verb`` as it read Tokens before."""
    tok = head
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in HABIT_MARKS for c in tok.children):
            return tok
        if tok.dep_ == "acl" and any(c.dep_ == "case" and c.lower_ in HABIT_MARKS for c in tok.head.children):
            return tok
        if tok.dep_ in _CLAUSE_EDGES or tok.head.i == tok.i or (tok is not head and tok.dep_ == "advcl"):
            return None
        tok = tok.head
    return None


def test_time_clause_climb_over_the_columns(nlp):
    _, doc = build(CASE, nlp)
    found = 0
    for tok in doc:
        want, got = _token_climb(tok), _time_clause_verb(tok)
        assert (None if want is None else want.i) == (None if got is None else got.i), tok.text
        found += want is not None
    assert found  # (the text has a clause of time)
