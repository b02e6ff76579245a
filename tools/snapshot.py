"""Refactoring guard: the JSONL of ``veille extract`` on fixed corpora, saved and compared.

    python tools/snapshot.py save DIR      # before a change (DIR outside the repo: records hold page text)
    python tools/snapshot.py compare DIR   # after it: every record must be identical,
                                           # apart from fields the baseline did not have

The corpora: the bundled samples, the team's test corpora (tests/data/*/corpus) and, when
``../shared`` is beside the checkout, the seeds and every 5th page of the real web corpus.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpora() -> dict[str, list[Path]]:
    out = {"samples": [ROOT / "samples" / "articles"]}
    for name in ("heldout", "dev2", "blind"):
        folder = ROOT / "tests" / "data" / name / "corpus"
        if folder.is_dir():
            out[name] = [folder]
    if (SHARED / "corpus" / "seeds").is_dir():
        out["seeds"] = [SHARED / "corpus" / "seeds"]
    pages = SHARED / "corpus" / "web" / "pages"
    if pages.is_dir():
        out["web"] = sorted(pages.iterdir())[::5]
    return out


def extract(paths: list[Path], output: Path) -> None:
    cmd = [sys.executable, "-m", "veille", "extract", *map(str, paths), "--output", str(output)]
    subprocess.run(cmd, check=False, cwd=ROOT, stderr=subprocess.DEVNULL)


def save(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, paths in corpora().items():
        extract(paths, folder / f"{name}.jsonl")
        print(f"saved {name}")


_CHECKOUT_PREFIX = re.compile(r"^.*?/(?=(samples|tests|shared)/)")


def _same_path(record: dict) -> dict:
    """``source.path`` relative to the checkout or ../shared, so a worktree compares with main."""
    path = (record.get("source") or {}).get("path")
    if path:
        record["source"]["path"] = _CHECKOUT_PREFIX.sub("", path)
    return record


def _strip_new(new: object, old: object) -> object:
    """``new`` without the dict keys ``old`` does not have (fields added since the baseline)."""
    if isinstance(new, dict) and isinstance(old, dict):
        return {k: _strip_new(v, old[k]) for k, v in new.items() if k in old}
    if isinstance(new, list) and isinstance(old, list) and len(new) == len(old):
        return [_strip_new(a, b) for a, b in zip(new, old, strict=True)]
    return new


def compare(folder: Path) -> int:
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in corpora().items():
            base = folder / f"{name}.jsonl"
            if not base.exists():
                print(f"{name}: no baseline, skipped")
                continue
            out = Path(tmp) / f"{name}.jsonl"
            extract(paths, out)
            old = {r["id"]: _same_path(r) for r in map(json.loads, base.read_text(encoding="utf-8").splitlines())}
            new = {r["id"]: _same_path(r) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
            diffs = []
            for rid in sorted(set(old) | set(new)):
                if rid not in old or rid not in new:
                    diffs.append(f"{rid}: only in {'new' if rid in new else 'baseline'}")
                    continue
                for key in old[rid]:
                    if _strip_new(new[rid].get(key), old[rid][key]) != old[rid][key]:
                        diffs.append(f"{rid} ({old[rid]['source'].get('path')}): field {key} differs")
            print(f"{name}: {len(new)} records, {len(diffs)} differences")
            for d in diffs[:20]:
                print("   ", d)
            bad += len(diffs)
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "compare"):
        print(__doc__)
        return 2
    folder = Path(argv[1])
    if argv[0] == "save":
        save(folder)
        return 0
    return compare(folder)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
