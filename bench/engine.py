"""Time one `recommend` call (flips and economics included) on a spread of answers.

Run: python3 bench/engine.py [--calls N]. Prints microseconds per call; the target is at most
1,000 µs on CPython so that the browser, several times slower under WebAssembly, stays responsive.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculator import recommend
from calculator.patterns import PATTERNS

CASES: list[dict[str, object]] = [
    {},
    *(dict(p.example_answers) for p in PATTERNS),
    {"need": "both", "tone": "proprietary", "calls_per_day": 5000, "labeled_examples": 1000},
    {"need": "behavior", "labeled_examples": 20, "citations_required": True},
]


def main() -> int:
    """Print µs per call for each case and overall."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300, help="calls per case")
    args = parser.parse_args()
    total = 0.0
    worst = 0.0
    for answers in CASES:
        recommend(answers)
        start = time.perf_counter()
        for _ in range(args.calls):
            recommend(answers)
        per_call = (time.perf_counter() - start) / args.calls * 1e6
        total += per_call
        worst = max(worst, per_call)
    mean = total / len(CASES)
    print(f"recommend: {mean:.0f} µs per call on average, {worst:.0f} µs worst case "
          f"({len(CASES)} cases x {args.calls} calls, Python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
