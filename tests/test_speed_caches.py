"""The speed caches give the answers of the code they replaced (helper perf13): invented texts only."""

from __future__ import annotations

import random
import re
from itertools import accumulate
from types import SimpleNamespace

import spacy

from veille.common.docarrays import child_indices, head_indices, token_strings
from veille.common.regexscan import with_first_chars
from veille.common.timespans import find_matches
from veille.entities.columns import clause_columns
from veille.events.slot_cache import word_flags
from veille.times.gate_cache import GateMemo


def test_gate_memo_says_what_the_set_of_present_strings_said() -> None:
    rng = random.Random(13)
    alphabet = "abcdé '"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        gates = [frozenset("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
                           for _ in range(rng.randint(1, 4))) for _ in range(6)]
        every = frozenset().union(*gates)
        present = {g for g in every if g in text}
        memo = GateMemo(text)
        assert [memo.holds_one(g) for g in gates] == [not g.isdisjoint(present) for g in gates]


def test_word_flags_keep_each_answer_and_give_the_list_comprehension() -> None:
    lex = SimpleNamespace(memo={}, phrases={"tirer": 1, "unir": 1, "lancer": 1})

    def slip(w: str) -> str | None:
        return w + "r" if w.endswith("e") else None

    def opens(w: str) -> int:
        return 1 if w in lex.phrases or slip(w) in lex.phrases else 0

    words = ["tire", "lance", "unir", "chat", "le", "tire"]
    assert word_flags(lex, words, "t", opens) == [opens(w) for w in words] == [1, 1, 1, 0, 0, 1]
    assert lex.memo["t"]["chat"] == 0
    assert word_flags(lex, ["tire", "autre"], "t", opens) == [1, 0]  # ("tire" read from the memo)


def _clauses_by_token(doc, is_bound, foreign, french):
    """The token-by-token computation ``MentionFinder.foreign_clause`` did before ``columns.py``."""
    strings = doc.vocab.strings
    cols = doc.to_array(["ORTH", "LOWER"]).tolist() if len(doc) else []
    bounds = [is_bound(strings[o]) for o, _ in cols]
    lowers = [strings[low] for _, low in cols]
    fo = list(accumulate((w in foreign for w in lowers), initial=0))
    fr = list(accumulate((w in french for w in lowers), initial=0))
    last, before = -1, []
    for k, b in enumerate(bounds):
        before.append(last)
        if b:
            last = k
    nxt, after = len(cols), [0] * len(cols)
    for k in range(len(cols) - 1, -1, -1):
        after[k] = nxt
        if bounds[k]:
            nxt = k
    return bounds, fo, fr, before, after


def test_clause_columns_equal_the_token_by_token_lists() -> None:
    nlp = spacy.blank("fr")
    foreign, french = frozenset({"the", "and", "of"}), frozenset({"le", "la", "et", "de"})

    def is_bound(w: str) -> bool:
        return w in ("«", "»", ".", "!", "?") or "\n" in w

    for text in ["Léa Varin dit : « The end of the road and more » . Puis elle part.\n\nLe soir, la ville dort !",
                 "", "Un seul mot", "« » . !"]:
        doc = nlp(text)
        assert clause_columns(doc, is_bound, foreign, french) == _clauses_by_token(doc, is_bound, foreign, french)


def test_docarrays_accessors_answer_from_the_cache() -> None:
    doc = spacy.blank("fr")("Le chat de Léa dort.")
    assert token_strings(doc, spacy.attrs.ORTH) is token_strings(doc, spacy.attrs.ORTH)
    assert head_indices(doc) is head_indices(doc) and child_indices(doc) is child_indices(doc)


def test_calendar_scans_behind_the_look_ahead_find_the_same_dates() -> None:
    text = "Le 3 mars 2021, Léa Varin est partie ; en MAI dernier, puis lundi soir et hier, elle est revenue."
    assert [(m.kind, m.text) for m in find_matches(text)] == [
        ("date", "Le 3 mars 2021"), ("month", "en MAI dernier"), ("weekday", "lundi soir"), ("rel_day", "hier")]
    rx = re.compile(r"(?<![\w-])(?:mai|mars)\b", re.I)
    fast = with_first_chars(rx)
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_word_flags_test_each_word_once() -> None:
    lex = SimpleNamespace(memo={})
    tested: list[str] = []

    def ends_er(w: str) -> int:
        tested.append(w)
        return 2 if w.endswith("er") else 0

    assert word_flags(lex, ["lancer", "chat", "lancer"], "k", ends_er) == [2, 0, 2]
    assert word_flags(lex, ["chat", "porter", "lancer"], "k", ends_er) == [0, 2, 2]
    assert word_flags(lex, ["chat", "lancer"], "k", ends_er) == [0, 2]  # (all known: no test)
    assert sorted(tested) == ["chat", "lancer", "porter"]  # (each word tested once)
    assert lex.memo["k"] == {"lancer": 2, "chat": 0, "porter": 2}


def test_word_lists_kept_across_articles_give_each_words_answer(monkeypatch) -> None:
    from veille.events import words as event_words

    monkeypatch.setattr(event_words, "_WORD_MEMOS", {})
    monkeypatch.setattr(event_words, "_WORD_MEMO_LIMIT", 4)  # (cleared when full: the answers stay right)
    rng = random.Random(16)
    for _ in range(50):
        texts = [rng.choice(["Lina", "L’État", "ÉTÉ", "ou", "Où", "a", "A"]) for _ in range(rng.randint(0, 8))]
        assert event_words._each(str.lower, texts) == [t.lower() for t in texts]


def test_sentence_spans_and_heads_as_spacy_gives_them() -> None:
    from veille.common.docarrays import sentence_spans, sentence_starts

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    doc = nlp("Lina Varga part demain. Elle revient lundi ! Puis rien.")
    assert [(s.start, s.end) for s in sentence_spans(doc)] == [(s.start, s.end) for s in doc.sents]
    assert sentence_starts(doc) == [t.sent.start for t in doc]
    assert head_indices(doc) == [t.head.i for t in doc]
