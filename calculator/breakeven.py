"""Break-even volume and sensitivity to volume: the questions a design review asks of the costs.

"At what volume does fine-tuning pay for itself?" is answered as the smallest number of calls a
day at which fine-tuning (and the hybrid) repays its extra one-off cost within twelve months
against the cheaper of prompt engineering and RAG at that volume, using the same cost model as
``calculator.economics``. "What if we are wrong about the volume?" is answered by the
recommendation and the payback at volumes from 100 to 1,000,000 calls a day, a half decade apart.

Every option's monthly cost is a fixed part plus a cost per call, so it is a straight line in
the volume; the two lines of the economics at zero calls and at a large volume give each option's
line, and the break-even is where a saving twelve months long first covers the extra one-off cost.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable

from .answers import Answers
from .contract import OPTIONS, OPTIONS_BY_ID, BreakEven, Option, VolumePoint
from .economics import DAYS_PER_MONTH, AtVolume, Costs, at_volume, costs
from .fields import FIELDS_BY_NAME
from .formatting import count, months_or_never
from .rules import RULES
from .scoring import COMPILED, pick

__all__ = ["SENSITIVITY_VOLUMES", "TRAINED", "WITHIN_MONTHS", "break_even", "markdown", "sentences"]

WITHIN_MONTHS = 12
SENSITIVITY_VOLUMES = (100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000)
TRAINED = ("fine-tuning", "hybrid")
UNTRAINED = ("prompt-engineering", "rag")
_MAX_CALLS = int(FIELDS_BY_NAME["calls_per_day"].maximum or 1_000_000_000)
# The large volume the cost lines are read at; cents of rounding vanish over this many calls.
_PROBE = 10_000_000
# How many calls either side of the computed edge the search for it starts with.
_SETTLE = 2


@dataclasses.dataclass(frozen=True)
class _Line:
    """An option's monthly cost as a line in calls a day, and its one-off cost."""

    per_call_day: float
    fixed: float
    upfront: float

    def monthly(self, calls: float) -> float:
        return self.per_call_day * calls + self.fixed


def _with_calls(a: Answers, calls: int) -> Answers:
    """A copy of the answers whose volume is set in turn, and counts as stated.

    The copy is changed in place for each of the dozens of volumes tried per result: a fresh
    record per volume would cost more than the sums."""
    given = None if a.given is None else a.given | {"calls_per_day"}
    return dataclasses.replace(a, calls_per_day=calls, given=given)


_Decide = Callable[[Answers], tuple[Option, int]]
_Probe = tuple[_Decide, Costs]

# Only the rules that read the volume can change with it; the others are summed once.
_VOLUME_RULES = tuple(
    compiled for rule, compiled in zip(RULES, COMPILED, strict=True)
    if "calls_per_day" in rule.reads
)
_OTHER_RULES = tuple(
    compiled for rule, compiled in zip(RULES, COMPILED, strict=True)
    if "calls_per_day" not in rule.reads
)


def _deciders(a: Answers) -> Callable[[Answers], tuple[Option, int]]:
    """decide() for these answers at any volume, with the rules that ignore volume summed once.

    Also gives the bit mask of the options the rules rule out there, which get no payback."""
    raw = [0.0] * len(OPTIONS)
    mask = 0
    for applies, deltas, m in _OTHER_RULES:
        if applies(a):
            raw = [r + d for r, d in zip(raw, deltas, strict=True)]
            mask |= m

    def at(volume: Answers) -> tuple[Option, int]:
        total, bits = list(raw), mask
        for applies, deltas, m in _VOLUME_RULES:
            if applies(volume):
                total = [r + d for r, d in zip(total, deltas, strict=True)]
                bits |= m
        return pick(total, bits), bits

    return at


def _lines(c: Costs) -> dict[str, _Line]:
    low, high = at_volume(c, 0), at_volume(c, _PROBE)
    lines = {}
    for option, fixed in low.monthly.items():
        slope = (high.monthly[option] - fixed) / _PROBE
        lines[option] = _Line(slope, fixed, c.upfront[option])
    return lines


def _baseline(lines: dict[str, _Line], calls: float) -> str:
    # Ties go to prompt engineering, as in the economics.
    return min(UNTRAINED, key=lambda o: (lines[o].monthly(calls), UNTRAINED.index(o)))


def _at(draft: Answers, c: Costs, calls: int) -> AtVolume:
    """The economics at another volume; `draft` is break_even's copy of the answers, whose volume
    the rules read when they are asked at the same volume."""
    object.__setattr__(draft, "calls_per_day", calls)
    return at_volume(c, calls)


def _pays_back(a: Answers, option: str, calls: int, probe: _Probe) -> bool:
    decide, c = probe
    months = _at(a, c, calls).payback[option]
    if months is None or months > WITHIN_MONTHS:
        return False
    # Only then ask the rules: a ruled-out option gets no payback figure in the result either.
    return not decide(a)[1] >> OPTIONS.index(option) & 1


def _pieces(lines: dict[str, _Line]) -> list[tuple[float, float]]:
    """The volume ranges over which one untrained option stays the cheaper."""
    pe, rag = lines["prompt-engineering"], lines["rag"]
    slope = pe.per_call_day - rag.per_call_day
    if slope != 0:
        cross = (rag.fixed - pe.fixed) / slope
        if 0 < cross < _MAX_CALLS:
            return [(0.0, cross), (cross, float(_MAX_CALLS))]
    return [(0.0, float(_MAX_CALLS))]


def _first_volume(
    a: Answers, lines: dict[str, _Line], option: str, probe: _Probe
) -> int | None:
    """The smallest whole number of calls a day at which `option` pays back in time."""
    # The economics report payback to a tenth of a month, so 12.04 months counts as 12.
    months = WITHIN_MONTHS + 0.05
    guesses: list[float] = []
    # The monthly cost spreads retraining and base-model moves evenly, but payback follows their
    # schedule, whose runs come no sooner than the spread, so the spread can put the guess past
    # the edge (even past the largest volume). Where the saving grows with the volume, the guess
    # leaves them out: a lower bound, which _settle raises to the edge the economics report.
    spread = sum(cost / every for cost, every in (
        (a.training_cost, a.retrain_every_months),
        (a.retirement_cost, a.retirement_every_months),
    ) if every > 0)
    for lo, hi in _pieces(lines):
        baseline = lines[_baseline(lines, (lo + hi) / 2)]
        own = lines[option]
        # Saving over the months, less the extra one-off cost: a line in the volume.
        rate = (baseline.per_call_day - own.per_call_day) * months
        base = ((baseline.fixed - own.fixed + (spread if rate > 0 else 0.0)) * months
                - max(own.upfront - baseline.upfront, 0.0))
        if base + rate * lo >= 0:
            guesses.append(lo)
        elif rate > 0 and -base / rate <= hi:
            guesses.append(-base / rate)
    for guess in sorted(guesses):
        found = _settle(a, option, guess, probe)
        if found is not None:
            return found
    return None


def _settle(a: Answers, option: str, guess: float, probe: _Probe) -> int | None:
    """The edge near `guess` where the economics themselves first report payback in time.

    The lines are read from costs rounded to cents, so the edge is found again by bisection
    between a volume that does not pay back in time and one that does."""
    lo, hi = max(0, math.floor(guess) - _SETTLE), min(_MAX_CALLS, math.ceil(guess) + _SETTLE)
    while not _pays_back(a, option, hi, probe):
        if hi == _MAX_CALLS:
            return None
        lo, hi = hi, min(_MAX_CALLS, hi + 2 * (hi - lo))
    while lo > 0 and _pays_back(a, option, lo, probe):
        lo, hi = max(0, lo - 2 * (hi - lo)), lo
    if _pays_back(a, option, lo, probe):
        return lo
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if _pays_back(a, option, mid, probe) else (mid, hi)
    return hi


def break_even(a: Answers) -> BreakEven:
    """Break-even volume for the trained options, and the answer across volumes.

    The figures do not depend on the volume answered (every volume is tried in turn, and the
    volume counts as stated), so they are kept for the last few answers with the volume left
    out: while a reader types a number of calls, they are not worked out again per keystroke.
    The dictionary returned is shared between those calls; callers read it, never change it."""
    return _break_even(_with_calls(a, 0))


def not_worked_out() -> BreakEven:
    """What a result holds when its break-even figures were left out: the horizon, no figures."""
    return {"within_months": WITHIN_MONTHS, "days_per_month": DAYS_PER_MONTH,
            "calls_per_day": {}, "against": {}, "volumes": []}


@functools.lru_cache(maxsize=8)
def _break_even(a: Answers) -> BreakEven:
    draft = _with_calls(a, a.calls_per_day)
    decide = _deciders(a)
    c = costs(draft)
    lines = _lines(c)
    probe = (decide, c)
    volumes: list[VolumePoint] = []
    for calls in SENSITIVITY_VOLUMES:
        economics = _at(draft, c, calls)
        recommendation, ruled_out = decide(draft)
        payback = economics.payback
        volumes.append({
            "calls_per_day": calls,
            "recommendation": recommendation,
            "payback_against": economics.baseline,
            "payback_months": {
                o: None if ruled_out >> OPTIONS.index(o) & 1 else payback[o] for o in TRAINED
            },
        })
    calls_needed = {o: _first_volume(draft, lines, o, probe) for o in TRAINED}
    return {
        "within_months": WITHIN_MONTHS,
        "days_per_month": DAYS_PER_MONTH,
        "calls_per_day": calls_needed,
        "against": {
            o: None if n is None else _at(draft, c, n).baseline
            for o, n in calls_needed.items()
        },
        "volumes": volumes,
    }


def sentences(found: BreakEven) -> list[str]:
    """The break-even volumes in words, the same on the page, in Markdown and in the ADR."""
    within = found["within_months"]
    out = []
    for option in TRAINED:
        calls = found["calls_per_day"][option]
        baseline = found["against"][option]
        name = OPTIONS_BY_ID[option].title
        if calls is None or baseline is None:
            out.append(f"{name} does not repay its one-off costs within {within} months at any "
                       f"volume up to {count(_MAX_CALLS)} calls a day.")
        else:
            against = OPTIONS_BY_ID[baseline].in_sentence
            out.append(f"{name} repays its one-off costs within {within} months from "
                       f"{count(calls)} calls a day, against {against}.")
    return out


def markdown(found: BreakEven, heading: str = "##") -> list[str]:
    """A section for the Markdown summary and the decision record: sentences and a table."""
    lines = [
        f"{heading} Break-even volume",
        "",
        *(f"- {sentence}" for sentence in sentences(found)),
        "",
        "| Calls a day | Recommendation | Fine-tuning pays back | Hybrid pays back |",
        "|---|---|---|---|",
    ]
    for point in found["volumes"]:
        paybacks = point["payback_months"]
        lines.append(
            f"| {count(point['calls_per_day'])} | {OPTIONS_BY_ID[point['recommendation']].title} | "
            f"{months_or_never(paybacks['fine-tuning'])} | {months_or_never(paybacks['hybrid'])} |"
        )
    return [*lines, ""]
