"""The answers as a JSON Schema (2020-12), with the form text the browser builds its fields from."""

from __future__ import annotations

from typing import Any

from .fields import FIELDS, GROUPS, Field
from .formatting import json_number

__all__ = ["input_schema"]


def _property(field: Field) -> dict[str, object]:
    prop: dict[str, object] = {
        "type": field.json_type,
        "title": field.label,
        "description": field.help,
    }
    if field.kind == "choice":
        prop["enum"] = list(field.choices)
        prop["x-choice-help"] = {choice: text for choice, text in field.choice_texts if text}
    if field.minimum is not None:
        key = "exclusiveMinimum" if field.exclusive_minimum else "minimum"
        prop[key] = json_number(field.minimum)
    if field.maximum is not None:
        prop["maximum"] = json_number(field.maximum)
    prop["default"] = field.default
    prop["x-label"] = field.label
    prop["x-help"] = field.help
    prop["x-unit"] = field.unit
    prop["x-group"] = field.group
    prop["x-allowed"] = field.allowed
    if field.nullable:
        prop["x-null-means"] = field.null_means
    return prop


def input_schema() -> dict[str, Any]:
    """JSON Schema of the answers object; properties appear in display order."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Answers for the fine-tuning or RAG calculator",
        "type": "object",
        "additionalProperties": False,
        "properties": {field.name: _property(field) for field in FIELDS},
        "x-groups": [{"id": g.id, "title": g.title, "help": g.help} for g in GROUPS],
    }
