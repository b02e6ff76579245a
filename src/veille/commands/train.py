"""``veille train events``: rebuilds the event coder's sentence-type model from annotated sentences.

The annotations are the team's real-page dev gold (``tests/data/real_pages/events_dev.jsonl``):
positions and labels only, the text is read from the pages in ``../shared`` through
``tools/real_pages`` in the checkout. Sentences of the test part are refused: it is only scored.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


def _examples(gold: Path, checkout: Path) -> list[tuple[str, set[str]]]:
    entries = [(n, json.loads(line)) for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1)
               if line.strip()]
    for n, entry in entries:
        if entry.get("part") == "test":
            raise click.ClickException(f"{gold}:{n}: a test sentence; the model trains on dev only")
    if str(checkout) not in sys.path:
        sys.path.insert(0, str(checkout))
    try:
        from tools.real_pages.materialize import span_text
        from tools.real_pages.view import view_lines
    except ImportError as exc:
        raise click.ClickException(f"{gold}: tools/real_pages not found under {checkout} ({exc})") from None
    out, lines_of = [], {}
    for n, entry in entries:
        page = entry["page"]
        try:
            lines = lines_of.setdefault(page, view_lines(page))
        except OSError as exc:
            raise click.ClickException(f"{gold}:{n}: page {page} cannot be read ({exc})") from None
        types = set()
        for ev in entry.get("events", []):
            if ev.get("mode") in ("fact", "intent"):
                etype = ev["type"]
                types.add(etype[0] if isinstance(etype, list) else etype)
        out.append((span_text(lines, entry["start"], entry["end"]), types))
    return out


def register(cli: click.Group) -> None:
    @cli.group("train")
    def train_group() -> None:
        """Rebuild a trained component shipped in the package."""

    @train_group.command("events")
    @click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  default=Path("tests/data/real_pages/events_dev.jsonl"), show_default=True,
                  help="Annotated sentences (dev part only).")
    @click.option("--seed", default=13, show_default=True, help="Random seed (folds and initial weights).")
    @click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Folder for the model files (default: inside the package).")
    def train_events(gold: Path, seed: int, out: Path | None) -> None:
        """Train the sentence-type model of the event coder (fixed seed: same data, same model)."""
        from veille.events.model import MODEL_DIR
        from veille.events.model.training import train
        from veille.nlp import load_nlp

        checkout = Path(__file__).resolve().parents[3]  # src/veille/commands/ -> the checkout
        examples = _examples(gold, checkout)
        model = train(examples, load_nlp(), seed=seed)
        target = out or MODEL_DIR
        target.mkdir(parents=True, exist_ok=True)
        model.save(target)
        click.echo(f"{len(examples)} sentences; model written to {target} "
                   f"(add ≥ {model.add_threshold}, drop < {model.drop_threshold}, "
                   f"out-of-fold event/no-event accuracy {model.meta['oof_any_accuracy']})", err=True)
