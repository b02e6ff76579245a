"""Which speaker rules fire on each quote, not only the first: does the general rule win over a special one?

    PYTHONPATH=src .venv/bin/python tools/quotes/rule_census.py [--part dev] [--keep FILE]

Runs ``veille extract --explain --workers 1`` on the dev who pages (body given) with every rule of
``SUBJECT_RULES`` (a cue's subject) and ``CUELESS_RULES`` (a quote with no cue) asked, not only up to
the first that decides, and, for a direct quote with a cue after it (", a-t-il dit"), the cue before
it in its sentence too (``cue_before``: "X a déclaré : « … »"), and for a quote whose cue is before it,
an incise inside it (``cue_inner``: "« … », dit-il, « … »"). The speaker is still the first
rule's, but asking the later rules can change what the article remembers (a few quotes shift: the
tool reports, it does not ship). Each quote's ``rule`` becomes ``RULE || later=SPEAKER; …``. Then,
over the gold quotes a prediction matched, for each pair (first rule, later rule) that named
different speakers: how often each was right, and on how many sites. A later rule right where the
first is wrong on three sites or more, and never the other way, is a candidate to try first
(``TRY-LATER-FIRST``). Dev pages only (``--keep`` is for a file outside the repository).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench.real_eval import _gold  # noqa: E402

from tools.quotes.speaker_rule_table import matched  # noqa: E402
from tools.real_pages.materialize import body_inputs  # noqa: E402

SEP = " || "


def install() -> None:
    """Wraps the subject and cue-less rule lists so that every rule is asked and the later ones recorded."""
    import veille.quotes.cueless_rules as cl
    import veille.quotes.direct as direct
    import veille.quotes.indirect as indirect
    import veille.quotes.speaker_rules as sr
    from veille.quotes.state import ArticleState

    fired: dict[int, list[tuple[str, str | None]]] = {}
    last: list[list[tuple[str, str | None]]] = [[]]

    def resolve(state, cue) -> None:
        if not cue.resolved and cue.subj_start is not None:
            cue.resolved = True
            subj = sr._subject(state, cue)
            if subj is not None:
                found = [(rule.name, d.speaker) for rule in sr.SUBJECT_RULES
                         if (d := rule.decide(state, subj)) is not None]
                if found:
                    cue.speaker, cue.rule = found[0][1], found[0][0]
                    fired[id(cue)] = found[1:]
        cue.resolved = True
        last[0] = fired.get(id(cue), [])

    def without_cue(state, m, prev):
        ctx = cl.Context(m, state.seg_of(m.start), prev)
        found = [(rule.name, d) for rule in cl.CUELESS_RULES if (d := rule.decide(state, ctx)) is not None]
        last[0] = [(name, d.speaker) for name, d in found[1:]]
        return found[0][1].speaker, found[0][1].speaker_text, found[0][0]

    after_cue, before_cue = direct.after_cue, direct.before_cue
    other_cue: list[list[tuple[str, str | None]]] = [[]]

    def after_first(state, m, cues):
        """The cue after the quote wins; the one before it in the sentence is asked too (``cue_before``)."""
        found = after_cue(state, m, cues)
        other = before_cue(state, m, cues) if found is not None else None
        other_cue[0] = [] if other is None or other is found else [
            ("cue_before", sr.speaker_of_cue(state, other, cues)[0])]
        return found

    def before_first(state, m, cues):
        """The cue before the quote wins over an incise inside it; that one is asked too (``cue_inner``)."""
        found = before_cue(state, m, cues)
        inner = (direct.inner_incise(state, m) or direct.inner_named_incise(state, m)) if found is not None else None
        other_cue[0] = [] if inner is None or inner is found else [
            ("cue_inner", sr.speaker_of_cue(state, inner, cues)[0])]
        return found

    note = ArticleState.note_rule

    def note_rule(self, quote, rule: str) -> None:
        later = "; ".join(f"{name}={speaker}" for name, speaker in last[0] + other_cue[0])
        last[0], other_cue[0] = [], []
        note(self, quote, f"{rule}{SEP}{later}" if later else rule)

    sr.resolve = indirect.resolve = direct.resolve = resolve
    direct.speaker_without_cue = without_cue
    direct.after_cue, direct.before_cue = after_first, before_first
    ArticleState.note_rule = note_rule


def extract(part: str, out: Path) -> None:
    entries, _, _ = _gold("who", part)
    with tempfile.TemporaryDirectory() as tmp:
        body_inputs(entries, Path(tmp))
        install()
        from veille.cli import main as cli
        paths = sorted(str(p) for p in Path(tmp).iterdir())
        sys.argv = ["veille", "extract", *paths, "--output", str(out), "--explain", "--workers", "1"]  # patches stay in-process
        try:
            cli()
        except SystemExit:
            pass


def census(rows: list[dict]) -> None:
    pairs: dict[tuple[str, str], list] = defaultdict(lambda: [0, 0, 0, set(), set()])
    for r in rows:
        first, _, later = r["raw_rule"].partition(SEP)
        for item in filter(None, later.split("; ")):
            name, _, speaker = item.partition("=")
            speaker = None if speaker == "None" else speaker
            if speaker == r["said"] or r["rule"].startswith("model"):
                continue
            t = pairs[(first, name)]
            later_right = r["same"](speaker, r["gold"])
            t[0] += 1
            t[1] += bool(r["right"])
            t[2] += later_right
            if r["right"] and not later_right:
                t[3].add(r["site"])
            if later_right and not r["right"]:
                t[4].add(r["site"])
    print(f"{'first rule':28} {'later rule':28} {'n':>3} {'first ok':>8} {'later ok':>8} {'sites first>later':>17}"
          f" {'sites later>first':>17}")
    for (first, name), (n, fok, lok, fs_, ls_) in sorted(pairs.items(), key=lambda kv: -kv[1][0]):
        flag = "  TRY-LATER-FIRST" if len(ls_) >= 3 and not fs_ else ""
        print(f"{first[:28]:28} {name[:28]:28} {n:3} {fok:8} {lok:8} {len(fs_):17} {len(ls_):17}{flag}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=["dev", "fresh"], default="dev")
    ap.add_argument("--keep", type=Path, help="write (or, when it exists, reuse) the census predictions here")
    args = ap.parse_args()
    out = args.keep or Path(tempfile.mkdtemp()) / "census.jsonl"
    if not out.exists():
        extract(args.part, out)
    census(matched(out, args.part, raw=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
