"""calculator.formatting: value encoding reads back as the same value; display text for people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculator.formatting import (
    count,
    encode,
    figure,
    fixed,
    grouped,
    json_number,
    money,
    money_cents,
    months_or_never,
    number,
    percent,
    rounded,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (True, "true"), (False, "false"), (0, "0"), (0.0, "0"), (-2.5, "-2.5"),
     (40000, "40000"), (400.0, "400"), (0.3, "0.3"), (1.5e-07, "0.00000015"),
     (-1.5e-07, "-0.00000015"), (1.25e-5, "0.0000125"), (1e22, "10000000000000000000000"),
     (1.5e22, "15000000000000000000000"), (1e12, "1000000000000"), ("rag", "rag")],
)
def test_encode_writes_plain_decimals(value: object, text: str) -> None:
    assert encode(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_encode_reads_back_as_the_same_number_without_exponent_or_grouping(value: float) -> None:
    text = encode(value)
    assert "e" not in text and "," not in text
    assert float(text) == value


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_encode_writes_an_integer_as_its_digits(value: int) -> None:
    assert encode(value) == str(value)
    assert encode(float(value)) == str(value)


@pytest.mark.parametrize(("value", "expected"), [(1e12, 1000000000000), (0.0, 0), (2.5, 2.5),
                                                  (3, 3), (-4.0, -4)])
def test_json_number_writes_whole_floats_as_integers(value: float, expected: float) -> None:
    result = json_number(value)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1000, "1,000"), (-1234, "-1,234"), (2_500_000, "2,500,000"),
     (10**12, "1,000,000,000,000"), (1234.5, "1,234"), (1235.5, "1,236"), (0.4, "0")],
)
def test_count_groups_thousands_and_rounds_floats_to_a_whole(value: float, text: str) -> None:
    assert count(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (0.0, "0"), (1e12, "1,000,000,000,000"), (3_600_000, "3,600,000"), (0.5, "0.5"),
     (1.25, "1.25"), (-2.0, "-2"), (1234.5, "1,234.5"), (2.123456789, "2.123456789")],
)
def test_figure_groups_whole_numbers_and_keeps_fractions(value: float, text: str) -> None:
    assert figure(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (1500, "1,500"), (8000.0, "8,000.0"), (0.5, "0.5"), (0.0, "0.0"), (-1234, "-1,234"),
     (1e12, "1,000,000,000,000.0")],
)
def test_grouped_keeps_a_floats_point(value: float, text: str) -> None:
    assert grouped(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (2.5, "2.5"), (14.0, "14"), (-3.25, "-3.25"), (1e6, "1e+06"),
     (1234567, "1.23457e+06"), (0.1 + 0.2, "0.3")],
)
def test_number_is_short(value: float, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "$0"), (0.0, "$0"), (0.5, "$0"), (1.5, "$2"), (1234.5, "$1,234"), (1234.56, "$1,235"),
     (10**9, "$1,000,000,000")],
)
def test_money_is_whole_dollars_halves_to_even(amount: float, text: str) -> None:
    assert money(amount) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "$0.00"), (1234.5, "$1,234.50"), (0.005, "$0.01"), (0.015, "$0.01"),
     (10**9, "$1,000,000,000.00"), (None, "n/a"), ("12", "n/a"), (True, "n/a")],
)
def test_money_cents_has_cents_and_says_when_there_is_no_amount(amount: object, text: str) -> None:
    assert money_cents(amount) == text


@pytest.mark.parametrize(
    ("months", "text"),
    [(None, "never"), (0, "0 months"), (14.0, "14 months"), (2.5, "2.5 months")],
)
def test_months_or_never(months: float | None, text: str) -> None:
    assert months_or_never(months) == text


@pytest.mark.parametrize(
    ("share", "text"),
    [(0, "0%"), (0.0, "0%"), (1, "100%"), (0.25, "25%"), (0.125, "12%"), (0.135, "14%"),
     (0.004, "0%"), (0.666, "67%"), (0.996, "100%"), (2.5, "250%")],
)
def test_percent_is_whole(share: float, text: str) -> None:
    assert percent(share) == text


@given(st.floats(min_value=0, max_value=1))
def test_percent_agrees_with_python_percent_format(share: float) -> None:
    # The cost notes used '{:.0%}' and the pages round(); both must read the same.
    assert percent(share) == f"{share:.0%}"



@pytest.mark.parametrize(
    ("value", "places", "text"),
    [(0, 2, "0.00"), (2.5, 2, "2.50"), (-1.005, 2, "-1.00"), (1234.5678, 1, "1234.6"), (3, 0, "3")],
)
def test_fixed_has_exactly_the_places(value: float, places: int, text: str) -> None:
    assert fixed(value, places) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (400, "400"), (400.0, "400"), (62.5, "62.5"), (62.54, "62.5"),
     (3_600_000, "3600000"), (0.04, "0.0")],
)
def test_rounded_drops_the_point_of_a_whole_number(value: float, text: str) -> None:
    assert rounded(value) == text
