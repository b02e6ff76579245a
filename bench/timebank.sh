#!/bin/sh
# The times stage on the French TimeBank 1.1 (../shared/external/fr-timebank), all TIMEX3 types,
# dev and test splits side by side. Tune on dev only; test is for reporting.
# Usage: bench/timebank.sh [PYTHON]   (default: .venv/bin/python); run from the repository root.
set -e
PY="${1:-.venv/bin/python}"
SCORER="$(dirname "$0")/../../shared/eval/timebank.py"
[ -f "$SCORER" ] || { echo "timebank.sh: no scorer at $SCORER (../shared absent)"; exit 0; }
for split in dev test; do
    PYTHONPATH="$(dirname "$0")/../src${PYTHONPATH:+:$PYTHONPATH}" python3 "$SCORER" "$PY" --split "$split" --all-types --json \
        | python3 -c 'import json, sys; r = json.load(sys.stdin)
print(f"{r[\"split\"]:5s} {r[\"documents\"]:3d} articles {r[\"gold\"]:4d} gold  strict F1 {r[\"strict\"][\"f1\"]:.3f}"
      f"  relaxed F1 {r[\"relaxed\"][\"f1\"]:.3f}  value F1 {r[\"value_f1\"]:.3f}"
      f"  (value accuracy on matches {r[\"value_accuracy_on_matches\"]:.3f})")'
done
echo "reference, HeidelTime 1.8 (all 108 articles): strict F1 .860  relaxed F1 .910  value F1 .736"
