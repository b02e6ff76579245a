"""veille.events.news_day: the day an article reports (its dateline, the day its lede names, else its
publication; none for a lede that opens on other times), which dates its undated news events."""

from __future__ import annotations

from veille.events.news_day import SHORT_LEDE_CHARS, lede_end, news_day, news_day_at, vague_time
from veille.events.view import ArticleView
from veille.model import Article, Dateline, TimeExpr

LONG_LEDE = ("Le conseil municipal de Porvic a voté mardi la fermeture de la piscine, au terme d'une séance "
             "tendue où les élus de l'opposition ont dénoncé un manque de concertation avec les associations "
             "sportives et les écoles de la commune.")
NEXT = "Le maire a défendu une décision rendue inévitable par le coût de l'énergie."


def _view(nlp, lex, paragraphs: list[str], published: str | None = "2025-03-06",
          times: list[tuple[str, str, str]] = (), dateline: Dateline | None = None) -> ArticleView:
    art = Article(id="nd", title="Porvic ferme sa piscine", paragraphs=list(paragraphs), published=published,
                  dateline=dateline)
    text = art.nlp_text()
    for words, value, kind in times:
        s = text.index(words)
        art.times.append(TimeExpr(text=words, value=value, start=s, end=s + len(words), type=kind))
    return ArticleView(lex, art, nlp(text))


def test_lede_end_reads_a_short_lede_with_the_next_paragraph() -> None:
    assert len(LONG_LEDE) >= SHORT_LEDE_CHARS
    art = Article(id="a", title="Titre", paragraphs=[LONG_LEDE, NEXT])
    assert art.nlp_text()[art.body_start():lede_end(art)] == LONG_LEDE
    short = Article(id="b", title="Titre", paragraphs=["Porvic ferme sa piscine.", NEXT, "Un troisième."])
    assert short.nlp_text()[short.body_start():lede_end(short)] == "Porvic ferme sa piscine.\n\n" + NEXT


def test_the_day_the_lede_names(nlp, lex) -> None:
    view = _view(nlp, lex, [LONG_LEDE, NEXT], times=[("mardi", "2025-03-04", "DATE")])
    assert news_day(view) == "2025-03-04"
    past_lede = view.article.nlp_text().index(NEXT)
    assert news_day_at(view, past_lede, perfect=True) == "2025-03-04"
    assert news_day_at(view, past_lede, perfect=False) is None  # a present past the lede is no act of the day
    assert news_day_at(view, view.article.body_start() + 3, perfect=False) == "2025-03-04"


def test_publication_day_dateline_and_look_backs(nlp, lex) -> None:
    assert news_day(_view(nlp, lex, [LONG_LEDE, NEXT])) == "2025-03-06"  # no time: the publication's day
    old = _view(nlp, lex, ["En 1998, Porvic avait déjà fermé sa piscine pendant un hiver entier. " + LONG_LEDE],
                times=[("1998", "1998", "DATE")])
    assert news_day(old) is None  # a look back has no day of its own
    far = _view(nlp, lex, [LONG_LEDE], times=[("mardi", "2025-01-14", "DATE")])
    assert news_day(far) is None  # a day weeks before the publication is no news of it
    wired = _view(nlp, lex, [LONG_LEDE, NEXT], dateline=Dateline(place="PORVIC", date="2025-03-05", agency="AFP"))
    assert news_day(wired) == "2025-03-05"
    assert news_day_at(wired, wired.article.nlp_text().index(NEXT), perfect=False) == "2025-03-05"
    assert news_day(_view(nlp, lex, [LONG_LEDE], published=None)) is None


def test_vague_time_in_a_clause(nlp, lex) -> None:
    text = "Récemment, la mairie a fermé la piscine. Le maire a démissionné le 4 mars."
    view = _view(nlp, lex, [text], times=[("Récemment", "PAST_REF", "DATE"), ("le 4 mars", "2025-03-04", "DATE")])
    start = view.article.body_start()
    first = set(view.tokens_in(start, start + text.index(".")))
    second = set(view.tokens_in(start + text.index("Le maire"), start + len(text)))
    assert vague_time(view, first) is True
    assert vague_time(view, second) is False
