"""Scoring engine of the fine-tuning or RAG calculator: stdlib only, same result everywhere."""

from __future__ import annotations

from .adr import to_adr
from .answers import Answers, validate
from .engine import recommend
from .errors import AnswerError
from .fields import DEFAULTS
from .patterns import PATTERN_IDS
from .render_markdown import to_markdown
from .schema import input_schema

__all__ = [
    "DEFAULTS",
    "PATTERN_IDS",
    "AnswerError",
    "Answers",
    "input_schema",
    "recommend",
    "to_adr",
    "to_markdown",
    "validate",
]
