#!/usr/bin/env bash
# Regenerates the golden outputs in crates/polku-mining/tests/golden with the
# pm4py oracle (../shared/tools/pm4py_reference.py), for the hand-made edge
# cases there and for small logs made with the shared generator.
# Run from anywhere; needs network access to PyPI the first time (pm4py is
# installed into a virtualenv under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/tools
VENV=target/pm4py-venv
GOLD=crates/polku-mining/tests/golden
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pm4py' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pm4py
fi
python3 "$SHARED/gen_event_log.py" --cases 300 --seed 1 -o "$GOLD/generated_seed1.csv"
python3 "$SHARED/gen_event_log.py" --cases 300 --seed 2 --order case --shuffle-ties -o "$GOLD/generated_seed2_by_case.csv"
python3 "$SHARED/gen_event_log.py" --cases 120 --seed 3 -o "$GOLD/generated_seed3.csv"
for log in "$GOLD"/*.csv; do
    "$VENV/bin/python" "$SHARED/pm4py_reference.py" "$log" --indent 1 > "${log%.csv}.pm4py.json"
    echo "made ${log%.csv}.pm4py.json"
done
