"""Cached-prefix cost: minimum and write surcharge, and agreement with the simple model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.cache_costs import (
    ANTHROPIC_5_MINUTE,
    OPENAI_AUTOMATIC,
    CacheTerms,
    billed_prefix_share,
    break_even_hit_rate,
)

rates = st.floats(min_value=0, max_value=1)
tokens = st.integers(min_value=0, max_value=200_000)
terms = st.builds(
    CacheTerms,
    minimum_tokens=st.integers(min_value=0, max_value=8192),
    read_multiplier=rates,
    write_multiplier=st.floats(min_value=1, max_value=4),
    fact_ids=st.just(("openai-cache-minimum",)),
)


@given(tokens=tokens, hit=rates, discount=rates)
def test_free_writes_above_the_minimum_match_the_simple_model(
    tokens: int, hit: float, discount: float
) -> None:
    plain = CacheTerms(
        minimum_tokens=0, read_multiplier=1 - discount, write_multiplier=1, fact_ids=()
    )
    assert billed_prefix_share(tokens, hit, plain) == pytest.approx(1 - hit * discount)


@given(tokens=tokens, hit=rates, cache=terms)
def test_a_prompt_under_the_minimum_is_billed_in_full(
    tokens: int, hit: float, cache: CacheTerms
) -> None:
    share = billed_prefix_share(tokens, hit, cache)
    if tokens < cache.minimum_tokens:
        assert share == 1.0
    else:
        assert cache.read_multiplier - 1e-12 <= share <= cache.write_multiplier + 1e-12


@given(cache=terms, low=rates, high=rates)
def test_a_higher_hit_rate_never_costs_more(cache: CacheTerms, low: float, high: float) -> None:
    low, high = sorted((low, high))
    prompt = cache.minimum_tokens + 1
    cheaper = billed_prefix_share(prompt, high, cache)
    assert cheaper <= billed_prefix_share(prompt, low, cache) + 1e-12


@given(cache=terms)
def test_at_the_break_even_hit_rate_caching_costs_what_no_caching_does(cache: CacheTerms) -> None:
    rate = break_even_hit_rate(cache)
    assert 0 <= rate <= 1
    if cache.write_multiplier > 1 and cache.read_multiplier < 1:
        share = billed_prefix_share(cache.minimum_tokens, rate, cache)
        assert share == pytest.approx(1.0)


def test_the_worked_example_figures() -> None:
    """The economics page's worked example: 0.75 as first published, 1 and 0.675 corrected."""
    assert billed_prefix_share(3000, 0.5, OPENAI_AUTOMATIC) == pytest.approx(0.75)
    assert billed_prefix_share(900, 0.5, OPENAI_AUTOMATIC) == 1.0
    assert billed_prefix_share(3000, 0.5, ANTHROPIC_5_MINUTE) == pytest.approx(0.675)
    assert break_even_hit_rate(ANTHROPIC_5_MINUTE) == pytest.approx(0.25 / 1.15)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"minimum_tokens": -1}, "'minimum_tokens'"),
        ({"read_multiplier": 1.5}, "from 0 to 1; got 1.5 (at 'read_multiplier')"),
        ({"write_multiplier": 0.5}, "(at 'write_multiplier')"),
        ({"fact_ids": ("no-such-fact",)}, "got 'no-such-fact' (at 'fact_ids')"),
    ],
)
def test_bad_terms_name_the_parameter(kwargs: dict[str, object], message: str) -> None:
    base: dict[str, object] = {
        "minimum_tokens": 1024,
        "read_multiplier": 0.1,
        "write_multiplier": 1.25,
        "fact_ids": (),
    }
    with pytest.raises(ValueError) as caught:
        CacheTerms(**{**base, **kwargs})  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_a_bad_hit_rate_is_refused() -> None:
    with pytest.raises(ValueError, match=r"got 2 \(at 'hit_rate'\)"):
        billed_prefix_share(3000, 2, OPENAI_AUTOMATIC)
