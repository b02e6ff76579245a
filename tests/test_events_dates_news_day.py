"""veille.events.news_day.news_day_at: the day an article reports dates an undated present past its
lede only in a dateline dispatch; an undated perfect takes it anywhere (invented articles)."""

from __future__ import annotations

from events_support import add_entity
from veille.events import RECORDED_MODES, Coder
from veille.model import Article, Dateline, TimeExpr

LEDE = ("Le maire de Vernoux, Paul Morin, a annoncé mardi la fermeture du vieux dépôt de la ville, après "
        "plusieurs semaines de tensions entre les habitants du quartier et la société qui l'exploite "
        "depuis de longues années au bord de la rivière.")
PEOPLE = ["Paul Morin", "Léon Barrat"]


def _later_dates(nlp, lex, later: str, dateline: bool = False) -> list[tuple[str, str | None]]:
    """(type, date) of the events of the paragraph after the lede."""
    art = Article(id="news-day", paragraphs=[LEDE, later], published="2025-03-05")
    if dateline:
        art.dateline = Dateline(place="Vernoux", agency="AFP", text="VERNOUX (AFP) -")
    text = art.nlp_text()
    for name in PEOPLE:
        add_entity(art, text, name, "PER")
    start = text.find("mardi")
    art.times.append(TimeExpr(text="mardi", value="2025-03-04", start=start, end=start + len("mardi")))
    events = Coder(lex, art, nlp(text), modes=RECORDED_MODES).run()
    return [(e.type, e.date) for e in events if e.start is not None and e.start > text.find(later)]


def test_an_undated_present_past_the_lede_of_a_web_page_takes_no_day(nlp, lex):
    assert _later_dates(nlp, lex, "Léon Barrat dénonce la décision de Paul Morin.") == [("ACCUSE", None)]


def test_an_undated_perfect_past_the_lede_takes_the_reported_day(nlp, lex):
    later = "Léon Barrat a dénoncé la décision de Paul Morin."
    assert _later_dates(nlp, lex, later) == [("ACCUSE", "2025-03-04")]


def test_a_dateline_dispatch_dates_its_undated_present_by_the_day(nlp, lex):
    later = "Léon Barrat dénonce la décision de Paul Morin."
    assert _later_dates(nlp, lex, later, dateline=True) == [("ACCUSE", "2025-03-04")]
