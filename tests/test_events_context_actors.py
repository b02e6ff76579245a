"""veille.events.context_actors: the page's topic and the paragraph's main actor offered to the actor
ranker as candidates from outside the sentence (invented sentences and names)."""

from __future__ import annotations

from events_support import add_entity, ranker_records
from veille.events import ranker as ranker_module
from veille.events.context_actors import context_actors
from veille.events.view import ArticleView
from veille.model import Article

FIRST = ("Lina Sorel dirige le collectif Aube depuis trois ans. Lina Sorel a porté plainte en mai. "
         "Marc Dubois a répondu par un communiqué.")
SECOND = ("Le comité Verdane a publié un rapport. Le comité Verdane a aussi reçu Lina Sorel. "
          "Les menaces ont repris la semaine dernière.")


def _article(paragraphs: list[str], names: list[tuple[str, str]], nlp) -> tuple[Article, object]:
    art = Article(id="ctx", paragraphs=paragraphs)
    text = art.nlp_text()
    for name, etype in names:
        add_entity(art, text, name, etype)
    return art, nlp(text)


def _last_sentence(doc):
    return list(doc.sents)[-1]


def test_the_topic_is_the_actor_named_most_and_the_paragraph_actor_the_one_named_twice_before(nlp, lex):
    art, doc = _article([FIRST, SECOND], [("Lina Sorel", "PER"), ("Marc Dubois", "PER"),
                                          ("comité Verdane", "ORG")], nlp)
    view = ArticleView(lex, art, doc)
    found = dict((kind, actor.name) for kind, actor in context_actors(view, _last_sentence(doc)))
    assert found == {"topic": "Lina Sorel", "paragraph": "comité Verdane"}


def test_no_topic_when_two_actors_are_named_alike_and_no_paragraph_actor_named_once(nlp, lex):
    text = ("Lina Sorel a reçu Marc Dubois. Lina Sorel et Marc Dubois ont parlé. Lina Sorel a salué "
            "Marc Dubois. Les menaces ont repris.")
    art, doc = _article([text], [("Lina Sorel", "PER"), ("Marc Dubois", "PER")], nlp)
    view = ArticleView(lex, art, doc)
    kinds = [kind for kind, _ in context_actors(view, _last_sentence(doc))]
    assert "topic" not in kinds  # three mentions each: no single topic
    assert "paragraph" in kinds  # each named three times before the sentence in its paragraph


def test_recorded_rows_hold_context_candidates_without_path_features(nlp, lex):
    art, doc = _article([FIRST, SECOND], [("Lina Sorel", "PER"), ("Marc Dubois", "PER"),
                                          ("comité Verdane", "ORG")], nlp)
    record = ranker_records(lex, art, doc)
    rows = [row for rec in record for row in rec["rows"] if "kind=topic" in row or "kind=paragraph" in row]
    assert rows, "the coder's candidates are offered the page's topic"
    for row in rows:
        assert any(f.startswith("ctx=") for f in row)
        assert not any(f.startswith(("path=", "last=", "up=", "down=", "side=")) for f in row)


def test_a_ranker_trained_without_context_is_offered_none(nlp, lex):
    art, doc = _article([FIRST, SECOND], [("Lina Sorel", "PER"), ("comité Verdane", "ORG")], nlp)
    view = ArticleView(lex, art, doc)
    sent = _last_sentence(doc)
    head = next(t for t in sent if t.pos_ in ("VERB", "NOUN"))
    from veille.events.lexicon import Trigger
    from veille.events.roles import Roles
    from veille.events.triggers import Candidate

    cand = Candidate(trigger=Trigger("THREATEN", "noun", ("menace",)), head=head.i, tokens=[head.i], sent=0,
                     title=False)
    roles = Roles(view=view, cand=cand, head=head)
    plain, _ = ranker_module.candidate_rows(view, roles, head, context=False)
    widened, _ = ranker_module.candidate_rows(view, roles, head, context=True)
    assert not any(m.kind in ("topic", "paragraph") for m in plain)
    assert [m.kind for m in widened if m.kind in ("topic", "paragraph")] == ["topic", "paragraph"]
