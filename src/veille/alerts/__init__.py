"""Alerts: saved searches that fire once per new matching article (``veille alerts``).

``query`` reads and writes a saved search (the search page's filters plus a speaker); ``schema``
declares the tables and, as an ingest hook, records each new article that matches an alert inside
the article's own transaction; ``deliver`` posts the pending matches to webhooks and by mail;
``atom`` writes an alert's Atom feed.
"""
