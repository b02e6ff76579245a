"""Veille as a watch: sources followed over time (``veille sources``, ``veille watch``).

``schema`` declares the tables (through the store's hook mechanism) and reads and writes sources;
``urls`` normalises article URLs so each is fetched once; ``discover`` lists the article URLs a
feed, a sitemap or a listing page gives; ``fetch`` is the polite HTTP client (robots.txt, one
request at a time per host, conditional GET, retries); ``rounds`` runs one polling round.
"""
