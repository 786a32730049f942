#!/usr/bin/env python3
"""Compare `polku mine --json` output with the pm4py oracle's.

Usage: compare-with-oracle.py POLKU.json ORACLE.json

ORACLE.json is the output of ../shared/tools/pm4py_reference.py on the same
log. The oracle names some keys differently (see its docstring):
activities[].activity is polku's activities[].name, start_activities and
end_activities are polku's start and end. Counts and order must be equal;
waits (median, p90, mean) may differ by 1e-6 relative (or 1e-9 s absolute
near zero). Polku's extra `drop_off` and the oracle's `tool` are ignored.

Prints OK, or the first difference, and exits 0 or 1. Standard library only.
"""
import json
import math
import sys

REL = 1e-6
ABS = 1e-9


def close(a, b):
    return math.isclose(float(a), float(b), rel_tol=REL, abs_tol=ABS)


def first_difference(polku, oracle):
    for key in ("cases", "events"):
        if polku.get(key) != oracle.get(key):
            return f"{key}: polku {polku.get(key)!r}, oracle {oracle.get(key)!r}"

    def tallies(name, ours, theirs, our_key, their_key):
        ours = [(t[our_key], t["count"]) for t in ours]
        theirs = [(t[their_key], t["count"]) for t in theirs]
        if len(ours) != len(theirs):
            return f"{name}: polku has {len(ours)} entries, oracle {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            if a != b:
                return f"{name}[{i}]: polku {a!r}, oracle {b!r}"
        return None

    for name, ours, theirs, our_key in (
        ("activities", polku["activities"], oracle["activities"], "name"),
        ("start", polku["start"], oracle["start_activities"], "activity"),
        ("end", polku["end"], oracle["end_activities"], "activity"),
    ):
        diff = tallies(name, ours, theirs, our_key, "activity")
        if diff:
            return diff

    ours, theirs = polku["dfg"], oracle["dfg"]
    if len(ours) != len(theirs):
        return f"dfg: polku has {len(ours)} edges, oracle {len(theirs)}"
    for i, (a, b) in enumerate(zip(ours, theirs)):
        edge = f"dfg[{i}] {a['from']!r} -> {a['to']!r}"
        if (a["from"], a["to"], a["count"]) != (b["from"], b["to"], b["count"]):
            return (f"dfg[{i}]: polku ({a['from']!r}, {a['to']!r}, {a['count']}), "
                    f"oracle ({b['from']!r}, {b['to']!r}, {b['count']})")
        for stat in ("median", "p90", "mean"):
            x, y = a["wait_seconds"][stat], b["wait_seconds"][stat]
            if not close(x, y):
                return f"{edge} wait_seconds.{stat}: polku {x!r}, oracle {y!r}"

    ours, theirs = polku["variants"], oracle["variants"]
    if len(ours) != len(theirs):
        return f"variants: polku has {len(ours)}, oracle {len(theirs)}"
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if (a["activities"], a["count"]) != (b["activities"], b["count"]):
            return (f"variants[{i}]: polku {a['count']} x {a['activities']!r}, "
                    f"oracle {b['count']} x {b['activities']!r}")
    return None


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        polku = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        oracle = json.load(f)
    try:
        diff = first_difference(polku, oracle)
    except (KeyError, TypeError) as e:
        diff = f"unexpected shape: missing or wrong key {e}"
    if diff:
        print(f"DIFFERENT: {diff}")
        return 1
    print(f"OK ({polku['cases']} cases, {polku['events']} events, "
          f"{len(polku['dfg'])} edges, {len(polku['variants'])} variants)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
