"""veille.events.lexicon: the trigger, mode and actor lexicons read into one Lexicon, plus the KB's."""

from __future__ import annotations

import json

from veille.events import extend_with_kb, load_lexicon


def test_trigger_entry_names_its_lexicon_line(lex):
    assert "verb:se réunir" in {t.entry for t in lex.verbs["réunir"]}
    assert all(t.entry.startswith("phrase:") for ts in lex.phrases.values() for t in ts)


def test_target_prepositions_object_targets_and_cues(lex):
    assert "à" in lex.target_preps["AID"]
    assert "CONSULT" in lex.object_target_types and "AID" not in lex.object_target_types
    assert "promettre" in lex.cue("intent") and lex.cue("no such kind") == set()


def test_demonym_plurals_are_derived(lex):
    assert lex.demonyms["ukrainiens"] == lex.demonyms["ukrainien"] == "Ukraine"


def test_kb_adds_demonyms_and_capitals_but_the_lexicon_wins(tmp_path):
    from veille.kb import build_kb

    entries = [
        {"id": "country:ZQ", "name": "Zorlandie", "type": "LOC", "kind": "country", "iso2": "ZQ",
         "demonyms": ["zorlandais", "russe"], "capital": "place:zorburg", "source": "test"},
        {"id": "place:zorburg", "name": "Zorburg", "type": "LOC", "capital_of": "ZQ", "country": "ZQ",
         "source": "test"},
    ]
    path = tmp_path / "kb.jsonl"
    path.write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries), encoding="utf-8")
    lex = load_lexicon()
    assert "zorlandais" not in lex.demonyms
    extend_with_kb(lex, build_kb([path]))
    assert lex.demonyms["zorlandais"] == "Zorlandie"
    assert lex.demonyms["russe"] == "Russie"  # the lexicon's own entry is kept
    assert lex.capitals["zorburg"] == "Zorlandie"
    assert "Zorlandie" in lex.countries
