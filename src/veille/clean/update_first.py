"""A line that prints the update stamp before the publication stamp ("Mis à jour le 09/02/2023 à
07h10, publié le 05/01/2023 à 16h45", "Modifié le : 21/06/2023 Publié le : 18/04/2023").

Its cue kind is the update's (the first cue), so the line readers of a page's text and of an HTML
page's lines filed it whole as an update stamp: with no other publication stamp the update's day
dated the article. The dump reader splits a stamp line by its cues (``stamps.stamps``); so do the
line readers now. Issue 11, round 25 (``bench/page_perturb.py``, variant ``paste``); the layout is
printed on dev pages of three sites.
"""

from __future__ import annotations

from veille.clean.stamps import stamps


def split_update_line(line: str) -> tuple[list[str], list[str]]:
    """(publication stamps, update stamps) of a line whose cue kind is an update's; the line
    whole as the update when it holds no dated publication cue."""
    found = stamps(line)
    published = [s for kind, s in found if kind == "published"]
    if not published:
        return [], [line]
    return published, [s for kind, s in found if kind == "updated"] or [line]
