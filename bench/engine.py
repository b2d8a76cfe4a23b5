"""Time one `recommend` call (flips and economics included) on a spread of answers.

Run: python3 bench/engine.py [--calls N]. Prints microseconds per call; the target is at most
1,000 µs on CPython so that the browser, several times slower under WebAssembly, stays responsive.
It also times the refusal of a file of 300,000 unknown keys (read and judged as the command line
does), which must stay well under a second.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculator import AnswerError, recommend
from calculator.cli import load_answers
from calculator.patterns import PATTERNS

CASES: list[dict[str, object]] = [
    {},
    *(dict(p.example_answers) for p in PATTERNS),
    {"need": "both", "tone": "proprietary", "calls_per_day": 5000, "labeled_examples": 1000},
    {"need": "behavior", "labeled_examples": 20, "citations_required": True},
    {"need": "behavior", "prompting_tried": "no", "labeled_examples": 500, "calls_per_day": 300},
    {"need": "knowledge", "corpus_tokens": 120000, "latency_budget_ms": 800,
     "retrieval_overhead_ms": 250, "calls_per_day": 20000, "labeled_examples": 1000},
]
UNKNOWN_KEYS = 300_000


def refusal_seconds(repeats: int) -> float:
    """Seconds to refuse an object of UNKNOWN_KEYS unknown keys, best of `repeats`."""
    text = json.dumps({f"unknown_{i}": i for i in range(UNKNOWN_KEYS)})
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        try:
            recommend(load_answers(text))
        except AnswerError:
            timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> int:
    """Print µs per call for each case and overall."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=200, help="calls per case and repeat")
    parser.add_argument("--repeats", type=int, default=5, help="repeats; the fastest counts")
    args = parser.parse_args()
    per_case = []
    for answers in CASES:
        recommend(answers)
        timings = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            for _ in range(args.calls):
                recommend(answers)
            timings.append((time.perf_counter() - start) / args.calls * 1e6)
        # As timeit advises: the fastest repeat is the one least disturbed by other processes.
        per_case.append(min(timings))
    mean = sum(per_case) / len(per_case)
    print(f"recommend: {mean:.0f} µs per call on average, {max(per_case):.0f} µs for the "
          f"slowest case ({len(CASES)} cases, best of {args.repeats} x {args.calls} calls, "
          f"Python {sys.version.split()[0]})")
    print(f"bad input: {refusal_seconds(args.repeats) * 1000:.2f} ms to refuse "
          f"{UNKNOWN_KEYS:,} unknown keys")
    return 0


if __name__ == "__main__":
    sys.exit(main())
