"""Numbers as text, in two kinds kept apart.

Value encoding (`encode`, `json_number`) writes a value so that a machine reads the same value
back: the calculator page's query string and form controls, the JSON Schema. It never groups
digits and never rounds. Display text (`count`, `figure`, `number`, `money`, `money_cents`,
`percent`) is for people: thousands separators, whole dollars, whole percentages.
"""

from __future__ import annotations

__all__ = [
    "count",
    "encode",
    "figure",
    "fixed",
    "grouped",
    "json_number",
    "money",
    "money_cents",
    "months_or_never",
    "number",
    "percent",
    "rounded",
]


# Value encoding


def encode(value: object) -> str:
    """A value as the query string and the form controls write it: true/false, plain decimals
    without an exponent, a whole float without its '.0', and empty text for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return _plain(repr(value))
    return str(value)


def _plain(text: str) -> str:
    """A float's shortest repr without its exponent: '1.5e-07' -> '0.00000015'."""
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    sign = "-" if mantissa.startswith("-") else ""
    whole, _, fraction = mantissa.lstrip("-").partition(".")
    digits, point = whole + fraction, len(whole) + int(exponent)
    if point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits))
    return f"{sign}{digits[:point]}.{digits[point:]}"


def json_number(value: float) -> int | float:
    """A number for JSON: a whole float as an integer (1e12 -> 1000000000000), others as is."""
    return int(value) if float(value).is_integer() else value


# Display text


def count(value: float) -> str:
    """A count with thousands separators, a float rounded to a whole: 1,000 and 2,500,000."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.0f}"


def figure(value: float) -> str:
    """An answer's number as a reader wrote it: a whole one with thousands separators, any other
    to ten significant digits: 1,000,000, 0.5 and 1,234.5."""
    return count(value) if float(value).is_integer() else f"{value:,.10g}"


def fixed(value: float, places: int) -> str:
    """A number with exactly `places` decimals and no separators: a chart's score, 2.50."""
    return f"{value:.{places}f}"


def rounded(value: float, places: int = 1) -> str:
    """A number without separators to at most `places` decimals, a whole one without its point:
    400 and 62.5 (milliseconds in the answers to the four questions)."""
    return str(int(value)) if float(value).is_integer() else str(round(value, places))


def grouped(value: float) -> str:
    """A number as the record holds it, with thousands separators: 1,500 for an integer, 8,000.0
    and 0.5 for a float, which keeps its point (the result's assumption notes read so)."""
    return f"{value:,}"


def number(value: float) -> str:
    """A figure in its short general form (six significant digits): 2.5, 14, 1e+06."""
    return f"{value:g}"


def money(amount: float) -> str:
    """Whole US dollars with thousands separators: $1,235."""
    return f"${amount:,.0f}"


def money_cents(amount: object) -> str:
    """US dollars and cents with thousands separators, $1,234.50; 'n/a' for what is no number."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return "n/a"
    return f"${float(amount):,.2f}"


def months_or_never(months: float | None) -> str:
    """A payback period: "14 months", "2.5 months", or "never" when there is none."""
    return "never" if months is None else f"{number(months)} months"


def percent(share: float) -> str:
    """A share of one as a whole percentage, halves to even: 0.25 -> 25%, 0.125 -> 12%."""
    return f"{round(share * 100)}%"
