"""veille.entities.bare_union: "l'Union" alone joins the union the article names, else the European
Union when the article speaks of Europe; left alone when two unions are named."""

from __future__ import annotations

from veille.entities.bare_union import bare_union
from veille.entities.mention import Mention
from veille.kb import KB

KB_EU = KB(entries={"org:eu": {"id": "org:eu", "name": "Union européenne", "type": "ORG"}})


def _m(start: int, key: str, label: str = "LOC") -> Mention:
    return Mention(start=start, end=start + len(key), text=key, key=key, label=label, source="ner")


def test_bare_union_joins_the_union_named_in_full() -> None:
    bare = _m(80, "Union")
    clusters = {("name", "Union des ports bretons"): [_m(10, "Union des ports bretons", "ORG")],
                ("name", "Union"): [bare]}
    bare_union("l'union des ports bretons ... les membres de l'union", clusters, KB_EU)
    assert list(clusters) == [("name", "Union des ports bretons")]
    assert clusters[("name", "Union des ports bretons")][-1] is bare
    assert bare.label == "ORG" and bare.kb_id is None


def test_bare_union_is_the_european_union_when_the_text_speaks_of_europe() -> None:
    bare = [_m(40, "Union"), _m(90, "Union")]
    clusters = {("name", "Union"): bare, ("name", "Porvic"): [_m(0, "Porvic")]}
    bare_union("porvic ... les ministres reunis a bruxelles ... l'union", clusters, KB_EU)
    assert ("name", "Union") not in clusters
    assert clusters[("kb", "org:eu")] == bare
    assert {m.kb_id for m in bare} == {"org:eu"} and {m.label for m in bare} == {"ORG"}


def test_bare_union_left_alone_when_it_cannot_tell() -> None:
    two = {("name", "Union africaine"): [_m(0, "Union africaine", "ORG")],
           ("kb", "org:eu"): [_m(30, "Union européenne", "ORG")],
           ("name", "Union"): [_m(70, "Union")]}
    bare_union("bruxelles ... l'union", two, KB_EU)
    assert ("name", "Union") in two and two[("name", "Union")][0].label == "LOC"
    nowhere = {("name", "Union"): [_m(5, "Union")]}
    bare_union("le club de rugby de l'union a gagne", nowhere, KB_EU)  # no union named, no Europe
    assert list(nowhere) == [("name", "Union")]
