"""The input schema the browser builds its form from."""

from __future__ import annotations

import json

from calculator import DEFAULTS, input_schema, validate
from calculator.fields import FIELDS, GROUPS


def test_schema_is_2020_12_and_closed() -> None:
    schema = input_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    json.dumps(schema, allow_nan=False)


def test_every_property_carries_form_text_and_default() -> None:
    properties = input_schema()["properties"]
    assert list(properties) == [f.name for f in FIELDS]
    for name, prop in properties.items():
        for key in ("x-label", "x-help", "x-unit", "x-group", "default"):
            assert key in prop, (name, key)
        assert prop["default"] == DEFAULTS[name]
        assert prop["x-group"] in {g.id for g in GROUPS}


def test_types_and_ranges() -> None:
    p = input_schema()["properties"]
    assert p["need"]["enum"] == ["knowledge", "behavior", "both"]
    assert p["need"]["type"] == "string"
    assert p["corpus_tokens"]["type"] == ["integer", "null"]
    assert p["corpus_tokens"]["minimum"] == 0
    assert p["latency_budget_ms"]["exclusiveMinimum"] == 0
    assert "minimum" not in p["latency_budget_ms"]
    assert p["cache_hit_rate"]["maximum"] == 1
    assert p["can_fine_tune"]["type"] == "boolean"


def test_groups_in_display_order() -> None:
    groups = input_schema()["x-groups"]
    assert [g["id"] for g in groups] == ["q1", "q2", "q3", "q4", "details", "economics"]
    assert all(g["title"] and g["help"] for g in groups)


def test_enum_values_and_defaults_validate() -> None:
    for name, prop in input_schema()["properties"].items():
        for value in prop.get("enum", [prop["default"]]):
            assert validate({name: value}) == []
