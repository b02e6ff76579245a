"""The reasons a web page shows, in French.

Policy (README, "Languages"): the CLI, the JSON API and the ``failures`` table give a reason in
English, the same words everywhere, so that a script can match them; a web page speaks French, so
what it shows of a reason (an upload's failures, an alert's refused search, an error page) goes
through ``lexicons/web/reasons_fr.tsv``. A reason the table does not know is shown as it is.
"""

from __future__ import annotations

import functools
import re

from veille.common.lexicon import rows

TABLE = "web/reasons_fr.tsv"
KINDS = "web/warc_kinds_fr.tsv"  # the kinds of a WARC's skipped records, for a group named ``kinds``


@functools.lru_cache(maxsize=1)
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(english), french) for english, french, *_ in rows(TABLE, min_columns=2))


@functools.lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {kind: french for kind, french, *_ in rows(KINDS, min_columns=2)}


def _kinds_in_french(listing: str) -> str:
    """``3 image/png, 2 request, …`` with each record kind the table knows in French (a media type
    as it is)."""
    def one(item: str) -> str:
        count, _, kind = item.partition(" ")
        return f"{count} {_kinds().get(kind, kind)}" if kind else item  # ("…": more kinds)
    return ", ".join(one(item) for item in listing.split(", "))


def in_french(reason: str | None) -> str | None:
    """``reason`` (one of Veille's English reasons) in French, or as it is when no row knows it;
    a group named ``r`` in a row (a reason inside a reason) is put in French too, a group named
    ``kinds`` (a WARC's skipped records by kind) through ``warc_kinds_fr.tsv``."""
    if not reason:
        return reason
    for pattern, french in _table():
        m = pattern.fullmatch(reason)
        if m is None:
            continue
        if "r" in pattern.groupindex and m.group("r") is not None:
            inner = in_french(m.group("r")) or ""
            french = french.replace(r"\g<r>", inner.replace("\\", r"\\"))
        if "kinds" in pattern.groupindex and m.group("kinds") is not None:
            french = french.replace(r"\g<kinds>", _kinds_in_french(m.group("kinds")).replace("\\", r"\\"))
        return m.expand(french)
    return reason
