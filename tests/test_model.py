from veille.model import Article, Entity, Event, Quantity, article_id


def test_article_id_is_stable_and_content_based():
    assert article_id(b"abc") == article_id(b"abc")
    assert article_id(b"abc") != article_id(b"abd")
    assert len(article_id(b"x")) == 16


def test_nlp_text_segments_cover_title_and_paragraphs():
    a = Article(id="x", title="Titre", paragraphs=["Un.", "Deux trois."])
    text = a.nlp_text()
    for kind, idx, start, end in a.segments():
        expected = a.title if kind == "title" else a.paragraphs[idx]
        assert text[start:end] == expected
    assert text[a.body_start():].startswith("Un.")


def test_record_round_trip_keeps_schema_fields():
    a = Article(id="x", title="T", paragraphs=["p"], entities=[Entity("OTAN", "ORG", ["l'OTAN"])],
                events=[Event("AID", source="France", quantities=[Quantity("3 chars", 3, "chars")])])
    a.raw_text = "secret"
    d = a.to_dict()
    assert "raw_text" not in d and "hints" not in d
    for key in ("id", "source", "title", "published", "published_from", "dateline", "language", "paragraphs",
                "boilerplate", "foreign", "entities", "quotes", "times", "quantities", "events"):
        assert key in d
    back = Article.from_dict(d)
    assert back.to_dict() == d
    assert back.events[0].quantities[0].value == 3
