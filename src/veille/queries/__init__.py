"""The one read layer over a Veille store, shared by the command line and the web.

One function per question (search, one article, entities, quotes, events, aid, stories,
timeline, stats, duplicates…). Each takes an open ``sqlite3.Connection`` whose rows are
``sqlite3.Row`` (``Store.conn`` or the web's read connection) and typed filter arguments, and
returns plain dicts and lists: the JSON API serialises them, the pages and ``veille`` commands
print them. What a filter means is decided here, once:

- a name filter (a quote's speaker, an event's actor, an aid donor or recipient, a part of an
  entity name, words of a quote) is a substring of the stored name or text, ignoring case,
  accents and spacing (:meth:`veille.queries.sql.Where.contains`, :func:`veille.common.fold.search_key`);
- a date filter (``since``, ``date_from``) is an ISO date or prefix compared with the stored
  date (an event's own date, else its article's);
- money in an aid event is a quantity whose unit is a code of ``lexicons/currencies.tsv``
  (:func:`veille.queries.events.is_money`).
"""

from __future__ import annotations

from veille.queries.articles import (
    HL_CLOSE,
    HL_OPEN,
    ArticleFilters,
    article_brief,
    article_facets,
    article_where,
    fts_query,
    get_article,
    get_record,
    iter_articles,
    list_articles,
    overview,
    search,
    stats,
)
from veille.queries.entities import (
    ROLE_LABELS,
    corpus_entities,
    entity_detail,
    find_corpus_entity,
    kb_roles,
    list_entities,
)
from veille.queries.events import aid_rows, aid_totals, currency_codes, event_rows, is_money, list_events
from veille.queries.quotes import list_quotes
from veille.queries.sql import Where, like_escape, tables, values_containing
from veille.queries.stories import duplicates, list_stories, related, story_detail, story_label
from veille.queries.timeline import timeline

__all__ = [
    "HL_CLOSE", "HL_OPEN", "ROLE_LABELS", "ArticleFilters", "Where", "aid_rows", "aid_totals", "article_brief",
    "article_facets", "article_where", "corpus_entities", "currency_codes", "duplicates", "entity_detail",
    "event_rows", "find_corpus_entity", "fts_query", "get_article", "get_record", "is_money",
    "iter_articles", "kb_roles", "like_escape", "list_articles", "list_entities", "list_events",
    "list_quotes", "list_stories", "overview", "related", "search", "stats",
    "story_detail", "story_label", "tables", "timeline", "values_containing",
]
