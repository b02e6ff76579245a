#!/bin/sh
# Grouped cross-check on the French TimeBank dev split: its 54 articles are cut in two halves by
# document (A: dev articles 1, 3, 5… in name order; B: 2, 4, 6…) and each half is scored apart.
# A rule written while reading the errors of one half should lift the other half too; a rule that
# lifts only the half it was read on is fitted to those articles. The test split is not touched.
# Usage, from the repository root: bench/timebank_halves.sh [PYTHON]   (default: .venv/bin/python)
set -e
PY="${1:-.venv/bin/python}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCORER="$ROOT/../shared/eval/timebank.py"
DATA="$ROOT/../shared/external/fr-timebank/Data"
[ -f "$SCORER" ] || { echo "timebank_halves.sh: no scorer at $SCORER (../shared absent)"; exit 0; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/A" "$TMP/B"
i=0
for f in $(ls "$DATA"/*.tml | sort | awk 'NR % 2 == 1'); do   # the dev split: even positions from 0
    if [ $((i % 2)) -eq 0 ]; then ln -s "$f" "$TMP/A/"; else ln -s "$f" "$TMP/B/"; fi
    i=$((i + 1))
done
for half in A B; do
    printf 'dev half %s: ' "$half"
    PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}" python3 "$SCORER" "$PY" --data "$TMP/$half" --all-types --json \
        | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
print("{:2d} articles {:3d} gold  strict F1 {:.3f}  relaxed F1 {:.3f}  value F1 {:.3f}".format(
    r["documents"], r["gold"], r["strict"]["f1"], r["relaxed"]["f1"], r["value_f1"]))'
done
