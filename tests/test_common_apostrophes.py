"""Look-alike apostrophes: the parse reads ’, the records keep the page's characters (invented text)."""

from __future__ import annotations

from veille.common.apostrophes import parse_copy, with_text
from veille.readers.base import RawDocument

MOD = "\u02bc"  # MODIFIER LETTER APOSTROPHE


def test_parse_copy_keeps_length_and_changes_only_apostrophes() -> None:
    text = f"Il dit qu{MOD}il viendra d{MOD}ici, aujourd{MOD}hui."
    copy = parse_copy(text)
    assert copy == "Il dit qu’il viendra d’ici, aujourd’hui."
    assert len(copy) == len(text)


def test_parse_copy_elision_marks_only_after_an_elided_word() -> None:
    assert parse_copy("la route d`Ostrava") == "la route d’Ostrava"
    assert parse_copy("J‘accepte") == "J’accepte"
    # an opening quote, a code sample, an accent on its own: left as written
    assert parse_copy("le ‘mot’ et `ls` puis a´b") == "le ‘mot’ et `ls` puis a´b"
    assert parse_copy("Le texte d’Ostrava") == "Le texte d’Ostrava"


def test_text_without_look_alikes_is_the_same_object() -> None:
    text = "Elle dit qu’il pleut."
    assert parse_copy(text) is text


def test_with_text_keeps_the_original_characters_and_the_copy_parse(nlp) -> None:
    text = f"Titre\n\nLa ministre Lina Verhoek a dit qu{MOD}elle visiterait l{MOD}usine de Tourlaville."
    parsed = nlp(parse_copy(text))
    doc = with_text(parsed, text)
    assert doc.text == text
    assert [t.idx for t in doc] == [t.idx for t in parsed]
    assert [(t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in doc] == \
        [(t.pos_, t.lemma_, t.dep_, t.head.i, t.is_sent_start) for t in parsed]
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in parsed.ents]
    que = next(t for t in doc if t.text == f"qu{MOD}")
    assert que.pos_ == "SCONJ"
    assert not any(MOD in e.text and len(e) == 1 for e in doc.ents)


def test_with_text_returns_the_doc_when_nothing_changed(nlp) -> None:
    doc = nlp("Rien à changer ici.")
    assert with_text(doc, doc.text) is doc


def test_pipeline_records_keep_the_page_apostrophe(pipeline) -> None:
    text = (f"Une usine ferme\n\nLa directrice Odile Marchetti a annoncé qu{MOD}elle fermerait l{MOD}usine "
            f"de Tourlaville. « C{MOD}est une décision difficile », a déclaré Odile Marchetti.")
    raw = RawDocument(origin="case", content=text.encode(), kind="text", text=text, path="case.txt")
    art = next(iter(pipeline.process([raw])))
    names = {e.name for e in art.entities}
    assert "Odile Marchetti" in names
    assert not any(MOD in n for n in names)
    assert any(MOD in q.text for q in art.quotes)


def test_a_page_written_with_the_modifier_letter_reads_as_one_written_with_the_apostrophe(pipeline) -> None:
    def records(mark: str) -> list:
        text = (f"Une école ferme\n\nLe maire Paul Vernet a déclaré qu{mark}il fermerait l{mark}école de Kerlin "
                f"en juin. La ministre Odile Brun a affirmé qu{mark}elle soutiendrait le projet.")
        raw = RawDocument(origin="case", content=text.encode(), kind="text", text=text, path="case.txt")
        art = next(iter(pipeline.process([raw])))
        return [sorted((e.name, e.type, e.spans) for e in art.entities),
                [(q.kind, q.text.replace(mark, "’"), q.speaker, q.start, q.end) for q in art.quotes],
                [(e.type, e.source, e.target) for e in art.events]]

    assert records(MOD) == records("’")
