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


@functools.lru_cache(maxsize=1)
def _table() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(english), french) for english, french, *_ in rows(TABLE, min_columns=2))


def in_french(reason: str | None) -> str | None:
    """``reason`` (one of Veille's English reasons) in French, or as it is when no row knows it;
    a group named ``r`` in a row (a reason inside a reason) is put in French too."""
    if not reason:
        return reason
    for pattern, french in _table():
        m = pattern.fullmatch(reason)
        if m is None:
            continue
        if "r" in pattern.groupindex and m.group("r") is not None:
            inner = in_french(m.group("r")) or ""
            french = french.replace(r"\g<r>", inner.replace("\\", r"\\"))
        return m.expand(french)
    return reason
