"""An embedded tweet that the page's extraction printed as paragraphs of the article.

News sites embed a tweet as a quote block: its text (at most 280 characters, with its hashtags,
handles and short links), then its sign-off line, a dash, the account's name, its handle in
brackets and the tweet's day:

    Le marché de Valmorin rouvre samedi, venez nombreux ! #Valmorin pic.twitter.com/abc123
    — Léa Roy (@learoy) 3 mars 2024

Both are furniture: the sign-off gives a day that is not the article's and a name that the text
may never name; the tweet's words are the account's, not the article's (the text that reports the
tweet says so in its own words). The tweet's text is the paragraph right above its sign-off, and
the one above that too when the tweet ran over two paragraphs and both carry a tweet's marks
(a hashtag, a handle, a short link) within the length of one tweet. A paragraph ending on a colon
above the sign-off announces a tweet the page lost: it is the article's.
"""

from __future__ import annotations

import re

# "— Léa Roy (@learoy) 3 mars 2024", "— Mairie de Lisse (@mairie_lisse) March 3, 2024"
_SIGN_OFF = re.compile(r"^[—–-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s*(?:.{0,40}\d{4})?\s*$")
_TWEET_MARK = re.compile(r"(?:^|[\s(])[#@]\w|pic\.twitter\.com/|https?://t\.co/")
TWEET_MAX_CHARS = 280
_LINK = re.compile(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+)")


def _tweet_length(text: str) -> int:
    """The tweet's length as the platform counts it, links aside (a link counts short)."""
    return len(_LINK.sub("", text).strip())


def _tweet_text(text: str, used: int) -> bool:
    t = text.strip()
    return bool(t) and not t.endswith(":") and used + _tweet_length(t) <= TWEET_MAX_CHARS


def drop_tweets(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without the embedded tweets (see the module doc), and the tweets' lines."""
    if not any("(@" in p for p in paragraphs):
        return paragraphs, []
    drop: set[int] = set()
    for i, para in enumerate(paragraphs):
        if "(@" not in para or not _SIGN_OFF.match(para.strip()):
            continue
        drop.add(i)
        used = 0
        for j in (i - 1, i - 2):
            if j < 0 or j in drop or not _tweet_text(paragraphs[j], used):
                break
            if j < i - 1 and not _TWEET_MARK.search(paragraphs[j]):
                break  # a second paragraph above the sign-off only when it is marked as a tweet's
            drop.add(j)
            used += _tweet_length(paragraphs[j])
    if not drop:
        return paragraphs, []
    return [p for k, p in enumerate(paragraphs) if k not in drop], [paragraphs[k] for k in sorted(drop)]
