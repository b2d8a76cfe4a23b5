"""What a cached prompt prefix really costs, with the provider's minimum and write surcharge.

The cost model in ``economics.py`` bills a fixed prompt at ``1 - hit_rate * discount`` of its
full price. Providers add two conditions (see the facts register): a prefix shorter than the
provider's minimum is never cached, and the call that writes the cache may cost more than an
uncached one. ``billed_prefix_share`` applies both, and reduces to the simple model when the
prompt is long enough and writes cost the normal price.
"""

from __future__ import annotations

import math

from .facts import FACTS_BY_ID
from .formatting import number

__all__ = [
    "ANTHROPIC_5_MINUTE",
    "OPENAI_AUTOMATIC",
    "CacheTerms",
    "billed_prefix_share",
    "break_even_hit_rate",
]


def _check(name: str, value: float, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"expected a number; got {value!r} (at {name!r})")
    if not low <= value <= high:
        raise ValueError(
            f"expected a number from {number(low)} to {number(high)}; got {value!r} (at {name!r})"
        )


class CacheTerms:
    """A provider's caching terms: minimum prefix, and read and write prices as input multiples."""

    __slots__ = ("fact_ids", "minimum_tokens", "read_multiplier", "write_multiplier")

    def __init__(
        self,
        *,
        minimum_tokens: int,
        read_multiplier: float,
        write_multiplier: float,
        fact_ids: tuple[str, ...],
    ) -> None:
        _check("minimum_tokens", minimum_tokens, 0, math.inf)
        _check("read_multiplier", read_multiplier, 0, 1)
        _check("write_multiplier", write_multiplier, 1, math.inf)
        unknown = [fact for fact in fact_ids if fact not in FACTS_BY_ID]
        if unknown:
            raise ValueError(f"expected register fact ids; got {unknown[0]!r} (at 'fact_ids')")
        self.minimum_tokens = minimum_tokens
        self.read_multiplier = read_multiplier
        self.write_multiplier = write_multiplier
        self.fact_ids = fact_ids


# OpenAI: automatic from 1,024 tokens, no write fee; the read price varies by model ("up to 90%
# off"), so the half price of the guide's worked example stands in for it.
OPENAI_AUTOMATIC = CacheTerms(
    minimum_tokens=1024,
    read_multiplier=0.5,
    write_multiplier=1.0,
    fact_ids=("openai-cache-minimum",),
)
# Anthropic, five-minute cache: writes at 1.25 times, reads at 0.1 times the input price; the
# minimum is 1,024 tokens for several models and higher for others.
ANTHROPIC_5_MINUTE = CacheTerms(
    minimum_tokens=1024,
    read_multiplier=0.1,
    write_multiplier=1.25,
    fact_ids=("anthropic-cache-prices", "anthropic-cache-minimum"),
)


def billed_prefix_share(prompt_tokens: float, hit_rate: float, terms: CacheTerms) -> float:
    """The share of a fixed prompt's full input price that is billed, on average per call.

    Calls that hit the cache pay the read price; the others write it and pay the write price.
    A prompt under the minimum is never cached and pays the full price on every call.
    """
    _check("prompt_tokens", prompt_tokens, 0, math.inf)
    _check("hit_rate", hit_rate, 0, 1)
    if prompt_tokens < terms.minimum_tokens:
        return 1.0
    return hit_rate * terms.read_multiplier + (1 - hit_rate) * terms.write_multiplier


def break_even_hit_rate(terms: CacheTerms) -> float:
    """The hit rate below which caching costs more than not caching (0 when writes are free)."""
    if terms.write_multiplier == 1:
        return 0.0
    return (terms.write_multiplier - 1) / (terms.write_multiplier - terms.read_multiplier)
