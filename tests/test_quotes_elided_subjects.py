"""A clitic or an elided article is never a speaker, and the subject an indirect quote's speech verb
hangs on stands against a name from the context (``quotes/elided_subjects.py``,
``quotes/subject_stands.py``; issue 16). Invented sentences and people only."""

from __future__ import annotations

from types import SimpleNamespace

from test_quotes_speaker_rules import article_with_people
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.subject_stands import subject_gives_way
from veille.settings import Settings

PARAGRAPHS = [
    "Hélène Marchal dirige une association d'aide aux familles. « Nous manquons de bras », a-t-elle déclaré.",
    "Le maire, qui se dit « très inquiet », a indiqué s'être rendu sur place dès lundi.",
]


def _quotes(nlp, paragraphs: list[str], people: tuple[str, ...]):
    art = article_with_people("elided", paragraphs, people)
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return art.quotes


def test_reflexive_clitic_after_the_verb_is_no_subject(nlp):
    quotes = _quotes(nlp, PARAGRAPHS, ("Hélène Marchal",))
    assert quotes, "the quotes stage found nothing"
    for q in quotes:
        assert (q.speaker_text or "").strip().lower() not in ("s'", "se", "l'", "l’")
    inquiet = next(q for q in quotes if "inquiet" in q.text)
    assert inquiet.speaker_text == "Le maire"


def _cue(text: str | None):
    return SimpleNamespace(subj_text=text)


def _state(*entities: tuple[str, str]):
    mentions = [SimpleNamespace(entity=SimpleNamespace(name=n, type=t)) for n, t in entities]
    return SimpleNamespace(mentions=mentions)


def _quote(kind: str = "indirect"):
    return SimpleNamespace(kind=kind)


def test_subject_gives_way_only_when_it_needs_resolving():
    state = _state(("Paul Arnaud", "PER"), ("Comité des fêtes", "ORG"))
    rule = "main_verb_subject"
    assert subject_gives_way(state, _quote(), _cue(None), rule, "Paul Arnaud")
    assert subject_gives_way(state, _quote(), _cue("il"), rule, "Paul Arnaud")
    assert subject_gives_way(state, _quote(), _cue("le principal intéressé"), rule, "Paul Arnaud")
    assert subject_gives_way(state, _quote(), _cue("l'association"), rule, "Comité des fêtes")
    assert not subject_gives_way(state, _quote(), _cue("l'association"), rule, "Paul Arnaud")
    assert not subject_gives_way(state, _quote(), _cue("la Norvège"), rule, "Paul Arnaud")
    assert not subject_gives_way(state, _quote(), _cue("nous"), rule, "Comité des fêtes")
    assert not subject_gives_way(state, _quote(), _cue("un émissaire"), rule, "Paul Arnaud")
    # other rules and direct quotes are left to the scorer as before
    assert subject_gives_way(state, _quote("direct"), _cue("nous"), rule, "Paul Arnaud")
    assert subject_gives_way(state, _quote(), _cue("nous"), "pronoun_antecedent", "Paul Arnaud")
