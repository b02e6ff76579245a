"""One record per event per article: the same type, source (a person and the body they act for
count as one) and target told twice, or in the headline and the body, are merged; aid without a
named recipient goes to the recipient of the aid just mentioned. An act a later sentence tells again
with a verb of its own is kept in each sentence (``restated``).
"""

from __future__ import annotations

from veille.common.fold import lower_nfc
from veille.events.view import ArticleView
from veille.model import Event

# Working attributes an event carries between coding and merging, removed before it is returned.
WORK_ATTRS = ("_sent", "_title", "_place_target", "_source_kind", "_explicit", "_rules")


def _group(view: ArticleView, name: str | None) -> str | None:
    if name is None:
        return None
    return lower_nfc(view.affiliation.get(name, name))


def finish(view: ArticleView, events: list[Event], modes: frozenset[str] | None) -> list[Event]:
    """The recorded events: kept modes only, one per event, working attributes removed."""
    # An event without a named source is kept when the coder kept it (``source_rules.agentless``).
    events = [ev for ev in events if modes is None or ev.mode in modes]
    events = [ev for ev in events if ev.target is None or lower_nfc(ev.source or "") != lower_nfc(ev.target)]
    _fill_aid_targets(view, events)
    body = [e for e in events if not e._title]  # type: ignore[attr-defined]
    title = [e for e in events if e._title]  # type: ignore[attr-defined]
    kept: list[Event] = []
    for ev in body:
        match = None
        for k in kept:
            if k.type != ev.type or _group(view, k.source) != _group(view, ev.source):
                continue
            if restated(k, ev):
                _share_target(k, ev)
                continue
            if k.source is None and k._sent != ev._sent:  # type: ignore[attr-defined]
                continue  # unnamed actors in two sentences: nothing says they are one event
            if k._explicit and ev._explicit and k.date != ev.date:  # type: ignore[attr-defined]
                continue  # the same kind of act on two different days: two events
            same_target = _group(view, k.target) == _group(view, ev.target)
            one_open = k.target is None or ev.target is None
            same_unit = k._sent == ev._sent  # type: ignore[attr-defined]
            place_pair = same_unit and (k._place_target or ev._place_target)  # type: ignore[attr-defined]
            if same_target or one_open or place_pair:
                match = k
                break
        if match is None:
            kept.append(ev)
        else:
            _merge(match, ev)
    for ev in title:
        match = next((k for k in kept if k.type == ev.type
                      and _group(view, k.source) == _group(view, ev.source)), None)
        if match is None:
            # A headline repeats a body event, often with a role the terse headline parse got
            # wrong: the same type with the same target (or none) is that event, not a new one.
            match = next((k for k in kept if k.type == ev.type and (k.source is not None or ev.source is None) and (
                ev.target is None or _group(view, k.target) == _group(view, ev.target))), None)  # (a named doer stays)
            if match is not None:
                continue
        if match is None:
            kept.append(ev)
        else:
            _merge(match, ev)
    for ev in kept:
        if ev.target is not None and lower_nfc(ev.source or "") == lower_nfc(ev.target):
            ev.target = None  # a merge can bring in a target that is the source itself
            ev._rules["target"] = "none:self"  # type: ignore[attr-defined]
    return kept


def restated(first: Event, later: Event) -> bool:
    """A later sentence telling the same actor's act again with a verb of its own, in the same mode,
    undated, and with a target on both sides or on neither ("X a dénoncé Y. … X a de nouveau
    dénoncé Y.") or with another trigger word than the first ("X a critiqué Y. … X dénonçait aussi
    …": ``_share_target`` gives the open side the target) is an event of its own: the press restates
    an act to add what followed, and each telling is coded. Told with a noun ("cette condamnation"),
    announced then done, once by a person and once by the body they act for, on a given day, or with
    the same word and one side's target left open, it is the same event told twice and merged."""
    if first._sent == later._sent or first.text == later.text:  # type: ignore[attr-defined]
        return False  # one sentence; or the same sentence printed twice (a pull quote, a repeated lede)
    rule = later._rules["type"]  # type: ignore[attr-defined]
    own_verb = rule.startswith("trigger:verb")  # "trigger:verb:<lemma>", not a noun, a model or a refusal
    return (own_verb and first.mode == later.mode and not first._explicit  # type: ignore[attr-defined]
            and not later._explicit  # type: ignore[attr-defined]
            and lower_nfc(first.source or "") == lower_nfc(later.source or "")
            and ((first.target is None) == (later.target is None)
                 or first._rules["type"] != rule))  # type: ignore[attr-defined]


def _share_target(first: Event, later: Event) -> None:
    """Two tellings of one actor's act kept apart (``restated``) where one names the target and the
    other leaves it open: the open one takes it, as a merge would have given it."""
    if first.source is None or (first.target is None) == (later.target is None):
        return  # (unnamed doers in two sentences: nothing says they are one actor)
    open_one, named = (first, later) if first.target is None else (later, first)
    open_one.target = named.target
    open_one._rules["target"] = f"restated:{named._rules['target']}"  # type: ignore[attr-defined]


def _merge(keep: Event, other: Event) -> None:
    rules = keep._rules  # type: ignore[attr-defined]
    if keep._place_target and not other._place_target and other.target:  # type: ignore[attr-defined]
        keep.place = keep.place or keep.target
        keep.target = other.target
        rules["target"] = f"merged:{other._rules['target']}"  # type: ignore[attr-defined]
        keep._place_target = False  # type: ignore[attr-defined]
        keep.date = other.date or keep.date
    if keep.target is None and other.target is not None:
        keep.target = other.target
        rules["target"] = f"merged:{other._rules['target']}"  # type: ignore[attr-defined]
    # A date is only carried over from the same sentence or from the headline of the same news.
    same = keep._sent == other._sent or other._title  # type: ignore[attr-defined]
    if keep.date is None and other.date is not None and same and keep.mode == other.mode:
        keep.date = other.date
    keep.place = keep.place or other.place
    have = {q.text for q in keep.quantities}
    keep.quantities.extend(q for q in other.quantities if q.text not in have)


def _fill_aid_targets(view: ArticleView, events: list[Event]) -> None:
    """Aid without a named recipient goes to the recipient of the aid just mentioned."""
    last: tuple[int, str] | None = None
    for ev in sorted(events, key=lambda e: (e.start or 0)):
        if ev.type != "AID":
            continue
        sent = ev._sent  # type: ignore[attr-defined]
        if ev.target is None and sent in view.recipients and view.recipients[sent] != ev.source:
            ev.target = view.recipients[sent]
            ev._rules["target"] = "aid-recipient-of-sentence"  # type: ignore[attr-defined]
        if ev.target is not None:
            last = (sent, ev.target)
        elif last is not None and sent - last[0] <= 1 and last[1] != ev.source:
            ev.target = last[1]
            ev._rules["target"] = "aid-recipient-just-before"  # type: ignore[attr-defined]
