"""An alert's Atom feed (RFC 4287): one entry per matching article, newest first."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr


def alert_feed(alert: dict[str, Any], matches: list[dict[str, Any]], base_url: str) -> str:
    feed_url = f"{base_url}/alertes/{alert['id']}.atom"
    page_url = f"{base_url}/alertes/{alert['id']}"
    updated = max((m["matched_at"] for m in matches), default=alert["created_at"])
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<id>{escape(feed_url)}</id>", f"<title>{escape('Veille — ' + str(alert['name']))}</title>",
           f"<updated>{escape(updated)}</updated>", f"<link rel=\"self\" href={quoteattr(feed_url)}/>",
           f"<link rel=\"alternate\" href={quoteattr(page_url)}/>",
           "<author><name>Veille</name></author>"]
    for m in matches:
        link = f"{base_url}/articles/{m['article_id']}"
        summary = " · ".join(str(x) for x in (m.get("site"), m.get("published"), m.get("url")) if x)
        out += ["<entry>", f"<id>{escape(link)}</id>", f"<title>{escape(m.get('title') or m['article_id'])}</title>",
                f"<updated>{escape(m['matched_at'])}</updated>", f"<link href={quoteattr(link)}/>",
                f"<summary>{escape(summary)}</summary>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
